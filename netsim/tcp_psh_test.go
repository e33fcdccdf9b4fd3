package netsim_test

import (
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// A retransmitted segment keeps the flags it first left with: Linux resends
// the skb as it is (__tcp_retransmit_skb), so a segment that ended a write
// carries PSH on every tail loss probe and RTO copy, even when newer data
// waits behind it, and a full segment from the middle of a write never
// gains it. Wireshark shows [P.] on each copy of the first, [.] on the
// second.
func TestRetransmissionKeepsPSH(t *testing.T) {
	for _, tc := range []struct {
		name string
		// writes are made at these times after the link went down (the
		// first at once).
		writes []struct {
			after time.Duration
			size  int
		}
		// pushed says, by segment length, which segments end a write and
		// so leave with PSH (tcp_push marks a write's last segment).
		pushed map[int]bool
	}{
		{name: "newer data queued behind it", writes: []struct {
			after time.Duration
			size  int
		}{{0, 16}, {ms(1000), 6}}, pushed: map[int]bool{16: true}},
		{name: "a write of two segments", writes: []struct {
			after time.Duration
			size  int
		}{{0, 2000}}, pushed: map[int]bool{1448: false, 552: true}}, // the MSS less 12 bytes of timestamps,
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
			w.listen(8080, 128, netsim.SockOpts{}, nil)
			c := w.dial(8080, netsim.SockOpts{}, nil)
			w.sim.RunUntil(time.Second)
			w.sim.Do(func() { w.link.SetUp(false) })
			for _, wr := range tc.writes {
				w.sim.RunUntil(time.Second + wr.after)
				w.sim.Do(func() { c.Write(pattern(wr.size), "data") })
			}
			w.sim.RunUntil(time.Minute)

			// The flags each segment first left with, by its sequence
			// number and length.
			type span struct{ seq, len uint32 }
			first := map[span]netsim.Flags{}
			copies := 0
			for _, e := range w.events {
				s, ok := e.(*netsim.SegmentEvent)
				if !ok || s.Fate != netsim.FateSent || s.SrcHost != "client" || len(s.Packet.Payload) == 0 {
					continue
				}
				key := span{s.Packet.RelSeq, uint32(len(s.Packet.Payload))}
				orig, seen := first[key]
				if !seen {
					if s.Packet.Note != 0 {
						t.Fatalf("%s %v is a copy of nothing sent before", netsim.FormatTime(s.At), s.Packet.Flags)
					}
					first[key] = s.Packet.Flags
					continue
				}
				copies++
				if s.Packet.Flags != orig {
					t.Errorf("%s %s seq=%d len=%d: %v, want %v as it first left",
						netsim.FormatTime(s.At), s.Packet.Note, key.seq, key.len, s.Packet.Flags, orig)
				}
			}
			if copies < 3 {
				t.Fatalf("%d retransmissions, want a tail loss probe and RTO copies", copies)
			}
			if len(first) != len(tc.pushed) {
				t.Errorf("%d distinct segments sent, want %d", len(first), len(tc.pushed))
			}
			for k, f := range first {
				if want := tc.pushed[int(k.len)]; f.Has(netsim.PSH) != want {
					t.Errorf("seq=%d len=%d left as %v; PSH wanted: %v", k.seq, k.len, f, want)
				}
			}
		})
	}
}
