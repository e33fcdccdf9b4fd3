package scenarios

import (
	"errors"
	"testing"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/netsim"
)

// fuzzBudget is the work budget of a fuzzed run: large enough for a
// lesson's first minutes, small enough that a fuzzer tries many texts a
// second. A run beyond it is refused or stopped, as the budget promises:
// the fuzzer checks that it ends either way.
var fuzzBudget = lab.Budget{Events: 200_000, Conns: 5_000, Timers: 50_000, Buffered: 16 << 20}

// runFuzzed runs a scenario that parsed (or a recording's) under
// fuzzBudget, to until, and checks that it ends: with its summary, or with
// a one-line budget error and no more events than the budget allows.
func runFuzzed(t *testing.T, sc *Scenario, sess *lab.Session, until time.Duration) {
	t.Helper()
	sc.Budget = fuzzBudget
	events := 0
	var last netsim.Event
	out := func(e netsim.Event) { events++; last = e }
	var err error
	if sess == nil {
		_, err = sc.Run(until, out)
	} else {
		_, err = sc.RunSession(sess, until, out)
	}
	if err != nil {
		var be *lab.BudgetError
		if !errors.As(err, &be) {
			t.Fatalf("the run failed with something other than its budget: %v", err)
		}
		checkFuzzError(t, err, "")
	}
	// The stream may run a little past the budget: the step that crossed
	// it (a power cut emits an event for each connection), the verdicts
	// and the summary.
	if uint64(events) > fuzzBudget.Events+uint64(fuzzBudget.Conns)+maxExpect+2 {
		t.Fatalf("%d events under a budget of %d", events, fuzzBudget.Events)
	}
	if last != nil {
		if _, ok := last.(*SummaryEvent); !ok && err == nil {
			t.Fatalf("the run ended without its summary: %s", netsim.Format(last))
		}
	}
}

// FuzzRun is FuzzParse carried through: a text that parses is run, under
// a small work budget, to its end. Nothing in the pipeline may panic, and
// a run either ends with its summary or stops on its budget with one
// line.
//
//	go test ./scenarios -run XXX -fuzz FuzzRun -fuzztime 10m
func FuzzRun(f *testing.F) {
	for _, data := range fuzzSeeds(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := Parse("fuzz", "fuzz.yaml", data)
		if err != nil {
			checkFuzzError(t, err, "fuzz.yaml")
			return
		}
		runFuzzed(t, sc, nil, 0)
	})
}

// FuzzRecording reads arbitrary text as a recording and replays what
// reads, under the same budget: no panic, one-line errors.
//
//	go test ./scenarios -run XXX -fuzz FuzzRecording -fuzztime 10m
func FuzzRecording(f *testing.F) {
	for _, name := range []string{"power-loss-heartbeat", "nat-port-policy", "preset-grpc"} {
		sc, err := Load(name)
		if err != nil {
			f.Fatal(err)
		}
		inputs := []lab.Input{
			{At: 20 * time.Second, Action: lab.Action{Do: lab.Loss, Target: sc.Config.Links[0].Name(), Value: "0.2"}},
			{At: 30 * time.Second, Action: lab.Action{Do: lab.Freeze, Target: sc.Config.Apps[0].Name}},
			{At: 40 * time.Second, Action: lab.Action{Do: lab.Thaw, Target: sc.Config.Apps[0].Name}},
		}
		f.Add(NewRecording(sc, []string{"seed=3"}, inputs, time.Minute).Marshal())
	}
	for _, s := range []string{"", "null", "[]", `{"format": "socklab-recording", "version": 1}`, "{\"a\": 1, \"a\": 2}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ReadRecording("fuzz.json", data)
		if err != nil {
			checkFuzzError(t, err, "fuzz.json")
			return
		}
		sc, sess, err := r.Session()
		if err != nil {
			t.Fatalf("read, but its session fails: %v", err)
		}
		runFuzzed(t, sc, sess, r.Until())
	})
}
