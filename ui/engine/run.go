package engine

import (
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/feed"
)

// Run is one life of a scenario: its session and the feed that watches it.
// Restarting the lab replaces the run; seeking back builds a new one.
type Run struct {
	Sc   *scenarios.Scenario
	S    *lab.Session
	Feed *feed.Feed
}

// NewRun builds a fresh session for sc, with the feed observing it from its
// first event, and starts its applications (at simulated time 0) so that the
// first frame shows the servers listening. A replay passes the recording's
// inputs: the session applies each where it was recorded (lab.Session.Replay).
func NewRun(sc *scenarios.Scenario, replay []lab.Input) (*Run, error) {
	// lab.New copies the configuration, so live parameter changes never
	// reach sc: a restart starts from the scenario as written.
	s, err := sc.NewSession()
	if err != nil {
		return nil, err
	}
	if err := s.Replay(replay); err != nil {
		return nil, err
	}
	f := feed.New(sc.Teaches.In(i18n.English))
	s.Observe(f.Observe)
	s.NextAt()
	return &Run{Sc: sc, S: s, Feed: f}, nil
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
		r.S.Step()
	}
	if at, ok := r.S.NextAt(); ok && at <= target {
		return false
	}
	r.S.RunUntil(target)
	return true
}

// Step runs the simulation until at least one event has been emitted (an
// internal timer that shows nothing is not a step worth a key press). It
// reports false when nothing is left to happen.
func (r *Run) Step() bool {
	before := r.Feed.Events
	for range SearchBudget {
		if _, ok := r.S.NextAt(); !ok {
			return false
		}
		r.S.Step()
		if r.Feed.Events != before {
			return true
		}
	}
	return true
}

// Idle says nothing is left to happen.
func (r *Run) Idle() bool {
	_, ok := r.S.NextAt()
	return !ok
}

// Jump runs the simulation, skipping idle time, until the next detection,
// fault or TCP state change, then finishes that instant so that its
// consequences (the narration, the other side's state) are on screen. It
// gives up after SearchBudget events or SearchHorizon of simulated time,
// and reports whether it found one.
func (r *Run) Jump() bool {
	before := r.Feed.Interesting
	limit := r.S.Now() + SearchHorizon
	for range SearchBudget {
		at, ok := r.S.NextAt()
		if !ok || at > limit {
			return false
		}
		r.S.Step()
		if r.Feed.Interesting != before {
			r.Advance(r.S.Now(), FrameBudget)
			return true
		}
	}
	return false
}
