package lab

import (
	"slices"
	"time"

	"github.com/socklab/socklab/lab/i18n"
)

// Preset is a protocol's heartbeat as documented, for each side. Applying
// it fills the fields a scenario left unset.
type Preset struct {
	Name  string
	Title i18n.ID
	// Detection is the documented dead-peer detection time after a power
	// cut, counted from the last packet the detecting side received.
	Detection i18n.ID
	client    AppConfig
	server    AppConfig
}

// Presets are the built-in protocol presets, by name.
var Presets = []Preset{
	{
		// MQTT 3.1.1 §3.1.2.10 and §3.12-3.13: the client sends PINGREQ
		// when it has sent nothing for Keep Alive seconds (60 s is the
		// usual client default, e.g. Eclipse Paho); "If the Keep Alive value
		// is non-zero and the Server does not receive a Control Packet from
		// the Client within one and a half times the Keep Alive time
		// period, it MUST disconnect". PINGREQ is 0xC0 0x00 and PINGRESP
		// 0xD0 0x00: two bytes each.
		Name: "mqtt", Title: i18n.PresetMQTT,
		Detection: i18n.PresetMQTTDetect,
		client: AppConfig{Heartbeat: HeartbeatConfig{Interval: 60 * time.Second, Schedule: "after-send",
			Timeout: 60 * time.Second, Size: 2}},
		server: AppConfig{Heartbeat: HeartbeatConfig{Expect: 90 * time.Second, Size: 2}},
	},
	{
		// Socket.IO v4 (Engine.IO protocol v4): the server sends a ping
		// pingInterval (25000 ms) after the last pong and closes if no
		// pong comes within pingTimeout (20000 ms); the client closes if
		// no ping arrives within pingInterval + pingTimeout. A ping is "2"
		// in a WebSocket text frame (2-byte header, unmasked: 3 bytes); the
		// client's pong "3" is masked (2 + 4 + 1 = 7 bytes).
		Name: "socketio", Title: i18n.PresetSocketIO,
		Detection: i18n.PresetSocketIODetect,
		client:    AppConfig{Heartbeat: HeartbeatConfig{Expect: 45 * time.Second, Size: 7}},
		server: AppConfig{Heartbeat: HeartbeatConfig{Interval: 25 * time.Second, Schedule: "after-receive",
			Timeout: 20 * time.Second, Size: 3}},
	},
	{
		// gRPC keepalive (grpc/grpc doc/keepalive.md): KEEPALIVE_TIMEOUT
		// 20 s; a server pings after KEEPALIVE_TIME of inactivity, 2 h by
		// default; client keepalive is off by default, and a default
		// server tolerates client pings no more often than every 5 minutes
		// (GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS 300000,
		// 2 strikes), answering more with GOAWAY too_many_pings, after
		// which the client doubles its KEEPALIVE_TIME. The preset turns
		// the client's keepalive on at 5 minutes. A PING frame is 9 + 8 =
		// 17 bytes (RFC 9113 6.7), 39 inside a TLS 1.3 record. Reconnects
		// follow gRPC's connection-backoff spec.
		Name: "grpc", Title: i18n.PresetGRPC,
		Detection: i18n.PresetGRPCDetect,
		client: AppConfig{Heartbeat: HeartbeatConfig{Interval: 5 * time.Minute, Schedule: "after-receive",
			Timeout: 20 * time.Second, Size: 39},
			Reconnect: BackoffConfig{Policy: BackoffGRPC}},
		server: AppConfig{Heartbeat: HeartbeatConfig{Interval: 2 * time.Hour, Schedule: "after-receive",
			Timeout: 20 * time.Second, Size: 39, MinPingInterval: 5 * time.Minute, MaxPingStrikes: 2}},
	},
	{
		// The `ws` library's documented heartbeat: the server pings every
		// 30 s (setInterval) and terminates a client that has not answered
		// the previous ping. An empty ping from the server is 2 bytes; the
		// browser's pong is masked: 6 bytes (RFC 6455 5.2, 5.5.2).
		Name: "websocket", Title: i18n.PresetWebSocket,
		Detection: i18n.PresetWebSocketDetect,
		client:    AppConfig{Heartbeat: HeartbeatConfig{Size: 6}},
		server: AppConfig{Heartbeat: HeartbeatConfig{Interval: 30 * time.Second, Schedule: "fixed",
			Timeout: 30 * time.Second, Size: 2}},
	},
	{
		// OpenSSH ssh_config: ServerAliveInterval (the preset: 15 s, the
		// man page's example) and ServerAliveCountMax 3: after an interval
		// with nothing received, the client sends keepalive@openssh.com;
		// clientloop.c server_alive_check disconnects when the count of
		// unanswered requests exceeds CountMax, so at the fourth silent
		// interval (the man page says "approximately 45 seconds"). The
		// request is about 56 bytes on the wire with chacha20-poly1305.
		Name: "ssh", Title: i18n.PresetSSH,
		Detection: i18n.PresetSSHDetect,
		client: AppConfig{Heartbeat: HeartbeatConfig{Interval: 15 * time.Second, Schedule: "after-receive",
			Timeout: 15 * time.Second, MaxMissed: 3, Size: 56}},
		server: AppConfig{Heartbeat: HeartbeatConfig{Size: 32}},
	},
	{
		// Netty IdleStateHandler(60, 30, 0), the pattern of its
		// documentation: the client writes a heartbeat after 30 s without
		// writing (writer idle) and the server closes a connection it has
		// read nothing from for 60 s (reader idle). No answer is sent.
		Name: "netty", Title: i18n.PresetNetty,
		Detection: i18n.PresetNettyDetect,
		client: AppConfig{Heartbeat: HeartbeatConfig{Interval: 30 * time.Second, Schedule: "after-send",
			Size: 15, NoAnswer: true}},
		server: AppConfig{IdleTimeout: 60 * time.Second, Heartbeat: HeartbeatConfig{NoAnswer: true}},
	},
	{
		// Go's net.Dialer and net.ListenConfig enable TCP keepalive by
		// default with KeepAliveConfig{Idle: 15s, Interval: 15s, Count: 9}
		// (Go 1.23+; Count 9 is the documented default).
		Name: "go-default", Title: i18n.PresetGoDefault,
		Detection: i18n.PresetGoDefaultDetect,
		client:    AppConfig{Keepalive: KeepaliveConfig{Enabled: true, Idle: 15 * time.Second, Interval: 15 * time.Second, Count: 9}},
		server:    AppConfig{Keepalive: KeepaliveConfig{Enabled: true, Idle: 15 * time.Second, Interval: 15 * time.Second, Count: 9}},
	},
	{
		// SO_KEEPALIVE with Linux's defaults: tcp_keepalive_time 7200 s,
		// tcp_keepalive_intvl 75 s, tcp_keepalive_probes 9.
		Name: "linux-keepalive", Title: i18n.PresetLinuxKA,
		Detection: i18n.PresetLinuxKADetect,
		client:    AppConfig{Keepalive: KeepaliveConfig{Enabled: true}},
		server:    AppConfig{Keepalive: KeepaliveConfig{Enabled: true}},
	},
	{
		// SO_KEEPALIVE with Windows' defaults: 2 hours idle, 1 s between
		// probes, 10 probes (Microsoft Learn, SO_KEEPALIVE).
		Name: "windows-keepalive", Title: i18n.PresetWindowsKA,
		Detection: i18n.PresetWindowsKADetect,
		client:    AppConfig{Keepalive: KeepaliveConfig{Enabled: true, Idle: 2 * time.Hour, Interval: time.Second, Count: 10}},
		server:    AppConfig{Keepalive: KeepaliveConfig{Enabled: true, Idle: 2 * time.Hour, Interval: time.Second, Count: 10}},
	},
}

// PresetNames lists the presets.
func PresetNames() []string {
	var out []string
	for _, p := range Presets {
		out = append(out, p.Name)
	}
	return out
}

// presetByName finds a preset.
func presetByName(name string) (Preset, bool) {
	i := slices.IndexFunc(Presets, func(p Preset) bool { return p.Name == name })
	if i < 0 {
		return Preset{}, false
	}
	return Presets[i], true
}

// fill sets a setting to v if it is unset: the scenario did not write it
// (Given), and it is zero.
func fill[T comparable](a *AppConfig, path string, p *T, v T) {
	var zero T
	if *p == zero && !a.given(path) {
		*p = v
	}
}

// fillFrom sets every unset setting of a from d.
func (a *AppConfig) fillFrom(d AppConfig) {
	h, dh := &a.Heartbeat, d.Heartbeat
	fill(a, "heartbeat.interval", &h.Interval, dh.Interval)
	fill(a, "heartbeat.schedule", &h.Schedule, dh.Schedule)
	fill(a, "heartbeat.timeout", &h.Timeout, dh.Timeout)
	fill(a, "heartbeat.max_missed", &h.MaxMissed, dh.MaxMissed)
	fill(a, "heartbeat.size", &h.Size, dh.Size)
	fill(a, "heartbeat.expect", &h.Expect, dh.Expect)
	fill(a, "heartbeat.no_answer", &h.NoAnswer, dh.NoAnswer)
	fill(a, "heartbeat.min_ping_interval", &h.MinPingInterval, dh.MinPingInterval)
	fill(a, "heartbeat.max_ping_strikes", &h.MaxPingStrikes, dh.MaxPingStrikes)
	fill(a, "idle_timeout", &a.IdleTimeout, d.IdleTimeout)
	k, dk := &a.Keepalive, d.Keepalive
	fill(a, "keepalive.enabled", &k.Enabled, dk.Enabled)
	fill(a, "keepalive.idle", &k.Idle, dk.Idle)
	fill(a, "keepalive.interval", &k.Interval, dk.Interval)
	fill(a, "keepalive.count", &k.Count, dk.Count)
	fill(a, "user_timeout", &a.UserTimeout, d.UserTimeout)
	r, dr := &a.Reconnect, d.Reconnect
	fill(a, "reconnect.policy", &r.Policy, dr.Policy)
	fill(a, "reconnect.base", &r.Base, dr.Base)
	fill(a, "reconnect.max", &r.Max, dr.Max)
	fill(a, "reconnect.multiplier", &r.Multiplier, dr.Multiplier)
	fill(a, "reconnect.jitter", &r.Jitter, dr.Jitter)
	fill(a, "reconnect.connect_timeout", &r.ConnectTimeout, dr.ConnectTimeout)
	fill(a, "backlog", &a.Backlog, d.Backlog)
	fill(a, "proto", &a.Proto, d.Proto)
	fill(a, "count", &a.Count, d.Count)
	fill(a, "ports", &a.Ports, d.Ports)
}

// ApplyDefaults fills every unset setting (see AppConfig.Given): first
// from the app's preset, then from socklab's defaults. It reports an
// unknown preset by its path.
func (c *Config) ApplyDefaults() error {
	for i := range c.Apps {
		a := &c.Apps[i]
		if a.Kind == KindScript {
			if err := a.scriptDefaults(); err != nil {
				return err
			}
			continue
		}
		if a.Preset != "" {
			p, ok := presetByName(a.Preset)
			if !ok {
				return fieldErr("apps."+a.Name+".preset", i18n.ConfigNoPreset, "Name", a.Preset, "Known", i18n.List(PresetNames()))
			}
			if a.Kind == KindServer {
				a.fillFrom(p.server)
			} else {
				a.fillFrom(p.client)
			}
		}
		a.fillFrom(defaultApp(a.Kind))
		fill(a, "heartbeat.timeout", &a.Heartbeat.Timeout, a.Heartbeat.Interval)
		r := &a.Reconnect
		if r.Policy == BackoffGRPC {
			// gRPC connection backoff: INITIAL_BACKOFF 1 s, MULTIPLIER 1.6,
			// JITTER 0.2, MAX_BACKOFF 120 s, MIN_CONNECT_TIMEOUT 20 s.
			fill(a, "reconnect.base", &r.Base, time.Second)
			fill(a, "reconnect.multiplier", &r.Multiplier, 1.6)
			fill(a, "reconnect.jitter", &r.Jitter, 0.2)
			fill(a, "reconnect.max", &r.Max, 120*time.Second)
			fill(a, "reconnect.connect_timeout", &r.ConnectTimeout, 20*time.Second)
		}
		fill(a, "reconnect.base", &r.Base, time.Second)
		fill(a, "reconnect.max", &r.Max, 60*time.Second)
		fill(a, "reconnect.multiplier", &r.Multiplier, 2)
		if a.Kind == KindFeed {
			fill(a, "feed.hold_timeout", &a.Feed.HoldTimeout, 30*time.Second)
			fill(a, "feed.size", &a.Feed.Size, 100)
			fill(a, "feed.header_size", &a.Feed.HeaderSize, 150)
		}
		if a.Kind == KindPoller {
			fill(a, "poll.request_size", &a.Poll.RequestSize, 200)
		}
	}
	return nil
}

// defaultApp holds socklab's defaults for an app of a kind.
func defaultApp(kind string) AppConfig {
	d := AppConfig{
		Proto: "tcp",
		Ports: 1,
		Heartbeat: HeartbeatConfig{
			Schedule:  "fixed",
			MaxMissed: 1,
			Size:      frameHeartbeatSize,
		},
		Reconnect: BackoffConfig{Policy: BackoffExponential},
	}
	switch kind {
	case KindServer, KindFeed:
		d.Backlog = 128
	case KindClient, KindPoller:
		d.Count = 1
	}
	return d
}
