package lab

import (
	"fmt"
	"testing"
	"time"

	"github.com/socklab/socklab/lab/script"
	"github.com/socklab/socklab/netsim"
)

// wheelFire is when a TCP timer armed at t for d runs on a host whose
// kernel time at the start of the run was origin (Host.JiffyOrigin), at
// HZ 250: the rule of kernel/time/timer.c's calc_wheel_index, written out
// from its comments — d in whole jiffies, rounded up; the level is the
// first whose range holds it (below 63 jiffies, 504, 4032, …, each level 8
// times coarser); the timer runs at the first multiple of its level's
// granule strictly after its expiry. inHandler: armed while another TCP
// timer of the host runs, when the wheel's clock is one jiffy ahead.
func wheelFire(origin, t, d time.Duration, inHandler bool) time.Duration {
	const tick = 4 * time.Millisecond // HZ 250
	now := int64((t + origin) / tick)
	expires := now + int64((d+tick-1)/tick)
	delta := expires - now
	if inHandler {
		delta--
	}
	gran := int64(1)
	for limit := int64(63); delta >= limit; limit *= 8 {
		gran *= 8
	}
	return time.Duration((expires/gran+1)*gran)*tick - origin
}

// A client whose SYNs a full accept queue drops until the server's program
// starts accepting at 5.02 s, written as socket scripts: the server
// listens with backlog 0 (one connection fits, sk_acceptq_is_full) and a
// first client fills it; the second connects at 10 ms. Its SYNs go on
// Linux's schedule, four linear 1 s timeouts (tcp_syn_linear_timeouts)
// then doubling, and the first to arrive after the accept gets in. On
// the exact clock the fifth retransmission leaves at 5.01 s, before the
// accept, and the client waits for the sixth, at 7.01 s. On the kernel's
// timer wheel each 1 s timeout is 250 jiffies, a level-1 timer (63..503
// jiffies, granule 8 jiffies = 32 ms), so each fires up to 32 ms late:
// the fifth leaves at about 5.13 s, after the accept, and connect()
// returns then. The schedule is derived here from the wheel's rule and
// the run's jiffy phase, for several seeds (phases).
func TestScriptBacklogClientConnectsOnTheLateSYN(t *testing.T) {
	const accept = 5020 * time.Millisecond
	const start = 10 * time.Millisecond
	const latency = time.Millisecond
	for _, timers := range []string{"exact", "wheel"} {
		for seed := uint64(1); seed <= 6; seed++ {
			t.Run(fmt.Sprintf("%s/seed=%d", timers, seed), func(t *testing.T) {
				server := AppConfig{Name: "server", Kind: KindScript, Host: "server", Steps: []script.Step{
					{Call: script.Listen, Port: 8080, Backlog: 0},
					{Call: script.Accept, Count: 2, At: accept, HasAt: true},
				}}
				filler := AppConfig{Name: "filler", Kind: KindScript, Host: "client", Steps: []script.Step{
					{Call: script.Connect, Host: "server", Port: 8080},
				}}
				late := AppConfig{Name: "late", Kind: KindScript, Host: "client", Start: start, Steps: []script.Step{
					{Call: script.Connect, Host: "server", Port: 8080},
				}}
				cfg := twoHosts(server, filler, late)
				cfg.Seed = seed
				for i := range cfg.Hosts {
					cfg.Hosts[i].Sysctl = map[string]string{"timer_wheel": timers}
				}
				s, err := New(cfg)
				if err != nil {
					t.Fatal(err)
				}
				var calls []*script.SyscallEvent
				drops := 0
				s.Observe(func(e netsim.Event) {
					switch e := e.(type) {
					case *script.SyscallEvent:
						if e.App == "late" && e.Call == "connect" {
							calls = append(calls, e)
						}
					case *netsim.SegmentEvent:
						if e.Fate == netsim.FateDropped && e.Why == netsim.WhyBacklogFull {
							drops++
						}
					}
				})
				s.RunFor(time.Minute)

				// The rule: SYN k+1 leaves when the timer armed at SYN k
				// fires; the first is sent from connect(), the others from
				// the timer's own handler.
				var origin time.Duration
				if timers == "wheel" {
					origin = s.sim.Host("client").JiffyOrigin()
				}
				syn, rto := start, time.Second
				fire := func(at time.Duration, inHandler bool) time.Duration {
					if timers == "exact" {
						return at + rto
					}
					return wheelFire(origin, at, rto, inHandler)
				}
				var dropped int
				for r := 1; syn+latency < accept; r++ {
					syn = fire(syn, r > 1)
					if r > 4 { // past the linear timeouts, the RTO doubles
						rto *= 2
					}
					dropped++
				}
				want := syn + 2*latency // the SYN-ACK back: connect returns
				if len(calls) != 1 || calls[0].Failed() || calls[0].At != want || calls[0].Blocked != want-start {
					t.Fatalf("late's connect: %v, want = 0 at %v after %v", calls, want, want-start)
				}
				if drops != dropped {
					t.Errorf("%d SYNs dropped for a full backlog, want %d", drops, dropped)
				}
				switch timers {
				case "exact":
					if want != 7012*time.Millisecond {
						t.Errorf("exact: connected at %v, want 7.012s (the sixth retransmission)", want)
					}
				case "wheel":
					if want < 5100*time.Millisecond || want > 5150*time.Millisecond || dropped != 5 {
						t.Errorf("wheel: connected at %v after %d drops, want about 5.13 s, after 5", want, dropped)
					}
				}
			})
		}
	}
}
