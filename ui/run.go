package ui

import (
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/scenarios"
)

// run is one life of a scenario: its session and the feed that watches it.
// Restarting the lab replaces the run.
type run struct {
	sc   *scenarios.Scenario
	s    *lab.Session
	feed *feed
}

// newRun builds a fresh session for sc, with the feed observing it from its
// first event, and starts its applications (at simulated time 0) so that the
// first frame shows the servers listening. A replay passes the recording's
// inputs: the session applies each where it was recorded (lab.Session.Replay).
func newRun(sc *scenarios.Scenario, replay []lab.Input) (*run, error) {
	// lab.New copies the configuration, so live parameter changes never
	// reach sc: a restart starts from the scenario as written.
	s, err := sc.NewSession()
	if err != nil {
		return nil, err
	}
	if err := s.Replay(replay); err != nil {
		return nil, err
	}
	f := newFeed(sc.Teaches)
	s.Observe(f.observe)
	s.NextAt()
	return &run{sc: sc, s: s, feed: f}, nil
}

// advance runs the simulation up to simulated time target, but at most
// budget events. It reports whether target was reached; if not, the clock
// stands at the last event run.
func (r *run) advance(target time.Duration, budget int) bool {
	for range budget {
		at, ok := r.s.NextAt()
		if !ok || at > target {
			break
		}
		r.s.Step()
	}
	if at, ok := r.s.NextAt(); ok && at <= target {
		return false
	}
	r.s.RunUntil(target)
	return true
}

// step runs the simulation until at least one event has been emitted (an
// internal timer that shows nothing is not a step worth a key press). It
// reports false when nothing is left to happen.
func (r *run) step() bool {
	before := r.feed.events
	for range searchBudget {
		if _, ok := r.s.NextAt(); !ok {
			return false
		}
		r.s.Step()
		if r.feed.events != before {
			return true
		}
	}
	return true
}

// idle says nothing is left to happen.
func (r *run) idle() bool {
	_, ok := r.s.NextAt()
	return !ok
}

// jump runs the simulation, skipping idle time, until the next detection,
// fault or TCP state change, then finishes that instant so that its
// consequences (the narration, the other side's state) are on screen. It
// gives up after searchBudget events or searchHorizon of simulated time,
// and reports whether it found one.
func (r *run) jump() bool {
	before := r.feed.interesting
	limit := r.s.Now() + searchHorizon
	for range searchBudget {
		at, ok := r.s.NextAt()
		if !ok || at > limit {
			return false
		}
		r.s.Step()
		if r.feed.interesting != before {
			r.advance(r.s.Now(), frameBudget)
			return true
		}
	}
	return false
}
