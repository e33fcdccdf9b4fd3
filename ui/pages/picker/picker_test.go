package picker

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/common/screentest"
)

func newPicker(w, h int) Model {
	m := New(screentest.Common(i18n.English))
	m.SetSize(w, h)
	return m
}

// The lessons are listed in teaching order, numbered.
func TestLessonsInTeachingOrder(t *testing.T) {
	v := newPicker(120, 40).View()
	var wants []string
	for _, l := range scenarios.Lessons()[:3] {
		wants = append(wants, fmt.Sprintf("%2d %s", l.Lesson, l.Name))
	}
	if wants[0] != " 1 handshake" {
		t.Fatalf("lesson 1 is %q, not the handshake", wants[0])
	}
	for i, want := range wants {
		at := strings.Index(v, want)
		if at < 0 {
			t.Fatalf("lesson %d is not listed as %q:\n%s", i+1, want, v)
		}
		if i > 0 && at < strings.Index(v, " 1 handshake") {
			t.Errorf("%q comes before lesson 1", want)
		}
	}
}

// Defect 17: filtering "heart" lists the heartbeat lessons (by name, then
// by title) before a fuzzy match like lossy-link; the preview stays while
// the filter is typed.
func TestFilterRanksNamesAndTitlesFirst(t *testing.T) {
	m := newPicker(120, 40)
	m.list.SetFilterText("heart")
	var names []string
	for _, it := range m.list.VisibleItems() {
		names = append(names, it.(item).info.Name)
	}
	if len(names) < 4 || !strings.Contains(names[0], "heartbeat") || !strings.Contains(names[1], "heartbeat") {
		t.Fatalf("\"heart\" lists %v, want the heartbeat lessons first", names)
	}
	for i, n := range names {
		if n == "lossy-link" && i < 4 {
			t.Errorf("lossy-link is listed %d, before the lessons named for heartbeats: %v", i+1, names)
		}
	}
	m = newPicker(120, 40)
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")})
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("h")})
	if v := m.View(); !strings.Contains(v, "Lesson 1: handshake") {
		t.Errorf("while a filter is typed the lesson's text is gone:\n%s", v)
	}
}

// Beside the list, the selected lesson's text in full at 80×24.
func TestLessonTextBesideTheList(t *testing.T) {
	v := newPicker(80, 24).View()
	for _, want := range []string{"Lesson 1: handshake", "watch it in each line."} {
		if !strings.Contains(strings.Join(strings.Fields(v), " "), want) {
			t.Errorf("the picker at 80×24 does not show %q:\n%s", want, v)
		}
	}
}

// In Chinese the picker's count, filter prompt and filter status are
// Chinese too (the list's own status bar speaks only English): issue 14.
func TestPickerStatusInTheReadersLanguage(t *testing.T) {
	m := New(screentest.Common(i18n.Chinese))
	m.SetSize(80, 24)
	if v := m.View(); !strings.Contains(v, fmt.Sprintf("%d 节课", len(scenarios.Lessons()))) {
		t.Errorf("the Chinese picker does not count its lessons in Chinese:\n%s", v)
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")})
	if v := m.View(); !strings.Contains(v, "筛选：") {
		t.Errorf("the Chinese picker's filter prompt is not Chinese:\n%s", v)
	}
	m.list.SetFilterText("heart")
	v := m.View()
	for _, want := range []string{"“heart”：", "节不符"} {
		if !strings.Contains(v, want) {
			t.Errorf("while filtering, the Chinese picker does not show %q:\n%s", want, v)
		}
	}
	for _, english := range []string{"Filter:", "filtered", "lessons", "Nothing matched"} {
		if strings.Contains(v, english) {
			t.Errorf("the Chinese picker shows %q:\n%s", english, v)
		}
	}
}

// The lesson is chosen by the KeyMap's Select binding, not by the name
// "enter" typed into the picker (issue 19, defect 6): rebinding it moves
// the choice to the new key.
func TestChooseByTheKeyMap(t *testing.T) {
	choose := func(m Model, k tea.KeyMsg) string {
		_, cmd := m.Update(k)
		if cmd == nil {
			return ""
		}
		if c, ok := cmd().(ChosenMsg); ok {
			return c.Name
		}
		return ""
	}
	m := newPicker(120, 40)
	enter := tea.KeyMsg{Type: tea.KeyEnter}
	if got := choose(m, enter); got != "handshake" {
		t.Errorf("enter chose %q, want handshake", got)
	}
	m.c.Keys.Select.SetKeys("o")
	if got := choose(m, enter); got != "" {
		t.Errorf("enter chose %q once Select is bound to o, want nothing", got)
	}
	if got := choose(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("o")}); got != "handshake" {
		t.Errorf("o chose %q once Select is bound to it, want handshake", got)
	}
}

// A filter typed and accepted faster than the list's own filtering
// command answers ("/herd" and enter, pasted or typed by a test over SSH)
// opens the match, not the lesson selected before the filter; a late
// answer for an earlier prefix changes nothing.
func TestFilterTypedFastOpensTheMatch(t *testing.T) {
	m := newPicker(80, 24)
	var late []tea.Cmd
	for _, r := range "/herd" {
		var cmd tea.Cmd
		m, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		late = append(late, cmd)
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	for _, cmd := range late[:2] { // the answers to "/" and "h", last
		deliverFilterMatches(t, &m, cmd)
	}
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if cmd == nil {
		t.Fatal("enter on the filtered list chose nothing")
	}
	if c, ok := cmd().(ChosenMsg); !ok || c.Name != "thundering-herd" {
		t.Errorf("\"/herd\" enter enter chose %+v, want thundering-herd", cmd())
	}
}

// deliverFilterMatches runs cmd and hands m every FilterMatchesMsg it
// yields (a batch's too), as Bubble Tea would, however late.
func deliverFilterMatches(t *testing.T, m *Model, cmd tea.Cmd) {
	t.Helper()
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			deliverFilterMatches(t, m, c)
		}
	case list.FilterMatchesMsg:
		*m, _ = m.Update(msg)
	}
}

// Switching the language with a filter applied words the matches in the
// new language and keeps the lesson selected.
func TestLanguageSwitchRefiltersInTheNewLanguage(t *testing.T) {
	m := newPicker(120, 40)
	m.list.SetFilterText("heart")
	m.list.CursorDown()
	want := m.list.SelectedItem().(item).info.Name
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("L")})
	if got, _ := m.list.SelectedItem().(item); got.info.Name != want || got.lang != i18n.Chinese {
		t.Errorf("after L the selected lesson is %s in %v, want %s in Chinese", got.info.Name, got.lang, want)
	}
}
