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

// TestObserveKinds: an observer of some kinds is handed exactly the events
// an observer of every event is handed that are of those kinds or the
// lab's own (the app events only if it asks for them), in the same order,
// alone or beside an observer of every event registered before or after
// it; the session counts the events nobody is handed all the same.
func TestObserveKinds(t *testing.T) {
	type want struct {
		kinds netsim.Kinds
		app   bool
	}
	run := func(partial *want, full, fullLast bool) (lines, some []string, events uint64) {
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
		if full && !fullLast {
			s.ObserveTransient(record(&lines))
		}
		if partial != nil {
			s.ObserveKinds(partial.kinds, partial.app, record(&some))
		}
		if full && fullLast {
			s.ObserveTransient(record(&lines))
		}
		s.RunUntil(40 * time.Second)
		return lines, some, s.Progress().Events
	}
	all, _, events := run(nil, true, false)
	for _, w := range []want{{0, false}, {0, true}, {netsim.KindSegmentSent, false},
		{netsim.KindState | netsim.KindSegmentDelivered, true}, {netsim.AllKinds, false}} {
		var filtered []string
		kinds := map[string]netsim.Kinds{"segment sent": netsim.KindSegmentSent, "segment delivered": netsim.KindSegmentDelivered,
			"segment dropped": netsim.KindSegmentDropped, "tcp_state": netsim.KindState}
		apps := 0
		for _, l := range all {
			kind, _, _ := strings.Cut(l, " ")
			if kind == "segment" {
				fate := strings.Fields(l)[2]
				kind += " " + fate
			}
			switch k, ok := kinds[kind]; {
			case kind == "app":
				apps++
				if !w.app {
					continue
				}
			case ok && w.kinds&k == 0:
				continue
			}
			filtered = append(filtered, l)
		}
		if apps == 0 || len(filtered) == 0 || len(filtered) == len(all) && w.kinds != netsim.AllKinds {
			t.Fatalf("%+v: %d events of %d, %d app events: the run shows nothing to filter", w, len(filtered), len(all), apps)
		}
		_, alone, eventsAlone := run(&w, false, false)
		if !slices.Equal(alone, filtered) || eventsAlone != events {
			t.Errorf("%+v alone: %d events, want %d of %d; %d counted, want %d", w, len(alone), len(filtered), len(all), eventsAlone, events)
		}
		for _, last := range []bool{false, true} {
			both, beside, eventsBoth := run(&w, true, last)
			if !slices.Equal(beside, filtered) || !slices.Equal(both, all) || eventsBoth != events {
				t.Errorf("%+v beside an observer of every event (registered last: %v): %d events, want %d; that observer %d, want %d; %d counted, want %d",
					w, last, len(beside), len(filtered), len(both), len(all), eventsBoth, events)
			}
		}
	}
	if events != uint64(len(all)) {
		t.Errorf("events counted %d, want %d", events, len(all))
	}
}
