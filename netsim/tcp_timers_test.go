package netsim_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/socklab/socklab/netsim"
)

// lastDelivered is when host last received a segment.
func (w *world) lastDelivered(host string) time.Duration {
	var t time.Duration
	for _, e := range w.events {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Fate == netsim.FateDelivered && s.Where == host {
			t = s.At
		}
	}
	return t
}

func (w *world) errorAt(host string, errno netsim.Errno) (time.Duration, bool) {
	for _, e := range w.events {
		if s, ok := e.(*netsim.SocketErrorEvent); ok && s.Host == host && s.Err == errno {
			return s.At, true
		}
	}
	return 0, false
}

// An idle connection whose peer's cable is pulled: keepalive probes at
// idle, idle+intvl, idle+2·intvl, then RST and ETIMEDOUT at
// idle + intvl·count after the last segment received (tcp_keepalive_timer).
func TestKeepaliveDetectsPulledCable(t *testing.T) {
	for _, tc := range []struct {
		name            string
		idle, intvl     time.Duration
		count           int
		opts            netsim.SockOpts
		wantProbes      int
		wantDetectAfter time.Duration
	}{
		{
			name: "tuned 5s/2s/3", idle: 5 * time.Second, intvl: 2 * time.Second, count: 3,
			opts:       netsim.SockOpts{KeepAlive: true, KeepIdle: 5 * time.Second, KeepIntvl: 2 * time.Second, KeepCnt: 3},
			wantProbes: 3, wantDetectAfter: 11 * time.Second, // as measured on Linux 6.18
		},
		{
			name: "linux defaults", idle: 7200 * time.Second, intvl: 75 * time.Second, count: 9,
			opts:       netsim.SockOpts{KeepAlive: true},
			wantProbes: 9, wantDetectAfter: 7875 * time.Second,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
			w.listen(8080, 128, netsim.SockOpts{}, nil)
			w.dial(8080, tc.opts, nil)
			w.sim.RunUntil(time.Second)
			w.sim.Do(func() { w.link.SetUp(false) })
			w.sim.RunUntil(3 * time.Hour)

			last := w.lastDelivered("client")
			var want []string
			for k := range tc.count {
				at := last + tc.idle + time.Duration(k)*tc.intvl
				want = append(want, netsim.FormatTime(at)+" client ACK seq=0 ack=1 len=0 keepalive")
			}
			detect := last + tc.idle + time.Duration(tc.count)*tc.intvl
			want = append(want, netsim.FormatTime(detect)+" client RST|ACK seq=1 ack=1 len=0")
			got := w.segments(netsim.FateSent, "client")[2:] // after SYN and ACK
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("segments (-want +got):\n%s", diff)
			}
			at, ok := w.errorAt("client", netsim.ETIMEDOUT)
			if !ok || at-last != tc.wantDetectAfter {
				t.Errorf("ETIMEDOUT %v after the last segment received (reported: %v), want %v", at-last, ok, tc.wantDetectAfter)
			}
		})
	}
}

// rtoRule derives, from Linux's rules, the times a sender resends a
// segment to a dead peer and when it gives up: a tail loss probe at
// min(2·srtt + 200 ms, RTO), RTO retransmissions that double from there,
// and the abort at the first RTO expiry at which the time since the first
// RTO retransmission has reached the bound (tcp_retries2 turned into time,
// or TCP_USER_TIMEOUT, to which the last timer is clamped).
func rtoRule(srtt, rttvar time.Duration, retries2 int, userTimeout time.Duration) (resends []time.Duration, abort time.Duration) {
	const tick, minRTO, maxRTO = 4 * time.Millisecond, 200 * time.Millisecond, 120 * time.Second
	up := func(d time.Duration) time.Duration { return (d + tick - 1) / tick * tick }
	rto := up(srtt + max(4*rttvar, minRTO))
	tlp := min(up(2*srtt+minRTO), rto)
	bound := userTimeout
	if bound == 0 {
		// tcp_model_timeout: sum over k = 0..retries2 of min(0.2 s × 2^k, 120 s)
		for k := 0; k <= retries2; k++ {
			bound += min(minRTO<<k, maxRTO)
		}
	}
	resends = []time.Duration{tlp}
	first := tlp + rto
	t := first
	for {
		resends = append(resends, t)
		rto = min(2*rto, maxRTO)
		next := t + rto
		if userTimeout > 0 {
			next = min(next, first+userTimeout)
		}
		if next-first >= bound {
			return resends, next
		}
		t = next
	}
}

// Data sent to a peer whose cable was pulled: a tail loss probe, RTO
// retransmissions with doubling backoff, and ETIMEDOUT without a RST.
func TestRetransmissionGivesUp(t *testing.T) {
	for _, tc := range []struct {
		name        string
		retries2    int
		userTimeout time.Duration
	}{
		{"retries2=5", 5, 0},
		{"retries2=15 (default)", 15, 0},
		{"user timeout 10s", 15, 10 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
			w.client.Profile().Retries2 = tc.retries2
			w.listen(8080, 128, netsim.SockOpts{}, nil)
			c := w.dial(8080, netsim.SockOpts{UserTimeout: tc.userTimeout}, nil)
			w.sim.RunUntil(time.Second)
			w.sim.Do(func() {
				w.link.SetUp(false)
				c.Write([]byte("lost in the wire"), "data")
			})
			w.sim.RunUntil(2 * time.Hour)

			// The only RTT sample is the handshake's: 2 ms.
			resends, abort := rtoRule(ms(2), ms(1), tc.retries2, tc.userTimeout)
			sent := time.Second
			want := []string{netsim.FormatTime(sent) + " client PSH|ACK seq=1 ack=1 len=16"}
			for i, r := range resends {
				note := "retransmission"
				if i == 0 {
					note = "tail-loss-probe"
				}
				want = append(want, netsim.FormatTime(sent+r)+" client PSH|ACK seq=1 ack=1 len=16 "+note)
			}
			got := w.segments(netsim.FateSent, "client")[2:]
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("segments (-want +got):\n%s", diff)
			}
			at, ok := w.errorAt("client", netsim.ETIMEDOUT)
			if !ok || at != sent+abort {
				t.Errorf("ETIMEDOUT at %v (reported: %v), want %v", at, ok, sent+abort)
			}
			if c.State() != netsim.Closed {
				t.Errorf("state %v, want CLOSED", c.State())
			}
		})
	}
}

// The rule's figures, spelled out: they are what the kernel measured here
// (0.2, 0.4, 0.8, 1.7, 3.3, 6.7 s; gave up 13.4 s after the send) up to
// its timer-wheel slack.
func TestRetransmissionRuleFigures(t *testing.T) {
	resends, abort := rtoRule(ms(2), ms(1), 5, 0)
	got := fmt.Sprint(resends, abort)
	want := "[204ms 408ms 816ms 1.632s 3.264s 6.528s] 13.056s"
	if got != want {
		t.Errorf("retries2=5: got %s, want %s", got, want)
	}
	_, abort = rtoRule(ms(2), ms(1), 15, 0)
	if abort < 924600*time.Millisecond {
		t.Errorf("retries2=15 gives up after %v, before the 924.6 s bound", abort)
	}
	_, abort = rtoRule(ms(2), ms(1), 15, 10*time.Second)
	if want := 408*time.Millisecond + 10*time.Second; abort != want {
		t.Errorf("user timeout 10s: abort at %v, want %v (10 s after the first RTO retransmission)", abort, want)
	}
}

// synSchedule derives the SYN times and the connect failure from Linux's
// rule: a retransmission at each expiry until tcp_syn_retries +
// tcp_syn_linear_timeouts have gone; the timeout starts at 1 s and doubles
// once more than tcp_syn_linear_timeouts expiries have passed.
func synSchedule(retries, linear int) (syns []time.Duration, fail time.Duration) {
	rto, t := time.Second, time.Duration(0)
	syns = []time.Duration{0}
	for r := 1; r <= retries+linear; r++ {
		t += rto
		syns = append(syns, t)
		if r > linear {
			rto *= 2
		}
	}
	return syns, t + rto
}

func TestConnectToHostThatIsOff(t *testing.T) {
	for _, tc := range []struct {
		linear   int
		wantSyns string
		wantFail time.Duration
	}{
		{4, "[0s 1s 2s 3s 4s 5s 7s 11s 19s 35s 1m7s]", 131 * time.Second}, // kernel 6.18
		{0, "[0s 1s 3s 7s 15s 31s 1m3s]", 127 * time.Second},              // older kernels
	} {
		t.Run(fmt.Sprintf("linear=%d", tc.linear), func(t *testing.T) {
			syns, fail := synSchedule(6, tc.linear)
			if got := fmt.Sprint(syns); got != tc.wantSyns || fail != tc.wantFail {
				t.Fatalf("rule gives %s and %v, want %s and %v", got, fail, tc.wantSyns, tc.wantFail)
			}
			w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
			w.client.Profile().SynLinearTimeouts = tc.linear
			w.sim.Do(w.server.PowerOff)
			w.dial(8080, netsim.SockOpts{}, nil)
			w.sim.RunUntil(time.Hour)
			var want []string
			for i, at := range syns {
				line := netsim.FormatTime(at) + " client SYN seq=0 ack=0 len=0"
				if i > 0 {
					line += " retransmission"
				}
				want = append(want, line)
			}
			if diff := cmp.Diff(want, w.segments(netsim.FateSent, "client")); diff != "" {
				t.Errorf("SYNs (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]string{netsim.FormatTime(fail) + " ETIMEDOUT"}, w.errors("client")); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestConnectToClosedPort(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	w.dial(9999, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Minute)
	syn := w.events[1].(*netsim.SegmentEvent).Packet
	want := []string{
		"00:00:00.000 client SYN seq=0 ack=0 len=0",
		// A stateless reply: it acknowledges the SYN, seq 0 (RFC 9293 3.10.7.1).
		fmt.Sprintf("00:00:00.001 server RST|ACK seq=0 ack=%d len=0", syn.Seq+1),
	}
	if diff := cmp.Diff(want, w.segments(netsim.FateSent, "")); diff != "" {
		t.Errorf("segments (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"00:00:00.002 ECONNREFUSED"}, w.errors("client")); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// After an RTO the congestion window is one segment: a new write waits for
// the retransmission to be acknowledged, as Linux's snd_cwnd (counted in
// segments) makes it.
func TestNoNewDataDuringRTOBackoff(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	w.sim.Do(func() {
		w.link.SetUp(false)
		c.Write([]byte("first"), "data")
	})
	w.sim.RunUntil(2 * time.Second) // the probe and two RTO retransmissions have gone
	w.sim.Do(func() { c.Write([]byte("second"), "data") })
	w.sim.RunUntil(3 * time.Second)
	for _, s := range w.segments(netsim.FateSent, "client") {
		if strings.Contains(s, "len=6") {
			t.Fatalf("the second write left during backoff: %s", s)
		}
	}
	w.sim.Do(func() { w.link.SetUp(true) })
	w.sim.RunUntil(10 * time.Second)
	if c.Unacked() != 0 {
		t.Errorf("%d bytes still unacknowledged after the link came back", c.Unacked())
	}
}
