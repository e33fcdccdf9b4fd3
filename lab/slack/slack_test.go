package slack_test

import (
	"fmt"
	"net/netip"
	"testing"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/slack"
	"github.com/socklab/socklab/netsim"
)

// pair is a client and a server joined by one link, with the client's
// timers exact or on the wheel.
func pair(t *testing.T, seed uint64, timers netsim.TimerMode, latency time.Duration) (*netsim.Sim, *netsim.Host, *netsim.Host, *netsim.Link) {
	t.Helper()
	sim := netsim.New(seed)
	var hosts [2]*netsim.Host
	for i, name := range []string{"client", "server"} {
		p := netsim.Linux()
		p.Timers, p.Retries2 = timers, 5
		h, err := sim.AddHost(name, netip.AddrFrom4([4]byte{10, 0, 0, byte(2 - i)}), p)
		if err != nil {
			t.Fatal(err)
		}
		hosts[i] = h
	}
	link, err := sim.AddLink("client", "server", netsim.LinkConfig{Latency: latency})
	if err != nil {
		t.Fatal(err)
	}
	return sim, hosts[0], hosts[1], link
}

// A connect() to a host that is off: on the exact clock it fails at the
// SYN schedule's 131 s and there is nothing to tell; on the wheel it
// fails 2 to 5 s later, and the narration gives the rule and the slack.
func TestConnect(t *testing.T) {
	for _, timers := range []netsim.TimerMode{netsim.TimersExact, netsim.TimersWheel} {
		for seed := uint64(1); seed <= 3; seed++ {
			t.Run(fmt.Sprintf("%v/seed=%d", timers, seed), func(t *testing.T) {
				sim, client, server, _ := pair(t, seed, timers, time.Millisecond)
				proc, _ := client.NewProcess("client")
				var c *netsim.Conn
				var failed time.Duration
				sim.Do(func() {
					server.PowerOff()
					var err error
					if c, err = proc.Dial(netip.AddrPortFrom(server.Addr(), 8080), netsim.SockOpts{}); err != nil {
						t.Fatal(err)
					}
					c.OnNotice(func(netsim.Notice) {
						if c.State() == netsim.Closed {
							failed = sim.Now()
						}
					})
				})
				sim.RunUntil(time.Hour)
				const rule = 131 * time.Second // 1+1+1+1+1 s, then 2, 4, … 64 s
				m, ok := slack.Connect(c, failed-c.ConnectStart())
				switch timers {
				case netsim.TimersExact:
					if failed != rule || ok {
						t.Errorf("exact: failed at %v, told %q; want %v and nothing to tell", failed, m.In(i18n.English), rule)
					}
				case netsim.TimersWheel:
					took := netsim.Shown(failed)
					want := i18n.M(i18n.NarrateSynRule, "Rule", rule, "Slack", took-rule)
					if !ok || m.In(i18n.English) != want.In(i18n.English) || took <= rule || took > rule+5*time.Second {
						t.Errorf("wheel: failed at %v, told %q (%v); want within 5 s past %v, told %q", failed,
							m.In(i18n.English), ok, rule, want.In(i18n.English))
					}
				}
			})
		}
	}
}

// On a 200 ms path, with tcp_retries2 = 5 (a budget of 12.6 s from the
// first retransmission) and an RTO of 416 ms, a write to a peer whose
// cable was pulled: by the rule 5 retransmissions, the fifth 12.48 s after
// the first, inside the budget, and the give-up at 25.792 s; on the wheel
// the fifth expiry comes late, past the budget, and the kernel gives up
// there after 4. The narration says both; on the exact clock, nothing.
func TestRetries(t *testing.T) {
	for _, timers := range []netsim.TimerMode{netsim.TimersExact, netsim.TimersWheel} {
		t.Run(timers.String(), func(t *testing.T) {
			sim, client, server, link := pair(t, 1, timers, 100*time.Millisecond)
			sp, _ := server.NewProcess("server")
			l, err := sp.Listen(8080, 128, netsim.SockOpts{})
			if err != nil {
				t.Fatal(err)
			}
			l.OnAcceptable(func() { l.Accept() })
			cp, _ := client.NewProcess("client")
			var c *netsim.Conn
			sim.Do(func() { c, _ = cp.Dial(netip.AddrPortFrom(server.Addr(), 8080), netsim.SockOpts{}) })
			for k := 1; k <= 10; k++ {
				sim.RunUntil(time.Duration(k) * time.Second)
				sim.Do(func() { c.Write([]byte("0123456789"), "data") })
			}
			sim.RunUntil(11 * time.Second)
			sim.Do(func() {
				link.SetUp(false)
				c.Write([]byte("lost"), "data")
			})
			sim.RunUntil(time.Minute)
			m, ok := slack.Retries(c)
			g, _ := c.RetriesRule()
			switch timers {
			case netsim.TimersExact:
				if ok || g.Count != 5 || g.Elapsed != 25792*time.Millisecond {
					t.Errorf("exact: %+v, told %q; want 5 retransmissions, 25.792s, nothing to tell", g, m.In(i18n.English))
				}
			case netsim.TimersWheel:
				want := "tcp_retries2 = 5 is a budget of time, 12.6s from the first retransmission, checked only when " +
					"the retransmission timer fires. By the rule: 5 retransmissions, and the give-up 25.792s after the " +
					"first; with the kernel's timer slack, which fires every timeout a little late and can push one past " +
					"the budget: 4, and the give-up " + netsim.Shown(g.Elapsed).String() + " after the first"
				if !ok || m.In(i18n.English) != want || g.Elapsed < 12600*time.Millisecond || g.Elapsed > 13*time.Second {
					t.Errorf("wheel: %+v, told\n%q (%v), want\n%q, given up between 12.6 and 13 s", g, m.In(i18n.English), ok, want)
				}
			}
		})
	}
}
