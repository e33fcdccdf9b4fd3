package netsim_test

import (
	"bytes"
	"fmt"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// pattern is n bytes that reveal any loss, duplication or reordering.
func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7 + i/251)
	}
	return b
}

// bulkRun sends size bytes from client to server, then the client closes;
// the server closes at EOF. It returns the world, the bytes the server read
// and the client's conn.
func bulkRun(t *testing.T, seed uint64, link netsim.LinkConfig, size int, d time.Duration) (*world, []byte, *netsim.Conn) {
	t.Helper()
	w := newWorld(t, seed, link)
	var got bytes.Buffer
	w.listen(8080, 128, netsim.SockOpts{}, func(c *netsim.Conn, data []byte, err error) {
		got.Write(data)
		if err != nil {
			c.Close()
		}
	})
	data := pattern(size)
	c := w.dial(8080, netsim.SockOpts{}, func(c *netsim.Conn, n netsim.Notice) {
		if n == netsim.Connected {
			c.Write(data, "bulk")
			c.Close()
		}
	})
	w.sim.RunUntil(d)
	return w, got.Bytes(), c
}

func checkBulk(t *testing.T, w *world, got []byte, size int) {
	t.Helper()
	if !bytes.Equal(got, pattern(size)) {
		n := 0
		for n < len(got) && n < size && got[n] == pattern(size)[n] {
			n++
		}
		t.Errorf("server read %d bytes (first difference at %d), want %d intact", len(got), n, size)
	}
	if e := w.errors("client"); len(e) != 0 {
		t.Errorf("client errors %q, want none", e)
	}
	for _, h := range []*netsim.Host{w.client, w.server} {
		if n := len(h.Conns()); n != 0 {
			t.Errorf("%s still holds %d connections: %v", h.Name(), n, h.Conns()[0].State())
		}
	}
	if n := w.sim.Pending(); n != 0 {
		t.Errorf("%d timers still armed after everything closed", n)
	}
}

func TestBulkTransferClean(t *testing.T) {
	w, got, _ := bulkRun(t, 1, netsim.LinkConfig{Latency: ms(10)}, 200_000, time.Hour)
	checkBulk(t, w, got, 200_000)
}

func TestBulkTransferLossy(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			w, got, _ := bulkRun(t, seed, netsim.LinkConfig{Latency: ms(10), Loss: 0.05}, 200_000, time.Hour)
			checkBulk(t, w, got, 200_000)
		})
	}
}

func TestBulkTransferLossyJitter(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			w, got, _ := bulkRun(t, seed, netsim.LinkConfig{Latency: ms(10), Jitter: ms(20), Loss: 0.05}, 200_000, time.Hour)
			checkBulk(t, w, got, 200_000)
		})
	}
}

// With timestamps (what the model says its RTT samples follow, RFC 7323
// 4.3), the ACK that fills a hole echoes the timestamp of the segment that
// filled it: the retransmission. Every real round trip here is 20 ms, so
// SRTT must stay 20 ms after recovering one lost segment.
func TestRTTSampleAfterHoleFilled(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(10)})
	w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	if c.SRTT() != ms(20) {
		t.Fatalf("SRTT after the handshake %v, want 20ms", c.SRTT())
	}
	w.sim.Do(func() {
		w.link.SetUp(false)
		c.Write(pattern(1460), "a") // lost
		w.link.SetUp(true)
		c.Write(pattern(1460), "b") // held out of order by the server
	})
	w.sim.RunUntil(3 * time.Second)
	if c.Unacked() != 0 {
		t.Fatalf("unacked %d, want 0", c.Unacked())
	}
	if c.SRTT() > ms(25) {
		t.Errorf("SRTT after recovery %v, want about 20ms: the sample was taken from the "+
			"held segment's old transmission, not from the retransmission that filled the hole", c.SRTT())
	}
}

// A frozen application stops reading; the kernel still answers zero-window
// probes with ACKs (window 0). Linux resets icsk_probes_out on every ACK
// (tcp_ack), so the sender probes for as long as the receiver answers; when
// the application thaws, the transfer completes.
func TestZeroWindowFrozenReceiverResumes(t *testing.T) {
	const size = 1 << 20
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(10)})
	var got bytes.Buffer
	a, _ := w.listen(8080, 128, netsim.SockOpts{}, func(c *netsim.Conn, data []byte, err error) {
		got.Write(data)
	})
	c := w.dial(8080, netsim.SockOpts{}, func(c *netsim.Conn, n netsim.Notice) {
		if n == netsim.Connected {
			c.Write(pattern(size), "bulk")
		}
	})
	w.sim.Do(a.proc.Freeze)
	w.sim.RunUntil(time.Hour)
	if e := w.errors("client"); len(e) != 0 || c.State() != netsim.Established {
		t.Fatalf("after 1 h against a frozen but live receiver: client %v, errors %q; want ESTABLISHED, none", c.State(), e)
	}
	w.sim.Do(a.proc.Thaw)
	w.sim.RunFor(10 * time.Minute)
	if !bytes.Equal(got.Bytes(), pattern(size)) {
		t.Errorf("after thaw the server read %d bytes, want %d", got.Len(), size)
	}
}

// Short freeze: the window opens again within a few probes.
func TestZeroWindowShortFreeze(t *testing.T) {
	const size = 1 << 20
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(10)})
	var got bytes.Buffer
	a, _ := w.listen(8080, 128, netsim.SockOpts{}, func(c *netsim.Conn, data []byte, err error) {
		got.Write(data)
		if err != nil {
			c.Close()
		}
	})
	w.dial(8080, netsim.SockOpts{}, func(c *netsim.Conn, n netsim.Notice) {
		if n == netsim.Connected {
			c.Write(pattern(size), "bulk")
			c.Close()
		}
	})
	w.sim.Do(a.proc.Freeze)
	w.sim.RunUntil(30 * time.Second)
	w.sim.Do(a.proc.Thaw)
	w.sim.RunFor(10 * time.Minute)
	checkBulk(t, w, got.Bytes(), size)
}

// Both ends close at the same instant: FIN_WAIT_1 → CLOSING → TIME_WAIT on
// both sides (RFC 9293 3.6, figure 13), then CLOSED after 60 s.
func TestSimultaneousClose(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	a, _ := w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	w.sim.Do(func() { c.Close(); a.conns[0].Close() })
	w.sim.RunUntil(2 * time.Minute)
	for _, h := range []string{"client", "server"} {
		st := w.states(h)
		want := []string{"00:00:01.000 ESTABLISHED>FIN_WAIT_1", "00:00:01.001 FIN_WAIT_1>CLOSING",
			"00:00:01.002 CLOSING>TIME_WAIT", "00:01:01.002 TIME_WAIT>CLOSED"}
		if got := strings.Join(st[len(st)-4:], ","); got != strings.Join(want, ",") {
			t.Errorf("%s states %q, want %q", h, st, want)
		}
	}
	if n := w.sim.Pending(); n != 0 {
		t.Errorf("%d timers armed after both closed", n)
	}
}

// close() in SYN_SENT sends nothing (tcp_close_state: SYN_SENT → CLOSE);
// the SYN-ACK that arrives later finds no socket and is answered with a
// RST, which makes the server forget its half-open connection.
func TestCloseInSynSent(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(10)})
	_, l := w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(ms(5))
	w.sim.Do(c.Close)
	w.sim.RunUntil(time.Minute)
	segs := w.segments(netsim.FateSent, "")
	if len(segs) != 3 || !strings.Contains(segs[1], "SYN|ACK") || !strings.Contains(segs[2], "client RST ") {
		t.Errorf("segments %q, want SYN, SYN|ACK, RST", segs)
	}
	if l.HalfOpen() != 0 || len(w.server.Conns()) != 0 || len(w.client.Conns()) != 0 || w.sim.Pending() != 0 {
		t.Errorf("half-open %d, server conns %d, client conns %d, timers %d; want all 0",
			l.HalfOpen(), len(w.server.Conns()), len(w.client.Conns()), w.sim.Pending())
	}
}

// Data and FIN in one segment: more than the initial window is written
// and the socket closed at once, so the FIN rides on the last data segment.
// The server reads every byte, then EOF once.
func TestDataAndFINInOneSegment(t *testing.T) {
	const size = 10*1460 + 3
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	var got bytes.Buffer
	eofs := 0
	w.listen(8080, 128, netsim.SockOpts{}, func(c *netsim.Conn, data []byte, err error) {
		got.Write(data)
		if err != nil {
			eofs++
			c.Close()
		}
	})
	w.dial(8080, netsim.SockOpts{}, func(c *netsim.Conn, n netsim.Notice) {
		if n == netsim.Connected {
			c.Write(pattern(size), "last")
			c.Close()
		}
	})
	w.sim.RunUntil(2 * time.Minute)
	if !bytes.Equal(got.Bytes(), pattern(size)) || eofs != 1 {
		t.Errorf("server read %d bytes and %d EOFs, want %d and 1", got.Len(), eofs, size)
	}
	found := false
	for _, s := range w.segments(netsim.FateSent, "client") {
		found = found || strings.Contains(s, "FIN|PSH|ACK seq=14601 ack=1 len=3")
	}
	if !found {
		t.Errorf("client segments %q, want the last 3 bytes with the FIN", w.segments(netsim.FateSent, "client"))
	}
	if len(w.client.Conns())+len(w.server.Conns()) != 0 || w.sim.Pending() != 0 {
		t.Errorf("conns left %d+%d, timers %d", len(w.client.Conns()), len(w.server.Conns()), w.sim.Pending())
	}
}

// The server closes first and keeps TIME_WAIT; the client, whose port range
// holds one port, connects again at once with the same 4-tuple. Linux
// either reuses the TIME_WAIT (SYN beyond RCV.NXT) or answers with an ACK,
// the client's RST kills the TIME_WAIT (RFC 1337 assassination,
// tcp_rfc1337 = 0) and the SYN retransmitted 1 s later succeeds.
func TestReconnectReusesPortOverTimeWait(t *testing.T) {
	for seed := uint64(1); seed <= 8; seed++ {
		w := newWorld(t, seed, netsim.LinkConfig{Latency: ms(1)})
		w.client.Profile().EphemeralLow, w.client.Profile().EphemeralHigh = 40000, 40000
		a, _ := w.listen(8080, 128, netsim.SockOpts{}, nil)
		first := w.dial(8080, netsim.SockOpts{}, func(c *netsim.Conn, n netsim.Notice) {
			if _, err := c.Read(); err == netsim.EOF {
				c.Close()
			}
		})
		w.sim.RunUntil(time.Second)
		w.sim.Do(a.conns[0].Close)
		w.sim.RunUntil(2 * time.Second)
		if first.State() != netsim.Closed || a.conns[0].State() != netsim.TimeWait {
			t.Fatalf("seed %d: client %v, server %v; want CLOSED, TIME_WAIT", seed, first.State(), a.conns[0].State())
		}
		second := w.dial(8080, netsim.SockOpts{}, nil)
		w.sim.RunUntil(5 * time.Second)
		if second.State() != netsim.Established || len(a.conns) != 2 || a.conns[1].State() != netsim.Established {
			t.Errorf("seed %d: second connection %v, server accepted %d; want ESTABLISHED both ends", seed, second.State(), len(a.conns))
		}
		if e := w.errors("client"); len(e) != 1 { // the EOF of the first
			t.Errorf("seed %d: client errors %q", seed, e)
		}
	}
}

// A NAT drawing a random port for every mapping, with loose pickup: after
// expiry the client's next segment opens a new mapping, the server sees an
// unknown 4-tuple and answers RST, and the client gets ECONNRESET at once.
func TestNATRandomPortAfterExpiryPickup(t *testing.T) {
	public := netip.MustParseAddr("203.0.113.1")
	w := newPathWorld(t, netsim.MiddleboxConfig{Kind: netsim.NAT, Outside: "server",
		IdleTimeout: 60 * time.Second, OnExpired: netsim.ExpiryPickup, PublicIP: public, Ports: netsim.PortRandom})
	a, _ := w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(100 * time.Second)
	w.sim.Do(func() { c.Write([]byte("still there?"), "data") })
	w.sim.RunUntil(101 * time.Second)
	if e := w.errors("client"); len(e) != 1 || e[0] != "00:01:40.004 ECONNRESET" {
		t.Errorf("client errors %q, want ECONNRESET at 100.004", e)
	}
	if a.conns[0].State() != netsim.Established || len(a.reads) != 0 {
		t.Errorf("server %v, reads %q; want the old connection untouched", a.conns[0].State(), a.reads)
	}
	if f := w.flowEvents(); len(f) != 4 || !strings.HasSuffix(f[3], "removed") {
		t.Errorf("flows %q, want created, expired, picked-up, removed", f)
	}
}

// A firewall forgets every flow in the middle of a bulk transfer. With
// pickup the transfer goes on; with drop the sender ends in ETIMEDOUT and
// the receiver stays ESTABLISHED; with rst the sender is reset; with rst-both both ends.
func TestExpireAllMidTransfer(t *testing.T) {
	for _, pol := range []netsim.ExpiryPolicy{netsim.ExpiryPickup, netsim.ExpiryDrop, netsim.ExpiryRST, netsim.ExpiryRSTBoth} {
		w := newPathWorld(t, netsim.MiddleboxConfig{Kind: netsim.Firewall, Outside: "server", IdleTimeout: time.Hour, OnExpired: pol})
		var got bytes.Buffer
		a, _ := w.listen(8080, 128, netsim.SockOpts{}, func(c *netsim.Conn, data []byte, err error) {
			got.Write(data)
			if err != nil {
				c.Close()
			}
		})
		c := w.dial(8080, netsim.SockOpts{}, func(c *netsim.Conn, n netsim.Notice) {
			if n == netsim.Connected {
				c.Write(pattern(500_000), "bulk")
			}
		})
		w.sim.RunUntil(ms(20))
		w.sim.Do(w.sim.Middlebox("fw").ExpireAll)
		w.sim.RunUntil(2 * time.Hour)
		ce, se := w.errors("client"), w.errors("server")
		switch pol {
		case netsim.ExpiryPickup:
			if !bytes.Equal(got.Bytes(), pattern(500_000)) || len(ce)+len(se) != 0 {
				t.Errorf("%s: read %d, errors %q %q", pol, got.Len(), ce, se)
			}
		case netsim.ExpiryDrop:
			if len(ce) != 1 || !strings.HasSuffix(ce[0], "ETIMEDOUT") || a.conns[0].State() != netsim.Established {
				t.Errorf("%s: client errors %q, server %v", pol, ce, a.conns[0].State())
			}
		case netsim.ExpiryRST: // only the sender is told; the silent receiver keeps ESTABLISHED
			if c.State() != netsim.Closed || len(ce) != 1 || a.conns[0].State() != netsim.Established {
				t.Errorf("%s: client %v %q, server %v %q", pol, c.State(), ce, a.conns[0].State(), se)
			}
		default:
			if c.State() != netsim.Closed || a.conns[0].State() != netsim.Closed {
				t.Errorf("%s: client %v %q, server %v %q; want both reset", pol, c.State(), ce, a.conns[0].State(), se)
			}
		}
		if !bytes.HasPrefix(pattern(500_000), got.Bytes()) {
			t.Errorf("%s: corrupted data", pol)
		}
	}
}

// Closing a listener resets the connections waiting in its accept queue
// (inet_csk_listen_stop → tcp_disconnect sends RST): their clients get
// ECONNRESET; a later SYN is refused; no timer is left.
func TestListenerCloseWithQueuedConns(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	p := must[*netsim.Process](t)(w.server.NewProcess("server"))
	l := must[*netsim.Listener](t)(p.Listen(8080, 8, netsim.SockOpts{KeepAlive: true}))
	var cs []*netsim.Conn
	for range 3 {
		cs = append(cs, w.dial(8080, netsim.SockOpts{}, nil))
	}
	w.sim.RunUntil(time.Second)
	w.sim.Do(func() { cs[2].Write([]byte("x"), "data"); cs[2].Close() })
	w.sim.RunUntil(2 * time.Second)
	if l.Queued() != 3 {
		t.Fatalf("queued %d, want 3", l.Queued())
	}
	w.sim.Do(l.Close)
	w.sim.RunUntil(3 * time.Second)
	for i, c := range cs {
		if c.State() != netsim.Closed {
			t.Errorf("client %d: %v, want CLOSED", i, c.State())
		}
	}
	if e := w.errors("client"); len(e) != 2 || !strings.HasSuffix(e[0], "ECONNRESET") {
		t.Errorf("client errors %q, want ECONNRESET for the two open ones", e)
	}
	late := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(4 * time.Second)
	if late.State() != netsim.Closed || len(w.server.Conns()) != 0 || w.sim.Pending() != 0 {
		t.Errorf("late dial %v, server conns %d, timers %d; want CLOSED (refused), 0, 0",
			late.State(), len(w.server.Conns()), w.sim.Pending())
	}
}

// The server loses power in the middle of a bulk transfer, with segments
// on the wire and its timers armed, and comes back 5 s later. Nothing
// leaves it while it is off; the client's next retransmission after the
// power-on meets a RST and the client reports ECONNRESET.
func TestPowerCycleMidTransfer(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(10)})
	w.listen(8080, 128, netsim.SockOpts{KeepAlive: true, KeepIdle: time.Second}, nil)
	c := w.dial(8080, netsim.SockOpts{}, func(c *netsim.Conn, n netsim.Notice) {
		if n == netsim.Connected {
			c.Write(pattern(1<<20), "bulk")
		}
	})
	w.sim.RunUntil(ms(65))
	w.sim.Do(w.server.PowerOff)
	before := len(w.segments(netsim.FateSent, "server"))
	w.sim.RunUntil(ms(5065))
	if n := len(w.segments(netsim.FateSent, "server")); n != before {
		t.Errorf("the powered-off server sent %d segments", n-before)
	}
	w.sim.Do(w.server.PowerOn)
	w.sim.RunUntil(10 * time.Minute)
	e := w.errors("client")
	if len(e) != 1 || !strings.HasSuffix(e[0], "ECONNRESET") || c.State() != netsim.Closed {
		t.Errorf("client %v, errors %q; want CLOSED after ECONNRESET", c.State(), e)
	}
	if n := w.sim.Pending(); n != 0 {
		t.Errorf("%d timers still armed", n)
	}
}

// A socket of a powered-off host is gone: writing to it (a stale handle)
// must not put a segment on the wire from a host without power.
func TestStaleConnAfterPowerOffSendsNothing(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	w.sim.Do(w.client.PowerOff)
	before := len(w.segments(netsim.FateSent, "client"))
	w.sim.Do(func() { c.Write([]byte("ghost"), "data") })
	w.sim.RunUntil(time.Minute)
	if n := len(w.segments(netsim.FateSent, "client")) - before; n != 0 || c.State() == netsim.Established {
		t.Errorf("after power-off: %d segments sent by the dead host, conn state %v; want none and not ESTABLISHED", n, c.State())
	}
}

// 3000 connections from one host to one server: every ephemeral port is
// distinct, every handshake completes.
func TestManyConnectionsUniquePorts(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	a, _ := w.listen(8080, 4096, netsim.SockOpts{}, nil)
	p := must[*netsim.Process](t)(w.client.NewProcess("many"))
	seen := map[uint16]bool{}
	var cs []*netsim.Conn
	w.sim.Do(func() {
		for range 3000 {
			c := must[*netsim.Conn](t)(p.Dial(netip.AddrPortFrom(serverIP, 8080), netsim.SockOpts{}))
			if seen[c.LocalAddr().Port()] {
				t.Fatalf("port %d given twice", c.LocalAddr().Port())
			}
			seen[c.LocalAddr().Port()] = true
			cs = append(cs, c)
		}
	})
	w.sim.RunUntil(time.Minute)
	for i, c := range cs {
		if c.State() != netsim.Established {
			t.Fatalf("conn %d: %v", i, c.State())
		}
	}
	if len(a.conns) != 3000 || len(w.client.Conns()) != 3000 {
		t.Errorf("accepted %d, client conns %d; want 3000", len(a.conns), len(w.client.Conns()))
	}
}

// A model that injects a live input (Sim.Do) from inside a notice, e.g. a
// scenario rule "when the client connects, pull the cable", must not crash
// the simulator: Do's nested flush walks the deferred calls already cleared.
func TestDoFromNotice(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	w.listen(8080, 128, netsim.SockOpts{}, nil)
	pulled := false
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("panic: %v", r)
		}
	}()
	w.dial(8080, netsim.SockOpts{}, func(c *netsim.Conn, n netsim.Notice) {
		if n == netsim.Connected {
			w.sim.Do(func() { w.link.SetUp(false); pulled = true })
		}
	})
	w.sim.RunUntil(time.Second)
	if !pulled || w.link.Up() {
		t.Errorf("the cable was not pulled")
	}
}

// Sender silly window avoidance (RFC 9293 3.8.6.2.1, MUST-38): with more
// than a segment's worth of data queued, the sender must not send a runt
// because the congestion window has a few bytes of room. Linux counts cwnd
// in segments and never does. Only the last segment may be short.
func TestNoRuntSegmentsInBulk(t *testing.T) {
	w, got, _ := bulkRun(t, 1, netsim.LinkConfig{Latency: ms(10), Loss: 0.05}, 200_000, time.Hour)
	checkBulk(t, w, got, 200_000)
	var runts []string
	for _, e := range w.events {
		s, ok := e.(*netsim.SegmentEvent)
		if !ok || s.Fate != netsim.FateSent || s.SrcHost != "client" || s.Packet.Note != 0 {
			continue
		}
		p := &s.Packet
		if n := len(p.Payload); n > 0 && n < 1460 && p.RelSeq+uint32(n) != 200_001 {
			runts = append(runts, netsim.Format(e))
		}
	}
	if len(runts) > 0 {
		t.Errorf("%d runt segments with data still queued, first: %s", len(runts), runts[0])
	}
}

// A socket the application has closed (an orphan) that cannot get its FIN
// acknowledged is given up by Linux after tcp_orphan_retries, which is 0 by
// default and then means 8 (tcp_orphan_retries(): "retries == 0 && alive →
// 8"): about 102 s after the first RTO retransmission, not retries2's 924 s.
func TestOrphanFinWait1GivesUpAfterOrphanRetries(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	w.sim.Do(w.server.PowerOff)
	w.sim.Do(c.Close)
	w.sim.RunUntil(4 * time.Minute)
	if c.State() != netsim.Closed || len(w.client.Conns()) != 0 {
		t.Errorf("orphan in %v 4 min after close() to a dead peer; Linux drops it after ~104 s", c.State())
	}
}

// simultaneousOpen makes the two hosts dial each other at once from fixed
// ports (RFC 9293 3.5, figure 7): both go SYN_SENT → SYN_RECEIVED.
func simultaneousOpen(t *testing.T, w *world) (a, b *netsim.Conn) {
	w.client.Profile().EphemeralLow, w.client.Profile().EphemeralHigh = 5000, 5000
	w.server.Profile().EphemeralLow, w.server.Profile().EphemeralHigh = 6000, 6000
	pa := must[*netsim.Process](t)(w.client.NewProcess("a"))
	pb := must[*netsim.Process](t)(w.server.NewProcess("b"))
	w.sim.Do(func() {
		a = must[*netsim.Conn](t)(pa.Dial(netip.AddrPortFrom(serverIP, 6000), netsim.SockOpts{}))
		b = must[*netsim.Conn](t)(pb.Dial(netip.AddrPortFrom(clientIP, 5000), netsim.SockOpts{}))
	})
	return a, b
}

func TestSimultaneousOpen(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(10)})
	a, b := simultaneousOpen(t, w)
	w.sim.RunUntil(time.Second)
	if a.State() != netsim.Established || b.State() != netsim.Established {
		t.Errorf("states %v %v, want ESTABLISHED", a.State(), b.State())
	}
}

// close() in SYN_RECEIVED (RFC 9293 3.10.4: the FIN waits, FIN_WAIT_1),
// while the first SYN-ACKs are lost: our SYN is still unacknowledged, so
// the SYN-ACK must be retransmitted; once the link is back the handshake
// completes, our FIN follows and the peer reaches CLOSE_WAIT.
func TestCloseInSynReceivedRetransmitsSynAck(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(10)})
	a, b := simultaneousOpen(t, w)
	w.sim.RunUntil(ms(15))
	if a.State() != netsim.SynReceived {
		t.Fatalf("state %v, want SYN_RECEIVED", a.State())
	}
	w.sim.Do(func() { a.Close(); w.link.SetUp(false) })
	w.sim.RunUntil(2 * time.Second)
	w.sim.Do(func() { w.link.SetUp(true) })
	w.sim.RunUntil(30 * time.Second)
	resent := 0
	for _, s := range w.segments(netsim.FateSent, "client") {
		if strings.Contains(s, "SYN|ACK") && strings.Contains(s, "retransmission") {
			resent++
		}
	}
	if resent == 0 || b.State() != netsim.CloseWait {
		t.Errorf("closing side resent its SYN-ACK %d times; peer %v; want > 0 and CLOSE_WAIT (got %q)",
			resent, b.State(), w.segments(netsim.FateSent, "client"))
	}
}

// shutdown(SHUT_WR) before the handshake completes must not be lost: Linux
// aborts the connect (inet_shutdown: SYN_SENT → disconnect); a model that
// kept the socket would at least have to send the FIN once established.
// Here the call is silently dropped: the connection ends ESTABLISHED and
// writable, with no FIN ever sent.
func TestShutdownInSynSent(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(10)})
	w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.Do(c.Shutdown)
	w.sim.RunUntil(time.Second)
	fin := false
	for _, s := range w.segments(netsim.FateSent, "client") {
		fin = fin || strings.Contains(s, "FIN")
	}
	if c.State() == netsim.Established && !fin {
		t.Errorf("shutdown in SYN_SENT was ignored: %v, no FIN, Write → %v", c.State(), c.Write([]byte("x"), "x"))
	}
}

// Measured on 6.18 (docs/kernel-check 5f): in ping-pong mode, a reply and
// the server's FIN both outstanding, the client keeping its socket: the
// server's tail loss probe re-sends the FIN after 2·SRTT + 2 ms and the
// duplicate draws an immediate ACK, well before the client's 40 ms delayed
// ACK. TLP runs in FIN_WAIT_1 too (tcp_schedule_loss_probe has no state
// test in 6.x).
func TestTailLossProbeResendsFINInFinWait1(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	rounds := 0
	w.listen(8080, 128, netsim.SockOpts{}, func(c *netsim.Conn, data []byte, err error) {
		if data != nil {
			rounds++
			c.Write([]byte("answer"), "answer")
			if rounds == 31 {
				c.Close()
			}
		}
	})
	w.dial(8080, netsim.SockOpts{}, func(c *netsim.Conn, n netsim.Notice) {
		if n == netsim.Connected {
			c.Write([]byte("q"), "q")
		} else if data, _ := c.Read(); data != nil && rounds < 31 {
			c.Write([]byte("q"), "q")
		}
	})
	w.sim.RunUntil(time.Second)
	var finAt, ackAt time.Duration
	for _, e := range w.events {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Fate == netsim.FateSent {
			if s.SrcHost == "server" && s.Packet.Flags&netsim.FIN != 0 && finAt == 0 {
				finAt = s.At
			}
			if s.SrcHost == "client" && finAt != 0 && ackAt == 0 && s.Packet.Flags == netsim.ACK {
				ackAt = s.At
			}
		}
	}
	if finAt == 0 || ackAt-finAt > ms(15) {
		t.Errorf("server FIN at %v, client ACK of it at %v (+%v); want the TLP to draw it within ~10 ms\n%q",
			finAt, ackAt, ackAt-finAt, w.segments(netsim.FateSent, "")[len(w.segments(netsim.FateSent, ""))-6:])
	}
}

// Every way a connection ends leaves no timer behind: graceful close with
// keepalive on both ends, RST on close with unread data, keepalive giving
// up on a dead peer, SO_LINGER 0.
func TestNoTimersLeftAfterClose(t *testing.T) {
	ka := netsim.SockOpts{KeepAlive: true, KeepIdle: 10 * time.Second, KeepIntvl: time.Second, KeepCnt: 2}
	for i, end := range []func(w *world, c, s *netsim.Conn){
		func(w *world, c, s *netsim.Conn) { c.Close() },
		func(w *world, c, s *netsim.Conn) {
			s.Write([]byte("unread"), "x")
			w.sim.RunFor(time.Second)
			c.Close()
		},
		func(w *world, c, s *netsim.Conn) { w.server.PowerOff() },
		func(w *world, c, s *netsim.Conn) { c.Abort() },
		func(w *world, c, s *netsim.Conn) { c.Shutdown(); s.Close() },
	} {
		w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
		a, _ := w.listen(8080, 128, ka, func(c *netsim.Conn, data []byte, err error) {
			if err == netsim.EOF {
				c.Close()
			}
		})
		c := w.dial(8080, ka, func(c *netsim.Conn, n netsim.Notice) {})
		w.sim.RunUntil(time.Second)
		w.sim.Do(func() { c.Write([]byte("hello"), "x") })
		w.sim.RunUntil(2 * time.Second)
		w.sim.Do(func() { end(w, c, a.conns[0]) })
		w.sim.RunFor(10 * time.Minute)
		if n := w.sim.Pending(); n != 0 || len(w.client.Conns()) != 0 {
			t.Errorf("case %d: %d timers armed, client conns %d, states %v/%v", i, n, len(w.client.Conns()), c.State(), a.conns[0].State())
		}
	}
}

// The first of two small writes is lost; the second and the FIN arrive out
// of order and are held; the RTO retransmission carries both writes and the
// FIN in order. Every byte has been read when the server closes at EOF, so
// it must send FIN (tcp_close counts only the in-order receive queue as
// unread), not RST. Here the held copies, already covered, are never
// dropped once the FIN is in (drainOutOfOrder stops at finRcvd), and Close
// counts them as unread data: RST, and the client gets ECONNRESET.
func TestStaleOutOfOrderSegmentsTurnCloseIntoRST(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(10)})
	var got bytes.Buffer
	w.listen(8080, 128, netsim.SockOpts{}, func(c *netsim.Conn, data []byte, err error) {
		got.Write(data)
		if err == netsim.EOF {
			c.Close()
		}
	})
	c := w.dial(8080, netsim.SockOpts{}, func(c *netsim.Conn, n netsim.Notice) { c.Read() })
	w.sim.RunUntil(time.Second)
	w.sim.Do(func() {
		w.link.SetUp(false)
		c.Write(pattern(700), "a") // lost
		w.link.SetUp(true)
		c.Write(pattern(700), "b") // held out of order
		c.Shutdown()               // FIN, held out of order
	})
	w.sim.RunUntil(5 * time.Second)
	if got.Len() != 1400 {
		t.Fatalf("server read %d bytes, want 1400", got.Len())
	}
	if e := w.errors("client"); len(e) != 1 || !strings.HasSuffix(e[0], "EOF") {
		t.Errorf("client errors %q, want EOF only (the server closed with FIN)", e)
	}
}

// Both ends upload 150 KB and half-close over a lossy, jittery link; each
// closes at EOF. Every byte must arrive both ways. (Same cause as
// TestStaleOutOfOrderSegmentsTurnCloseIntoRST: the server's close
// turns into a RST and the client loses the rest of its download.)
func TestBidirectionalHalfCloseLossy(t *testing.T) {
	const size = 150_000
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(10), Jitter: ms(30), Loss: 0.1})
	var sgot, cgot bytes.Buffer
	w.listen(8080, 128, netsim.SockOpts{}, func(c *netsim.Conn, data []byte, err error) {
		if sgot.Len() == 0 && data != nil {
			c.Write(pattern(size), "down")
			c.Shutdown()
		}
		sgot.Write(data)
		if err != nil {
			c.Close()
		}
	})
	w.dial(8080, netsim.SockOpts{}, func(c *netsim.Conn, n netsim.Notice) {
		if n == netsim.Connected {
			c.Write(pattern(size), "up")
			c.Shutdown()
			return
		}
		for {
			d, err := c.Read()
			cgot.Write(d)
			if err != nil {
				c.Close()
			}
			if d == nil {
				return
			}
		}
	})
	w.sim.RunUntil(time.Hour)
	if !bytes.Equal(sgot.Bytes(), pattern(size)) || !bytes.Equal(cgot.Bytes(), pattern(size)) {
		t.Errorf("server read %d, client read %d, want %d each; errors client %q server %q",
			sgot.Len(), cgot.Len(), size, w.errors("client"), w.errors("server"))
	}
}
