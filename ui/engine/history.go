package engine

import (
	"time"

	"github.com/socklab/socklab/lab"
)

// Position is a point of a run between two of its steps: how many steps
// its simulation has run, how many live inputs its session has applied,
// and its clock. Two runs of the same scenario and inputs pass through the
// same positions, with the same screens: going back is running a fresh
// one to an earlier position.
type Position struct {
	Steps  uint64
	Inputs int
	At     time.Duration
}

// Before orders positions.
func (p Position) Before(q Position) bool {
	switch {
	case p.Steps != q.Steps:
		return p.Steps < q.Steps
	case p.Inputs != q.Inputs:
		return p.Inputs < q.Inputs
	}
	return p.At < q.At
}

// stop is a step of a run that showed something: where the run stood
// before it, when it ran, and whether it is a change a jump stops at (a
// detection, a fault, a TCP state change).
type stop struct {
	before, after Position
	at            time.Duration
	interesting   bool
}

// maxStops bounds a run's memory of its steps: beyond it the oldest half
// is forgotten, and going back stops at the oldest one kept.
const maxStops = 1 << 17

// Position is where the run stands now.
func (r *Run) Position() Position {
	return Position{Steps: r.S.Sim().Steps(), Inputs: len(r.S.Inputs()), At: r.S.Now()}
}

// note remembers a step that showed something (events is the feed's count
// before it).
func (r *Run) note(before Position, at time.Duration, events uint64, interesting bool) {
	if r.Feed.Events == events {
		return
	}
	if len(r.stops) >= maxStops {
		r.stops = append(r.stops[:0], r.stops[maxStops/2:]...)
	}
	r.stops = append(r.stops, stop{before: before, after: r.Position(), at: at, interesting: interesting})
}

// Apply takes a live action now (lab.Session.Apply), remembered as a step
// that changed something.
func (r *Run) Apply(a lab.Action) error {
	before, ev := r.Position(), r.Feed.Events
	if err := r.S.Apply(a); err != nil {
		return err
	}
	r.note(before, before.At, ev, true)
	return nil
}

// BackOne is the position just before the last step that showed something
// before now: where the screen was one event ago. ok is false at the
// start.
func (r *Run) BackOne() (Position, bool) {
	now := r.Position()
	for i := len(r.stops) - 1; i >= 0; i-- {
		if r.stops[i].before.Before(now) {
			return r.stops[i].before, true
		}
	}
	return Position{}, false
}

// BackToChange is the position just after the instant of the last change
// (a detection, a fault, a TCP state change) that came before the current
// instant — the mirror of Jump, which stops just after the next one: after
// the last step of that instant that showed something. ok is false when no
// change came before.
func (r *Run) BackToChange() (Position, bool) {
	now := r.S.Now()
	for i := len(r.stops) - 1; i >= 0; i-- {
		s := r.stops[i]
		if !s.interesting || s.at >= now {
			continue
		}
		for i+1 < len(r.stops) && r.stops[i+1].at == s.at {
			i++
		}
		return r.stops[i].after, true
	}
	return Position{}, false
}

// AdvanceTo runs the simulation to position p exactly, but at most budget
// steps; it reports whether it got there. The run must not be past p.
func (r *Run) AdvanceTo(p Position, budget int) bool {
	for range budget {
		cur := r.Position()
		if cur.Steps >= p.Steps && cur.Inputs >= p.Inputs {
			break
		}
		at, ok := r.S.NextAt()
		if !ok {
			break
		}
		r.step(at)
	}
	cur := r.Position()
	if cur.Steps < p.Steps || cur.Inputs < p.Inputs {
		return false
	}
	r.judgeBefore(p.At)
	r.S.Sim().AdvanceClock(p.At)
	return true
}
