package i18n

import (
	"strconv"
	"strings"
	"time"
)

// Duration renders d for a reader of l.
//
// English keeps Go's duration syntax without trailing zero units ("350ms",
// "1.5s", "2m5s", "2h", "2h11m15s"): what scenario files and --set accept,
// so a reader can type back what they read.
//
// Chinese writes each unit in words, a space between number and unit as
// Chinese technical writing puts one between digits and Han characters
// (the article's "2 小时"), drops zero units, and reads minutes as a clock
// does, "分" beside other units and "分钟" alone: "350 毫秒", "1.5 秒",
// "2 分钟", "2 分 5 秒", "2 小时", "2 小时 11 分 15 秒".
//
// d is rendered as given: pass a time measured in the run through
// netsim.Shown first (to the millisecond, as the timeline shows it).
func (l Lang) Duration(d time.Duration) string {
	s := goDuration(d)
	if l != Chinese {
		return s
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	var parts []string
	for s != "" { // s is number-unit pairs: "2h11m15.5s"
		unit := strings.IndexFunc(s, func(r rune) bool { return r != '.' && (r < '0' || r > '9') })
		next := strings.IndexFunc(s[unit:], func(r rune) bool { return r == '.' || '0' <= r && r <= '9' })
		if next < 0 {
			next = len(s) - unit
		}
		num, name := s[:unit], s[unit:unit+next]
		s = s[unit+next:]
		if num != "0" || (s == "" && len(parts) == 0) {
			parts = append(parts, num+" "+zhUnits[name])
		}
	}
	if len(parts) == 1 && strings.HasSuffix(parts[0], " 分") {
		parts[0] += "钟" // minutes alone: "2 分钟"; beside other units, "2 分 5 秒"
	}
	return sign + strings.Join(parts, " ")
}

// zhUnits names Go's duration units in Chinese.
var zhUnits = map[string]string{
	"h": "小时", "m": "分", "s": "秒", "ms": "毫秒", "µs": "微秒", "us": "微秒", "ns": "纳秒",
}

// goDuration is Go's duration syntax without trailing zero units: "2m"
// rather than "2m0s", "2h" rather than "2h0m0s".
func goDuration(d time.Duration) string {
	s := d.String()
	s = strings.TrimSuffix(s, "m0s")
	if s != d.String() {
		s += "m"
	}
	if t := strings.TrimSuffix(s, "h0m"); t != s {
		s = t + "h"
	}
	return s
}

// Percent is a fraction (0.05) that a message shows as a percentage
// ("5 %" in English, "5%" in Chinese).
type Percent float64

// Percent renders the fraction f as a percentage in l.
func (l Lang) Percent(f float64) string {
	n := strconv.FormatFloat(f*100, 'g', -1, 64)
	if l == Chinese {
		return n + "%"
	}
	return n + " %"
}

// List is names shown as one list: "a, b, c" in English, "a、b、c" in
// Chinese.
type List []string

// In renders the list in l.
func (s List) In(l Lang) string {
	if l == Chinese {
		return strings.Join(s, "、")
	}
	return strings.Join(s, ", ")
}

// Or is a choice between names: "a, b or c" in English, "a、b 或 c" in
// Chinese.
type Or []string

// In renders the choice in l.
func (s Or) In(l Lang) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	if l == Chinese {
		return strings.Join(s[:len(s)-1], "、") + " 或 " + s[len(s)-1]
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}
