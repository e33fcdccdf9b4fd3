package netsim

import (
	"testing"
	"time"
)

// TestConnForAnswersAsTheTable: a segment's hint (the connection its
// sender last heard from) is taken only while the host's table holds that
// connection for the segment's addresses; otherwise the table answers —
// a hint to another host's connection, to one that has closed, or to one
// from before the host lost power.
func TestConnForAnswersAsTheTable(t *testing.T) {
	w := newPairWorld(t, LinkConfig{Latency: time.Millisecond}, SockOpts{})
	s, srv, cp, l := w.s, w.srv, w.cp, w.l
	c := w.dial(t, SockOpts{})
	accepted := w.accepted
	// The ends learnt each other from the handshake.
	if c.peer != accepted || accepted.peer != c {
		t.Fatalf("the ends did not learn each other: client's peer %p, server's %p (ends %p, %p)", c.peer, accepted.peer, c, accepted)
	}
	check := func(when string, to, want *Conn) {
		t.Helper()
		p := &Packet{Proto: TCP, Src: c.LocalAddr(), Dst: c.RemoteAddr(), to: to}
		key := keyOf(p.Dst.Port(), p.Src)
		if table := srv.conns[key]; table != want {
			t.Fatalf("%s: the test expects the table to hold %p, it holds %p", when, want, table)
		}
		if got := srv.connFor(p, key); got != want {
			t.Errorf("%s: connFor = %p, the table's is %p", when, got, want)
		}
	}
	check("established, the right hint", accepted, accepted)
	check("established, no hint", nil, accepted)
	check("established, a hint to the client's own end", c, accepted)
	s.Do(func() { accepted.Abort() })
	check("after the server's end was aborted", accepted, nil)
	s.RunUntil(2 * time.Second)
	s.Do(func() { c, _ = cp.Dial(l.Addr(), SockOpts{}) })
	s.RunUntil(3 * time.Second)
	old := accepted
	accepted = w.accepted
	check("a new connection, a hint to the old one", old, accepted)
	s.Do(func() { srv.PowerOff() })
	check("after the server lost power", accepted, nil)
}
