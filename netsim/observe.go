package netsim

import "math/bits"

// Kinds is a set of the kinds of event netsim raises, for an observer to
// say which of them it needs as values (ObserveKinds); the others it only
// counts (Counted). A segment event is of one of three kinds by its fate,
// as most observers that count segments count one fate (the sends, say)
// and look at another (the drops).
type Kinds uint16

// The kinds of event netsim raises.
const (
	KindSegmentSent      Kinds = 1 << iota // a SegmentEvent of FateSent
	KindSegmentDelivered                   // a SegmentEvent of FateDelivered
	KindSegmentDropped                     // a SegmentEvent of FateDropped
	KindState                              // a StateEvent
	KindSocketError                        // a SocketErrorEvent
	KindFault                              // a FaultEvent
	KindTimer                              // a TimerEvent (while Sim.TraceTimers is on)
	KindFlow                               // a FlowEvent
	kindAbove                              // the bit past netsim's kinds (a model's events have none: KindOf)

	// KindSegments is a segment event of any fate.
	KindSegments = KindSegmentSent | KindSegmentDelivered | KindSegmentDropped
	// AllKinds is every kind netsim raises: what Observe and
	// ObserveTransient ask for.
	AllKinds = kindAbove - 1

	numKinds = 8 // netsim's kinds, each counted (Counted)
)

// kindOfFate is the kind of a segment event of fate f.
func kindOfFate(f Fate) Kinds { return KindSegmentSent << (f - FateSent) }

// KindOf is the kind of e, one of netsim's events; 0 for an event of a
// model above netsim's (handed to every observer, whatever its kinds).
func KindOf(e Event) Kinds {
	switch e := e.(type) {
	case *SegmentEvent:
		return kindOfFate(e.Fate)
	case *StateEvent:
		return KindState
	case *SocketErrorEvent:
		return KindSocketError
	case *FaultEvent:
		return KindFault
	case *TimerEvent:
		return KindTimer
	case *FlowEvent:
		return KindFlow
	}
	return 0
}

// Observe registers fn to receive every event, in order, as it happens. fn
// may keep the events it receives: while any observer registered with
// Observe is there, every event is a value of its own.
func (s *Sim) Observe(fn func(Event)) {
	s.ObserveKinds(AllKinds, fn)
	s.keeps = true
}

// ObserveTransient registers fn to receive every event, in order, on loan:
// an event (and the packet it shows) is valid only until fn returns, and
// the simulator may build the next one in the same place. fn counts,
// filters, prints or encodes; to keep an event it copies the value
// (*e for a *SegmentEvent). While every observer is transient, the
// frequent events (segments, state changes, timers) cost no allocation.
func (s *Sim) ObserveTransient(fn func(Event)) { s.ObserveKinds(AllKinds, fn) }

// ObserveKinds is ObserveTransient for an observer that needs only the
// events of the kinds in kinds as values, in order, on loan, and every
// event of the models above (those they hand to Emit). It is handed
// exactly the events of those kinds an observer of every kind is handed,
// in the same order; an event of a kind no observer asks for is not built
// at all, only counted (Counted). A runner whose totals count the
// segments but whose judges look only at the drops asks for
// KindSegmentDropped (and what else it looks at) and counts the rest.
func (s *Sim) ObserveKinds(kinds Kinds, fn func(Event)) {
	kinds &= AllKinds
	s.wanted |= kinds
	if kinds != AllKinds {
		all := fn
		fn = func(e Event) {
			if k := KindOf(e); k == 0 || k&kinds != 0 {
				all(e)
			}
		}
	}
	s.observers = append(s.observers, fn)
}

// Counted is how many events of the kinds in kinds the run has raised
// since New, whether or not an observer had them built: the events
// netsim raises, and those of netsim's types a model above hands to Emit.
// Timer events are raised only while TraceTimers is on.
func (s *Sim) Counted(kinds Kinds) uint64 {
	var n uint64
	for k := kinds & AllKinds; k != 0; k &= k - 1 {
		n += s.counted[bits.TrailingZeros16(uint16(k))]
	}
	return n
}

// Unwanted is how many of the events Counted counts were of a kind no
// observer asked for (ObserveKinds) when they were raised: the events an
// observer of every kind would have been handed that no observer was. One
// word, where Counted adds up a count per kind: a façade that counts the
// events its observers did not ask for (the lab's Session) reads it after
// every step.
func (s *Sim) Unwanted() uint64 { return s.unwanted }

// KeepEvents declares that some observer keeps events: from now on every
// event is a value of its own, as if an observer had been registered with
// Observe. A façade that fans events out to observers of its own (the lab's
// Session) calls it when one of them keeps events.
func (s *Sim) KeepEvents() { s.keeps = true }

// EventsOnLoan reports whether events are lent rather than given: every
// observer is transient, and no event is being handed out right now. A
// model above netsim may then build its own frequent events in place, as
// netsim does.
func (s *Sim) EventsOnLoan() bool { return !s.keeps && s.emitting == 0 }

// TraceTimers turns TimerEvents (armed, fired, cancelled) on or off. They
// are off by default: a busy run arms and cancels timers on nearly every
// segment.
func (s *Sim) TraceTimers(on bool) { s.traceTimers = on }

// Tracing reports whether anyone observes the stream. An event is built
// only for the observers of its kind (ObserveKinds).
func (s *Sim) Tracing() bool { return len(s.observers) > 0 }

// Emit hands an event to every observer of its kind. Models above netsim
// emit their own events through it so that the whole run is one ordered
// stream.
func (s *Sim) Emit(e Event) {
	if k := KindOf(e); k != 0 {
		s.count(k)
	}
	s.hand(e)
}

// count counts an event of kind k, one of netsim's.
func (s *Sim) count(k Kinds) {
	s.counted[bits.TrailingZeros16(uint16(k))]++
	if s.wanted&k == 0 {
		s.unwanted++
	}
}

// hand hands e to every observer (each of ObserveKinds' lets through the
// events of its kinds).
func (s *Sim) hand(e Event) {
	s.emitting++
	for _, o := range s.observers {
		o(e)
	}
	s.emitting--
}
