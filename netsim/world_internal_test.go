package netsim

import (
	"net/netip"
	"testing"
	"time"
)

// pairWorld is the internal tests' common world: a client host and a
// server host on one link, a server process listening on 8080 that
// accepts every connection (the latest in accepted), and a client
// process.
type pairWorld struct {
	s        *Sim
	srv, cli *Host
	l        *Listener
	sp, cp   *Process
	accepted *Conn
}

func newPairWorld(t *testing.T, link LinkConfig, listen SockOpts) *pairWorld {
	t.Helper()
	w := &pairWorld{s: New(1)}
	w.srv, _ = w.s.AddHost("server", netip.MustParseAddr("10.0.0.1"), Linux())
	w.cli, _ = w.s.AddHost("client", netip.MustParseAddr("10.0.0.2"), Linux())
	w.s.AddLink("client", "server", link)
	w.sp, _ = w.srv.NewProcess("server")
	l, err := w.sp.Listen(8080, 8, listen)
	if err != nil {
		t.Fatal(err)
	}
	w.l = l
	l.OnAcceptable(func() {
		for c := l.Accept(); c != nil; c = l.Accept() {
			w.accepted = c
		}
	})
	w.cp, _ = w.cli.NewProcess("client")
	return w
}

// dial connects a client with opts and runs the world until the
// connection is established (a lossy link may take a retransmitted SYN
// or two), for at most 10 s; it fails the test if it is not.
func (w *pairWorld) dial(t *testing.T, opts SockOpts) *Conn {
	t.Helper()
	var c *Conn
	var err error
	w.s.Do(func() { c, err = w.cp.Dial(w.l.Addr(), opts) })
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	for end := w.s.Now() + 10*time.Second; w.s.Now() < end && (c.State() != Established || w.accepted == nil || w.accepted.peer != c); {
		w.s.RunUntil(w.s.Now() + time.Second)
	}
	if c.State() != Established || w.accepted == nil || w.accepted.peer != c {
		t.Fatalf("no connection after 10 s: the client is %v", c.State())
	}
	return c
}
