package lab

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// uniformRef draws like backoff.uniform, from the reference generator.
func uniformRef(r *rand.Rand, lo, hi time.Duration) time.Duration {
	if hi <= lo {
		return lo
	}
	return lo + time.Duration(r.Int64N(int64(hi-lo)+1))
}

// Each policy's delays, attempt by attempt, against its formula from "Exponential
// Backoff And Jitter" computed here with a second generator seeded alike.
func TestBackoffPolicies(t *testing.T) {
	const base, cap = time.Second, 30 * time.Second
	ceiling := func(n int) time.Duration {
		return time.Duration(math.Min(float64(base)*math.Pow(2, float64(n)), float64(cap)))
	}
	for _, tc := range []struct {
		policy  string
		formula func(n int, r *rand.Rand, prev time.Duration) time.Duration
	}{
		{BackoffFixed, func(int, *rand.Rand, time.Duration) time.Duration { return base }},
		{BackoffExponential, func(n int, _ *rand.Rand, _ time.Duration) time.Duration { return ceiling(n) }},
		{BackoffFullJitter, func(n int, r *rand.Rand, _ time.Duration) time.Duration { return uniformRef(r, 0, ceiling(n)) }},
		{BackoffEqualJitter, func(n int, r *rand.Rand, _ time.Duration) time.Duration {
			c := ceiling(n)
			return c/2 + uniformRef(r, 0, c/2)
		}},
		{BackoffDecorrelated, func(n int, r *rand.Rand, prev time.Duration) time.Duration {
			if prev == 0 {
				prev = base
			}
			return min(cap, uniformRef(r, base, 3*prev))
		}},
	} {
		t.Run(tc.policy, func(t *testing.T) {
			b := newBackoff(BackoffConfig{Policy: tc.policy, Base: base, Max: cap, Multiplier: 2}, rand.New(rand.NewPCG(7, 7)))
			ref := rand.New(rand.NewPCG(7, 7))
			var prev time.Duration
			now := time.Duration(0)
			for n := range 12 {
				got := b.delay(now)
				want := tc.formula(n, ref, prev)
				if got != want {
					t.Fatalf("attempt %d: delay %v, want %v", n, got, want)
				}
				if got < 0 || got > cap {
					t.Fatalf("attempt %d: delay %v outside [0, %v]", n, got, cap)
				}
				prev = want
				now += got
				if timeout := b.begin(now); timeout != 0 {
					t.Fatalf("attempt %d: connect timeout %v, want none", n, timeout)
				}
			}
		})
	}
}

// gRPC connection backoff: the first attempt goes at once; each next one
// waits for the previous attempt's deadline; the backoff grows ×1.6 to
// 120 s with ±20 % jitter; an attempt may take max(deadline, 20 s).
func TestBackoffGRPC(t *testing.T) {
	cfg := BackoffConfig{Policy: BackoffGRPC, Base: time.Second, Multiplier: 1.6, Jitter: 0.2,
		Max: 120 * time.Second, ConnectTimeout: 20 * time.Second}
	b := newBackoff(cfg, rand.New(rand.NewPCG(3, 3)))
	ref := rand.New(rand.NewPCG(3, 3))

	now := 10 * time.Second // the connection is lost
	if d := b.delay(now); d != 0 {
		t.Fatalf("first attempt waits %v, want 0", d)
	}
	if timeout := b.begin(now); timeout != 20*time.Second {
		t.Fatalf("first attempt may take %v, want MIN_CONNECT_TIMEOUT 20s", timeout)
	}
	deadline, current := now+time.Second, time.Second
	for n := 1; n < 15; n++ {
		failAt := now + 50*time.Millisecond // refused at once
		d := b.delay(failAt)
		if want := deadline - failAt; d != want {
			t.Fatalf("attempt %d: waits %v, want until the deadline (%v)", n+1, d, want)
		}
		now = failAt + d
		timeout := b.begin(now)
		current = time.Duration(math.Min(float64(current)*1.6, float64(120*time.Second)))
		j := time.Duration(0.2 * float64(current))
		deadline = now + current + uniformRef(ref, -j, j)
		if want := max(deadline-now, 20*time.Second); timeout != want {
			t.Fatalf("attempt %d: may take %v, want max(deadline, 20s) = %v", n+1, timeout, want)
		}
		if lo, hi := time.Duration(0.8*float64(current)), time.Duration(1.2*float64(current)); deadline-now < lo || deadline-now > hi {
			t.Fatalf("attempt %d: backoff %v outside %v ± 20 %%", n+1, deadline-now, current)
		}
	}
	if current != 120*time.Second {
		t.Errorf("after 15 attempts the backoff is %v, want capped at 120s", current)
	}
}
