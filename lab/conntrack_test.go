package lab

import (
	"slices"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// A firewall between client and server, configured by the scenario
// schema's conntrack section.
func conntrackLab(t *testing.T, box MiddleboxConfig) *Session {
	t.Helper()
	cfg := twoHosts(serverApp(nil), clientApp(nil))
	cfg.Middleboxes = []MiddleboxConfig{box}
	cfg.Links = []LinkConfig{{A: "client", B: "fw", Latency: time.Millisecond}, {A: "fw", B: "server", Latency: time.Millisecond}}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func yes(b bool) *bool { return &b }

// conntrack's keys left out keep a stateful firewall's values; set ones
// replace them; live "set" actions change one at a time, and a router or a
// gateway with the rst policy refuses them.
func TestConntrackSettings(t *testing.T) {
	fw := MiddleboxConfig{Name: "fw", Kind: "firewall", Outside: "server", IdleTimeout: time.Minute,
		Conntrack: &ConntrackConfig{Loose: yes(false)}}
	s := conntrackLab(t, fw)
	box := s.sim.Middlebox("fw")
	want := netsim.Conntrack{Loose: false, NewNeedsSYN: true, DropInvalid: true}
	if got, ok := box.Config().Tracking(); !ok || got != want {
		t.Fatalf("conntrack %+v (%v), want %+v", got, ok, want)
	}
	for _, set := range []struct{ path, value string }{
		{"middleboxes.fw.conntrack.drop_invalid", "false"},
		{"middleboxes.fw.conntrack.loose", "true"},
		{"middleboxes.fw.conntrack.new_needs_syn", "false"},
	} {
		if err := s.Apply(Action{Do: "set", Target: set.path, Value: set.value}); err != nil {
			t.Fatalf("set %s=%s: %v", set.path, set.value, err)
		}
	}
	want = netsim.Conntrack{Loose: true}
	if got, _ := box.Config().Tracking(); got != want {
		t.Errorf("after the sets %+v, want %+v", got, want)
	}
	if fate, _ := box.Config().Stray(); fate != netsim.StrayPickedUp {
		t.Errorf("a forgotten flow's next segment: %v, want picked up", fate)
	}
	if err := s.Apply(Action{Do: "set", Target: "middleboxes.fw.conntrack.loose", Value: "maybe"}); err == nil {
		t.Error("a switch set to maybe was taken")
	}
	if err := s.Apply(Action{Do: "set", Target: "middleboxes.fw.on_expired", Value: "rst"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(Action{Do: "set", Target: "middleboxes.fw.conntrack.loose", Value: "false"}); err == nil {
		t.Error("conntrack set on a gateway that answers unknown flows with RST")
	}
	if !slices.Contains(LiveParams(), "middleboxes.<name>.conntrack.loose") {
		t.Errorf("LiveParams %q lacks the conntrack switches", LiveParams())
	}

	both := fw
	both.OnExpired = "drop"
	cfg := twoHosts()
	cfg.Middleboxes = []MiddleboxConfig{both}
	if err := cfg.Validate(); err == nil || err.Error() != "middleboxes.fw.conntrack: cannot be set with on_expired: drop" {
		t.Errorf("conntrack with on_expired: %v", err)
	}
	router := MiddleboxConfig{Name: "fw", Kind: "router", Conntrack: &ConntrackConfig{}}
	cfg.Middleboxes = []MiddleboxConfig{router}
	if err := cfg.Validate(); err == nil || err.Error() != "middleboxes.fw.conntrack: cannot be set with kind: router" {
		t.Errorf("conntrack on a router: %v", err)
	}
}

// A session's copy of its configuration shares no conntrack switch with
// the caller's.
func TestConntrackCloned(t *testing.T) {
	cfg := Config{Middleboxes: []MiddleboxConfig{{Conntrack: &ConntrackConfig{Loose: yes(true)}}}}
	out := cfg.Clone()
	*out.Middleboxes[0].Conntrack.Loose = false
	if !*cfg.Middleboxes[0].Conntrack.Loose {
		t.Error("the clone shares the loose switch")
	}
}
