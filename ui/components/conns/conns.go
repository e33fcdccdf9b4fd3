package conns

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/styles"
)

// Lines renders the pane, at most its height. When the connection ends
// do not all fit, the first line counts them by state.
func (m Model) Lines() []string {
	snap, st, w, h := m.snap, m.c.Styles, m.w, m.h
	if h <= 0 {
		return nil
	}
	if len(snap.Conns) == 0 {
		if snap.Now == 0 {
			return []string{st.Dim.Render("no connection yet")}
		}
		return []string{st.Dim.Render("no connection")}
	}
	wide := w >= 100
	show := snap.Conns
	var out []string
	if len(show) > h {
		out = append(out, stateCounts(snap.Conns, st))
		show = show[:h-1]
	}
	whoW, tupleW := 0, 0
	for _, c := range show {
		whoW = max(whoW, ansi.StringWidth(connWho(c)))
		tupleW = max(tupleW, ansi.StringWidth(connTuple(c.Tuple, wide)))
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
		line := fmt.Sprintf("%-*s %-*s ", whoW, connWho(c), tupleW, connTuple(c.Tuple, wide)) +
			st.State(c.State).Render(fmt.Sprintf("%-*s", stateW, state))
		app := c.AppState
		if app == "" {
			app = "—"
		}
		heard := "heard " + format.Dur(c.LastHeard) + " ago"
		if !wide {
			heard = format.Dur(c.LastHeard) + " ago"
		}
		line += " " + app + st.Dim.Render(" · "+heard)
		if wide && c.Retransmits > 0 {
			line += st.Warn.Render(fmt.Sprintf(" · %d retransmitted", c.Retransmits))
		}
		out = append(out, line)
	}
	return out
}

func connWho(c lab.ConnView) string {
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
func stateCounts(conns []lab.ConnView, st styles.Styles) string {
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
	return fmt.Sprintf("%d connection ends: ", len(conns)) + strings.Join(parts, " · ")
}

// Model is the connections pane: one line per end of each connection, as
// that end sees it: who, the 5-tuple (local side first), the TCP state in
// its colour, the application's state and how long ago it last heard from
// its peer.
type Model struct {
	c    *common.Common
	snap *lab.Snapshot
	w, h int
}

// New makes the connections pane.
func New(c *common.Common) Model { return Model{c: c} }

// SetSnapshot shows the lab's state snap.
func (m *Model) SetSnapshot(snap *lab.Snapshot) { m.snap = snap }

// SetSize gives the pane w×h cells.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Title is "connections N".
func (m Model) Title() string { return fmt.Sprintf("connections %d", len(m.snap.Conns)) }

// View is Lines, one a line.
func (m Model) View() string { return strings.Join(m.Lines(), "\n") }
