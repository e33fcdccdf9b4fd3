package ui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/socklab/socklab/lab"
)

// connsLines renders the connections pane: one line per end of each
// connection, as that end sees it: who, the 5-tuple (local side first),
// the TCP state in its colour, the application's state and how long ago it
// last heard from its peer. When they do not all fit in h lines, the first
// line counts them by state.
func connsLines(snap *lab.Snapshot, st Styles, w, h int) []string {
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
			state = shortState(state)
		}
		line := fmt.Sprintf("%-*s %-*s ", whoW, connWho(c), tupleW, connTuple(c.Tuple, wide)) +
			st.state(c.State).Render(fmt.Sprintf("%-*s", stateW, state))
		app := c.AppState
		if app == "" {
			app = "—"
		}
		heard := "heard " + fmtDur(c.LastHeard) + " ago"
		if !wide {
			heard = fmtDur(c.LastHeard) + " ago"
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
func stateCounts(conns []lab.ConnView, st Styles) string {
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
		parts[i] = fmt.Sprintf("%d %s", count[s], st.state(s).Render(s))
	}
	return fmt.Sprintf("%d connection ends: ", len(conns)) + strings.Join(parts, " · ")
}
