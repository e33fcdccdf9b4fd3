package ladder

import (
	"slices"

	"github.com/charmbracelet/x/ansi"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/feed"
	"github.com/socklab/socklab/ui/format"
)

// Model is the wire pane: the lane names, then the feed's rows that fit,
// the newest at the bottom. It is a list with a cursor: moving the cursor
// (MoveCursor) selects a row, marked ▸, and the pane keeps it in view
// while new rows arrive below; Follow goes back to following the newest
// row, with no row selected. Rows are named by their sequence number in
// the feed's ring, so a selection stays on its row however many come.
type Model struct {
	c     *common.Common
	feed  *feed.Feed
	nodes []string // the lanes, left to right
	via   Paths
	w, h  int

	// selecting says a row is selected: sel is its sequence number and
	// bottom the sequence number of the last row on screen. Not selecting,
	// the pane follows the newest row.
	selecting   bool
	sel, bottom uint64
}

// New makes the wire pane of a lab whose nodes, in lane order, are nodes
// (NodeOrder) and whose packets pass through via (NewPaths).
func New(c *common.Common, nodes []string, via Paths) Model {
	return Model{c: c, nodes: nodes, via: via}
}

// SetFeed shows f (a new run's), following its newest row.
func (m *Model) SetFeed(f *feed.Feed) {
	m.feed = f
	m.Follow()
}

// SetSize gives the pane w×h cells: the lane names and h-1 rows.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// rows is how many rows the pane shows under the lane names.
func (m Model) rows() int { return max(1, m.h-1) }

// newest is the sequence number of the newest row (the feed must hold
// one).
func (m Model) newest() uint64 { return m.feed.Wire.Total() - 1 }

// MoveCursor moves the cursor n rows back in time (n < 0: forward). The
// first move selects the newest row on screen; moving forward past the
// newest row follows again.
func (m *Model) MoveCursor(n int) {
	w := m.feed.Wire
	if w.Len() == 0 {
		return
	}
	if !m.selecting {
		if n <= 0 {
			return
		}
		m.selecting, m.sel, m.bottom = true, m.newest(), m.newest()
		n--
	}
	first, last := int64(w.First()), int64(m.newest())
	to := int64(m.sel) - int64(n)
	if to > last {
		m.Follow()
		return
	}
	m.sel = uint64(max(first, to))
	m.clamp()
}

// Scroll moves the view n rows back in time (n < 0: forward), the
// selection with it when it would leave the screen (the mouse wheel);
// forward to the newest row, the pane follows again.
func (m *Model) Scroll(n int) {
	w := m.feed.Wire
	if w.Len() == 0 || n == 0 {
		return
	}
	if !m.selecting {
		if n < 0 {
			return
		}
		m.selecting, m.sel, m.bottom = true, m.newest(), m.newest()
	}
	lowest := int64(w.First()) + int64(m.rows()) - 1
	to := min(max(int64(m.bottom)-int64(n), lowest), int64(m.newest()))
	if n < 0 && to >= int64(m.newest()) {
		m.Follow()
		return
	}
	m.bottom = uint64(max(to, 0))
	if m.sel > m.bottom {
		m.sel = m.bottom
	}
	if top := int64(m.bottom) - int64(m.rows()) + 1; int64(m.sel) < top {
		m.sel = uint64(top)
	}
	m.clamp()
}

// clamp keeps the selection inside the ring and on screen.
func (m *Model) clamp() {
	w := m.feed.Wire
	first := w.First()
	m.sel = max(m.sel, first)
	if m.bottom < m.sel {
		m.bottom = m.sel
	}
	if top := int64(m.bottom) - int64(m.rows()) + 1; int64(m.sel) < top {
		m.bottom = m.sel + uint64(m.rows()) - 1
	}
	m.bottom = min(m.bottom, m.newest())
	// The oldest row at the top of the pane, no empty space above it.
	if lowest := first + uint64(m.rows()) - 1; m.bottom < lowest {
		m.bottom = min(lowest, m.newest())
	}
	// Rows of more than one line (rowLines) take room of the rows above:
	// the selected row keeps at least its first line in view.
	v := m.view()
	for m.bottom > m.sel && m.linesOf(v, m.sel+1, m.bottom) >= m.rows() {
		m.bottom--
	}
}

// linesOf is how many lines the rows from to to (sequence numbers) take.
func (m Model) linesOf(v *wireView, from, to uint64) int {
	n := 0
	for seq := from; seq <= to && n < m.rows(); seq++ {
		n += len(v.rowLines(m.feed.Wire.At(seq), false, maxRowLines))
	}
	return n
}

// Select puts the cursor on the row numbered seq (when the ring still
// holds it), scrolling it into view.
func (m *Model) Select(seq uint64) {
	w := m.feed.Wire
	if w.Len() == 0 || seq < w.First() || seq > m.newest() {
		return
	}
	if !m.selecting {
		m.selecting, m.bottom = true, m.newest()
	}
	m.sel = seq
	if m.bottom < seq {
		m.bottom = seq
	}
	m.clamp()
}

// RowAt is the sequence number of the row drawn on line i of the pane
// (0 is the lane names), and whether a row is drawn there.
func (m Model) RowAt(i int) (uint64, bool) {
	if i < 1 {
		return 0, false
	}
	line := 1
	for _, p := range m.window(m.view()) {
		if i < line+len(p.lines) {
			return p.seq, true
		}
		line += len(p.lines)
	}
	return 0, false
}

// placed is a row on screen: its sequence number and its lines.
type placed struct {
	seq   uint64
	lines []string
}

// window lays out the rows on screen under the lane names, oldest first:
// from the bottom row (the newest, or the last the selection keeps in
// view) up, each in the lines its words need (rowLines), until the pane
// is full. The top row may show only its first lines, the last of them
// cut.
func (m Model) window(v *wireView) []placed {
	w := m.feed.Wire
	if w.Len() == 0 {
		return nil
	}
	bottom := m.newest()
	if m.selecting {
		bottom = m.bottom
	}
	var out []placed
	left := m.rows()
	for seq := int64(bottom); seq >= int64(w.First()) && left > 0; seq-- {
		ls := v.rowLines(w.At(uint64(seq)), m.selecting && uint64(seq) == m.sel, maxRowLines)
		if len(ls) > left {
			ls = ls[:left]
			ls[left-1] = format.Ellipsis(ansi.Truncate(ls[left-1], v.w-1, ""), v.w)
		}
		out = append(out, placed{uint64(seq), ls})
		left -= len(ls)
	}
	slices.Reverse(out)
	return out
}

// view is the renderer of one frame of the pane.
func (m Model) view() *wireView { return newWireView(m.c, m.w, m.nodes, m.via) }

// Feed is the feed whose rows the pane shows.
func (m Model) Feed() *feed.Feed { return m.feed }

// Follow goes back to following the newest row, with no row selected.
func (m *Model) Follow() { m.selecting, m.sel, m.bottom = false, 0, 0 }

// Refresh keeps the selection in the ring after the session moved on (its
// row may have been evicted).
func (m *Model) Refresh() {
	if m.selecting {
		m.clamp()
	}
}

// Selected is the row under the cursor, or nil when the pane follows the
// newest row.
func (m Model) Selected() *feed.Row {
	if !m.selecting {
		return nil
	}
	return m.feed.Wire.At(m.sel)
}

// SelectedSeq is the sequence number of the row under the cursor, and
// whether one is selected.
func (m Model) SelectedSeq() (uint64, bool) { return m.sel, m.selecting }

// Offset is how many rows the wire is scrolled back from the newest.
func (m Model) Offset() int {
	if !m.selecting || m.feed.Wire.Len() == 0 {
		return 0
	}
	return int(m.newest() - m.bottom)
}

// Title is the pane's title, with the filter its rows pass, if any.
func (m Model) Title() string {
	t := m.c.T(i18n.UIPaneWire)
	if f := m.feed.Filter(); f.Active() {
		t += " · " + m.c.T(i18n.UIFilterShown, "Filter", f.String(), "Count", m.feed.Wire.Len())
	}
	if n := m.Offset(); n > 0 {
		t = m.c.T(i18n.UIPaneWireBack, "N", n)
		if f := m.feed.Filter(); f.Active() {
			t += " · " + m.c.T(i18n.UIFilterShown, "Filter", f.String(), "Count", m.feed.Wire.Len())
		}
	}
	return t
}

// Lines renders the pane: the lane names, then the rows that fit.
func (m Model) Lines() []string {
	st := m.c.Styles
	v := m.view()
	out := []string{v.header()}
	if m.feed.Wire.Len() == 0 {
		if m.feed.Filter().Active() {
			return append(out, st.Dim.Render(m.c.T(i18n.UIFilterNone)))
		}
		return append(out, st.Dim.Render(m.c.T(i18n.UIWireNothing)))
	}
	for _, p := range m.window(v) {
		out = append(out, p.lines...)
	}
	return out
}
