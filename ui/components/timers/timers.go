package timers

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/styles"
)

// Lines renders the pane: every live timer as a countdown bar with its
// remaining time, "server heartbeat timeout ▓▓▓▓░░ 12.4s". At most its
// height; a last line counts what does not fit.
func (m Model) Lines() []string {
	d, now, st, w, h := &m.d, m.snap.Now, m.c.Styles, m.w, m.h
	if h <= 0 {
		return nil
	}
	ts := d.timers
	if len(ts) == 0 {
		return []string{st.Dim.Render("no timer is armed")}
	}
	n := len(ts)
	show := ts
	out := make([]string, 0, h)
	if n > h {
		out = append(out, timerCounts(ts, st))
		show = ts[:max(0, h-2)]
	}
	// Labels get the room they need, bars what is left: at most 24 cells,
	// at least a fifth of the line (up to 8); no bar when the line is too
	// short for one.
	const remW = 5
	need := 0
	for _, t := range show {
		l := timerOwner(t) + " " + t.Name
		if t.Detail != "" {
			l += " (" + t.Detail + ")"
		}
		need = max(need, ansi.StringWidth(l))
	}
	barW := format.Clamp(w-need-remW-2, min(8, w/5), 24)
	labelW := w - barW - remW - 2
	if barW < 4 || labelW < 10 {
		barW, labelW = 0, w-remW-1
	}
	for _, t := range show {
		label := timerOwner(t) + " " + t.Name
		if d.timerDup[timerOwner(t)+"\x00"+t.Name] > 1 {
			label += " " + peerOf(t.Conn)
		}
		if t.Detail != "" {
			// The detail in full if it fits, else its first clause.
			full := label + " (" + t.Detail + ")"
			first, _, _ := strings.Cut(t.Detail, ",")
			if ansi.StringWidth(full) <= labelW || first == t.Detail {
				label = full
			} else {
				label += " (" + first + ")"
			}
		}
		left := t.Deadline - now
		total := t.Deadline - t.Start
		frac := 1.0
		if total > 0 {
			frac = float64(left) / float64(total)
		}
		line := format.Fit(label, labelW) + " "
		if barW > 0 {
			line += common.Bar(st, frac, barW) + " "
		}
		out = append(out, line+format.PadLeft(format.Dur(left), remW))
	}
	if n > h && h >= 2 {
		out = append(out, st.Dim.Render(fmt.Sprintf("+%d more", n-len(show))))
	}
	return out
}

// timerCounts: "2658 timers: 1000 next ping · 885 time-wait · …".
func timerCounts(ts []lab.TimerView, st styles.Styles) string {
	count := map[string]int{}
	var names []string
	for _, t := range ts {
		if count[t.Name] == 0 {
			names = append(names, t.Name)
		}
		count[t.Name]++
	}
	slices.SortStableFunc(names, func(a, b string) int { return count[b] - count[a] })
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%d %s", count[n], n)
	}
	return st.Strong.Render(fmt.Sprintf("%d timers: ", len(ts))) + strings.Join(parts, " · ")
}

// peerOf names a connection by its far end, "⇄10.0.0.2:50312", from its
// tuple "tcp 10.0.0.1:8080 > 10.0.0.2:50312".
func peerOf(tuple string) string {
	if i := strings.LastIndex(tuple, " > "); i >= 0 {
		return "⇄" + tuple[i+3:]
	}
	return tuple
}

// Model is the timers pane. Timers keep a stable order (by node, then
// connection) so bars do not jump around as they re-arm.
type Model struct {
	c     *common.Common
	order []string
	snap  *lab.Snapshot
	d     derived
	w, h  int
}

// New makes the timers pane of a lab whose nodes go in the given (wire)
// order.
func New(c *common.Common, order []string) Model { return Model{c: c, order: order} }

// SetSize gives the pane w×h cells.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Title is "timers N".
func (m Model) Title() string { return fmt.Sprintf("timers %d", len(m.snap.Timers)) }

// View is Lines, one a line.
func (m Model) View() string { return strings.Join(m.Lines(), "\n") }

// derived is what the pane needs from a snapshot beyond the snapshot
// itself: sorted and counted once when the snapshot is taken (in Update),
// so that View stays cheap with thousands of connections and timers.
type derived struct {
	// timers in display order: by node (wire order), then connection.
	timers []lab.TimerView
	// timerDup counts timers by owner and name, to tell apart those of one
	// owner with one name.
	timerDup map[string]int
}

// SetSnapshot shows the lab's state snap, sorting its timers.
func (m *Model) SetSnapshot(snap *lab.Snapshot) {
	m.snap = snap
	rank := make(map[string]int, len(m.order))
	for i, n := range m.order {
		rank[n] = i
	}
	type keyed struct {
		rank int
		t    lab.TimerView
	}
	ks := make([]keyed, len(snap.Timers))
	for i, t := range snap.Timers {
		ks[i] = keyed{rank[t.Host], t}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.t.Conn, b.t.Conn))
	})
	d := derived{timers: make([]lab.TimerView, len(ks)), timerDup: map[string]int{}}
	for i, k := range ks {
		d.timers[i] = k.t
		d.timerDup[timerOwner(k.t)+"\x00"+k.t.Name]++
	}
	m.d = d
}

// timerOwner is who a timer belongs to: its application, else its host.
func timerOwner(t lab.TimerView) string {
	if t.App != "" {
		return t.App
	}
	return t.Host
}
