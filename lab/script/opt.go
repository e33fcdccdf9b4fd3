package script

import (
	"fmt"
	"strconv"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// Option is a socket option a script may set.
type Option uint8

// The options, by their C names.
const (
	SOKeepalive Option = iota + 1
	TCPKeepIdle
	TCPKeepIntvl
	TCPKeepCnt
	TCPUserTimeout
	TCPNoDelay
	TCPSynCnt
	SOLinger
	SORcvTimeo
	SOSndBuf
	SORcvBuf
	TCPMaxSeg
)

// unit is how an option's value is written and what the kernel takes.
type unit uint8

const (
	flag    unit = iota + 1 // 0 or 1 (true, false)
	seconds                 // whole seconds (a number, or a duration like 5s)
	millis                  // whole milliseconds (a number, or a duration like 30s)
	count                   // a number
	bytes                   // a number of bytes
	timeval                 // a duration (a bare number is seconds)
)

// options is the table of options: name, level, unit and range (in the
// kernel's unit), each bound from the kernel that enforces it.
var options = [...]struct {
	name, level string
	unit        unit
	min, max    int64
}{
	SOKeepalive: {"SO_KEEPALIVE", "SOL_SOCKET", flag, 0, 1},
	// MAX_TCP_KEEPIDLE, MAX_TCP_KEEPINTVL, MAX_TCP_KEEPCNT (include/net/tcp.h).
	TCPKeepIdle:  {"TCP_KEEPIDLE", "SOL_TCP", seconds, 1, 32767},
	TCPKeepIntvl: {"TCP_KEEPINTVL", "SOL_TCP", seconds, 1, 32767},
	TCPKeepCnt:   {"TCP_KEEPCNT", "SOL_TCP", count, 1, 127},
	// do_tcp_setsockopt: a negative TCP_USER_TIMEOUT is EINVAL; it is an int.
	TCPUserTimeout: {"TCP_USER_TIMEOUT", "SOL_TCP", millis, 0, 1<<31 - 1},
	TCPNoDelay:     {"TCP_NODELAY", "SOL_TCP", flag, 0, 1},
	// MAX_TCP_SYNCNT.
	TCPSynCnt: {"TCP_SYNCNT", "SOL_TCP", count, 1, 127},
	// SO_LINGER: l_linger in seconds. Only 0 (close() resets) is modelled:
	// a positive linger, close() blocking until the peer has acknowledged
	// everything, is not.
	SOLinger:   {"SO_LINGER", "SOL_SOCKET", seconds, 0, 0},
	SORcvTimeo: {"SO_RCVTIMEO", "SOL_SOCKET", timeval, 0, int64(24 * time.Hour)},
	// SO_SNDBUF and SO_RCVBUF take any int; the kernel caps it at
	// net.core.wmem_max or rmem_max and keeps twice it (sock_setsockopt).
	// A script asks for at least one byte.
	SOSndBuf: {"SO_SNDBUF", "SOL_SOCKET", bytes, 1, 1<<31 - 1},
	SORcvBuf: {"SO_RCVBUF", "SOL_SOCKET", bytes, 1, 1<<31 - 1},
	// TCP_MIN_MSS to MAX_TCP_WINDOW (do_tcp_setsockopt).
	TCPMaxSeg: {"TCP_MAXSEG", "SOL_TCP", bytes, 88, 32767},
}

// String is the option's C name: "TCP_KEEPIDLE".
func (o Option) String() string {
	if int(o) < len(options) && options[o].name != "" {
		return options[o].name
	}
	return "SO_?"
}

// Options lists the options.
func Options() []Option {
	var out []Option
	for o := SOKeepalive; o <= TCPMaxSeg; o++ {
		out = append(out, o)
	}
	return out
}

// OptionNames lists the options' C names.
func OptionNames() []string {
	var out []string
	for _, o := range Options() {
		out = append(out, o.String())
	}
	return out
}

// Opt is an option and its value, in the kernel's unit (seconds for
// TCP_KEEPIDLE and SO_LINGER, milliseconds for TCP_USER_TIMEOUT, 0 or 1 for
// a flag, nanoseconds for SO_RCVTIMEO).
type Opt struct {
	Name  Option
	Value int64
}

// ParseOpt reads an option's value as a script writes it: a flag as 0, 1,
// true or false; a time as a whole number in the kernel's unit or as a
// duration (5s, 30s); a count as a number.
func ParseOpt(name, value string) (Opt, error) {
	var o Option
	for _, x := range Options() {
		if x.String() == name {
			o = x
		}
	}
	if o == 0 {
		return Opt{}, i18n.NewError(i18n.ScriptOptUnknown, "Name", name, "Known", i18n.List(OptionNames()))
	}
	t := options[o]
	var v int64
	var ok bool
	switch t.unit {
	case flag:
		switch value {
		case "1", "true":
			v, ok = 1, true
		case "0", "false":
			v, ok = 0, true
		}
	case count, bytes:
		v, ok = whole(value)
	case seconds, millis, timeval:
		per := map[unit]time.Duration{seconds: time.Second, millis: time.Millisecond, timeval: 1}[t.unit]
		if n, isNum := whole(value); isNum {
			v, ok = n, true
			if t.unit == timeval {
				v = n * int64(time.Second)
			}
		} else if d, err := time.ParseDuration(value); err == nil && d%per == 0 {
			v, ok = int64(d/per), true
		}
	}
	if !ok {
		return Opt{}, i18n.NewError(i18n.ScriptOptValue, "Name", name, "Want", i18n.M(wants[t.unit]), "Value", value)
	}
	if v < t.min || v > t.max {
		if o == SOLinger {
			return Opt{}, i18n.NewError(i18n.ScriptLingerPositive, "Value", value)
		}
		return Opt{}, i18n.NewError(i18n.ScriptOptRange, "Name", name, "Min", show(o, t.min), "Max", show(o, t.max),
			"Value", value)
	}
	return Opt{Name: o, Value: v}, nil
}

var wants = map[unit]i18n.ID{flag: i18n.ScriptWantFlag, seconds: i18n.ScriptWantSeconds, millis: i18n.ScriptWantMillis,
	count: i18n.ScriptWantCount, bytes: i18n.ScriptWantCount, timeval: i18n.WantDuration}

func whole(s string) (int64, bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// show writes a bound in the option's unit, as a script would.
func show(o Option, v int64) string {
	if options[o].unit == timeval {
		return time.Duration(v).String()
	}
	return strconv.FormatInt(v, 10)
}

// Level is the option's level, as strace names it: "SOL_TCP".
func (o Option) Level() string { return options[o].level }

// arg renders the value as strace shows it.
func (op Opt) arg() string {
	switch op.Name {
	case SOLinger:
		return fmt.Sprintf("{l_onoff=1, l_linger=%d}", op.Value)
	case SORcvTimeo:
		d := time.Duration(op.Value)
		return fmt.Sprintf("{tv_sec=%d, tv_usec=%d}", d/time.Second, (d%time.Second)/time.Microsecond)
	}
	return strconv.FormatInt(op.Value, 10)
}

// apply sets the option in o, as the kernel of a host with profile prof
// keeps it (SO_RCVTIMEO is the program's, not the stack's: the caller
// keeps it).
func (op Opt) apply(o *netsim.SockOpts, prof *netsim.Profile) {
	v := op.Value
	switch op.Name {
	case SOSndBuf:
		o.SndBuf = prof.SndBufFor(v)
	case SORcvBuf:
		o.RcvBuf = prof.RcvBufFor(v)
	case TCPMaxSeg:
		o.MaxSeg = uint16(v)
	case SOKeepalive:
		o.KeepAlive = v == 1
	case TCPKeepIdle:
		o.KeepIdle = time.Duration(v) * time.Second
	case TCPKeepIntvl:
		o.KeepIntvl = time.Duration(v) * time.Second
	case TCPKeepCnt:
		o.KeepCnt = int(v)
	case TCPUserTimeout:
		o.UserTimeout = time.Duration(v) * time.Millisecond
	case TCPNoDelay:
		o.NoDelay = v == 1
	case TCPSynCnt:
		o.SynRetries = int(v)
	case SOLinger:
		o.LingerZero = true
	}
}
