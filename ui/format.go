package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/socklab/socklab/netsim"
)

func itoa(n int) string { return strconv.Itoa(n) }

// fmtDur renders a duration in at most five cells, for countdowns and
// ages: "350ms", "4.2s", "12.4s", "5m", "4m05s", "31m", "1h58m", "14h",
// "2d02h", "12d". Longer spans lose their small units (a countdown of half
// an hour does not need its seconds).
func fmtDur(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	switch {
	case d < time.Second:
		return itoa(int(d/time.Millisecond)) + "ms"
	case d < time.Minute:
		return strconv.FormatFloat(float64(d.Round(100*time.Millisecond))/float64(time.Second), 'f', 1, 64) + "s"
	case d < 10*time.Minute:
		d = d.Round(time.Second)
		if d%time.Minute == 0 {
			return fmt.Sprintf("%dm", d/time.Minute)
		}
		return fmt.Sprintf("%dm%02ds", d/time.Minute, d%time.Minute/time.Second)
	case d < time.Hour:
		return fmt.Sprintf("%dm", d/time.Minute)
	case d < 10*time.Hour:
		if d%time.Hour < time.Minute {
			return fmt.Sprintf("%dh", d/time.Hour)
		}
		return fmt.Sprintf("%dh%02dm", d/time.Hour, d%time.Hour/time.Minute)
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d < 10*24*time.Hour:
		return fmt.Sprintf("%dd%02dh", d/(24*time.Hour), d%(24*time.Hour)/time.Hour)
	}
	return fmt.Sprintf("%dd", d/(24*time.Hour))
}

// stamp renders a simulated time for a row of the wire or the log: the
// full HH:MM:SS.mmm when wide; in nine cells when not: MM:SS.mmm, after an
// hour H:MM:SS.d, after ten HH:MM:SS.
func stamp(t time.Duration, wide bool) string {
	if wide {
		return netsim.FormatTime(t)
	}
	if t < time.Hour {
		return netsim.FormatTime(t)[3:]
	}
	if t < 10*time.Hour {
		return netsim.FormatTime(t)[1:10] // "1:12:00.0"
	}
	return fit(netsim.FormatTime(t)[:8], 9) // "12:00:00 "
}

// stampWidth is the width stamp(t, wide) takes.
func stampWidth(wide bool) int {
	if wide {
		return 12
	}
	return 9
}

// fit cuts s (which may hold ANSI styling) to exactly w cells: truncated
// with an ellipsis when longer, padded with spaces when shorter. Every line
// the interface draws goes through it, so nothing wraps.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := ansi.StringWidth(s)
	if n > w {
		s = ansi.Truncate(s, w, "…")
		n = ansi.StringWidth(s)
	}
	if n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// clip cuts s to at most w cells without padding.
func clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > w {
		return ansi.Truncate(s, w, "…")
	}
	return s
}

// padLeft right-aligns s in w cells.
func padLeft(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

// wrap breaks plain text into lines of at most w cells, at spaces where it
// can.
func wrap(text string, w int) []string {
	if w <= 0 {
		return nil
	}
	var lines []string
	var cur []rune
	curW := 0
	for _, word := range strings.Fields(text) {
		ww := ansi.StringWidth(word)
		for ww > w { // a word longer than the line: cut it
			if curW > 0 {
				lines = append(lines, string(cur))
				cur, curW = cur[:0], 0
			}
			head := ansi.Truncate(word, w, "")
			lines = append(lines, head)
			word = word[len(head):]
			ww = ansi.StringWidth(word)
		}
		switch {
		case curW == 0:
			cur, curW = append(cur[:0], []rune(word)...), ww
		case curW+1+ww <= w:
			cur = append(append(cur, ' '), []rune(word)...)
			curW += 1 + ww
		default:
			lines = append(lines, string(cur))
			cur, curW = append(cur[:0], []rune(word)...), ww
		}
	}
	if curW > 0 {
		lines = append(lines, string(cur))
	}
	return lines
}

// speedText renders a speed factor: "×0.1", "×1", "×10000".
func speedText(f float64) string {
	return "×" + strconv.FormatFloat(f, 'f', -1, 64)
}

// shortState abbreviates a TCP state for narrow screens.
func shortState(s string) string {
	switch s {
	case "ESTABLISHED":
		return "ESTAB"
	case "SYN_RECEIVED":
		return "SYN_RCVD"
	case "FIN_WAIT_1":
		return "FIN_WT1"
	case "FIN_WAIT_2":
		return "FIN_WT2"
	case "CLOSE_WAIT":
		return "CLS_WAIT"
	case "TIME_WAIT":
		return "TIME_WT"
	}
	return s
}
