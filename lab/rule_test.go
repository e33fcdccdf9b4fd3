package lab

import (
	"strings"
	"testing"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// Each detection's line (`socklab run`'s, the wire's row) names the rule
// that fired with its numbers, in both languages, and the narration says
// the same words; the JSON stream keeps the cause's code and nothing more.
func TestDetectionNamesItsRule(t *testing.T) {
	noReconnect := func(a *AppConfig) { a.Reconnect.Policy = BackoffNone }
	for _, tc := range []struct {
		name       string
		server     func(*AppConfig)
		client     func(*AppConfig)
		cut        string // the host that loses power at 1 s ("" for none)
		cause      netsim.Cause
		line, zh   string
		narrated   bool // the narration says the rule too
		exactTimer bool
	}{
		{
			name: "a ping unanswered",
			client: func(a *AppConfig) {
				noReconnect(a)
				a.Heartbeat = HeartbeatConfig{Interval: 5 * time.Second, Timeout: 2 * time.Second}
			},
			cut: "server", cause: netsim.CauseHeartbeatTimeout, narrated: true,
			line: "detect    client   10.0.0.1:8080 is gone: ping #1 unanswered within 2s",
			zh:   "detect    client   10.0.0.1:8080 已断开，第 1 个心跳在 2 秒内无应答",
		},
		{
			name: "three pings unanswered in a row",
			client: func(a *AppConfig) {
				noReconnect(a)
				a.Heartbeat = HeartbeatConfig{Interval: 5 * time.Second, Timeout: 2 * time.Second, MaxMissed: 3}
			},
			cut: "server", cause: netsim.CauseHeartbeatTimeout, narrated: true,
			line: "detect    client   10.0.0.1:8080 is gone: ping #3 unanswered within 2s, 3 in a row (heartbeat.max_missed)",
			zh:   "detect    client   10.0.0.1:8080 已断开，第 3 个心跳在 2 秒内无应答，已连续 3 个（heartbeat.max_missed）",
		},
		{
			name:   "silent past heartbeat.expect",
			server: func(a *AppConfig) { a.Heartbeat.Expect = 45 * time.Second },
			client: func(a *AppConfig) {
				a.Heartbeat = HeartbeatConfig{Interval: 10 * time.Second, Timeout: 5 * time.Second}
			},
			cut: "client", cause: netsim.CauseHeartbeatTimeout, narrated: true,
			line: "detect    server   10.0.0.2:47659 is gone: silent for 45s ≥ heartbeat.expect 45s",
			zh:   "detect    server   10.0.0.2:47659 已断开，已静默 45 秒 ≥ heartbeat.expect 45 秒",
		},
		{
			name:   "silent past idle_timeout",
			server: func(a *AppConfig) { a.IdleTimeout = 30 * time.Second },
			client: noReconnect,
			cut:    "client", cause: netsim.CauseIdleTimeout, narrated: true,
			line: "detect    server   10.0.0.2:47659 is gone: silent for 30s ≥ idle_timeout 30s",
			zh:   "detect    server   10.0.0.2:47659 已断开，已静默 30 秒 ≥ idle_timeout 30 秒",
		},
		{
			name: "keepalive's probes unanswered",
			server: func(a *AppConfig) {
				a.Keepalive = KeepaliveConfig{Enabled: true, Idle: 5 * time.Second, Interval: 2 * time.Second, Count: 3}
			},
			client: noReconnect, cut: "client", cause: netsim.CauseKeepalive, exactTimer: true,
			line: "detect    server   10.0.0.2:47659 is gone: silent for 11s ≥ keepalive 5s + 3 × 2s",
			zh:   "detect    server   10.0.0.2:47659 已断开，已静默 11 秒 ≥ 保活 5 秒 + 3 × 2 秒",
		},
		{
			name:   "a connect refused",
			server: func(a *AppConfig) { a.Port = 9090 },
			client: noReconnect, cause: netsim.CauseRefused,
			line: "detect    client   cannot connect to 10.0.0.1:8080: refused (a RST answered the SYN)",
			zh:   "detect    client   无法连接 10.0.0.1:8080，连接被拒绝（SYN 得到的回应是 RST）",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := twoHosts(serverApp(tc.server), clientApp(tc.client))
			if tc.exactTimer {
				cfg.Hosts[0].Sysctl = map[string]string{"timer_wheel": "exact"}
			}
			r := newRecorder(t, cfg)
			r.s.RunUntil(time.Second)
			if tc.cut != "" {
				r.apply(Action{Do: "power_off", Target: tc.cut})
			}
			r.s.RunUntil(2 * time.Minute)
			ds := r.detects()
			if len(ds) == 0 || ds[0].Cause != tc.cause {
				t.Fatalf("detections %v, want one by %v", ds, tc.cause)
			}
			d := ds[0]
			if got := d.LineIn(i18n.English); got != tc.line {
				t.Errorf("English line\n got %s\nwant %s", got, tc.line)
			}
			if got := d.LineIn(i18n.Chinese); got != tc.zh {
				t.Errorf("Chinese line\n got %s\nwant %s", got, tc.zh)
			}
			if tc.narrated {
				said := r.narrationAt(d.At)
				for _, l := range i18n.Langs {
					if rule := d.Rule.In(l); !strings.Contains(said.In(l), rule) {
						t.Errorf("%v: the narration %q does not say the rule %q", l, said.In(l), rule)
					}
				}
			}
			json := string(netsim.AppendJSON(nil, d))
			if !strings.Contains(json, `"cause":"`+tc.cause.String()+`"`) || strings.Contains(json, "within") || strings.Contains(json, "silent for") {
				t.Errorf("the JSON event is %s, want the cause's code and no text", json)
			}
		})
	}
}

// narrationAt is the narration said at, after the detection made then.
func (r *recorder) narrationAt(at time.Duration) i18n.Message {
	for _, e := range r.events {
		if n, ok := e.(*NarrationEvent); ok && n.At == at && strings.HasPrefix(string(n.Msg.ID), "narrate.detect.") {
			return n.Msg
		}
	}
	return i18n.Message{}
}
