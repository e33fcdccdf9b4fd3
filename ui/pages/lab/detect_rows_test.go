package lab

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/feed"
	"github.com/socklab/socklab/ui/format"
)

// TestDetectionRowsAreWholeAt80 runs every built-in lesson at 80×24, in
// English and in Chinese, to each of its detections, and reads the
// detection where the screen tells it: the wire's row ("! ssh: gone, ping
// #10 unanswered within 15s, 3 in a row (heartbeat.max_missed)", once cut
// at "(h…") and the connections pane's line under the end that detected
// ("! detected at 02:45.400: …", once cut at "(hear…"). Each must hold its
// rule whole, across the lines it is wrapped on.
func TestDetectionRowsAreWholeAt80(t *testing.T) {
	checked := 0
	for _, info := range scenarios.Lessons() {
		sc, err := scenarios.Load(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		var detects []lab.DetectEvent
		if _, err := sc.Run(0, func(e netsim.Event) {
			// The first few of a lesson (a herd's thousand say the same).
			if d, ok := e.(*lab.DetectEvent); ok && len(detects) < 6 {
				detects = append(detects, *d)
			}
		}); err != nil {
			t.Fatal(err)
		}
		for _, l := range i18n.Langs {
			m := labAtIn(t, info.Name, 0, 80, 24, l)
			for _, d := range detects {
				m.run.Advance(d.At, math.MaxInt)
				m.refresh()
				view := m.View()
				rule := squeeze(d.Rule.In(l))
				who := m.c.Actor(feed.Who(d.Host, d.App), "")
				wire, onWire := textAfter(view, "! "+who, d.At)
				if onWire {
					checked++
					if !strings.Contains(wire, rule) {
						t.Errorf("%s (%s) at %v: the wire's row of %s's detection does not hold its rule %q:\n%s", info.Name, l, d.At, who, d.Rule.In(l), view)
					}
				}
				head := m.c.T(i18n.UITruthDetected, "At", format.Stamp(d.At, false), "Rule", "")
				if conn, ok := textAfter(view, head, -1); ok {
					checked++
					if !strings.Contains(conn, rule) {
						t.Errorf("%s (%s) at %v: the connections pane's detection does not hold its rule %q:\n%s", info.Name, l, d.At, d.Rule.In(l), view)
					}
				}
			}
		}
	}
	if checked < 60 {
		t.Errorf("read %d detections on screen, want at least 60: the test lost its way", checked)
	}
}

// textAfter finds the line of view that holds head (after the time stamp
// of at, when at ≥ 0) and returns what follows head there and on the
// lines that continue it (their first cells blank where head's line
// has its time), without spaces or frame borders.
func textAfter(view, head string, at time.Duration) (string, bool) {
	lines := strings.Split(view, "\n")
	for i, line := range lines {
		j := strings.Index(line, head)
		if j < 0 || at >= 0 && !strings.Contains(line[:j], format.Stamp(at, false)) {
			continue
		}
		text := line[j+len(head):]
		indent := format.Width(line[:j]) - 1 // continuation lines are blank up to here (the border aside)
		for _, next := range lines[i+1:] {
			inner := []rune(next)
			if len(inner) < 2 || strings.TrimSpace(string(inner[1:min(len(inner), indent+1)])) != "" {
				break
			}
			text += string(inner[1:])
		}
		return squeeze(text), true
	}
	return "", false
}

// squeeze drops spaces and the frame's borders: what is left compares
// across wrapped lines in either language.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || strings.ContainsRune("┃│", r) {
			return -1
		}
		return r
	}, s)
}

// TestWrappedRowIsOneRow: a row wrapped on two lines is one row of the
// wire. A click on either line selects it; the cursor, moved up through
// it and beyond, stays on screen at every step (the rows above a wrapped
// one have a line less between them and the top).
func TestWrappedRowIsOneRow(t *testing.T) {
	m := labAt(t, "preset-ssh", 2*time.Minute+45400*time.Millisecond, 80, 24)
	lines := m.wire.Lines()
	first := -1
	for i, l := range lines {
		if strings.Contains(l, "! ssh: gone,") {
			first = i
		}
	}
	if first < 0 || first+1 >= len(lines) || !strings.Contains(lines[first+1], "(heartbeat.max_missed)") {
		t.Fatalf("the detection is not on two lines of the wire:\n%s", strings.Join(lines, "\n"))
	}
	a, okA := m.wire.RowAt(first)
	b, okB := m.wire.RowAt(first + 1)
	c, okC := m.wire.RowAt(first + 2)
	if !okA || !okB || !okC || a != b || c != a+1 {
		t.Errorf("RowAt(%d, %d, %d) = %d %v, %d %v, %d %v: want one row on the first two lines, the next on the third",
			first, first+1, first+2, a, okA, b, okB, c, okC)
	}
	for i := range 12 {
		m.wire.MoveCursor(1)
		if got := strings.Count(strings.Join(m.wire.Lines(), "\n"), "▸"); got != 1 {
			t.Fatalf("after %d moves up the cursor is on %d lines, want 1:\n%s", i+1, got, strings.Join(m.wire.Lines(), "\n"))
		}
	}
}
