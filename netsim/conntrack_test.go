package netsim_test

import (
	"fmt"
	"net/netip"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// natIP is the NAT's public address in these tests.
var natIP = netip.MustParseAddr("203.0.113.1")

// The outcome the conntrack rule gives the next mid-stream segment of a
// forgotten flow (netsim/conntrack.go's table, from tcp_new and the
// ruleset): written out here from the three settings.
type strayOutcome string

const (
	outDropNewWithoutSYN strayOutcome = "dropped: new without SYN"
	outDropInvalid       strayOutcome = "dropped: invalid"
	outDropNoFlow        strayOutcome = "dropped: no flow"
	outPickedUp          strayOutcome = "picked up"
	outUntracked         strayOutcome = "passes untracked"
)

func strayRule(box netsim.MiddleboxKind, ct netsim.Conntrack, fromInside bool) strayOutcome {
	if box == netsim.NAT && !fromInside {
		return outDropNoFlow // the NAT's own address: no mapping, nothing admitted
	}
	switch {
	case ct.Loose && ct.NewNeedsSYN:
		return outDropNewWithoutSYN
	case ct.Loose:
		return outPickedUp
	case ct.DropInvalid:
		return outDropInvalid
	}
	return outUntracked
}

// A connection through a firewall or a NAT whose flow is forgotten after
// 60 s of silence; at 70 s one side writes. Each combination of
// conntrack's loose pickup and the ruleset's two rules gives the kernel's
// outcome, with the counter of the rule that dropped the segments:
//
//   - loose on, new flows only by SYN: dropped, "new without SYN" — and the
//     sender retransmits into the black hole;
//   - loose on, permissive: the flow is re-created and the data arrives;
//   - loose off, INVALID dropped: dropped, "invalid";
//   - loose off, no INVALID rule: a firewall passes the segment (and the
//     answer) untracked; a NAT sends it out untranslated, from the private
//     address, the server answers with a RST for a connection it has never
//     seen, and the RST, untracked too, resets the client.
//
// A segment from the server to a NAT's public address with no mapping is
// dropped whatever the settings: nothing on the NAT box expects it.
func TestConntrackAfterExpiry(t *testing.T) {
	for _, box := range []netsim.MiddleboxKind{netsim.Firewall, netsim.NAT} {
		for _, fromInside := range []bool{true, false} {
			for _, loose := range []bool{true, false} {
				for _, newNeedsSYN := range []bool{true, false} {
					for _, dropInvalid := range []bool{true, false} {
						ct := netsim.Conntrack{Loose: loose, NewNeedsSYN: newNeedsSYN, DropInvalid: dropInvalid}
						writer := "client"
						if !fromInside {
							writer = "server"
						}
						name := fmt.Sprintf("%v/%s writes/loose=%v,new_needs_syn=%v,drop_invalid=%v", box, writer, loose, newNeedsSYN, dropInvalid)
						t.Run(name, func(t *testing.T) {
							conntrackCase(t, box, ct, fromInside)
						})
					}
				}
			}
		}
	}
}

func conntrackCase(t *testing.T, box netsim.MiddleboxKind, ct netsim.Conntrack, fromInside bool) {
	cfg := netsim.MiddleboxConfig{Kind: box, Outside: "server", IdleTimeout: time.Minute, Conntrack: &ct}
	if box == netsim.NAT {
		cfg.PublicIP = natIP
	}
	w := newPathWorld(t, cfg)
	fw := w.sim.Middlebox("fw")
	var srv *netsim.Conn
	a, _ := w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	if len(a.conns) != 1 || fw.Dropped() != 0 {
		t.Fatalf("%d connections accepted, %d drops before expiry", len(a.conns), fw.Dropped())
	}
	srv = a.conns[0]
	w.sim.RunUntil(70 * time.Second) // the flow was forgotten at 61.003 s
	if len(fw.Flows()) != 0 {
		t.Fatalf("flows at 70 s: %v, want none", fw.Flows())
	}
	writer := c
	if !fromInside {
		writer = srv
	}
	w.sim.Do(func() { writer.Write([]byte("after the expiry"), "data") })
	w.sim.RunUntil(80 * time.Second)

	counts := fw.Counts()
	var ruled map[netsim.DropRule]int = map[netsim.DropRule]int{}
	var firstDrop *netsim.SegmentEvent
	for _, e := range w.events {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Fate == netsim.FateDropped && s.Where == "fw" {
			ruled[s.Rule]++
			if firstDrop == nil {
				firstDrop = s
			}
		}
	}
	reader := a.reads
	if !fromInside {
		reader = nil // the client's reads are not recorded: judge by the ACKs
	}
	want := strayRule(box, ct, fromInside)
	switch want {
	case outDropNewWithoutSYN, outDropInvalid, outDropNoFlow:
		rule := map[strayOutcome]netsim.DropRule{outDropNewWithoutSYN: netsim.DropNewWithoutSYN,
			outDropInvalid: netsim.DropInvalid, outDropNoFlow: netsim.DropNoFlow}[want]
		got := map[netsim.DropRule]uint64{netsim.DropNewWithoutSYN: counts.NewWithoutSYN,
			netsim.DropInvalid: counts.Invalid, netsim.DropNoFlow: counts.NoFlow}
		for r, n := range got {
			if (r == rule) != (n > 0) || uint64(ruled[r]) != n {
				t.Errorf("counter %v = %d (%d drop events), want drops only under %v", r, n, ruled[r], rule)
			}
		}
		if firstDrop == nil || firstDrop.Packet.Flags != netsim.PSH|netsim.ACK || firstDrop.At != 70*time.Second+ms(1) {
			t.Errorf("first drop %+v, want the write's segment at 70.001 s", firstDrop)
		}
		if counts.NewWithoutSYN+counts.Invalid+counts.NoFlow < 3 {
			t.Errorf("%d drops: the writer should retransmit into the black hole", counts.Dropped())
		}
		if c.State() != netsim.Established || srv.State() != netsim.Established || writer.Unacked() == 0 {
			t.Errorf("client %v, server %v, %d bytes unacked: want both ESTABLISHED, the data still in flight", c.State(), srv.State(), writer.Unacked())
		}
	case outPickedUp:
		if counts.Dropped() != 0 || writer.Unacked() != 0 || len(fw.Flows()) != 1 {
			t.Errorf("%d drops, %d bytes unacked, flows %v: want the flow picked up and the data acknowledged", counts.Dropped(), writer.Unacked(), fw.Flows())
		}
		if fromInside && (len(reader) < 1 || reader[len(reader)-1] != "after the expiry") {
			t.Errorf("the server read %q", reader)
		}
		if flows := w.flowEvents(); flows[len(flows)-1] != netsim.FormatTime(70*time.Second+ms(1))+" picked-up" {
			t.Errorf("flow events %q, want a pickup at 70.001 s", flows)
		}
	case outUntracked:
		if counts.Dropped() != 0 || len(fw.Flows()) != 0 || counts.Untracked < 2 {
			t.Errorf("%+v, flows %v: want no drop, no flow, the segment and its answer untracked", counts, fw.Flows())
		}
		if box == netsim.Firewall {
			if writer.Unacked() != 0 || (fromInside && reader[len(reader)-1] != "after the expiry") {
				t.Errorf("%d bytes unacked, server read %q: want the data through", writer.Unacked(), reader)
			}
			break
		}
		// The NAT: out untranslated, the server's RST back, the client reset.
		var out, rst bool
		for _, e := range w.events {
			s, ok := e.(*netsim.SegmentEvent)
			if !ok || s.Fate != netsim.FateSent && s.Fate != netsim.FateDelivered {
				continue
			}
			if s.Fate == netsim.FateDelivered && s.Where == "server" && s.Packet.Src.Addr() == clientIP && len(s.Packet.Payload) > 0 {
				out = true
			}
			if s.Fate == netsim.FateDelivered && s.Where == "client" && s.Packet.Flags&netsim.RST != 0 {
				rst = true
			}
		}
		at, reset := w.errorAt("client", netsim.ECONNRESET)
		if !out || !rst || !reset || at != 70*time.Second+ms(4) {
			t.Errorf("untranslated out %v, RST back %v, ECONNRESET %v at %v: want all, at 70.004 s", out, rst, reset, at)
		}
		if srv.State() != netsim.Established {
			t.Errorf("server %v: its own connection (with the NAT's address) knows nothing", srv.State())
		}
	}
}

// The on_expired shorthands are conntrack settings: drop a stateful
// firewall, pickup loose pickup behind a permissive ruleset; rst and
// rst-both are gateways without conntrack, and cannot take conntrack
// settings.
func TestExpiryShorthands(t *testing.T) {
	for _, tc := range []struct {
		policy netsim.ExpiryPolicy
		want   netsim.Conntrack
		ok     bool
	}{
		{netsim.ExpiryDrop, netsim.Conntrack{Loose: true, NewNeedsSYN: true, DropInvalid: true}, true},
		{netsim.ExpiryPickup, netsim.Conntrack{Loose: true, DropInvalid: true}, true},
		{netsim.ExpiryRST, netsim.Conntrack{}, false},
		{netsim.ExpiryRSTBoth, netsim.Conntrack{}, false},
	} {
		cfg := netsim.MiddleboxConfig{Kind: netsim.Firewall, OnExpired: tc.policy}
		if got, ok := cfg.Tracking(); got != tc.want || ok != tc.ok {
			t.Errorf("%v: %+v, %v; want %+v, %v", tc.policy, got, ok, tc.want, tc.ok)
		}
		cfg = netsim.MiddleboxConfig{Kind: netsim.Firewall, Outside: "server", IdleTimeout: time.Minute,
			OnExpired: tc.policy, Conntrack: &netsim.ConntrackStateful}
		if err := cfg.Validate(); (err == nil) != tc.ok {
			t.Errorf("%v with conntrack settings: %v", tc.policy, err)
		}
	}
}
