package feed

import (
	"testing"

	"github.com/socklab/socklab/scenarios"
)

// The rings and the maps of the feed stay bounded through 150,000 events
// of a thousand clients.
func TestBuffersStayBoundedOnALongRun(t *testing.T) {
	sc, err := scenarios.Load("thundering-herd")
	if err != nil {
		t.Fatal(err)
	}
	s, err := sc.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	f := New(sc.Teaches)
	s.Observe(f.Observe)
	for f.Events < 150_000 && s.Step() {
	}
	if f.Events < 150_000 {
		t.Fatalf("the scenario ran out after %d events", f.Events)
	}
	if f.Wire.Len() > WireCapacity || f.Log.Len() > LogCapacity {
		t.Errorf("buffers hold %d wire rows and %d log entries, want at most %d and %d", f.Wire.Len(), f.Log.Len(), WireCapacity, LogCapacity)
	}
	if len(f.inflight) > WireCapacity || len(f.beats) > 4096 || len(f.wireFold) > 257 || len(f.logFold) > 257 {
		t.Errorf("maps grew: %d in flight, %d heartbeat queues, %d and %d folds", len(f.inflight), len(f.beats), len(f.wireFold), len(f.logFold))
	}
}
