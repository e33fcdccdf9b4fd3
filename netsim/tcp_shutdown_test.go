package netsim_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/socklab/socklab/netsim"
)

// After the peer's FIN, a RST in CLOSE_WAIT sets EPIPE, but reads go on
// returning EOF (tcp_recvmsg_locked tests SOCK_DONE before sk_err): the
// next write reports EPIPE, once, and writes after it fail with EPIPE too.
func TestResetInCloseWaitReadsEOFWritesEPIPE(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	a, _ := w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	w.sim.Do(a.conns[0].Close)
	w.sim.RunUntil(2 * time.Second)
	w.sim.Do(func() { c.Write([]byte("late"), "data") }) // the server answers RST
	w.sim.RunUntil(3 * time.Second)
	if c.Err() != netsim.EPIPE {
		t.Fatalf("pending error %v, want EPIPE (RST in CLOSE_WAIT)", c.Err())
	}
	var got []error
	for range 2 {
		_, err := c.Read()
		got = append(got, err)
	}
	got = append(got, c.Write([]byte("x"), "data"), c.Write([]byte("x"), "data"))
	_, err := c.Read()
	got = append(got, err)
	want := []error{netsim.EOF, netsim.EOF, netsim.EPIPE, netsim.EPIPE, netsim.EOF}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("call %d: got %v, want %v", i+1, got[i], want[i])
		}
	}
}

// shutdown(SHUT_RD) sends nothing; data already queued and data arriving
// later are still read, and then a read returns EOF instead of waiting.
// Shut both ways, a socket that receives data answers with a RST (no ACK
// flag, seq = the segment's ACK) and its application reads ECONNRESET.
func TestShutdownRead(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	a, _ := w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	srv := a.conns[0]
	a.conns[0].OnNotice(nil) // the server writes; the test reads the client by hand
	w.sim.Do(func() { srv.Write([]byte("before"), "data") })
	w.sim.RunUntil(2 * time.Second)
	sent := len(w.segments(netsim.FateSent, "client"))
	var reads []string
	read := func() {
		data, err := c.Read()
		switch {
		case err != nil:
			reads = append(reads, err.(netsim.Errno).Name())
		case data == nil:
			reads = append(reads, "would block")
		default:
			reads = append(reads, string(data))
		}
	}
	w.sim.Do(func() {
		if err := c.ShutdownRead(); err != nil {
			t.Errorf("shutdown(SHUT_RD): %v", err)
		}
		read()
		read()
	})
	if n := len(w.segments(netsim.FateSent, "client")); n != sent {
		t.Errorf("shutdown(SHUT_RD) sent %d segments, want none", n-sent)
	}
	w.sim.Do(func() { srv.Write([]byte("after"), "data") })
	w.sim.RunUntil(3 * time.Second)
	w.sim.Do(read)
	if diff := cmp.Diff([]string{"before", "EOF", "after"}, reads); diff != "" {
		t.Errorf("reads after SHUT_RD (-want +got):\n%s", diff)
	}
	w.sim.Do(c.Shutdown) // SHUT_WR too: FIN_WAIT_1, then FIN_WAIT_2
	w.sim.RunUntil(4 * time.Second)
	if c.State() != netsim.FinWait2 {
		t.Fatalf("client %v, want FIN_WAIT_2", c.State())
	}
	w.sim.Do(func() { srv.Write([]byte("more"), "data") })
	w.sim.RunUntil(5 * time.Second)
	var last, data netsim.Packet // the client's last segment, the server's data it answers
	for _, e := range w.events {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Fate == netsim.FateSent {
			if s.SrcHost == "client" {
				last = s.Packet
			} else if len(s.Packet.Payload) > 0 {
				data = s.Packet
			}
		}
	}
	if last.Flags != netsim.RST || last.Seq != data.Ack || last.Story.Trigger != netsim.TriggerResetDataAfterClose {
		t.Errorf("client's last segment %v seq=%d (%v), want a RST seq=%d without ACK", last.Flags, last.Seq,
			last.Story.Trigger, data.Ack)
	}
	if diff := cmp.Diff([]string{"00:00:02.000 EOF", "00:00:04.001 ECONNRESET"}, w.errors("client")); diff != "" {
		t.Errorf("client errors (-want +got):\n%s", diff)
	}
	// Not connected: ENOTCONN.
	if err := c.ShutdownRead(); err != netsim.ENOTCONN {
		t.Errorf("shutdown(SHUT_RD) on a closed socket: %v, want ENOTCONN", err)
	}
}
