package netsim_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/socklab/socklab/netsim"
)

// A handshake, a request and an answer, then the client closes first: the
// textbook exchange, segment by segment, on a 1 ms link. On a fresh
// connection Linux is in quick-ACK mode: data is acknowledged at once, before
// the application's answer can carry the ACK.
func TestHandshakeDataGracefulClose(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	w.exactTimers() // the bare rule; timer_wheel_test.go has the slack
	w.listen(8080, 128, netsim.SockOpts{}, func(c *netsim.Conn, data []byte, err error) {
		switch {
		case data != nil:
			c.Write([]byte("world!"), "answer")
		case err == netsim.EOF:
			c.Close()
		}
	})
	w.dial(8080, netsim.SockOpts{}, func(c *netsim.Conn, n netsim.Notice) {
		switch n {
		case netsim.Connected:
			c.Write([]byte("hello"), "request")
		case netsim.Readable:
			if data, _ := c.Read(); data != nil {
				c.Close()
			}
		}
	})
	w.sim.RunUntil(2 * time.Minute)

	wantSegs := []string{
		"00:00:00.000 client SYN seq=0 ack=0 len=0",
		"00:00:00.001 server SYN|ACK seq=0 ack=1 len=0",
		"00:00:00.002 client ACK seq=1 ack=1 len=0",
		"00:00:00.002 client PSH|ACK seq=1 ack=1 len=5",
		"00:00:00.003 server ACK seq=1 ack=6 len=0", // quick ACK
		"00:00:00.003 server PSH|ACK seq=1 ack=6 len=6",
		"00:00:00.004 client ACK seq=6 ack=7 len=0", // quick ACK
		"00:00:00.004 client FIN|ACK seq=6 ack=7 len=0",
		"00:00:00.005 server FIN|ACK seq=7 ack=7 len=0",
		"00:00:00.006 client ACK seq=7 ack=8 len=0",
	}
	if diff := cmp.Diff(wantSegs, w.segments(netsim.FateSent, "")); diff != "" {
		t.Errorf("segments sent (-want +got):\n%s", diff)
	}
	wantClient := []string{
		"00:00:00.000 CLOSED>SYN_SENT",
		"00:00:00.002 SYN_SENT>ESTABLISHED",
		"00:00:00.004 ESTABLISHED>FIN_WAIT_1",
		"00:00:00.006 FIN_WAIT_1>FIN_WAIT_2",
		"00:00:00.006 FIN_WAIT_2>TIME_WAIT",
		"00:01:00.006 TIME_WAIT>CLOSED", // TIME_WAIT lasts TCP_TIMEWAIT_LEN, 60 s
	}
	if diff := cmp.Diff(wantClient, w.states("client")); diff != "" {
		t.Errorf("client states (-want +got):\n%s", diff)
	}
	wantServer := []string{
		"00:00:00.001 LISTEN>SYN_RECEIVED",
		"00:00:00.003 SYN_RECEIVED>ESTABLISHED",
		"00:00:00.005 ESTABLISHED>CLOSE_WAIT",
		"00:00:00.005 CLOSE_WAIT>LAST_ACK",
		"00:00:00.007 LAST_ACK>CLOSED",
	}
	if diff := cmp.Diff(wantServer, w.states("server")); diff != "" {
		t.Errorf("server states (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"00:00:00.005 EOF"}, w.errors("server")); diff != "" {
		t.Errorf("server socket errors (-want +got):\n%s", diff)
	}
}
