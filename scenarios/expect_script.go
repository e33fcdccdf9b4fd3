package scenarios

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/script"
	"github.com/socklab/socklab/netsim"
)

// Expectations about calls and segments, for lessons whose point is what
// a program sees (socket scripts) and what goes on the wire.

// syscallRule: the nth call of one kind made by an app (or on a host)
// returned this, in this window.
type syscallRule struct {
	Host    string          `yaml:"host"`
	App     string          `yaml:"app"`
	Call    string          `yaml:"call"`
	Nth     int             `yaml:"nth"`
	Ret     *int64          `yaml:"ret"`
	Errno   string          `yaml:"errno"`
	Blocked *time.Duration  `yaml:"blocked"`
	Between []time.Duration `yaml:"between"`
}

// syscallNames are the calls a script's syscall events name.
var syscallNames = []string{"socket", "bind", "listen", "accept", "connect", "write", "read", "shutdown", "close", "setsockopt"}

func (d *syscallRule) check(c *checker, p string) (i18n.Message, time.Duration, error) {
	if d.Nth == 0 {
		d.Nth = 1
	}
	var err error
	switch {
	case !slices.Contains(syscallNames, d.Call):
		err = &lab.FieldError{Path: p + ".call", Msg: i18n.M(i18n.RuleOneOfList, "Choices", i18n.List(syscallNames), "Value", d.Call)}
	case d.Nth < 1:
		err = &lab.FieldError{Path: p + ".nth", Msg: i18n.M(i18n.RuleAtLeast, "Min", 1, "Value", d.Nth)}
	case d.Errno != "" && d.Ret != nil:
		err = &lab.FieldError{Path: p + ".ret", Msg: i18n.M(i18n.ExpectRetOrErrno)}
	case d.Blocked != nil && *d.Blocked < 0:
		err = &lab.FieldError{Path: p + ".blocked", Msg: i18n.M(i18n.RuleNotNegativeValue, "Value", d.Blocked.String())}
	default:
		if _, ok := netsim.ParseErrno(d.Errno); d.Errno != "" && !ok {
			err = &lab.FieldError{Path: p + ".errno", Msg: i18n.M(i18n.RuleOneOfList, "Choices", i18n.List(errnoNames()), "Value", d.Errno)}
		} else {
			err = firstErr(c.host(p+".host", d.Host, d.App == ""), c.app(p+".app", appBase(d.App), false), c.window(p, d.Between))
		}
	}
	return i18n.M(i18n.ExpectNameSyscall, "Who", who(d.Host, d.App), "Nth", d.Nth, "Call", d.Call,
		"Result", d.result(), "When", windowText(d.Between)), 0, err
}

func (d *syscallRule) watches() watched { return watchSyscalls }

func (d *syscallRule) observe(j *judge, e netsim.Event) {
	x, ok := e.(*script.SyscallEvent)
	if !ok || j.detected || x.Call != d.Call || !matches(x.Host, d.Host) || !appMatches(x.App, d.App) {
		return
	}
	j.count++
	if j.count == d.Nth {
		j.detected, j.detectAt, j.call = true, x.At, x
	}
}

func (d *syscallRule) verdict(j *judge, _ func() *lab.Snapshot, _ time.Duration) (bool, i18n.Message) {
	if !j.detected {
		return false, i18n.M(i18n.VerdictSyscallNone, "Count", j.count)
	}
	e := j.call
	ok := inWindow(e.At, d.Between) &&
		(d.Errno == "" || e.Errno.Name() == d.Errno) && (d.Ret == nil || (e.Errno == 0 && e.Ret == *d.Ret)) &&
		(d.Blocked == nil || netsim.Shown(e.Blocked) == netsim.Shown(*d.Blocked))
	return ok, i18n.M(i18n.VerdictSyscall, "Call", e.Text(), "At", netsim.Shown(e.At))
}

// result writes what a syscall expectation wants returned, in the call's
// notation: " = -1 EPIPE", " = 100 <1.01 s>"; "" for anything.
func (d *syscallRule) result() string {
	var s string
	switch {
	case d.Errno != "":
		s = " = -1 " + d.Errno
	case d.Ret != nil:
		s = " = " + strconv.FormatInt(*d.Ret, 10)
	}
	if d.Blocked != nil {
		s += " <" + script.Seconds(*d.Blocked) + ">"
	}
	return s
}

// segmentRule: the nth segment a node sent with exactly these flags left
// in this window.
type segmentRule struct {
	From    string          `yaml:"from"`
	Flags   string          `yaml:"flags"`
	Nth     int             `yaml:"nth"`
	Between []time.Duration `yaml:"between"`
}

func (d *segmentRule) check(c *checker, p string) (i18n.Message, time.Duration, error) {
	if d.Nth == 0 {
		d.Nth = 1
	}
	var err error
	if d.Nth < 1 {
		err = &lab.FieldError{Path: p + ".nth", Msg: i18n.M(i18n.RuleAtLeast, "Min", 1, "Value", d.Nth)}
	} else if d.Flags, err = parseFlags(p+".flags", d.Flags); err == nil {
		err = firstErr(c.node(p+".from", d.From), c.window(p, d.Between))
	}
	return i18n.M(i18n.ExpectNameSegment, "From", d.From, "Nth", d.Nth, "Flags", d.Flags, "When", windowText(d.Between)), 0, err
}

func (d *segmentRule) watches() watched { return watchSent }

func (d *segmentRule) observe(j *judge, e netsim.Event) {
	if x, ok := sent(e, d.From, d.Flags); ok && !j.detected {
		j.count++
		if j.count == d.Nth {
			j.detected, j.detectAt = true, x.At
		}
	}
}

func (d *segmentRule) verdict(j *judge, _ func() *lab.Snapshot, _ time.Duration) (bool, i18n.Message) {
	if !j.detected {
		return false, i18n.M(i18n.VerdictSegmentNone, "Count", j.count)
	}
	return inWindow(j.detectAt, d.Between), i18n.M(i18n.VerdictSegmentAt, "At", netsim.Shown(j.detectAt))
}

// segmentsRule bounds how many segments with these flags a node sent (up
// to at, or the end).
type segmentsRule struct {
	From    string        `yaml:"from"`
	Flags   string        `yaml:"flags"`
	At      time.Duration `yaml:"at"`
	AtMost  *int          `yaml:"at_most"`
	AtLeast *int          `yaml:"at_least"`
}

func (d *segmentsRule) check(c *checker, p string) (i18n.Message, time.Duration, error) {
	b := d.bounds()
	flags, err := parseFlags(p+".flags", d.Flags)
	if err == nil {
		d.Flags = flags
		err = firstErr(c.node(p+".from", d.From), c.bounds(p, b))
	}
	return i18n.M(i18n.ExpectNameSegments, "From", d.From, "Flags", d.Flags, "Bounds", boundsText(b)), d.At, err
}

func (d *segmentsRule) watches() watched { return watchSent }

func (d *segmentsRule) observe(j *judge, e netsim.Event) {
	if x, ok := sent(e, d.From, d.Flags); ok && d.bounds().until(x.At) {
		j.count++
	}
}

func (d *segmentsRule) verdict(j *judge, _ func() *lab.Snapshot, _ time.Duration) (bool, i18n.Message) {
	return d.bounds().in(j.count), i18n.M(i18n.VerdictCount, "N", j.count)
}

func (d *segmentsRule) bounds() *countSpec {
	return &countSpec{At: d.At, AtMost: d.AtMost, AtLeast: d.AtLeast}
}

// sent is e if it is a segment node sent with exactly these flags.
func sent(e netsim.Event, node, flags string) (*netsim.SegmentEvent, bool) {
	x, ok := e.(*netsim.SegmentEvent)
	return x, ok && x.Fate == netsim.FateSent && x.SrcHost == node && x.Packet.Flags.String() == flags
}

// node checks that n names a host or a middlebox.
func (c *checker) node(p, n string) error {
	if c.hosts[n] || c.boxes[n] {
		return nil
	}
	return &lab.FieldError{Path: p, Msg: i18n.M(i18n.ConfigNoNode, "Name", n)}
}

// window checks a between, the window of a detection, a call or a
// segment (optional for the last two): two times in order, both within
// the run.
func (c *checker) window(p string, between []time.Duration) error {
	switch {
	case between == nil:
		return nil
	case len(between) != 2 || between[0] > between[1]:
		return &lab.FieldError{Path: p + ".between", Msg: i18n.M(i18n.ExpectBetween)}
	}
	return firstErr(c.time(p+".between", between[0]), c.time(p+".between", between[1]))
}

// windowText says when, for an expectation's name: "between 2s and 3s",
// "at 2s" when both ends are the same time, or nothing.
func windowText(between []time.Duration) i18n.Message {
	if len(between) != 2 {
		return i18n.Message{}
	}
	if between[0] == between[1] {
		return i18n.M(i18n.ExpectWhenAt, "At", between[0])
	}
	return i18n.M(i18n.ExpectWhenBetween, "From", between[0], "To", between[1])
}

// parseFlags reads TCP flags as the trace writes them ("RST|ACK", in any
// order) and writes them in the trace's order.
func parseFlags(path, s string) (string, error) {
	var f netsim.Flags
	for _, part := range strings.Split(s, "|") {
		bit, ok := map[string]netsim.Flags{"SYN": netsim.SYN, "ACK": netsim.ACK, "FIN": netsim.FIN, "RST": netsim.RST,
			"PSH": netsim.PSH}[strings.TrimSpace(part)]
		if !ok {
			return "", &lab.FieldError{Path: path, Msg: i18n.M(i18n.ExpectFlags, "Value", s)}
		}
		f |= bit
	}
	return f.String(), nil
}

func errnoNames() []string {
	var out []string
	for _, e := range netsim.Errnos() {
		out = append(out, e.Name())
	}
	return out
}

// appMatches: an empty want matches anything; a group's name matches all
// its members, and "clients#2" the second alone.
func appMatches(got, want string) bool {
	return want == "" || got == want || appBase(got) == want
}

// inWindow reports whether t is within between (both ends included), or
// between is not given. It judges the exact time; a verdict shows it as
// every time is shown (netsim.Shown).
func inWindow(t time.Duration, between []time.Duration) bool {
	return between == nil || (t >= between[0] && t <= between[1])
}
