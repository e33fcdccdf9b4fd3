package conns

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/styles"
)

// Lines renders the pane: the connection ends it has room for. When they
// do not all fit, the first line counts them by state and the rest scroll.
func (m Model) Lines() []string {
	st, w, h := m.c.Styles, m.w, m.h
	if h <= 0 {
		return nil
	}
	if len(m.conns) == 0 {
		if m.snap.Now == 0 {
			return []string{st.Dim.Render(m.c.T(i18n.UINoConnYet))}
		}
		return []string{st.Dim.Render(m.c.T(i18n.UINoConn))}
	}
	wide := w >= 100
	var out []string
	if m.summed() {
		out = append(out, m.counts)
	}
	from, to := m.scroll.Window(len(m.conns), m.rows())
	show := m.conns[from:to]
	whoW, tupleW := 0, 0
	for _, c := range show {
		whoW = max(whoW, format.Width(connWho(c)))
		tupleW = max(tupleW, format.Width(connTuple(c.Tuple, wide)))
	}
	stateW := 12 // SYN_RECEIVED
	if !wide {
		stateW = 8
	}
	for _, c := range show {
		state := c.State
		if !wide {
			state = format.ShortState(state)
		}
		line := format.Fit(connWho(c), whoW) + " " + format.Fit(connTuple(c.Tuple, wide), tupleW) + " " +
			st.P.State(c.State).Paint(format.Fit(state, stateW))
		app := c.AppState.In(m.c.Lang)
		if app == "" {
			app = "—"
		}
		var heard string
		switch {
		case !c.Heard && wide:
			heard = m.c.T(i18n.UIHeardNever)
		case !c.Heard:
			heard = m.c.T(i18n.UIHeardNeverShort)
		case wide:
			heard = m.c.T(i18n.UIHeardAgo, "D", format.Dur(c.LastHeard))
		default:
			heard = m.c.T(i18n.UIAgo, "D", format.Dur(c.LastHeard))
		}
		line += " " + app + st.P.Dim.Paint(" · "+heard)
		if wide && c.Retransmits > 0 {
			line += st.Warn.Render(" · " + m.c.T(i18n.UIRetransmitted, "N", c.Retransmits))
		}
		out = append(out, line)
	}
	return out
}

// rows is how many connection ends the pane lists (a line may go to
// their counts: summed).
func (m Model) rows() int {
	if m.summed() {
		return m.h - 1
	}
	return m.h
}

// summed says the first line counts the ends by state: when there are
// many more than the pane has lines (a herd), not a few more (those
// scroll).
func (m Model) summed() bool { return len(m.conns) > 2*m.h && m.h > 1 }

// Scroll moves the list n lines up (n < 0: down).
func (m *Model) Scroll(n int) { m.scroll.By(n, len(m.conns), m.rows()) }

// Mark is the pane's scroll mark (common.Mark).
func (m Model) Mark() string {
	from, to := m.scroll.Window(len(m.conns), m.rows())
	return common.Mark(from, to, len(m.conns))
}

func connWho(c *lab.ConnView) string {
	if c.App != "" {
		return c.App
	}
	return c.Host
}

// connTuple shows "tcp 10.0.0.1:8080 > 10.0.0.2:50312" as
// "tcp 10.0.0.1:8080 ⇄ 10.0.0.2:50312", without the protocol when narrow.
func connTuple(t string, wide bool) string {
	t = strings.Replace(t, " > ", " ⇄ ", 1)
	if !wide {
		if _, rest, ok := strings.Cut(t, " "); ok && strings.HasPrefix(t, "tcp ") {
			return rest
		}
	}
	return t
}

// stateCounts: "2000 connections: 1990 ESTABLISHED · 10 SYN_SENT".
func stateCounts(conns []*lab.ConnView, st styles.Styles, l i18n.Lang) string {
	count := map[string]int{}
	for _, c := range conns {
		count[c.State]++
	}
	states := make([]string, 0, len(count))
	for s := range count {
		states = append(states, s)
	}
	sort.Slice(states, func(i, j int) bool {
		if count[states[i]] != count[states[j]] {
			return count[states[i]] > count[states[j]]
		}
		return states[i] < states[j]
	})
	parts := make([]string, len(states))
	for i, s := range states {
		parts[i] = fmt.Sprintf("%d %s", count[s], st.State(s).Render(s))
	}
	return l.T(i18n.UIConnEnds, "N", len(conns)) + strings.Join(parts, " · ")
}

// Model is the connections pane: one line per end of each connection, as
// that end sees it: who, the 5-tuple (local side first), the TCP state in
// its colour, the application's state and how long ago it last heard from
// its peer. Ends are listed in wire order of their hosts (clients, on the
// left of the wire, first), so the side that knows comes first.
type Model struct {
	c      *common.Common
	order  []string
	snap   *lab.Snapshot
	conns  []*lab.ConnView // snap's, in wire order of their hosts
	counts string          // the line that counts them by state
	w, h   int
	scroll common.Scroll
}

// New makes the connections pane of a lab whose nodes go in the given
// (wire) order.
func New(c *common.Common, order []string) Model { return Model{c: c, order: order} }

// SetSnapshot shows the lab's state snap.
func (m *Model) SetSnapshot(snap *lab.Snapshot) {
	m.snap = snap
	rank := make(map[string]int, len(m.order))
	for i, n := range m.order {
		rank[n] = i
	}
	m.conns = make([]*lab.ConnView, len(snap.Conns))
	for i := range snap.Conns {
		m.conns[i] = &snap.Conns[i]
	}
	slices.SortStableFunc(m.conns, func(a, b *lab.ConnView) int { return cmp.Compare(rank[a.Host], rank[b.Host]) })
	m.counts = stateCounts(m.conns, m.c.Styles, m.c.Lang)
}

// SetSize gives the pane w×h cells.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Title is "connections N", with its scroll mark.
func (m Model) Title() string {
	return common.Titled(m.c.T(i18n.UIPaneConns, "N", len(m.snap.Conns)), m.Mark())
}
