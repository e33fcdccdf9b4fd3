package ladder

import (
	"fmt"
	"strings"

	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/feed"
)

// Model is the wire pane: the lane names, then the feed's rows that fit,
// the newest at the bottom, or, scrolled back, Offset rows earlier.
type Model struct {
	c     *common.Common
	feed  *feed.Feed
	nodes []string // the lanes, left to right
	via   Paths
	w, h  int

	off  int    // rows scrolled back from the newest (0: follow)
	seen uint64 // rows pushed as of the last Refresh
}

// New makes the wire pane of a lab whose nodes, in lane order, are nodes
// (NodeOrder) and whose packets pass through via (NewPaths).
func New(c *common.Common, nodes []string, via Paths) Model {
	return Model{c: c, nodes: nodes, via: via}
}

// SetFeed shows f (a new run's) from its newest row.
func (m *Model) SetFeed(f *feed.Feed) {
	m.feed, m.off, m.seen = f, 0, f.Wire.Total()
}

// SetSize gives the pane w×h cells: the lane names and h-1 rows.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Refresh keeps a scrolled-back wire looking at the same rows after the
// session moved on.
func (m *Model) Refresh() {
	total := m.feed.Wire.Total()
	if m.off > 0 {
		m.off = min(m.off+int(total-m.seen), max(0, m.feed.Wire.Len()-1))
	}
	m.seen = total
}

// Scroll moves the wire n rows back (n < 0: forward), no further than its
// oldest row at the top of the pane.
func (m *Model) Scroll(n int) {
	rows := max(1, m.h-1)
	m.off = min(max(m.off+n, 0), max(0, m.feed.Wire.Len()-rows))
}

// Follow goes back to following the newest row.
func (m *Model) Follow() { m.off = 0 }

// Offset is how many rows the wire is scrolled back.
func (m Model) Offset() int { return m.off }

// Title is the pane's title.
func (m Model) Title() string {
	if m.off > 0 {
		return fmt.Sprintf("wire · scrolled back %d rows · end follows", m.off)
	}
	return "wire"
}

// Lines renders the pane: the lane names, then the rows that fit.
func (m Model) Lines() []string {
	st := m.c.Styles
	v := newWireView(st, m.w, m.nodes, m.via)
	out := []string{v.header()}
	rows := m.h - 1
	if m.feed.Wire.Len() == 0 {
		return append(out, st.Dim.Render("nothing on the wire yet"))
	}
	for k := min(m.off+rows-1, m.feed.Wire.Len()-1); k >= m.off; k-- {
		out = append(out, v.row(m.feed.Wire.FromEnd(k)))
	}
	return out
}

// View is Lines, one a line.
func (m Model) View() string { return strings.Join(m.Lines(), "\n") }
