package lab

import (
	"bytes"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

func (r *recorder) reconnects(outcome string) []*ReconnectEvent {
	var out []*ReconnectEvent
	for _, e := range r.events {
		if x, ok := e.(*ReconnectEvent); ok && x.Outcome == outcome {
			out = append(out, x)
		}
	}
	return out
}

// The client's heartbeat finds the server dead; the client reconnects with
// exponential backoff; each attempt to the dead host is abandoned after the
// connect timeout; the attempts come at the times the policy implies.
func TestClientHeartbeatTimeoutThenReconnect(t *testing.T) {
	cfg := twoHosts(serverApp(nil), clientApp(func(a *AppConfig) {
		a.Heartbeat = HeartbeatConfig{Interval: 5 * time.Second, Timeout: 2 * time.Second}
		a.Reconnect = BackoffConfig{Policy: BackoffExponential, Base: time.Second, Max: 8 * time.Second, ConnectTimeout: 3 * time.Second}
	}))
	r := newRecorder(t, cfg)
	r.s.RunUntil(6 * time.Second)
	r.apply(Action{Do: "power_off", Target: "server"})
	r.s.RunUntil(60 * time.Second)
	r.apply(Action{Do: "power_on", Target: "server"})
	r.s.RunUntil(90 * time.Second)

	d := r.detects()
	if len(d) == 0 || d[0].Host != "client" || d[0].Cause != netsim.CauseHeartbeatTimeout {
		t.Fatalf("first detection %+v, want the client's heartbeat_timeout", d)
	}
	// Pings at 5.002 s (answered) and 10.002 s (not): declared dead 2 s later.
	if want := 12*time.Second + 2*time.Millisecond; d[0].At != want {
		t.Errorf("detected at %v, want %v", d[0].At, want)
	}
	// Exponential: 1, 2, 4, 8, 8, ... after each failure; each failure
	// comes 3 s (the connect timeout) after its attempt began.
	at, want := d[0].At, []time.Duration{}
	for n, delay := 0, time.Second; at < 60*time.Second; n++ {
		at += delay
		if at < 60*time.Second {
			want = append(want, at)
		}
		at += 3 * time.Second
		delay = min(2*delay, 8*time.Second)
	}
	var got []time.Duration
	for _, e := range r.reconnects(ReconnectScheduled) {
		if start := e.At + e.Delay; start < 60*time.Second {
			got = append(got, start)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("attempts at %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("attempt %d at %v, want %v (all: %v)", i+1, got[i], want[i], got)
		}
	}
	if c := r.reconnects(ReconnectConnected); len(c) != 1 {
		t.Errorf("%d reconnections after the server came back, want 1", len(c))
	}
}

// A live change of the heartbeat interval takes effect from the next timer
// and is an event itself.
func TestLiveParameterChange(t *testing.T) {
	cfg := twoHosts(serverApp(nil), clientApp(func(a *AppConfig) { a.Heartbeat.Interval = 10 * time.Second }))
	r := newRecorder(t, cfg)
	r.s.RunUntil(35 * time.Second)
	r.apply(Action{Do: "set", Target: "apps.client.heartbeat.interval", Value: "2s"})
	r.s.RunUntil(47 * time.Second)

	var pings []time.Duration
	var param *ParamEvent
	for _, e := range r.events {
		switch e := e.(type) {
		case *AppEvent:
			if e.Host == "client" && e.Dir == "send" && e.Msg == "heartbeat" {
				pings = append(pings, e.At)
			}
		case *ParamEvent:
			param = e
		}
	}
	// Connected at 2 ms: pings every 10 s until the timer armed before the
	// change (40.002), then every 2 s.
	want := []time.Duration{10, 20, 30, 40, 42, 44, 46}
	if len(pings) != len(want) {
		t.Fatalf("pings at %v, want at %v s (+2 ms)", pings, want)
	}
	for i, w := range want {
		if pings[i] != w*time.Second+2*time.Millisecond {
			t.Errorf("ping %d at %v, want %v", i+1, pings[i], w*time.Second+2*time.Millisecond)
		}
	}
	if param == nil || param.At != 35*time.Second || param.Path != "apps.client.heartbeat.interval" || param.Value != "2s" {
		t.Errorf("param event %+v, want the change at 35s", param)
	}
	if err := r.s.Apply(Action{Do: "set", Target: "apps.client.heartbeat.interval", Value: "-3s"}); err == nil {
		t.Error("a negative interval was accepted")
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
