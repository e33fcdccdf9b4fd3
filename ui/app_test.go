package ui

import (
	"io"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/common"
)

func testCommon() *common.Common {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	return common.NewCommon(r, i18n.English)
}

// send gives msg to a, then runs the command it returns, once, feeding
// its message back (what the program does with a picker's choice).
func send(t *testing.T, a App, msg tea.Msg) App {
	t.Helper()
	next, cmd := a.Update(msg)
	a = next.(App)
	if cmd != nil {
		if m := cmd(); m != nil {
			next, _ = a.Update(m)
			a = next.(App)
		}
	}
	return a
}

// Enter in the picker opens the lab on the selected scenario.
func TestPickerOpensTheLab(t *testing.T) {
	a := NewApp(testCommon())
	a = send(t, a, tea.WindowSizeMsg{Width: 100, Height: 30})
	if v := a.View(); !strings.Contains(v, "socklab · lessons") {
		t.Fatalf("the picker is not on screen:\n%s", v)
	}
	a = send(t, a, tea.KeyMsg{Type: tea.KeyEnter})
	if a.lab == nil {
		t.Fatal("enter did not open the lab")
	}
	if v := a.View(); !strings.Contains(v, "socklab · ") || !strings.Contains(v, "what is happening") {
		t.Errorf("the lab is not on screen:\n%s", v)
	}
}
