package lab

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// pinging is 20 clients pinging a server every 100 ms: about 200 events a
// second.
func pinging() Config {
	return twoHosts(serverApp(nil), clientApp(func(a *AppConfig) {
		a.Count = 20
		a.Heartbeat.Interval = 100 * time.Millisecond
	}))
}

// A session that goes beyond its budget stops between two steps, with an
// error that says where and why; it takes no step after.
func TestBudgetStopsTheSession(t *testing.T) {
	for _, tc := range []struct {
		name   string
		budget Budget
		want   string
	}{
		// A step may emit several events: the budget is checked after it.
		{"events", Budget{Events: 5000},
			"the run stopped at 2.404s of simulated time: it has taken 5002 events, more than its budget of 5000 (--budget raises it)"},
		// Connections and timers are counted every checkEvery steps.
		{"connections", Budget{Conns: 30},
			"the run stopped at 4.402s of simulated time: it holds 40 TCP connections, more than a lab may hold (30)"},
		// (How many stale entries the queue keeps is netsim's business:
		// the count is not pinned.)
		{"timers", Budget{Timers: 50},
			"the run stopped at 4.402s of simulated time: it holds * queued timers, more than a lab may hold (50)"},
		{"buffers", Budget{Buffered: 100},
			"the run stopped at 102ms of simulated time: it holds 112 bytes in socket buffers, more than a lab may hold (100)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRecorder(t, pinging())
			r.s.SetBudget(tc.budget)
			r.s.RunUntil(time.Hour)
			var be *BudgetError
			before, after, _ := strings.Cut(tc.want, "*")
			if err := r.s.Err(); !errors.As(err, &be) || !strings.HasPrefix(err.Error(), before) || !strings.HasSuffix(err.Error(), after) {
				t.Fatalf("Err() = %v, want %q", err, tc.want)
			}
			if r.s.Now() >= time.Hour {
				t.Errorf("the clock went on to %v", r.s.Now())
			}
			steps := r.s.Sim().Steps()
			if r.s.Step() || r.s.Sim().Steps() != steps {
				t.Errorf("a stopped session took a step")
			}
			r.s.RunUntil(2 * time.Hour)
			if r.s.Sim().Steps() != steps {
				t.Errorf("a stopped session ran on")
			}
		})
	}
}

// A watcher sees the run's progress between steps, and its error stops
// the session (Ctrl-C, for the commands).
func TestWatcherStopsTheSession(t *testing.T) {
	r := newRecorder(t, pinging())
	stop := errors.New("stop")
	var seen []Progress
	r.s.Watch(func(p Progress) error {
		seen = append(seen, p)
		if len(seen) == 3 {
			return stop
		}
		return nil
	})
	r.s.RunUntil(time.Hour)
	if r.s.Err() != stop {
		t.Fatalf("Err() = %v, want the watcher's", r.s.Err())
	}
	if len(seen) != 3 || seen[2].Steps != 3*checkEvery || seen[0].Now >= seen[2].Now || seen[2].Events < seen[2].Steps {
		t.Errorf("progress seen: %+v", seen)
	}
	if r.s.Now() != seen[2].Now {
		t.Errorf("stopped at %v, the watcher saw %v", r.s.Now(), seen[2].Now)
	}
}

// The default budget holds a lesson-sized run, and its estimate is not
// below what it takes.
func TestEstimateCoversTheRun(t *testing.T) {
	r := newRecorder(t, pinging())
	r.s.RunUntil(time.Minute)
	got := max(r.s.Progress().Events, r.s.Progress().Steps)
	est := r.s.Config().Estimate(time.Minute)
	if est.Events < float64(got) || est.Events > 2*float64(got) {
		t.Errorf("estimate %.0f events, the run took %d", est.Events, got)
	}
	if r.s.Err() != nil {
		t.Errorf("stopped: %v", r.s.Err())
	}
}
