package styles

import (
	"fmt"
	"io"
	"math"
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

// A painter paints as Render does, in and out of colour.
func TestPainterPaintsAsRender(t *testing.T) {
	for _, p := range []termenv.Profile{termenv.Ascii, termenv.ANSI256, termenv.TrueColor} {
		st := New(renderer(p))
		for _, s := range []lipgloss.Style{st.Title, st.Border, st.Selected, st.Teaches, st.Dim} {
			if got, want := PainterOf(s).Paint("wire ─│"), s.Render("wire ─│"); got != want {
				t.Errorf("profile %v: painted %q, Render gives %q", p, got, want)
			}
		}
	}
}

// contrast is the WCAG contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	lum := func(h string) float64 {
		var rgb [3]float64
		for i := range 3 {
			var v int
			fmt.Sscanf(h[1+2*i:3+2*i], "%02x", &v)
			c := float64(v) / 255
			if c <= 0.03928 {
				rgb[i] = c / 12.92
			} else {
				rgb[i] = math.Pow((c+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestContrast: on a light terminal (white) and a dark one (#0d1117),
// every colour stays readable on a projector, the muted ones included.
func TestContrast(t *testing.T) {
	for _, c := range []struct {
		name string
		col  lipgloss.AdaptiveColor
		min  float64
	}{
		{"text", colText, 7}, {"dim", colDim, 5.5}, {"border", colBorder, 4.5}, {"title", colTitle, 5.5},
		{"green", colGreen, 4.5}, {"yellow", colYellow, 4.5}, {"orange", colOrange, 4.5}, {"red", colRed, 4.5},
		{"blue", colBlue, 4.5}, {"purple", colPurple, 4.5}, {"cyan", colCyan, 4.5}, {"bar", colBarBg, 2.5},
	} {
		if r := contrast(c.col.Light, "#ffffff"); r < c.min {
			t.Errorf("%s on white: %.2f:1, want at least %.1f:1", c.name, r, c.min)
		}
		if r := contrast(c.col.Dark, "#0d1117"); r < c.min {
			t.Errorf("%s on #0d1117: %.2f:1, want at least %.1f:1", c.name, r, c.min)
		}
	}
}
