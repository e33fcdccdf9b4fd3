package drill

import (
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/scenarios"
)

// Script is a parsed packetdrill script: its options (--tolerance_usecs=…),
// its init command (`./defaults.sh`), its events in order and its cleanup
// command.
type Script struct {
	File    string
	Options []Option
	Init    *Event // the backtick command before the first event, if any
	Events  []*Event
	Cleanup *Event // the backtick command after the last event, if any
}

// Option is one --name=value line at the top of a script.
type Option struct {
	Pos         scenarios.Pos
	Name, Value string
}

// TimeKind says how an event's time is written.
type TimeKind uint8

// Event times (packetdrill's event_time).
const (
	Absolute      TimeKind = iota // 0.100
	Relative                      // +0.1
	AnyTime                       // *
	AbsoluteRange                 // 0.1~0.2
	RelativeRange                 // +0.1~+0.2
)

// Event is one line of a script: at a time, a packet, a system call, a
// shell command or a block of Python.
type Event struct {
	Pos     scenarios.Pos // the position of its time
	Kind    TimeKind
	At, End time.Duration // End: the end of a range
	Packet  *Packet
	Call    *Syscall
	Command string // a backtick command's text
	Code    string // a %{ … }% block's text
	CodePos scenarios.Pos
	Text    string // the line as written (a call over several lines joined), for reports
}

// Dir is a packet's direction, seen from the stack under test.
type Dir uint8

// Directions.
const (
	In  Dir = iota + 1 // < : the peer sends it to the stack
	Out                // > : the stack must send it
)

// Packet is a TCP segment as a script writes it. Sequence numbers are
// relative to each side's initial sequence number, as packetdrill writes
// them.
type Packet struct {
	Pos   scenarios.Pos
	Dir   Dir
	Flags string // the letters as written: "S.", "P.", "F.", ".", "R"
	// SrcPort and DstPort, when written (40001>8080), are the packet's
	// ports: the remote end's then the stack's for an inbound packet, the
	// other way round for an outbound one; 0: the script's connection's.
	SrcPort, DstPort uint16
	Seq              uint32
	Len              int
	Ack              uint32
	HasAck           bool // an "ack N" was written
	Win              int  // -1: not written (an outbound packet's window is then not checked)
	Options          []TCPOption
	AnyOptions       bool // <...>: an outbound packet's options are not checked
	HasOptions       bool // an option list <…> was written
}

// OptKind is a TCP option's kind.
type OptKind uint8

// TCP options (RFC 9293 3.2, RFC 7323, RFC 2018).
const (
	OptNOP OptKind = iota + 1
	OptEOL
	OptMSS
	OptWScale
	OptSackOK
	OptSACK
	OptTS
)

// TCPOption is one TCP option of a packet line.
type TCPOption struct {
	Kind     OptKind
	Value    uint32      // MSS, window scale shift
	Val, Ecr uint32      // timestamps
	Blocks   [][2]uint32 // SACK blocks, left:right
}

// String writes the option as packetdrill does ("mss 1460", "TS val 100 ecr 0").
func (o TCPOption) String() string {
	u := func(v uint32) string { return strconv.FormatUint(uint64(v), 10) }
	switch o.Kind {
	case OptNOP:
		return "nop"
	case OptEOL:
		return "eol"
	case OptMSS:
		return "mss " + u(o.Value)
	case OptWScale:
		return "wscale " + u(o.Value)
	case OptSackOK:
		return "sackOK"
	case OptTS:
		return "TS val " + u(o.Val) + " ecr " + u(o.Ecr)
	case OptSACK:
		var b strings.Builder
		b.WriteString("sack")
		for _, x := range o.Blocks {
			b.WriteString(" " + u(x[0]) + ":" + u(x[1]))
		}
		return b.String()
	}
	return "?"
}

// FormatOptions writes an option list as packetdrill does: "<mss 1460,nop,wscale 7>".
func FormatOptions(opts []TCPOption) string {
	parts := make([]string, len(opts))
	for i, o := range opts {
		parts[i] = o.String()
	}
	return "<" + strings.Join(parts, ",") + ">"
}

// Syscall is a system call line: name(args) = result [ERRNO (note)], and
// for a blocking call the time it returns (…END before the name).
type Syscall struct {
	Pos      scenarios.Pos
	Name     string
	Args     []Expr
	Blocking bool
	End      time.Duration // when Blocking: the script's return time, absolute or relative as the event's
	Ret      Expr
	Errno    string
}

// ExprKind is the kind of a system call's argument or result.
type ExprKind uint8

// Expressions.
const (
	ExprEllipsis ExprKind = iota + 1 // ...
	ExprInt                          // 4, -1, 0x3
	ExprWord                         // SOCK_STREAM
	ExprString                       // "abc"
	ExprList                         // [1] or {…}
	ExprOr                           // O_RDWR|O_NONBLOCK
	ExprAssign                       // onoff=1
	ExprCall                         // htons(8080), inet_addr("…")
)

// Expr is an argument or a result of a system call.
type Expr struct {
	Pos   scenarios.Pos
	Kind  ExprKind
	Int   int64
	Text  string // a word, a string, an assignment's or a call's name
	Items []Expr // a list's items, an or's operands, an assignment's value, a call's arguments
	Brace bool   // a list written {…}
}

// String writes the expression back as a script would.
func (e Expr) String() string {
	switch e.Kind {
	case ExprEllipsis:
		return "..."
	case ExprInt:
		return strconv.FormatInt(e.Int, 10)
	case ExprWord:
		return e.Text
	case ExprString:
		return strconv.Quote(e.Text)
	case ExprOr:
		return joinExprs(e.Items, "|")
	case ExprAssign:
		return e.Text + "=" + e.Items[0].String()
	case ExprCall:
		return e.Text + "(" + joinExprs(e.Items, ", ") + ")"
	case ExprList:
		if e.Brace {
			return "{" + joinExprs(e.Items, ", ") + "}"
		}
		return "[" + joinExprs(e.Items, ", ") + "]"
	}
	return "?"
}

func joinExprs(xs []Expr, sep string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = x.String()
	}
	return strings.Join(parts, sep)
}

// Field returns the value of name=… in a {…} list.
func (e Expr) Field(name string) (Expr, bool) {
	for _, x := range e.Items {
		if x.Kind == ExprAssign && x.Text == name {
			return x.Items[0], true
		}
	}
	return Expr{}, false
}
