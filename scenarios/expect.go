package scenarios

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/netsim"
)

// expectSpec is one entry of a scenario's expect list: exactly one of its
// kinds, and an optional name.
type expectSpec struct {
	Name           string        `yaml:"name"`
	Detect         *detectSpec   `yaml:"detect"`
	NoDetectBefore *noDetectSpec `yaml:"no_detect_before"`
	State          *stateSpec    `yaml:"state"`
	Reconnects     *countSpec    `yaml:"reconnects"`
	Detections     *countSpec    `yaml:"detections"`
	HeartbeatBytes *bytesSpec    `yaml:"heartbeat_bytes_per_minute"`
	Connected      *countSpec    `yaml:"connected"`
	PollLatency    *latencySpec  `yaml:"poll_latency"`
	ReconnectPeak  *countSpec    `yaml:"reconnect_peak"`
	BacklogDrops   *countSpec    `yaml:"backlog_drops"`
}

// detectSpec: host detects its peer (with cause) between two times.
type detectSpec struct {
	Host    string          `yaml:"host"`
	App     string          `yaml:"app"`
	Cause   string          `yaml:"cause"`
	Between []time.Duration `yaml:"between"`
}

// noDetectSpec: no detection (by host, or anyone) before a time.
type noDetectSpec struct {
	Host   string        `yaml:"host"`
	Before time.Duration `yaml:"before"`
}

// stateSpec: a connection of host (whose 5-tuple contains conn) is in
// state at a time.
type stateSpec struct {
	Host  string        `yaml:"host"`
	Conn  string        `yaml:"conn"`
	State string        `yaml:"state"`
	At    time.Duration `yaml:"at"`
}

// countSpec bounds a count: reconnect attempts, detections, or clients
// connected (at a time, or at the end).
type countSpec struct {
	Host    string        `yaml:"host"`
	App     string        `yaml:"app"`
	Cause   string        `yaml:"cause"`
	At      time.Duration `yaml:"at"`
	AtMost  *int          `yaml:"at_most"`
	AtLeast *int          `yaml:"at_least"`
}

// bytesSpec bounds an app's heartbeat traffic.
type bytesSpec struct {
	App    string  `yaml:"app"`
	AtMost float64 `yaml:"at_most"`
}

// latencySpec bounds a poller's mean news latency.
type latencySpec struct {
	App     string        `yaml:"app"`
	AtMost  time.Duration `yaml:"at_most"`
	AtLeast time.Duration `yaml:"at_least"`
}

// Expectation is one thing a scenario says must happen. It is judged on the
// run's events, or on the lab's state at a time.
type Expectation struct {
	Name string
	kind string
	spec expectSpec
	// At is when the expectation is judged (0: at the end of the run).
	At time.Duration
}

// states lists the TCP state names the state expectation accepts.
var states = func() []string {
	var out []string
	for s := netsim.Closed; s <= netsim.TimeWait; s++ {
		out = append(out, s.String())
	}
	return out
}()

// expectation checks a spec against the scenario and names it.
func (e expectSpec) expectation(path string, sc *Scenario) (Expectation, error) {
	x := Expectation{Name: e.Name, spec: e}
	set := 0
	for _, on := range []bool{e.Detect != nil, e.NoDetectBefore != nil, e.State != nil, e.Reconnects != nil,
		e.Detections != nil, e.HeartbeatBytes != nil, e.Connected != nil, e.PollLatency != nil,
		e.ReconnectPeak != nil, e.BacklogDrops != nil} {
		if on {
			set++
		}
	}
	if set != 1 {
		return x, &lab.FieldError{Path: path, Msg: "needs exactly one of " + strings.Join(expectKinds, ", ")}
	}
	hosts, apps := map[string]bool{}, map[string]bool{}
	for _, h := range sc.Config.Hosts {
		hosts[h.Name] = true
	}
	for _, a := range sc.Config.Apps {
		apps[a.Name] = true
	}
	checkHost := func(p, h string, required bool) error {
		switch {
		case h == "" && required:
			return &lab.FieldError{Path: p, Msg: "names the host this is about"}
		case h != "" && !hosts[h]:
			return &lab.FieldError{Path: p, Msg: fmt.Sprintf("no host is called %q", h)}
		}
		return nil
	}
	checkApp := func(p, a string, required bool) error {
		switch {
		case a == "" && required:
			return &lab.FieldError{Path: p, Msg: "names the app this is about"}
		case a != "" && !apps[a]:
			return &lab.FieldError{Path: p, Msg: fmt.Sprintf("no app is called %q", a)}
		}
		return nil
	}
	checkTime := func(p string, t time.Duration) error {
		if t < 0 || t > sc.Duration {
			return &lab.FieldError{Path: p, Msg: fmt.Sprintf("%v is outside the scenario (0 to %v)", t, sc.Duration)}
		}
		return nil
	}
	checkBounds := func(p string, c *countSpec) error {
		if c.AtMost == nil && c.AtLeast == nil {
			return &lab.FieldError{Path: p, Msg: "needs at_most or at_least"}
		}
		if (c.AtMost != nil && *c.AtMost < 0) || (c.AtLeast != nil && *c.AtLeast < 0) {
			return &lab.FieldError{Path: p, Msg: "bounds must not be negative"}
		}
		return checkTime(p+".at", c.At)
	}
	var err error
	switch {
	case e.Detect != nil:
		d, p := e.Detect, path+".detect"
		x.kind = "detect"
		switch {
		case len(d.Between) != 2 || d.Between[0] > d.Between[1]:
			err = &lab.FieldError{Path: p + ".between", Msg: "gives two times, earliest first: between: [1m40s, 1m50s]"}
		case d.Cause != "" && !slices.Contains(causes, d.Cause):
			err = &lab.FieldError{Path: p + ".cause", Msg: fmt.Sprintf("must be one of %s, not %q", strings.Join(causes, ", "), d.Cause)}
		default:
			err = firstErr(checkHost(p+".host", d.Host, d.App == ""), checkApp(p+".app", d.App, false),
				checkTime(p+".between", d.Between[1]))
		}
		if x.Name == "" && err == nil {
			x.Name = fmt.Sprintf("%s detects its peer%s between %s and %s", who(d.Host, d.App), causeText(d.Cause),
				netsim.FormatDuration(d.Between[0]), netsim.FormatDuration(d.Between[1]))
		}
	case e.NoDetectBefore != nil:
		d, p := e.NoDetectBefore, path+".no_detect_before"
		x.kind, x.At = "no_detect_before", d.Before
		err = firstErr(checkHost(p+".host", d.Host, false), checkTime(p+".before", d.Before))
		if d.Before <= 0 {
			err = &lab.FieldError{Path: p + ".before", Msg: "must be a positive time"}
		}
		if x.Name == "" {
			x.Name = fmt.Sprintf("%s detects nothing before %s", who(d.Host, ""), netsim.FormatDuration(d.Before))
		}
	case e.State != nil:
		d, p := e.State, path+".state"
		x.kind, x.At = "state", d.At
		switch {
		case d.State == "CLOSED":
			err = &lab.FieldError{Path: p + ".state", Msg: "a CLOSED connection is forgotten, so no connection is ever seen in it: expect another state, or count detections"}
		case !slices.Contains(states, d.State):
			err = &lab.FieldError{Path: p + ".state", Msg: fmt.Sprintf("must be a TCP state (%s), not %q", strings.Join(states[1:], ", "), d.State)}
		default:
			err = firstErr(checkHost(p+".host", d.Host, true), checkTime(p+".at", d.At))
		}
		if x.Name == "" {
			x.Name = fmt.Sprintf("%s has a connection in %s at %s", d.Host, d.State, netsim.FormatDuration(d.At))
		}
	case e.Reconnects != nil, e.Detections != nil, e.Connected != nil, e.ReconnectPeak != nil, e.BacklogDrops != nil:
		var c *countSpec
		var kind string
		for _, k := range []struct {
			spec *countSpec
			name string
		}{{e.Reconnects, "reconnects"}, {e.Detections, "detections"}, {e.Connected, "connected"},
			{e.ReconnectPeak, "reconnect_peak"}, {e.BacklogDrops, "backlog_drops"}} {
			if k.spec != nil {
				c, kind = k.spec, k.name
			}
		}
		p := path + "." + kind
		x.kind, x.At = kind, c.At
		err = firstErr(checkBounds(p, c), checkHost(p+".host", c.Host, false), checkApp(p+".app", c.App, kind == "connected"))
		if c.Cause != "" && kind != "detections" {
			err = &lab.FieldError{Path: p + ".cause", Msg: "only detections count by cause"}
		}
		if x.Name == "" {
			x.Name = fmt.Sprintf("%s: %s %s", who(c.Host, c.App), strings.ReplaceAll(kind, "_", " "), boundsText(c))
		}
	case e.HeartbeatBytes != nil:
		d, p := e.HeartbeatBytes, path+".heartbeat_bytes_per_minute"
		x.kind = "heartbeat_bytes"
		err = checkApp(p+".app", d.App, true)
		if d.AtMost <= 0 {
			err = &lab.FieldError{Path: p + ".at_most", Msg: "must be a positive number of bytes"}
		}
		if x.Name == "" {
			x.Name = fmt.Sprintf("%s's heartbeats cost at most %g B/min", d.App, d.AtMost)
		}
	case e.PollLatency != nil:
		d, p := e.PollLatency, path+".poll_latency"
		x.kind = "poll_latency"
		err = checkApp(p+".app", d.App, true)
		if d.AtMost == 0 && d.AtLeast == 0 {
			err = &lab.FieldError{Path: p, Msg: "needs at_most or at_least"}
		}
		if x.Name == "" {
			x.Name = fmt.Sprintf("%s's mean news latency is %s", d.App, latencyText(d))
		}
	}
	return x, err
}

var expectKinds = []string{"detect", "no_detect_before", "state", "reconnects", "detections",
	"heartbeat_bytes_per_minute", "connected", "poll_latency", "reconnect_peak", "backlog_drops"}

// causes are the names of netsim's causes, for the cause settings.
var causes = func() []string {
	var out []string
	for _, c := range netsim.Causes() {
		out = append(out, c.String())
	}
	return out
}()

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

func who(host, app string) string {
	switch {
	case app != "":
		return app
	case host != "":
		return host
	}
	return "anyone"
}

func causeText(c string) string {
	if c == "" {
		return ""
	}
	return " (" + c + ")"
}

func boundsText(c *countSpec) string {
	var parts []string
	if c.AtLeast != nil {
		parts = append(parts, fmt.Sprintf("at least %d", *c.AtLeast))
	}
	if c.AtMost != nil {
		parts = append(parts, fmt.Sprintf("at most %d", *c.AtMost))
	}
	s := strings.Join(parts, " and ")
	if c.Cause != "" {
		s += " (" + c.Cause + ")"
	}
	if c.At > 0 {
		s += " at " + netsim.FormatDuration(c.At)
	}
	return s
}

func latencyText(d *latencySpec) string {
	var parts []string
	if d.AtLeast > 0 {
		parts = append(parts, "at least "+netsim.FormatDuration(d.AtLeast))
	}
	if d.AtMost > 0 {
		parts = append(parts, "at most "+netsim.FormatDuration(d.AtMost))
	}
	return strings.Join(parts, " and ")
}

// judge is an expectation's state during one run.
type judge struct {
	x        Expectation
	detectAt time.Duration
	detected bool
	cause    string
	count    int
	attempts []time.Duration // reconnect_peak: when attempts start
	bytes    uint64
	done     bool
}

// observe feeds one event to the judge.
func (j *judge) observe(e netsim.Event) {
	s := j.x.spec
	switch e := e.(type) {
	case *lab.DetectEvent:
		switch j.x.kind {
		case "detect":
			d := s.Detect
			if !j.detected && matches(e.Host, d.Host) && matches(appBase(e.App), d.App) && matches(e.Cause.String(), d.Cause) {
				j.detected, j.detectAt, j.cause = true, e.At, e.Cause.String()
			}
		case "no_detect_before":
			if !j.detected && matches(e.Host, s.NoDetectBefore.Host) && e.At < s.NoDetectBefore.Before {
				j.detected, j.detectAt, j.cause = true, e.At, e.Cause.String()
			}
		case "detections":
			c := s.Detections
			if matches(e.Host, c.Host) && matches(appBase(e.App), c.App) && matches(e.Cause.String(), c.Cause) && (c.At == 0 || e.At <= c.At) {
				j.count++
			}
		}
	case *lab.ReconnectEvent:
		c := s.Reconnects
		if j.x.kind == "reconnect_peak" {
			c = s.ReconnectPeak
		}
		if (j.x.kind == "reconnects" || j.x.kind == "reconnect_peak") && e.Outcome == lab.ReconnectScheduled &&
			matches(e.Host, c.Host) && matches(appBase(e.App), c.App) && (c.At == 0 || e.At <= c.At) {
			j.count++
			j.attempts = append(j.attempts, e.At+e.Delay)
		}
	case *netsim.SegmentEvent:
		if j.x.kind == "backlog_drops" && e.Why == netsim.WhyBacklogFull &&
			matches(e.Where, s.BacklogDrops.Host) && (s.BacklogDrops.At == 0 || e.At <= s.BacklogDrops.At) {
			j.count++
		}
	case *lab.AppEvent:
		if j.x.kind == "heartbeat_bytes" && e.Dir == "send" && (e.Msg == "heartbeat" || e.Msg == "heartbeat_ack") &&
			appBase(e.App) == s.HeartbeatBytes.App {
			j.bytes += uint64(e.Bytes)
		}
	}
}

// matches: an empty want matches anything.
func matches(got, want string) bool { return want == "" || got == want }

// appBase is a client's app name without its "#3" index.
func appBase(name string) string {
	if i := strings.LastIndexByte(name, '#'); i >= 0 {
		return name[:i]
	}
	return name
}

// verdict judges the expectation with the lab's state now.
func (j *judge) verdict(snap *lab.Snapshot, runTime time.Duration) (bool, string) {
	s := j.x.spec
	switch j.x.kind {
	case "detect":
		d := s.Detect
		if !j.detected {
			return false, "no such detection"
		}
		ok := j.detectAt >= d.Between[0] && j.detectAt <= d.Between[1]
		return ok, fmt.Sprintf("detected at %s (%s)", netsim.FormatDuration(j.detectAt), j.cause)
	case "no_detect_before":
		if j.detected {
			return false, fmt.Sprintf("detected at %s (%s)", netsim.FormatDuration(j.detectAt), j.cause)
		}
		return true, "no detection"
	case "state":
		d := s.State
		if d.State == "LISTEN" {
			for _, h := range snap.Hosts {
				for _, l := range h.Listening {
					if h.Name == d.Host && strings.Contains(l.Addr.String(), d.Conn) {
						return true, "listening on " + l.Addr.String()
					}
				}
			}
			return false, d.Host + " does not listen"
		}
		var seen []string
		for _, c := range snap.Conns {
			if c.Host == d.Host && strings.Contains(c.Tuple, d.Conn) {
				if c.State == d.State {
					return true, c.Tuple + " is " + c.State
				}
				seen = append(seen, c.State)
			}
		}
		if len(seen) == 0 {
			return false, d.Host + " has no connection"
		}
		return false, d.Host + "'s connections are " + strings.Join(seen, ", ")
	case "reconnects", "detections", "backlog_drops":
		c := s.Reconnects
		switch j.x.kind {
		case "detections":
			c = s.Detections
		case "backlog_drops":
			c = s.BacklogDrops
		}
		return inBounds(j.count, c), fmt.Sprintf("%d", j.count)
	case "reconnect_peak":
		peak := peakIn(j.attempts, 100*time.Millisecond)
		return inBounds(peak, s.ReconnectPeak), fmt.Sprintf("%d attempts in the busiest 100 ms", peak)
	case "connected":
		c, n := s.Connected, 0
		for _, a := range snap.Apps {
			if a.Name == c.App {
				n = a.Connected
			}
		}
		return inBounds(n, c), fmt.Sprintf("%d connected", n)
	case "heartbeat_bytes":
		perMin := float64(j.bytes) / max(runTime.Minutes(), 1e-9)
		return perMin <= s.HeartbeatBytes.AtMost, fmt.Sprintf("%.1f B/min", perMin)
	case "poll_latency":
		d := s.PollLatency
		for _, a := range snap.Apps {
			if a.Name == d.App && a.Poll != nil {
				m := a.Poll.MeanLatency()
				ok := a.Poll.Events > 0 && (d.AtMost == 0 || m <= d.AtMost) && m >= d.AtLeast
				return ok, fmt.Sprintf("mean %s over %d events", netsim.FormatDuration(m.Round(time.Millisecond)), a.Poll.Events)
			}
		}
		return false, "no poller called " + d.App
	}
	return false, "unknown expectation"
}

// peakIn is the most times in any window of width w.
func peakIn(times []time.Duration, w time.Duration) int {
	sorted := slices.Clone(times)
	slices.Sort(sorted)
	peak := 0
	for i, j := 0, 0; i < len(sorted); i++ {
		for sorted[i]-sorted[j] >= w {
			j++
		}
		peak = max(peak, i-j+1)
	}
	return peak
}

func inBounds(n int, c *countSpec) bool {
	return (c.AtLeast == nil || n >= *c.AtLeast) && (c.AtMost == nil || n <= *c.AtMost)
}
