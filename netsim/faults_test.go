package netsim_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/socklab/socklab/netsim"
)

// A peer powered off and on again has forgotten the connection: the next
// segment it receives is answered with a RST (seq = the segment's ACK) and
// the sender's socket reports ECONNRESET.
func TestRebootedPeerAnswersRST(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	w.sim.Do(w.server.PowerOff)
	w.sim.RunUntil(2 * time.Second)
	w.sim.Do(w.server.PowerOn)
	w.sim.RunUntil(3 * time.Second)
	w.sim.Do(func() { c.Write([]byte("anyone?"), "data") })
	w.sim.RunUntil(time.Minute)

	data := w.firstSent("client", netsim.PSH|netsim.ACK)
	want := []string{
		"00:00:03.000 client PSH|ACK seq=1 ack=1 len=7",
		// Stateless, so printed raw: its seq is the data segment's ACK.
		fmt.Sprintf("00:00:03.001 server RST seq=%d ack=0 len=0", data.Ack),
	}
	if diff := cmp.Diff(want, w.segments(netsim.FateSent, "")[3:]); diff != "" {
		t.Errorf("segments after the reboot (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"00:00:03.002 ECONNRESET"}, w.errors("client")); diff != "" {
		t.Errorf("client errors (-want +got):\n%s", diff)
	}
	if c.State() != netsim.Closed {
		t.Errorf("client state %v, want CLOSED", c.State())
	}
}

func (w *world) lastSent(host string) netsim.Packet {
	var p netsim.Packet
	for _, e := range w.events {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Fate == netsim.FateSent && s.SrcHost == host {
			p = s.Packet
		}
	}
	return p
}

func (w *world) firstSent(host string, flags netsim.Flags) netsim.Packet {
	for _, e := range w.events {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Fate == netsim.FateSent && s.SrcHost == host && s.Packet.Flags == flags {
			return s.Packet
		}
	}
	return netsim.Packet{}
}

// A power cut sends nothing, and the peer keeps ESTABLISHED for as long as
// it does not send: a half-open connection.
func TestPowerOffLeavesHalfOpen(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	a, _ := w.listen(8080, 128, netsim.SockOpts{}, nil)
	w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	before := len(w.events)
	w.sim.Do(w.client.PowerOff)
	w.sim.RunUntil(3 * time.Hour)
	for _, e := range w.events[before:] {
		if _, ok := e.(*netsim.SegmentEvent); ok {
			t.Errorf("a segment after the power cut: %s", netsim.Format(e))
		}
	}
	if got := a.conns[0].State(); got != netsim.Established {
		t.Errorf("server state after 3 h: %v, want ESTABLISHED", got)
	}
	if n := len(w.client.Conns()); n != 0 {
		t.Errorf("the powered-off client still holds %d connections", n)
	}
}

// A crashing process's sockets are closed by the OS: FIN, as close() does.
func TestCrashClosesWithFIN(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	a, _ := w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	w.sim.Do(c.Process().Crash)
	w.sim.RunUntil(2 * time.Second)
	want := []string{
		"00:00:01.000 client FIN|ACK seq=1 ack=1 len=0",
		"00:00:01.001 server ACK seq=1 ack=2 len=0", // after the peer's FIN, the server app reads EOF and closes
	}
	got := w.segments(netsim.FateSent, "")[3:]
	if len(got) < 1 || got[0] != want[0] {
		t.Errorf("after the crash: %q, want %q first", got, want[0])
	}
	if got := a.conns[0].State(); got != netsim.CloseWait {
		t.Errorf("server state %v, want CLOSE_WAIT (its application never closes)", got)
	}
	if diff := cmp.Diff([]string{"00:00:01.001 EOF"}, w.errors("server")); diff != "" {
		t.Errorf("server errors (-want +got):\n%s", diff)
	}
}

// A crash with unread data resets instead (tcp_close: data_was_unread).
func TestCrashWithUnreadDataResets(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	w.listen(8080, 128, netsim.SockOpts{}, func(c *netsim.Conn, data []byte, err error) {
		if data != nil {
			c.Write([]byte("unread answer"), "data")
		}
	})
	// This client never reads.
	c := w.dial(8080, netsim.SockOpts{}, func(c *netsim.Conn, n netsim.Notice) {
		if n == netsim.Connected {
			c.Write([]byte("question"), "data")
		}
	})
	w.sim.RunUntil(time.Second)
	w.sim.Do(c.Process().Crash)
	w.sim.RunUntil(2 * time.Second)
	if got := w.lastSent("client"); got.Flags != netsim.RST|netsim.ACK {
		t.Errorf("client's last segment %v, want RST|ACK", got.Flags)
	}
	if diff := cmp.Diff([]string{"00:00:01.001 ECONNRESET"}, w.errors("server")); diff != "" {
		t.Errorf("server errors (-want +got):\n%s", diff)
	}
}

// A frozen application's kernel still answers keepalive probes: the peer's
// keepalive sees it alive, forever.
func TestFrozenApplicationAnswersKeepalive(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	a, _ := w.listen(8080, 128, netsim.SockOpts{}, nil)
	opts := netsim.SockOpts{KeepAlive: true, KeepIdle: 5 * time.Second, KeepIntvl: 2 * time.Second, KeepCnt: 3}
	c := w.dial(8080, opts, nil)
	w.sim.RunUntil(time.Second)
	w.sim.Do(a.proc.Freeze)
	w.sim.RunUntil(time.Minute)

	probes, answers := 0, 0
	for _, e := range w.events {
		s, ok := e.(*netsim.SegmentEvent)
		if !ok || s.Fate != netsim.FateDelivered {
			continue
		}
		switch {
		case s.SrcHost == "client" && s.Packet.Note == netsim.NoteKeepalive:
			probes++
		case s.SrcHost == "server" && s.Packet.Flags == netsim.ACK:
			answers++
		}
	}
	// Probes at 5.002, 10.004, ... every idle period: each answer resets the idle clock.
	if probes < 11 || answers != probes {
		t.Errorf("%d probes delivered and %d answered, want more than 10, all answered", probes, answers)
	}
	if c.State() != netsim.Established || len(w.errors("client")) != 0 {
		t.Errorf("client %v with errors %v, want ESTABLISHED and none", c.State(), w.errors("client"))
	}
}
