package i18n

// What an application writes to its log and shows its user when it loses
// its peer: the last steps of the article's heartbeat recipe ("reconnect,
// log, notify the user"). The log line is a program's log, terse; the
// notice is what a user reads in the program's window.
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

var notifyMessages = map[ID]entry{
	LogPeerLost: {
		En: "connection to {{.Peer}} lost ({{.Cause}}); {{.Then}}",
		Zh: "与 {{.Peer}} 的连接已断开（{{.Cause}}）；{{.Then}}",
	},
	LogPeerLostSilent: {
		En: "connection to {{.Peer}} lost ({{.Cause}}, silent for {{.Silent}}); {{.Then}}",
		Zh: "与 {{.Peer}} 的连接已断开（{{.Cause}}，已静默 {{.Silent}}）；{{.Then}}",
	},
	LogThenReconnect: {
		En: "reconnecting",
		Zh: "正在重连",
	},
	LogThenStop: {
		En: "not reconnecting",
		Zh: "不再重连",
	},
	LogClientGone: {
		En: "client {{.Peer}} gone ({{.Cause}}); connection closed",
		Zh: "客户端 {{.Peer}} 已断开（{{.Cause}}）；连接已关闭",
	},
	LogClientSilent: {
		En: "client {{.Peer}} gone ({{.Cause}}, silent for {{.Silent}}); connection closed",
		Zh: "客户端 {{.Peer}} 已断开（{{.Cause}}，已静默 {{.Silent}}）；连接已关闭",
	},
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
		En: "{{.Who}} writes it to its log and tells its user: “{{.Notice}}” Reconnect, log, notify the user: the last steps of the heartbeat recipe.",
		Zh: "{{.Who}} 把这件事记入日志，并通知用户：“{{.Notice}}”——重建连接、记录日志、通知用户，正是心跳机制的最后几步。",
	},
	NarrateLogGiveUp: {
		En: "{{.Who}} writes an error to its log and tells its user: “{{.Notice}}”",
		Zh: "{{.Who}} 在日志里记下一条错误，并提示用户：“{{.Notice}}”",
	},
}
