package lab

import (
	"slices"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// herdResult measures a thundering herd.
type herdResult struct {
	peak       int           // reconnect attempts in the busiest 100 ms
	synDrops   int           // SYNs dropped for a full accept queue
	ackDrops   int           // handshake ACKs (and first data) dropped for it
	allBack    time.Duration // from the crash until the last client is connected again
	reconnects int
}

// runHerd connects n clients, crashes the server process (a FIN to every
// client at once) and restarts it 10 s later with a listen backlog of 128
// and 2 ms of work per accept.
func runHerd(t testing.TB, n int, policy string) herdResult {
	cfg := twoHosts(
		serverApp(func(a *AppConfig) { a.Backlog = 128; a.AcceptDelay = 2 * time.Millisecond }),
		clientApp(func(a *AppConfig) {
			a.Count = n
			a.Stagger = 5 * time.Millisecond
			a.Heartbeat = HeartbeatConfig{Interval: 30 * time.Second, Timeout: 10 * time.Second}
			a.Reconnect = BackoffConfig{Policy: policy, Base: time.Second, Max: 60 * time.Second}
		}),
	)
	const crash = 20 * time.Second
	cfg.Timeline = []TimedAction{
		{At: crash, Action: Action{Do: "crash", Target: "server"}},
		{At: crash + 10*time.Second, Action: Action{Do: "restart", Target: "server"}},
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var res herdResult
	var starts []time.Duration
	connected := map[string]time.Duration{}
	s.Observe(func(e netsim.Event) {
		switch e := e.(type) {
		case *ReconnectEvent:
			switch e.Outcome {
			case ReconnectScheduled:
				starts = append(starts, e.At+e.Delay)
			case ReconnectConnected:
				connected[e.App] = e.At
			}
		case *netsim.SegmentEvent:
			if e.Why == netsim.WhyBacklogFull {
				if e.Packet.Flags&netsim.SYN != 0 {
					res.synDrops++
				} else {
					res.ackDrops++
				}
			}
		}
	})
	s.RunUntil(crash + 10*time.Minute)
	slices.Sort(starts)
	for i, j := 0, 0; i < len(starts); i++ {
		for starts[i]-starts[j] >= 100*time.Millisecond {
			j++
		}
		res.peak = max(res.peak, i-j+1)
	}
	res.reconnects = len(connected)
	for _, at := range connected {
		res.allBack = max(res.allBack, at-crash)
	}
	return res
}

// Thundering herd: with plain exponential backoff all clients retry in the
// same instant; full jitter spreads them out.
func TestThunderingHerd(t *testing.T) {
	exp := runHerd(t, 1000, BackoffExponential)
	full := runHerd(t, 1000, BackoffFullJitter)
	for _, r := range []struct {
		name string
		res  herdResult
	}{{"exponential", exp}, {"full jitter", full}} {
		t.Logf("%-12s peak %4d attempts/100 ms, %4d SYNs and %4d ACKs lost to the full backlog, all %d back after %v",
			r.name, r.res.peak, r.res.synDrops, r.res.ackDrops, r.res.reconnects, r.res.allBack)
		if r.res.reconnects != 1000 {
			t.Errorf("%s: %d clients reconnected, want 1000", r.name, r.res.reconnects)
		}
	}
	if exp.peak < 1000 {
		t.Errorf("exponential peak %d: without jitter every client retries in the same instant", exp.peak)
	}
	if full.peak*5 > exp.peak {
		t.Errorf("full jitter's peak %d is not 5× below exponential's %d", full.peak, exp.peak)
	}
	if exp.synDrops+exp.ackDrops == 0 {
		t.Errorf("exponential lost nothing to the backlog: the herd never hit it")
	}
}
