package lab

import (
	"math"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/common/screentest"
)

// testCommon is a terminal without colour: golden files hold plain text,
// whatever the terminal the tests run in. Its reader reads English.
func testCommon() *common.Common { return testCommonIn(i18n.English) }

// testCommonIn is testCommon for a reader of l.
func testCommonIn(l i18n.Lang) *common.Common { return screentest.Common(l) }

// labAt opens a built-in scenario in a w×h terminal and runs it to
// simulated time at.
func labAt(t testing.TB, name string, at time.Duration, w, h int) Model {
	t.Helper()
	return labAtIn(t, name, at, w, h, i18n.English)
}

// labAtIn is labAt for a reader of l.
func labAtIn(t testing.TB, name string, at time.Duration, w, h int, l i18n.Lang) Model {
	t.Helper()
	sc, err := scenarios.Load(name)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	m, err := New(testCommonIn(l), sc)
	if err != nil {
		t.Fatalf("New(%s): %v", name, err)
	}
	m = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	m.run.Advance(at, math.MaxInt)
	m.refresh()
	return m
}

// update sends msg and returns the new model.
func update(t testing.TB, m Model, msg tea.Msg) Model {
	t.Helper()
	next, _ := m.Update(msg)
	return next.(Model)
}

// press sends a key by its name ("space", "n", "enter", "esc", …).
func press(t testing.TB, m Model, k string) Model {
	t.Helper()
	return update(t, m, keyMsg(k))
}

func keyMsg(k string) tea.KeyMsg { return screentest.Key(k) }

func resize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }
