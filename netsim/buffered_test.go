package netsim_test

import (
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// Sim.Buffered, which the lab's budget checks after every step, is the sum
// of the buffers of the connections in the hosts' tables, through writes,
// losses, a cable pulled, closes, aborts and a
// power cut (it is kept up to date as buffers change, never summed).
func TestBufferedIsTheSumOfTheConnections(t *testing.T) {
	w := newWorld(t, 7, netsim.LinkConfig{Latency: ms(5), Loss: 0.2})
	srv, _ := w.listen(8080, 128, netsim.SockOpts{}, nil)
	var conns []*netsim.Conn
	for range 4 {
		conns = append(conns, w.dial(8080, netsim.SockOpts{}, nil))
	}
	chunk := make([]byte, 3000)
	check := func() {
		t.Helper()
		sum := 0
		for _, h := range w.sim.Hosts() {
			for _, c := range h.Conns() {
				sum += c.Buffered()
			}
		}
		if got := w.sim.Buffered(); got != sum {
			t.Fatalf("at %v: Buffered %d, the connections hold %d", w.sim.Now(), got, sum)
		}
	}
	at := func(d time.Duration, f func()) {
		for {
			next, ok := w.sim.NextAt()
			if !ok || next > d {
				break
			}
			w.sim.Step()
			check()
		}
		w.sim.RunUntil(d)
		w.sim.Do(f)
		check()
	}
	for i := range 40 {
		at(time.Duration(i)*200*time.Millisecond, func() {
			for _, c := range conns {
				c.Write(chunk, "data")
			}
		})
	}
	at(9*time.Second, func() { w.link.SetUp(false) })
	at(10*time.Second, func() { conns[0].Write(chunk, "data") })
	at(12*time.Second, func() { w.link.SetUp(true) })
	at(14*time.Second, func() { conns[1].Close(); conns[2].Abort() })
	at(16*time.Second, func() {
		for _, c := range srv.conns {
			c.Close()
		}
	})
	at(20*time.Second, w.server.PowerOff)
	at(40*time.Second, func() { conns[3].Write(chunk, "data") })
	at(5*time.Minute, func() {})
	if w.sim.Buffered() < 0 {
		t.Fatalf("Buffered %d", w.sim.Buffered())
	}
}
