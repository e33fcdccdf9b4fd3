package scenarios

import (
	"slices"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/script"
	"github.com/socklab/socklab/netsim"
)

// Referee judges a scenario's expectations on a run that someone else
// drives: Run (headless) and the interface both use one, so the interface
// shows the verdicts `socklab run` prints. It observes the run's events
// (Observe), and the driver calls Judge at each of Times, once the session
// has run all events up to that time:
//
//	ref := sc.NewReferee(until)
//	sess.Observe(ref.Observe)
//	for _, t := range ref.Times() {
//		sess.RunUntil(t)
//		verdicts := ref.Judge(t, sess.Snapshot())
//	}
type Referee struct {
	judges []*judge
	times  []time.Duration // when expectations are judged, in order, until last
	until  time.Duration

	// The judges that watch each kind of event (watched), so that an
	// event none of them looks at (most: a segment delivered, an app
	// message, a state change) costs one type switch.
	sent, dropped, detects, reconnects, app, syscalls []*judge
}

// NewReferee makes the referee of a run of sc to until (sc.Duration when
// 0). Expectations due after until fail when the run ends: it stopped
// before them.
func (sc *Scenario) NewReferee(until time.Duration) *Referee {
	if until <= 0 {
		until = sc.Duration
	}
	r := &Referee{until: until}
	for _, x := range sc.Expect {
		j := &judge{x: x, index: len(r.judges)}
		r.judges = append(r.judges, j)
		for _, w := range []struct {
			kind watched
			to   *[]*judge
		}{{watchSent, &r.sent}, {watchDropped, &r.dropped}, {watchDetects, &r.detects}, {watchReconnects, &r.reconnects},
			{watchApp, &r.app}, {watchSyscalls, &r.syscalls}} {
			if x.rule.watches()&w.kind != 0 {
				*w.to = append(*w.to, j)
			}
		}
		if x.At > 0 && x.At <= until {
			r.times = append(r.times, x.At)
		}
	}
	slices.Sort(r.times)
	r.times = append(slices.Compact(r.times), until)
	return r
}

// Observe feeds one event of the run to every expectation that watches
// its kind.
func (r *Referee) Observe(e netsim.Event) {
	var js []*judge
	switch e := e.(type) {
	case *netsim.SegmentEvent:
		switch e.Fate {
		case netsim.FateSent:
			js = r.sent
		case netsim.FateDropped:
			js = r.dropped
		}
	case *lab.DetectEvent:
		js = r.detects
	case *lab.ReconnectEvent:
		js = r.reconnects
	case *lab.AppEvent:
		js = r.app
	case *script.SyscallEvent:
		js = r.syscalls
	}
	for _, j := range js {
		j.observe(e)
	}
}

// Kinds are the kinds of netsim's events the expectations look at: the
// segments sent, or dropped, if any watches them. A run with nothing to
// print need not build the others.
func (r *Referee) Kinds() netsim.Kinds {
	var k netsim.Kinds
	if len(r.sent) > 0 {
		k |= netsim.KindSegmentSent
	}
	if len(r.dropped) > 0 {
		k |= netsim.KindSegmentDropped
	}
	return k
}

// WatchesApp reports whether an expectation looks at the app events (the
// bytes an app sends): without one, a run with nothing to print need not
// build them.
func (r *Referee) WatchesApp() bool { return len(r.app) > 0 }

// Times are the simulated times at which expectations are judged, in
// order; the last is the end of the run.
func (r *Referee) Times() []time.Duration { return r.times }

// Until is the end of the run, when the last expectations are judged.
func (r *Referee) Until() time.Duration { return r.until }

// Judge judges the expectations due at t (at the end of the run: every one
// not judged yet) with the lab's state snap at t, in the scenario's order.
// snap is called at most once, and only when an expectation due judges the
// state (most count events).
func (r *Referee) Judge(t time.Duration, snap func() *lab.Snapshot) []ExpectEvent {
	var out []ExpectEvent
	var s *lab.Snapshot
	state := func() *lab.Snapshot {
		if s == nil {
			s = snap()
		}
		return s
	}
	for _, j := range r.judges {
		if j.done || (j.x.At != t && t != r.until) {
			continue
		}
		ok, detail := j.verdict(state, t)
		if j.x.At > r.until {
			ok, detail = false, i18n.M(i18n.VerdictNotJudged, "Stop", r.until, "At", j.x.At)
		}
		j.done = true
		out = append(out, ExpectEvent{At: t, Index: j.index, Name: j.x.Name, OK: ok, Detail: detail})
	}
	return out
}
