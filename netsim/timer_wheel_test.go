package netsim_test

import (
	"fmt"
	"net/netip"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/socklab/socklab/netsim"
)

// stateAt is when host's connection last changed from one state to
// another ("" if it never did).
func (w *world) stateAt(host string, from, to netsim.State) (time.Duration, bool) {
	var at time.Duration
	found := false
	for _, e := range w.events {
		if s, ok := e.(*netsim.StateEvent); ok && s.Host == host && s.From == from && s.To == to {
			at, found = s.At, true
		}
	}
	return at, found
}

// The timer wheel decides outcomes, not only times. On a 200 ms path, after
// ten one-second RTT samples (RTO 416 ms by tcp_rtt_estimator), a write to a
// peer whose cable is pulled with tcp_retries2 = 5: exact timers send a
// tail loss probe and 5 RTO retransmissions, the fifth 12.48 s after the
// first, inside the 12.6 s budget; the wheel makes each expiry late by its
// level's granule, the fifth expiry falls past the budget, and the kernel
// gives up there, after 1 TLP and 4 RTO copies, about 13.8 s after the
// send. Whatever the jiffy counter's phase (the seed draws it).
func TestRetries2OnA200msPath(t *testing.T) {
	for _, timers := range []netsim.TimerMode{netsim.TimersExact, netsim.TimersWheel} {
		for seed := uint64(1); seed <= 8; seed++ {
			t.Run(fmt.Sprintf("%v/seed=%d", timers, seed), func(t *testing.T) {
				w := newWorld(t, seed, netsim.LinkConfig{Latency: ms(100)})
				w.client.Profile().Retries2 = 5
				w.client.Profile().Timers = timers
				w.listen(8080, 128, netsim.SockOpts{}, nil)
				c := w.dial(8080, netsim.SockOpts{}, nil)
				for k := 1; k <= 10; k++ {
					w.sim.RunUntil(time.Duration(k) * time.Second)
					w.sim.Do(func() { c.Write([]byte("0123456789"), "data") })
				}
				sent := 11 * time.Second
				w.sim.RunUntil(sent)
				w.sim.Do(func() {
					w.link.SetUp(false)
					c.Write([]byte("lost"), "data")
				})
				w.sim.RunUntil(time.Minute)

				samples := make([]time.Duration, 11)
				for i := range samples {
					samples[i] = ms(200)
				}
				rtos := kernelRTOs(samples, ms(200), ms(4))
				rto := rtos[len(rtos)-1]
				if rto != ms(416) || c.SRTT() != ms(200) {
					t.Fatalf("RTO %v and SRTT %v before the write (the rule's %v), want 416ms and 200ms", c.RTO(), c.SRTT(), rto)
				}
				// The rule, as rtoRule derives it, from this RTO.
				k := clockOf(w.client)
				var want []time.Duration
				tlp := k.fire(sent, min(ms(600), rto), false) // PTO 2·SRTT + 200 ms
				want = append(want, tlp)
				at, r := k.fire(tlp, rto, true), rto
				first, budget := at, ms(200*63) // tcp_model_timeout(5, 200 ms) = 12.6 s
				for at-first < budget {
					want = append(want, at)
					r *= 2
					at = k.fire(at, r, true)
				}
				abort := at

				var got []time.Duration
				for _, e := range w.events {
					if s, ok := e.(*netsim.SegmentEvent); ok && s.Fate == netsim.FateSent && s.SrcHost == "client" && s.At > sent {
						got = append(got, s.At)
					}
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("TLP and RTO copies (-want +got):\n%s", diff)
				}
				if at, ok := w.errorAt("client", netsim.ETIMEDOUT); !ok || at != abort {
					t.Errorf("ETIMEDOUT at %v (reported: %v), want %v", at, ok, abort)
				}
				copies, after := len(got)-1, abort-sent
				// RetriesRule tells the give-up from the rule's: the same
				// first retransmission, then the RTO doubling exactly.
				g, ok := c.RetriesRule()
				ruleCopies, ruleAfter := 1, rto*2
				for ruleAfter < budget {
					ruleCopies++
					ruleAfter += rto << ruleCopies
				}
				wantG := netsim.RetriesGiveUp{Retries: 5, Budget: budget, Elapsed: abort - first, Count: copies,
					RuleElapsed: ruleAfter, RuleCount: ruleCopies}
				if !ok || g != wantG {
					t.Errorf("RetriesRule: %+v (%v), want %+v", g, ok, wantG)
				}
				switch timers {
				case netsim.TimersExact:
					if copies != 5 || after != ms(416*64) {
						t.Errorf("exact: %d RTO copies, gave up %v after the send; want 5 and 26.624s", copies, after)
					}
				case netsim.TimersWheel:
					if copies != 4 || after < ms(13600) || after > ms(13960) {
						t.Errorf("wheel: %d RTO copies, gave up %v after the send; want 4 and about 13.8 s", copies, after)
					}
				}
			})
		}
	}
}

// A listener whose accept queue is full until the application starts
// accepting at 5.02 s. The client's SYNs are dropped silently and resent on
// the SYN schedule; the first to arrive after the accept gets in. On the
// exact clock the 5 s retransmission comes too early and the client waits
// for the one at 7 s; the kernel's timer wheel makes every 1 s timeout
// 1.024 s long, its fifth retransmission leaves at about 5.13 s, and the
// client connects then.
func TestBacklogClientConnectsOnTheLateSYN(t *testing.T) {
	for _, tc := range []struct {
		timers  netsim.TimerMode
		wantSYN int // which SYN gets in (0: the first)
	}{
		{netsim.TimersExact, 6},
		{netsim.TimersWheel, 5},
	} {
		t.Run(tc.timers.String(), func(t *testing.T) {
			w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
			w.client.Profile().Timers = tc.timers
			p := must[*netsim.Process](t)(w.server.NewProcess("server"))
			l := must[*netsim.Listener](t)(p.Listen(8080, 0, netsim.SockOpts{}))
			w.dial(8080, netsim.SockOpts{}, nil) // fills the queue: backlog 0 holds one
			start := ms(10)
			w.sim.RunUntil(start)
			c := w.dial(8080, netsim.SockOpts{}, nil)
			accept := ms(5020)
			w.sim.RunUntil(accept)
			w.sim.Do(func() { l.Accept() })
			w.sim.RunUntil(time.Minute)

			syns, _ := synSchedule(clockOf(w.client), start, 6, 4)
			in := 0
			for syns[in]+ms(1) < accept {
				in++
			}
			if in != tc.wantSYN {
				t.Errorf("the rule lets SYN %d in (sent at %v), want SYN %d", in, syns[in], tc.wantSYN)
			}
			at, ok := w.stateAt("client", netsim.SynSent, netsim.Established)
			if want := syns[in] + ms(2); !ok || at != want || c.State() != netsim.Established {
				t.Errorf("client connected at %v (%v, now %v), want %v", at, ok, c.State(), want)
			}
			if tc.timers == netsim.TimersWheel && (at < ms(5100) || at > ms(5150)) {
				t.Errorf("on the wheel the client connected at %v, want about 5.13 s", at)
			}
		})
	}
}

// Each TCP timer is a wheel timer: SYN-ACK retransmissions, the delayed
// ACK, FIN_WAIT_2 and TIME_WAIT fire where calc_wheel_index puts them,
// later than the bare rule by at most one granule of their level.
func TestTimerKindsOnTheWheel(t *testing.T) {
	t.Run("syn-ack", func(t *testing.T) {
		w := newWorld(t, 3, netsim.LinkConfig{Latency: ms(1)})
		_, l := w.listen(8080, 128, netsim.SockOpts{}, nil)
		w.dial(8080, netsim.SockOpts{}, nil)
		w.sim.RunUntil(ms(1.5))
		w.sim.Do(func() { w.link.SetUp(false) })
		w.sim.RunUntil(2 * time.Minute)
		k := clockOf(w.server)
		at, rto := ms(1), time.Second
		var want []string
		for i := 0; i <= 5; i++ { // the SYN-ACK, then tcp_synack_retries = 5 copies
			want = append(want, netsim.FormatTime(at))
			at = k.fire(at, rto, i > 0)
			rto *= 2
		}
		var got []string
		for _, line := range w.segments(netsim.FateSent, "server") {
			got = append(got, line[:12])
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("SYN-ACKs (-want +got):\n%s", diff)
		}
		if gone, ok := w.stateAt("server", netsim.SynReceived, netsim.Closed); !ok || gone != at || l.HalfOpen() != 0 {
			t.Errorf("half-open connection forgotten at %v (%v), want %v", gone, ok, at)
		}
	})
	t.Run("delack, fin-wait-2", func(t *testing.T) {
		w := newWorld(t, 4, netsim.LinkConfig{Latency: ms(1)})
		w.listen(8080, 128, netsim.SockOpts{}, nil) // reads EOF, never closes
		c := w.dial(8080, netsim.SockOpts{}, nil)
		w.sim.RunUntil(time.Second)
		w.sim.Do(c.Close)
		w.sim.RunUntil(5 * time.Minute)
		// The server owes the FIN's ACK from 1.001 s; no data came
		// before it, so its ACK timeout is 0 and the ACK leaves at the
		// next tick; the client's orphan then waits 60 s in FIN_WAIT_2.
		ack := clockOf(w.server).fire(ms(1001), 0, false) + ms(1)
		gone := clockOf(w.client).fire(ack, time.Minute, false)
		for _, s := range []struct {
			from, to netsim.State
			want     time.Duration
		}{{netsim.FinWait1, netsim.FinWait2, ack}, {netsim.FinWait2, netsim.Closed, gone}} {
			if at, ok := w.stateAt("client", s.from, s.to); !ok || at != s.want {
				t.Errorf("%v → %v at %v (%v), want %v", s.from, s.to, at, ok, s.want)
			}
		}
		if gone-ack <= time.Minute || gone-ack > time.Minute+ms(2048) {
			t.Errorf("FIN_WAIT_2 lasted %v, want in (60 s, 62.048 s]: its level's granule is 2.048 s", gone-ack)
		}
	})
	t.Run("time-wait", func(t *testing.T) {
		w := newWorld(t, 5, netsim.LinkConfig{Latency: ms(1)})
		w.listen(8080, 128, netsim.SockOpts{}, func(c *netsim.Conn, _ []byte, err error) {
			if err == netsim.EOF {
				c.Close()
			}
		})
		c := w.dial(8080, netsim.SockOpts{}, nil)
		w.sim.RunUntil(time.Second)
		w.sim.Do(c.Close)
		w.sim.RunUntil(5 * time.Minute)
		enter, ok := w.stateAt("client", netsim.FinWait2, netsim.TimeWait)
		if !ok {
			t.Fatalf("no TIME_WAIT: %q", w.states("client"))
		}
		want := clockOf(w.client).fire(enter, time.Minute, false)
		if at, ok := w.stateAt("client", netsim.TimeWait, netsim.Closed); !ok || at != want {
			t.Errorf("TIME_WAIT ended at %v (%v), want %v", at, ok, want)
		}
	})
}

// The jiffy counter's phase comes from the run's seed and the host's name:
// the same seed gives the same run, another seed another phase; it draws
// nothing from the run's generator (sequence numbers and ports do not
// change with the timer mode); and it stays within 2^30 jiffies.
func TestJiffyPhaseFromSeed(t *testing.T) {
	origin := func(seed uint64, name string) time.Duration {
		s := netsim.New(seed)
		h := must[*netsim.Host](t)(s.AddHost(name, netip.MustParseAddr("10.0.0.9"), netsim.Linux()))
		return h.JiffyOrigin()
	}
	if origin(1, "a") != origin(1, "a") {
		t.Error("the same seed and name gave two phases")
	}
	seen := map[time.Duration]bool{}
	for seed := range uint64(20) {
		o := origin(seed, "client")
		if o < 0 || o >= (1<<30)*ms(4) {
			t.Errorf("seed %d: origin %v outside [0, 2^30 jiffies)", seed, o)
		}
		seen[o] = true
	}
	if len(seen) < 20 || origin(1, "client") == origin(1, "server") {
		t.Errorf("%d phases from 20 seeds; client and server share one: %v", len(seen), origin(1, "client") == origin(1, "server"))
	}
	isn := func(timers netsim.TimerMode) string {
		w := newWorld(t, 7, netsim.LinkConfig{Latency: ms(1)})
		w.client.Profile().Timers = timers
		w.listen(8080, 128, netsim.SockOpts{}, nil)
		c := w.dial(8080, netsim.SockOpts{}, nil)
		w.sim.RunUntil(time.Second)
		for _, e := range w.events {
			if s, ok := e.(*netsim.SegmentEvent); ok {
				return fmt.Sprint(c.LocalAddr(), " ", s.Packet.Seq)
			}
		}
		return "no segment"
	}
	if a, b := isn(netsim.TimersExact), isn(netsim.TimersWheel); a != b {
		t.Errorf("port and ISN %s on the exact clock, %s on the wheel: the phase took from the run's generator", a, b)
	}
}
