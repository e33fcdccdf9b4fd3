package netsim

import "reflect"

// Hint names the memory an application's code works on for one of its
// connections, for the queue to ask for ahead of time (prefetch.go): a
// heartbeat's state, the client or handler that holds it, its timers. It
// changes nothing the simulation does. With many connections an
// application's state has left the processor's caches since that
// connection's last event, and each of its cache lines is a miss of its
// own; named by a hint, its lines come in while the entries before run.
//
// An application sets its hint on the connection (Conn.SetHint): the
// queue asks for those lines, and for the line of the connection's
// process, when a timer that works on the connection (Timer.Visits) nears
// its turn, and for the lines its notice reads (Hint.Notice: the first
// ones, or all) when a segment with data bound for the connection nears
// its own.
//
// A Hint is one word: the address of the first line and the counts of
// lines. It keeps nothing alive and is never read through by Go code: if
// the memory it names is freed, a prefetch of it only warms the caches
// for nothing.
type Hint struct {
	// at is the address of the first line in its low 48 bits (an amd64
	// user address has 47), the count of lines a notice reads in the 8
	// above them and the count of lines in its top 8; 0 names nothing.
	at uintptr
}

// MaxHintLines is the most cache lines a hint names: a hint of a larger
// object names its first MaxHintLines lines (what an application reads on
// every event belongs first in its state).
const MaxHintLines = 8

// hintLine is the size of a cache line, which a hint counts in.
const hintLine = 64

// HintOf names the memory of *p, which must be on the heap (a hint of a
// stack object names memory the stack may leave), or its first
// MaxHintLines cache lines. A nil p names nothing.
func HintOf[T any](p *T) Hint { return HintSpan(p, p) }

// HintSpan names the memory from the start of *first to the end of *last,
// two parts of one object on the heap in that order (a struct's first
// field and the last its code reads on every event, say), or its first
// MaxHintLines cache lines. A nil first or last names nothing.
func HintSpan[F, L any](first *F, last *L) Hint {
	if first == nil || last == nil || ^uintptr(0)>>63 == 0 { // a 32-bit address leaves no room for the count
		return Hint{}
	}
	from := reflect.ValueOf(first).Pointer()
	end := reflect.ValueOf(last).Pointer() + max(reflect.TypeFor[L]().Size(), 1)
	if end <= from {
		return Hint{}
	}
	lines := (end-1)/hintLine - from/hintLine + 1
	lines = min(lines, MaxHintLines)
	return Hint{at: from&^(hintLine-1) | lines<<48 | lines<<56}
}

// Notice is h with a notice (a segment with data's arrival) asking for
// its first n lines alone, the ones the application's code reads then
// (at most h.Lines()): a timer that visits the connection still asks
// for all of them.
func (h Hint) Notice(n int) Hint {
	n = max(0, min(n, h.Lines()))
	return Hint{at: h.at&^(0xff<<48) | uintptr(n)<<48}
}

// NoticeLines is the count of lines a notice asks for of h.
func (h Hint) NoticeLines() int { return int(h.at >> 48 & 0xff) }

// Lines is the count of cache lines h names (0 for none).
func (h Hint) Lines() int { return int(h.at >> 56) }

// SetHint names the memory the application's code reads when this
// connection's notice or a timer that visits it runs (Hint). It changes
// nothing the simulation does.
func (c *Conn) SetHint(h Hint) { c.hint = h }
