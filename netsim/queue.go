package netsim

import "time"

// Timer is one entry of the simulator's event queue: a callback due at a
// virtual time. Timers are cancellable and re-armable; a stopped timer costs
// nothing. Entries with the same deadline fire in the order they were armed
// (their sequence number), never in an order a map or a scheduler chose.
//
// A Timer belongs to one Sim and is created by Sim.NewTimer. It is not safe
// for concurrent use (nothing in the simulator is: it runs on one goroutine).
type Timer struct {
	sim     *Sim
	at      time.Duration
	armedAt time.Duration
	seq     uint64
	index   int  // position in the heap; -1 when not in it
	stopped bool // in the heap but cancelled: skipped when it comes up
	fn      func()
}

// NewTimer returns a stopped timer that calls fn when it fires.
func (s *Sim) NewTimer(fn func()) *Timer {
	return &Timer{sim: s, index: -1, fn: fn}
}

// Reset arms the timer to fire at virtual time at (not before Now), replacing
// any earlier deadline. Re-arming takes a fresh sequence number, so among
// timers due at the same instant it fires after those armed before it.
func (t *Timer) Reset(at time.Duration) {
	s := t.sim
	if at < s.now {
		at = s.now
	}
	t.at = at
	t.armedAt = s.now
	s.seq++
	t.seq = s.seq
	if t.index >= 0 {
		if t.stopped {
			t.stopped = false
			s.stale--
		}
		s.queue[t.index].at, s.queue[t.index].seq = at, t.seq
		s.queue.fix(t.index)
		return
	}
	s.queue.push(t)
}

// ResetAfter arms the timer to fire d after Now.
func (t *Timer) ResetAfter(d time.Duration) { t.Reset(t.sim.now + d) }

// Stop disarms the timer. It reports whether the timer was armed.
//
// The entry stays in the heap, marked, until its deadline comes up or the
// timer is armed again: a stack stops and re-arms its timers on nearly
// every segment, and this makes stopping O(1) and re-arming a sift in
// place.
func (t *Timer) Stop() bool {
	if t.index < 0 || t.stopped {
		return false
	}
	t.stopped = true
	t.sim.stale++
	return true
}

// Armed reports whether the timer is waiting to fire.
func (t *Timer) Armed() bool { return t.index >= 0 && !t.stopped }

// Deadline is the virtual time the timer fires at; meaningful only if Armed.
func (t *Timer) Deadline() time.Duration { return t.at }

// ArmedAt is when the timer was last armed: with Deadline, the period a
// countdown shows.
func (t *Timer) ArmedAt() time.Duration { return t.armedAt }

// queue is a 4-ary min-heap of timers ordered by (deadline, sequence). It
// is hand-written rather than container/heap to avoid interface calls on the
// hottest path of the simulator; 4-ary because a run holds tens of
// thousands of timers and a shallower tree touches fewer cache lines per
// sift; and it keeps each entry's key beside its pointer, so that comparing
// two entries reads the array, not two timers elsewhere in memory.
type queue []entry

type entry struct {
	at  time.Duration
	seq uint64
	t   *Timer
}

func (q queue) less(i, j int) bool {
	if q[i].at != q[j].at {
		return q[i].at < q[j].at
	}
	return q[i].seq < q[j].seq
}

func (q queue) swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].t.index = i
	q[j].t.index = j
}

func (q *queue) push(t *Timer) {
	t.index = len(*q)
	*q = append(*q, entry{at: t.at, seq: t.seq, t: t})
	q.up(t.index)
}

// pop removes and returns the earliest timer; the queue must not be empty.
func (q *queue) pop() *Timer {
	return q.remove(0)
}

// dropStale pops cancelled timers off the top of the queue.
func (s *Sim) dropStale() {
	for len(s.queue) > 0 && s.queue[0].t.stopped {
		t := s.queue.pop()
		t.stopped = false
		s.stale--
	}
}

func (q *queue) remove(i int) *Timer {
	old := *q
	n := len(old) - 1
	t := old[i].t
	if i != n {
		old.swap(i, n)
	}
	old[n] = entry{}
	*q = old[:n]
	if i != n {
		q.fix(i)
	}
	t.index = -1
	return t
}

// fix restores the heap after the entry at i changed its key.
func (q queue) fix(i int) {
	if !q.down(i) {
		q.up(i)
	}
}

func (q queue) up(j int) {
	for j > 0 {
		i := (j - 1) / 4
		if !q.less(j, i) {
			break
		}
		q.swap(i, j)
		j = i
	}
}

func (q queue) down(i0 int) bool {
	i, n := i0, len(q)
	for {
		first := 4*i + 1
		if first >= n {
			break
		}
		j := first
		for c := first + 1; c < first+4 && c < n; c++ {
			if q.less(c, j) {
				j = c
			}
		}
		if !q.less(j, i) {
			break
		}
		q.swap(i, j)
		i = j
	}
	return i > i0
}
