package timers

import (
	"cmp"
	"slices"
	"strings"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/styles"
)

// Lines renders the pane: every live timer as a countdown bar with its
// remaining time, "server heartbeat timeout ▓▓▓▓░░ 12.4s". When they do
// not all fit, the first line counts them by name and the rest scroll.
func (m Model) Lines() []string {
	d, now, st, w, h, l := &m.d, m.snap.Now, m.c.Styles, m.w, m.h, m.c.Lang
	if h <= 0 {
		return nil
	}
	ts := d.timers
	if len(ts) == 0 {
		return []string{st.Dim.Render(l.T(i18n.UINoTimer))}
	}
	out := make([]string, 0, h)
	rows := m.rows()
	if rows < h {
		out = append(out, format.List(m.d.counts, m.d.countsBy, " · ", w))
	}
	from, to := m.scroll.Window(len(ts), rows)
	show := ts[from:to]
	// Labels get the room they need, bars what is left (at most 24 cells,
	// none when fewer than 4 are left): a timer's name is never cut for its
	// bar. A detail comes in full when the bar can make room for it, else
	// its first clause, else not at all.
	const remW = 5
	labels := make([]string, len(show))
	for i, t := range show {
		labels[i] = m.c.Actor(timerOwner(t), t.Label.In(l))
		if d.timerDup[timerOwner(t)+"\x00"+string(t.Name)] > 1 {
			labels[i] += " " + peerOf(t.Conn)
		}
	}
	withDetail := func(i int, full bool) string {
		detail := show[i].Detail.In(l)
		if detail == "" {
			return labels[i]
		}
		if !full {
			detail, _, _ = strings.Cut(detail, ",")
			detail, _, _ = strings.Cut(detail, "，")
		}
		return l.T(i18n.UIWithDetail, "Label", labels[i], "Detail", detail)
	}
	barFor := func(detail, full bool) int {
		need := 0
		for i := range show {
			label := labels[i]
			if detail {
				label = withDetail(i, full)
			}
			need = max(need, format.Width(label))
		}
		return min(w-need-remW-2, 24)
	}
	barW, details, full := barFor(true, true), true, true
	if barW < 8 {
		if b := barFor(true, false); b >= 8 {
			barW, full = b, false
		} else {
			barW, details = barFor(false, false), false
		}
	}
	if barW < 4 {
		barW = 0
	}
	labelW := w - remW - 1
	if barW > 0 {
		labelW -= barW + 1
	}
	for i, t := range show {
		label := labels[i]
		if ld := withDetail(i, full); details || format.Width(ld) <= labelW {
			label = ld
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
		out = append(out, line+format.PadLeft(format.Left(left), remW))
	}
	return out
}

// rows is how many timers the pane lists: a line goes to their counts by
// name when there are many more than the pane has lines (a herd's).
func (m Model) rows() int {
	if len(m.d.timers) > 2*m.h && m.h > 1 {
		return m.h - 1
	}
	return m.h
}

// Scroll moves the list n timers up (n < 0: down).
func (m *Model) Scroll(n int) { m.scroll.By(n, len(m.d.timers), m.rows()) }

// Mark is the pane's scroll mark (common.Mark).
func (m Model) Mark() string {
	from, to := m.scroll.Window(len(m.d.timers), m.rows())
	return common.Mark(from, to, len(m.d.timers))
}

// MinWidth is the least width that shows every timer's name whole: its
// longest owner and name, and the time left (no detail, no bar).
func (m Model) MinWidth() int { return m.d.minW }

// Width is the widest line the pane would like: its longest label with
// its detail, a bar and the time left.
func (m Model) Width() int { return m.d.fullW }

// widths measures what MinWidth and Width report, over the first
// widthSample timers in display order: enough to lay a pane out by, and a
// herd's thousands cost no more than a lesson's few.
func (d *derived) widths(c *common.Common) {
	const widthSample = 100
	name, full := 0, 0
	for _, t := range d.timers[:min(len(d.timers), widthSample)] {
		l := c.Actor(timerOwner(t), t.Label.In(c.Lang))
		name = max(name, format.Width(l))
		if !t.Detail.IsZero() {
			l = c.T(i18n.UIWithDetail, "Label", l, "Detail", t.Detail)
		}
		full = max(full, format.Width(l))
	}
	d.minW, d.fullW = name+1+5, full+1+12+1+5
}

// timerCounts: "2658 timers: " and its items, "1000 next ping", "885
// time-wait", …, most first (format.List joins those that fit).
func timerCounts(ts []lab.TimerView, st styles.Styles, l i18n.Lang) (string, []string) {
	count := map[i18n.ID]int{}
	var names []i18n.ID
	for _, t := range ts {
		if count[t.Name] == 0 {
			names = append(names, t.Name)
		}
		count[t.Name]++
	}
	slices.SortStableFunc(names, func(a, b i18n.ID) int { return count[b] - count[a] })
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = format.Itoa(count[n]) + " " + l.T(n)
	}
	return st.Strong.Render(l.T(i18n.UITimerCount, "N", len(ts))), parts
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
	c      *common.Common
	order  []string
	snap   *lab.Snapshot
	d      derived
	w, h   int
	scroll common.Scroll
}

// New makes the timers pane of a lab whose nodes go in the given (wire)
// order.
func New(c *common.Common, order []string) Model { return Model{c: c, order: order} }

// SetSize gives the pane w×h cells.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Title is "timers N".
func (m Model) Title() string {
	return common.Titled(m.c.T(i18n.UIPaneTimers, "N", len(m.snap.Timers)), m.Mark())
}

// derived is what the pane needs from a snapshot beyond the snapshot
// itself: sorted and counted once when the snapshot is taken (in Update),
// so that View stays cheap with thousands of connections and timers.
type derived struct {
	// timers in display order: by node (wire order), then connection.
	timers []lab.TimerView
	// timerDup counts timers by owner and name, to tell apart those of one
	// owner with one name.
	timerDup map[string]int
	// counts and countsBy make the line that counts them by name, for
	// when they do not all fit (timerCounts).
	counts   string
	countsBy []string
	// minW and fullW are MinWidth and Width.
	minW, fullW int
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
		d.timerDup[timerOwner(k.t)+"\x00"+string(k.t.Name)]++
	}
	d.counts, d.countsBy = timerCounts(d.timers, m.c.Styles, m.c.Lang)
	d.widths(m.c)
	m.d = d
}

// timerOwner is who a timer belongs to: its application, else its host.
func timerOwner(t lab.TimerView) string {
	if t.App != "" {
		return t.App
	}
	return t.Host
}
