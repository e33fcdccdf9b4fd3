package drill

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios/drill"
	"github.com/socklab/socklab/ui/common/screentest"
	"github.com/socklab/socklab/ui/feed"
)

// page runs the script testdata/drill/<path> and opens its page at w×h,
// without colour, for a reader of l. The title names the file by its base
// name.
func page(t *testing.T, path string, w, h int, l i18n.Lang) Model {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "drill", path))
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(path)
	sc, err := drill.Parse(name, src)
	if err != nil {
		t.Fatal(err)
	}
	f := feed.New(i18n.Text{})
	starts := make([]Start, len(sc.Events))
	res, err := drill.Run(sc, drill.Config{Observe: f.Observe, Starting: func(i int, at time.Duration) { starts[i] = Start{f.Wire.Total(), at} }})
	if err != nil {
		t.Fatal(err)
	}
	next, _ := New(screentest.Common(l), name, res, f, starts).Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(Model)
}

// press sends keys by name, one by one.
func press(m Model, keys ...string) (Model, tea.Cmd) { return screentest.Press(m, keys...) }

// checkScreen fails unless view is h lines of exactly w cells.
func checkScreen(t *testing.T, view string, w, h int) { screentest.Check(t, view, w, h) }

// The views of a run that held and of one that did not, at 80×24 and
// 200×60, and the mismatch in Chinese: the script's lines beside the
// ladder, ✔ each that held, ✘ the mismatch, · those not run, and under
// them packetdrill's report of the mismatch.
func TestViewGolden(t *testing.T) {
	for _, c := range []struct {
		name, path string
		w, h       int
		l          i18n.Lang
	}{
		{"held-80x24", "own/last-ack.pkt", 80, 24, i18n.English},
		{"held-200x60", "own/last-ack.pkt", 200, 60, i18n.English},
		{"mismatch-80x24", "broken/mismatch.pkt", 80, 24, i18n.English},
		{"mismatch-200x60", "broken/mismatch.pkt", 200, 60, i18n.English},
		{"mismatch-zh-80x24", "broken/mismatch.pkt", 80, 24, i18n.Chinese},
	} {
		t.Run(c.name, func(t *testing.T) {
			view := page(t, c.path, c.w, c.h, c.l).View()
			checkScreen(t, view, c.w, c.h)
			golden.RequireEqual(t, []byte(view+"\n"))
		})
	}
}

// Every line of the script is on the page once, in the script's order,
// and every row of the wire once; a packet line sits beside its own
// segment.
func TestEveryLineAndRowOnce(t *testing.T) {
	for _, path := range []string{"own/last-ack.pkt", "own/sack-blocks.pkt", "broken/mismatch.pkt", "linux/tcp_basic_client.pkt"} {
		m := page(t, path, 120, 40, i18n.English)
		ev, rows := -1, map[*feed.Row]bool{}
		for _, l := range m.lines {
			if l.ev >= 0 {
				if l.ev != ev+1 {
					t.Errorf("%s: event %d after %d", path, l.ev, ev)
				}
				ev = l.ev
				if id := m.res.Packet[l.ev]; id != 0 && (l.row == nil || l.row.ID != id) {
					t.Errorf("%s: line %d is not beside its segment %d", path, m.res.Script.Events[l.ev].Pos.Line, id)
				}
			}
			if l.row != nil && l.ev < 0 || l.row != nil && m.res.Packet[max(l.ev, 0)] != 0 {
				if rows[l.row] {
					t.Errorf("%s: a row twice", path)
				}
				rows[l.row] = true
			}
		}
		if ev != len(m.res.Script.Events)-1 {
			t.Errorf("%s: the last event on the page is %d of %d", path, ev, len(m.res.Script.Events))
		}
		if want := m.feed.Wire.Len(); len(rows) != want {
			t.Errorf("%s: %d wire rows on the page, the wire has %d", path, len(rows), want)
		}
	}
}

// The cursor starts on the mismatch; it moves line by line and a page at
// a time, stops at the ends, and x brings it back to the mismatch. The
// detail follows it.
func TestCursor(t *testing.T) {
	m := page(t, "broken/mismatch.pkt", 80, 24, i18n.English)
	failed := m.cur
	if l := m.lines[failed]; l.ev < 0 || m.res.Status[l.ev] != drill.Failed {
		t.Fatalf("the cursor starts on line %d, not the mismatch", failed)
	}
	if v := m.View(); !strings.Contains(v, "mismatch.pkt:19: error handling packet") {
		t.Errorf("the detail does not report the mismatch:\n%s", v)
	}
	m, _ = press(m, "home")
	if m.cur != 0 || !strings.Contains(m.View(), "✔ line 5 held, at 0.000000 s") {
		t.Errorf("home: cursor %d\n%s", m.cur, m.View())
	}
	m, _ = press(m, "up", "down", "down")
	if m.cur != 2 {
		t.Errorf("up at the top then down twice: cursor %d", m.cur)
	}
	m, _ = press(m, "pgdown", "pgdown", "pgdown", "pgdown")
	if m.cur != len(m.lines)-1 {
		t.Errorf("pgdown to the end: cursor %d of %d", m.cur, len(m.lines))
	}
	m, _ = press(m, "x")
	if m.cur != failed {
		t.Errorf("x: cursor %d, the mismatch is %d", m.cur, failed)
	}
	m, _ = press(m, "L")
	if !strings.Contains(m.View(), "第 19 行不符") {
		t.Errorf("L does not switch to Chinese:\n%s", m.View())
	}
	if _, cmd := press(m, "q"); cmd == nil {
		t.Errorf("q does not leave")
	}
}

// Every size from the smallest up keeps the screen whole; below it, one
// line says what is needed.
func TestSizes(t *testing.T) {
	for _, size := range [][2]int{{60, 14}, {80, 24}, {120, 40}, {200, 60}} {
		for _, l := range []i18n.Lang{i18n.English, i18n.Chinese} {
			m := page(t, "broken/mismatch.pkt", size[0], size[1], l)
			for range len(m.lines) {
				checkScreen(t, m.View(), size[0], size[1])
				m, _ = press(m, "up")
			}
		}
	}
	if v := page(t, "own/last-ack.pkt", 40, 10, i18n.English).View(); !strings.Contains(strings.Join(strings.Fields(v), " "), "at least 60×14") {
		t.Errorf("at 40×10: %q", v)
	}
}
