package lab

import (
	"bytes"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// A session driven live (run, step, act at odd moments) and a fresh one
// replaying its recorded inputs give the same events, byte for byte.
func TestReplayReproducesLiveRun(t *testing.T) {
	cfg := func() Config {
		c := twoHosts(serverApp(func(a *AppConfig) { a.Heartbeat.Expect = 20 * time.Second }),
			clientApp(func(a *AppConfig) {
				a.Count = 3
				a.Heartbeat = HeartbeatConfig{Interval: 5 * time.Second, Timeout: 2 * time.Second}
			}))
		c.Links[0].Loss = 0.02
		return c
	}
	stream := func(s *Session) *bytes.Buffer {
		var buf bytes.Buffer
		s.Observe(func(e netsim.Event) { buf.Write(netsim.AppendJSON(nil, e)); buf.WriteByte('\n') })
		return &buf
	}
	live, err := New(cfg())
	if err != nil {
		t.Fatal(err)
	}
	liveOut := stream(live)
	live.RunUntil(12 * time.Second)
	live.Apply(Action{Do: "loss", Target: "client-server", Value: "0.3"})
	for range 7 { // stop in the middle of an instant
		live.Step()
	}
	live.Apply(Action{Do: "power_off", Target: "client"})
	live.RunUntil(40 * time.Second)
	live.Apply(Action{Do: "power_on", Target: "client"})
	live.Apply(Action{Do: "set", Target: "apps.client.heartbeat.interval", Value: "3s"})
	live.RunUntil(2 * time.Minute)

	replay, err := New(cfg())
	if err != nil {
		t.Fatal(err)
	}
	replayOut := stream(replay)
	if err := replay.Replay(live.Inputs()); err != nil {
		t.Fatal(err)
	}
	replay.RunUntil(2 * time.Minute)
	if !bytes.Equal(liveOut.Bytes(), replayOut.Bytes()) {
		t.Fatalf("the replay differs from the live run (%d and %d bytes)", liveOut.Len(), replayOut.Len())
	}
	if len(replay.Inputs()) != 4 {
		t.Errorf("the replay recorded %d inputs, want the 4 it replayed", len(replay.Inputs()))
	}
	if err := replay.Replay([]Input{{At: time.Hour, Action: Action{Do: "explode", Target: "client"}}}); err == nil {
		t.Error("an unknown action was accepted for replay")
	}
}

// DropReplay in the middle of a replay drops the inputs still queued: the
// session goes on as a run that took only the inputs before that moment.
func TestDropReplayStopsReplaying(t *testing.T) {
	cfg := func() Config {
		return twoHosts(serverApp(func(a *AppConfig) { a.Heartbeat.Expect = 20 * time.Second }),
			clientApp(func(a *AppConfig) {
				a.Heartbeat = HeartbeatConfig{Interval: 5 * time.Second, Timeout: 2 * time.Second}
			}))
	}
	stream := func(s *Session) *bytes.Buffer {
		var buf bytes.Buffer
		s.Observe(func(e netsim.Event) { buf.Write(netsim.AppendJSON(nil, e)); buf.WriteByte('\n') })
		return &buf
	}
	inputs := []Input{
		{At: 10 * time.Second, Action: Action{Do: "freeze", Target: "server"}},
		{At: 30 * time.Second, Action: Action{Do: "thaw", Target: "server"}},
		{At: 50 * time.Second, Action: Action{Do: "power_off", Target: "client"}},
	}
	// The inputs' steps, as a live run records them.
	live, err := New(cfg())
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		live.RunUntil(in.At)
		live.Apply(in.Action)
	}
	recorded := live.Inputs()

	// A live run that took only the first input.
	want, err := New(cfg())
	if err != nil {
		t.Fatal(err)
	}
	wantOut := stream(want)
	want.RunUntil(10 * time.Second)
	want.Apply(inputs[0].Action)
	want.RunUntil(2 * time.Minute)

	got, err := New(cfg())
	if err != nil {
		t.Fatal(err)
	}
	gotOut := stream(got)
	if err := got.Replay(recorded); err != nil {
		t.Fatal(err)
	}
	got.RunUntil(20 * time.Second)
	if n := got.DropReplay(); n != 2 {
		t.Errorf("DropReplay dropped %d inputs, want the 2 not yet replayed", n)
	}
	got.RunUntil(2 * time.Minute)
	if !bytes.Equal(wantOut.Bytes(), gotOut.Bytes()) {
		t.Errorf("after DropReplay the run differs from a live run with the first input only (%d and %d bytes)",
			wantOut.Len(), gotOut.Len())
	}
	if in := got.Inputs(); len(in) != 1 || in[0].Action.Do != "freeze" {
		t.Errorf("got inputs %+v, want the one freeze replayed before the drop", in)
	}
	if n := got.DropReplay(); n != 0 {
		t.Errorf("a second DropReplay dropped %d inputs, want 0", n)
	}
}
