package lab

import (
	"math"
	"time"

	"github.com/socklab/socklab/lab/i18n"
)

// Budget bounds the work of a session, so that no scenario — a typo in an
// interval, 100,000 clients pinging for a week — can take the machine's
// time or memory. A run beyond it is refused before it starts (Estimate),
// and a session that exceeds it anyway stops between two steps with a
// *BudgetError (Err) instead of running on: never an out-of-memory crash.
type Budget struct {
	// Events is the most events a run may take: the stream's events, and
	// the simulation's steps (timers fired and packets moved), which run
	// even when nobody observes the stream.
	Events uint64
	// What a session may hold at once: live TCP connections, queued
	// timers, bytes in socket buffers (MaxConns, MaxTimers, MaxBuffered
	// unless set).
	Conns, Timers, Buffered int
}

// DefaultEvents is the events of the default budget: 100 million, about a
// minute on a laptop (socklab runs 1 to 3 million events a second with its
// output thrown away) and a few hundred megabytes at most.
const DefaultEvents = 100_000_000

// DefaultBudget is the budget a session has unless told otherwise.
var DefaultBudget = Budget{Events: DefaultEvents, Conns: MaxConns, Timers: MaxTimers, Buffered: MaxBuffered}

// MinBudget and MaxBudget bound what --budget may ask for: at least a
// small lesson's events, at most what a day of a machine's time runs.
const (
	MinBudget = 10_000
	MaxBudget = 100_000_000_000
)

// What a session may hold at once (the default budget's, which --budget
// does not change): enough for every lesson and for 100,000 clients with
// their servers' handlers and a wave of reconnections, far below what
// would exhaust a 2 GB machine.
const (
	// MaxConns bounds the live TCP connections of all hosts (TIME_WAIT
	// included): each costs a few kilobytes.
	MaxConns = 500_000
	// MaxTimers bounds the timers queued in the simulator (cancelled ones
	// that still wait for their deadline included).
	MaxTimers = 5_000_000
	// MaxBuffered bounds the bytes waiting in sockets' buffers (sent and
	// not acknowledged, written and not sent, received and not read).
	MaxBuffered = 256 << 20
)

// checkEvery is how many steps go between two checks of the session's
// connections and timers, and calls of its watchers (the bytes buffered
// are checked after every step).
const checkEvery = 1 << 12

// BudgetError is a run that would exceed, or exceeded, the work budget or
// the memory a session may hold. It renders in the reader's language.
type BudgetError struct {
	Msg i18n.Message
	// App is, for an estimate's refusal (Config.Check), the app whose
	// activity costs most, and Params the settings that drive it
	// ("count=100000", as Term.Params): a file can point at them.
	App    string
	Params []string
}

func (e *BudgetError) Error() string         { return e.Msg.In(i18n.English) }
func (e *BudgetError) In(l i18n.Lang) string { return e.Msg.In(l) }

// Progress is how far a session has run, for its watchers.
type Progress struct {
	Now    time.Duration // simulated time
	Steps  uint64        // simulation steps run
	Events uint64        // events in the stream (when it is observed)
}

// SetBudget sets the session's budget (DefaultBudget unless set); a zero
// field is no limit.
func (s *Session) SetBudget(b Budget) {
	s.budget = b
	s.limits = limitsOf(b, s.tracing)
	s.calmTo = 0 // checkStep sets it at the next step
}

// budgetLimits are a budget's bounds as afterStep compares them: the most
// steps, events and bytes buffered a session may have after a step and go
// on (a budget's zero field, no limit, is the largest value).
type budgetLimits struct {
	work     uint64 // steps (and events)
	events   uint64 // events: work while the stream is observed, else no limit
	buffered int
}

func limitsOf(b Budget, tracing bool) budgetLimits {
	l := budgetLimits{work: b.Events, buffered: b.Buffered}
	if b.Events == 0 {
		l.work = math.MaxUint64
	}
	l.events = l.work
	if !tracing {
		l.events = math.MaxUint64 // eventCount is 0, and calm need not test it
	}
	if b.Buffered <= 0 {
		l.buffered = math.MaxInt
	}
	return l
}

// Budget is the session's budget.
func (s *Session) Budget() Budget { return s.budget }

// Watch registers fn, called between two steps of the simulation every
// few thousand steps, with the session's progress. An error fn returns
// stops the session: Step reports false, RunUntil returns, and Err returns
// the error. This is how a command shows a long run's progress and stops
// it on Ctrl-C while the session itself reads no clock and handles no
// signal.
func (s *Session) Watch(fn func(Progress) error) { s.watchers = append(s.watchers, fn) }

// Err is why the session stopped before its end: its budget, or an error
// of a watcher; nil while it may run.
func (s *Session) Err() error { return s.stopped }

// Progress is how far the session has run.
func (s *Session) Progress() Progress {
	return Progress{Now: s.sim.Now(), Steps: s.sim.Steps(), Events: s.eventCount()}
}

// stop stops the session with err, if it has not stopped already.
func (s *Session) stop(err error) {
	if s.stopped == nil {
		s.stopped = err
	}
}

// afterStep checks, after each step, the events taken and the bytes
// buffered against the budget, and every checkEvery steps the memory held
// and the watchers. It reports whether the session may go on. It runs
// only while the session has not stopped (Step and RunUntil check first).
func (s *Session) afterStep() bool { return s.calm() || s.checkStep() }

// calm reports whether the step just run needs none of afterStep's checks:
// it is not a checkEvery-th step, and it leaves the session within its
// budget. It is a few comparisons, inlined in RunUntil's loop.
func (s *Session) calm() bool {
	return s.sim.Steps() <= s.calmTo && s.sim.Buffered() <= s.limits.buffered &&
		s.events+s.sim.Unwanted()-s.unbuiltBase <= s.limits.events // eventCount, while tracing
}

// calmUntil sets calmTo, the last step calm may pass on its count of
// steps alone, for the steps after steps: the one before the next
// checkEvery-th, or the budget's last. calm is called after each step,
// and a step adds one to the count, so no step between checkStep's
// calls is a checkEvery-th or beyond the budget.
func (s *Session) calmUntil(steps uint64) {
	s.calmTo = min(steps-steps%checkEvery+checkEvery-1, s.limits.work)
}

// checkStep is afterStep's every check.
func (s *Session) checkStep() bool {
	steps := s.sim.Steps()
	if work := max(steps, s.eventCount()); work > s.limits.work {
		s.stop(&BudgetError{Msg: i18n.M(i18n.BudgetExceeded, "Events", work, "Budget", s.budget.Events, "At", s.sim.Now())})
	}
	if b := s.sim.Buffered(); b > s.limits.buffered { // a step may write a lot: every step
		s.overMemory(i18n.BudgetBuffered, b, s.budget.Buffered)
	}
	if steps%checkEvery == 0 {
		s.checkMemory()
		for _, w := range s.watchers {
			if err := w(s.Progress()); err != nil {
				s.stop(err)
			}
		}
	}
	s.calmUntil(steps)
	return s.stopped == nil
}

// checkMemory stops the session when it holds more connections or queued
// timers than it may (each step adds a few at most).
func (s *Session) checkMemory() {
	conns := 0
	for _, h := range s.sim.Hosts() {
		conns += h.ConnCount()
	}
	b := s.budget
	switch {
	case b.Conns > 0 && conns > b.Conns:
		s.overMemory(i18n.BudgetConns, conns, b.Conns)
	case b.Timers > 0 && s.sim.Queued() > b.Timers:
		s.overMemory(i18n.BudgetTimers, s.sim.Queued(), b.Timers)
	}
}

// overMemory stops the session: it holds n of what (at most limit).
func (s *Session) overMemory(what i18n.ID, n, limit int) {
	s.stop(&BudgetError{Msg: i18n.M(i18n.BudgetMemory, "What", i18n.M(what), "N", n, "Max", limit, "At", s.sim.Now())})
}
