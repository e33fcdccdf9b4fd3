package lab

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// The limits of a lab's settings. Each duration, count and size has a range,
// checked when the configuration is validated (and when a live change is
// made), and named in the error; docs/scenarios.md ("Limits") gives each
// with its reason. The ranges keep every sum and product the models make
// of them inside int64 nanoseconds, and every run inside what the work
// budget (Budget) can estimate.
const (
	// MaxTime is the longest a lab is meant to run, a week of simulated
	// time, and the bound of every duration setting: a timer set further
	// away never fires in a run.
	MaxTime = 7 * 24 * time.Hour

	// MinTimer is the floor of an application's timers (a heartbeat's
	// interval, a poll's, a reconnect's delay, an idle timeout): 1 ms. The
	// event loops applications run on count their timeouts in whole
	// milliseconds (poll(2) and epoll_wait(2) take milliseconds; Node's
	// setInterval raises anything shorter to 1 ms, Netty's HashedWheelTimer
	// ticks every 100 ms by default), and a shorter timer would only make
	// a run take more events than any lesson needs.
	MinTimer = time.Millisecond

	// maxCount bounds the clients of a client app.
	maxCount = 100000

	// maxMessage bounds an application message of the lab's frames
	// (traffic.size): a frame's length is a varint of at most 3 bytes (2
	// MiB); a mebibyte keeps a message whole in memory on both sides.
	maxMessage = 1 << 20

	// maxSmallMessage bounds messages a 16-bit field sizes: a heartbeat
	// (65,000, within one IPv4 datagram for UDP), a feed's event record,
	// an HTTP request's or response's headers.
	maxSmallMessage = 65535

	// maxTries bounds counts of tries and misses (heartbeat.max_missed,
	// max_ping_strikes).
	maxTries = 1000

	// Kernel bounds of the keepalive socket options (include/net/tcp.h):
	// TCP_KEEPIDLE and TCP_KEEPINTVL take 1 to MAX_TCP_KEEPIDLE and
	// MAX_TCP_KEEPINTVL (32767) seconds, TCP_KEEPCNT 1 to MAX_TCP_KEEPCNT
	// (127); do_tcp_setsockopt answers anything else with EINVAL.
	maxKeepIdle = 32767 * time.Second
	maxKeepCnt  = 127

	// maxBacklog bounds listen()'s backlog: net.core.somaxconn's largest
	// value on kernels before 4.1 stored it in 16 bits, and the kernel
	// caps the backlog to somaxconn.
	maxBacklog = 65535

	// maxName bounds the name of a host, middlebox or app: it is a
	// column of the interface's tables.
	maxName = 64

	// maxAttempts bounds reconnect.max_attempts.
	maxAttempts = 1000000

	// MaxLinkDelay bounds a link's latency and jitter: a geostationary
	// satellite hop is 270 ms each way, the worst bufferbloat measured on
	// home links a few seconds; 10 s covers any path on Earth. (A jitter
	// drawn from a range larger than int64 nanoseconds would panic.)
	MaxLinkDelay = 10 * time.Second

	// MinBandwidth and MaxBandwidth bound a link's bandwidth in bits per
	// second (0 is unlimited): from 1 kb/s, where a full segment takes 12
	// s to send, to 1 Tb/s.
	MinBandwidth = 1000
	MaxBandwidth = 1_000_000_000_000

	// maxMultiplier bounds a backoff's growth per attempt: at 100 the
	// delay reaches any cap in a few attempts; a larger one changes
	// nothing.
	maxMultiplier = 100
)

// zeroMeans says what 0 is for a setting.
type zeroMeans uint8

const (
	zeroIsValue zeroMeans = iota // 0 is a value like any other, checked against the range
	zeroIsOff                    // 0 turns the setting off
	zeroIsUnset                  // 0 is the default (the OS's): allowed only when not written
)

// appLimit is a numeric setting of an app and its range. A duration's
// range is in nanoseconds.
type appLimit struct {
	path     string // below "apps.<name>.", as the file writes it
	dur      func(*AppConfig) *time.Duration
	num      func(*AppConfig) *int
	min, max int64
	zero     zeroMeans
}

func durLimit(path string, min, max time.Duration, zero zeroMeans, f func(*AppConfig) *time.Duration) appLimit {
	return appLimit{path: path, dur: f, min: int64(min), max: int64(max), zero: zero}
}

func numLimit(path string, min, max int, zero zeroMeans, f func(*AppConfig) *int) appLimit {
	return appLimit{path: path, num: f, min: int64(min), max: int64(max), zero: zero}
}

// appLimits are the ranges of an app's numeric settings, after its
// defaults and preset are applied. Settings that apply to some kinds only,
// or depend on another, are checked in validate.
var appLimits = []appLimit{
	numLimit("ports", 1, maxPorts, zeroIsValue, func(a *AppConfig) *int { return &a.Ports }),
	durLimit("start", 0, MaxTime, zeroIsValue, func(a *AppConfig) *time.Duration { return &a.Start }),
	durLimit("stagger", 0, MaxTime, zeroIsValue, func(a *AppConfig) *time.Duration { return &a.Stagger }),
	durLimit("heartbeat.interval", MinTimer, MaxTime, zeroIsOff, func(a *AppConfig) *time.Duration { return &a.Heartbeat.Interval }),
	durLimit("heartbeat.timeout", MinTimer, MaxTime, zeroIsOff, func(a *AppConfig) *time.Duration { return &a.Heartbeat.Timeout }),
	numLimit("heartbeat.max_missed", 1, maxTries, zeroIsValue, func(a *AppConfig) *int { return &a.Heartbeat.MaxMissed }),
	durLimit("heartbeat.expect", MinTimer, MaxTime, zeroIsOff, func(a *AppConfig) *time.Duration { return &a.Heartbeat.Expect }),
	durLimit("heartbeat.min_ping_interval", MinTimer, MaxTime, zeroIsOff, func(a *AppConfig) *time.Duration { return &a.Heartbeat.MinPingInterval }),
	numLimit("heartbeat.max_ping_strikes", 0, maxTries, zeroIsValue, func(a *AppConfig) *int { return &a.Heartbeat.MaxPingStrikes }),
	durLimit("idle_timeout", MinTimer, MaxTime, zeroIsOff, func(a *AppConfig) *time.Duration { return &a.IdleTimeout }),
	durLimit("keepalive.idle", time.Second, maxKeepIdle, zeroIsUnset, func(a *AppConfig) *time.Duration { return &a.Keepalive.Idle }),
	durLimit("keepalive.interval", time.Second, maxKeepIdle, zeroIsUnset, func(a *AppConfig) *time.Duration { return &a.Keepalive.Interval }),
	numLimit("keepalive.count", 1, maxKeepCnt, zeroIsUnset, func(a *AppConfig) *int { return &a.Keepalive.Count }),
	durLimit("user_timeout", MinTimer, MaxTime, zeroIsOff, func(a *AppConfig) *time.Duration { return &a.UserTimeout }),
	durLimit("reconnect.connect_timeout", MinTimer, MaxTime, zeroIsOff, func(a *AppConfig) *time.Duration { return &a.Reconnect.ConnectTimeout }),
	numLimit("reconnect.max_attempts", 0, maxAttempts, zeroIsValue, func(a *AppConfig) *int { return &a.Reconnect.MaxAttempts }),
	numLimit("backlog", 0, maxBacklog, zeroIsValue, func(a *AppConfig) *int { return &a.Backlog }),
	durLimit("accept_delay", 0, MaxTime, zeroIsValue, func(a *AppConfig) *time.Duration { return &a.AcceptDelay }),
	durLimit("traffic.interval", MinTimer, MaxTime, zeroIsOff, func(a *AppConfig) *time.Duration { return &a.Traffic.Interval }),
}

// turnsOff reports whether setting the app parameter at path
// ("apps.client.heartbeat.interval") to value turns it off: a zero
// duration where zero means off.
func turnsOff(path, value string) bool {
	parts := strings.SplitN(path, ".", 3)
	if len(parts) < 3 || parts[0] != "apps" {
		return false
	}
	d, err := time.ParseDuration(value)
	if err != nil || d != 0 {
		return false
	}
	i := slices.IndexFunc(appLimits, func(l appLimit) bool { return l.path == parts[2] })
	return i >= 0 && appLimits[i].dur != nil && appLimits[i].zero == zeroIsOff
}

// check checks one setting of a: a FieldError naming the setting and its
// range, or nil.
func (l appLimit) check(a *AppConfig) error {
	var v int64
	if l.dur != nil {
		v = int64(*l.dur(a))
	} else {
		v = int64(*l.num(a))
	}
	if v >= l.min && v <= l.max || v == 0 && (l.zero == zeroIsOff || l.zero == zeroIsUnset && !a.Given[l.path]) {
		return nil
	}
	return a.rangeErr(l.path, v, l.min, l.max, l.dur != nil, l.zero == zeroIsOff)
}

// rangeErr says a setting is outside its range: with 0 allowed (off) or
// not, a duration or a number.
func (a *AppConfig) rangeErr(path string, v, min, max int64, dur, off bool) error {
	show := func(n int64) any {
		if dur {
			return time.Duration(n).String()
		}
		return n
	}
	id := i18n.RuleBetween
	if off {
		id = i18n.RuleOffOrBetween
	}
	return fieldErr("apps."+a.Name+"."+path, id, "Value", show(v), "Min", show(min), "Max", show(max))
}

// Settings that belong to some kinds of app only: written on another kind
// they would be ignored, so they are refused.
var (
	clientOnly = []string{"connect", "reconnect", "traffic"}
	groupOnly  = []string{"count", "start", "stagger"} // clients, pollers, and scripts run as groups too
	serverOnly = []string{"backlog", "accept_delay", "heartbeat.min_ping_interval", "heartbeat.max_ping_strikes"}
)

// kindsOf names the kinds a setting belongs to, or nil if it belongs to
// every kind.
func kindsOf(path string) []string {
	switch {
	case path == "feed":
		return []string{KindFeed}
	case path == "poll":
		return []string{KindPoller}
	case path == "steps":
		return []string{KindScript}
	}
	if slices.Contains(groupOnly, path) {
		return []string{KindClient, KindPoller, KindScript}
	}
	for _, p := range clientOnly {
		if path == p {
			return []string{KindClient, KindPoller}
		}
	}
	for _, p := range serverOnly {
		if path == p {
			return []string{KindServer, KindFeed}
		}
	}
	return nil
}

// linkLimits checks a link's numbers against their ranges, beyond what
// netsim checks (its signs): the setting that is out of range and what is
// wrong with it, or "" and a zero message.
func linkLimits(c netsim.LinkConfig) (string, i18n.Message) {
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"latency", c.Latency}, {"jitter", c.Jitter}} {
		if d.v > MaxLinkDelay {
			return d.name, i18n.M(i18n.RuleBetween, "Min", "0s", "Max", MaxLinkDelay.String(), "Value", d.v.String())
		}
	}
	if b := c.Bandwidth; b != 0 && (b < MinBandwidth || b > MaxBandwidth) {
		return "bandwidth", i18n.M(i18n.RuleBandwidth, "Min", MinBandwidth, "Max", int64(MaxBandwidth), "Value", b)
	}
	return "", i18n.Message{}
}

// checkName refuses a name of a host, middlebox or app that a path, a link
// or a partition could not name: 1 to 64 letters (of any script), digits,
// "-" and "_".
func checkName(path, name string) error {
	n := 0
	for _, r := range name {
		n++
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' || n > maxName {
			return &FieldError{Path: path, Key: true, Msg: i18n.M(i18n.ConfigBadName, "Max", maxName)}
		}
	}
	return nil
}

// sysctlRange is the range of a numeric OS setting.
type sysctlRange struct {
	min, max int64 // nanoseconds for a duration
	dur      bool
}

func durRange(min, max time.Duration) sysctlRange { return sysctlRange{int64(min), int64(max), true} }
func intRange(min, max int64) sysctlRange         { return sysctlRange{min, max, false} }

// sysctlRanges bound the numeric settings of a host's sysctl section (and
// their live changes), from the kernel's own limits where it has them:
// tcp_rto_max_ms takes 1 to 120 s (TCP_RTO_MAX); tcp_syn_retries and
// tcp_syn_linear_timeouts at most MAX_TCP_SYNCNT (127); tcp_synack_retries
// and tcp_retries2 are u8 sysctls (proc_dou8vec_minmax); the keepalive
// settings take what setsockopt does (MAX_TCP_KEEPIDLE, MAX_TCP_KEEPINTVL,
// MAX_TCP_KEEPCNT); tcp_fin_timeout at most TCP_FIN_TIMEOUT_MAX (120 s);
// an MSS from TCP_MIN_MSS (88) to what fits an IPv4 datagram (65,495); a
// receive buffer from SOCK_MIN_RCVBUF (2,048: a smaller window would carry
// a message in thousands of segments) to the largest scaled window (1
// GiB); net.core.somaxconn 16 bits. The rest bound the model's timers:
// the initial and minimum RTO and the delayed ACK within the maximum RTO,
// TIME_WAIT within 10 minutes (Windows' TcpTimedWaitDelay goes to 300 s),
// a connect timeout within a run, the timer tick within a second.
var sysctlRanges = map[string]sysctlRange{
	"initial_rto":         durRange(MinTimer, 120*time.Second),
	"min_rto":             durRange(MinTimer, 120*time.Second),
	"max_rto":             durRange(time.Second, 120*time.Second),
	"syn_retries":         intRange(1, 127),
	"syn_linear_timeouts": intRange(0, 127),
	"synack_retries":      intRange(1, 255),
	"retries2":            intRange(1, 255),
	"keepalive_idle":      durRange(time.Second, maxKeepIdle),
	"keepalive_interval":  durRange(time.Second, maxKeepIdle),
	"keepalive_count":     intRange(1, maxKeepCnt),
	"time_wait":           durRange(time.Second, 10*time.Minute),
	"fin_timeout":         durRange(time.Second, 120*time.Second),
	"delayed_ack":         durRange(0, time.Second),
	"connect_timeout":     durRange(0, MaxTime),
	"timer_tick":          durRange(0, time.Second),
	"mss":                 intRange(88, 65495),
	"init_cwnd":           intRange(1, 1024),
	"rcvbuf":              intRange(2048, 1<<30),
	"somaxconn":           intRange(1, 65535),
}

// checkSysctl refuses a value of a numeric OS setting outside its range
// (the value parses: setSysctl took it).
func checkSysctl(name, value string) error {
	r, ok := sysctlRanges[name]
	if !ok {
		return nil
	}
	var v int64
	show := func(n int64) any { return n }
	if r.dur {
		d, _ := time.ParseDuration(value)
		v = int64(d)
		show = func(n int64) any { return time.Duration(n).String() }
	} else {
		n, _ := strconv.ParseInt(value, 10, 64)
		v = n
	}
	if v < r.min || v > r.max {
		return i18n.NewError(i18n.RuleBetween, "Min", show(r.min), "Max", show(r.max), "Value", show(v))
	}
	return nil
}
