package i18n

// What an application writes to its log and shows its user when it loses
// its peer: the last steps of the article's heartbeat recipe ("reconnect,
// log, notify the user"). The log line is a program's log, terse; the
// notice is what a user reads in the program's window. A lost peer's line
// says the rule the detection fired by, in the same words as the detect
// line; the event stream's detect event keeps the cause's code.
const (
	LogPeerLost        ID = "log.peer_lost"
	LogPeerLostSilent  ID = "log.peer_lost_silent"
	LogThenReconnect   ID = "log.then.reconnect"
	LogThenStop        ID = "log.then.stop"
	LogClientGone      ID = "log.client_gone"
	LogClientSilent    ID = "log.client_gone_silent"
	LogGaveUp          ID = "log.gave_up"
	NoticeReconnecting ID = "notice.reconnecting"
	NoticeLost         ID = "notice.lost"
	NoticeGaveUp       ID = "notice.gave_up"
	NarrateLogNotify   ID = "narrate.log_notify"
	NarrateLogGiveUp   ID = "narrate.log_give_up"
)

// A lost peer's line names the detection's rule (Rule*), which says the
// silence where the rule counts it. The ids …_silent (the peer had been
// silent for a millisecond or more) and the bare ones (at once: a FIN, a
// RST) say the same words; they stay two because the event stream has
// carried both.
var (
	peerLost = entry{
		En: "connection to {{.Peer}} lost: {{.Rule}}; {{.Then}}",
		Zh: "与 {{.Peer}} 的连接已断开：{{.Rule}}；{{.Then}}",
	}
	clientGone = entry{
		En: "client {{.Peer}} gone: {{.Rule}}; connection closed",
		Zh: "客户端 {{.Peer}} 已断开：{{.Rule}}；连接已关闭",
	}
)

var notifyMessages = map[ID]entry{
	LogPeerLost:       peerLost,
	LogPeerLostSilent: peerLost,
	LogThenReconnect: {
		En: "reconnecting",
		Zh: "正在重连",
	},
	LogThenStop: {
		En: "not reconnecting",
		Zh: "不再重连",
	},
	LogClientGone:   clientGone,
	LogClientSilent: clientGone,
	LogGaveUp: {
		EnOne: "gave up reaching {{.Peer}} after {{.Count}} attempt",
		En:    "gave up reaching {{.Peer}} after {{.Count}} attempts",
		Zh:    "尝试 {{.Count}} 次后放弃连接 {{.Peer}}",
	},
	NoticeReconnecting: {
		En: "Connection lost. Reconnecting…",
		Zh: "连接已断开，正在重新连接……",
	},
	NoticeLost: {
		En: "Connection lost.",
		Zh: "连接已断开。",
	},
	NoticeGaveUp: {
		En: "Cannot reach the server. Please try again later.",
		Zh: "无法连接服务器，请稍后再试。",
	},
	NarrateLogNotify: {
		En: "{{.Who}} writes it to its log and tells its user: “{{.Notice}}” Reconnect, log, notify the user: the last steps of every detection recipe.",
		Zh: "{{.Who}} 把这件事记入日志，并通知用户：“{{.Notice}}”——重建连接、记录日志、通知用户，是每种检测办法的最后几步。",
	},
	NarrateLogGiveUp: {
		En: "{{.Who}} writes an error to its log and tells its user: “{{.Notice}}”",
		Zh: "{{.Who}} 在日志里记下一条错误，并提示用户：“{{.Notice}}”",
	},
}
