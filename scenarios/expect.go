package scenarios

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/script"
	"github.com/socklab/socklab/netsim"
)

// An expectation is one thing a scenario says must happen. Its kind is one
// entry of expectKinds: the key that names it in the file, what it means,
// and the settings it takes, a type whose methods check them against the
// scenario, watch the run's events and judge. Decoding, validation, the
// verdicts and the documentation (docs/scenarios.md) all go through the
// table.

// expectKind is a kind of expectation.
type expectKind struct {
	key string  // its key in an expect entry: "detect"
	doc i18n.ID // what it checks, for the documentation
	new func() expectRule
}

// expectKinds is the one table of the kinds, in the order the
// documentation and the error messages list them.
var expectKinds = []expectKind{
	{"detect", i18n.DocExpectDetect, func() expectRule { return &detectRule{} }},
	{"no_detect_before", i18n.DocExpectNoDetectBefore, func() expectRule { return &noDetectRule{} }},
	{"state", i18n.DocExpectState, func() expectRule { return &stateRule{} }},
	{"reconnects", i18n.DocExpectReconnects, func() expectRule { return &reconnectsRule{} }},
	{"detections", i18n.DocExpectDetections, func() expectRule { return &detectionsRule{} }},
	{"heartbeat_bytes_per_minute", i18n.DocExpectHeartbeatBytes, func() expectRule { return &bytesRule{} }},
	{"connected", i18n.DocExpectConnected, func() expectRule { return &connectedRule{} }},
	{"poll_latency", i18n.DocExpectPollLatency, func() expectRule { return &latencyRule{} }},
	{"reconnect_peak", i18n.DocExpectReconnectPeak, func() expectRule { return &peakRule{} }},
	{"backlog_drops", i18n.DocExpectBacklogDrops, func() expectRule { return &backlogRule{} }},
	{"middlebox_drops", i18n.DocExpectMiddleboxDrops, func() expectRule { return &boxDropsRule{} }},
	{"syscall", i18n.DocExpectSyscall, func() expectRule { return &syscallRule{} }},
	{"segment", i18n.DocExpectSegment, func() expectRule { return &segmentRule{} }},
	{"segments", i18n.DocExpectSegments, func() expectRule { return &segmentsRule{} }},
}

// expectKindKeys lists the kinds' keys.
func expectKindKeys() []string {
	out := make([]string, len(expectKinds))
	for i, k := range expectKinds {
		out[i] = k.key
	}
	return out
}

// expectRule is the settings of one kind of expectation, decoded from the
// file (their `yaml` tags are the keys), and what the kind does with them.
type expectRule interface {
	// check validates the settings, found at path, and says what the
	// expectation is called when the scenario gives it no name and when
	// it is judged (0: at the end of the run).
	check(c *checker, path string) (name i18n.Message, at time.Duration, err error)
	// observe feeds the judge one event of the run, of a kind watches
	// names (the referee hands it no other).
	observe(j *judge, e netsim.Event)
	// watches is the kinds of events observe looks at.
	watches() watched
	// verdict judges, with the lab's state at the time of judging if it
	// needs it: state builds it (once for all the expectations judged
	// then; a snapshot of 100,000 clients takes a while).
	verdict(j *judge, state func() *lab.Snapshot, runTime time.Duration) (bool, i18n.Message)
}

// watched is a set of the kinds of events expectations look at while the
// run goes on; most judge the lab's state at their time and look at none.
// The referee hands each event only to the judges that watch its kind, and
// a headless run with nothing to print has the session build only the
// kinds its judges watch, and count the others (lab.Session.ObserveKinds).
type watched uint8

const (
	watchSent       watched = 1 << iota // *netsim.SegmentEvent of FateSent
	watchDropped                        // *netsim.SegmentEvent of FateDropped
	watchDetects                        // *lab.DetectEvent
	watchReconnects                     // *lab.ReconnectEvent
	watchApp                            // *lab.AppEvent
	watchSyscalls                       // *script.SyscallEvent
)

// expectSpec is one entry of a scenario's expect list as decoded: an
// optional name and the settings of each kind it names (decodeExpect). It
// must name exactly one.
type expectSpec struct {
	Name  string
	kinds []*expectKind
	rules []expectRule
}

// decodeExpect reads an expect entry: "name" and the kinds' keys.
func decodeExpect(n *node, path string, e *expectSpec) error {
	if n.kind != mappingNode {
		return &Error{Pos: n.pos, Path: path, Msg: i18n.M(i18n.ScenarioMustBeMapping, "Got", n.kind.msg())}
	}
	keys := []field{{name: "name"}}
	for _, k := range expectKinds {
		keys = append(keys, field{name: k.key})
	}
	for _, en := range n.entries {
		p := join(path, en.key)
		if en.key == "name" {
			if err := decode(en.value, p, reflect.ValueOf(&e.Name).Elem()); err != nil {
				return err
			}
			continue
		}
		i := slices.IndexFunc(expectKinds, func(k expectKind) bool { return k.key == en.key })
		if i < 0 {
			return &Error{Pos: en.keyPos, Path: p, Msg: unknownKey(en.key, keys)}
		}
		if en.value == nil || en.value.kind == nullNode {
			continue // an empty section is an unset one
		}
		rule := expectKinds[i].new()
		if err := decode(en.value, p, reflect.ValueOf(rule).Elem()); err != nil {
			return err
		}
		e.kinds = append(e.kinds, &expectKinds[i])
		e.rules = append(e.rules, rule)
	}
	return nil
}

// Expectation is one thing a scenario says must happen. It is judged on the
// run's events, or on the lab's state at a time.
type Expectation struct {
	// Name says what must happen: the scenario's name for it, or one made
	// from its settings.
	Name i18n.Message
	kind *expectKind
	rule expectRule
	// At is when the expectation is judged (0: at the end of the run).
	At time.Duration
}

// expectation checks a spec against the scenario and names it.
func (e expectSpec) expectation(path string, sc *Scenario) (Expectation, error) {
	var x Expectation
	if len(e.rules) != 1 {
		return x, &lab.FieldError{Path: path, Msg: i18n.M(i18n.ExpectExactlyOne, "Known", i18n.List(expectKindKeys()))}
	}
	x.kind, x.rule = e.kinds[0], e.rules[0]
	name, at, err := x.rule.check(newChecker(sc), path+"."+x.kind.key)
	x.Name, x.At = name, at
	if e.Name != "" {
		x.Name = i18n.M(i18n.ExpectGiven, "Name", e.Name)
	}
	return x, err
}

// checker checks an expectation's settings against the scenario.
type checker struct {
	hosts    map[string]bool
	boxes    map[string]bool
	apps     map[string]string // name → kind
	duration time.Duration
}

func newChecker(sc *Scenario) *checker {
	c := &checker{hosts: map[string]bool{}, boxes: map[string]bool{}, apps: map[string]string{}, duration: sc.Duration}
	for _, h := range sc.Config.Hosts {
		c.hosts[h.Name] = true
	}
	for _, m := range sc.Config.Middleboxes {
		c.boxes[m.Name] = true
	}
	for _, a := range sc.Config.Apps {
		c.apps[a.Name] = a.Kind
	}
	return c
}

func (c *checker) host(p, h string, required bool) error {
	switch {
	case h == "" && required:
		return &lab.FieldError{Path: p, Msg: i18n.M(i18n.ExpectNamesHost)}
	case h != "" && !c.hosts[h]:
		return &lab.FieldError{Path: p, Msg: i18n.M(i18n.ConfigNoHost, "Name", h)}
	}
	return nil
}

func (c *checker) app(p, a string, required bool) error {
	switch {
	case a == "" && required:
		return &lab.FieldError{Path: p, Msg: i18n.M(i18n.ExpectNamesApp)}
	case a != "" && c.apps[a] == "":
		return &lab.FieldError{Path: p, Msg: i18n.M(i18n.ConfigNoApp, "Name", a)}
	}
	return nil
}

func (c *checker) time(p string, t time.Duration) error {
	if t < 0 || t > c.duration {
		return &lab.FieldError{Path: p, Msg: i18n.M(i18n.ExpectOutside, "At", t.String(), "Duration", c.duration.String())}
	}
	return nil
}

// cause checks a cause setting against netsim's causes.
func (c *checker) cause(p, cause string) error {
	if _, ok := netsim.ParseCause(cause); cause != "" && !ok {
		return &lab.FieldError{Path: p, Msg: i18n.M(i18n.RuleOneOfList, "Choices", i18n.List(causeNames()), "Value", cause)}
	}
	return nil
}

// count checks the settings of a count: its bounds, time, host and app,
// and that only detections count by cause.
func (c *checker) count(p string, s *countSpec, what i18n.ID, appRequired, byCause bool) (i18n.Message, time.Duration, error) {
	err := firstErr(c.bounds(p, s), c.host(p+".host", s.Host, false), c.app(p+".app", s.App, appRequired))
	switch {
	case s.Cause != "" && !byCause:
		err = &lab.FieldError{Path: p + ".cause", Msg: i18n.M(i18n.ExpectCauseOnly)}
	case err == nil && byCause:
		err = c.cause(p+".cause", s.Cause)
	}
	return i18n.M(i18n.ExpectNameCount, "Who", who(s.Host, s.App), "What", i18n.M(what), "Bounds", boundsText(s)), s.At, err
}

func (c *checker) bounds(p string, s *countSpec) error {
	if s.AtMost == nil && s.AtLeast == nil {
		return &lab.FieldError{Path: p, Msg: i18n.M(i18n.ExpectNeedsBound)}
	}
	if (s.AtMost != nil && *s.AtMost < 0) || (s.AtLeast != nil && *s.AtLeast < 0) {
		return &lab.FieldError{Path: p, Msg: i18n.M(i18n.ExpectBoundsNeg)}
	}
	if s.AtMost != nil && s.AtLeast != nil && *s.AtLeast > *s.AtMost {
		return &lab.FieldError{Path: p + ".at_least", Msg: i18n.M(i18n.ExpectLeastAboveMost, "Least", *s.AtLeast, "Most", *s.AtMost)}
	}
	return c.time(p+".at", s.At)
}

// causeNames are the names of netsim's causes, for the cause settings.
func causeNames() []string {
	var out []string
	for _, c := range netsim.Causes() {
		out = append(out, c.String())
	}
	return out
}

// tcpStates lists the TCP state names the state expectation accepts.
var tcpStates = func() []string {
	var out []string
	for s := netsim.Closed; s <= netsim.TimeWait; s++ {
		out = append(out, s.String())
	}
	return out
}()

// detectRule: host (or app) detects its peer, with cause, between two
// times.
type detectRule struct {
	Host    string          `yaml:"host"`
	App     string          `yaml:"app"`
	Cause   string          `yaml:"cause"`
	Between []time.Duration `yaml:"between"`
}

func (d *detectRule) check(c *checker, p string) (i18n.Message, time.Duration, error) {
	if d.Between == nil { // required here, optional for a call or a segment
		return i18n.Message{}, 0, &lab.FieldError{Path: p + ".between", Msg: i18n.M(i18n.ExpectBetween)}
	}
	err := firstErr(c.window(p, d.Between), c.cause(p+".cause", d.Cause), c.host(p+".host", d.Host, d.App == ""),
		c.app(p+".app", d.App, false))
	name := i18n.M(i18n.ExpectNameDetect, "Who", who(d.Host, d.App), "When", windowText(d.Between))
	if d.Cause != "" {
		name = i18n.M(i18n.ExpectNameDetectBy, "Who", who(d.Host, d.App), "Cause", d.Cause, "When", windowText(d.Between))
	}
	return name, 0, err
}

func (d *detectRule) watches() watched { return watchDetects }

func (d *detectRule) observe(j *judge, e netsim.Event) {
	if x, ok := e.(*lab.DetectEvent); ok && !j.detected && matches(x.Host, d.Host) && matches(appBase(x.App), d.App) &&
		matches(x.Cause.String(), d.Cause) {
		j.detected, j.detectAt, j.cause = true, x.At, x.Cause.String()
	}
}

func (d *detectRule) verdict(j *judge, _ func() *lab.Snapshot, _ time.Duration) (bool, i18n.Message) {
	if !j.detected {
		return false, i18n.M(i18n.VerdictNoDetection)
	}
	return inWindow(j.detectAt, d.Between), i18n.M(i18n.VerdictDetectedAt, "At", netsim.Shown(j.detectAt), "Cause", j.cause)
}

// noDetectRule: no detection (by host, or anyone) before a time.
type noDetectRule struct {
	Host   string        `yaml:"host"`
	Before time.Duration `yaml:"before"`
}

func (d *noDetectRule) check(c *checker, p string) (i18n.Message, time.Duration, error) {
	err := firstErr(c.host(p+".host", d.Host, false), c.time(p+".before", d.Before))
	if d.Before <= 0 {
		err = &lab.FieldError{Path: p + ".before", Msg: i18n.M(i18n.ExpectPositiveTime)}
	}
	return i18n.M(i18n.ExpectNameNoDetect, "Who", who(d.Host, ""), "Before", d.Before), d.Before, err
}

func (d *noDetectRule) watches() watched { return watchDetects }

func (d *noDetectRule) observe(j *judge, e netsim.Event) {
	if x, ok := e.(*lab.DetectEvent); ok && !j.detected && matches(x.Host, d.Host) && x.At < d.Before {
		j.detected, j.detectAt, j.cause = true, x.At, x.Cause.String()
	}
}

func (d *noDetectRule) verdict(j *judge, _ func() *lab.Snapshot, _ time.Duration) (bool, i18n.Message) {
	if j.detected {
		return false, i18n.M(i18n.VerdictDetectedAt, "At", netsim.Shown(j.detectAt), "Cause", j.cause)
	}
	return true, i18n.M(i18n.VerdictNoneDetected)
}

// stateRule: a connection of host (whose 5-tuple contains conn) is in
// state at a time.
type stateRule struct {
	Host  string        `yaml:"host"`
	Conn  string        `yaml:"conn"`
	State string        `yaml:"state"`
	At    time.Duration `yaml:"at"`
}

func (d *stateRule) check(c *checker, p string) (i18n.Message, time.Duration, error) {
	var err error
	switch {
	case d.State == netsim.Closed.String():
		err = &lab.FieldError{Path: p + ".state", Msg: i18n.M(i18n.ExpectClosed)}
	case !slices.Contains(tcpStates, d.State):
		err = &lab.FieldError{Path: p + ".state", Msg: i18n.M(i18n.ExpectTCPState, "Known", i18n.List(tcpStates[1:]), "Value", d.State)}
	default:
		err = firstErr(c.host(p+".host", d.Host, true), c.time(p+".at", d.At))
	}
	return i18n.M(i18n.ExpectNameState, "Host", d.Host, "State", d.State, "At", d.At), d.At, err
}

func (d *stateRule) watches() watched             { return 0 }
func (d *stateRule) observe(*judge, netsim.Event) {}

func (d *stateRule) verdict(_ *judge, state func() *lab.Snapshot, _ time.Duration) (bool, i18n.Message) {
	snap := state()
	if d.State == netsim.Listen.String() {
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
}

// countSpec bounds a count: of reconnect attempts, detections, clients
// connected, … (at a time, or at the end). The count kinds are types of
// their own on these settings.
type countSpec struct {
	Host    string        `yaml:"host"`
	App     string        `yaml:"app"`
	Cause   string        `yaml:"cause"`
	At      time.Duration `yaml:"at"`
	AtMost  *int          `yaml:"at_most"`
	AtLeast *int          `yaml:"at_least"`
}

// in reports whether n is within the bounds.
func (c *countSpec) in(n int) bool {
	return (c.AtLeast == nil || n >= *c.AtLeast) && (c.AtMost == nil || n <= *c.AtMost)
}

// until reports whether an event at t counts: up to At, if it is set.
func (c *countSpec) until(t time.Duration) bool { return c.At == 0 || t <= c.At }

// reconnectsRule counts reconnect attempts scheduled.
type reconnectsRule countSpec

func (d *reconnectsRule) check(c *checker, p string) (i18n.Message, time.Duration, error) {
	return c.count(p, (*countSpec)(d), i18n.ExpectReconnects, false, false)
}

func (d *reconnectsRule) watches() watched                 { return watchReconnects }
func (d *reconnectsRule) observe(j *judge, e netsim.Event) { j.countAttempts((*countSpec)(d), e) }

func (d *reconnectsRule) verdict(j *judge, _ func() *lab.Snapshot, _ time.Duration) (bool, i18n.Message) {
	return (*countSpec)(d).in(j.count), i18n.M(i18n.VerdictCount, "N", j.count)
}

// peakRule bounds the most reconnect attempts in any 100 ms.
type peakRule countSpec

// peakWindow is reconnect_peak's window.
const peakWindow = 100 * time.Millisecond

func (d *peakRule) check(c *checker, p string) (i18n.Message, time.Duration, error) {
	return c.count(p, (*countSpec)(d), i18n.ExpectReconnectPeak, false, false)
}

func (d *peakRule) watches() watched                 { return watchReconnects }
func (d *peakRule) observe(j *judge, e netsim.Event) { j.countAttempts((*countSpec)(d), e) }

func (d *peakRule) verdict(j *judge, _ func() *lab.Snapshot, _ time.Duration) (bool, i18n.Message) {
	peak := peakIn(j.attempts, peakWindow)
	return (*countSpec)(d).in(peak), i18n.M(i18n.VerdictPeak, "N", peak)
}

// countAttempts counts a scheduled reconnect attempt that matches c, and
// notes when it starts.
func (j *judge) countAttempts(c *countSpec, e netsim.Event) {
	if x, ok := e.(*lab.ReconnectEvent); ok && x.Outcome == lab.ReconnectScheduled &&
		matches(x.Host, c.Host) && matches(appBase(x.App), c.App) && c.until(x.At) {
		j.count++
		j.attempts = append(j.attempts, x.At+x.Delay)
	}
}

// detectionsRule counts detections, by cause if it is given.
type detectionsRule countSpec

func (d *detectionsRule) check(c *checker, p string) (i18n.Message, time.Duration, error) {
	return c.count(p, (*countSpec)(d), i18n.ExpectDetections, false, true)
}

func (d *detectionsRule) watches() watched { return watchDetects }

func (d *detectionsRule) observe(j *judge, e netsim.Event) {
	if x, ok := e.(*lab.DetectEvent); ok && matches(x.Host, d.Host) && matches(appBase(x.App), d.App) &&
		matches(x.Cause.String(), d.Cause) && (*countSpec)(d).until(x.At) {
		j.count++
	}
}

func (d *detectionsRule) verdict(j *judge, _ func() *lab.Snapshot, _ time.Duration) (bool, i18n.Message) {
	return (*countSpec)(d).in(j.count), i18n.M(i18n.VerdictCount, "N", j.count)
}

// backlogRule counts packets a full accept queue dropped.
type backlogRule countSpec

func (d *backlogRule) check(c *checker, p string) (i18n.Message, time.Duration, error) {
	return c.count(p, (*countSpec)(d), i18n.ExpectBacklogDrops, false, false)
}

func (d *backlogRule) watches() watched { return watchDropped }

func (d *backlogRule) observe(j *judge, e netsim.Event) {
	if x, ok := e.(*netsim.SegmentEvent); ok && x.Why == netsim.WhyBacklogFull && matches(x.Where, d.Host) &&
		(*countSpec)(d).until(x.At) {
		j.count++
	}
}

func (d *backlogRule) verdict(j *judge, _ func() *lab.Snapshot, _ time.Duration) (bool, i18n.Message) {
	return (*countSpec)(d).in(j.count), i18n.M(i18n.VerdictCount, "N", j.count)
}

// boxDropsRule counts the packets of no known flow a middlebox dropped,
// under one rule or any: the counters a Linux box keeps on its rules.
type boxDropsRule struct {
	Box     string        `yaml:"box"`
	Rule    string        `yaml:"rule"`
	At      time.Duration `yaml:"at"`
	AtMost  *int          `yaml:"at_most"`
	AtLeast *int          `yaml:"at_least"`
}

// bounds is the rule's bounds as a count's.
func (d *boxDropsRule) bounds() *countSpec {
	return &countSpec{At: d.At, AtMost: d.AtMost, AtLeast: d.AtLeast}
}

func (d *boxDropsRule) check(c *checker, p string) (i18n.Message, time.Duration, error) {
	err := c.bounds(p, d.bounds())
	switch {
	case d.Box == "":
		err = &lab.FieldError{Path: p + ".box", Msg: i18n.M(i18n.ExpectNamesBox)}
	case !c.boxes[d.Box]:
		err = &lab.FieldError{Path: p + ".box", Msg: i18n.M(i18n.ConfigNoMiddlebox, "Name", d.Box)}
	case d.Rule != "" && !slices.Contains(dropRuleNames(), d.Rule):
		err = &lab.FieldError{Path: p + ".rule", Msg: i18n.M(i18n.RuleOneOfList, "Choices", i18n.List(dropRuleNames()), "Value", d.Rule)}
	}
	what := i18n.M(i18n.ExpectBoxDrops)
	if d.Rule != "" {
		what = i18n.M(i18n.ExpectBoxDropsBy, "Rule", d.Rule)
	}
	return i18n.M(i18n.ExpectNameCount, "Who", d.Box, "What", what, "Bounds", boundsText(d.bounds())), d.At, err
}

func (d *boxDropsRule) watches() watched { return watchDropped }

func (d *boxDropsRule) observe(j *judge, e netsim.Event) {
	if x, ok := e.(*netsim.SegmentEvent); ok && x.Fate == netsim.FateDropped && x.Why == netsim.WhyFirewall &&
		x.Where == d.Box && matches(x.Rule.String(), d.Rule) && d.bounds().until(x.At) {
		j.count++
	}
}

func (d *boxDropsRule) verdict(j *judge, _ func() *lab.Snapshot, _ time.Duration) (bool, i18n.Message) {
	return d.bounds().in(j.count), i18n.M(i18n.VerdictCount, "N", j.count)
}

// dropRuleNames are the names of netsim's drop rules, for the rule
// setting.
func dropRuleNames() []string {
	var out []string
	for _, r := range netsim.DropRules() {
		out = append(out, r.String())
	}
	return out
}

// connectedRule bounds an app's clients connected, at a time or at the
// end.
type connectedRule countSpec

func (d *connectedRule) check(c *checker, p string) (i18n.Message, time.Duration, error) {
	return c.count(p, (*countSpec)(d), i18n.ExpectConnected, true, false)
}

func (d *connectedRule) watches() watched             { return 0 }
func (d *connectedRule) observe(*judge, netsim.Event) {}

func (d *connectedRule) verdict(_ *judge, state func() *lab.Snapshot, _ time.Duration) (bool, i18n.Message) {
	snap := state()
	n := 0
	for _, a := range snap.Apps {
		if a.Name == d.App {
			n = a.Connected
		}
	}
	return (*countSpec)(d).in(n), i18n.M(i18n.VerdictConnected, "N", n)
}

// bytesRule bounds an app's heartbeat traffic.
type bytesRule struct {
	App    string   `yaml:"app"`
	AtMost *float64 `yaml:"at_most"`
}

func (d *bytesRule) check(c *checker, p string) (i18n.Message, time.Duration, error) {
	if d.AtMost == nil || *d.AtMost <= 0 {
		return i18n.Message{}, 0, &lab.FieldError{Path: p + ".at_most", Msg: i18n.M(i18n.ExpectPositiveB)}
	}
	return i18n.M(i18n.ExpectNameBytes, "App", d.App, "Max", *d.AtMost), 0, c.app(p+".app", d.App, true)
}

func (d *bytesRule) watches() watched { return watchApp }

func (d *bytesRule) observe(j *judge, e netsim.Event) {
	if x, ok := e.(*lab.AppEvent); ok && x.Dir == "send" && (x.Msg == "heartbeat" || x.Msg == "heartbeat_ack") &&
		appBase(x.App) == d.App {
		j.bytes += uint64(x.Bytes)
	}
}

func (d *bytesRule) verdict(j *judge, _ func() *lab.Snapshot, runTime time.Duration) (bool, i18n.Message) {
	perMin := float64(j.bytes) / max(runTime.Minutes(), 1e-9)
	return perMin <= *d.AtMost, i18n.M(i18n.VerdictRate, "Rate", strconv.FormatFloat(perMin, 'f', 1, 64))
}

// latencyRule bounds a poller's mean news latency.
type latencyRule struct {
	App     string         `yaml:"app"`
	AtMost  *time.Duration `yaml:"at_most"`
	AtLeast *time.Duration `yaml:"at_least"`
}

func (d *latencyRule) check(c *checker, p string) (i18n.Message, time.Duration, error) {
	err := c.app(p+".app", d.App, true)
	switch {
	case err != nil:
	case c.apps[d.App] != lab.KindPoller:
		err = &lab.FieldError{Path: p + ".app", Msg: i18n.M(i18n.ExpectNotPoller, "App", d.App, "Kind", c.apps[d.App])}
	case d.AtMost == nil && d.AtLeast == nil:
		err = &lab.FieldError{Path: p, Msg: i18n.M(i18n.ExpectNeedsBound)}
	case d.AtMost != nil && *d.AtMost < 0 || d.AtLeast != nil && *d.AtLeast < 0:
		err = &lab.FieldError{Path: p, Msg: i18n.M(i18n.ExpectBoundsNeg)}
	case d.AtMost != nil && d.AtLeast != nil && *d.AtLeast > *d.AtMost:
		err = &lab.FieldError{Path: p + ".at_least", Msg: i18n.M(i18n.ExpectLeastAboveMost, "Least", *d.AtLeast, "Most", *d.AtMost)}
	}
	return i18n.M(i18n.ExpectNameLatency, "App", d.App, "Bounds", latencyText(d)), 0, err
}

func (d *latencyRule) watches() watched             { return 0 }
func (d *latencyRule) observe(*judge, netsim.Event) {}

func (d *latencyRule) verdict(_ *judge, state func() *lab.Snapshot, _ time.Duration) (bool, i18n.Message) {
	snap := state()
	for _, a := range snap.Apps {
		if a.Name == d.App && a.Poll != nil {
			m := a.Poll.MeanLatency()
			ok := a.Poll.Events > 0 && (d.AtMost == nil || m <= *d.AtMost) && (d.AtLeast == nil || m >= *d.AtLeast)
			return ok, i18n.M(i18n.VerdictMeanLatency, "Mean", netsim.Shown(m), "Events", a.Poll.Events)
		}
	}
	return false, i18n.M(i18n.VerdictNoPoller, "App", d.App)
}

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

func latencyText(d *latencyRule) i18n.Message {
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
	call     *script.SyscallEvent // syscall: the call judged
	done     bool
}

// observe feeds one event to the judge.
func (j *judge) observe(e netsim.Event) { j.x.rule.observe(j, e) }

// verdict judges the expectation with the lab's state now.
func (j *judge) verdict(state func() *lab.Snapshot, runTime time.Duration) (bool, i18n.Message) {
	return j.x.rule.verdict(j, state, runTime)
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
