package netsim_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/socklab/socklab/netsim"
)

// A heartbeat every 10 s, answered at once. Linux acknowledges the first
// ping at once (quick-ACK mode on a fresh connection), then, having
// answered within the ACK timeout, the server is interactive and lets the
// pong carry its ACK; the client, which hears nothing for 10 s between
// pongs, acknowledges each at once (a pause longer than the RTO refills
// quick ACKs). As measured on 6.18 (docs/kernel-check).
func TestDelayedAckPingPong(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	w.listen(8080, 128, netsim.SockOpts{}, func(c *netsim.Conn, data []byte, err error) {
		if data != nil {
			c.Write([]byte("pong"), "heartbeat_ack")
		}
	})
	c := w.dial(8080, netsim.SockOpts{}, func(c *netsim.Conn, n netsim.Notice) { c.Read() })
	for _, at := range []time.Duration{10 * time.Second, 20 * time.Second} {
		w.sim.RunUntil(at)
		w.sim.Do(func() { c.Write([]byte("ping"), "heartbeat") })
	}
	w.sim.RunUntil(30 * time.Second)
	want := []string{
		"00:00:10.000 client PSH|ACK seq=1 ack=1 len=4",
		"00:00:10.001 server ACK seq=1 ack=5 len=0", // quick ACK: fresh connection
		"00:00:10.001 server PSH|ACK seq=1 ack=5 len=4",
		"00:00:10.002 client ACK seq=5 ack=5 len=0",
		"00:00:20.000 client PSH|ACK seq=5 ack=5 len=4",
		"00:00:20.001 server PSH|ACK seq=5 ack=9 len=4", // ping-pong: the answer carries the ACK
		"00:00:20.002 client ACK seq=9 ack=9 len=0",
	}
	if diff := cmp.Diff(want, w.segments(netsim.FateSent, "")[3:]); diff != "" {
		t.Errorf("segments (-want +got):\n%s", diff)
	}
}

// Without the quick-ACK engine (the Windows profile), a lone ACK waits
// 200 ms.
func TestDelayedAckWindows(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	*w.server.Profile() = netsim.Windows()
	w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	w.sim.Do(func() { c.Write([]byte("ping"), "heartbeat") })
	w.sim.RunUntil(2 * time.Second)
	want := []string{
		"00:00:01.000 client PSH|ACK seq=1 ack=1 len=4",
		"00:00:01.201 server ACK seq=1 ack=5 len=0",
	}
	if diff := cmp.Diff(want, w.segments(netsim.FateSent, "")[3:]); diff != "" {
		t.Errorf("segments (-want +got):\n%s", diff)
	}
}
