package netsim_test

import (
	"net/netip"
	"slices"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// record appends each event it is lent to lines, as its JSON object.
func record(lines *[]string) func(netsim.Event) {
	return func(e netsim.Event) { *lines = append(*lines, string(netsim.AppendJSON(nil, e))) }
}

// TestObserveKinds: an observer that asks for some kinds is handed exactly
// the events of those kinds that an observer of every kind is handed, in
// the same order, whether or not another observer has the rest built; and
// Counted counts every kind the same, built or not, and Unwanted those
// of the kinds no observer asked for.
func TestObserveKinds(t *testing.T) {
	const seed, clients, d = 7, 20, 3 * time.Minute
	var all []string
	var kinds []netsim.Kinds
	full := busyWorld(t, seed, clients, d, func(s *netsim.Sim) {
		s.TraceTimers(true)
		s.ObserveTransient(func(e netsim.Event) {
			all = append(all, string(netsim.AppendJSON(nil, e)))
			kinds = append(kinds, netsim.KindOf(e))
		})
	})
	perKind := map[netsim.Kinds]uint64{}
	for _, k := range kinds {
		perKind[k]++
	}
	for k := netsim.KindSegmentSent; k&netsim.AllKinds != 0; k <<= 1 {
		if perKind[k] == 0 {
			t.Fatalf("the run raised no event of kind %#x: it proves nothing about it", k)
		}
		if got := full.Counted(k); got != perKind[k] {
			t.Errorf("Counted(%#x) = %d, the observer was handed %d", k, got, perKind[k])
		}
	}
	if got, want := full.Counted(netsim.AllKinds), uint64(len(kinds)); got != want {
		t.Errorf("Counted(AllKinds) = %d, the observer was handed %d", got, want)
	}
	for _, mask := range []netsim.Kinds{0, netsim.KindSegmentDropped, netsim.KindSegments,
		netsim.KindState | netsim.KindFault, netsim.KindSocketError | netsim.KindFlow | netsim.KindTimer,
		netsim.AllKinds &^ netsim.KindSegmentSent} {
		var want []string
		for i, line := range all {
			if kinds[i]&mask != 0 {
				want = append(want, line)
			}
		}
		// Beside an observer of every kind, and alone: the events of the
		// other kinds built for another observer, or not built at all.
		var beside, alone []string
		b := busyWorld(t, seed, clients, d, func(s *netsim.Sim) {
			s.TraceTimers(true)
			s.ObserveTransient(func(netsim.Event) {})
			s.ObserveKinds(mask, record(&beside))
		})
		if n := b.Unwanted(); n != 0 {
			t.Errorf("kinds %#x beside an observer of all: Unwanted() = %d, want 0", mask, n)
		}
		s := busyWorld(t, seed, clients, d, func(s *netsim.Sim) {
			s.TraceTimers(true)
			s.ObserveKinds(mask, record(&alone))
		})
		if !slices.Equal(beside, want) {
			t.Errorf("kinds %#x beside an observer of all: handed %d events, want the %d of those kinds", mask, len(beside), len(want))
		}
		if !slices.Equal(alone, want) {
			t.Errorf("kinds %#x alone: handed %d events, want the %d of those kinds", mask, len(alone), len(want))
		}
		var unwanted uint64
		for k := netsim.KindSegmentSent; k&netsim.AllKinds != 0; k <<= 1 {
			if got := s.Counted(k); got != perKind[k] {
				t.Errorf("kinds %#x alone: Counted(%#x) = %d, want %d", mask, k, got, perKind[k])
			}
			if k&mask == 0 {
				unwanted += perKind[k]
			}
		}
		if got := s.Unwanted(); got != unwanted {
			t.Errorf("kinds %#x alone: Unwanted() = %d, want the %d events of the other kinds", mask, got, unwanted)
		}
	}
}

// modelEvent is an event of a model above netsim.
type modelEvent struct{ at time.Duration }

func (e *modelEvent) When() time.Duration         { return e.at }
func (e *modelEvent) Kind() string                { return "model" }
func (e *modelEvent) Line() string                { return "model" }
func (e *modelEvent) AppendFields(*netsim.Fields) {}

// TestEmitByKind: an event handed to Emit goes to the observers of its
// kind when it is one of netsim's (and counts as such), and to every
// observer when it is a model's.
func TestEmitByKind(t *testing.T) {
	s := netsim.New(1)
	var faults, segments []string
	s.ObserveKinds(netsim.KindFault, record(&faults))
	s.ObserveKinds(netsim.KindSegments, record(&segments))
	s.Emit(&netsim.FaultEvent{Action: "stop", Target: "client"})
	s.Emit(&modelEvent{at: time.Second})
	if want := []string{`{"t_ns":0,"kind":"fault","action":"stop","target":"client"}`, `{"t_ns":1000000000,"kind":"model"}`}; !slices.Equal(faults, want) {
		t.Errorf("the observer of faults was handed %q, want %q", faults, want)
	}
	if want := []string{`{"t_ns":1000000000,"kind":"model"}`}; !slices.Equal(segments, want) {
		t.Errorf("the observer of segments was handed %q, want %q", segments, want)
	}
	if n := s.Counted(netsim.KindFault); n != 1 {
		t.Errorf("Counted(KindFault) = %d, want 1", n)
	}
	if n := s.Counted(netsim.AllKinds); n != 1 {
		t.Errorf("Counted(AllKinds) = %d, want 1 (a model's events are its own to count)", n)
	}
}

// TestDeliveredNamesItsDestination: a segment's delivered event names
// the host it was delivered to, which its destination address names
// (Sim.NodeName): to a connection, to a listener (a SYN), and to no
// socket at all (answered with a RST).
func TestDeliveredNamesItsDestination(t *testing.T) {
	var events []*netsim.SegmentEvent
	s := busyWorld(t, 7, 4, 30*time.Second, func(s *netsim.Sim) {
		s.Observe(func(e netsim.Event) {
			if e, ok := e.(*netsim.SegmentEvent); ok && e.Fate == netsim.FateDelivered {
				events = append(events, e)
			}
		})
	})
	p, err := s.Host("other").NewProcess("stray")
	if err != nil {
		t.Fatal(err)
	}
	s.Do(func() { _, _ = p.Dial(netip.AddrPortFrom(serverIP, 9), netsim.SockOpts{}) }) // no one listens there
	s.RunFor(time.Second)
	syns, rsts := 0, 0
	for _, e := range events {
		if want := s.NodeName(e.Packet.Dst.Addr()); e.DstHost != want || e.Where != want {
			t.Fatalf("%s: delivered at %q to %q, want %q", e.Line(), e.Where, e.DstHost, want)
		}
		switch {
		case e.Packet.Flags == netsim.SYN:
			syns++
		case e.Packet.Flags&netsim.RST != 0:
			rsts++
		}
	}
	if syns == 0 || rsts == 0 {
		t.Errorf("%d SYNs and %d RSTs delivered, want some of each", syns, rsts)
	}
}
