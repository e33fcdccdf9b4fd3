package netsim

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Event is one happening of a run. Every event has a time, a kind (the
// "kind" of the JSON stream, see CONTRACT.md), one deterministic one-line
// rendering, and the fields of its JSON object.
//
// Models above netsim define their own events and emit them with Sim.Emit,
// so the whole run is a single ordered stream.
type Event interface {
	// When is the virtual time of the event.
	When() time.Duration
	// Kind is the contract's kind: "segment", "tcp_state", ...
	Kind() string
	// Line is the one-line rendering, without the time: the trace, golden
	// files and the interface all show this text.
	Line() string
	// AppendFields writes the JSON fields that follow t_ns and kind.
	AppendFields(f *Fields)
}

// Format renders an event as its time stamp followed by its line: the text
// form of the event stream.
func Format(e Event) string {
	return FormatTime(e.When()) + "  " + e.Line()
}

// Shown is a time or a duration as people are shown it, everywhere:
// truncated to the millisecond, as a clock shows the tick it has reached
// and not the one it approaches (Linux's jiffies count the same way). The
// timeline's stamps (FormatTime), narrations, verdicts and views all show
// a time through it, so that one instant reads the same in each.
func Shown(d time.Duration) time.Duration { return d.Truncate(time.Millisecond) }

// FormatTime renders a virtual time as HH:MM:SS.mmm, fixed width, so that
// lines of a trace align and sort.
func FormatTime(d time.Duration) string {
	ms := Shown(d) / time.Millisecond
	h := ms / 3_600_000
	m := ms / 60_000 % 60
	s := ms / 1000 % 60
	return fmt.Sprintf("%02d:%02d:%02d.%03d", h, m, s, ms%1000)
}

// FormatDuration renders a duration for people: "350ms", "1.5s", "2m5s",
// "2h", "2h11m15s". It is Go's duration syntax, so scenario files accept it
// back.
func FormatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// AppendJSON appends the event's JSON object (no newline) to buf: t_ns and
// kind first, then the kind's fields, always in the same order.
func AppendJSON(buf []byte, e Event) []byte {
	buf = append(buf, `{"t_ns":`...)
	buf = strconv.AppendInt(buf, int64(e.When()), 10)
	buf = append(buf, `,"kind":`...)
	buf = appendJSONString(buf, e.Kind())
	f := Fields{buf: buf}
	e.AppendFields(&f)
	return append(f.buf, '}')
}

// Fields builds the body of an event's JSON object. Its methods append one
// key and value each; keys are written in call order.
type Fields struct{ buf []byte }

func (f *Fields) key(k string) {
	f.buf = append(f.buf, ',')
	f.buf = appendJSONString(f.buf, k)
	f.buf = append(f.buf, ':')
}

// Str appends a string field.
func (f *Fields) Str(k, v string) {
	f.key(k)
	f.buf = appendJSONString(f.buf, v)
}

// OptStr appends a string field unless v is empty.
func (f *Fields) OptStr(k, v string) {
	if v != "" {
		f.Str(k, v)
	}
}

// Int appends an integer field.
func (f *Fields) Int(k string, v int64) {
	f.key(k)
	f.buf = strconv.AppendInt(f.buf, v, 10)
}

// Uint appends an unsigned integer field.
func (f *Fields) Uint(k string, v uint64) {
	f.key(k)
	f.buf = strconv.AppendUint(f.buf, v, 10)
}

// Float appends a number field.
func (f *Fields) Float(k string, v float64) {
	f.key(k)
	f.buf = strconv.AppendFloat(f.buf, v, 'g', -1, 64)
}

// Bool appends a boolean field.
func (f *Fields) Bool(k string, v bool) {
	f.key(k)
	f.buf = strconv.AppendBool(f.buf, v)
}

// Dur appends a duration as integer nanoseconds under k (by convention k
// ends in "_ns").
func (f *Fields) Dur(k string, v time.Duration) { f.Int(k, int64(v)) }

// appendJSONString appends s as a JSON string: quotes, backslashes and
// control characters escaped, UTF-8 passed through.
func appendJSONString(buf []byte, s string) []byte {
	const hex = "0123456789abcdef"
	buf = append(buf, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			buf = append(buf, '\\', c)
		case c == '\n':
			buf = append(buf, '\\', 'n')
		case c == '\t':
			buf = append(buf, '\\', 't')
		case c < 0x20:
			buf = append(buf, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			buf = append(buf, c)
		}
	}
	return append(buf, '"')
}
