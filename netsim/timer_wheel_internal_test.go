package netsim

import "testing"

// The wheel's rule against the intervals the Linux 6.18 kernel showed
// (docs/kernel-check/RESULTS.md, HZ 250). A timer armed Δ jiffies ahead
// fires after a delay that depends on where in its level's granule the
// counter stood; over every phase the rule must give the range the
// measurements fall in (to within a jiffy: they are capture times of
// packets), and never fire early.
func TestWheelReproducesTheMeasuredIntervals(t *testing.T) {
	for _, tc := range []struct {
		name  string
		delta int64 // jiffies
		// align is the granule of the timer that armed this one (a
		// handler runs on its bucket's jiffy, with the wheel's clock one
		// ahead); 0: armed by a packet, at any jiffy.
		align      int64
		minMs      int64 // the rule's range of delays, in ms
		maxMs      int64
		measuredMs []int64
	}{
		{"RTO 204 ms after a TLP", 51, 1, 208, 208, []int64{208}},
		{"RTO 408 ms after RTO 204 ms", 102, 1, 412, 440, []int64{412, 420, 432, 440}},
		{"keepalive interval 2 s after the 5 s idle", 500, 64, 2016, 2016, []int64{2012, 2016, 2020}},
		{"keepalive idle 5 s", 1250, 0, 5004, 5256, []int64{5004, 5009, 5133, 5216}},
		{"first SYN timeout 1 s", 250, 0, 1004, 1032, []int64{1003, 1004, 1007, 1030, 1032}},
		{"next SYN timeouts 1 s", 250, 8, 1024, 1024, []int64{1024}},
		{"SYN 32 s after 16 s", 8000, 64, 32256, 34048, []int64{32768, 33024, 33792, 34048}},
		{"SYN 64 s after 32 s", 16000, 512, 65536, 65536, []int64{65536}},
		{"delayed ACK 40 ms", 10, 0, 44, 44, []int64{41, 42, 43, 44}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lo, hi := int64(1)<<62, int64(0)
			step := max(tc.align, 1)
			for now := int64(1 << 20); now < 1<<20+1<<15; now += step {
				clk := now
				if tc.align > 0 {
					clk++
				}
				d := wheelBucket(now+tc.delta, clk) - now
				if d <= tc.delta {
					t.Fatalf("armed at %d for %d jiffies, fired after %d: early", now, tc.delta, d)
				}
				lo, hi = min(lo, d), max(hi, d)
			}
			if lo*4 != tc.minMs || hi*4 != tc.maxMs {
				t.Errorf("delays %d..%d ms, want %d..%d", lo*4, hi*4, tc.minMs, tc.maxMs)
			}
			for _, m := range tc.measuredMs {
				// Captured times are a packet's, not a jiffy's: the
				// arming packet left inside its jiffy, and a timer's
				// packet leaves a little after the tick. A jiffy either
				// way.
				if m < tc.minMs-4 || m > tc.maxMs+4 {
					t.Errorf("measured %d ms, outside the rule's %d..%d ms", m, tc.minMs, tc.maxMs)
				}
			}
		})
	}
}

// A timeout beyond the wheel's reach is pulled in to WHEEL_TIMEOUT_MAX;
// one already due runs at the wheel's clock.
func TestWheelEdges(t *testing.T) {
	const clk = 1 << 30
	cutoff := wheelLevelStart(wheelDepth)
	if got, want := wheelBucket(clk+4*cutoff, clk), wheelBucket(clk+cutoff-1<<24, clk); got != want {
		t.Errorf("a timeout past the cutoff runs at %d, want %d (WHEEL_TIMEOUT_MAX)", got, want)
	}
	if got := wheelBucket(clk-5, clk); got != clk {
		t.Errorf("an expiry in the past runs at %d, want the clock %d", got, clk)
	}
}
