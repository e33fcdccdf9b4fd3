//go:build amd64

package netsim

import (
	"net/netip"
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
	s := New(1)
	srv, _ := s.AddHost("server", netip.MustParseAddr("10.0.0.1"), Linux())
	cli, _ := s.AddHost("client", netip.MustParseAddr("10.0.0.2"), Linux())
	s.AddLink("client", "server", LinkConfig{Latency: 10 * time.Millisecond})
	sp, _ := srv.NewProcess("server")
	l, _ := sp.Listen(8080, 8, SockOpts{})
	l.OnAcceptable(func() { l.Accept() })
	cp, _ := cli.NewProcess("client")
	var c *Conn
	s.Do(func() { c, _ = cp.Dial(l.Addr(), SockOpts{}) })
	s.RunUntil(time.Second)
	if c.State() != Established {
		t.Fatalf("no connection: the client is %v", c.State())
	}
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
