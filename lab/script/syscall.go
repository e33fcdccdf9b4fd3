package script

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/netsim"
)

// SyscallEvent is one socket call of a script and its result (kind
// "syscall"), emitted when the call returns, as strace prints it. Its
// line is the notation strace and packetdrill readers know:
//
//	write(4, 100) = 100
//	read(4) = -1 ECONNRESET <1.01 s>
//	connect(3, 10.0.0.1:8080) = -1 ETIMEDOUT <131.0 s>
type SyscallEvent struct {
	At   time.Duration
	Host string
	App  string
	// Conn is the socket's 5-tuple ("tcp 10.0.0.2:47659 > 10.0.0.1:8080",
	// a listener's "tcp 10.0.0.1:8080 > *:*"; for accept, the connection
	// it returned), "" for a socket that has none yet.
	Conn string
	// Call is the system call: socket, bind, listen, accept, connect,
	// write, read, shutdown, close, setsockopt.
	Call string
	// FD is the descriptor the call names (socket's: the one it returns).
	FD int
	// Args are the arguments as written between the parentheses.
	Args string
	// Ret is what the call returned: a descriptor, a byte count, 0, or -1
	// when it failed with Errno.
	Ret   int64
	Errno netsim.Errno
	// Blocked is how long the call waited before it returned.
	Blocked time.Duration
}

func (e *SyscallEvent) When() time.Duration { return e.At }
func (e *SyscallEvent) Kind() string        { return "syscall" }

// Line is "syscall   client   write(4, 100) = 100", with the app in
// brackets when it is not named after its host (strace -f's "[pid N]").
func (e *SyscallEvent) Line() string {
	who := ""
	if e.App != e.Host {
		who = "[" + e.App + "] "
	}
	return fmt.Sprintf("%-9s %-8s %s%s", "syscall", e.Host, who, e.Text())
}

// Text is the call and its result, without time, host or app:
// "read(4) = -1 ECONNRESET <1.01 s>".
func (e *SyscallEvent) Text() string {
	var b strings.Builder
	b.WriteString(e.Call)
	b.WriteByte('(')
	b.WriteString(e.Args)
	b.WriteString(") = ")
	if e.Errno != 0 {
		b.WriteString("-1 ")
		b.WriteString(e.Errno.Name())
	} else {
		b.WriteString(strconv.FormatInt(e.Ret, 10))
	}
	if e.Blocked > 0 {
		b.WriteString(" <")
		b.WriteString(Seconds(e.Blocked))
		b.WriteString(">")
	}
	return b.String()
}

// Failed reports whether the call failed.
func (e *SyscallEvent) Failed() bool { return e.Errno != 0 }

// EOF reports whether the call is a read that returned 0: end of file.
func (e *SyscallEvent) EOF() bool { return e.Call == "read" && e.Errno == 0 && e.Ret == 0 }

func (e *SyscallEvent) AppendFields(f *netsim.Fields) {
	f.Str("host", e.Host)
	f.Str("app", e.App)
	f.OptStr("conn", e.Conn)
	f.Str("call", e.Call)
	f.Int("fd", int64(e.FD))
	f.Str("args", e.Args)
	f.Int("ret", e.Ret)
	if e.Errno != 0 {
		f.Str("errno", e.Errno.Name())
	}
	f.Dur("blocked_ns", e.Blocked)
}

// Seconds writes a duration as strace -T's seconds, to the millisecond,
// with the unit: "19.0 s", "1.01 s", "0.5 s".
func Seconds(d time.Duration) string {
	s := strconv.FormatFloat(netsim.Shown(d).Seconds(), 'f', 3, 64)
	s = strings.TrimRight(s, "0")
	if strings.HasSuffix(s, ".") {
		s += "0"
	}
	return s + " s"
}
