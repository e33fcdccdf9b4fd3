package netsim_test

import (
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// pingWorld is one client writing "ping" every second to a server that
// answers "pong" at once, over a 10 ms link, its events lent to
// observe.
func pingWorld(t *testing.T, observe func(netsim.Event)) (*netsim.Sim, *netsim.Link, *netsim.Conn) {
	t.Helper()
	s := netsim.New(1)
	s.ObserveTransient(observe)
	server := must[*netsim.Host](t)(s.AddHost("server", serverIP, netsim.Linux()))
	client := must[*netsim.Host](t)(s.AddHost("client", clientIP, netsim.Linux()))
	link := must[*netsim.Link](t)(s.AddLink("client", "server", netsim.LinkConfig{Latency: ms(10)}))
	sp := must[*netsim.Process](t)(server.NewProcess("server"))
	l := must[*netsim.Listener](t)(sp.Listen(8080, 16, netsim.SockOpts{}))
	l.OnAcceptable(func() {
		c := l.Accept()
		c.OnNotice(func(netsim.Notice) {
			if data, _ := c.Read(); data != nil {
				c.Write([]byte("pong"), "pong")
			}
		})
	})
	cp := must[*netsim.Process](t)(client.NewProcess("client"))
	var c *netsim.Conn
	s.Do(func() {
		c = must[*netsim.Conn](t)(cp.Dial(netip.AddrPortFrom(serverIP, 8080), netsim.SockOpts{}))
		c.OnNotice(func(netsim.Notice) { c.Read() })
	})
	return s, link, c
}

// TestSendQueueReuseKeepsWhatPacketsShow: once an ACK covers the whole
// send queue, the next write reuses its memory, but only when no packet
// alive carries those bytes. Here the ACK of "AAAA" comes back slowly
// (the link's latency rose to 500 ms after it left), a tail loss probe
// sends "AAAA" again meanwhile, and "BBBB" is written once the ACK is in,
// while that copy is still on the wire: the copy must arrive as "AAAA".
func TestSendQueueReuseKeepsWhatPacketsShow(t *testing.T) {
	sent := map[uint64]string{}
	var delivered, retransmitted int
	var mismatch []string
	s, link, c := pingWorld(t, func(e netsim.Event) {
		seg, ok := e.(*netsim.SegmentEvent)
		if !ok || len(seg.Packet.Payload) == 0 {
			return
		}
		payload := string(seg.Packet.Payload)
		switch seg.Fate {
		case netsim.FateSent:
			sent[seg.Packet.ID] = payload
			if seg.Packet.Note != 0 {
				retransmitted++
			}
		case netsim.FateDelivered:
			delivered++
			if sent[seg.Packet.ID] != payload {
				mismatch = append(mismatch, netsim.FormatTime(seg.At)+" sent "+sent[seg.Packet.ID]+", delivered "+payload)
			}
		}
	})
	s.RunUntil(100 * time.Millisecond)
	s.Do(func() {
		c.Write([]byte("AAAA"), "a")
		if err := link.SetConfig(netsim.LinkConfig{Latency: 500 * time.Millisecond}); err != nil {
			t.Fatal(err)
		}
	})
	for s.Now() < 3*time.Second && c.Unacked() > 0 {
		s.Step()
	}
	if c.Unacked() != 0 {
		t.Fatal("AAAA is never acknowledged")
	}
	s.Do(func() { c.Write([]byte("BBBB"), "b") })
	s.RunUntil(5 * time.Second)
	if retransmitted == 0 {
		t.Fatal("no copy of AAAA was sent again: the test does not test the reuse")
	}
	if len(mismatch) > 0 || delivered == 0 {
		t.Errorf("%d data segments delivered; a packet showed other bytes on arrival than when it left: %v", delivered, mismatch)
	}
}

// TestPingPongAllocatesNothing: a request and its answer, their ACKs and
// timers allocate nothing once the connection runs, while the events are
// lent (the send queue reuses its memory once acknowledged).
func TestPingPongAllocatesNothing(t *testing.T) {
	s, _, c := pingWorld(t, func(netsim.Event) {})
	ping := []byte("ping")
	s.RunUntil(time.Second)
	round := func() {
		s.Do(func() { c.Write(ping, "ping") })
		s.RunFor(time.Second)
	}
	for range 5 { // quick-ACK mode ends, the queue's slots and buffers have their room
		round()
	}
	if n := testing.AllocsPerRun(20, round); n != 0 {
		t.Errorf("a ping and its answer allocate %.1f times", n)
	}
}

// TestKeptEventsKeepTheirPayload: an event that an observer keeps shows
// the payload its packet carried, after the send queue it came from has
// taken the next writes: while an observer keeps events, the queue's
// memory is not reused.
func TestKeptEventsKeepTheirPayload(t *testing.T) {
	var kept []*netsim.SegmentEvent
	s, _, c := pingWorld(t, func(netsim.Event) {})
	s.Observe(func(e netsim.Event) {
		if seg, ok := e.(*netsim.SegmentEvent); ok && seg.Fate == netsim.FateSent && seg.SrcHost == "client" && len(seg.Packet.Payload) > 0 {
			kept = append(kept, seg)
		}
	})
	s.RunUntil(time.Second)
	for _, msg := range []string{"one", "two", "six"} {
		s.Do(func() { c.Write([]byte(msg), msg) })
		s.RunFor(time.Second)
	}
	var got []string
	for _, e := range kept {
		got = append(got, string(e.Packet.Payload))
	}
	if strings.Join(got, " ") != "one two six" {
		t.Errorf("the kept events show %q, want one two six", got)
	}
}
