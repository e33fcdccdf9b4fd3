package lab

import (
	"strings"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// A change the table does not list is a bug in the model: it panics, as
// netsim's TCP state machine does.
func TestClientIllegalTransitionPanics(t *testing.T) {
	s, err := New(twoHosts(serverApp(nil), clientApp(nil)))
	if err != nil {
		t.Fatal(err)
	}
	c := s.byName["client"].(*clientGroup).clients[0]
	s.RunUntil(time.Second)
	if c.state != ClientConnected {
		t.Fatalf("state %v, want connected", c.state)
	}
	defer func() {
		r := recover()
		if msg, _ := r.(string); !strings.Contains(msg, "invalid transition [connected -> idle]") {
			t.Errorf("panic %v, want invalid transition [connected -> idle]", r)
		}
	}()
	c.become(ClientIdle)
}

// Every change of a client's state is an event: replaying the events from
// the start gives each client's state at the end. The run goes through
// every state: a connection, a loss (heartbeat), failed attempts while the
// server is off, a reconnection, a crash and a restart, and finally a
// client with max_attempts 1 that gives up.
func TestEveryClientStateChangeIsAnEvent(t *testing.T) {
	cfg := twoHosts(serverApp(nil), clientApp(func(a *AppConfig) {
		a.Count = 2
		a.Stagger = time.Second
		a.Heartbeat = HeartbeatConfig{Interval: 5 * time.Second, Timeout: 2 * time.Second}
		a.Reconnect = BackoffConfig{Policy: BackoffExponential, Base: time.Second, Max: 8 * time.Second,
			ConnectTimeout: 3 * time.Second}
	}))
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.TraceStates(true)
	var changes []*ClientStateEvent
	s.Observe(func(e netsim.Event) {
		if c, ok := e.(*ClientStateEvent); ok {
			changes = append(changes, c)
		}
	})
	step := func(at time.Duration, a Action) {
		s.RunUntil(at)
		if err := s.Apply(a); err != nil {
			t.Fatal(err)
		}
	}
	step(6*time.Second, Action{Do: "power_off", Target: "server"})
	step(40*time.Second, Action{Do: "power_on", Target: "server"})
	step(60*time.Second, Action{Do: "crash", Target: "client"})
	step(61*time.Second, Action{Do: "restart", Target: "client"})
	step(70*time.Second, Action{Do: "set", Target: "apps.client.reconnect.policy", Value: BackoffNone})
	step(71*time.Second, Action{Do: "stop", Target: "server"})
	s.RunUntil(3 * time.Minute)

	replayed := map[string]ClientState{}
	seen := map[ClientState]bool{}
	for _, e := range changes {
		if got := replayed[e.App]; got != e.From {
			t.Errorf("%s: %s changed from %v, but the events left it %v", netsim.FormatTime(e.At), e.App, e.From, got)
		}
		replayed[e.App] = e.To
		seen[e.To] = true
	}
	for _, c := range s.byName["client"].(*clientGroup).clients {
		if replayed[c.name] != c.state {
			t.Errorf("%s is %v, but its events say %v", c.name, c.state, replayed[c.name])
		}
	}
	for _, st := range ClientStates() {
		if !seen[st] {
			t.Errorf("the run never entered %v", st)
		}
	}
}
