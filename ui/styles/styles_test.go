package styles

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func renderer(p termenv.Profile) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(p)
	return r
}

// Two terminals served by one process get their own colours: one without
// colour draws plain text while the other draws in colour.
func TestStylesFollowTheirTerminal(t *testing.T) {
	plain, colour := New(renderer(termenv.Ascii)), New(renderer(termenv.TrueColor))
	if got := plain.Title.Render("wire"); got != "wire" {
		t.Errorf("without colour: got %q, want plain text", got)
	}
	if got := colour.Title.Render("wire"); !strings.Contains(got, "\x1b[") {
		t.Errorf("in true colour: got %q, want escape sequences", got)
	}
}

// Rebind makes a bubbles component's styles draw for the given terminal.
func TestRebind(t *testing.T) {
	h := help.New()
	Rebind(&h.Styles, renderer(termenv.TrueColor))
	if got := h.Styles.ShortKey.Render("q"); !strings.Contains(got, "\x1b[") {
		t.Errorf("rebound to a true-colour terminal: got %q, want colour", got)
	}
	Rebind(&h.Styles, renderer(termenv.Ascii))
	if got := h.Styles.ShortKey.Render("q"); got != "q" {
		t.Errorf("rebound to a terminal without colour: got %q, want plain text", got)
	}
}
