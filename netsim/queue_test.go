package netsim

import (
	"math/rand/v2"
	"testing"
	"time"
)

// The queue fires timers in (deadline, sequence number) order, whatever
// the deadlines: the same instant, within one slot of the wheel, across
// slots, beyond the wheel's reach (hours), after the clock was moved
// ahead, with timers stopped and re-armed at random and enough stale
// entries to force compactions. A plain model (orderModel) says which
// timer must fire next; every firing is checked against it.
func TestQueueOrder(t *testing.T) {
	for seed := range uint64(8) {
		testQueueOrder(t, seed)
	}
}

func testQueueOrder(t *testing.T, seed uint64) {
	const timers, firings = 300, 20_000
	rng := rand.New(rand.NewPCG(seed, 1))
	s := New(seed)
	want := newOrderModel(timers)
	var (
		ts      [timers]*Timer
		fired   int
		failure string
	)
	delay := func() time.Duration {
		switch rng.IntN(8) {
		case 0:
			return 0 // now: after everything due now
		case 1:
			return time.Duration(rng.IntN(300)) * time.Microsecond // within a slot or the next
		case 2:
			return time.Duration(rng.IntN(50)) * time.Millisecond
		case 3:
			return time.Duration(rng.IntN(1500)) * time.Millisecond // up to past the wheel's reach
		case 4:
			return time.Duration(rng.IntN(3)) * time.Hour // far
		default:
			return time.Duration(rng.IntN(2000)) * time.Microsecond
		}
	}
	reset := func(i int) {
		at := s.Now() + delay()
		want.arm(i, at)
		ts[i].Reset(at)
	}
	stop := func(i int) {
		if ts[i].Stop() != want.stop(i) {
			failure = "Stop reported the wrong state"
		}
	}
	for i := range ts {
		ts[i] = s.NewTimer(func() {
			if failure != "" {
				return
			}
			if failure = want.fire(i, s.Now()); failure != "" {
				return
			}
			fired++
			// Re-arm a few timers, stop some, as a busy stack does.
			for range rng.IntN(4) {
				switch j := rng.IntN(timers); rng.IntN(3) {
				case 0:
					stop(j)
				default:
					reset(j)
				}
			}
		})
	}
	for i := range ts {
		reset(i)
	}
	for fired < firings && failure == "" {
		if rng.IntN(200) == 0 {
			// Move the clock ahead to a point no timer is due before,
			// as replaying a live input does.
			if at, ok := s.NextAt(); ok && at > s.Now() {
				if !s.AdvanceClock(s.Now() + (at-s.Now())/2) {
					t.Fatalf("seed %d: AdvanceClock refused a point before the next deadline", seed)
				}
				reset(rng.IntN(timers)) // may land before the slot the queue looked at
			}
		}
		armed := want.armed()
		if s.Pending() != armed {
			t.Fatalf("seed %d: Pending() = %d, want %d", seed, s.Pending(), armed)
		}
		if !s.Step() {
			if armed > 0 {
				t.Fatalf("seed %d: the queue is empty with %d timers armed", seed, armed)
			}
			reset(rng.IntN(timers))
		}
	}
	if failure != "" {
		t.Fatalf("seed %d, firing %d: %s", seed, fired, failure)
	}
}
