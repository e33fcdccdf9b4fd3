package netsim_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/socklab/socklab/netsim"
)

// An orphan whose peer is gone gives up by tcp_orphan_retries, not
// tcp_retries2 (tcp_write_timeout): the sysctl's default 0 means 8 while
// the RTO is below TCP_RTO_MAX (tcp_orphan_retries()), a budget of
// tcp_model_timeout(8, 200 ms) = 102.2 s from the first RTO
// retransmission, checked when the RTO fires. It closes without a RST.
func TestOrphanGivesUpByOrphanRetries(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	w.exactTimers() // the bare rule
	w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	w.sim.Do(func() {
		w.server.PowerOff()
		c.Close()
	})
	if _, ok := c.OrphanRule(); ok {
		t.Fatal("OrphanRule is ok before the orphan gave up")
	}
	w.sim.RunUntil(5 * time.Minute)

	g, ok := c.OrphanRule()
	if !ok {
		t.Fatalf("no orphan give-up; client states %q", w.states("client"))
	}
	// The FIN at 1 s, its tail loss probe at 1.204 s, the first RTO
	// retransmission at 1.408 s (the RTO 204 ms: srtt 2 ms + the 200 ms
	// floor, Linux's rttvar minimum); then the RTO doubles from 408 ms, so
	// the k-th expiry after the first retransmission comes 408 ms × (2^k − 1)
	// after it: 51.816 s at k = 7, under the budget; 104.04 s at k = 8, past
	// it. Eight retransmissions, and the give-up at 1.408 + 104.04 s.
	want := netsim.OrphanGiveUp{Sysctl: 0, Retries: 8, Budget: 102200 * time.Millisecond, Elapsed: 104040 * time.Millisecond, Count: 8}
	if diff := cmp.Diff(want, g); diff != "" {
		t.Errorf("give-up (-want +got):\n%s", diff)
	}
	wantStates := []string{
		"00:00:00.000 CLOSED>SYN_SENT",
		"00:00:00.002 SYN_SENT>ESTABLISHED",
		"00:00:01.000 ESTABLISHED>FIN_WAIT_1",
		"00:01:45.448 FIN_WAIT_1>CLOSED",
	}
	if diff := cmp.Diff(wantStates, w.states("client")); diff != "" {
		t.Errorf("client states (-want +got):\n%s", diff)
	}
	sent := w.segments(netsim.FateSent, "client")
	if last := sent[len(sent)-1]; last != "00:00:53.224 client FIN|ACK seq=1 ack=1 len=0 retransmission" {
		t.Errorf("last segment %q, want the eighth retransmission of the FIN at 53.224 s and no RST", last)
	}
}
