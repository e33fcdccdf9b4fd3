package lab

import (
	"math"
	"math/rand/v2"
	"time"
)

// backoff decides when a client tries to connect again, after each
// failure, and how long it gives each attempt. It is a pure state machine:
// the caller passes the time, and the random draws come from the run's
// generator.
//
// The policies are those of "Exponential Backoff And Jitter" (Marc Brooker,
// AWS Architecture Blog, 2015), with attempt n counted from 0:
//
//	exponential:         min(cap, base·m^n)
//	full jitter:         uniform(0, min(cap, base·m^n))
//	equal jitter:        t = min(cap, base·m^n); t/2 + uniform(0, t/2)
//	decorrelated jitter: s = min(cap, uniform(base, 3·s)), s starting at base
//
// and gRPC's connection backoff (grpc/grpc doc/connection-backoff.md): the
// first attempt goes at once with a deadline one INITIAL_BACKOFF away; each
// later one waits for the previous deadline, then the backoff grows by
// MULTIPLIER up to MAX_BACKOFF, the deadline is that far (±JITTER), and an
// attempt may take max(deadline, MIN_CONNECT_TIMEOUT).
type backoff struct {
	cfg      BackoffConfig
	rng      *rand.Rand
	attempt  int           // attempts begun since the last success
	sleep    time.Duration // decorrelated jitter's last sleep
	current  time.Duration // gRPC's current backoff
	deadline time.Duration // gRPC's current deadline
}

func newBackoff(cfg BackoffConfig, rng *rand.Rand) *backoff {
	return &backoff{cfg: cfg, rng: rng}
}

// reset starts over after a successful connection.
func (b *backoff) reset() { b.attempt, b.sleep, b.current, b.deadline = 0, 0, 0, 0 }

// exhausted reports whether MaxAttempts have been used.
func (b *backoff) exhausted() bool {
	return b.cfg.Policy == BackoffNone || (b.cfg.MaxAttempts > 0 && b.attempt >= b.cfg.MaxAttempts)
}

// ceiling is min(cap, base·m^n) for attempt n.
func (b *backoff) ceiling(n int) time.Duration {
	c := float64(b.cfg.Base) * math.Pow(b.cfg.Multiplier, float64(n))
	return time.Duration(min(c, float64(b.cfg.Max)))
}

func (b *backoff) uniform(lo, hi time.Duration) time.Duration {
	if hi <= lo {
		return lo
	}
	return lo + time.Duration(b.rng.Int64N(int64(hi-lo)+1))
}

// delay is how long to wait, from now (when the connection was lost or
// the last attempt failed), before the next attempt.
func (b *backoff) delay(now time.Duration) time.Duration {
	n := b.attempt
	switch b.cfg.Policy {
	case BackoffFixed:
		return b.cfg.Base
	case BackoffExponential:
		return b.ceiling(n)
	case BackoffFullJitter:
		return b.uniform(0, b.ceiling(n))
	case BackoffEqualJitter:
		t := b.ceiling(n)
		return t/2 + b.uniform(0, t/2)
	case BackoffDecorrelated:
		if b.sleep == 0 {
			b.sleep = b.cfg.Base
		}
		b.sleep = min(b.cfg.Max, b.uniform(b.cfg.Base, 3*b.sleep))
		return b.sleep
	case BackoffGRPC:
		if n == 0 {
			return 0
		}
		return max(b.deadline-now, 0)
	}
	return 0
}

// begin records that an attempt starts now and returns how long it may
// take (0: as long as TCP's own SYN retries allow).
func (b *backoff) begin(now time.Duration) time.Duration {
	b.attempt++
	if b.cfg.Policy != BackoffGRPC {
		return b.cfg.ConnectTimeout
	}
	if b.attempt == 1 {
		b.current = b.cfg.Base
		b.deadline = now + b.current
	} else {
		b.current = time.Duration(min(float64(b.current)*b.cfg.Multiplier, float64(b.cfg.Max)))
		j := time.Duration(b.cfg.Jitter * float64(b.current))
		b.deadline = now + b.current + b.uniform(-j, j)
	}
	return max(b.deadline-now, b.cfg.ConnectTimeout)
}
