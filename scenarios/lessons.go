package scenarios

// teachingOrder is the one place the built-in lessons are put in order:
// the order of the article socklab grew from — sockets and the 5-tuple;
// listen, connect, accept; close; power loss; keepalive; heartbeats;
// firewalls and NATs; polling vs push — then the protocol presets and the
// advanced ones. The picker numbers the lessons in this order.
var teachingOrder = []string{
	// Sockets, the 5-tuple; listen, connect, accept.
	"handshake",
	"connect-fail",
	"listen-backlog",
	// A normal close, and what a program sees of the other ways to end.
	"graceful-close",
	"half-close",
	"write-after-close",
	"close-unread",
	"linger-zero",
	// A power cut: a half-open connection; a reboot.
	"power-loss-half-open",
	"read-deadline",
	"reboot-rst",
	// TCP's own heartbeat, SO_KEEPALIVE.
	"keepalive-default",
	"keepalive-tuned",
	"keepalive-windows-vs-linux",
	"app-freeze",
	// The application's heartbeat: detection, reconnection.
	"power-loss-heartbeat",
	"heartbeat-reconnect",
	"lossy-link",
	// Firewalls, NATs and load balancers that forget idle flows.
	"firewall-idle-drop",
	"firewall-idle-heartbeat",
	"nat-idle-rst",
	"nat-port-policy",
	"nat-conntrack",
	"lb-idle-reset-both",
	"udp-heartbeat",
	// Polling vs push.
	"polling-vs-push",
	// The protocols' own heartbeats.
	"preset-mqtt",
	"preset-socketio",
	"preset-grpc",
	"preset-websocket",
	"preset-ssh",
	"preset-netty",
	"preset-go-default",
	// Advanced.
	"user-timeout",
	"thundering-herd",
}

// notLessons are built-ins that are not lessons (a benchmark workload).
var notLessons = []string{"bench-pingpong"}

// Lessons returns the built-in lessons in teaching order, each with its
// number (Info.Lesson, from 1).
func Lessons() []Info {
	byName := map[string]Info{}
	for _, info := range List() {
		byName[info.Name] = info
	}
	out := make([]Info, 0, len(teachingOrder))
	for _, name := range teachingOrder {
		out = append(out, byName[name])
	}
	return out
}

// lessonNumber is name's number in teaching order, 0 when it is not a
// lesson.
func lessonNumber(name string) int {
	for i, n := range teachingOrder {
		if n == name {
			return i + 1
		}
	}
	return 0
}
