package netsim

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// entries is every entry the queue holds, wherever it is.
func (q *queue) entries() []entry {
	es := slices.Clone(q.now[q.at:])
	es = append(es, q.near...)
	es = append(es, q.far...)
	for i := range q.ring {
		for k := q.ring[i].head; k != nil; k = k.next {
			es = append(es, k.es[:k.n]...)
		}
	}
	return es
}

// checkStaleMarks fails t unless every entry's stale bit says what its
// timer says: live if and only if the timer's number is still the
// entry's.
func checkStaleMarks(t *testing.T, s *Sim, when string) {
	t.Helper()
	q := &s.queue
	for _, e := range q.entries() {
		if got, want := q.live(&e), e.t.seq == e.seq; got != want {
			t.Fatalf("%s: entry %d (at %v, floor %d, seq %d): live by its mark %v, by its timer %v",
				when, e.seq, e.at, q.floor, q.seq, got, want)
		}
	}
}

// TestStaleMarks: whatever a run does to its timers — arms them, re-arms
// them before and after they fire, stops them, arms them within a step
// to be filed at its end or cancelled there, into the current slot, the
// ring or beyond it — each entry's stale mark tells what its timer
// tells, so the queue's choice of what to fire is the same.
func TestStaleMarks(t *testing.T) {
	s := New(1)
	h := exactHost(t, s)
	rng := rand.New(rand.NewPCG(3, 4))
	timers := make([]*Timer, 64)
	fired := make([]int, len(timers))
	for i := range timers {
		timers[i] = s.NewTimer(func() { fired[i]++ })
	}
	delay := func() time.Duration {
		switch rng.IntN(4) {
		case 0:
			return time.Duration(rng.IntN(1 << slotShift)) // the current slot
		case 1:
			return time.Duration(rng.IntN(slotCount)) << slotShift // the ring
		case 2:
			return time.Duration(slotCount+rng.IntN(slotCount)) << slotShift // beyond it
		}
		return 0
	}
	for step := range 20_000 {
		tm := timers[rng.IntN(len(timers))]
		switch rng.IntN(6) {
		case 0, 1:
			tm.Reset(s.Now() + delay())
		case 2:
			tm.Stop()
		case 3:
			s.Do(func() {
				if !tm.Armed() {
					s.armLater(tm, h, delay())
					switch rng.IntN(3) {
					case 0:
						s.cancelLater(tm)
					case 1:
						tm.Reset(s.Now() + delay()) // the step's end files the earlier arm over it
					}
				}
			})
		default:
			s.Step()
		}
		if step%97 == 0 {
			checkStaleMarks(t, s, "after a step")
		}
	}
	checkStaleMarks(t, s, "at the end")
}

// TestStaleMarksRoundTheWindow: as the numbering comes round the ring of
// bits, an entry numbered before the window's floor is told by its timer,
// and the bits of numbers that left the window do not mark those that
// take their place.
func TestStaleMarksRoundTheWindow(t *testing.T) {
	s := New(1)
	var fired []string
	timer := func(name string) *Timer { return s.NewTimer(func() { fired = append(fired, name) }) }
	far := time.Duration(slotCount+10) << slotShift // beyond the ring
	early, stopped := timer("early"), timer("stopped")
	early.Reset(far)
	for range 600 { // bits set in the words the numbers after the turn take
		stopped.Reset(far)
		stopped.Stop()
	}
	// Jump the numbering to just before its first turn: the words in between
	// were never written.
	s.queue.seq = staleWindow - 100
	busy := timer("busy")
	for s.queue.seq < staleWindow+500 {
		busy.Reset(time.Millisecond)
		if s.queue.seq%3 == 0 {
			busy.Stop() // sets bits on both sides of the turn
		}
		checkStaleMarks(t, s, "round the turn")
	}
	busy.Reset(time.Millisecond)
	if s.queue.floor != 64*8 {
		t.Fatalf("after number %d the floor is %d, want %d", s.queue.seq, s.queue.floor, 64*8)
	}
	checkStaleMarks(t, s, "past the turn")
	s.RunUntil(far)
	if want := []string{"busy", "early"}; !slices.Equal(fired, want) {
		t.Errorf("fired %v, want %v", fired, want)
	}
}
