package lab

import (
	"testing"
	"time"
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
