package i18n

// The words of lab's event lines (the trace: `socklab run`'s text output,
// the interface's log). The line's columns (time, kind, host) and its
// codes stay as they are; only the words between them change language.
const (
	EventCannotConnect    ID = "event.detect.cannot_connect"
	EventGone             ID = "event.detect.gone"
	EventAttemptIn        ID = "event.reconnect.scheduled"
	EventAttemptConnected ID = "event.reconnect.connected"
	EventAttemptFailed    ID = "event.reconnect.failed"

	// The same for a narrow row of the wire, whose port column names the
	// connection: without the peer or the 5-tuple. A row puts its actor
	// before them with a colon ("server: gone, …"), so the rule follows a
	// comma: never two colons in a row (and no brackets, which some rules
	// hold already).
	EventCannotConnectShort    ID = "event.detect.cannot_connect_short"
	EventGoneShort             ID = "event.detect.gone_short"
	EventAttemptConnectedShort ID = "event.reconnect.connected_short"
)

var eventMessages = map[ID]entry{
	EventCannotConnect: {
		En: "cannot connect to {{.Peer}}: {{.Rule}}",
		Zh: "无法连接 {{.Peer}}，{{.Rule}}",
	},
	EventGone: {
		En: "{{.Peer}} is gone: {{.Rule}}",
		Zh: "{{.Peer}} 已断开，{{.Rule}}",
	},
	EventAttemptIn: {
		En: "attempt {{.Attempt}} in {{.Delay}}",
		Zh: "{{.Delay}}后第 {{.Attempt}} 次尝试",
	},
	EventAttemptConnected: {
		En: "attempt {{.Attempt}} connected: {{.Conn}}",
		Zh: "第 {{.Attempt}} 次尝试连上了：{{.Conn}}",
	},
	EventAttemptFailed: {
		En: "attempt {{.Attempt}} failed: {{.Error}}",
		Zh: "第 {{.Attempt}} 次尝试失败：{{.Error}}",
	},
	EventCannotConnectShort: {
		En: "cannot connect, {{.Rule}}",
		Zh: "无法连接，{{.Rule}}",
	},
	EventGoneShort: {
		En: "gone, {{.Rule}}",
		Zh: "已断开，{{.Rule}}",
	},
	EventAttemptConnectedShort: {
		En: "attempt {{.Attempt}} connected",
		Zh: "第 {{.Attempt}} 次尝试连上了",
	},
}
