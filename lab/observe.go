package lab

import "github.com/socklab/socklab/netsim"

// observer is a function handed the stream's events: netsim's of the
// kinds it asked for, the app events if it asked for them, and every
// other event of the lab's.
type observer struct {
	fn    func(netsim.Event)
	kinds netsim.Kinds
	app   bool
}

// ownKinds are the kinds of netsim's events the session looks at itself
// while someone observes (dispatch): a middlebox's flows, for the
// snapshot's truth and the narration of an expired one; the state changes
// and power cuts that end a closed socket's lingering.
const ownKinds = netsim.KindFlow | netsim.KindState | netsim.KindFault

// rareKinds are built whatever the observers need: a socket error is
// rare, and a timer event is raised only while the simulator traces
// timers, so that building them costs next to nothing.
const rareKinds = netsim.KindSocketError | netsim.KindTimer

// Observe registers fn to receive every event of the run, in order; fn
// may keep the events it receives. Call it before the run starts to see
// all of them.
func (s *Session) Observe(fn func(netsim.Event)) {
	s.observe(observer{fn: fn, kinds: netsim.AllKinds, app: true})
	s.sim.KeepEvents()
}

// ObserveTransient registers fn to receive every event of the run, in
// order, on loan: an event is valid only until fn returns (the contract of
// netsim's Sim.ObserveTransient). While every observer is transient, the
// frequent events cost no allocation.
func (s *Session) ObserveTransient(fn func(netsim.Event)) {
	s.observe(observer{fn: fn, kinds: netsim.AllKinds, app: true})
}

// ObserveKinds is ObserveTransient for an observer that needs as values
// only netsim's events of the kinds in kinds, and the app events (kind
// "app": a message an application sent or received, four of the ten
// events of a heartbeat's round trip) if app is true; it is handed those
// and every other event of the lab (detections, reconnects, narrations…),
// in order, exactly as an observer of every event would be. An event that
// no observer needs (and the session does not look at, nor builds for
// being rare: rareKinds) is counted (Progress, the budget) but never
// built: the headless runner with nothing to print builds the drops its
// judges and totals look at, and counts the segments sent and delivered.
func (s *Session) ObserveKinds(kinds netsim.Kinds, app bool, fn func(netsim.Event)) {
	s.observe(observer{fn: fn, kinds: kinds & netsim.AllKinds, app: app})
}

// observe registers o, and has the simulator build the kinds it needs that
// no observer needed before: a second observer of the simulator's, handed
// netsim's events of those kinds alone (the first hands the lab's own).
func (s *Session) observe(o observer) {
	s.observers = append(s.observers, o)
	if !o.app {
		s.appSkipped++
	}
	s.appEvents = appBuilt
	if s.appSkipped == len(s.observers) {
		s.appEvents = appCounted
	}
	want := o.kinds | ownKinds | rareKinds
	switch more := want &^ s.built; {
	case !s.tracing:
		s.tracing = true
		s.limits = limitsOf(s.budget, true)
		s.setBuilt(want)
		s.sim.ObserveKinds(want, s.dispatch)
	case more != 0:
		s.setBuilt(s.built | more)
		s.sim.ObserveKinds(more, func(e netsim.Event) {
			if netsim.KindOf(e) != 0 {
				s.dispatch(e)
			}
		})
	}
	s.filter = false
	for _, o := range s.observers {
		s.filter = s.filter || s.built&^o.kinds != 0
	}
}

// setBuilt makes built the kinds the simulator builds, the count of those
// it no longer only counts kept in events.
func (s *Session) setBuilt(built netsim.Kinds) {
	if s.built != 0 {
		s.events = s.eventCount()
	}
	s.built = built
	s.unbuiltBase = s.sim.Unwanted()
}

// eventCount is the events of the stream so far, while someone observes:
// those handed to the observers, the app events none of them wanted, and
// netsim's events of the kinds none of them wanted, counted where they
// would have been built.
func (s *Session) eventCount() uint64 {
	if !s.tracing {
		return 0
	}
	return s.events + s.sim.Unwanted() - s.unbuiltBase
}

// dispatch hands a netsim or lab event to the observers that want it, then
// adds the narration a change of the world deserves.
func (s *Session) dispatch(e netsim.Event) {
	s.events++
	_, app := e.(*AppEvent)
	var kind netsim.Kinds
	if s.filter {
		kind = netsim.KindOf(e)
	}
	for _, o := range s.observers {
		if (!app || o.app) && (kind == 0 || o.kinds&kind != 0) {
			o.fn(e)
		}
	}
	switch e := e.(type) {
	case *netsim.FlowEvent:
		s.noteFlow(e)
		if e.Action == netsim.FlowExpired {
			s.narrate(narrateFlowExpired(s, e))
		}
	case *netsim.StateEvent:
		if e.To == netsim.Closed && len(s.orphans) > 0 {
			s.orphanClosed(e)
		}
	case *netsim.FaultEvent:
		if e.Action == netsim.FaultPowerOff && len(s.orphans) > 0 {
			s.forgetOrphans(e.Target)
		}
	}
}
