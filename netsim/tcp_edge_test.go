package netsim_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// The TCP edge cases are data-driven: testdata/*.txt, run by
// TestInteraction. What stays here does not read as a transcript: an API
// re-entrancy check and a scan of every segment of a bulk transfer.

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
// in segments and never does. Only the last segment may be short. (A full
// segment is 1448 bytes: the MSS less the 12 bytes of timestamps.)
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
		if n := len(p.Payload); n > 0 && n < 1448 && p.RelSeq+uint32(n) != 200_001 {
			runts = append(runts, netsim.Format(e))
		}
	}
	if len(runts) > 0 {
		t.Errorf("%d runt segments with data still queued, first: %s", len(runts), runts[0])
	}
}
