package lab

import (
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// Each preset's dead-peer detection after a power cut, counted from the
// last packet the detecting side received from the dead peer, against the
// protocol's documented figure. Application heartbeats count from the last
// data received (an application does not see bare ACKs); TCP keepalive
// from the last segment of any kind. The kernel's timers are on the timer
// wheel: keepalive's idle time and each interval may end late by up to
// one granule of the wheel level they fall in (HZ 250: 256 ms for 15 s,
// 2.048 s for 75 s, 131.072 s for 2 h, 32 ms for 1 s).
func TestPresetDetectionTimes(t *testing.T) {
	const l2, l3, l5, l1 = 256 * time.Millisecond, 2048 * time.Millisecond, 131072 * time.Millisecond, 32 * time.Millisecond
	for _, tc := range []struct {
		preset   string
		detector string // the side that detects: its peer loses power
		tcpLevel bool   // detected by the kernel (keepalive), from any segment
		min, max time.Duration
		cause    netsim.Cause
	}{
		{"mqtt", "server", false, 90 * time.Second, 90 * time.Second, netsim.CauseHeartbeatTimeout},                     // 1.5 × 60 s keep alive
		{"socketio", "server", false, 45 * time.Second, 45 * time.Second, netsim.CauseHeartbeatTimeout},                 // pingInterval 25 s + pingTimeout 20 s
		{"socketio", "client", false, 45 * time.Second, 45 * time.Second, netsim.CauseHeartbeatTimeout},                 // no ping within 25 s + 20 s
		{"grpc", "client", false, 320 * time.Second, 320 * time.Second, netsim.CauseHeartbeatTimeout},                   // KEEPALIVE_TIME 5 min + 20 s
		{"grpc", "server", false, 7220 * time.Second, 7220 * time.Second, netsim.CauseHeartbeatTimeout},                 // server KEEPALIVE_TIME 2 h + 20 s
		{"websocket", "server", false, 30 * time.Second, 60 * time.Second, netsim.CauseHeartbeatTimeout},                // next tick finds the last ping unanswered
		{"ssh", "client", false, 60 * time.Second, 60 * time.Second, netsim.CauseHeartbeatTimeout},                      // 15 s × (CountMax 3 + 1)
		{"netty", "server", false, 60 * time.Second, 60 * time.Second, netsim.CauseIdleTimeout},                         // reader idle 60 s
		{"go-default", "server", true, 150 * time.Second, 150*time.Second + 10*l2, netsim.CauseKeepalive},               // 15 s + 9 × 15 s
		{"linux-keepalive", "server", true, 7875 * time.Second, 7875*time.Second + l5 + 9*l3, netsim.CauseKeepalive},    // 7200 s + 9 × 75 s
		{"windows-keepalive", "server", true, 7210 * time.Second, 7210*time.Second + l5 + 10*l1, netsim.CauseKeepalive}, // 2 h + 10 × 1 s
	} {
		t.Run(tc.preset+"/"+tc.detector, func(t *testing.T) {
			cfg := twoHosts(
				serverApp(func(a *AppConfig) { a.Preset = tc.preset }),
				clientApp(func(a *AppConfig) { a.Preset = tc.preset; a.Reconnect.Policy = BackoffNone }),
			)
			r := newRecorder(t, cfg)
			peer := "client"
			if tc.detector == "client" {
				peer = "server"
			}
			cut := 30*time.Minute + 7*time.Second // long enough for a few heartbeats of each protocol
			r.s.RunUntil(cut)
			r.apply(Action{Do: "power_off", Target: peer})
			r.s.RunUntil(cut + 3*time.Hour)

			last := r.lastFrom(tc.detector, peer, cut, !tc.tcpLevel)
			var got *DetectEvent
			for _, d := range r.detects() {
				if d.Host == tc.detector && got == nil {
					got = d
				}
			}
			if got == nil {
				t.Fatalf("%s never detected the power cut", tc.detector)
			}
			after := got.At - last
			t.Logf("%s: detected %v after the last packet at %v (%s)", tc.detector, after, last, got.Cause)
			if after < tc.min || after > tc.max || got.Cause != tc.cause {
				t.Errorf("%s detected %v after the last packet (cause %s); want %v..%v (%s)",
					tc.detector, after, got.Cause, tc.min, tc.max, tc.cause)
			}
		})
	}
}
