package i18n

// The protocol presets (lab.Presets): each one's title and its documented
// dead-peer detection time.
const (
	PresetMQTT            ID = "preset.mqtt"
	PresetMQTTDetect      ID = "preset.mqtt.detection"
	PresetSocketIO        ID = "preset.socketio"
	PresetSocketIODetect  ID = "preset.socketio.detection"
	PresetGRPC            ID = "preset.grpc"
	PresetGRPCDetect      ID = "preset.grpc.detection"
	PresetWebSocket       ID = "preset.websocket"
	PresetWebSocketDetect ID = "preset.websocket.detection"
	PresetSSH             ID = "preset.ssh"
	PresetSSHDetect       ID = "preset.ssh.detection"
	PresetNetty           ID = "preset.netty"
	PresetNettyDetect     ID = "preset.netty.detection"
	PresetGoDefault       ID = "preset.go_default"
	PresetGoDefaultDetect ID = "preset.go_default.detection"
	PresetLinuxKA         ID = "preset.linux_keepalive"
	PresetLinuxKADetect   ID = "preset.linux_keepalive.detection"
	PresetWindowsKA       ID = "preset.windows_keepalive"
	PresetWindowsKADetect ID = "preset.windows_keepalive.detection"
)

var presetMessages = map[ID]entry{
	PresetMQTT: {
		En: "MQTT keep alive (60 s; broker gives up after 1.5 × keep alive)",
		Zh: "MQTT 保活（60 秒；代理在 1.5 × keep alive 后放弃）",
	},
	PresetMQTTDetect: {En: "broker: 90 s", Zh: "代理：90 秒"},
	PresetSocketIO: {
		En: "Socket.IO v4 (server pings every 25 s, 20 s timeout)",
		Zh: "Socket.IO v4（服务端每 25 秒 ping 一次，超时 20 秒）",
	},
	PresetSocketIODetect: {En: "server: 25 s + 20 s; client: 45 s", Zh: "服务端：25 秒 + 20 秒；客户端：45 秒"},
	PresetGRPC: {
		En: "gRPC keepalive (20 s timeout; server enforces 5 min)",
		Zh: "gRPC keepalive（超时 20 秒；服务端限制最短 5 分钟）",
	},
	PresetGRPCDetect: {En: "client: 300 s + 20 s; server: 2 h + 20 s", Zh: "客户端：300 秒 + 20 秒；服务端：2 小时 + 20 秒"},
	PresetWebSocket: {
		En: "WebSocket ping/pong (ws: ping every 30 s, drop if no pong)",
		Zh: "WebSocket ping/pong（ws：每 30 秒 ping 一次，没有 pong 就断开）",
	},
	PresetWebSocketDetect: {En: "server: 30 to 60 s", Zh: "服务端：30 到 60 秒"},
	PresetSSH: {
		En: "SSH ServerAliveInterval 15 s, ServerAliveCountMax 3",
		Zh: "SSH ServerAliveInterval 15 秒，ServerAliveCountMax 3",
	},
	PresetSSHDetect: {En: "client: 4 × 15 s", Zh: "客户端：4 × 15 秒"},
	PresetNetty: {
		En: "Netty IdleStateHandler(60, 30, 0)",
		Zh: "Netty IdleStateHandler(60, 30, 0)（读空闲 60 秒，写空闲 30 秒）",
	},
	PresetNettyDetect: {En: "server: 60 s", Zh: "服务端：60 秒"},
	PresetGoDefault: {
		En: "Go's default TCP keepalive (15 s, 15 s, 9)",
		Zh: "Go 默认的 TCP 保活（15 秒，15 秒，9 次）",
	},
	PresetGoDefaultDetect: {En: "150 s", Zh: "150 秒"},
	PresetLinuxKA: {
		En: "SO_KEEPALIVE, Linux defaults (7200 s, 75 s, 9)",
		Zh: "SO_KEEPALIVE，Linux 默认值（7200 秒，75 秒，9 次）",
	},
	PresetLinuxKADetect: {En: "7875 s", Zh: "7875 秒"},
	PresetWindowsKA: {
		En: "SO_KEEPALIVE, Windows defaults (2 h, 1 s, 10)",
		Zh: "SO_KEEPALIVE，Windows 默认值（2 小时，1 秒，10 次）",
	},
	PresetWindowsKADetect: {En: "7210 s", Zh: "7210 秒"},
}
