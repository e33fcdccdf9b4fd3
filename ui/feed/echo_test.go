package feed

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/socklab/socklab/scenarios"
)

// One fact, one row: the wire shows a detection once. The client's log line
// about the lost peer and a failed attempt's event name the detection's
// rule again at the same instant, so the wire leaves them out; what the
// client tells its user and the attempt it schedules are facts of their
// own and keep their rows.
func TestWireShowsADetectionOnce(t *testing.T) {
	sc, err := scenarios.Load("heartbeat-reconnect")
	if err != nil {
		t.Fatal(err)
	}
	s, err := sc.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	f := New(sc.Teaches)
	s.Observe(f.Observe)
	s.RunUntil(42 * time.Second)
	var got []string
	for seq := f.Wire.First(); seq < f.Wire.Total(); seq++ {
		switch r := f.Wire.At(seq); r.Kind {
		case RowDetect, RowLog, RowNotice, RowReconnect:
			got = append(got, fmt.Sprintf("%v %s", r.At, r.Text))
		}
	}
	want := []string{
		"32.03s client: 10.0.0.1:8080 is gone: ping #6 unanswered within 2s",
		"32.03s client: tells its user “Connection lost. Reconnecting…”",
		"32.03s client: attempt 1 in 1s",
		"36.03s client: cannot connect to 10.0.0.1:8080: no SYN-ACK within 3s",
		"36.03s client: attempt 2 in 2s",
		"40.045s server: 10.0.0.2:47659 is gone: silent for 15s ≥ heartbeat.expect 15s",
		"41.03s client: cannot connect to 10.0.0.1:8080: no SYN-ACK within 3s",
		"41.03s client: attempt 3 in 4s",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("wire rows (-want +got):\n%s", diff)
	}
}
