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
