package scenarios

import (
	"testing"

	"github.com/socklab/socklab/netsim"
)

// TestRunWithoutOut: a run handed no out (socklab run --quiet) builds only
// the events its expectations and totals look at, and counts the others:
// its verdicts, totals, event count and summary are those of the same run
// with every event handed out. The lessons chosen judge app events (bytes a
// minute), reconnect attempts, segments and calls.
func TestRunWithoutOut(t *testing.T) {
	for _, name := range []string{"bench-pingpong", "firewall-idle-heartbeat", "thundering-herd", "handshake", "read-deadline"} {
		t.Run(name, func(t *testing.T) {
			run := func(out func(netsim.Event)) *Result {
				sc, err := Load(name)
				if err != nil {
					t.Fatal(err)
				}
				res, err := sc.Run(0, out)
				if err != nil {
					t.Fatal(err)
				}
				return res
			}
			var events uint64
			var last netsim.Event
			full := run(func(e netsim.Event) { events, last = events+1, e })
			quiet := run(nil)
			if last != full.Summary || events != full.Events+1 {
				t.Errorf("out was handed %d events ending with %v; want the run's %d and its summary", events, last, full.Events)
			}
			if got, want := quiet.Summary.Line(), full.Summary.Line(); got != want {
				t.Errorf("without out:\n%s\nwant\n%s", got, want)
			}
			if len(quiet.Verdicts) != len(full.Verdicts) {
				t.Fatalf("%d verdicts without out, %d with", len(quiet.Verdicts), len(full.Verdicts))
			}
			for i, v := range quiet.Verdicts {
				if got, want := v.Line(), full.Verdicts[i].Line(); got != want {
					t.Errorf("verdict %d without out: %s, want %s", i, got, want)
				}
			}
		})
	}
}
