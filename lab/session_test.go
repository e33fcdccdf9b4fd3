package lab

import (
	"bytes"
	"slices"
	"strings"
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

// TestObserveTransientSkipApp: an observer that skips the app events is
// handed every other event, in the same order, and the session counts the
// app events all the same; one that does not skip them, beside it, is
// handed them all.
func TestObserveTransientSkipApp(t *testing.T) {
	run := func(skip, full bool) (lines, skipped []string, events uint64) {
		s, err := New(twoHosts(serverApp(nil), clientApp(func(a *AppConfig) {
			a.Count = 2
			a.Heartbeat = HeartbeatConfig{Interval: 5 * time.Second, Timeout: time.Second}
		})))
		if err != nil {
			t.Fatal(err)
		}
		record := func(to *[]string) func(netsim.Event) {
			return func(e netsim.Event) { *to = append(*to, e.Kind()+" "+netsim.Format(e)) }
		}
		if full {
			s.ObserveTransient(record(&lines))
		}
		if skip {
			s.ObserveTransientSkipApp(record(&skipped))
		}
		s.RunUntil(40 * time.Second)
		return lines, skipped, s.Progress().Events
	}
	all, _, events := run(false, true)
	_, alone, eventsAlone := run(true, false)
	both, beside, eventsBoth := run(true, true)
	var noApp []string
	apps := 0
	for _, l := range all {
		if strings.HasPrefix(l, "app ") {
			apps++
			continue
		}
		noApp = append(noApp, l)
	}
	if apps == 0 || len(noApp) == 0 {
		t.Fatalf("%d app events of %d: the run shows nothing", apps, len(all))
	}
	if !slices.Equal(alone, noApp) || !slices.Equal(beside, noApp) {
		t.Errorf("skipping observer: %d and %d events, want the %d that are not app events", len(alone), len(beside), len(noApp))
	}
	if !slices.Equal(both, all) {
		t.Errorf("full observer beside a skipping one: %d events, want %d", len(both), len(all))
	}
	if events != uint64(len(all)) || eventsAlone != events || eventsBoth != events {
		t.Errorf("events counted %d, %d (app events skipped), %d (both); want %d", events, eventsAlone, eventsBoth, len(all))
	}
}
