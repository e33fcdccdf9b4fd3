package lab

import (
	"fmt"
	"net/netip"
	"slices"
	"time"

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
	observers []func(netsim.Event)
	tracing   bool

	apps    []appRuntime
	byName  map[string]appRuntime
	inputs  []Input
	totals  Counters
	started bool
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
// simulated time. Replaying the inputs replays the run.
type Input struct {
	At     time.Duration
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
	if err := cfg.ApplyDefaults(); err != nil {
		return nil, err
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	s := &Session{cfg: cfg, sim: netsim.New(cfg.Seed), byName: map[string]appRuntime{}}
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
			return fieldErr("hosts."+h.Name, "%v", err)
		}
	}
	for _, m := range s.cfg.Middleboxes {
		mc, err := m.netsim()
		if err != nil {
			return err
		}
		if _, err := s.sim.AddMiddlebox(m.Name, mc); err != nil {
			return fieldErr("middleboxes."+m.Name, "%v", err)
		}
	}
	for i, l := range s.cfg.Links {
		if _, err := s.sim.AddLink(l.A, l.B, l.netsim()); err != nil {
			return fieldErr(fmt.Sprintf("links[%d]", i), "%v", err)
		}
	}
	for i := range s.cfg.Apps {
		a := &s.cfg.Apps[i]
		var rt appRuntime
		var err error
		switch a.Kind {
		case KindServer, KindFeed:
			rt, err = newServer(s, a)
		case KindClient, KindPoller:
			rt, err = newClientGroup(s, a)
		}
		if err != nil {
			return err
		}
		s.apps = append(s.apps, rt)
		s.byName[a.Name] = rt
	}
	for i, t := range s.cfg.Timeline {
		if err := s.checkAction(t.Action); err != nil {
			return fieldErr(fmt.Sprintf("timeline[%d]", i), "%v", err)
		}
	}
	return nil
}

// Sim is the simulated world, for inspection (tests, the interface).
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

// Observe registers fn to receive every event of the run, in order. Call it
// before the run starts to see all of them.
func (s *Session) Observe(fn func(netsim.Event)) {
	s.observers = append(s.observers, fn)
	if !s.tracing {
		s.tracing = true
		s.sim.Observe(s.dispatch)
	}
}

// dispatch hands a netsim or lab event to the observers, then adds the
// narration a change of the world deserves.
func (s *Session) dispatch(e netsim.Event) {
	for _, o := range s.observers {
		o(e)
	}
	if f, ok := e.(*netsim.FlowEvent); ok && f.Action == netsim.FlowExpired {
		s.narrate(narrateFlowExpired(s, f))
	}
}

// emit sends a lab event into the stream (when anyone listens).
func (s *Session) emit(e netsim.Event) {
	if s.tracing {
		s.sim.Emit(e)
	}
}

func (s *Session) narrate(text string) {
	if s.tracing && text != "" {
		s.sim.Emit(&NarrationEvent{At: s.sim.Now(), Text: text})
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

// Step runs the next event of the simulation. It reports false when nothing
// is left to happen.
func (s *Session) Step() bool {
	s.start()
	return s.sim.Step()
}

// RunUntil runs the simulation to simulated time t.
func (s *Session) RunUntil(t time.Duration) {
	s.start()
	s.sim.RunUntil(t)
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
	s.inputs = append(s.inputs, Input{At: s.Now(), Action: a})
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

func itoa(n int) string { return fmt.Sprint(n) }
