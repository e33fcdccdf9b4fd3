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
// idle + intvl·count after the last segment received (tcp_keepalive_timer)
// by the bare rule. On the timer wheel each timer fires late by its level's
// slack: the first probe of a 5 s idle by up to 256 ms, each 2 s interval
// by 16 ms (504 jiffies), so the kernel measured 11.05–11.18 s for 5/2/3;
// a 2-hour idle sits on a level whose granule is 131 s.
func TestKeepaliveDetectsPulledCable(t *testing.T) {
	for _, tc := range []struct {
		name        string
		idle, intvl time.Duration
		count       int
		opts        netsim.SockOpts
		rule        time.Duration // idle + intvl × count
		slack       time.Duration // the most the wheel adds
	}{
		{
			name: "tuned 5s/2s/3", idle: 5 * time.Second, intvl: 2 * time.Second, count: 3,
			opts: netsim.SockOpts{KeepAlive: true, KeepIdle: 5 * time.Second, KeepIntvl: 2 * time.Second, KeepCnt: 3},
			rule: 11 * time.Second, slack: ms(256 + 3*16), // measured on Linux 6.18: 11.052, 11.177, 11.052 s
		},
		{
			name: "linux defaults", idle: 7200 * time.Second, intvl: 75 * time.Second, count: 9,
			opts: netsim.SockOpts{KeepAlive: true},
			rule: 7875 * time.Second, slack: ms(131072 + 9*776),
		},
	} {
		for _, timers := range []netsim.TimerMode{netsim.TimersExact, netsim.TimersWheel} {
			t.Run(tc.name+"/"+timers.String(), func(t *testing.T) {
				w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
				w.client.Profile().Timers = timers
				w.listen(8080, 128, netsim.SockOpts{}, nil)
				w.dial(8080, tc.opts, nil)
				w.sim.RunUntil(time.Second)
				w.sim.Do(func() { w.link.SetUp(false) })
				w.sim.RunUntil(3 * time.Hour)

				// The timer was armed when the handshake completed, with
				// the SYN-ACK: the last segment the client received.
				k, last := clockOf(w.client), w.lastDelivered("client")
				at := k.fire(last, tc.idle, false)
				var want []string
				for range tc.count {
					want = append(want, netsim.FormatTime(at)+" client ACK seq=0 ack=1 len=0 keepalive")
					at = k.fire(at, tc.intvl, true)
				}
				want = append(want, netsim.FormatTime(at)+" client RST|ACK seq=1 ack=1 len=0")
				got := w.segments(netsim.FateSent, "client")[2:] // after SYN and ACK
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("segments (-want +got):\n%s", diff)
				}
				detect, ok := w.errorAt("client", netsim.ETIMEDOUT)
				if !ok || detect != at {
					t.Errorf("ETIMEDOUT at %v (reported: %v), want %v", detect, ok, at)
				}
				after := detect - last
				switch {
				case timers == netsim.TimersExact && after != tc.rule:
					t.Errorf("detected %v after the last segment received, want the rule's %v", after, tc.rule)
				case timers == netsim.TimersWheel && (after <= tc.rule || after > tc.rule+tc.slack):
					t.Errorf("detected %v after the last segment received, want in (%v, %v]", after, tc.rule, tc.rule+tc.slack)
				}
			})
		}
	}
}

// rtoRule derives, from Linux's rules, when a sender resends a lone segment
// sent at sent to a dead peer, and when it gives up, after one RTT sample
// m (the handshake's): RTO = m + max(2m, 200 ms) (tcp_rtt_estimator's
// first sample) and a tail loss probe at min(2m + 200 ms, RTO); RTO
// retransmissions from the probe on, doubling; the abort at the first RTO
// expiry at which the time since the first RTO retransmission has reached
// the bound (tcp_retries2 turned into time, or TCP_USER_TIMEOUT, to which
// the last timer is clamped). Each timer fires where k says.
func rtoRule(k kernelClock, sent, m time.Duration, retries2 int, userTimeout time.Duration) (resends []time.Duration, abort time.Duration) {
	const tick, minRTO, maxRTO = 4 * time.Millisecond, 200 * time.Millisecond, 120 * time.Second
	up := func(d time.Duration) time.Duration { return (d + tick - 1) / tick * tick }
	rto := up(m + max(2*m, minRTO))
	bound := userTimeout
	if bound == 0 {
		// tcp_model_timeout: sum over k = 0..retries2 of min(0.2 s × 2^k, 120 s)
		for k := 0; k <= retries2; k++ {
			bound += min(minRTO<<k, maxRTO)
		}
	}
	tlp := k.fire(sent, min(up(2*m+minRTO), rto), false)
	t := k.fire(tlp, rto, true)
	first := t
	resends = []time.Duration{tlp}
	for {
		resends = append(resends, t)
		rto = min(2*rto, maxRTO)
		d := rto
		if userTimeout > 0 {
			d = max(min(d, userTimeout-(t-first)), k.tick) // tcp_clamp_rto_to_user_timeout
		}
		next := k.fire(t, d, true)
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
		for _, timers := range []netsim.TimerMode{netsim.TimersExact, netsim.TimersWheel} {
			t.Run(tc.name+"/"+timers.String(), func(t *testing.T) {
				w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
				w.client.Profile().Retries2 = tc.retries2
				w.client.Profile().Timers = timers
				w.listen(8080, 128, netsim.SockOpts{}, nil)
				c := w.dial(8080, netsim.SockOpts{UserTimeout: tc.userTimeout}, nil)
				w.sim.RunUntil(time.Second)
				w.sim.Do(func() {
					w.link.SetUp(false)
					c.Write([]byte("lost in the wire"), "data")
				})
				w.sim.RunUntil(2 * time.Hour)

				// The only RTT sample is the handshake's: 2 ms.
				sent := time.Second
				resends, abort := rtoRule(clockOf(w.client), sent, ms(2), tc.retries2, tc.userTimeout)
				want := []string{netsim.FormatTime(sent) + " client PSH|ACK seq=1 ack=1 len=16"}
				for i, r := range resends {
					note := "retransmission"
					if i == 0 {
						note = "tail-loss-probe"
					}
					want = append(want, netsim.FormatTime(r)+" client PSH|ACK seq=1 ack=1 len=16 "+note)
				}
				got := w.segments(netsim.FateSent, "client")[2:]
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("segments (-want +got):\n%s", diff)
				}
				at, ok := w.errorAt("client", netsim.ETIMEDOUT)
				if !ok || at != abort {
					t.Errorf("ETIMEDOUT at %v (reported: %v), want %v", at, ok, abort)
				}
				if c.State() != netsim.Closed {
					t.Errorf("state %v, want CLOSED", c.State())
				}
			})
		}
	}
}

// The rule's figures, spelled out: they are what the kernel measured here
// (0.2, 0.4, 0.8, 1.7, 3.3, 6.7 s; gave up 13.4 s after the send) up to
// its timer-wheel slack.
func TestRetransmissionRuleFigures(t *testing.T) {
	exact := kernelClock{}
	resends, abort := rtoRule(exact, 0, ms(2), 5, 0)
	got := fmt.Sprint(resends, abort)
	want := "[204ms 408ms 816ms 1.632s 3.264s 6.528s] 13.056s"
	if got != want {
		t.Errorf("retries2=5: got %s, want %s", got, want)
	}
	_, abort = rtoRule(exact, 0, ms(2), 15, 0)
	if abort < 924600*time.Millisecond {
		t.Errorf("retries2=15 gives up after %v, before the 924.6 s bound", abort)
	}
	_, abort = rtoRule(exact, 0, ms(2), 15, 10*time.Second)
	if want := 408*time.Millisecond + 10*time.Second; abort != want {
		t.Errorf("user timeout 10s: abort at %v, want %v (10 s after the first RTO retransmission)", abort, want)
	}
}

// synSchedule derives the SYN times and the connect failure of a connect()
// at start from Linux's rule: a retransmission at each expiry until
// tcp_syn_retries + tcp_syn_linear_timeouts have gone; the timeout starts
// at 1 s and doubles once more than tcp_syn_linear_timeouts expiries have
// passed. Each timer fires where k says.
func synSchedule(k kernelClock, start time.Duration, retries, linear int) (syns []time.Duration, fail time.Duration) {
	rto, t := time.Second, start
	syns = []time.Duration{start}
	for r := 1; r <= retries+linear; r++ {
		t = k.fire(t, rto, r > 1)
		syns = append(syns, t)
		if r > linear {
			rto *= 2
		}
	}
	return syns, k.fire(t, rto, true)
}

// A connect() to a host that is off: SYNs on the schedule, then ETIMEDOUT
// without a packet. The bare rule's figures; on the wheel the kernel sent
// them at 0, 1.030, 2.054, 3.078, 4.102, 5.126, 7.142, 11.174, 19.366,
// 35.494, 69.542 s and failed at 135.078 s (docs/kernel-check, s1).
func TestConnectToHostThatIsOff(t *testing.T) {
	for _, tc := range []struct {
		linear   int
		wantSyns string
		wantFail time.Duration
	}{
		{4, "[0s 1s 2s 3s 4s 5s 7s 11s 19s 35s 1m7s]", 131 * time.Second}, // kernel 6.18
		{0, "[0s 1s 3s 7s 15s 31s 1m3s]", 127 * time.Second},              // older kernels
	} {
		if syns, fail := synSchedule(kernelClock{}, 0, 6, tc.linear); fmt.Sprint(syns) != tc.wantSyns || fail != tc.wantFail {
			t.Fatalf("rule gives %v and %v, want %s and %v", syns, fail, tc.wantSyns, tc.wantFail)
		}
		for _, timers := range []netsim.TimerMode{netsim.TimersExact, netsim.TimersWheel} {
			t.Run(fmt.Sprintf("linear=%d/%v", tc.linear, timers), func(t *testing.T) {
				w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
				w.client.Profile().SynLinearTimeouts = tc.linear
				w.client.Profile().Timers = timers
				w.sim.Do(w.server.PowerOff)
				c := w.dial(8080, netsim.SockOpts{}, nil)
				w.sim.RunUntil(time.Hour)
				if c.SynRule() != tc.wantFail || c.ConnectStart() != 0 || c.OnTheWheel() != (timers == netsim.TimersWheel) {
					t.Errorf("SynRule %v from %v (wheel %v), want %v from 0s", c.SynRule(), c.ConnectStart(), c.OnTheWheel(), tc.wantFail)
				}
				syns, fail := synSchedule(clockOf(w.client), 0, 6, tc.linear)
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
				if timers == netsim.TimersWheel && (fail <= tc.wantFail || fail > tc.wantFail+5*time.Second) {
					t.Errorf("on the wheel connect() failed at %v; the kernel's slack puts it in (%v, %v]", fail, tc.wantFail, tc.wantFail+5*time.Second)
				}
			})
		}
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
