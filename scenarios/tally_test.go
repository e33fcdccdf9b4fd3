package scenarios

import (
	"testing"
	"time"

	"github.com/socklab/socklab/lab/tally"
)

// tallied runs a built-in to its end with a tally observing it.
func tallied(t *testing.T, name string) *tally.Tally {
	t.Helper()
	sc, err := Load(name)
	if err != nil {
		t.Fatal(err)
	}
	sess, err := sc.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	tl := tally.New()
	sess.Observe(tl.Observe)
	sess.RunUntil(sc.Duration)
	return tl
}

// The tally's pollers, computed from the event stream, are the lab's own
// PollStats — the numbers the poll_latency expectations judge.
func TestTallyPollersMatchTheLab(t *testing.T) {
	sc, err := Load("polling-vs-push")
	if err != nil {
		t.Fatal(err)
	}
	sess, err := sc.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	tl := tally.New()
	sess.Observe(tl.Observe)
	sess.RunUntil(sc.Duration)
	n := 0
	for _, a := range sess.Snapshot().Apps {
		if a.Poll == nil {
			continue
		}
		n++
		want, got := a.Poll, tl.App(a.Name).Poll
		if got == nil {
			t.Fatalf("%s: no poll ledger", a.Name)
		}
		if got.Requests != want.Requests || got.BytesSent != want.BytesSent || got.BytesRecv != want.BytesRecv ||
			got.Items != want.Events || got.Latency != want.TotalLatency || got.MaxLatency != want.MaxLatency ||
			got.MeanLatency() != want.MeanLatency() {
			t.Errorf("%s: tally %+v, lab %+v", a.Name, *got, *want)
		}
	}
	if n != 3 {
		t.Fatalf("%d pollers, want 3", n)
	}
}

// The herd's connection attempts per 100 ms: 1000 connect() calls 5 ms
// apart at the start (20 per step), then the waves of the scenario's
// comment, 1000 each, at 61.01, 63.03, 67.05 and 75.07 s: most clients
// in the wave's first 100 ms, the others one or two seconds later
// (each client's backoff counts from its own last failure).
func TestTallyHerdAttempts(t *testing.T) {
	tl := tallied(t, "thundering-herd")
	a := tl.App("clients")
	if a == nil {
		t.Fatal("no ledger for the clients")
	}
	if peak, at := a.Attempts.Peak(); peak != 1000 || at != 61*time.Second {
		t.Errorf("peak %d attempts at %v, want 1000 at 1m1s", peak, at)
	}
	waves := []time.Duration{61 * time.Second, 63 * time.Second, 67 * time.Second, 75 * time.Second, 80 * time.Second}
	for i, wave := range waves[:len(waves)-1] {
		w := a.Attempts.Window(wave, waves[i+1])
		var n uint64
		for _, c := range w {
			n += c
		}
		if n != 1000 || w[0] < 900 {
			t.Errorf("wave at %v: %v per 100 ms, want 1000 in all, 900 or more at once", wave, w)
		}
	}
	if a.Detections < 1000 {
		t.Errorf("%d detections, want the 1000 FINs at least", a.Detections)
	}
}
