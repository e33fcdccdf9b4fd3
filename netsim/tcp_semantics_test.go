package netsim_test

import (
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/socklab/socklab/netsim"
)

// Writing to a peer that has closed completely: the write succeeds, the
// peer (an orphan that reads nothing more) answers RST, and a RST received
// in CLOSE_WAIT is reported as EPIPE.
func TestWriteAfterPeerClosedGetsEPIPE(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	a, _ := w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	w.sim.Do(a.conns[0].Close)
	w.sim.RunUntil(2 * time.Second)
	if c.State() != netsim.CloseWait {
		t.Fatalf("client %v after the server's close, want CLOSE_WAIT", c.State())
	}
	var first error
	w.sim.Do(func() { first = c.Write([]byte("late"), "data") })
	w.sim.RunUntil(3 * time.Second)
	if first != nil {
		t.Errorf("first write: %v, want success", first)
	}
	if got := w.lastSent("server"); got.Flags != netsim.RST {
		t.Errorf("server answered %v, want RST", got.Flags)
	}
	if diff := cmp.Diff([]string{"00:00:02.002 EPIPE"}, w.errors("client")); diff != "" {
		t.Errorf("client errors (-want +got):\n%s", diff)
	}
}

// An error is reported once; afterwards writes fail with EPIPE and reads
// return EOF.
func TestErrorReportedOnce(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	a, _ := w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	w.sim.Do(a.conns[0].Abort) // SO_LINGER 0: RST now
	w.sim.RunUntil(2 * time.Second)
	_, err1 := c.Read()
	err2 := c.Write([]byte("x"), "data")
	_, err3 := c.Read()
	got := []error{err1, err2, err3}
	want := []error{netsim.ECONNRESET, netsim.EPIPE, netsim.EOF}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("call %d: got %v, want %v", i+1, got[i], want[i])
		}
	}
	if a.conns[0].State() != netsim.Closed {
		t.Errorf("aborting side %v, want CLOSED without TIME_WAIT", a.conns[0].State())
	}
}

// Half-close: after shutdown(SHUT_WR) the other direction still carries
// data.
func TestHalfClose(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	a, _ := w.listen(8080, 128, netsim.SockOpts{}, func(c *netsim.Conn, data []byte, err error) {
		if err == netsim.EOF {
			c.Write([]byte("the rest of the answer"), "data")
			c.Close()
		}
	})
	var got []string
	c := w.dial(8080, netsim.SockOpts{}, func(c *netsim.Conn, n netsim.Notice) {
		if n == netsim.Connected {
			c.Shutdown()
			return
		}
		data, err := c.Read()
		if data != nil {
			got = append(got, string(data))
		}
		if err == netsim.EOF {
			c.Close()
		}
	})
	w.sim.RunUntil(2 * time.Minute)
	if diff := cmp.Diff([]string{"the rest of the answer"}, got); diff != "" {
		t.Errorf("client read (-want +got):\n%s", diff)
	}
	if c.State() != netsim.Closed || a.conns[0].State() != netsim.Closed {
		t.Errorf("states %v and %v, want both CLOSED", c.State(), a.conns[0].State())
	}
}

// listen(backlog=1) and an application that never accepts: backlog + 1
// connections complete; further SYNs are dropped without an answer and the
// clients keep retrying on their SYN schedule (as measured on Linux 6.18
// with connects 10 ms apart).
func TestBacklogFullDropsSYNs(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	w.exactTimers() // the bare rule; timer_wheel_test.go has the slack
	p := must[*netsim.Process](t)(w.server.NewProcess("server"))
	l := must[*netsim.Listener](t)(p.Listen(8080, 1, netsim.SockOpts{}))
	var conns []*netsim.Conn
	for i := range 4 {
		w.sim.RunUntil(time.Duration(i) * ms(10))
		conns = append(conns, w.dial(8080, netsim.SockOpts{}, nil))
	}
	w.sim.RunUntil(10 * time.Second)
	established := 0
	for _, c := range conns {
		if c.State() == netsim.Established {
			established++
		}
	}
	if established != 2 || l.Queued() != 2 {
		t.Errorf("%d established, %d queued; want 2 and 2 (backlog + 1)", established, l.Queued())
	}
	var drops []string
	for _, e := range w.events {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Why == netsim.WhyBacklogFull {
			drops = append(drops, netsim.FormatTime(s.At))
		}
	}
	// The third and fourth SYNs (sent at 20 and 30 ms) are dropped, then
	// each retransmission: 1, 2, 3, 4, 5 and 7 s later.
	want := []string{"00:00:00.021", "00:00:00.031"}
	for _, at := range []string{"01", "02", "03", "04", "05", "07"} {
		want = append(want, "00:00:"+at+".021", "00:00:"+at+".031")
	}
	if diff := cmp.Diff(want, drops); diff != "" {
		t.Errorf("SYNs dropped for a full backlog (-want +got):\n%s", diff)
	}
	if l.Drops() != uint64(len(want)) {
		t.Errorf("listener counted %d drops, want %d", l.Drops(), len(want))
	}
	// Accepting makes room; the next retransmission gets in.
	w.sim.Do(func() { l.Accept(); l.Accept() })
	w.sim.RunUntil(20 * time.Second)
	for i, c := range conns {
		if c.State() != netsim.Established {
			t.Errorf("client %d: %v after the queue emptied, want ESTABLISHED", i, c.State())
		}
	}
}

// A passive open whose SYN-ACKs all get lost: retransmissions at 1, 3, 7,
// 15 and 31 s (tcp_synack_retries = 5), then it is forgotten at 63 s.
func TestSynAckRetries(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	w.exactTimers() // the bare rule; timer_wheel_test.go has the slack
	_, l := w.listen(8080, 128, netsim.SockOpts{}, nil)
	w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(ms(1.5))
	w.sim.Do(func() { w.link.SetUp(false) })
	w.sim.RunUntil(2 * time.Minute)
	var got []string
	for _, line := range w.segments(netsim.FateSent, "server") {
		got = append(got, line[:12])
	}
	want := []string{"00:00:00.001", "00:00:01.001", "00:00:03.001", "00:00:07.001", "00:00:15.001", "00:00:31.001"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SYN-ACKs (-want +got):\n%s", diff)
	}
	states := w.states("server")
	if last := states[len(states)-1]; last != "00:01:03.001 SYN_RECEIVED>CLOSED" {
		t.Errorf("last server state change %q, want SYN_RECEIVED>CLOSED at 63.001 s", last)
	}
	if l.HalfOpen() != 0 {
		t.Errorf("%d half-open connections left", l.HalfOpen())
	}
}

// An orphan in FIN_WAIT_2 (closed, the peer never closes) is forgotten after
// tcp_fin_timeout, 60 s.
func TestOrphanFinWait2Timeout(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	w.exactTimers()                             // the bare rule; timer_wheel_test.go has the slack
	w.listen(8080, 128, netsim.SockOpts{}, nil) // reads EOF, never closes
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	w.sim.Do(c.Close)
	w.sim.RunUntil(5 * time.Minute)
	want := []string{
		"00:00:00.000 CLOSED>SYN_SENT",
		"00:00:00.002 SYN_SENT>ESTABLISHED",
		"00:00:01.000 ESTABLISHED>FIN_WAIT_1",
		// The server's ACK of the FIN is not delayed: no data came
		// before it, so its ACK timeout is still 0 (tcp_send_delayed_ack;
		// tcp_event_data_recv sets TCP_ATO_MIN with the first data), as
		// the kernel's selftest tcp_close_close-remote-fin-then-close
		// expects.
		"00:00:01.002 FIN_WAIT_1>FIN_WAIT_2",
		"00:01:01.002 FIN_WAIT_2>CLOSED",
	}
	if diff := cmp.Diff(want, w.states("client")); diff != "" {
		t.Errorf("client states (-want +got):\n%s", diff)
	}
}

func TestUDP(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	sp := must[*netsim.Process](t)(w.server.NewProcess("server"))
	su := must[*netsim.UDPConn](t)(sp.ListenUDP(9000))
	var got []string
	su.OnReadable(func() {
		for d, ok := su.ReadFrom(); ok; d, ok = su.ReadFrom() {
			got = append(got, netsim.FormatTime(time.Duration(d.At))+" "+string(d.Payload)+" from "+d.From.String())
			su.WriteTo([]byte("pong"), d.From, "heartbeat_ack")
		}
	})
	cp := must[*netsim.Process](t)(w.client.NewProcess("client"))
	cu := must[*netsim.UDPConn](t)(cp.ListenUDP(5000))
	var answers int
	cu.OnReadable(func() {
		for _, ok := cu.ReadFrom(); ok; _, ok = cu.ReadFrom() {
			answers++
		}
	})
	w.sim.Do(func() {
		cu.WriteTo([]byte("ping"), netip.AddrPortFrom(serverIP, 9000), "heartbeat")
		cu.WriteTo([]byte("lost"), netip.AddrPortFrom(serverIP, 9001), "heartbeat")
	})
	w.sim.RunUntil(time.Second)
	if diff := cmp.Diff([]string{"00:00:00.001 ping from 10.0.0.2:5000"}, got); diff != "" {
		t.Errorf("server received (-want +got):\n%s", diff)
	}
	if answers != 1 {
		t.Errorf("client got %d answers, want 1", answers)
	}
	if !strings.Contains(strings.Join(w.drops(), "\n"), "server port-closed") {
		t.Errorf("drops %q, want the datagram to port 9001 dropped (port-closed)", w.drops())
	}
}

func TestPartition(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	w.exactTimers() // the bare rule; timer_wheel_test.go has the slack
	w.listen(8080, 128, netsim.SockOpts{}, nil)
	w.sim.Do(func() {
		if err := w.sim.Partition("split", []string{"client"}, []string{"server"}); err != nil {
			t.Fatal(err)
		}
	})
	w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(1500 * time.Millisecond)
	w.sim.Do(func() { w.sim.Heal("split") })
	w.sim.RunUntil(3 * time.Second)
	drops := w.drops()
	want := []string{
		"00:00:00.001 server partition SYN seq=0 ack=0 len=0",
		"00:00:01.001 server partition SYN seq=0 ack=0 len=0 retransmission",
	}
	if diff := cmp.Diff(want, drops); diff != "" {
		t.Errorf("drops (-want +got):\n%s", diff)
	}
	if states := w.states("client"); states[len(states)-1] != "00:00:02.002 SYN_SENT>ESTABLISHED" {
		t.Errorf("client states %q, want ESTABLISHED after the heal, at the 2 s SYN", states)
	}
}

// Bursty loss: with a Gilbert–Elliott link, losses come in runs.
func TestGilbertElliottBursts(t *testing.T) {
	w := newWorld(t, 3, netsim.LinkConfig{Latency: ms(1),
		Burst: &netsim.GilbertElliott{P: 0.05, R: 0.2, LossBad: 1}})
	sp := must[*netsim.Process](t)(w.server.NewProcess("server"))
	must[*netsim.UDPConn](t)(sp.ListenUDP(9000))
	cp := must[*netsim.Process](t)(w.client.NewProcess("client"))
	cu := must[*netsim.UDPConn](t)(cp.ListenUDP(5000))
	const n = 4000
	for i := range n {
		w.sim.RunUntil(time.Duration(i) * time.Millisecond)
		w.sim.Do(func() { cu.WriteTo([]byte("x"), netip.AddrPortFrom(serverIP, 9000), "data") })
	}
	w.sim.RunUntil(time.Hour)
	var lost []bool
	for _, e := range w.events {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Fate != netsim.FateSent {
			lost = append(lost, s.Fate == netsim.FateDropped)
		}
	}
	losses, runs := 0, 0
	for i, l := range lost {
		if l {
			losses++
			if i == 0 || !lost[i-1] {
				runs++
			}
		}
	}
	// Stationary loss p/(p+r) = 20 %, mean run length 1/r = 5 packets.
	rate, meanRun := float64(losses)/n, float64(losses)/float64(runs)
	if rate < 0.15 || rate > 0.25 || meanRun < 3.5 || meanRun > 6.5 {
		t.Errorf("loss rate %.3f with mean run %.2f; want about 0.20 and 5", rate, meanRun)
	}
}
