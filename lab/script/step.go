package script

import (
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// Step is one line of a script: a call, when it runs, and its arguments.
// It is plain data; the scenarios package fills it from a file, Validate
// checks a whole script.
type Step struct {
	// When the step runs. A step of the sequence runs after the one
	// before it has returned: At (when HasAt) is an absolute time since the
	// start of the run (a time already passed means at once); After waits
	// that long after the step before returned (or the program started).
	At    time.Duration
	HasAt bool
	After time.Duration
	// On makes the step a reaction instead (see Program): "eof", "error",
	// or an errno's symbol ("ECONNRESET").
	On string
	// FD names the socket the call acts on; 0 is the current one (the one
	// the last connect, accept or listen made).
	FD int

	Call Call

	// Host and Port: where connect goes (Host is a host or NAT name, or an
	// IPv4 address), or the port listen binds.
	Host string
	Port uint16
	// Backlog of listen.
	Backlog int
	// Count: how many connections accept takes (one call each), how many
	// bytes write writes (when Text is empty).
	Count int
	// Text: what write writes, what log says.
	Text string
	// UntilEOF: read calls read again after each data until it returns 0
	// (EOF) or fails.
	UntilEOF bool
	// How: what shutdown shuts.
	How Shut
	// Opts: what setsockopt sets, in order; for close, the options set just
	// before it (SO_LINGER 0).
	Opts []Opt
	// Sleep: how long sleep waits.
	Sleep time.Duration
}

// Call is what a step does.
type Call uint8

// Calls. Besides the socket calls, sleep waits, log writes a line (a
// narration), reconnect closes the current socket and runs the script
// again from its first step, exit ends the process (its OS closes its
// sockets).
const (
	Connect Call = iota + 1
	Listen
	Accept
	Write
	Read
	Shutdown
	Close
	Setsockopt
	Sleep
	Log
	Reconnect
	Exit
)

var callNames = [...]string{
	Connect: "connect", Listen: "listen", Accept: "accept", Write: "write", Read: "read",
	Shutdown: "shutdown", Close: "close", Setsockopt: "setsockopt", Sleep: "sleep", Log: "log",
	Reconnect: "reconnect", Exit: "exit",
}

// String is the call's key in a script: "connect".
func (c Call) String() string {
	if int(c) < len(callNames) && callNames[c] != "" {
		return callNames[c]
	}
	return "call?"
}

// Calls lists the calls, in the order the documentation gives them.
func Calls() []Call {
	out := make([]Call, 0, len(callNames)-1)
	for c := Connect; c <= Exit; c++ {
		out = append(out, c)
	}
	return out
}

// CallNames lists the calls' keys.
func CallNames() []string {
	var out []string
	for _, c := range Calls() {
		out = append(out, c.String())
	}
	return out
}

// ParseCall finds a call by its key.
func ParseCall(name string) (Call, bool) {
	for _, c := range Calls() {
		if c.String() == name {
			return c, true
		}
	}
	return 0, false
}

// NeedsValue reports whether the call's key must have a value (connect
// where, listen on which port, write what, sleep how long, setsockopt
// what, shutdown which side); the others may stand alone ("- accept").
func (c Call) NeedsValue() bool {
	switch c {
	case Connect, Listen, Write, Sleep, Setsockopt, Shutdown:
		return true
	}
	return false
}

// Shut is the side shutdown shuts.
type Shut uint8

// Sides of shutdown (SHUT_RD, SHUT_WR, SHUT_RDWR).
const (
	ShutRD Shut = iota + 1
	ShutWR
	ShutRDWR
)

var shutNames = [...]struct{ key, name string }{
	ShutRD: {"rd", "SHUT_RD"}, ShutWR: {"wr", "SHUT_WR"}, ShutRDWR: {"rdwr", "SHUT_RDWR"},
}

// String is the constant's name, as strace shows it: "SHUT_WR".
func (s Shut) String() string {
	if int(s) < len(shutNames) && shutNames[s].name != "" {
		return shutNames[s].name
	}
	return "SHUT_?"
}

// ShutKeys lists what a script may write after shutdown.
var ShutKeys = []string{"rd", "wr", "rdwr"}

// ParseShut reads "rd", "wr", "rdwr" (or SHUT_RD, SHUT_WR, SHUT_RDWR).
func ParseShut(v string) (Shut, bool) {
	for s := ShutRD; s <= ShutRDWR; s++ {
		if v == shutNames[s].key || v == shutNames[s].name {
			return s, true
		}
	}
	return 0, false
}

// Connects reports whether a script connects somewhere: it is a client.
func Connects(steps []Step) bool { return has(steps, Connect) }

// Listens reports whether a script listens: it is a server.
func Listens(steps []Step) bool { return has(steps, Listen) }

func has(steps []Step, c Call) bool {
	for _, st := range steps {
		if st.Call == c {
			return true
		}
	}
	return false
}

// Defaults of a step's arguments, as the scenarios package fills them.
const (
	// DefaultBacklog is listen's backlog when the script gives none: the
	// value of SOMAXCONN before Linux 5.4, still the common choice.
	DefaultBacklog = 128
)

// Limits of a script, each with its reason.
const (
	// MaxSteps bounds a script's steps: a script is written by hand; ten
	// are typical.
	MaxSteps = 1000
	// MaxWrite bounds one write: 1 MiB, well past what a lesson needs, and
	// short of a send buffer that the model does not bound filling memory.
	MaxWrite = 1 << 20
	// MaxAccept bounds accept's count.
	MaxAccept = 10000
	// MaxCalls bounds the calls one program makes in a run: a reconnect
	// loop against a refusing server makes a call per round trip for the
	// whole run; past this the program stops (and says so) instead of
	// running away.
	MaxCalls = 100000
	// MaxText bounds a write's or log's text.
	MaxText = 4096
)

// Target parses connect's value: HOST:PORT, where HOST is a name or an
// IPv4 address.
func Target(v string) (host string, port uint16, err error) {
	i := strings.LastIndexByte(v, ':')
	if i <= 0 || i == len(v)-1 {
		return "", 0, i18n.NewError(i18n.ScriptTargetForm, "Value", v)
	}
	host, p := v[:i], v[i+1:]
	n, perr := strconv.ParseUint(p, 10, 16)
	if perr != nil || n == 0 {
		return "", 0, i18n.NewError(i18n.ScriptTargetPort, "Value", p)
	}
	if a, aerr := netip.ParseAddr(host); aerr == nil && !a.Is4() {
		return "", 0, i18n.NewError(i18n.ScriptTargetIPv4, "Value", host)
	}
	return host, uint16(n), nil
}

// ParseOn reads a reaction's event: "eof", "error" or an errno's symbol.
func ParseOn(v string) error {
	if v == OnEOF || v == OnError {
		return nil
	}
	if _, ok := netsim.ParseErrno(v); ok {
		return nil
	}
	return i18n.NewError(i18n.ScriptOnValue, "Value", v, "Known", i18n.Or(OnNames()))
}

// Events a reaction may wait for, besides an errno's symbol.
const (
	OnEOF   = "eof"   // a read returned 0: the peer closed its side
	OnError = "error" // a call failed, whatever its errno
)

// OnNames lists what on: may name.
func OnNames() []string {
	out := []string{OnEOF, OnError}
	for _, e := range netsim.Errnos() {
		out = append(out, e.Name())
	}
	return out
}
