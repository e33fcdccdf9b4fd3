package netsim_test

import (
	"net/netip"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/socklab/socklab/netsim"
)

// newPathWorld puts a middlebox between client and server.
func newPathWorld(t *testing.T, cfg netsim.MiddleboxConfig) *world {
	t.Helper()
	w := &world{t: t, sim: netsim.New(1)}
	w.sim.Observe(func(e netsim.Event) { w.events = append(w.events, e) })
	w.client = must[*netsim.Host](t)(w.sim.AddHost("client", clientIP, netsim.Linux()))
	w.server = must[*netsim.Host](t)(w.sim.AddHost("server", serverIP, netsim.Linux()))
	must[*netsim.Middlebox](t)(w.sim.AddMiddlebox("fw", cfg))
	w.link = must[*netsim.Link](t)(w.sim.AddLink("client", "fw", netsim.LinkConfig{Latency: ms(1)}))
	must[*netsim.Link](t)(w.sim.AddLink("fw", "server", netsim.LinkConfig{Latency: ms(1)}))
	return w
}

func (w *world) flowEvents() []string {
	var out []string
	for _, e := range w.events {
		if f, ok := e.(*netsim.FlowEvent); ok {
			out = append(out, netsim.FormatTime(f.At)+" "+f.Action)
		}
	}
	return out
}

func (w *world) drops() []string {
	var out []string
	for _, e := range w.events {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Fate == netsim.FateDropped {
			out = append(out, netsim.FormatTime(s.At)+" "+s.Where+" "+s.Why.String()+" "+segText(&s.Packet))
		}
	}
	return out
}

// A firewall with a 60 s idle timeout: a message every 30 s keeps the flow;
// after 61 s of silence the flow is gone and what happens to the next
// segment is the firewall's policy.
func TestFirewallIdleTimeout(t *testing.T) {
	for _, policy := range []netsim.ExpiryPolicy{netsim.ExpiryDrop, netsim.ExpiryRST, netsim.ExpiryRSTBoth, netsim.ExpiryPickup} {
		t.Run(policy.String(), func(t *testing.T) {
			w := newPathWorld(t, netsim.MiddleboxConfig{Kind: netsim.Firewall, Outside: "server",
				IdleTimeout: 60 * time.Second, OnExpired: policy})
			a, _ := w.listen(8080, 128, netsim.SockOpts{}, nil)
			c := w.dial(8080, netsim.SockOpts{}, nil)
			for at := 30 * time.Second; at <= 120*time.Second; at += 30 * time.Second {
				w.sim.RunUntil(at)
				w.sim.Do(func() { c.Write([]byte("ping"), "heartbeat") })
			}
			w.sim.RunUntil(150 * time.Second)
			if flows := w.flowEvents(); len(flows) != 1 || len(w.drops()) != 0 {
				t.Fatalf("traffic every 30 s: flow events %q, drops %q; want one creation and no drop", flows, w.drops())
			}
			// The last packet through the firewall is the server's ACK of the
			// 120 s message: after 30 s of quiet, Linux acknowledges at once
			// (quick-ACK mode); it passes the firewall at 120.003.
			last := 120*time.Second + ms(3)
			expiry := last + 60*time.Second
			next := last + 61*time.Second
			w.sim.RunUntil(next)
			w.sim.Do(func() { c.Write([]byte("ping"), "heartbeat") })
			w.sim.RunUntil(next + 2*time.Second)

			flows := w.flowEvents()
			switch policy {
			case netsim.ExpiryPickup:
				want := []string{"00:00:00.001 created", netsim.FormatTime(expiry) + " expired", netsim.FormatTime(next+ms(1)) + " picked-up"}
				if diff := cmp.Diff(want, flows); diff != "" {
					t.Errorf("flows (-want +got):\n%s", diff)
				}
				if len(w.drops()) != 0 || len(a.reads) != 5 {
					t.Errorf("drops %q, reads %d; want none and 5 (the flow continues)", w.drops(), len(a.reads))
				}
			case netsim.ExpiryDrop:
				drops := w.drops()
				if len(drops) == 0 || !strings.HasPrefix(drops[0], netsim.FormatTime(next+ms(1))+" fw firewall PSH|ACK") {
					t.Errorf("drops %q, want the next segment dropped by the firewall at %v", drops, next+ms(1))
				}
				if len(w.errors("client")) != 0 || len(w.errors("server")) != 0 {
					t.Errorf("errors %q %q, want none yet: a black hole tells nobody", w.errors("client"), w.errors("server"))
				}
				// The sender retransmits into the hole until tcp_retries2 gives
				// up; the silent side keeps ESTABLISHED.
				w.sim.RunUntil(next + time.Hour)
				if _, ok := w.errorAt("client", netsim.ETIMEDOUT); !ok || a.conns[0].State() != netsim.Established {
					t.Errorf("client errors %q, server %v; want ETIMEDOUT and ESTABLISHED", w.errors("client"), a.conns[0].State())
				}
			case netsim.ExpiryRST:
				want := []string{netsim.FormatTime(next+ms(2)) + " ECONNRESET"}
				if diff := cmp.Diff(want, w.errors("client")); diff != "" {
					t.Errorf("client errors (-want +got):\n%s", diff)
				}
				if got := a.conns[0].State(); got != netsim.Established {
					t.Errorf("server %v, want ESTABLISHED: only the sender is told", got)
				}
			case netsim.ExpiryRSTBoth:
				// Both ends are reset when the timeout passes, as Azure does.
				// The write at 61 s returns that error; it is reported once.
				wantC := []string{netsim.FormatTime(expiry+ms(1)) + " ECONNRESET"}
				if diff := cmp.Diff(wantC, w.errors("client")); diff != "" {
					t.Errorf("client errors (-want +got):\n%s", diff)
				}
				wantS := []string{netsim.FormatTime(expiry+ms(1)) + " ECONNRESET"}
				if diff := cmp.Diff(wantS, w.errors("server")); diff != "" {
					t.Errorf("server errors (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// A NAT rewrites the client's address: the server sees the NAT's public
// address, with the client's port kept (masquerade).
func TestNATRewritesSource(t *testing.T) {
	public := netip.MustParseAddr("203.0.113.1")
	w := newPathWorld(t, netsim.MiddleboxConfig{Kind: netsim.NAT, Outside: "server",
		IdleTimeout: 350 * time.Second, OnExpired: netsim.ExpiryRST, PublicIP: public})
	a, _ := w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)

	wantServerView := "tcp 10.0.0.1:8080 > 203.0.113.1:" + strconv.Itoa(int(c.LocalAddr().Port()))
	if len(a.conns) != 1 || a.conns[0].Name() != wantServerView {
		t.Fatalf("server sees %v, want %s", a.conns, wantServerView)
	}
	var sawInside, sawOutside bool
	for _, e := range w.events {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Packet.Flags == netsim.SYN {
			switch s.Fate {
			case netsim.FateSent:
				sawInside = s.Packet.Src == c.LocalAddr()
			case netsim.FateDelivered:
				sawOutside = s.Packet.Src.Addr() == public
			}
		}
	}
	if !sawInside || !sawOutside {
		t.Errorf("SYN sent from the inside address: %v, delivered from the public one: %v", sawInside, sawOutside)
	}

	// 350 s idle, then the client writes: the AWS-style NAT answers RST.
	w.sim.RunUntil(352 * time.Second)
	w.sim.Do(func() { c.Write([]byte("still there?"), "data") })
	w.sim.RunUntil(360 * time.Second)
	if diff := cmp.Diff([]string{"00:05:52.002 ECONNRESET"}, w.errors("client")); diff != "" {
		t.Errorf("client errors (-want +got):\n%s", diff)
	}
}
