package sockcall

import (
	"net/netip"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// world is a client and a server joined by a 10 ms link; the server
// listens on 8080 and never reads unless told.
type world struct {
	s        *netsim.Sim
	srv, cli *netsim.Process
	l        *netsim.Listener
}

func newWorld(t *testing.T, listen bool) *world {
	t.Helper()
	w := &world{s: netsim.New(1)}
	srv, _ := w.s.AddHost("server", netip.MustParseAddr("10.0.0.1"), netsim.Linux())
	cli, _ := w.s.AddHost("client", netip.MustParseAddr("10.0.0.2"), netsim.Linux())
	if _, err := w.s.AddLink("client", "server", netsim.LinkConfig{Latency: 10 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	w.srv, _ = srv.NewProcess("server")
	w.cli, _ = cli.NewProcess("client")
	if listen {
		w.l, _ = w.srv.Listen(8080, 16, netsim.SockOpts{})
	}
	return w
}

func (w *world) dial(t *testing.T, o netsim.SockOpts) *netsim.Conn {
	t.Helper()
	var c *netsim.Conn
	w.s.Do(func() {
		var err error
		if c, err = w.cli.Dial(netip.MustParseAddrPort("10.0.0.1:8080"), o); err != nil {
			t.Fatal(err)
		}
	})
	return c
}

func TestConnectWaitsForTheHandshake(t *testing.T) {
	w := newWorld(t, true)
	c := w.dial(t, netsim.SockOpts{})
	if _, done := Connect(c); done {
		t.Fatal("connect returned in SYN_SENT")
	}
	w.s.RunUntil(20 * time.Millisecond) // SYN and SYN-ACK: one round trip
	if e, done := Connect(c); !done || e != 0 {
		t.Fatalf("after the SYN-ACK: errno %v, done %v; want 0, true", e, done)
	}
}

func TestConnectTakesTheErrorOnce(t *testing.T) {
	w := newWorld(t, false) // nobody listens: RST
	c := w.dial(t, netsim.SockOpts{})
	w.s.RunUntil(20 * time.Millisecond)
	if e, done := Connect(c); !done || e != netsim.ECONNREFUSED {
		t.Fatalf("errno %v, done %v; want ECONNREFUSED, true", e, done)
	}
	if e := c.Err(); e != 0 {
		t.Fatalf("the error is still pending after connect took it: %v", e)
	}
}

func TestReadWaitsThenReturnsDataThenEOF(t *testing.T) {
	w := newWorld(t, true)
	c := w.dial(t, netsim.SockOpts{})
	w.s.RunUntil(30 * time.Millisecond) // and the handshake's ACK
	srv := Accept(w.l)
	if srv == nil {
		t.Fatal("no connection queued after the handshake")
	}
	if _, _, done := Read(srv); done {
		t.Fatal("read returned with nothing to read")
	}
	w.s.Do(func() {
		if _, e, _ := Write(c, make([]byte, 100), 0, false, "x"); e != 0 {
			t.Fatal(e)
		}
		c.Close()
	})
	w.s.RunUntil(50 * time.Millisecond)
	if data, e, done := Read(srv); !done || e != 0 || len(data) != 100 {
		t.Fatalf("read %d bytes, errno %v, done %v; want 100, 0, true", len(data), e, done)
	}
	if data, e, done := Read(srv); !done || e != 0 || data != nil {
		t.Fatalf("after the data: %d bytes, errno %v, done %v; want EOF (nil, 0, true)", len(data), e, done)
	}
}

// A write on a socket whose SO_SNDBUF is full takes what fits and waits;
// the ACKs that free the queue wake it (netsim's Writable) and the next
// call takes the rest. Non-blocking, the same write returns what fitted.
func TestWriteBlocksOnAFullSendBuffer(t *testing.T) {
	w := newWorld(t, true)
	prof := netsim.Linux()
	c := w.dial(t, netsim.SockOpts{SndBuf: prof.SndBufFor(8000)}) // 16000
	woken := 0
	c.OnNotice(func(n netsim.Notice) {
		if n == netsim.Writable {
			woken++
		}
	})
	w.s.RunUntil(20 * time.Millisecond)
	p := make([]byte, 100000)
	var taken int
	var done bool
	w.s.Do(func() { taken, _, done = Write(c, p, 0, false, "x") })
	if done || taken == 0 || taken >= len(p) {
		t.Fatalf("took %d of %d, done %v: want part, not done", taken, len(p), done)
	}
	if n, e, done := Write(c, make([]byte, 10), 0, true, "x"); !done || e != netsim.EAGAIN || n != 0 {
		t.Fatalf("another write, non-blocking, on the full buffer: %d, %v, %v; want 0, EAGAIN, true", n, e, done)
	}
	// A blocked writer calls again only when woken.
	for i, seen := 0, 0; !done && i < 1000; i++ {
		w.s.RunFor(10 * time.Millisecond)
		if woken > seen {
			seen = woken
			w.s.Do(func() { taken, _, done = Write(c, p, taken, false, "x") })
		}
	}
	if !done || taken != len(p) {
		t.Fatalf("took %d of %d, done %v, woken %d times", taken, len(p), done, woken)
	}
}

// Without SO_SNDBUF a Linux socket's buffer is tcp_wmem[1] grown when the
// connection opened (tcp_sndbuf_expand: 87040 for segments of 1460): a
// write of 1 MiB takes part of it and waits, as with SO_SNDBUF.
func TestWriteWithoutSndBufIsBoundedByTheDefault(t *testing.T) {
	w := newWorld(t, true)
	c := w.dial(t, netsim.SockOpts{})
	w.s.RunUntil(20 * time.Millisecond)
	if got := c.SndBuf(); got != 87040 {
		t.Fatalf("SndBuf %d once connected, want 87040", got)
	}
	if n, e, done := Write(c, make([]byte, 1<<20), 0, false, "x"); done || e != 0 || n == 0 || n >= 1<<20 {
		t.Fatalf("%d, %v, %v; want part of it, not done", n, e, done)
	}
}

func TestShutdown(t *testing.T) {
	w := newWorld(t, true)
	if e := Shutdown(nil, nil, true, true); e != netsim.ENOTCONN {
		t.Errorf("a socket with no connection: %v, want ENOTCONN", e)
	}
	listening := func() int { return len(w.srv.Host().Listeners()) }
	if e := Shutdown(w.l, nil, false, true); e != 0 || listening() != 1 {
		t.Errorf("SHUT_WR on a listener: %v (%d listening), want 0 and still listening", e, listening())
	}
	if e := Shutdown(w.l, nil, true, false); e != 0 || listening() != 0 {
		t.Errorf("SHUT_RD on a listener: %v (%d listening), want 0 and no longer listening", e, listening())
	}
}

func TestUnconnected(t *testing.T) {
	for call, want := range map[string]netsim.Errno{"write": netsim.EPIPE, "read": netsim.ENOTCONN,
		"shutdown": netsim.ENOTCONN, "accept": netsim.EINVAL} {
		if got := Unconnected(call); got != want {
			t.Errorf("%s: %v, want %v", call, got, want)
		}
	}
}
