package netsim

import (
	"math/rand/v2"
	"time"
)

// Sim is one simulated world: a virtual clock, the event queue, the seeded
// random source, the topology (hosts, middleboxes, links) and the observers
// of its event stream.
//
// Nothing in a Sim reads the wall clock or starts a goroutine. Time moves only
// when the caller runs the queue (Step, RunUntil, RunFor), and it jumps
// straight to the next deadline, so two simulated hours of idle keepalive cost
// a handful of steps.
type Sim struct {
	now time.Duration
	// notRunning counts the processes that do not run (frozen or dead):
	// while it is 0, a process's timer and a connection's notice need not
	// read the process's state (Process.fire, Conn.deliver).
	notRunning int
	queue      queue
	steps      uint64
	rng        *rand.Rand
	seed       uint64

	observers   []func(Event)
	wanted      Kinds            // the kinds some observer has built (ObserveKinds)
	counted     [numKinds]uint64 // events of each of netsim's kinds, built or not (Counted)
	unwanted    uint64           // events of kinds no observer asked for when raised (Unwanted)
	keeps       bool             // an observer keeps events: each is a value of its own
	emitting    int              // events being handed out (an observer may emit another)
	traceTimers bool
	// The frequent events, built in place while they are lent
	// (EventsOnLoan).
	segmentEvent SegmentEvent
	stateEvent   StateEvent
	timerEvent   TimerEvent

	// deferred holds application notifications raised while the stack was
	// in the middle of processing; they run after the current step, in
	// order, so that a model reacting to one never re-enters the stack.
	deferred []deferredCall
	flushing bool

	nodes       []node
	nodeNames   []string // the nodes' names, by number (nodeBase.num) from 1: no interface call
	hosts       []*Host
	middleboxes []*Middlebox
	links       []*Link
	byName      map[string]node
	byIP        map[[4]byte]node
	named       [2]namedAddr // NodeName's last two answers
	partitions  []partition

	buffered int // bytes in the buffers of connections in their hosts' tables (Buffered)

	nextSegID   uint64
	arriving    uint64 // the ID of the packet a host is handling, 0 outside
	freeFlights []*inFlight
	freePackets []*Packet

	// msgNames are the application's message names the run has seen, by
	// number (Packet.msg), from 1; msgIDs finds a name's number, and
	// msgRecent holds the last two found ("" and 0 until then: the empty
	// name is 0).
	msgNames  []string
	msgIDs    map[string]uint16
	msgRecent [2]msgEntry
}

// New returns an empty world whose every random draw comes from seed.
func New(seed uint64) *Sim {
	return &Sim{
		seed:   seed,
		rng:    rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		byName: make(map[string]node),
		byIP:   make(map[[4]byte]node),
	}
}

// Now is the current virtual time, counted from the start of the run.
func (s *Sim) Now() time.Duration { return s.now }

// Seed is the seed the world was created with.
func (s *Sim) Seed() uint64 { return s.seed }

// Rand is the run's only random source. Models above netsim draw from it
// too, so that one seed fixes every choice in the run.
func (s *Sim) Rand() *rand.Rand { return s.rng }

// Steps counts the queue entries run so far (timers fired and packets
// moved): the simulator's unit of work, used by benchmarks.
func (s *Sim) Steps() uint64 { return s.steps }

// Pending is the number of armed timers in the queue.
func (s *Sim) Pending() int { return s.queue.armed }

// Queued is the number of entries in the queue: the armed timers, and
// the cancelled ones still waiting for their deadline or a compaction
// (they hold memory all the same).
func (s *Sim) Queued() int {
	if len(s.queue.later) > 0 {
		s.fileLater()
	}
	return s.queue.size()
}

// Buffered is the bytes the TCP connections of every host hold in their
// buffers: written and not acknowledged, received and not read. A
// connection that has left its host (closed, reset, its host powered off)
// no longer counts.
func (s *Sim) Buffered() int { return s.buffered }

// NextAt reports the deadline of the earliest armed timer.
func (s *Sim) NextAt() (time.Duration, bool) {
	if len(s.queue.later) > 0 {
		s.fileLater()
	}
	e := s.queue.next()
	if e == nil {
		return 0, false
	}
	return e.at, true
}

// Step runs the earliest timer, then every application notification it
// raised. It reports false when the queue is empty.
func (s *Sim) Step() bool {
	t := s.queue.popDue(maxDuration)
	if t == nil {
		return false
	}
	s.run(t)
	return true
}

// StepUntil runs the earliest timer if it is due at or before t, then
// every application notification it raised, and reports whether it ran
// one (the clock stays where it is when none is due): Step with a bound,
// for a loop that runs to t one step at a time, in one call where NextAt
// and Step would look at the queue twice.
func (s *Sim) StepUntil(t time.Duration) bool {
	tm := s.queue.popDue(t)
	if tm == nil {
		return false
	}
	s.run(tm)
	return true
}

// maxDuration is the latest virtual time: no deadline is after it.
const maxDuration = time.Duration(1<<63 - 1)

// RunUntil runs every timer due at or before t, then sets the clock to t.
func (s *Sim) RunUntil(t time.Duration) {
	for {
		tm := s.queue.popDue(t)
		if tm == nil {
			break
		}
		s.run(tm)
	}
	if t > s.now {
		s.now = t
	}
}

// run fires t, just taken from the queue, then runs the notifications it
// raised.
func (s *Sim) run(t *Timer) {
	t.seq = 0 // stopped
	s.queue.armed--
	s.now = t.at
	s.steps++
	if s.notRunning != 0 && t.proc != nil { // some process is frozen or dead: is t's? (its state is a line of its own)
		t.proc.fire(t)
	} else {
		t.owner.fire(t)
	}
	if len(s.deferred) > 0 {
		s.flush()
	}
}

// AdvanceClock moves the clock to t without running anything; it refuses
// (false) if a timer is due before t or t is in the past. Replaying a live
// input at exactly the point it was applied uses it.
func (s *Sim) AdvanceClock(t time.Duration) bool {
	if at, ok := s.NextAt(); t < s.now || (ok && at < t) {
		return false
	}
	s.now = t
	return true
}

// RunFor advances the clock by d, running what falls due.
func (s *Sim) RunFor(d time.Duration) { s.RunUntil(s.now + d) }

// deferredCall is one notification waiting for the end of the step: a
// connection's notice, or a function, run on behalf of a process (and held
// or dropped if the process is frozen or dead by then).
type deferredCall struct {
	proc   *Process
	fn     func()
	conn   *Conn
	notice Notice
}

// Defer queues fn to run at the current instant, after the step in
// progress. Models use it to act "now" without re-entering the stack.
func (s *Sim) Defer(fn func()) { s.deferred = append(s.deferred, deferredCall{fn: fn}) }

// Do runs fn as a step of its own at the current instant: a live input (a
// fault, a parameter change) enters through here so that the notifications
// it causes are delivered the same way as those of any other step.
func (s *Sim) Do(fn func()) {
	fn()
	if !s.flushing && len(s.deferred) > 0 {
		s.flush()
	}
}

// flush runs the deferred notifications, those they defer in turn
// included. A notification that calls Do adds to the same list.
func (s *Sim) flush() {
	s.flushing = true // no defer: nothing in socklab recovers from a panic
	for i := 0; i < len(s.deferred); i++ {
		d := s.deferred[i]
		s.deferred[i] = deferredCall{}
		switch {
		case d.conn != nil:
			d.conn.deliver(d.notice)
		case d.proc != nil:
			d.proc.run(d.fn)
		default:
			d.fn()
		}
	}
	s.deferred = s.deferred[:0]
	s.flushing = false
	if len(s.queue.later) > 0 {
		s.fileLater() // the step is over: the timers armLater armed and nothing cancelled
	}
}

// nothing is the deferred call armLater adds when there is none, so
// that the step ends with a flush, which files the queue's later entries.
func nothing() {}

// uniform returns a uniformly distributed duration in [lo, hi].
func (s *Sim) uniform(lo, hi time.Duration) time.Duration {
	if hi <= lo {
		return lo
	}
	return lo + time.Duration(s.rng.Int64N(int64(hi-lo)+1))
}

// chance reports true with probability p.
func (s *Sim) chance(p float64) bool {
	if p <= 0 {
		return false
	}
	if p >= 1 {
		return true
	}
	return s.rng.Float64() < p
}
