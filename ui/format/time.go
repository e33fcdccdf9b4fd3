package format

import (
	"fmt"
	"strconv"
	"time"

	"github.com/socklab/socklab/netsim"
)

// Dur renders a duration in at most five cells, for countdowns and ages:
// "350ms", "4.2s", "12.4s", "5m", "4m05s", "31m", "1h58m", "14h", "2d02h",
// "12d". Longer spans lose their small units (a countdown of half an hour
// does not need its seconds). A negative duration is "0ms". Each unit is
// truncated, never rounded: the rule of every time shown (netsim.Shown).
func Dur(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	switch {
	case d < time.Second:
		return Itoa(int(d/time.Millisecond)) + "ms"
	case d < time.Minute:
		return strconv.FormatFloat(float64(d.Truncate(100*time.Millisecond))/float64(time.Second), 'f', 1, 64) + "s"
	case d < 10*time.Minute:
		d = d.Truncate(time.Second)
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

// Stamp renders a simulated time for a row of the wire or the log: the
// full HH:MM:SS.mmm when wide; in nine cells when not: MM:SS.mmm, after an
// hour H:MM:SS.d, after ten HH:MM:SS.
func Stamp(t time.Duration, wide bool) string {
	if wide {
		return netsim.FormatTime(t)
	}
	if t < time.Hour {
		return netsim.FormatTime(t)[3:]
	}
	if t < 10*time.Hour {
		return netsim.FormatTime(t)[1:10] // "1:12:00.0"
	}
	return Fit(netsim.FormatTime(t)[:8], 9) // "12:00:00 "
}

// StampWidth is the width Stamp(t, wide) takes.
func StampWidth(wide bool) int {
	if wide {
		return 12
	}
	return 9
}

// Clock is a time on a timeline or beside a duration: MM:SS, or H:MM:SS
// when span is an hour or more.
func Clock(t, span time.Duration) string {
	s := int64(t / time.Second)
	if span >= time.Hour {
		return Itoa(int(s/3600)) + ":" + two(s/60%60) + ":" + two(s%60)
	}
	return two(s/60) + ":" + two(s%60)
}

func two(n int64) string {
	if n < 10 {
		return "0" + Itoa(int(n))
	}
	return Itoa(int(n))
}

// Speed renders a speed factor: "×0.1", "×1", "×10000".
func Speed(f float64) string {
	return "×" + strconv.FormatFloat(f, 'f', -1, 64)
}
