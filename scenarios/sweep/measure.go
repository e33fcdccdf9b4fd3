package sweep

import (
	"math"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/tally"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
)

// Unit is what a measure counts in.
type Unit uint8

// Units of measures.
const (
	Seconds     Unit = iota // s
	PerMinute               // per minute of simulated time
	BytesPerMin             // B/min
	Count                   // a number of things
	Per100ms                // per 100 ms
	Text                    // not a number: a cause
)

// unitIDs are the units' symbols in the catalog.
var unitIDs = [...]i18n.ID{i18n.SweepUnitSeconds, i18n.SweepUnitPerMin, i18n.SweepUnitBytesPerMin, "", i18n.SweepUnitPer100ms, ""}

// Symbol is the unit's symbol in l ("s", "秒"), "" for counts and text.
func (u Unit) Symbol(l i18n.Lang) string {
	if unitIDs[u] == "" {
		return ""
	}
	return l.T(unitIDs[u])
}

// Measure is one thing a sweep measures in every run.
type Measure struct {
	// ID names it in the CSV's header and the JSON: "detect.server",
	// "bytes_per_min.heartbeat". IDs never change meaning.
	ID   string
	Unit Unit
	// Name is a short heading (a table's column); Label says it in full
	// (a plot's axis).
	Name, Label i18n.Message
}

// Title is the label with its unit: "detection at server after the fault
// (s)".
func (m Measure) Title(l i18n.Lang) string {
	if s := m.Unit.Symbol(l); s != "" {
		return l.T(i18n.SweepWithUnit, "Label", m.Label, "Unit", s)
	}
	return m.Label.In(l)
}

// Heading is the short name with its unit: "server detects (s)".
func (m Measure) Heading(l i18n.Lang) string {
	if s := m.Unit.Symbol(l); s != "" {
		return l.T(i18n.SweepWithUnit, "Label", m.Name, "Unit", s)
	}
	return m.Name.In(l)
}

// trafficClasses are the ledger's classes, in the order the measures list
// them.
var trafficClasses = []tally.Class{tally.Heartbeat, tally.Keepalive, tally.Data, tally.ACK, tally.Retransmission, tally.Control}

// MeasuresOf lists what a sweep of sc measures, in the order of the CSV's
// columns. The list depends on the scenario's shape (its hosts, apps and
// timeline), never on a run: every point has the same columns.
//
//	detect.HOST             time from the first fault (the start, when the
//	                        timeline has none) to HOST's first detection
//	                        after it (s)
//	cause.HOST              the cause of that detection
//	false_alarms            detections before the first fault, when the peer
//	                        was alive (scenarios with a timeline)
//	detections              detections after the first fault, by any side and
//	                        cause (failed connection attempts too)
//	reconnects              reconnect attempts scheduled after it
//	back.APP                time from the first fault until APP has as many
//	                        connections established as it had then (s)
//	attempts_peak           the most connect() calls of one app in a 100 ms step
//	bytes_per_min[.CLASS]   bytes on the wire per minute before the first
//	                        fault (over the whole run without one), by class
//	segments_per_min[.CLASS]  the same in segments
//	poll_latency            a poller's news: mean latency (s), with pollers
//	poll_latency_max        and the largest
//	passed, failed          the scenario's expectations
func MeasuresOf(sc *scenarios.Scenario) []Measure {
	var ms []Measure
	add := func(id string, u Unit, name, label i18n.Message) {
		ms = append(ms, Measure{ID: id, Unit: u, Name: name, Label: label})
	}
	faulty := len(sc.Config.Timeline) > 0
	since := i18n.M(i18n.SweepSinceStart)
	if faulty {
		since = i18n.M(i18n.SweepSinceFault)
	}
	for _, h := range appHosts(sc) {
		add("detect."+h, Seconds, i18n.M(i18n.SweepDetectName, "Host", h), i18n.M(i18n.SweepDetectLabel, "Host", h, "Since", since))
	}
	for _, h := range appHosts(sc) {
		add("cause."+h, Text, i18n.M(i18n.SweepCauseName, "Host", h), i18n.M(i18n.SweepCauseLabel, "Host", h))
	}
	if faulty {
		add("false_alarms", Count, i18n.M(i18n.SweepFalseName), i18n.M(i18n.SweepFalseLabel))
	}
	add("detections", Count, i18n.M(i18n.SweepDetectionsName), i18n.M(i18n.SweepDetectionsLabel, "Since", since))
	add("reconnects", Count, i18n.M(i18n.SweepReconnectsName), i18n.M(i18n.SweepReconnectsLabel, "Since", since))
	for _, a := range sc.Config.Apps {
		add("back."+a.Name, Seconds, i18n.M(i18n.SweepBackName, "App", a.Name), i18n.M(i18n.SweepBackLabel, "App", a.Name, "Since", since))
	}
	add("attempts_peak", Per100ms, i18n.M(i18n.SweepPeakName), i18n.M(i18n.SweepPeakLabel))
	window := i18n.M(i18n.SweepWholeRun)
	if faulty {
		window = i18n.M(i18n.SweepBeforeFault)
	}
	all := i18n.M(i18n.SweepAllTraffic)
	add("bytes_per_min", BytesPerMin, i18n.M(i18n.SweepBytesName, "Class", all), i18n.M(i18n.SweepBytesLabel, "Class", all, "Window", window))
	for _, c := range trafficClasses {
		cl := i18n.M(classIDs[c])
		add("bytes_per_min."+c.String(), BytesPerMin, i18n.M(i18n.SweepBytesName, "Class", cl), i18n.M(i18n.SweepBytesLabel, "Class", cl, "Window", window))
	}
	add("segments_per_min", PerMinute, i18n.M(i18n.SweepSegmentsName, "Class", all), i18n.M(i18n.SweepSegmentsLabel, "Class", all, "Window", window))
	for _, c := range trafficClasses {
		cl := i18n.M(classIDs[c])
		add("segments_per_min."+c.String(), PerMinute, i18n.M(i18n.SweepSegmentsName, "Class", cl), i18n.M(i18n.SweepSegmentsLabel, "Class", cl, "Window", window))
	}
	if hasPoller(sc) {
		add("poll_latency", Seconds, i18n.M(i18n.SweepPollName), i18n.M(i18n.SweepPollLabel))
		add("poll_latency_max", Seconds, i18n.M(i18n.SweepPollMaxName), i18n.M(i18n.SweepPollMaxLabel))
	}
	add("passed", Count, i18n.M(i18n.SweepPassedName), i18n.M(i18n.SweepPassedLabel))
	add("failed", Count, i18n.M(i18n.SweepFailedName), i18n.M(i18n.SweepFailedLabel))
	return ms
}

// classIDs name the traffic classes in the catalog.
var classIDs = [tally.NumClasses]i18n.ID{
	tally.Data: i18n.SweepClassData, tally.Heartbeat: i18n.SweepClassHeartbeat, tally.Keepalive: i18n.SweepClassKeepalive,
	tally.ACK: i18n.SweepClassACK, tally.Retransmission: i18n.SweepClassRetrans, tally.Control: i18n.SweepClassControl,
}

// appHosts lists the hosts that run an app, in the order of the apps.
func appHosts(sc *scenarios.Scenario) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range sc.Config.Apps {
		if !seen[a.Host] {
			seen[a.Host] = true
			out = append(out, a.Host)
		}
	}
	return out
}

func hasPoller(sc *scenarios.Scenario) bool {
	for _, a := range sc.Config.Apps {
		if a.Kind == lab.KindPoller {
			return true
		}
	}
	return false
}

// Datum is one measure of one run: a number (NaN when the run has none:
// no detection, say) or, for a Text measure, a word ("" for none).
type Datum struct {
	V float64
	S string
}

// Sample is one run's measures, in the order of its sweep's Measures.
type Sample []Datum

// recorder watches one run's events and measures it. It is the sweep's
// only reader of the stream: the ledger (lab/tally) counts the traffic and
// the attempts, the recorder adds what is relative to the fault.
type recorder struct {
	ms    []Measure
	tally *tally.Tally

	// faulted says the first fault has happened; whole says the
	// scenario has no timeline: the measures run from the start, and the
	// traffic is the whole run's.
	faulted   bool
	whole     bool
	fault     time.Duration // the first fault's time (0 without one)
	healthy   tally.Ledger  // what was sent before it
	hostIndex map[string]int
	detect    []time.Duration // per host: the first detection after the fault, -1 for none
	cause     []netsim.Cause
	falses    int
	detects   int
	reconnect int

	// Connections established per app, and those of each end.
	up       map[connEnd]string // an established end → its app
	count    map[string]int
	atFault  map[string]int           // per app: the count at the fault
	fell     map[string]bool          // the count fell below it since
	back     map[string]time.Duration // when it was reached again
	lastTime time.Duration
}

type connEnd struct{ host, conn string }

func newRecorder(sc *scenarios.Scenario, ms []Measure) *recorder {
	r := &recorder{ms: ms, tally: tally.New(), hostIndex: map[string]int{}, up: map[connEnd]string{},
		count: map[string]int{}, fell: map[string]bool{}, back: map[string]time.Duration{}}
	for i, h := range appHosts(sc) {
		r.hostIndex[h] = i
		r.detect = append(r.detect, -1)
		r.cause = append(r.cause, 0)
	}
	if len(sc.Config.Timeline) == 0 {
		r.faulted, r.whole, r.atFault = true, true, map[string]int{}
	}
	return r
}

// observe takes one event of the run, in order.
func (r *recorder) observe(e netsim.Event) {
	r.tally.Observe(e)
	r.lastTime = e.When()
	switch e := e.(type) {
	case *netsim.FaultEvent:
		if !r.faulted {
			r.startFault(e.At)
		}
		if e.Action == netsim.FaultPowerOff {
			r.vanish(e.Target)
		}
	case *lab.DetectEvent:
		if !r.faulted {
			r.falses++
			return
		}
		r.detects++
		if i, ok := r.hostIndex[e.Host]; ok && r.detect[i] < 0 {
			r.detect[i], r.cause[i] = e.At-r.fault, e.Cause
		}
	case *lab.ReconnectEvent:
		if r.faulted && e.Outcome == lab.ReconnectScheduled {
			r.reconnect++
		}
	case *netsim.StateEvent:
		r.state(e)
	}
}

// startFault marks the first fault: what was sent until now is the cost of
// keeping watch while all was well, and each app's connections are
// counted.
func (r *recorder) startFault(at time.Duration) {
	r.faulted, r.fault = true, at
	for _, a := range r.tally.Apps() {
		for c := range r.healthy {
			r.healthy[c].Segments += a.Sent[c].Segments
			r.healthy[c].Bytes += a.Sent[c].Bytes
		}
	}
	r.atFault = map[string]int{}
	for app, n := range r.count {
		r.atFault[app] = n
	}
}

// state counts an app's established connections.
func (r *recorder) state(e *netsim.StateEvent) {
	k := connEnd{e.Host, e.Conn}
	switch {
	case e.To == netsim.Established && e.Proc != "":
		app := tally.Base(e.Proc)
		r.up[k] = app
		r.change(app, +1, e.At)
	case e.From == netsim.Established:
		if app, ok := r.up[k]; ok {
			delete(r.up, k)
			r.change(app, -1, e.At)
		}
	}
}

// vanish drops the connections of a host that lost power: it sends no
// state change, its sockets are simply gone.
func (r *recorder) vanish(host string) {
	for k, app := range r.up {
		if k.host == host {
			delete(r.up, k)
			r.change(app, -1, r.lastTime)
		}
	}
}

func (r *recorder) change(app string, d int, at time.Duration) {
	r.count[app] += d
	if !r.faulted {
		return
	}
	n, before := r.count[app], r.atFault[app]
	switch {
	case n < before:
		r.fell[app] = true
	case r.fell[app] && n >= before:
		if _, done := r.back[app]; !done {
			r.back[app] = at - r.fault
		}
	}
}

// sample is the run's measures once it has ended at end with res.
func (r *recorder) sample(res *scenarios.Result, end time.Duration) Sample {
	window, sent := end, r.healthy
	if r.faulted && !r.whole {
		window = r.fault
	} else {
		for _, a := range r.tally.Apps() {
			for c := range sent {
				sent[c].Segments += a.Sent[c].Segments
				sent[c].Bytes += a.Sent[c].Bytes
			}
		}
	}
	perMin := func(n uint64) float64 {
		if window <= 0 {
			return math.NaN()
		}
		return float64(n) / window.Minutes()
	}
	out := make(Sample, len(r.ms))
	for i, m := range r.ms {
		d := Datum{V: math.NaN()}
		kind, arg := splitID(m.ID)
		switch kind {
		case "detect":
			if t := r.detect[r.hostIndex[arg]]; t >= 0 {
				d.V = t.Seconds()
			}
		case "cause":
			if c := r.cause[r.hostIndex[arg]]; c != 0 {
				d.S = c.String()
			}
		case "false_alarms":
			d.V = float64(r.falses)
		case "detections":
			d.V = float64(r.detects)
		case "reconnects":
			d.V = float64(r.reconnect)
		case "back":
			if t, ok := r.back[arg]; ok {
				d.V = t.Seconds()
			} else if r.faulted && r.atFault[arg] > 0 && !r.fell[arg] {
				d.V = 0 // it lost nothing
			}
		case "attempts_peak":
			var peak uint64
			for _, a := range r.tally.Apps() {
				n, _ := a.Attempts.Peak()
				peak = max(peak, n)
			}
			d.V = float64(peak)
		case "bytes_per_min":
			d.V = perMin(classSum(&sent, arg, func(c tally.Count) uint64 { return c.Bytes }))
		case "segments_per_min":
			d.V = perMin(classSum(&sent, arg, func(c tally.Count) uint64 { return c.Segments }))
		case "poll_latency", "poll_latency_max":
			d.V = r.pollLatency(kind == "poll_latency_max")
		case "passed":
			d.V = float64(res.Passed)
		case "failed":
			d.V = float64(res.Failed)
		}
		out[i] = d
	}
	return out
}

// classSum is a class's count in l, or all classes' when class is "".
func classSum(l *tally.Ledger, class string, of func(tally.Count) uint64) uint64 {
	if class == "" {
		return of(l.Total())
	}
	for _, c := range trafficClasses {
		if c.String() == class {
			return of(l[c])
		}
	}
	return 0
}

// pollLatency is the pollers' mean latency over all their news items, or
// the largest.
func (r *recorder) pollLatency(largest bool) float64 {
	var sum, most time.Duration
	var items uint64
	for _, a := range r.tally.Apps() {
		if p := a.Poll; p != nil {
			sum += p.Latency
			items += p.Items
			most = max(most, p.MaxLatency)
		}
	}
	switch {
	case items == 0:
		return math.NaN()
	case largest:
		return most.Seconds()
	}
	return (sum / time.Duration(items)).Seconds()
}

// splitID splits "detect.server" into "detect" and "server".
func splitID(id string) (kind, arg string) {
	for i := range len(id) {
		if id[i] == '.' {
			return id[:i], id[i+1:]
		}
	}
	return id, ""
}
