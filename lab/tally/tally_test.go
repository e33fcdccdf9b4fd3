package tally_test

import (
	"net/netip"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/tally"
)

var exact = map[string]string{"timer_wheel": "exact"}

// run builds a two-host lab with the given apps and timeline, tallies it
// to until and returns the tally.
func run(t *testing.T, until time.Duration, apps []lab.AppConfig, timeline ...lab.TimedAction) *tally.Tally {
	t.Helper()
	s, err := lab.New(lab.Config{
		Seed: 1,
		// Exact timers: the tally is checked against the rules' figures
		// (the kernel's timer wheel would move them by its slack).
		Hosts: []lab.HostConfig{
			{Name: "server", IP: netip.MustParseAddr("10.0.0.1"), Sysctl: exact},
			{Name: "client", IP: netip.MustParseAddr("10.0.0.2"), Sysctl: exact},
		},
		Links:    []lab.LinkConfig{{A: "client", B: "server", Latency: 10 * time.Millisecond}},
		Apps:     apps,
		Timeline: timeline,
	})
	if err != nil {
		t.Fatal(err)
	}
	tl := tally.New()
	s.Observe(tl.Observe)
	s.RunUntil(until)
	return tl
}

// ledger renders the non-empty classes of a ledger.
func ledger(l *tally.Ledger) map[string]tally.Count {
	out := map[string]tally.Count{}
	for c := tally.Class(0); c < tally.NumClasses; c++ {
		if l[c].Segments > 0 {
			out[c.String()] = l[c]
		}
	}
	return out
}

// Keepalive 30 s / 5 s / 3 on the server, the client's power cut at 80 s
// (the keepalive-tuned lesson): two probes answered (at 30 s and 60 s,
// each 52 bytes — 40 of headers, 12 of timestamps — as is each answer),
// three lost, then the RST. The SYN-ACK is 60 bytes (its options: MSS,
// SACK-permitted and timestamps, window scale). Detection came 45 s after
// the last segment heard.
func TestKeepaliveCost(t *testing.T) {
	server := lab.AppConfig{Name: "server", Kind: lab.KindServer, Host: "server", Port: 8080,
		Keepalive: lab.KeepaliveConfig{Enabled: true, Idle: 30 * time.Second, Interval: 5 * time.Second, Count: 3}}
	client := lab.AppConfig{Name: "client", Kind: lab.KindClient, Host: "client", Connect: "server", Port: 8080}
	tl := run(t, 3*time.Minute, []lab.AppConfig{server, client},
		lab.TimedAction{At: 80 * time.Second, Action: lab.Action{Do: "power_off", Target: "client"}})
	a := tl.App("server")
	if a == nil {
		t.Fatal("no ledger for the server")
	}
	wantSent := map[string]tally.Count{"keepalive": {5, 5 * 52}, "control": {2, 60 + 52}}
	wantRecv := map[string]tally.Count{"keepalive": {2, 2 * 52}, "ack": {1, 52}, "control": {1, 60}}
	if diff := cmp.Diff(wantSent, ledger(&a.Sent)); diff != "" {
		t.Errorf("server sent (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantRecv, ledger(&a.Recv)); diff != "" {
		t.Errorf("server received (-want +got):\n%s", diff)
	}
	if a.Detections != 1 || a.LastSilent != 45*time.Second {
		t.Errorf("detections %d, last after %v silent; want 1 after 45s", a.Detections, a.LastSilent)
	}
	// Established from 0.030 s to the give-up at 105.070 s: 364 bytes of
	// keep-alive in 105.04 s.
	if got, want := a.ConnTime(tl, 3*time.Minute), 105040*time.Millisecond; got != want {
		t.Errorf("established for %v, want %v", got, want)
	}
	if got, want := a.KeepAlivePerMinute(tl, 3*time.Minute), 364/(105.04/60); got != want {
		t.Errorf("keep-alive %.3f B/min, want %.3f", got, want)
	}
}

// A heartbeat every 10 s (power-loss-heartbeat's client, before the
// power cut): each ping and its answer are 66 bytes (40 of headers, 12 of
// timestamps, 14 of frame), and the pure ACKs of them (52 bytes) count with them: the client's of each
// answer, and the server's quick ACK of the first ping (quick-ACK mode,
// before its application answered). The handshake is control and ACK.
func TestHeartbeatCost(t *testing.T) {
	server := lab.AppConfig{Name: "server", Kind: lab.KindServer, Host: "server", Port: 8080,
		Heartbeat: lab.HeartbeatConfig{Expect: 45 * time.Second}}
	client := lab.AppConfig{Name: "client", Kind: lab.KindClient, Host: "client", Connect: "server", Port: 8080,
		Heartbeat: lab.HeartbeatConfig{Interval: 10 * time.Second, Timeout: 5 * time.Second}}
	tl := run(t, 65*time.Second, []lab.AppConfig{server, client})
	c := tl.App("client")
	want := map[string]tally.Count{"heartbeat": {12, 6*66 + 6*52}, "ack": {1, 52}, "control": {1, 60}}
	if diff := cmp.Diff(want, ledger(&c.Sent)); diff != "" {
		t.Errorf("client sent (-want +got):\n%s", diff)
	}
	conn := tl.Conn("client", "tcp 10.0.0.2:47659 > 10.0.0.1:8080")
	if conn == nil || conn.Proc != "client" || conn.Sent != c.Sent {
		t.Fatalf("the client's connection: %+v", conn)
	}
	var ends []string
	for _, e := range tl.Conns() {
		ends = append(ends, e.Host+" "+e.Tuple)
	}
	if diff := cmp.Diff([]string{"client tcp 10.0.0.2:47659 > 10.0.0.1:8080", "server tcp 10.0.0.1:8080 > 10.0.0.2:47659"}, ends); diff != "" {
		t.Errorf("the open ends (-want +got):\n%s", diff)
	}
	wantRecv := map[string]tally.Count{"heartbeat": {7, 6*66 + 52}, "control": {1, 60}}
	if diff := cmp.Diff(wantRecv, ledger(&c.Recv)); diff != "" {
		t.Errorf("client received (-want +got):\n%s", diff)
	}
	if got, want := c.KeepAlive(), (tally.Count{Segments: 19, Bytes: 6*66 + 6*52 + 6*66 + 52}); got != want {
		t.Errorf("keep-alive %+v, want %+v", got, want)
	}
}
