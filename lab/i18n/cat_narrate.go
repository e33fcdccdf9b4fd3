package i18n

// The lab's narrations: what just happened, and above all who knows it and
// who does not. Placeholders: Who is a host, or an app on its host
// (NarrateWho); Peer and Target are addresses; durations are rendered for
// the language (Lang.Duration).
const (
	NarrateLesson ID = "narrate.lesson"
	NarrateWho    ID = "narrate.who"

	NarratePowerOff  ID = "narrate.power_off"
	NarratePowerOn   ID = "narrate.power_on"
	NarrateCrash     ID = "narrate.crash"
	NarrateRestart   ID = "narrate.restart"
	NarrateStop      ID = "narrate.stop"
	NarrateFreeze    ID = "narrate.freeze"
	NarrateThaw      ID = "narrate.thaw"
	NarrateLinkDown  ID = "narrate.link_down"
	NarrateLinkUp    ID = "narrate.link_up"
	NarrateLoss      ID = "narrate.loss"
	NarrateLatency   ID = "narrate.latency"
	NarratePartition ID = "narrate.partition"
	NarrateHeal      ID = "narrate.heal"
	NarrateExpire    ID = "narrate.expire"
	NarrateSet       ID = "narrate.set"
	NarrateSetOff    ID = "narrate.set_off"

	NarratePowerOffAlone  ID = "narrate.power_off_alone"
	NarratePowerOffStates ID = "narrate.power_off_states"

	NarrateUDPFlowExpired     ID = "narrate.udp_flow_expired"
	NarrateFlowExpired        ID = "narrate.flow_expired"
	NarrateFlowExpiredIn      ID = "narrate.flow_expired_in"
	NarrateNextDropped        ID = "narrate.next.dropped"
	NarrateNextDroppedInvalid ID = "narrate.next.dropped_invalid"
	NarrateNextUntracked      ID = "narrate.next.untracked"
	NarrateNextUntranslated   ID = "narrate.next.untranslated"
	NarrateNextPickedUp       ID = "narrate.next.picked_up"
	NarrateNextRST            ID = "narrate.next.rst"
	NarrateNextRSTBoth        ID = "narrate.next.rst_both"
	NarrateNextSYN            ID = "narrate.next.syn"
	NarrateNextNewNATPort     ID = "narrate.next.new_nat_port"
	NarrateThenClose          ID = "narrate.then.close"
	NarrateThenReconnect      ID = "narrate.then.reconnect"
	NarrateThenUDPClient      ID = "narrate.then.udp_client"
	NarrateThenUDPServer      ID = "narrate.then.udp_server"
	NarrateThenScript         ID = "narrate.then.script"
	NarrateDetectFIN          ID = "narrate.detect.fin"
	NarrateDetectRST          ID = "narrate.detect.rst"
	NarrateDetectKeepalive    ID = "narrate.detect.keepalive"
	NarrateDetectKASlack      ID = "narrate.detect.keepalive_slack"
	NarrateDetectRetries      ID = "narrate.detect.retransmit_timeout"
	NarrateDetectRetriesSlack ID = "narrate.detect.retransmit_timeout_slack"
	NarrateDetectUserTime     ID = "narrate.detect.user_timeout"
	NarrateDetectHeartbeat    ID = "narrate.detect.heartbeat_timeout"
	NarrateDetectMissed       ID = "narrate.detect.heartbeat_missed"
	NarrateDetectMissedRun    ID = "narrate.detect.heartbeat_missed_run"
	NarrateDetectHBUDP        ID = "narrate.detect.heartbeat_timeout_udp"
	NarrateDetectIdle         ID = "narrate.detect.idle_timeout"
	NarrateDetectOther        ID = "narrate.detect.other"

	NarrateRefused        ID = "narrate.connect.refused"
	NarrateConnectTimeout ID = "narrate.connect.timeout"
	NarrateConnectSlack   ID = "narrate.connect.timeout_slack"
	// Parts of the narrations above and of socket scripts': a give-up by
	// the kernel told from the bare rule, where its timer wheel's slack
	// moved it.
	NarrateSynRule     ID = "narrate.rule.syn"
	NarrateRetriesRule ID = "narrate.rule.retries2"
	// An orphan (a socket its application closed) gives up retransmitting
	// by tcp_orphan_retries (Linux's tcp_orphan_retries(): 0 means 8 while
	// the socket is alive).
	NarrateOrphanGaveUp   ID = "narrate.orphan_gave_up"
	NarrateOrphanRule     ID = "narrate.rule.orphan_retries"
	NarrateOrphanRuleZero ID = "narrate.rule.orphan_retries_zero"
	NarrateConnectFailed  ID = "narrate.connect.failed"
	NarrateCallFailed     ID = "narrate.connect.call_failed"
	NarrateNoReconnect    ID = "narrate.no_reconnect"
	NarrateGiveUp         ID = "narrate.give_up"
	NarrateAccept         ID = "narrate.accept"
	NarrateReconnected    ID = "narrate.reconnected"
	NarrateReconnectedIn  ID = "narrate.reconnected_after"
	NarrateCannotListen   ID = "narrate.cannot_listen"
	NarrateGoAwayClient   ID = "narrate.goaway.client"
	NarrateGoAwayServer   ID = "narrate.goaway.server"
	NarrateUDPRevived     ID = "narrate.udp_revived"
)

var narrateMessages = map[ID]entry{
	NarrateLesson: {
		En: "{{.Text}}",
		Zh: "{{.Text}}",
	},
	NarrateWho: {
		En: "{{.App}} (on {{.Host}})",
		Zh: "{{.Host}} 上的 {{.App}}",
	},

	NarratePowerOff: {
		En: "{{.Host}} lost power. It sends nothing as it dies: no FIN, no RST. Its peers are not told, and their connections stay ESTABLISHED until something they send, or a timer, finds out.",
		Zh: "{{.Host}} 断电了。它倒下时什么也发不出：没有 FIN，也没有 RST。对端得不到任何通知，它们的连接仍是 ESTABLISHED，直到它们自己发出的数据或某个定时器发现问题。",
	},
	NarratePowerOffStates: {
		En: "{{.Host}} lost power. It sends nothing as it dies: no FIN, no RST. Its peers are not told, and their connections stay as they are ({{.States}}) until something they send, or a timer, finds out.",
		Zh: "{{.Host}} 断电了。它倒下时什么也发不出：没有 FIN，也没有 RST。对端得不到任何通知，它们的连接保持原样（{{.States}}），直到它们自己发出的数据或某个定时器发现问题。",
	},
	NarratePowerOffAlone: {
		En: "{{.Host}} lost power. It sends nothing as it dies: no FIN, no RST. No other host holds a TCP connection to it, so no connection is left to find out; whoever tries to reach it now gets no answer at all.",
		Zh: "{{.Host}} 断电了。它倒下时什么也发不出：没有 FIN，也没有 RST。别的主机上没有连向它的 TCP 连接，所以没有哪条连接需要去发现这件事；现在试图联系它的一方，什么回应也得不到。",
	},
	NarratePowerOn: {
		En: "{{.Host}} is back on, with an empty TCP stack: it remembers no connection, and answers any segment of an old one with a RST.",
		Zh: "{{.Host}} 重新上电，TCP 协议栈是空的：它不记得任何连接，旧连接的报文段一到，它就回以 RST。",
	},
	NarrateCrash: {
		En: "{{.App}} crashed. Its operating system closes its sockets for it: each peer gets a FIN (a RST where unread data remained) and knows at once.",
		Zh: "{{.App}} 崩溃了。操作系统替它关闭套接字：每个对端都会收到 FIN（还有未读数据的则是 RST），立刻就知道了。",
	},
	NarrateRestart: {
		En: "{{.App}} starts again.",
		Zh: "{{.App}} 重新启动。",
	},
	NarrateStop: {
		En: "{{.App}} stops: it closes its sockets, so each peer gets a FIN and knows at once.",
		Zh: "{{.App}} 正常退出：它关闭自己的套接字，每个对端都收到 FIN，立刻就知道了。",
	},
	NarrateFreeze: {
		En: "{{.App}} is frozen: it reads and sends nothing, but its kernel still acknowledges segments and answers keepalive probes. TCP keepalive will find it alive; only an application heartbeat can tell.",
		Zh: "{{.App}} 卡死了：它不读也不写，但它的内核照样确认报文段、应答保活探测。TCP 保活会认为它还活着；只有应用层心跳才能发现。",
	},
	NarrateThaw: {
		En: "{{.App}} runs again and catches up with what it missed.",
		Zh: "{{.App}} 恢复运行，补上它错过的一切。",
	},
	NarrateLinkDown: {
		En: "The cable {{.Link}} is pulled: packets both ways are lost. Neither end is told; only a retransmission timeout, keepalive or heartbeat will notice.",
		Zh: "网线 {{.Link}} 被拔掉了：两个方向的包都会丢失。两端都得不到通知；只有重传超时、保活或心跳才会发现。",
	},
	NarrateLinkUp: {
		En: "The cable {{.Link}} is plugged back in.",
		Zh: "网线 {{.Link}} 重新插上了。",
	},
	NarrateLoss: {
		En: "Link {{.Link}} now loses {{.Loss}} of its packets.",
		Zh: "链路 {{.Link}} 现在会丢掉 {{.Loss}} 的包。",
	},
	NarrateLatency: {
		En: "Link {{.Link}} now takes {{.Latency}} each way.",
		Zh: "链路 {{.Link}} 现在的单向时延是 {{.Latency}}。",
	},
	NarratePartition: {
		En: "The network splits: {{.Side}} can no longer reach {{.Other}}, nor the other way. Nobody is told.",
		Zh: "网络分区了：{{.Side}} 与 {{.Other}} 彼此不再可达。谁也没有得到通知。",
	},
	NarrateHeal: {
		En: "The partition heals: packets flow again.",
		Zh: "分区恢复：包又能通过了。",
	},
	NarrateExpire: {
		En: "{{.Box}} forgets its flows. Neither end knows; {{.Next}}.",
		Zh: "{{.Box}} 忘掉了它的所有流。两端都不知道；{{.Next}}。",
	},
	NarrateSet: {
		En: "{{.Path}} is now {{.Value}}; it takes effect from the next timer that reads it.",
		Zh: "{{.Path}} 现在是 {{.Value}}；从下一个读取它的定时器起生效。",
	},
	NarrateSetOff: {
		En: "{{.Path}} is now 0s, which turns it off; it takes effect from the next timer that reads it.",
		Zh: "{{.Path}} 现在是 0s，即关闭；从下一个读取它的定时器起生效。",
	},

	NarrateUDPFlowExpired: {
		En: "{{.Box}} forgot the idle UDP flow {{.Inside}} → {{.Outside}} after {{.Idle}}: replies from outside no longer get in until the inside sends again.",
		Zh: "{{.Box}} 在空闲 {{.Idle}}后忘掉了 UDP 流 {{.Inside}} → {{.Outside}}：在内侧再次发送之前，外面的回复都进不来了。",
	},
	NarrateFlowExpired: {
		En: "{{.Box}} forgot the flow {{.Inside}} → {{.Outside}} after {{.Idle}} idle. Both ends still think the connection is ESTABLISHED; {{.Next}}.",
		Zh: "{{.Box}} 在空闲 {{.Idle}}后忘掉了流 {{.Inside}} → {{.Outside}}。两端仍以为连接是 ESTABLISHED；{{.Next}}。",
	},
	NarrateFlowExpiredIn: {
		En: "{{.Box}} forgot the flow {{.Inside}} → {{.Outside}} after {{.Idle}} idle, while the inside end was still in {{.State}}. Neither end is told; {{.Next}}.",
		Zh: "{{.Box}} 在空闲 {{.Idle}}后忘掉了流 {{.Inside}} → {{.Outside}}，这时内侧一端还处在 {{.State}}。两端都不知道；{{.Next}}。",
	},
	NarrateNextDropped: {
		En: "the next segment will be dropped silently (conntrack takes it for a new flow, and the ruleset admits new flows only by a SYN): to its sender, a black hole",
		Zh: "下一个报文段会被悄悄丢弃（conntrack 把它当作一条新流，而规则只放行以 SYN 开始的新流）：对发送方来说，这是一个黑洞",
	},
	NarrateNextDroppedInvalid: {
		En: "the next segment will be dropped silently (conntrack, with loose pickup off, marks it INVALID, and the ruleset drops INVALID packets): to its sender, a black hole",
		Zh: "下一个报文段会被悄悄丢弃（conntrack 关闭了 loose 接管，把它标为 INVALID，而规则丢弃 INVALID 包）：对发送方来说，这是一个黑洞",
	},
	NarrateNextUntracked: {
		En: "the next segment will pass untracked (conntrack marks it INVALID, and no rule drops INVALID packets): the connection goes on without a flow",
		Zh: "下一个报文段会不经跟踪地通过（conntrack 把它标为 INVALID，但没有规则丢弃 INVALID 包）：连接在没有流表项的情况下继续",
	},
	NarrateNextUntranslated: {
		En: "the next segment will leave untranslated, from the private address (conntrack marks it INVALID, no rule drops it, and only tracked flows are translated); the server, seeing an address it never talked to, will answer it with a RST",
		Zh: "下一个报文段会不经转换、带着私网地址离开（conntrack 把它标为 INVALID，没有规则丢弃它，而只有被跟踪的流才会转换地址）；服务端看到一个从未通信过的地址，会回以 RST",
	},
	NarrateNextPickedUp: {
		En: "the next segment will re-create the flow, and nobody will notice",
		Zh: "下一个报文段会重新建起这条流，谁也不会察觉",
	},
	NarrateNextRST: {
		En: "the next segment will be answered with a RST",
		Zh: "下一个报文段会得到一个 RST",
	},
	NarrateNextRSTBoth: {
		En: "it resets both ends now",
		Zh: "它现在就向两端发出 RST",
	},
	NarrateNextSYN: {
		En: "the next SYN the client retransmits opens the flow anew",
		Zh: "客户端重传的下一个 SYN 会重新建立这条流",
	},
	NarrateNextNewNATPort: {
		En: "the next segment will re-create the mapping on a new public port, and the server, seeing a 4-tuple it does not know, will answer it with a RST",
		Zh: "下一个报文段会在一个新的公网端口上重建映射，而服务端看到一个陌生的四元组，会回以 RST",
	},

	NarrateThenClose: {
		En: "It closes the connection.",
		Zh: "它关闭连接。",
	},
	NarrateThenReconnect: {
		En: "It closes the connection and will reconnect.",
		Zh: "它关闭连接，随后断线重连。",
	},
	NarrateThenUDPClient: {
		En: "Over UDP there is no connection to close: it keeps pinging, and an answer will find the peer alive again.",
		Zh: "UDP 没有连接可关：它继续发送心跳，一旦收到应答，就知道对端又活过来了。",
	},
	NarrateThenScript: {
		En: "The program is not told: it learns at its next call on the socket, which fails with ETIMEDOUT.",
		Zh: "程序没有得到通知：要等它下一次在这个套接字上调用、调用以 ETIMEDOUT 失败时才知道。",
	},
	NarrateThenUDPServer: {
		En: "Over UDP there is no connection to close: it forgets the peer.",
		Zh: "UDP 没有连接可关：它把这个对端忘掉。",
	},
	NarrateDetectFIN: {
		En: "{{.Who}} read EOF: {{.Peer}} closed the connection with a FIN, and it knew at once. {{.Then}}",
		Zh: "{{.Who}} 读到 EOF，立刻就知道 {{.Peer}} 用 FIN 关闭了连接。{{.Then}}",
	},
	NarrateDetectRST: {
		En: "{{.Who}} got a RST from {{.Peer}}: either that host has no such connection (it rebooted, say), or a middlebox on the path sent the RST in its name. The error is immediate: ECONNRESET. {{.Then}}",
		Zh: "{{.Who}} 收到一个来自 {{.Peer}} 的 RST：要么那台主机上没有这条连接（比如它重启过），要么是路径上的中间设备以它的名义发出了 RST。错误立即返回：ECONNRESET。{{.Then}}",
	},
	NarrateDetectKeepalive: {
		En: "The TCP keepalive probes of {{.Who}} went unanswered: the kernel reset the connection and reported ETIMEDOUT, {{.Silent}} after the last segment from {{.Peer}} (idle + interval × count). {{.Then}}",
		Zh: "{{.Who}} 的 TCP 保活探测无人应答：内核重置了连接并报告 ETIMEDOUT，此时距 {{.Peer}} 的最后一个报文段已有 {{.Silent}}（空闲时间 + 探测间隔 × 探测次数）。{{.Then}}",
	},
	NarrateDetectKASlack: {
		En: "The TCP keepalive probes of {{.Who}} went unanswered: the kernel reset the connection and reported ETIMEDOUT, {{.Silent}} after the last segment from {{.Peer}}: {{.Rule}} by the rule (idle + interval × count), {{.Slack}} more with the kernel's timer slack (its timer wheel fires each timer late, by up to one granule of the wheel level its timeout falls in: 4 ms under a quarter second, 131 s for two hours). {{.Then}}",
		Zh: "{{.Who}} 的 TCP 保活探测无人应答：内核重置了连接并报告 ETIMEDOUT，此时距 {{.Peer}} 的最后一个报文段已有 {{.Silent}}：按规则是 {{.Rule}}（空闲时间 + 探测间隔 × 探测次数），内核的定时器误差又多出 {{.Slack}}（内核的时间轮让每个定时器晚一些触发，最多晚一个该超时所在层级的粒度：四分之一秒以内是 4 毫秒，两小时是 131 秒）。{{.Then}}",
	},
	NarrateDetectRetries: {
		En: "{{.Who}} retransmitted its unacknowledged data until tcp_retries2 ran out, and gave up: ETIMEDOUT, {{.Silent}} after the last segment from {{.Peer}}. No RST is sent. {{.Then}}",
		Zh: "{{.Who}} 一再重传未被确认的数据，直到 tcp_retries2 用完才放弃（重传超时）：ETIMEDOUT，此时距 {{.Peer}} 的最后一个报文段已有 {{.Silent}}。不发送 RST。{{.Then}}",
	},
	NarrateDetectRetriesSlack: {
		En: "{{.Who}} retransmitted its unacknowledged data until tcp_retries2 ran out, and gave up: ETIMEDOUT, {{.Silent}} after the last segment from {{.Peer}}. No RST is sent. {{.Rule}}. {{.Then}}",
		Zh: "{{.Who}} 一再重传未被确认的数据，直到 tcp_retries2 用完才放弃（重传超时）：ETIMEDOUT，此时距 {{.Peer}} 的最后一个报文段已有 {{.Silent}}。不发送 RST。{{.Rule}}。{{.Then}}",
	},
	NarrateDetectUserTime: {
		En: "The TCP_USER_TIMEOUT of {{.Who}} passed with data still unacknowledged: ETIMEDOUT, {{.Silent}} after the last segment from {{.Peer}}. {{.Then}}",
		Zh: "{{.Who}} 的 TCP_USER_TIMEOUT 已到，数据仍未被确认：ETIMEDOUT，此时距 {{.Peer}} 的最后一个报文段已有 {{.Silent}}。{{.Then}}",
	},
	NarrateDetectMissed: {
		En: "{{.Who}} declares {{.Peer}} dead: {{.Rule}} (its heartbeat timeout). {{.Then}}",
		Zh: "{{.Who}} 认定 {{.Peer}} 已断线：{{.Rule}}（心跳超时）。{{.Then}}",
	},
	NarrateDetectMissedRun: {
		En: "{{.Who}} declares {{.Peer}} dead: {{.Rule}}. {{.Then}}",
		Zh: "{{.Who}} 认定 {{.Peer}} 已断线：{{.Rule}}。{{.Then}}",
	},
	NarrateDetectHeartbeat: {
		En: "{{.Who}} declares {{.Peer}} dead: no heartbeat, {{.Rule}}. TCP alone would not have told it. {{.Then}}",
		Zh: "{{.Who}} 认定 {{.Peer}} 已断线：没有心跳，{{.Rule}}。单靠 TCP，它是发现不了的。{{.Then}}",
	},
	NarrateDetectHBUDP: {
		En: "{{.Who}} declares {{.Peer}} dead: no heartbeat, {{.Rule}}. {{.Then}}",
		Zh: "{{.Who}} 认定 {{.Peer}} 已断线：没有心跳，{{.Rule}}。{{.Then}}",
	},
	NarrateDetectIdle: {
		En: "{{.Who}} declares {{.Peer}} gone: nothing heard, {{.Rule}} (its idle timeout). {{.Then}}",
		Zh: "{{.Who}} 认定 {{.Peer}} 已断开：什么也没收到，{{.Rule}}（它的空闲超时）。{{.Then}}",
	},
	NarrateDetectOther: {
		En: "{{.Who}} lost {{.Peer}}: {{.Cause}}. {{.Then}}",
		Zh: "{{.Who}} 失去了 {{.Peer}}：{{.Cause}}。{{.Then}}",
	},

	NarrateRefused: {
		En: "{{.Who}}: connection to {{.Target}} refused. The host is up but nothing listens on the port: it answered the SYN with a RST.",
		Zh: "{{.Who}}：连接 {{.Target}} 被拒绝。主机开着，但那个端口上没有程序监听：它用 RST 回应了 SYN。",
	},
	NarrateConnectTimeout: {
		En: "{{.Who}}: connecting to {{.Target}} timed out: no SYN-ACK came back.",
		Zh: "{{.Who}}：连接 {{.Target}} 超时：没有等到 SYN-ACK。",
	},
	NarrateConnectSlack: {
		En: "{{.Who}}: connecting to {{.Target}} timed out after {{.Took}}: no SYN-ACK came back. {{.Rule}}.",
		Zh: "{{.Who}}：连接 {{.Target}} 在 {{.Took}}后超时：没有等到 SYN-ACK。{{.Rule}}。",
	},
	NarrateSynRule: {
		En: "{{.Rule}} by the rule (the SYN schedule of tcp_syn_retries), {{.Slack}} more with the kernel's timer slack (its timer wheel fires each SYN timeout late, by up to one granule of the level the timeout falls in: 32 ms for 1 s, 2.048 s for 64 s)",
		Zh: "按规则是 {{.Rule}}（tcp_syn_retries 的 SYN 重传节奏），内核的定时器误差又多出 {{.Slack}}（时间轮让每次 SYN 超时晚一些触发，最多晚一个该超时所在层级的粒度：1 秒的超时最多 32 毫秒，64 秒的最多 2.048 秒）",
	},
	NarrateRetriesRule: {
		En: "tcp_retries2 = {{.Retries}} is a budget of time, {{.Budget}} from the first retransmission, checked only when the retransmission timer fires. By the rule: {{.RuleMade}} retransmissions, and the give-up {{.Rule}} after the first; with the kernel's timer slack, which fires every timeout a little late and can push one past the budget: {{.Made}}, and the give-up {{.Took}} after the first",
		Zh: "tcp_retries2 = {{.Retries}} 是一个时间预算：从第一次重传算起 {{.Budget}}，只在重传定时器触发时检查。按规则：重传 {{.RuleMade}} 次，在第一次重传后 {{.Rule}}放弃；内核的定时器误差让每次超时都晚一点触发，可能把某一次推到预算之外：重传 {{.Made}} 次，在第一次重传后 {{.Took}}放弃",
	},
	NarrateOrphanGaveUp: {
		En: "{{.Host}}'s TCP gives up on the socket to {{.Peer}} that its application closed, and frees it without a word: no RST, and no application left to tell. {{.Count}} retransmissions went unanswered. {{.Rule}}, checked when the retransmission timer fires: here {{.Took}} after the first.",
		Zh: "{{.Host}} 的 TCP 放弃了连向 {{.Peer}}、已被应用程序关闭的套接字，并悄悄释放它：不发 RST，也没有应用程序可以通知。{{.Count}} 次重传都没有回应。{{.Rule}}，在重传定时器触发时检查：这里是第一次重传后 {{.Took}}。",
	},
	NarrateOrphanRule: {
		En: "An orphan retries by tcp_orphan_retries = {{.Retries}}: {{.Budget}} from the first retransmission",
		Zh: "孤儿套接字按 tcp_orphan_retries = {{.Retries}} 重试：从第一次重传算起 {{.Budget}}",
	},
	NarrateOrphanRuleZero: {
		En: "An orphan retries by tcp_orphan_retries = 0, which Linux reads as {{.Retries}} while the socket is alive: {{.Budget}} from the first retransmission",
		Zh: "孤儿套接字按 tcp_orphan_retries = 0 重试，套接字还活着时 Linux 把 0 当作 {{.Retries}}：从第一次重传算起 {{.Budget}}",
	},
	NarrateConnectFailed: {
		En: "{{.Who}}: connecting to {{.Target}} failed: {{.Cause}}.",
		Zh: "{{.Who}}：连接 {{.Target}} 失败：{{.Cause}}。",
	},
	NarrateCallFailed: {
		En: "{{.Who}}: connect() to {{.Target}} failed at once with {{.Errno}}, on its own host: no SYN left, and the peer knows nothing of it.",
		Zh: "{{.Who}}：connect() 连接 {{.Target}} 当场失败，错误为 {{.Errno}}，问题出在它自己的主机上：SYN 根本没有发出，对端对此一无所知。",
	},
	NarrateNoReconnect: {
		En: "{{.Who}} does not reconnect (reconnect policy none).",
		Zh: "{{.Who}} 不会重连（重连策略为 none）。",
	},
	NarrateGiveUp: {
		EnOne: "{{.Who}} gives up after {{.Count}} attempt (reconnect.max_attempts).",
		En:    "{{.Who}} gives up after {{.Count}} attempts (reconnect.max_attempts).",
		Zh:    "{{.Who}} 尝试 {{.Count}} 次后放弃（reconnect.max_attempts）。",
	},
	NarrateAccept: {
		En: "{{.Who}} accepted {{.Remote}}: a new socket with its own 5-tuple ({{.Conn}}), served by a handler of its own, while the listening socket on port {{.Port}} goes on listening for more.",
		Zh: "{{.Who}} 接受了 {{.Remote}} 的连接：这是一个新的套接字，有自己的五元组（{{.Conn}}），由专门的处理程序服务；端口 {{.Port}} 上的监听套接字则继续监听，等待更多客户端。",
	},
	NarrateReconnected: {
		En: "{{.Who}} is connected again (attempt {{.Attempt}}). The server sees a new connection: a new 5-tuple, a new port.",
		Zh: "{{.Who}} 重新连上了（第 {{.Attempt}} 次尝试）。服务端看到的是一条新连接：新的五元组，新的端口。",
	},
	NarrateReconnectedIn: {
		En: "{{.Who}} is connected again (attempt {{.Attempt}}, {{.Down}} after the connection was lost). The server sees a new connection: a new 5-tuple, a new port.",
		Zh: "{{.Who}} 重新连上了（第 {{.Attempt}} 次尝试，距断线 {{.Down}}）。服务端看到的是一条新连接：新的五元组，新的端口。",
	},
	NarrateCannotListen: {
		En: "{{.Server}} cannot listen on port {{.Port}}: {{.Err}}.",
		Zh: "{{.Server}} 无法在端口 {{.Port}} 上监听：{{.Err}}。",
	},
	NarrateGoAwayClient: {
		En: "{{.Client}} got GOAWAY too_many_pings: the server allows fewer pings. The client doubles its keepalive time to {{.Interval}}.",
		Zh: "{{.Client}} 收到 GOAWAY too_many_pings：服务端嫌 ping 太频繁。客户端把保活间隔加倍到 {{.Interval}}。",
	},
	NarrateGoAwayServer: {
		EnOne: "{{.Server}} received pings more often than every {{.Min}}, {{.Count}} time: it answers GOAWAY too_many_pings and closes the connection.",
		En:    "{{.Server}} received pings more often than every {{.Min}}, {{.Count}} times: it answers GOAWAY too_many_pings and closes the connection.",
		Zh:    "{{.Server}} 收到的 ping 间隔短于 {{.Min}}，已有 {{.Count}} 次：它回以 GOAWAY too_many_pings 并关闭连接。",
	},
	NarrateUDPRevived: {
		En: "{{.Client}} hears from {{.Peer}} again: over UDP there was no connection to lose, only silence.",
		Zh: "{{.Client}} 又收到了 {{.Peer}} 的消息：UDP 本来就没有连接可断，只有沉默。",
	},
}
