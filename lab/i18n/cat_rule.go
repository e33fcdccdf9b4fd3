package i18n

// The rule by which a side gave up on its peer, with its numbers: one
// message per rule, short enough for a row of the wire. The detect line
// (`socklab run`, the wire's row, the connections pane) says it after the
// peer, and the narration of the heartbeat's and the idle timeout's
// detections says it in its sentence. The JSON event stream keeps the
// cause's code.
const (
	RuleFIN            ID = "rule.fin"
	RuleRST            ID = "rule.rst"
	RuleKeepalive      ID = "rule.keepalive"
	RuleRetries        ID = "rule.retransmit_timeout"
	RuleUserTimeout    ID = "rule.user_timeout"
	RuleMissed         ID = "rule.heartbeat_missed"
	RuleMissedRun      ID = "rule.heartbeat_missed_run"
	RuleSilent         ID = "rule.heartbeat_silent"
	RuleIdle           ID = "rule.idle_timeout"
	RuleRefused        ID = "rule.refused"
	RuleConnectTimeout ID = "rule.connect_timeout"
	RuleOther          ID = "rule.other"
)

var ruleMessages = map[ID]entry{
	RuleFIN: {
		En: "FIN received, the peer closed",
		Zh: "收到 FIN，对端已关闭",
	},
	RuleRST: {
		En: "RST received, the peer has no such connection",
		Zh: "收到 RST，对端没有这条连接",
	},
	RuleKeepalive: {
		En: "silent for {{.Silent}} ≥ keepalive {{.Idle}} + {{.Probes}} × {{.Interval}}",
		Zh: "已静默 {{.Silent}} ≥ 保活 {{.Idle}} + {{.Probes}} × {{.Interval}}",
	},
	RuleRetries: {
		En: "tcp_retries2 ran out, silent for {{.Silent}}",
		Zh: "tcp_retries2 用完，已静默 {{.Silent}}",
	},
	RuleUserTimeout: {
		En: "data unacknowledged for TCP_USER_TIMEOUT {{.Limit}}",
		Zh: "数据在 TCP_USER_TIMEOUT {{.Limit}}内未被确认",
	},
	RuleMissed: {
		En: "ping #{{.Ping}} unanswered within {{.Timeout}}",
		Zh: "第 {{.Ping}} 个心跳在 {{.Timeout}}内无应答",
	},
	RuleMissedRun: {
		En: "ping #{{.Ping}} unanswered within {{.Timeout}}, {{.Missed}} in a row (heartbeat.max_missed)",
		Zh: "第 {{.Ping}} 个心跳在 {{.Timeout}}内无应答，已连续 {{.Missed}} 个（heartbeat.max_missed）",
	},
	RuleSilent: {
		En: "silent for {{.Silent}} ≥ heartbeat.expect {{.Limit}}",
		Zh: "已静默 {{.Silent}} ≥ heartbeat.expect {{.Limit}}",
	},
	RuleIdle: {
		En: "silent for {{.Silent}} ≥ idle_timeout {{.Limit}}",
		Zh: "已静默 {{.Silent}} ≥ idle_timeout {{.Limit}}",
	},
	RuleRefused: {
		En: "refused (a RST answered the SYN)",
		Zh: "连接被拒绝（SYN 得到的回应是 RST）",
	},
	RuleConnectTimeout: {
		En: "no SYN-ACK within {{.Limit}}",
		Zh: "{{.Limit}}内没有收到 SYN-ACK",
	},
	RuleOther: { // a rule whose numbers the side does not know: the cause's code
		En: "{{.Cause}}",
		Zh: "{{.Cause}}",
	},
}
