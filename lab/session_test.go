package lab

import (
	"bytes"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// A session owns a copy of its configuration: live changes stay in it.
func TestSessionCopiesItsConfig(t *testing.T) {
	cfg := twoHosts(serverApp(nil), clientApp(func(a *AppConfig) { a.Heartbeat.Interval = 10 * time.Second }))
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(Action{Do: "set", Target: "apps.client.heartbeat.interval", Value: "2s"}); err != nil {
		t.Fatal(err)
	}
	if got := cfg.Apps[1].Heartbeat.Interval; got != 10*time.Second {
		t.Errorf("the caller's config changed to %v", got)
	}
	if got := s.Config().Apps[1].Heartbeat.Interval; got != 2*time.Second {
		t.Errorf("the session's config is %v, want 2s", got)
	}
}

// The same configuration and inputs give the same events, byte for byte.
func TestSessionDeterminism(t *testing.T) {
	run := func() []byte {
		cfg := twoHosts(serverApp(func(a *AppConfig) { a.Heartbeat.Expect = 20 * time.Second }),
			clientApp(func(a *AppConfig) {
				a.Count = 5
				a.Heartbeat = HeartbeatConfig{Interval: 5 * time.Second, Timeout: 2 * time.Second}
				a.Reconnect.Policy = BackoffFullJitter
			}))
		cfg.Links[0].Loss = 0.05
		cfg.Links[0].Jitter = 3 * time.Millisecond
		s, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		s.Observe(func(e netsim.Event) {
			buf.Write(netsim.AppendJSON(nil, e))
			buf.WriteByte('\n')
		})
		s.RunUntil(30 * time.Second)
		s.Apply(Action{Do: "crash", Target: "server"})
		s.RunUntil(40 * time.Second)
		s.Apply(Action{Do: "restart", Target: "server"})
		s.RunUntil(2 * time.Minute)
		return buf.Bytes()
	}
	a, b := run(), run()
	if len(a) < 10000 || !bytes.Equal(a, b) {
		t.Fatalf("two runs differ (%d and %d bytes)", len(a), len(b))
	}
}
