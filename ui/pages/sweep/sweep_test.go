package sweep

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/scenarios/sweep"
	"github.com/socklab/socklab/ui/common/screentest"
)

// result sweeps a built-in scenario over vary.
func result(t *testing.T, name string, vary ...string) *sweep.Result {
	t.Helper()
	g, err := sweep.NewGrid(vary, make([]bool, len(vary)), 1)
	if err != nil {
		t.Fatal(err)
	}
	s := &sweep.Sweep{Scenario: name, Grid: g, Load: func(point []string) (*scenarios.Scenario, error) {
		return scenarios.Load(name, point...)
	}}
	res, err := s.Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// chartOf is the chart of res at w×h, without colour, for a reader of l.
func chartOf(res *sweep.Result, w, h int, l i18n.Lang) Model {
	m := New(screentest.Common(l), res, res.Shown(), 0)
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(Model)
}

// press sends keys by name, one by one.
func press(m Model, keys ...string) (Model, tea.Cmd) { return screentest.Press(m, keys...) }

// checkScreen fails unless view is h lines of exactly w cells.
func checkScreen(t *testing.T, view string, w, h int) { screentest.Check(t, view, w, h) }

// Acceptance 2: the chart of the heartbeat sweep at 100×30, its cursor
// moved to the fifth point and the heartbeat's bytes drawn; and in
// Chinese.
func TestChartGolden(t *testing.T) {
	res := result(t, "power-loss-heartbeat", "apps.client.heartbeat.interval=5s..60s/5s")
	for _, l := range []i18n.Lang{i18n.English, i18n.Chinese} {
		t.Run(l.String(), func(t *testing.T) {
			m, _ := press(chartOf(res, 100, 30, l), "right", "right", "right", "right")
			for m.res.Measures[m.show[m.measure]].ID != "bytes_per_min.heartbeat" {
				m, _ = press(m, "tab")
			}
			view := m.View()
			checkScreen(t, view, 100, 30)
			golden.RequireEqual(t, []byte(view+"\n"))
		})
	}
}

// The cursor moves along the curve and stops at its ends; the numbers
// beside the chart are the point's.
func TestCursorMovesAlongTheCurve(t *testing.T) {
	res := result(t, "power-loss-heartbeat", "apps.client.heartbeat.interval=10s,20s,30s")
	m := chartOf(res, 100, 30, i18n.English)
	m, _ = press(m, "left")
	if m.Point() != 0 {
		t.Errorf("left at the first point moved to %d", m.Point())
	}
	m, _ = press(m, "right", "right", "right", "right")
	if m.Point() != 2 {
		t.Errorf("right ×4 on 3 points is at %d, want 2", m.Point())
	}
	if v := strings.Join(strings.Fields(m.View()), " "); !strings.Contains(v, "Point 3 of 3") || !strings.Contains(v, "apps.client.heartbeat.interval 30s") {
		t.Errorf("the numbers are not the third point's:\n%s", v)
	}
}

// On a grid, up and down move between the lines; enter chooses the point
// under the cursor and ends the chart; q leaves without a choice.
func TestEnterChoosesThePoint(t *testing.T) {
	res := result(t, "thundering-herd", "apps.clients.count=20,40", "apps.clients.reconnect.policy=exponential,full-jitter")
	m := chartOf(res, 100, 30, i18n.English)
	m, cmd := press(m, "right", "down", "enter")
	// count=40 (the first axis's second value), policy=full-jitter (the
	// second line): point 3.
	if m.Chosen() != 3 || cmd == nil {
		t.Fatalf("enter chose %d (cmd %v), want 3 and quit", m.Chosen(), cmd)
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Errorf("enter does not end the chart")
	}
	if got := strings.Join(res.Points[3].Sets, " "); got != "apps.clients.count=40 apps.clients.reconnect.policy=full-jitter" {
		t.Errorf("point 3 is %s", got)
	}
	m, cmd = press(chartOf(res, 100, 30, i18n.English), "q")
	if m.Chosen() != -1 || cmd == nil {
		t.Errorf("q chose %d", m.Chosen())
	}
}

// L switches the language, and the chart is left in it.
func TestLanguageSwitch(t *testing.T) {
	res := result(t, "power-loss-heartbeat", "apps.client.heartbeat.interval=10s,20s")
	m, _ := press(chartOf(res, 100, 30, i18n.English), "L")
	if m.Lang() != i18n.Chinese || !strings.Contains(m.View(), "取值点 1/2") {
		t.Errorf("after L, %s:\n%s", m.Lang(), m.View())
	}
}

// Every size from the smallest up keeps the screen whole; below it, one
// line says what is needed.
func TestChartSizes(t *testing.T) {
	res := result(t, "power-loss-heartbeat", "apps.client.heartbeat.interval=10s,20s")
	for _, size := range [][2]int{{60, 14}, {80, 24}, {120, 40}, {200, 60}} {
		for _, l := range []i18n.Lang{i18n.English, i18n.Chinese} {
			checkScreen(t, chartOf(res, size[0], size[1], l).View(), size[0], size[1])
		}
	}
	if v := chartOf(res, 40, 10, i18n.English).View(); !strings.Contains(strings.Join(strings.Fields(v), " "), "at least 60×14") {
		t.Errorf("at 40×10: %q", v)
	}
}
