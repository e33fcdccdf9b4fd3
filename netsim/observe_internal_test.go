package netsim

import (
	"net/netip"
	"testing"
	"time"
)

// TestUnaskedKindsAreNotBuilt: with an observer of state changes only, a
// ping and its answer build no segment event (the one netsim builds in
// place stays empty), and the segments are counted all the same.
func TestUnaskedKindsAreNotBuilt(t *testing.T) {
	s := New(1)
	states := 0
	s.ObserveKinds(KindState, func(Event) { states++ })
	server, _ := s.AddHost("server", netip.MustParseAddr("10.0.0.1"), Linux())
	client, _ := s.AddHost("client", netip.MustParseAddr("10.0.0.2"), Linux())
	s.AddLink("client", "server", LinkConfig{Latency: 10 * time.Millisecond})
	sp, _ := server.NewProcess("server")
	l, _ := sp.Listen(8080, 16, SockOpts{})
	l.OnAcceptable(func() {
		c := l.Accept()
		c.OnNotice(func(Notice) {
			if data, _ := c.Read(); data != nil {
				c.Write([]byte("pong"), "pong")
			}
		})
	})
	cp, _ := client.NewProcess("client")
	s.Do(func() {
		c, _ := cp.Dial(netip.MustParseAddrPort("10.0.0.1:8080"), SockOpts{})
		c.OnNotice(func(Notice) {
			if c.State() == Established && c.Stats().BytesOut == 0 {
				c.Write([]byte("ping"), "ping")
			}
			c.Read()
		})
	})
	s.RunUntil(time.Second)
	if states != 5 { // LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED twice
		t.Errorf("the observer of states was handed %d events, want 5", states)
	}
	// SYN, SYN-ACK, ACK, ping, its ACK (quick-ACK mode, before the
	// server's answer), pong, its ACK: each sent and delivered.
	if sent, delivered := s.Counted(KindSegmentSent), s.Counted(KindSegmentDelivered); sent != 7 || delivered != 7 {
		t.Errorf("Counted %d segments sent and %d delivered, want 7 and 7", sent, delivered)
	}
	if s.segmentEvent.Fate != 0 {
		t.Errorf("a segment event was built for nobody: %s", s.segmentEvent.Line())
	}
}
