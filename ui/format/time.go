package format

import (
	"fmt"
	"strconv"
	"time"

	"github.com/socklab/socklab/netsim"
)

// Dur renders an elapsed duration in at most five cells, for ages and
// spans: "350ms", "4.2s", "12.4s", "5m", "4m05s", "31m", "1h58m", "14h",
// "2d02h", "12d". Longer spans lose their small units (half an hour does
// not need its seconds). A negative duration is "0ms". Each unit is
// truncated, never rounded: the rule of every elapsed time and timestamp
// shown (netsim.Shown). A countdown uses Left.
func Dur(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	return dur(d.Truncate(unitShown(d)))
}

// Left renders the time left of a countdown in the cells Dur takes,
// rounded up to the unit shown, as every countdown clock reads: a 10 s
// timer armed 1 ms ago has "10.0s" left, not "9.9s", and reads "0ms" only
// once it is due. A negative duration is "0ms".
func Left(d time.Duration) string {
	if d <= 0 {
		return "0ms"
	}
	u := unitShown(d)
	// Every range's upper bound is a whole number of the next range's
	// unit, so rounding up into it (59.95 s to "1m") shows it exactly.
	return dur((d + u - 1).Truncate(u))
}

// unitShown is the smallest unit Dur shows of a duration of d.
func unitShown(d time.Duration) time.Duration {
	switch {
	case d < time.Second:
		return time.Millisecond
	case d < time.Minute:
		return 100 * time.Millisecond
	case d < 10*time.Minute:
		return time.Second
	case d < 10*time.Hour:
		return time.Minute
	case d < 10*24*time.Hour:
		return time.Hour
	}
	return 24 * time.Hour
}

// dur renders d, already a whole number of unitShown(d), as Dur and Left
// show it.
func dur(d time.Duration) string {
	switch {
	case d < time.Second:
		return Itoa(int(d/time.Millisecond)) + "ms"
	case d < time.Minute:
		return strconv.FormatFloat(float64(d)/float64(time.Second), 'f', 1, 64) + "s"
	case d < 10*time.Minute:
		if d%time.Minute == 0 {
			return fmt.Sprintf("%dm", d/time.Minute)
		}
		return fmt.Sprintf("%dm%02ds", d/time.Minute, d%time.Minute/time.Second)
	case d < time.Hour:
		return fmt.Sprintf("%dm", d/time.Minute)
	case d < 10*time.Hour:
		if d%time.Hour == 0 {
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
