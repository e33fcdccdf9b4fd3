package lab

import (
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// row finds the snapshot's row of host's first connection (not a
// listener).
func row(t *testing.T, snap *Snapshot, host string) ConnView {
	t.Helper()
	for _, c := range snap.Conns {
		if c.Host == host && !strings.Contains(c.Tuple, "*") {
			return c
		}
	}
	t.Fatalf("%s has no connection at %v", host, snap.Now)
	return ConnView{}
}

// Each end of a connection shows the truth the simulator knows of its
// peer, whatever the end believes: a power cut, a crash, a freeze, a
// pulled cable, a reboot, a middlebox that forgot the flow.
func TestTruthOfThePeer(t *testing.T) {
	at := func(d time.Duration, a Action) TimedAction { return TimedAction{At: d, Action: a} }
	for _, tc := range []struct {
		name     string
		cfg      Config
		host     string // whose row
		look     time.Duration
		want     Truth
		halfOpen bool
	}{
		{name: "alive", cfg: twoHosts(serverApp(nil), clientApp(nil)), host: "server", look: 10 * time.Second,
			want: Truth{Kind: TruthAlive, Peer: "client", PeerState: "ESTABLISHED"}},
		{name: "the SYN on its way: nothing is gone", cfg: twoHosts(serverApp(nil), clientApp(nil)), host: "client",
			look: 500 * time.Microsecond, want: Truth{Kind: TruthUnknown}},
		{name: "not accepted yet", cfg: twoHosts(serverApp(nil), clientApp(nil)), host: "client", look: 2500 * time.Microsecond,
			want: Truth{Kind: TruthAlive, Peer: "server", PeerState: "SYN_RECEIVED"}},
		{name: "powered off", cfg: withTimeline(twoHosts(serverApp(nil), clientApp(nil)),
			at(5*time.Second, Action{Do: "power_off", Target: "client"})), host: "server", look: 10 * time.Second,
			want: Truth{Kind: TruthPoweredOff, Peer: "client", Since: 5 * time.Second}, halfOpen: true},
		{name: "rebooted", cfg: withTimeline(twoHosts(serverApp(nil), clientApp(func(a *AppConfig) { a.Reconnect.Policy = BackoffNone })),
			at(5*time.Second, Action{Do: "power_off", Target: "client"}), at(6*time.Second, Action{Do: "power_on", Target: "client"})),
			host: "server", look: 10 * time.Second,
			want: Truth{Kind: TruthPeerGone, Peer: "client"}, halfOpen: true},
		{name: "frozen", cfg: withTimeline(twoHosts(serverApp(nil), clientApp(nil)),
			at(5*time.Second, Action{Do: "freeze", Target: "client"})), host: "server", look: 10 * time.Second,
			want: Truth{Kind: TruthFrozen, Peer: "client", PeerState: "ESTABLISHED", Since: 5 * time.Second}},
		{name: "crashed", cfg: withTimeline(twoHosts(serverApp(nil), clientApp(nil)),
			at(5*time.Second, Action{Do: "crash", Target: "server"})), host: "client", look: 5*time.Second + 500*time.Microsecond,
			want: Truth{Kind: TruthCrashed, Peer: "server", PeerState: "FIN_WAIT_1", Since: 5 * time.Second}},
		{name: "cable pulled", cfg: withTimeline(twoHosts(serverApp(nil), clientApp(nil)),
			at(5*time.Second, Action{Do: "link_down", Target: "client-server"})), host: "client", look: 10 * time.Second,
			want: Truth{Kind: TruthLinkDown, Peer: "client-server", Since: 5 * time.Second}},
		{name: "behind a NAT, alive", cfg: natHosts(), host: "server", look: 10 * time.Second,
			want: Truth{Kind: TruthAlive, Peer: "client", PeerState: "ESTABLISHED"}},
		{name: "behind a NAT, seen from inside", cfg: natHosts(), host: "client", look: 10 * time.Second,
			want: Truth{Kind: TruthAlive, Peer: "server", PeerState: "ESTABLISHED"}},
		{name: "the NAT forgot", cfg: withTimeline(natHosts(), at(5*time.Second, Action{Do: "expire", Target: "nat"})),
			host: "server", look: 10 * time.Second, want: Truth{Kind: TruthFlowForgotten, Peer: "nat", Since: 5 * time.Second}},
		{name: "the NAT forgot, seen from inside", cfg: withTimeline(natHosts(), at(5*time.Second, Action{Do: "expire", Target: "nat"})),
			host: "client", look: 10 * time.Second, want: Truth{Kind: TruthFlowForgotten, Peer: "nat", Since: 5 * time.Second}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRecorder(t, tc.cfg)
			r.s.RunUntil(tc.look)
			got := row(t, r.s.Snapshot(), tc.host)
			if got.Truth != tc.want {
				t.Errorf("truth %+v, want %+v", got.Truth, tc.want)
			}
			if got.HalfOpen != tc.halfOpen {
				t.Errorf("half-open %v, want %v (state %s)", got.HalfOpen, tc.halfOpen, got.State)
			}
		})
	}
}

// A half-open connection is marked until its end detects the loss; then
// the row shows the detection instead.
func TestHalfOpenUntilDetected(t *testing.T) {
	cfg := withTimeline(twoHosts(serverApp(func(a *AppConfig) { a.Heartbeat.Expect = 45 * time.Second }),
		clientApp(func(a *AppConfig) { a.Heartbeat.Interval, a.Heartbeat.Timeout = 10*time.Second, 5*time.Second })),
		TimedAction{At: 65 * time.Second, Action: Action{Do: "power_off", Target: "client"}})
	r := newRecorder(t, cfg)
	r.s.RunUntil(100 * time.Second)
	before := row(t, r.s.Snapshot(), "server")
	if !before.HalfOpen || before.Truth.Kind != TruthPoweredOff || before.Detected != nil {
		t.Fatalf("before detection: half-open %v, truth %v, detected %v", before.HalfOpen, before.Truth.Kind, before.Detected)
	}
	r.s.RunUntil(110 * time.Second)
	after := row(t, r.s.Snapshot(), "server")
	if after.HalfOpen || after.Detected == nil || after.Detected.Cause != netsim.CauseHeartbeatTimeout {
		t.Fatalf("after detection: half-open %v, detected %+v", after.HalfOpen, after.Detected)
	}
	if d := r.detects()[0]; after.Detected.At != d.At || after.Detected.Silent != d.Silent {
		t.Errorf("detected %+v, the event says at %v silent %v", after.Detected, d.At, d.Silent)
	}
}

// The listening socket is a row of its own, with the app that listens.
func TestListenerNamesItsApp(t *testing.T) {
	r := newRecorder(t, twoHosts(serverApp(nil), clientApp(nil)))
	r.s.RunUntil(time.Second)
	for _, h := range r.s.Snapshot().Hosts {
		if h.Name == "server" {
			if len(h.Listening) != 1 || h.Listening[0].App != "server" {
				t.Fatalf("listening %+v", h.Listening)
			}
			return
		}
	}
	t.Fatal("no server")
}

func withTimeline(cfg Config, tl ...TimedAction) Config {
	cfg.Timeline = tl
	return cfg
}

// natHosts puts the client behind a NAT.
func natHosts() Config {
	return Config{
		Seed: 1,
		Hosts: []HostConfig{
			{Name: "server", IP: netip.MustParseAddr("198.51.100.1")},
			{Name: "client", IP: netip.MustParseAddr("10.0.0.2")},
		},
		Middleboxes: []MiddleboxConfig{{Name: "nat", Kind: "nat", Outside: "server", IdleTimeout: time.Hour,
			OnExpired: "drop", PublicIP: netip.MustParseAddr("203.0.113.1"), Ports: "preserve"}},
		Links: []LinkConfig{{A: "client", B: "nat", Latency: time.Millisecond}, {A: "nat", B: "server", Latency: time.Millisecond}},
		Apps:  []AppConfig{serverApp(nil), clientApp(func(a *AppConfig) { a.Connect = "server" })},
	}
}
