package engine

import (
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/tally"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/feed"
)

// Run is one life of a scenario: its session, the feed that watches it,
// and the referee that judges its expectations at their times, as
// `socklab run` does. Restarting the lab replaces the run; seeking back
// builds a new one.
type Run struct {
	Sc   *scenarios.Scenario
	S    *lab.Session
	Feed *feed.Feed

	ref      *scenarios.Referee
	judged   int                     // how many of ref.Times() are judged
	Verdicts []scenarios.ExpectEvent // the expectations judged so far, in order
	// VerdictShown says the interface has shown the verdict of the end:
	// it shows it once, when the run gets there.
	VerdictShown bool
	// Marks are the run's timeline markers so far (faults, parameter
	// changes, detections), and stops its steps that showed something:
	// where going back one event, or to the previous change, goes.
	Marks feed.Markers
	stops []stop
	// Filtered is the wire of the run's rows a filter keeps, from its
	// start (NewFilteredRun); nil when the wire is not filtered.
	Filtered *feed.Feed
	// Tally is the run's ledger: what it cost, for the cost view.
	Tally *tally.Tally
}

// NewRun builds a fresh session for sc, with the feed observing it from its
// first event, and starts its applications (at simulated time 0) so that the
// first frame shows the servers listening. A replay passes the recording's
// inputs: the session applies each where it was recorded (lab.Session.Replay).
func NewRun(sc *scenarios.Scenario, replay []lab.Input) (*Run, error) {
	return NewFilteredRun(sc, replay, feed.Filter{})
}

// NewFilteredRun is NewRun with, beside its feed, a wire of the rows
// filter keeps from the run's first event (Filtered; none for the zero
// Filter).
func NewFilteredRun(sc *scenarios.Scenario, replay []lab.Input, filter feed.Filter) (*Run, error) {
	// lab.New copies the configuration, so live parameter changes never
	// reach sc: a restart starts from the scenario as written.
	s, err := sc.NewSession()
	if err != nil {
		return nil, err
	}
	if err := s.Replay(replay); err != nil {
		return nil, err
	}
	f := feed.New(sc.Teaches)
	ref := sc.NewReferee(0)
	r := &Run{Sc: sc, S: s, Feed: f, ref: ref, Tally: tally.New()}
	if filter.Active() {
		r.Filtered = feed.NewFiltered(sc.Teaches, filter)
	}
	s.Observe(f.Observe)
	s.Observe(ref.Observe)
	s.Observe(r.Marks.Observe)
	s.Observe(r.Tally.Observe)
	s.Observe(func(e netsim.Event) {
		if r.Filtered != nil {
			r.Filtered.Observe(e)
		}
	})
	s.NextAt()
	return r, nil
}

// Wire is the feed whose wire the interface shows: the filtered one when
// there is a filter.
func (r *Run) Wire() *feed.Feed {
	if r.Filtered != nil {
		return r.Filtered
	}
	return r.Feed
}

// judgeBefore judges the expectations due before simulated time limit
// (none of the session's events comes before limit): the clock goes to
// each time due.
func (r *Run) judgeBefore(limit time.Duration) {
	times := r.ref.Times()
	for r.judged < len(times) && times[r.judged] < limit {
		t := times[r.judged]
		r.S.RunUntil(t)
		r.Verdicts = append(r.Verdicts, r.ref.Judge(t, r.S.Snapshot)...)
		r.judged++
	}
}

// Ended says the run has reached the scenario's end (its duration) and
// every expectation is judged.
func (r *Run) Ended() bool { return r.judged == len(r.ref.Times()) }

// End is the scenario's end: its duration.
func (r *Run) End() time.Duration { return r.ref.Until() }

// step runs the session's next event, judging what is due before it, and
// remembers it when it showed something.
func (r *Run) step(at time.Duration) {
	r.judgeBefore(at)
	before, ev, in := r.Position(), r.Feed.Events, r.Feed.Interesting
	r.S.Step()
	r.note(before, at, ev, r.Feed.Interesting != in)
}

// Advance runs the simulation up to simulated time target, but at most
// budget events. It reports whether target was reached; if not, the clock
// stands at the last event run.
func (r *Run) Advance(target time.Duration, budget int) bool {
	for range budget {
		at, ok := r.S.NextAt()
		if !ok || at > target {
			break
		}
		r.step(at)
	}
	if at, ok := r.S.NextAt(); ok && at <= target {
		return false
	}
	r.judgeBefore(target + 1)
	r.S.RunUntil(target)
	return true
}

// Step runs the simulation until at least one event has been emitted (an
// internal timer that shows nothing is not a step worth a key press), or
// to the scenario's end when that comes first. It reports false when
// nothing is left to happen.
func (r *Run) Step() bool {
	before := r.Feed.Events
	for range SearchBudget {
		at, ok := r.S.NextAt()
		if r.toEnd(at, ok) {
			return true
		}
		if !ok {
			return false
		}
		r.step(at)
		if r.Feed.Events != before {
			return true
		}
	}
	return true
}

// toEnd stops at the scenario's end, judging what is left, when the run
// has not passed it and the next event (at, when there is one) comes
// after it. It reports whether it did.
func (r *Run) toEnd(at time.Duration, ok bool) bool {
	if r.Ended() || (ok && at <= r.End()) {
		return false
	}
	r.judgeBefore(r.End() + 1)
	return true
}

// Idle says nothing is left to happen.
func (r *Run) Idle() bool {
	_, ok := r.S.NextAt()
	return !ok && r.Ended()
}

// Jump runs the simulation, skipping idle time, until the next detection,
// fault or TCP state change, or the scenario's end, then finishes that
// instant so that its consequences (the narration, the other side's
// state) are on screen. It gives up after SearchBudget events or
// SearchHorizon of simulated time, and reports whether it found one.
func (r *Run) Jump() bool {
	before := r.Feed.Interesting
	limit := r.S.Now() + SearchHorizon
	for range SearchBudget {
		at, ok := r.S.NextAt()
		if r.End() <= limit && r.toEnd(at, ok) {
			return true
		}
		if !ok || at > limit {
			return false
		}
		r.step(at)
		if r.Feed.Interesting != before {
			r.Advance(r.S.Now(), FrameBudget)
			return true
		}
	}
	return false
}
