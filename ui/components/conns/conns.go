package conns

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/styles"
)

// Model is the connections pane: one entry per end of each connection, as
// that end sees it, and one per listening socket. Ends are listed in wire
// order of their hosts (clients, on the left of the wire, first), a host's
// listening sockets before its connections. It is a list with a cursor
// (MoveCursor): enter on a connection filters the wire on it.
type Model struct {
	c       *common.Common
	order   []string
	snap    *lab.Snapshot
	entries []entry
	w, h    int
	scroll  common.Scroll
	// selecting says an entry is selected: sel, by its key, so that the
	// cursor stays on its connection while others come and go.
	selecting bool
	sel       string
	// counts and countsBy make the line that counts the ends by state
	// (stateCounts).
	counts   string
	countsBy []string
}

// entry is a connection end or a listening socket.
type entry struct {
	host   string
	conn   *lab.ConnView
	listen *lab.ListenView
	// detected is what truth says of conn once it has detected its peer's
	// loss, worked out once per snapshot: how many lines the entry takes
	// depends on it (a detection's rule may need two). Other truths are
	// worded only when drawn: they fit a line.
	detected string
}

func (e entry) key() string {
	if e.listen != nil {
		return e.host + " listen " + e.listen.Addr.String()
	}
	return e.host + " " + e.conn.Tuple
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
	m.entries = m.entries[:0]
	for _, h := range snap.Hosts {
		for i := range h.Listening {
			m.entries = append(m.entries, entry{host: h.Name, listen: &h.Listening[i]})
		}
	}
	for i := range snap.Conns {
		c := &snap.Conns[i]
		e := entry{host: c.Host, conn: c}
		if c.Detected != nil {
			e.detected, _ = m.truth(c)
		}
		m.entries = append(m.entries, e)
	}
	slices.SortStableFunc(m.entries, func(a, b entry) int { return cmp.Compare(rank[a.host], rank[b.host]) })
	m.counts, m.countsBy = stateCounts(snap.Conns, m.c.Styles, m.c.Lang)
}

// SetSize gives the pane w×h cells.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Need is how many lines the pane would like: an entry each, and a second
// line for an end whose truth or detection has to be told on a narrow
// screen.
func (m Model) Need() int { return max(1, len(m.lineOf())) }

// Title is "connections N", with its scroll mark.
func (m Model) Title() string {
	return common.Titled(m.c.T(i18n.UIPaneConns, "N", len(m.snap.Conns)), m.Mark())
}

// lineOf is the entry index of each line of the list, worked out without
// rendering a line: a herd's thousands of entries are drawn only where
// the pane shows them.
func (m Model) lineOf() []int {
	of := make([]int, 0, len(m.entries))
	for i, e := range m.entries {
		for range m.height(e) {
			of = append(of, i)
		}
	}
	return of
}

// height is how many lines entryLines gives e: one, and on a screen
// narrower than 120 one or two more for an end whose truth is told under
// it (two when it does not fit one: a detection's rule is read whole).
func (m Model) height(e entry) int {
	if e.conn == nil || m.w >= 120 || !hasTruth(e.conn) {
		return 1
	}
	if format.Width(e.detected) > m.truthWidth() {
		return 3
	}
	return 2
}

// truthWidth is the room of a truth told under its end, after its indent.
func (m Model) truthWidth() int { return m.w - 2 }

// render draws lines from to to of the list, of being lineOf.
func (m Model) render(of []int, from, to int) []string {
	if from >= to {
		return nil
	}
	first := from // the first line of the entry line from belongs to
	for first > 0 && of[first-1] == of[from] {
		first--
	}
	w := m.widths()
	var out []string
	for i := of[from]; i <= of[to-1]; i++ {
		e := m.entries[i]
		out = append(out, m.entryLines(e, m.selecting && e.key() == m.sel, w)...)
	}
	return out[from-first : to-first]
}

// Lines renders the pane: the lines it has room for. When they do not all
// fit, the first line counts the connection ends by state and the rest
// scroll.
func (m Model) Lines() []string {
	st, h := m.c.Styles, m.h
	if h <= 0 {
		return nil
	}
	if len(m.entries) == 0 {
		if m.snap.Now == 0 {
			return []string{st.Dim.Render(m.c.T(i18n.UINoConnYet))}
		}
		return []string{st.Dim.Render(m.c.T(i18n.UINoConn))}
	}
	of := m.lineOf()
	var out []string
	rows := h
	if m.summed(len(of)) {
		out = append(out, format.List(m.counts, m.countsBy, " · ", m.w))
		rows--
	}
	from, to := m.scroll.Window(len(of), rows)
	return append(out, m.render(of, from, to)...)
}

// rowsOf is how many lines a list of n lines has under the counts.
func (m Model) rowsOf(n int) int {
	if m.summed(n) {
		return m.h - 1
	}
	return m.h
}

// summed says the first line counts the ends by state: when there are
// many more lines than the pane has (a herd), not a few more (those
// scroll).
func (m Model) summed(lines int) bool { return lines > 2*m.h && m.h > 1 }

// Scroll moves the list n lines up (n < 0: down).
func (m *Model) Scroll(n int) {
	lines := len(m.lineOf())
	m.scroll.By(n, lines, m.rowsOf(lines))
}

// MoveCursor moves the cursor n entries up (n < 0: down), selecting the
// first entry on screen at first, and scrolls it into view.
func (m *Model) MoveCursor(n int) {
	if len(m.entries) == 0 {
		return
	}
	i := m.selected()
	switch {
	case i < 0:
		of := m.lineOf()
		from, _ := m.scroll.Window(len(of), m.rowsOf(len(of)))
		i = of[min(from, len(of)-1)]
	default:
		i = format.Clamp(i-n, 0, len(m.entries)-1)
	}
	m.selecting, m.sel = true, m.entries[i].key()
	of := m.lineOf()
	first := slices.Index(of, i)
	last := first
	for last+1 < len(of) && of[last+1] == i {
		last++
	}
	rows := m.rowsOf(len(of))
	from, to := m.scroll.Window(len(of), rows)
	switch {
	case first < from:
		m.scroll.By(from-first, len(of), rows)
	case last >= to:
		m.scroll.By(-(last - to + 1), len(of), rows)
	}
}

// selected is the selected entry's index, -1 when none.
func (m Model) selected() int {
	if !m.selecting {
		return -1
	}
	return slices.IndexFunc(m.entries, func(e entry) bool { return e.key() == m.sel })
}

// SelectedPort is the port tag of the selected connection: its client
// end's port, the higher of the two (the ephemeral one); false when no
// connection is selected.
func (m Model) SelectedPort() (string, bool) {
	i := m.selected()
	if i < 0 || m.entries[i].conn == nil {
		return "", false
	}
	var ports []int
	for _, end := range strings.Split(strings.TrimPrefix(strings.TrimPrefix(m.entries[i].conn.Tuple, "tcp "), "udp "), " > ") {
		if _, p, ok := strings.Cut(end, ":"); ok {
			if n, err := strconv.Atoi(p); err == nil {
				ports = append(ports, n)
			}
		}
	}
	if len(ports) == 0 {
		return "", false
	}
	return strconv.Itoa(slices.Max(ports)), true
}

// Mark is the pane's scroll mark (common.Mark).
func (m Model) Mark() string {
	lines := len(m.lineOf())
	from, to := m.scroll.Window(lines, m.rowsOf(lines))
	return common.Mark(from, to, lines)
}

// columns are the widths the entries on screen share.
type columns struct{ who, tuple int }

func (m Model) widths() columns {
	wide := m.w >= 100
	var c columns
	for _, e := range m.entries {
		c.who = max(c.who, format.Width(entryWho(e)))
		c.tuple = max(c.tuple, tupleWidth(e, wide))
	}
	return c
}

// entryLines renders one entry: who, the 5-tuple, the TCP state in its
// colour, what the end believes (its application's state, when it last
// heard from its peer), and what is true of the peer: a half-open mark, a
// peer that is not alive, the end's detection. On a screen narrower than
// 120 the truth gets a line of its own.
func (m Model) entryLines(e entry, selected bool, c columns) []string {
	st, w := m.c.Styles, m.w
	wide := w >= 100
	who := format.Fit(entryWho(e), c.who)
	if selected {
		who = st.Selected.Render(who)
	}
	state := "LISTEN"
	if e.conn != nil {
		state = e.conn.State
	}
	shown := state
	if !wide {
		shown = format.ShortState(state)
	}
	stateW := 12 // SYN_RECEIVED
	if !wide {
		stateW = 8
	}
	line := who + " " + format.Fit(entryTuple(e, wide), c.tuple) + " " + st.State(state).Render(format.Fit(shown, stateW))
	if l := e.listen; l != nil {
		// The first that fits: in full, its counts, the queue and its
		// drops (the queue alone while nothing is dropped).
		room := w - format.Width(line) - 1
		text := m.c.T(i18n.UIConnsListen, "Queued", l.Queued, "Room", l.Backlog+1, "HalfOpen", l.HalfOpen, "Drops", l.Drops)
		if format.Width(text) > room {
			text = m.c.T(i18n.UIConnsListenCounts, "Queued", l.Queued, "Room", l.Backlog+1, "HalfOpen", l.HalfOpen, "Drops", l.Drops)
		}
		switch {
		case format.Width(text) <= room:
		case l.Drops > 0:
			text = m.c.T(i18n.UIConnsListenShort, "Queued", l.Queued, "Room", l.Backlog+1, "Drops", l.Drops)
		default:
			text = m.c.T(i18n.UIQueue, "N", l.Queued, "Max", l.Backlog+1)
		}
		return []string{line + " " + st.Dim.Render(text)}
	}
	cv := e.conn
	line += " " + m.belief(cv, wide)
	truth, tst := m.truth(cv)
	if truth == "" {
		return []string{line}
	}
	if w >= 120 {
		return []string{line + " " + tst.Render(truth)}
	}
	lines := []string{truth}
	if m.height(e) > 2 {
		lines = format.Wrap(truth, m.truthWidth())
		if len(lines) > 2 {
			lines = []string{lines[0], format.Ellipsis(strings.Join(lines[1:], " "), m.truthWidth())}
		}
	}
	out := []string{line}
	for _, l := range lines {
		out = append(out, "  "+tst.Render(l))
	}
	return out
}

// belief is what the end believes: its application's state and when it
// last heard from its peer.
func (m Model) belief(c *lab.ConnView, wide bool) string {
	st := m.c.Styles
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
	s := app + st.Dim.Render(" · "+heard)
	if wide && c.Retransmits > 0 {
		s += st.Warn.Render(" · " + m.c.T(i18n.UIRetransmitted, "N", c.Retransmits))
	}
	return s
}

// hasTruth says truth(c) has something to tell.
func hasTruth(c *lab.ConnView) bool {
	return c.Detected != nil || c.Truth.Kind != lab.TruthUnknown && c.Truth.Kind != lab.TruthAlive
}

// truth is what the simulator knows and the end may not, in words, and
// the style it is told in: its detection once made; else a half-open mark,
// or what is wrong with the peer; "" when the peer is there and well (or
// outside the lab).
func (m Model) truth(c *lab.ConnView) (string, lipgloss.Style) {
	st := m.c.Styles
	if !hasTruth(c) {
		return "", st.Dim
	}
	if d := c.Detected; d != nil {
		return m.c.T(i18n.UITruthDetected, "At", format.Stamp(d.At, false), "Rule", d.Rule), st.DetectRow
	}
	t := c.Truth
	what := m.truthText(t)
	if c.HalfOpen {
		return m.c.T(i18n.UITruthHalfOpen, "Truth", what), st.Warn
	}
	return m.c.T(i18n.UITruthIs, "Truth", what), st.Dim
}

// truthIDs word each truth.
var truthIDs = map[lab.TruthKind]i18n.ID{
	lab.TruthPoweredOff: i18n.UITruthPoweredOff, lab.TruthPeerGone: i18n.UITruthPeerGone,
	lab.TruthCrashed: i18n.UITruthCrashed, lab.TruthFrozen: i18n.UITruthFrozen,
	lab.TruthFlowForgotten: i18n.UITruthForgotten, lab.TruthLinkDown: i18n.UITruthLinkDown,
	lab.TruthPartitioned: i18n.UITruthPartition, lab.TruthPeerClosed: i18n.UITruthClosed,
	lab.TruthAlive: i18n.UITruthAlive,
}

func (m Model) truthText(t lab.Truth) string {
	return m.c.T(truthIDs[t.Kind], "Peer", t.Peer, "At", format.Stamp(t.Since, false), "State", t.PeerState)
}

func entryWho(e entry) string {
	switch {
	case e.listen != nil && e.listen.App != "":
		return e.listen.App
	case e.conn != nil && e.conn.App != "":
		return e.conn.App
	}
	return e.host
}

// entryTuple shows "tcp 10.0.0.1:8080 > 10.0.0.2:50312" as
// "tcp 10.0.0.1:8080 ⇄ 10.0.0.2:50312", without the protocol when narrow;
// a listening socket as "tcp 10.0.0.1:8080".
func entryTuple(e entry, wide bool) string {
	var t string
	if e.conn != nil {
		t = strings.Replace(e.conn.Tuple, " > ", " ⇄ ", 1)
	} else {
		t = "tcp " + e.listen.Addr.String()
	}
	if !wide {
		if _, rest, ok := strings.Cut(t, " "); ok && strings.HasPrefix(t, "tcp ") {
			return rest
		}
	}
	return t
}

// tupleWidth is format.Width(entryTuple(e, wide)), without making the
// string: widths measures every entry of a herd for each frame.
func tupleWidth(e entry, wide bool) int {
	n := 0
	if e.conn != nil {
		n = format.Width(e.conn.Tuple) + arrowWidth - 1 // " > " becomes " ⇄ "
	} else {
		n = len("tcp ") + len(e.listen.Addr.String())
	}
	if !wide && (e.conn == nil || strings.HasPrefix(e.conn.Tuple, "tcp ")) {
		n -= len("tcp ")
	}
	return n
}

// arrowWidth is the width of the 5-tuple's arrow.
var arrowWidth = format.Width("⇄")

// stateCounts: "2000 connection ends: " and its items, "1990
// ESTABLISHED", "10 SYN_SENT", most first (format.List joins those that
// fit).
func stateCounts(conns []lab.ConnView, st styles.Styles, l i18n.Lang) (string, []string) {
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
	return l.T(i18n.UIConnEnds, "N", len(conns)), parts
}
