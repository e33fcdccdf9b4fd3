package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/socklab/socklab/lab"
)

// timersLines renders the timers pane: every live timer as a countdown bar
// with its remaining time, "server heartbeat timeout ▓▓▓▓░░ 12.4s". Timers
// keep a stable order (by node, then connection) so bars do not jump
// around as they re-arm. At most h lines of width w; a last line counts
// what does not fit.
func timersLines(d *derived, now time.Duration, st Styles, w, h int) []string {
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
	barW := clamp(w-need-remW-2, min(8, w/5), 24)
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
		line := fit(label, labelW) + " "
		if barW > 0 {
			line += bar(st, frac, barW) + " "
		}
		out = append(out, line+padLeft(fmtDur(left), remW))
	}
	if n > h && h >= 2 {
		out = append(out, st.Dim.Render(fmt.Sprintf("+%d more", n-len(show))))
	}
	return out
}

// timerCounts: "2658 timers: 1000 next ping · 885 time-wait · …".
func timerCounts(ts []lab.TimerView, st Styles) string {
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
