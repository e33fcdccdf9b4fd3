//go:build amd64

package netsim

import (
	"testing"
	"time"
)

// TestOwnerTypesTellTimers: prefetchSteps tells what holds a timer by its
// owner's type word against ownerTypes. The timers the simulation makes —
// a connection's own, a packet's arrival on a wire, a function's — carry
// the words ownerTypes holds, and each kind its own: with a wrong word the
// queue would ask for nothing ahead of those timers, and nothing else
// would show it.
func TestOwnerTypesTellTimers(t *testing.T) {
	w := newPairWorld(t, LinkConfig{Latency: 10 * time.Millisecond}, SockOpts{})
	s := w.s
	c := w.dial(t, SockOpts{})
	fn := s.NewTimer(func() {})
	s.Do(func() { c.Write([]byte("ping"), "ping") })
	var flight *Timer
	for _, e := range s.queue.entries() {
		if _, ok := e.t.owner.(*inFlight); ok {
			flight = e.t
		}
	}
	if flight == nil {
		t.Fatal("no packet on the wire after a write")
	}
	for _, tc := range []struct {
		what string
		t    *Timer
		want int
	}{
		{"a connection's retransmission timer", &c.rtx, 0},
		{"a connection's delayed-ACK timer", &c.delack, 0},
		{"a packet's arrival", flight, 1},
		{"a function's timer", fn, 2},
	} {
		got := ownerType(tc.t.owner)
		for i, w := range ownerTypes {
			if (got == w) != (i == tc.want) {
				t.Errorf("%s: its type word %#x against ownerTypes[%d] %#x: equal is %v, want %v", tc.what, got, i, w, got == w, i == tc.want)
			}
		}
	}
}
