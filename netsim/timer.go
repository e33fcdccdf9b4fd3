package netsim

import "time"

// Timer is one entry of the simulator's event queue: a callback due at a
// virtual time. Timers are cancellable and re-armable; a stopped timer costs
// nothing. Entries with the same deadline fire in the order they were armed
// (their sequence number), never in an order a map or a scheduler chose.
//
// A Timer belongs to one Sim and is created by Sim.NewTimer, or by a
// process (Process.NewTimer, SetTimer, SetTimerTo). It is not safe
// for concurrent use (nothing in the simulator is: it runs on one goroutine).
type Timer struct {
	sim *Sim
	at  time.Duration
	// seq is the sequence number of its live queue entry, 0 while it is
	// stopped (the queue's numbers start at 1): armed is seq != 0.
	seq     uint64
	armedAt time.Duration
	// What firing calls: owner.fire(t) — a function's (funcTimer), a
	// Firer's (firing) or the owner's own — unless proc, the process the
	// timer belongs to, is frozen or dead (Process.fire decides).
	owner timerOwner
	proc  *Process
	// visits is the connection the timer's work is on, if it said so
	// (Visits): the queue asks for its memory ahead of time (prefetch.go).
	visits *Conn
}

// timerOwner is a value that holds its timers as fields of its own (a
// connection its four, a packet on a wire its arrival, an application's
// state through a Firer), and is called when one of them fires; a plain
// function is one too (funcTimer). The timer, its owner and the state the
// owner looks at then lie together in memory, with no closure in
// between: with 100,000 connections, every object an event visits is a
// cache miss.
type timerOwner interface{ fire(t *Timer) }

// funcTimer is the function a timer of NewTimer or SetTimer calls.
type funcTimer func()

func (f funcTimer) fire(*Timer) { f() }

// Firer is what a timer of SetTimerTo calls when it fires: Fire.
type Firer interface{ Fire() }

// firing is a Firer as a timer's owner. Its one field is f, so that a
// pointer F is the interface's data word itself: nothing is allocated,
// and firing reads no object between the timer and f's state.
type firing[F Firer] struct{ f F }

func (x firing[F]) fire(*Timer) { x.f.Fire() }

// NewTimer returns a stopped timer that calls fn when it fires.
func (s *Sim) NewTimer(fn func()) *Timer {
	return &Timer{sim: s, owner: funcTimer(fn)}
}

// ownTimer makes t, a field of owner, a stopped timer that calls
// owner.fire(t) when it fires. t is new or stopped: an entry of its is
// marked stale already (stale.go).
func (s *Sim) ownTimer(t *Timer, owner timerOwner) { *t = Timer{sim: s, owner: owner} }

// Reset arms the timer to fire at virtual time at (not before Now), replacing
// any earlier deadline. Re-arming takes a fresh sequence number, so among
// timers due at the same instant it fires after those armed before it.
func (t *Timer) Reset(at time.Duration) {
	s := t.sim
	if at < s.now {
		at = s.now
	}
	if t.seq == 0 {
		s.queue.armed++
	} else {
		s.queue.markStale(t.seq)
	}
	t.at, t.seq, t.armedAt = at, s.queue.takeSeq(), s.now
	// push, with its fast path inlined: a call less for nearly every arm.
	if n, e := slotOf(at), (entry{at: at, seq: t.seq, t: t}); !s.queue.pushFast(n, e) {
		s.queue.pushSlow(n, e)
	}
}

// armLater arms t, a stopped TCP timer of h's, to fire d from now, as
// h.armTCPTimer would; but it writes neither t nor its entry: both are
// written when the step ends (fileLater), unless the step cancels the
// timer first (cancelLater). A connection arms its delayed ACK so
// (tcp_send_delayed_ack), as a segment's data arrives: the application's
// answer, written in the same step, carries the ACK and cancels it
// (tcp_event_ack_sent), and then neither the connection's line that
// holds the timer nor an entry is touched; a stale entry would be read
// when its slot comes up, a cache line of the connection's that has long
// left the caches. The deadline, the wheel's jiffy arithmetic, waits for
// the filing too (laterDeadline), and a cancelled timer's is never
// computed; the tick of h's wheel, the one thing it depends on that may
// change within the step (Host.tcpDeadline), is read now. The timer
// takes its sequence number now, so the queue's order, (deadline,
// sequence number), is Reset's. Only within a step (Sim.run, Sim.Do):
// the flush that ends it files the entry, and armLater makes sure there
// is one. While the step runs, t reads as stopped: its owner knows it
// armed it (Conn.delackOn).
func (s *Sim) armLater(t *Timer, h *Host, d time.Duration) {
	s.queue.armed++
	s.queue.later = append(s.queue.later, laterArm{t: t, h: h, seq: s.queue.takeSeq(), d: d, tick: h.wheelTick()})
	if len(s.deferred) == 0 {
		s.deferred = append(s.deferred, deferredCall{fn: nothing})
	}
}

// laterArm is a timer armLater armed in the step: its sequence number,
// taken then, and what its deadline is computed from.
type laterArm struct {
	t    *Timer
	h    *Host
	seq  uint64
	d    time.Duration // from the step's time
	tick time.Duration // h.wheelTick() when armed
}

// laterDeadline is when a timer armLater armed in the step for h, d from
// now, fires, tick being h.wheelTick() then: where h.armTCPTimer would
// have armed it, not before now (as Reset's).
func laterDeadline(h *Host, d, tick time.Duration) time.Duration {
	return max(h.tcpDeadline(d, tick), h.sim.now)
}

// cancelLater stops t if armLater armed it in this step and it is not
// filed yet, and reports whether it did.
func (s *Sim) cancelLater(t *Timer) bool {
	q := &s.queue
	for i := len(q.later) - 1; i >= 0; i-- { // the last, nearly always the only one
		if q.later[i].t == t {
			// The list's order is not the queue's: (deadline, sequence
			// number) is, whatever the order entries are filed in.
			n := len(q.later) - 1
			if i != n {
				q.later[i] = q.later[n]
			}
			q.later[n].t = nil // later no longer keeps the timer alive (a host lives as long as its Sim)
			q.later = q.later[:n]
			q.armed--
			return true
		}
	}
	return false
}

// fileLater arms the timers armLater left for the step's end, with the
// deadlines their arms give and the sequence numbers they took, and
// files their entries.
func (s *Sim) fileLater() {
	q := &s.queue
	for i := range q.later {
		a := &q.later[i]
		t, at := a.t, laterDeadline(a.h, a.d, a.tick)
		if t.seq != 0 {
			// Reset armed it again in the step (armLater's callers do
			// not): that entry is no longer its deadline.
			q.markStale(t.seq)
		}
		t.at, t.seq, t.armedAt = at, a.seq, s.now
		q.push(entry{at: at, seq: a.seq, t: t})
		*a = laterArm{} // later no longer keeps the timer and the host alive
	}
	q.later = q.later[:0]
}

// ResetAfter arms the timer to fire d after Now.
func (t *Timer) ResetAfter(d time.Duration) { t.Reset(t.sim.now + d) }

// Stop disarms the timer. It reports whether the timer was armed.
//
// A nil *Timer is a stopped one (Stop and Armed take it), so that an owner
// with many timers, most of them never armed, can make each the first
// time it arms it.
//
// Its queue entry stays where it is, stale, until its deadline comes up (or
// the queue is compacted): a stack stops and re-arms its timers on nearly
// every segment, and this makes stopping O(1).
func (t *Timer) Stop() bool {
	if t == nil || t.seq == 0 {
		return false
	}
	t.sim.queue.markStale(t.seq)
	t.seq = 0
	t.sim.queue.armed--
	return true
}

// Armed reports whether the timer is waiting to fire.
func (t *Timer) Armed() bool { return t != nil && t.seq != 0 }

// Visits says that the timer's work (its function's, or its Firer's) is
// on connection c (nil: on none that the timer knows of). It changes
// nothing the simulation does: when the timer's turn nears, the queue
// asks for c's memory together with that of the other entries due about
// then (prefetch.go), so that with many connections the work does not
// wait for each of c's cache lines in turn.
func (t *Timer) Visits(c *Conn) { t.visits = c }

// Deadline is the virtual time the timer fires at; meaningful only if Armed.
func (t *Timer) Deadline() time.Duration { return t.at }

// ArmedAt is when the timer was last armed: with Deadline, the period a
// countdown shows.
func (t *Timer) ArmedAt() time.Duration { return t.armedAt }
