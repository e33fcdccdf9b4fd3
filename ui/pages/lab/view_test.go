package lab

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/socklab/socklab/ui/format"
)

// goldenCases are the scenarios whose screens are golden files, each at a
// simulated time where its lesson is on screen.
var goldenCases = []struct {
	scenario string
	at       time.Duration
}{
	{"power-loss-heartbeat", 110 * time.Second},            // the server has just detected the silent client
	{"handshake", 5070 * time.Millisecond},                 // three clients accepted, three 5-tuples
	{"heartbeat-reconnect", 34 * time.Second},              // ping #6 unanswered; reconnecting to a dead link
	{"firewall-idle-drop", 10*time.Minute + 3*time.Second}, // the flow is forgotten, the client's data dies at the firewall
	{"thundering-herd", 76 * time.Second},                  // the herd is back, the backlog overflowed
}

// goldenSizes are the sizes a class uses: a small projector, a laptop, a
// large screen.
var goldenSizes = [][2]int{{80, 24}, {120, 40}, {200, 60}}

// TestViewGolden compares the screen with testdata/TestViewGolden/*.golden
// at 80×24, 120×40 and 200×60. Refresh them with go test ./ui/pages/lab
// -update.
func TestViewGolden(t *testing.T) {
	for _, c := range goldenCases {
		for _, size := range goldenSizes {
			name := c.scenario + "/" + format.Itoa(size[0]) + "x" + format.Itoa(size[1])
			t.Run(name, func(t *testing.T) {
				m := labAt(t, c.scenario, c.at, size[0], size[1])
				view := m.View()
				checkScreen(t, view, size[0], size[1])
				golden.RequireEqual(t, []byte(view+"\n"))
			})
		}
	}
}

// checkScreen fails unless view is exactly h lines of exactly w cells:
// nothing wraps, nothing is missing.
func checkScreen(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), h, view)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Fatalf("line %d is %d cells wide, want %d:\n%q", i, got, w, l)
		}
	}
}

// TestViewFitsEverySize draws every kind of screen at sizes from tiny to
// large, with each overlay open: every frame must fill the terminal exactly.
func TestViewFitsEverySize(t *testing.T) {
	sizes := [][2]int{{20, 5}, {39, 7}, {40, 8}, {50, 10}, {60, 20}, {63, 24}, {64, 24}, {80, 24}, {100, 30}, {120, 40}, {160, 48}, {200, 60}, {250, 70}}
	for _, c := range goldenCases {
		m := labAt(t, c.scenario, c.at, 80, 24)
		for _, size := range sizes {
			for _, open := range []string{"", "f", "e", "?"} {
				mm := update(t, m, resize(size[0], size[1]))
				if open != "" {
					mm = press(t, mm, open)
				}
				view := mm.View()
				if size[0] < minWidth || size[1] < minHeight {
					for _, l := range strings.Split(view, "\n") {
						if ansi.StringWidth(l) > size[0] {
							t.Fatalf("%s %dx%d: a line is wider than the terminal: %q", c.scenario, size[0], size[1], l)
						}
					}
					continue
				}
				t.Run("", func(t *testing.T) { checkScreen(t, view, size[0], size[1]) })
			}
		}
	}
}

// TestViewIsPlainUnderAscii: with no colour (NO_COLOR), the screen has no
// escape sequence at all, and still says what state each connection is in.
func TestViewIsPlainUnderAscii(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 30*time.Second, 120, 40)
	view := m.View()
	if strings.Contains(view, "\x1b") {
		t.Fatalf("escape sequences under the Ascii profile:\n%q", view)
	}
	for _, want := range []string{"ESTABLISHED", "ping #", "pong #", "next ping", "heartbeat timeout", "what is happening"} {
		if !strings.Contains(view, want) {
			t.Errorf("the screen does not show %q:\n%s", want, view)
		}
	}
}

// TestViewShowsTheLessonFirst: before anything runs, "what is happening"
// holds the scenario's teaching text.
func TestViewShowsTheLessonFirst(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 0, 120, 40)
	view := m.View()
	for _, want := range []string{"A power cut sends nothing", "❚❚ paused", "t 00:00.000 / 03:00", "seed 1", ":8080", "SYN_SENT"} {
		if !strings.Contains(view, want) {
			t.Errorf("the first screen does not show %q:\n%s", want, view)
		}
	}
}
