package scenarios

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
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
	App    string   `yaml:"app"`
	AtMost *float64 `yaml:"at_most"`
}

// latencySpec bounds a poller's mean news latency.
type latencySpec struct {
	App     string         `yaml:"app"`
	AtMost  *time.Duration `yaml:"at_most"`
	AtLeast *time.Duration `yaml:"at_least"`
}

// Expectation is one thing a scenario says must happen. It is judged on the
// run's events, or on the lab's state at a time.
type Expectation struct {
	// Name says what must happen: the scenario's name for it, or one made
	// from its settings.
	Name i18n.Message
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
	x := Expectation{spec: e}
	if e.Name != "" {
		x.Name = i18n.M(i18n.ExpectGiven, "Name", e.Name)
	}
	set := 0
	for _, on := range []bool{e.Detect != nil, e.NoDetectBefore != nil, e.State != nil, e.Reconnects != nil,
		e.Detections != nil, e.HeartbeatBytes != nil, e.Connected != nil, e.PollLatency != nil,
		e.ReconnectPeak != nil, e.BacklogDrops != nil} {
		if on {
			set++
		}
	}
	if set != 1 {
		return x, &lab.FieldError{Path: path, Msg: i18n.M(i18n.ExpectExactlyOne, "Known", i18n.List(expectKinds))}
	}
	hosts, apps := map[string]bool{}, map[string]string{} // apps: name → kind
	for _, h := range sc.Config.Hosts {
		hosts[h.Name] = true
	}
	for _, a := range sc.Config.Apps {
		apps[a.Name] = a.Kind
	}
	checkHost := func(p, h string, required bool) error {
		switch {
		case h == "" && required:
			return &lab.FieldError{Path: p, Msg: i18n.M(i18n.ExpectNamesHost)}
		case h != "" && !hosts[h]:
			return &lab.FieldError{Path: p, Msg: i18n.M(i18n.ConfigNoHost, "Name", h)}
		}
		return nil
	}
	checkApp := func(p, a string, required bool) error {
		switch {
		case a == "" && required:
			return &lab.FieldError{Path: p, Msg: i18n.M(i18n.ExpectNamesApp)}
		case a != "" && apps[a] == "":
			return &lab.FieldError{Path: p, Msg: i18n.M(i18n.ConfigNoApp, "Name", a)}
		}
		return nil
	}
	checkTime := func(p string, t time.Duration) error {
		if t < 0 || t > sc.Duration {
			return &lab.FieldError{Path: p, Msg: i18n.M(i18n.ExpectOutside, "At", t.String(), "Duration", sc.Duration.String())}
		}
		return nil
	}
	checkBounds := func(p string, c *countSpec) error {
		if c.AtMost == nil && c.AtLeast == nil {
			return &lab.FieldError{Path: p, Msg: i18n.M(i18n.ExpectNeedsBound)}
		}
		if (c.AtMost != nil && *c.AtMost < 0) || (c.AtLeast != nil && *c.AtLeast < 0) {
			return &lab.FieldError{Path: p, Msg: i18n.M(i18n.ExpectBoundsNeg)}
		}
		if c.AtMost != nil && c.AtLeast != nil && *c.AtLeast > *c.AtMost {
			return &lab.FieldError{Path: p + ".at_least", Msg: i18n.M(i18n.ExpectLeastAboveMost, "Least", *c.AtLeast, "Most", *c.AtMost)}
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
			err = &lab.FieldError{Path: p + ".between", Msg: i18n.M(i18n.ExpectBetween)}
		case d.Between[0] < 0:
			err = checkTime(p+".between", d.Between[0])
		case d.Cause != "" && !slices.Contains(causes, d.Cause):
			err = &lab.FieldError{Path: p + ".cause", Msg: i18n.M(i18n.RuleOneOfList, "Choices", i18n.List(causes), "Value", d.Cause)}
		default:
			err = firstErr(checkHost(p+".host", d.Host, d.App == ""), checkApp(p+".app", d.App, false),
				checkTime(p+".between", d.Between[1]))
		}
		if x.Name.IsZero() && err == nil {
			x.Name = i18n.M(i18n.ExpectNameDetect, "Who", who(d.Host, d.App), "From", d.Between[0], "To", d.Between[1])
			if d.Cause != "" {
				x.Name = i18n.M(i18n.ExpectNameDetectBy, "Who", who(d.Host, d.App), "Cause", d.Cause, "From", d.Between[0], "To", d.Between[1])
			}
		}
	case e.NoDetectBefore != nil:
		d, p := e.NoDetectBefore, path+".no_detect_before"
		x.kind, x.At = "no_detect_before", d.Before
		err = firstErr(checkHost(p+".host", d.Host, false), checkTime(p+".before", d.Before))
		if d.Before <= 0 {
			err = &lab.FieldError{Path: p + ".before", Msg: i18n.M(i18n.ExpectPositiveTime)}
		}
		if x.Name.IsZero() {
			x.Name = i18n.M(i18n.ExpectNameNoDetect, "Who", who(d.Host, ""), "Before", d.Before)
		}
	case e.State != nil:
		d, p := e.State, path+".state"
		x.kind, x.At = "state", d.At
		switch {
		case d.State == "CLOSED":
			err = &lab.FieldError{Path: p + ".state", Msg: i18n.M(i18n.ExpectClosed)}
		case !slices.Contains(states, d.State):
			err = &lab.FieldError{Path: p + ".state", Msg: i18n.M(i18n.ExpectTCPState, "Known", i18n.List(states[1:]), "Value", d.State)}
		default:
			err = firstErr(checkHost(p+".host", d.Host, true), checkTime(p+".at", d.At))
		}
		if x.Name.IsZero() {
			x.Name = i18n.M(i18n.ExpectNameState, "Host", d.Host, "State", d.State, "At", d.At)
		}
	case e.Reconnects != nil, e.Detections != nil, e.Connected != nil, e.ReconnectPeak != nil, e.BacklogDrops != nil:
		var c *countSpec
		var kind string
		var what i18n.ID
		for _, k := range []struct {
			spec *countSpec
			name string
			what i18n.ID
		}{{e.Reconnects, "reconnects", i18n.ExpectReconnects}, {e.Detections, "detections", i18n.ExpectDetections},
			{e.Connected, "connected", i18n.ExpectConnected}, {e.ReconnectPeak, "reconnect_peak", i18n.ExpectReconnectPeak},
			{e.BacklogDrops, "backlog_drops", i18n.ExpectBacklogDrops}} {
			if k.spec != nil {
				c, kind, what = k.spec, k.name, k.what
			}
		}
		p := path + "." + kind
		x.kind, x.At = kind, c.At
		err = firstErr(checkBounds(p, c), checkHost(p+".host", c.Host, false), checkApp(p+".app", c.App, kind == "connected"))
		if c.Cause != "" && kind != "detections" {
			err = &lab.FieldError{Path: p + ".cause", Msg: i18n.M(i18n.ExpectCauseOnly)}
		}
		if x.Name.IsZero() {
			x.Name = i18n.M(i18n.ExpectNameCount, "Who", who(c.Host, c.App), "What", i18n.M(what), "Bounds", boundsText(c))
		}
	case e.HeartbeatBytes != nil:
		d, p := e.HeartbeatBytes, path+".heartbeat_bytes_per_minute"
		x.kind = "heartbeat_bytes"
		err = checkApp(p+".app", d.App, true)
		if d.AtMost == nil || *d.AtMost <= 0 {
			err = &lab.FieldError{Path: p + ".at_most", Msg: i18n.M(i18n.ExpectPositiveB)}
		}
		if x.Name.IsZero() && err == nil {
			x.Name = i18n.M(i18n.ExpectNameBytes, "App", d.App, "Max", *d.AtMost)
		}
	case e.PollLatency != nil:
		d, p := e.PollLatency, path+".poll_latency"
		x.kind = "poll_latency"
		err = checkApp(p+".app", d.App, true)
		switch {
		case err != nil:
		case apps[d.App] != lab.KindPoller:
			err = &lab.FieldError{Path: p + ".app", Msg: i18n.M(i18n.ExpectNotPoller, "App", d.App, "Kind", apps[d.App])}
		case d.AtMost == nil && d.AtLeast == nil:
			err = &lab.FieldError{Path: p, Msg: i18n.M(i18n.ExpectNeedsBound)}
		case d.AtMost != nil && *d.AtMost < 0 || d.AtLeast != nil && *d.AtLeast < 0:
			err = &lab.FieldError{Path: p, Msg: i18n.M(i18n.ExpectBoundsNeg)}
		case d.AtMost != nil && d.AtLeast != nil && *d.AtLeast > *d.AtMost:
			err = &lab.FieldError{Path: p + ".at_least", Msg: i18n.M(i18n.ExpectLeastAboveMost, "Least", *d.AtLeast, "Most", *d.AtMost)}
		}
		if x.Name.IsZero() {
			x.Name = i18n.M(i18n.ExpectNameLatency, "App", d.App, "Bounds", latencyText(d))
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

// who names the side an expectation is about: its app, its host, or
// anyone.
func who(host, app string) any {
	switch {
	case app != "":
		return app
	case host != "":
		return host
	}
	return i18n.M(i18n.ExpectAnyone)
}

// bounds says "at least min", "at most max" or both; a nil bound is not
// set.
func bounds(min, max any) i18n.Message {
	switch {
	case min != nil && max != nil:
		return i18n.M(i18n.BoundBoth, "Min", min, "Max", max)
	case min != nil:
		return i18n.M(i18n.BoundAtLeast, "Min", min)
	}
	return i18n.M(i18n.BoundAtMost, "Max", max)
}

func boundsText(c *countSpec) i18n.Message {
	var min, max any
	if c.AtLeast != nil {
		min = *c.AtLeast
	}
	if c.AtMost != nil {
		max = *c.AtMost
	}
	m := bounds(min, max)
	if c.Cause != "" {
		m = i18n.M(i18n.BoundCause, "Bounds", m, "Cause", c.Cause)
	}
	if c.At > 0 {
		m = i18n.M(i18n.BoundAt, "Bounds", m, "At", c.At)
	}
	return m
}

func latencyText(d *latencySpec) i18n.Message {
	var min, max any
	if d.AtLeast != nil {
		min = *d.AtLeast
	}
	if d.AtMost != nil {
		max = *d.AtMost
	}
	return bounds(min, max)
}

// judge is an expectation's state during one run.
type judge struct {
	x        Expectation
	index    int // the expectation's place in the expect list
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
func (j *judge) verdict(snap *lab.Snapshot, runTime time.Duration) (bool, i18n.Message) {
	s := j.x.spec
	switch j.x.kind {
	case "detect":
		d := s.Detect
		if !j.detected {
			return false, i18n.M(i18n.VerdictNoDetection)
		}
		ok := j.detectAt >= d.Between[0] && j.detectAt <= d.Between[1]
		return ok, i18n.M(i18n.VerdictDetectedAt, "At", j.detectAt, "Cause", j.cause)
	case "no_detect_before":
		if j.detected {
			return false, i18n.M(i18n.VerdictDetectedAt, "At", j.detectAt, "Cause", j.cause)
		}
		return true, i18n.M(i18n.VerdictNoneDetected)
	case "state":
		d := s.State
		if d.State == "LISTEN" {
			for _, h := range snap.Hosts {
				for _, l := range h.Listening {
					if h.Name == d.Host && strings.Contains(l.Addr.String(), d.Conn) {
						return true, i18n.M(i18n.VerdictListening, "Addr", l.Addr)
					}
				}
			}
			return false, i18n.M(i18n.VerdictNotListening, "Host", d.Host)
		}
		var seen []string
		for _, c := range snap.Conns {
			if c.Host == d.Host && strings.Contains(c.Tuple, d.Conn) {
				if c.State == d.State {
					return true, i18n.M(i18n.VerdictConnIs, "Conn", c.Tuple, "State", c.State)
				}
				seen = append(seen, c.State)
			}
		}
		if len(seen) == 0 {
			return false, i18n.M(i18n.VerdictNoConn, "Host", d.Host)
		}
		return false, i18n.M(i18n.VerdictConnsAre, "Host", d.Host, "States", i18n.List(seen))
	case "reconnects", "detections", "backlog_drops":
		c := s.Reconnects
		switch j.x.kind {
		case "detections":
			c = s.Detections
		case "backlog_drops":
			c = s.BacklogDrops
		}
		return inBounds(j.count, c), i18n.M(i18n.VerdictCount, "N", j.count)
	case "reconnect_peak":
		peak := peakIn(j.attempts, 100*time.Millisecond)
		return inBounds(peak, s.ReconnectPeak), i18n.M(i18n.VerdictPeak, "N", peak)
	case "connected":
		c, n := s.Connected, 0
		for _, a := range snap.Apps {
			if a.Name == c.App {
				n = a.Connected
			}
		}
		return inBounds(n, c), i18n.M(i18n.VerdictConnected, "N", n)
	case "heartbeat_bytes":
		perMin := float64(j.bytes) / max(runTime.Minutes(), 1e-9)
		return perMin <= *s.HeartbeatBytes.AtMost, i18n.M(i18n.VerdictRate, "Rate", strconv.FormatFloat(perMin, 'f', 1, 64))
	case "poll_latency":
		d := s.PollLatency
		for _, a := range snap.Apps {
			if a.Name == d.App && a.Poll != nil {
				m := a.Poll.MeanLatency()
				ok := a.Poll.Events > 0 && (d.AtMost == nil || m <= *d.AtMost) && (d.AtLeast == nil || m >= *d.AtLeast)
				return ok, i18n.M(i18n.VerdictMeanLatency, "Mean", m.Round(time.Millisecond), "Events", a.Poll.Events)
			}
		}
		return false, i18n.M(i18n.VerdictNoPoller, "App", d.App)
	}
	return false, i18n.M(i18n.VerdictUnknown)
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
