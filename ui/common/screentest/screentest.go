package screentest

import (
	"io"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/common"
)

// Common is a terminal's Common for a reader of l, drawn in plain text
// (termenv.Ascii) on a dark background, its output discarded.
func Common(l i18n.Lang) *common.Common {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	r.SetHasDarkBackground(true)
	return common.NewCommon(r, l)
}

// keys are the keys named otherwise than by the text they type.
var keys = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
	"backspace": tea.KeyBackspace, "up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft,
	"right": tea.KeyRight, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome,
	"end": tea.KeyEnd,
}

// Key is the key named k, as a terminal sends it: "space", "enter",
// "esc", "up", "pgdown", "shift+tab", …; any other name is the text it
// types ("n", "L", "/").
func Key(k string) tea.KeyMsg {
	if k == "space" {
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	if t, ok := keys[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// Press sends m the keys named (Key), one by one, and returns the model
// and the command of the last.
func Press[M tea.Model](m M, keys ...string) (M, tea.Cmd) {
	var cmd tea.Cmd
	for _, k := range keys {
		var next tea.Model
		next, cmd = m.Update(Key(k))
		m = next.(M)
	}
	return m, cmd
}

// Check fails the test unless view is exactly h lines of exactly w cells.
func Check(t testing.TB, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), h, view) //i18n:ok a test's failure, for developers
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Fatalf("line %d is %d cells wide, want %d:\n%q", i, got, w, l) //i18n:ok a test's failure, for developers
		}
	}
}
