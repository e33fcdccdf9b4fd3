package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/common/screentest"
)

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
	a := NewApp(screentest.Common(i18n.English))
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

// L in the picker switches its language, and the lab opened from it speaks
// the same language; every line fits the terminal in display cells.
func TestPickerSwitchesLanguage(t *testing.T) {
	a := NewApp(screentest.Common(i18n.English))
	a = send(t, a, tea.WindowSizeMsg{Width: 100, Height: 30})
	a = send(t, a, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("L")})
	v := a.View()
	for _, want := range []string{"课程", "断电且没有心跳", "第 1 课"} {
		if !strings.Contains(v, want) {
			t.Errorf("after L, the picker does not show %q:\n%s", want, v)
		}
	}
	for i, l := range strings.Split(v, "\n") {
		if w := ansi.StringWidth(l); w > 100 {
			t.Errorf("picker line %d is %d cells wide: %q", i, w, l)
		}
	}
	a = send(t, a, tea.KeyMsg{Type: tea.KeyEnter})
	if v := a.View(); !strings.Contains(v, "正在发生什么") {
		t.Errorf("the lab opened from a Chinese picker is not in Chinese:\n%s", v)
	}
}

// Defect 9: from a lesson opened in the picker, esc goes back to it with
// the same lesson selected; q quits.
func TestEscGoesBackToThePicker(t *testing.T) {
	a := NewApp(screentest.Common(i18n.English))
	a = send(t, a, tea.WindowSizeMsg{Width: 120, Height: 40})
	a = send(t, a, tea.KeyMsg{Type: tea.KeyDown})
	a = send(t, a, tea.KeyMsg{Type: tea.KeyDown})
	a = send(t, a, tea.KeyMsg{Type: tea.KeyEnter})
	third := scenarios.Lessons()[2].Name
	if a.lab == nil || a.lab.Scenario() != third {
		t.Fatalf("enter on lesson 3 did not open %s", third)
	}
	a = send(t, a, tea.KeyMsg{Type: tea.KeyEsc})
	if a.lab != nil {
		t.Fatal("esc did not leave the lab")
	}
	if v := a.View(); !strings.Contains(v, "Lesson 3: "+third) {
		t.Errorf("back in the picker, lesson 3 is not the one selected:\n%s", v)
	}
	_, cmd := a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	if cmd == nil {
		t.Fatal("q does nothing in the picker")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q does not quit from the picker")
	}
}
