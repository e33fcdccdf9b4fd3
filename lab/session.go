package lab

import (
	"fmt"
	"net/netip"
	"slices"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// Session is a running lab: the simulated world built from a Config, the
// applications on it, and everything the interface, the headless runner and
// the tests need: stepping, live inputs, a snapshot for display and the
// event stream.
//
// A Session is deterministic: the same Config (seed included) and the same
// live inputs at the same simulated times give the same events.
type Session struct {
	cfg       Config
	sim       *netsim.Sim
	observers []observer
	tracing   bool
	// appSkipped counts the observers with no use for app events
	// (ObserveKinds); when all of them are, app events are counted and
	// never built (appEvents, appEvent).
	appSkipped int
	appEvents  appMode
	// built is the kinds of netsim's events the session has the
	// simulator build: what its observers and dispatch need. The others
	// are counted (eventCount): the simulator's count of events nobody
	// asked for (Sim.Unwanted: the session is its simulator's only
	// observer) was unbuiltBase when built last changed; events holds the
	// count of those before.
	built       netsim.Kinds
	unbuiltBase uint64
	// filter: some observer is not to be handed every kind built.
	filter  bool
	appEv   AppEvent // the app event, built in place while events are lent
	scratch []byte   // the frame being written (frame), beyond smallFrame bytes
	// small is the frame being written of at most smallFrame bytes (a
	// heartbeat's): an array, which frame fills with no test of its
	// capacity and no bounds check.
	small [smallFrame]byte
	// traceStates: client state changes are events too (TraceStates).
	traceStates bool

	apps    []appRuntime
	byName  map[string]appRuntime
	inputs  []Input
	pending []Input // recorded inputs still to replay
	totals  Counters
	started bool

	budget   Budget
	limits   budgetLimits // budget's, as afterStep compares them
	calmTo   uint64       // the last step calm passes on its count (calmUntil); 0 until checkStep
	watchers []func(Progress) error
	events   uint64 // events dispatched to the observers, or counted (eventCount)
	stopped  error  // why the session stopped before its end (Err)
	facts    facts  // faults and detections, with their times: the snapshot's truth
	// orphans are the sockets the apps closed that linger unacknowledged
	// (closeConn), while someone observes: their give-up is narrated.
	orphans map[orphanKey]*netsim.Conn
}

// appRuntime is a running application model.
type appRuntime interface {
	name() string
	config() *AppConfig
	start()
	// reconfigure applies a live parameter change to running sockets and
	// timers.
	reconfigure()
	view(now time.Duration, snap *Snapshot)
}

// Input is a live input: an action taken while the lab runs, at a
// simulated time and after a number of simulation steps. Replaying the
// inputs at the same step replays the run exactly, even when several
// things happen at the same instant.
type Input struct {
	At     time.Duration
	Step   uint64
	Action Action
}

// Counters are the run's running totals.
type Counters struct {
	Heartbeats     uint64 // pings sent
	HeartbeatAcks  uint64 // answers sent
	HeartbeatBytes uint64 // bytes of pings and answers, framing included
	Detections     uint64
	Reconnects     uint64 // reconnect attempts begun
	Connects       uint64 // connections established by clients
}

// New builds the world described by cfg (defaults applied, validated) and
// schedules its timeline. Nothing runs until the caller steps it.
func New(cfg Config) (*Session, error) {
	cfg = cfg.Clone()
	if err := cfg.ApplyDefaults(); err != nil {
		return nil, err
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	s := &Session{cfg: cfg, sim: netsim.New(cfg.Seed), byName: map[string]appRuntime{}}
	s.SetBudget(DefaultBudget)
	if err := s.build(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Session) build() error {
	for _, h := range s.cfg.Hosts {
		prof, err := hostProfile(h)
		if err != nil {
			return err
		}
		if _, err := s.sim.AddHost(h.Name, h.IP, prof); err != nil {
			return subfieldErr("hosts."+h.Name, err)
		}
	}
	for _, m := range s.cfg.Middleboxes {
		mc, err := m.netsim()
		if err != nil {
			return err
		}
		if _, err := s.sim.AddMiddlebox(m.Name, mc); err != nil {
			return subfieldErr("middleboxes."+m.Name, err)
		}
	}
	for i, l := range s.cfg.Links {
		if _, err := s.sim.AddLink(l.A, l.B, l.netsim()); err != nil {
			return subfieldErr(fmt.Sprintf("links[%d]", i), err)
		}
	}
	for i := range s.cfg.Apps {
		a := &s.cfg.Apps[i]
		var rt appRuntime
		switch a.Kind {
		case KindServer, KindFeed:
			rt = newServer(s, a)
		case KindClient, KindPoller:
			rt = newClientGroup(s, a)
		case KindScript:
			rt = newScriptGroup(s, a)
		}
		s.apps = append(s.apps, rt)
		s.byName[a.Name] = rt
	}
	for i, t := range s.cfg.Timeline {
		if err := s.checkAction(t.Action); err != nil {
			return timelineErr(i, err)
		}
	}
	return nil
}

// Sim is the simulated world, for inspection (tests, the interface). Its
// events are observed through the session (Observe, ObserveKinds), which
// counts those nobody asked for as the simulator's only observer.
func (s *Session) Sim() *netsim.Sim { return s.sim }

// Config is the configuration the session runs, defaults applied. Live
// parameter changes update it.
func (s *Session) Config() *Config { return &s.cfg }

// Now is the simulated time.
func (s *Session) Now() time.Duration { return s.sim.Now() }

// Inputs are the live inputs applied so far, in order.
func (s *Session) Inputs() []Input { return slices.Clone(s.inputs) }

// Totals are the running counters.
func (s *Session) Totals() Counters { return s.totals }

// emit sends a lab event into the stream (when anyone listens).
func (s *Session) emit(e netsim.Event) {
	if s.tracing {
		s.sim.Emit(e)
	}
}

func (s *Session) narrate(m i18n.Message) {
	if s.tracing && !m.IsZero() {
		s.sim.Emit(Narration(s.sim.Now(), m))
	}
}

// start launches the applications and schedules the timeline; the first
// step does it, so that observers registered after New see it all.
func (s *Session) start() {
	if s.started {
		return
	}
	s.started = true
	s.sim.Do(func() {
		for _, a := range s.apps {
			a.start()
		}
	})
	for _, t := range s.cfg.Timeline {
		act := t.Action
		s.sim.NewTimer(func() { s.perform(act) }).Reset(t.At)
	}
}

// Step runs the next event of the simulation (or the next replayed input).
// It reports false when nothing is left to happen, or when the session has
// stopped (Err).
func (s *Session) Step() bool {
	s.start()
	if s.stopped != nil {
		return false
	}
	if s.replayDue(s.sim.Now() + 1<<62) {
		return true
	}
	return s.sim.Step() && s.afterStep()
}

// RunUntil runs the simulation to simulated time t, replaying recorded
// inputs where they fall. If the session stops on the way (Err), the
// clock stays at its last step.
func (s *Session) RunUntil(t time.Duration) {
	s.start()
	if s.stopped != nil {
		return
	}
	for len(s.pending) > 0 { // replaying
		if s.replayDue(t) {
			continue
		}
		if !s.sim.StepUntil(t) {
			s.sim.RunUntil(t)
			return
		}
		if !s.calm() && !s.checkStep() {
			return // stopped (only checkStep stops a session): the clock stays at its last step
		}
	}
	// No recorded input is left, and none comes while the loop runs. (The
	// simulator in a local: a step's call neither reloads nor checks it.)
	for sim := s.sim; sim.StepUntil(t); {
		if !s.calm() && !s.checkStep() {
			return
		}
	}
	s.sim.RunUntil(t)
}

// Replay queues recorded inputs: each is applied when the simulation has
// run as many steps as when it was recorded, at its recorded time. It
// checks them first: an action this lab cannot take, or inputs out of
// order, is an error naming the input.
func (s *Session) Replay(inputs []Input) error {
	last := Input{}
	if n := len(s.pending); n > 0 {
		last = s.pending[n-1]
	}
	for i, in := range inputs {
		if err := s.checkAction(in.Action); err != nil {
			return i18n.NewError(i18n.ActionInput, "Index", i+1, "Err", err)
		}
		if in.At < last.At || in.Step < last.Step {
			return i18n.NewError(i18n.ActionInputTooEarly, "Index", i+1, "At", in.At.String(), "Step", in.Step)
		}
		last = in
	}
	s.pending = append(s.pending, inputs...)
	return nil
}

// DropReplay forgets the recorded inputs that Replay queued and that have
// not been applied yet, so that from now on the session runs on live inputs
// alone (the interface's "branch" from a replay). Inputs already replayed
// stay in Inputs. It returns how many were dropped.
func (s *Session) DropReplay() int {
	n := len(s.pending)
	s.pending = nil
	return n
}

// replayDue applies the next recorded input if it falls now (by step
// count) and no later than limit.
func (s *Session) replayDue(limit time.Duration) bool {
	if len(s.pending) == 0 {
		return false
	}
	in := s.pending[0]
	if in.Step != s.sim.Steps() || in.At > limit || !s.sim.AdvanceClock(in.At) {
		return false
	}
	s.pending = s.pending[1:]
	if err := s.Apply(in.Action); err != nil {
		panic("lab: a recorded input fails on replay: " + err.Error())
	}
	return true
}

// RunFor runs the simulation for d of simulated time.
func (s *Session) RunFor(d time.Duration) { s.RunUntil(s.Now() + d) }

// NextAt is the time of the next thing that will happen.
func (s *Session) NextAt() (time.Duration, bool) {
	s.start()
	return s.sim.NextAt()
}

// Apply takes a live action now and records it as an input.
func (s *Session) Apply(a Action) error {
	s.start()
	if err := s.checkAction(a); err != nil {
		return err
	}
	s.inputs = append(s.inputs, Input{At: s.Now(), Step: s.sim.Steps(), Action: a})
	s.sim.Do(func() { s.perform(a) })
	return nil
}

// host returns the host called name (it exists: configurations are
// validated).
func (s *Session) host(name string) *netsim.Host { return s.sim.Host(name) }

// addrOf is the address a client connecting to target (a host or a NAT)
// uses.
func (s *Session) addrOf(target string, port uint16) netip.AddrPort {
	if h := s.sim.Host(target); h != nil {
		return netip.AddrPortFrom(h.Addr(), port)
	}
	if m := s.sim.Middlebox(target); m != nil {
		return netip.AddrPortFrom(m.Config().PublicIP, port)
	}
	return netip.AddrPort{}
}
