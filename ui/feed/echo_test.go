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
	f := feedOf(t, "heartbeat-reconnect", 42*time.Second)
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

// A script's calls fold when other apps make the same call (the backlog's
// clients each calling socket()), never when the same program calls again:
// write-after-close's two failing writes at 3 s are two rows, the error
// reported once and then the EPIPE every write gets.
func TestSyscallRowsFoldAcrossAppsOnly(t *testing.T) {
	for _, c := range []struct {
		scenario    string
		from, until time.Duration
		want        []string
	}{
		{"write-after-close", 2 * time.Second, 3500 * time.Millisecond, []string{
			"2s write(3, 100) = 100 +0",
			"3s write(3, 100) = -1 EPIPE +0",
			"3s write(3, 100) = -1 EPIPE +0",
			"3s read(3) = 0 +0",
		}},
		{"listen-backlog", 0, time.Second, []string{
			"0s socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3 +0",
			"0s bind(3, 0.0.0.0:8080) = 0 +0",
			"0s listen(3, 1) = 0 +0",
			"0s [clients#1] socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3 +2",
			"20ms [clients#1] connect(3, 10.0.0.1:8080) = 0 <0.02 s> +1",
		}},
	} {
		t.Run(c.scenario, func(t *testing.T) {
			f := feedOf(t, c.scenario, c.until)
			var got []string
			for seq := f.Wire.First(); seq < f.Wire.Total(); seq++ {
				if r := f.Wire.At(seq); r.Kind == RowSyscall && r.At >= c.from {
					got = append(got, fmt.Sprintf("%v %s +%d", r.At, r.Text, r.More))
				}
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("syscall rows (-want +got):\n%s", diff)
			}
		})
	}
}

// feedOf is the feed of a built-in scenario run to until.
func feedOf(t *testing.T, scenario string, until time.Duration) *Feed {
	t.Helper()
	sc, err := scenarios.Load(scenario)
	if err != nil {
		t.Fatal(err)
	}
	s, err := sc.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	f := New(sc.Teaches)
	s.Observe(f.Observe)
	s.RunUntil(until)
	return f
}
