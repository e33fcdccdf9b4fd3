package lab

import (
	"strings"
	"testing"
	"time"
)

// Issue 9's layout at 80×24: tab and shift+tab move the focus through the
// five panes and back, the focused pane's border is heavy, and z gives the
// focused pane the whole screen and back.
func TestFocusAndZoomAt80x24(t *testing.T) {
	m := labAt(t, "heartbeat-reconnect", 34*time.Second, 80, 24)
	order := []pane{paneHosts, paneTimers, paneConns, paneWire, paneLog}
	start := m.focus
	var seen []pane
	for range order {
		m = press(t, m, "tab")
		seen = append(seen, m.focus)
	}
	if m.focus != start {
		t.Errorf("five tabs went from %v to %v, want back to %v (seen %v)", start, m.focus, start, seen)
	}
	focused := map[pane]bool{}
	for _, p := range seen {
		focused[p] = true
	}
	for _, p := range order {
		if !focused[p] {
			t.Errorf("tab never focused pane %d: %v", p, seen)
		}
	}
	m = press(t, m, "shift+tab")
	if m.focus != seen[len(seen)-2] {
		t.Errorf("shift+tab went to %v, want %v", m.focus, seen[len(seen)-2])
	}

	m.focus = paneLog
	view := m.View()
	if !strings.Contains(view, "┣ what is happening ━") || strings.Contains(view, "┣ wire ━") {
		t.Errorf("the focused narration's border is not the heavy one:\n%s", view)
	}
	m = press(t, m, "z")
	zoomed := m.View()
	checkScreen(t, zoomed, 80, 24)
	if !strings.Contains(zoomed, "what is happening · zoomed · z returns") || strings.Contains(zoomed, "wire") {
		t.Errorf("z did not give the narration the whole screen:\n%s", zoomed)
	}
	if !strings.Contains(zoomed, "drops the old connection on its own.") {
		t.Errorf("zoomed at 80×24, the lesson text is not shown to its end:\n%s", zoomed)
	}
	m = press(t, m, "z")
	if v := m.View(); v != view {
		t.Errorf("z again did not return to the five panes:\n%s", v)
	}
}
