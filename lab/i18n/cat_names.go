package i18n

// What the names of socklab's sets of codes mean, one sentence each: the
// causes of a detection, the notes on a segment, the TCP timers, the
// middlebox settings, a client's states, the kinds of expectation, what
// made a node send a packet (its trigger), why a packet was dropped and
// the middlebox rule that dropped it, the modes of the TCP timers and the RTT estimators. The
// table that declares each set (netsim's and lab's names tables, the
// scenarios' expectation kinds) gives each name one of these IDs; the
// documentation's tables and the interface's help render them.
const (
	DocCauseFIN               ID = "doc.cause.fin"
	DocCauseRST               ID = "doc.cause.rst"
	DocCauseKeepalive         ID = "doc.cause.keepalive"
	DocCauseRetransmitTimeout ID = "doc.cause.retransmit_timeout"
	DocCauseUserTimeout       ID = "doc.cause.user_timeout"
	DocCauseHeartbeatTimeout  ID = "doc.cause.heartbeat_timeout"
	DocCauseIdleTimeout       ID = "doc.cause.idle_timeout"
	DocCauseConnectTimeout    ID = "doc.cause.connect_timeout"
	DocCauseRefused           ID = "doc.cause.refused"

	DocNoteKeepalive          ID = "doc.note.keepalive"
	DocNoteRetransmission     ID = "doc.note.retransmission"
	DocNoteTailLossProbe      ID = "doc.note.tail_loss_probe"
	DocNoteFastRetransmission ID = "doc.note.fast_retransmission"
	DocNoteZeroWindowProbe    ID = "doc.note.zero_window_probe"
	DocNoteWindowUpdate       ID = "doc.note.window_update"
	DocNoteChallengeACK       ID = "doc.note.challenge_ack"

	DocTimerSYN             ID = "doc.timer.syn"
	DocTimerSYNACK          ID = "doc.timer.syn_ack"
	DocTimerRTO             ID = "doc.timer.rto"
	DocTimerTailLossProbe   ID = "doc.timer.tail_loss_probe"
	DocTimerZeroWindowProbe ID = "doc.timer.zero_window_probe"
	DocTimerDelayedACK      ID = "doc.timer.delack"
	DocTimerKeepalive       ID = "doc.timer.keepalive"
	DocTimerTimeWait        ID = "doc.timer.time_wait"
	DocTimerFinWait2        ID = "doc.timer.fin_wait_2"

	DocBoxRouter   ID = "doc.middlebox.router"
	DocBoxFirewall ID = "doc.middlebox.firewall"
	DocBoxNAT      ID = "doc.middlebox.nat"

	DocExpiryDrop    ID = "doc.on_expired.drop"
	DocExpiryPickup  ID = "doc.on_expired.pickup"
	DocExpiryRST     ID = "doc.on_expired.rst"
	DocExpiryRSTBoth ID = "doc.on_expired.rst_both"

	DocPortsPreserve ID = "doc.ports.preserve"
	DocPortsRandom   ID = "doc.ports.random"

	DocClientDown       ID = "doc.client_state.down"
	DocClientIdle       ID = "doc.client_state.idle"
	DocClientConnecting ID = "doc.client_state.connecting"
	DocClientConnected  ID = "doc.client_state.connected"
	DocClientWaiting    ID = "doc.client_state.waiting"
	DocClientGaveUp     ID = "doc.client_state.gave_up"

	DocExpectDetect         ID = "doc.expect.detect"
	DocExpectNoDetectBefore ID = "doc.expect.no_detect_before"
	DocExpectState          ID = "doc.expect.state"
	DocExpectReconnects     ID = "doc.expect.reconnects"
	DocExpectDetections     ID = "doc.expect.detections"
	DocExpectHeartbeatBytes ID = "doc.expect.heartbeat_bytes_per_minute"
	DocExpectConnected      ID = "doc.expect.connected"
	DocExpectPollLatency    ID = "doc.expect.poll_latency"
	DocExpectReconnectPeak  ID = "doc.expect.reconnect_peak"
	DocExpectBacklogDrops   ID = "doc.expect.backlog_drops"
	DocExpectMiddleboxDrops ID = "doc.expect.middlebox_drops"

	DocWhyLoss        ID = "doc.why.loss"
	DocWhyLinkDown    ID = "doc.why.link_down"
	DocWhyHostDown    ID = "doc.why.host_down"
	DocWhyFirewall    ID = "doc.why.firewall"
	DocWhyNoRoute     ID = "doc.why.no_route"
	DocWhyBacklogFull ID = "doc.why.backlog_full"
	DocWhyPartition   ID = "doc.why.partition"
	DocWhyPortClosed  ID = "doc.why.port_closed"

	DocTriggerWrite               ID = "doc.trigger.write"
	DocTriggerConnect             ID = "doc.trigger.connect"
	DocTriggerAnswerSYN           ID = "doc.trigger.answer_syn"
	DocTriggerSYNAgain            ID = "doc.trigger.syn_again"
	DocTriggerHandshake           ID = "doc.trigger.handshake"
	DocTriggerClose               ID = "doc.trigger.close"
	DocTriggerSYNRetransmission   ID = "doc.trigger.syn_retransmission"
	DocTriggerRTO                 ID = "doc.trigger.rto"
	DocTriggerTailLossProbe       ID = "doc.trigger.tail_loss_probe"
	DocTriggerTailLossProbeNew    ID = "doc.trigger.tail_loss_probe_new"
	DocTriggerFastRetransmission  ID = "doc.trigger.fast_retransmission"
	DocTriggerPartialACK          ID = "doc.trigger.partial_ack"
	DocTriggerZeroWindowProbe     ID = "doc.trigger.zero_window_probe"
	DocTriggerKeepalive           ID = "doc.trigger.keepalive"
	DocTriggerAckNow              ID = "doc.trigger.ack_now"
	DocTriggerDelayedACK          ID = "doc.trigger.delayed_ack"
	DocTriggerDupACK              ID = "doc.trigger.dup_ack"
	DocTriggerUnacceptable        ID = "doc.trigger.unacceptable"
	DocTriggerChallengeACK        ID = "doc.trigger.challenge_ack"
	DocTriggerWindowUpdate        ID = "doc.trigger.window_update"
	DocTriggerResetUnread         ID = "doc.trigger.reset_unread"
	DocTriggerResetLinger         ID = "doc.trigger.reset_linger"
	DocTriggerResetKeepalive      ID = "doc.trigger.reset_keepalive"
	DocTriggerResetListenerClosed ID = "doc.trigger.reset_listener_closed"
	DocTriggerResetNoSocket       ID = "doc.trigger.reset_no_socket"
	DocTriggerResetBadACK         ID = "doc.trigger.reset_bad_ack"
	DocTriggerResetDataAfterClose ID = "doc.trigger.reset_data_after_close"
	DocTriggerMiddleboxReset      ID = "doc.trigger.middlebox_reset"
	DocTriggerMiddleboxExpiry     ID = "doc.trigger.middlebox_expiry"

	DocDropRuleNewWithoutSYN ID = "doc.drop_rule.new_without_syn"
	DocDropRuleInvalid       ID = "doc.drop_rule.invalid"
	DocDropRuleNoFlow        ID = "doc.drop_rule.no_flow"

	DocTimerModeExact ID = "doc.timer_mode.exact"
	DocTimerModeWheel ID = "doc.timer_mode.wheel"

	DocEstimatorRFC6298 ID = "doc.rtt_estimator.rfc6298"
	DocEstimatorLinux   ID = "doc.rtt_estimator.linux"
)

var nameMessages = map[ID]entry{
	DocCauseFIN: {
		En: "the peer closed the connection: its FIN was read as EOF, at once",
		Zh: "对端关闭了连接：它的 FIN 被读成 EOF，立刻就知道",
	},
	DocCauseRST: {
		En: "a RST arrived (the peer rebooted, or a middlebox reset the flow): ECONNRESET at once",
		Zh: "收到了 RST（对端重启过，或中间设备重置了这条流）：立刻得到 ECONNRESET",
	},
	DocCauseKeepalive: {
		En: "TCP keepalive probes went unanswered: after idle + interval × count the kernel sends a RST and reports ETIMEDOUT",
		Zh: "TCP 保活探测无人应答：空闲时间 + 间隔 × 次数之后，内核发出 RST 并报告 ETIMEDOUT",
	},
	DocCauseRetransmitTimeout: {
		En: "unacknowledged data was resent until tcp_retries2 ran out: ETIMEDOUT, and no RST",
		Zh: "未确认的数据一再重传，直到 tcp_retries2 用尽：ETIMEDOUT，不发 RST",
	},
	DocCauseUserTimeout: {
		En: "data (or keepalive probes) stayed unacknowledged for TCP_USER_TIMEOUT: ETIMEDOUT",
		Zh: "数据（或保活探测）在 TCP_USER_TIMEOUT 之内一直没有得到确认：ETIMEDOUT",
	},
	DocCauseHeartbeatTimeout: {
		En: "the application heartbeat: a ping went unanswered, or the peer was silent longer than expected",
		Zh: "应用层心跳：一个 ping 没有得到回应，或对端沉默的时间超过了预期",
	},
	DocCauseIdleTimeout: {
		En: "the application received nothing for its idle timeout (Netty's reader idle)",
		Zh: "应用在它的空闲超时内什么也没收到（Netty 的读空闲）",
	},
	DocCauseConnectTimeout: {
		En: "a connect attempt failed: no SYN-ACK came before the SYN retries (or the client's own connect timeout) ran out",
		Zh: "一次连接尝试失败：SYN 重试（或客户端自己的连接超时）用尽之前没有收到 SYN-ACK",
	},
	DocCauseRefused: {
		En: "a connect attempt failed: the host answered the SYN with a RST, nothing listens on the port (ECONNREFUSED)",
		Zh: "一次连接尝试失败：主机用 RST 回应了 SYN，端口上没有程序在监听（ECONNREFUSED）",
	},

	DocNoteKeepalive: {
		En: "a keepalive probe: sequence number SND.UNA − 1 and no data; a live peer's kernel answers it with an ACK",
		Zh: "保活探测：序号为 SND.UNA − 1，不带数据；活着的对端内核会用 ACK 回应",
	},
	DocNoteRetransmission: {
		En: "sent again when the retransmission timer expired: data, a FIN, or a SYN or SYN-ACK (its flags tell which)",
		Zh: "重传定时器到期后再次发送：数据、FIN，或 SYN、SYN-ACK（看它的标志位）",
	},
	DocNoteTailLossProbe: {
		En: "the last segment sent again (or new data) to draw an ACK before the retransmission timer expires (RFC 8985)",
		Zh: "在重传定时器到期之前再次发送最后一个报文段（或新数据），以引出一个 ACK（RFC 8985）",
	},
	DocNoteFastRetransmission: {
		En: "sent again after three duplicate ACKs, without waiting for the timer (RFC 5681)",
		Zh: "收到三个重复 ACK 后立即重传，不等定时器（RFC 5681）",
	},
	DocNoteZeroWindowProbe: {
		En: "a probe of a peer whose receive window is shut (the persist timer)",
		Zh: "探测接收窗口为零的对端（坚持定时器）",
	},
	DocNoteWindowUpdate: {
		En: "an ACK that announces a receive window opened by the application's read",
		Zh: "应用读取数据后，宣告接收窗口重新打开的 ACK",
	},
	DocNoteChallengeACK: {
		En: "an ACK that answers a RST or SYN whose sequence number is not exactly the expected one (RFC 5961)",
		Zh: "回应序号不完全符合预期的 RST 或 SYN 的 ACK（RFC 5961）",
	},

	DocTimerSYN: {
		En: "resends the SYN of a connect() that has no answer, then gives up (tcp_syn_retries)",
		Zh: "重发没有回应的 connect() 的 SYN，最后放弃（tcp_syn_retries）",
	},
	DocTimerSYNACK: {
		En: "resends the SYN-ACK of a passive open, then gives up (tcp_synack_retries)",
		Zh: "重发被动打开的 SYN-ACK，最后放弃（tcp_synack_retries）",
	},
	DocTimerRTO: {
		En: "the retransmission timeout: resends the oldest unacknowledged segment, doubling each time, until tcp_retries2 or TCP_USER_TIMEOUT gives up",
		Zh: "重传超时：重发最早未确认的报文段，每次加倍，直到 tcp_retries2 或 TCP_USER_TIMEOUT 放弃",
	},
	DocTimerTailLossProbe: {
		En: "fires before the RTO to probe for a lost last segment (RFC 8985)",
		Zh: "在 RTO 之前触发，探测丢失的最后一个报文段（RFC 8985）",
	},
	DocTimerZeroWindowProbe: {
		En: "probes a peer whose receive window is shut (the persist timer)",
		Zh: "探测接收窗口为零的对端（坚持定时器）",
	},
	DocTimerDelayedACK: {
		En: "holds a lone ACK for a while, in the hope of sending it with data",
		Zh: "把单独的 ACK 压一会儿，希望能和数据一起发出",
	},
	DocTimerKeepalive: {
		En: "after the keepalive idle time without receiving anything, probes the peer every interval, count times",
		Zh: "空闲达到保活时间后，每隔一个间隔探测一次对端，共探测若干次",
	},
	DocTimerTimeWait: {
		En: "keeps a closed connection's 4-tuple for 60 s (TIME_WAIT) to absorb late segments",
		Zh: "把已关闭连接的四元组保留 60 秒（TIME_WAIT），吸收迟到的报文段",
	},
	DocTimerFinWait2: {
		En: "forgets a closed socket whose peer never sends its FIN (tcp_fin_timeout)",
		Zh: "忘掉一个对端始终不发 FIN 的已关闭套接字（tcp_fin_timeout）",
	},

	DocBoxRouter: {
		En: "forwards packets and keeps no state",
		Zh: "只转发，不保存状态",
	},
	DocBoxFirewall: {
		En: "stateful: admits a TCP flow by its SYN and forgets it after idle_timeout",
		Zh: "有状态：凭 SYN 放行一条 TCP 流，空闲超过 idle_timeout 后忘掉它",
	},
	DocBoxNAT: {
		En: "a stateful firewall that also rewrites inside addresses and ports to its public_ip",
		Zh: "有状态的防火墙，同时把内部地址和端口改写成它的 public_ip",
	},

	DocExpiryDrop: {
		En: "dropped silently: a black hole; the sender retransmits and ends in ETIMEDOUT, the quiet side stays ESTABLISHED. Like Linux conntrack admitting new flows by SYN only",
		Zh: "静默丢弃：一个黑洞；发送方不断重传，最后 ETIMEDOUT，不说话的一方一直停在 ESTABLISHED。就像只凭 SYN 放行新流的 Linux conntrack",
	},
	DocExpiryPickup: {
		En: "re-creates the flow; with `ports: preserve` nobody notices, with `random` the server sees an unknown 4-tuple and answers RST. Like conntrack's loose pickup",
		Zh: "重新建立这条流；`ports: preserve` 时谁也察觉不到，`random` 时服务端看到一个陌生的四元组，回以 RST。就像 conntrack 的宽松接管（loose pickup）",
	},
	DocExpiryRST: {
		En: "answered with a RST to its sender (ECONNRESET at once). Like an AWS NAT gateway",
		Zh: "以 RST 回应发送方（立刻 ECONNRESET）。就像 AWS NAT 网关",
	},
	DocExpiryRSTBoth: {
		En: "both ends get a RST the moment the timeout passes. Like Azure's load balancer with \"TCP reset on idle\"",
		Zh: "超时的那一刻，两端都收到 RST。就像开启了“空闲时 TCP 重置”的 Azure 负载均衡器",
	},

	DocPortsPreserve: {
		En: "keeps the inside port when it is free (Linux masquerade)",
		Zh: "内部端口空闲时沿用它（Linux masquerade）",
	},
	DocPortsRandom: {
		En: "draws a port for every mapping (masquerade --random-fully)",
		Zh: "每个映射都随机选一个端口（masquerade --random-fully）",
	},

	DocClientDown: {
		En: "its process does not run: not started yet, crashed, stopped or powered off",
		Zh: "它的进程没有运行：尚未启动、崩溃、已停止或断电",
	},
	DocClientIdle: {
		En: "started; its first connect is not due yet",
		Zh: "已启动，第一次连接还没到时间",
	},
	DocClientConnecting: {
		En: "a connect attempt is under way",
		Zh: "一次连接尝试正在进行",
	},
	DocClientConnected: {
		En: "connected (over UDP: its pings are answered)",
		Zh: "已连接（UDP：它的 ping 有回应）",
	},
	DocClientWaiting: {
		En: "waiting for its next attempt (over UDP: the server fell silent)",
		Zh: "等待下一次尝试（UDP：服务端沉默了）",
	},
	DocClientGaveUp: {
		En: "it makes no more attempts (reconnect policy none, or max_attempts reached)",
		Zh: "不再尝试（重连策略为 none，或已达到 max_attempts）",
	},

	DocExpectDetect: {
		En: "the first detection by host and/or app (and cause, if given) happens between two times",
		Zh: "主机和/或应用的第一次发现断开（若给出原因，则为该原因）发生在两个时刻之间",
	},
	DocExpectNoDetectBefore: {
		En: "no detection by host (by anyone, without it) before a time",
		Zh: "在某个时刻之前，该主机（不指定则为任何人）没有发现断开",
	},
	DocExpectState: {
		En: "a connection of host, whose 5-tuple contains conn, is in a TCP state at a time",
		Zh: "某一时刻，该主机上五元组包含 conn 的一条连接处于某个 TCP 状态",
	},
	DocExpectReconnects: {
		En: "the number of reconnect attempts is within the bounds",
		Zh: "重连尝试的次数在上下限之内",
	},
	DocExpectDetections: {
		En: "the number of detections (failed connect attempts included) is within the bounds",
		Zh: "发现断开的次数（含失败的连接尝试）在上下限之内",
	},
	DocExpectHeartbeatBytes: {
		En: "an app's heartbeats (pings and answers) cost at most so many bytes per minute",
		Zh: "应用的心跳（ping 与回应）每分钟至多花费这么多字节",
	},
	DocExpectConnected: {
		En: "the number of an app's clients connected, at a time or at the end, is within the bounds",
		Zh: "某一时刻或结束时，应用已连接的客户端数在上下限之内",
	},
	DocExpectPollLatency: {
		En: "a poller's mean news latency is within the bounds",
		Zh: "轮询者获得新消息的平均延迟在上下限之内",
	},
	DocExpectReconnectPeak: {
		En: "the most reconnect attempts starting in any 100 ms is within the bounds",
		Zh: "任意 100 毫秒内开始的重连尝试的最多次数在上下限之内",
	},
	DocExpectBacklogDrops: {
		En: "the number of SYNs and handshake ACKs a full accept queue dropped is within the bounds",
		Zh: "因 accept 队列已满而丢弃的 SYN 和握手 ACK 的数量在上下限之内",
	},
	DocExpectMiddleboxDrops: {
		En: "the number of packets of no known flow a middlebox dropped, under one rule (new-without-syn, invalid, no-flow) or any, is within the bounds",
		Zh: "中间设备丢弃的无已知流的报文数（按某一条规则：new-without-syn、invalid、no-flow，或不分规则）在上下限之内",
	},

	DocTriggerWrite: {
		En: "the application's write(): its bytes, sent as soon as the windows allowed",
		Zh: "应用的 write()：它的字节，窗口一允许就发出",
	},
	DocTriggerConnect: {
		En: "connect(): the SYN that opens the three-way handshake",
		Zh: "connect()：开启三次握手的 SYN",
	},
	DocTriggerAnswerSYN: {
		En: "the SYN-ACK answering a SYN: the second step of the handshake",
		Zh: "回应 SYN 的 SYN-ACK：握手的第二步",
	},
	DocTriggerSYNAgain: {
		En: "the SYN-ACK sent again at once because the client's SYN came again",
		Zh: "客户端的 SYN 又来了一次，于是立刻重发 SYN-ACK",
	},
	DocTriggerHandshake: {
		En: "the ACK of the SYN-ACK that completes connect()'s three-way handshake",
		Zh: "确认 SYN-ACK 的 ACK，完成 connect() 的三次握手",
	},
	DocTriggerClose: {
		En: "close() or shutdown(SHUT_WR): a FIN once the data queued before it has gone",
		Zh: "close() 或 shutdown(SHUT_WR)：排在它之前的数据发完后发出 FIN",
	},
	DocTriggerSYNRetransmission: {
		En: "the SYN (or SYN-ACK) timer expired without an answer: sent again, number N (tcp_retransmit_timer, reqsk_timer_handler)",
		Zh: "SYN（或 SYN-ACK）定时器到期仍无应答：第 N 次重发（tcp_retransmit_timer、reqsk_timer_handler）",
	},
	DocTriggerRTO: {
		En: "the retransmission timer expired: the oldest unacknowledged segment sent again, number N since the last progress (tcp_retransmit_timer)",
		Zh: "重传定时器到期：重发最早的未确认报文段，自上次进展以来的第 N 次（tcp_retransmit_timer）",
	},
	DocTriggerTailLossProbe: {
		En: "a tail loss probe: the last segment sent again to draw an ACK before the RTO (RFC 8985 7)",
		Zh: "尾部丢失探测：在 RTO 之前重发最后一个报文段，以换来一个 ACK（RFC 8985 7）",
	},
	DocTriggerTailLossProbeNew: {
		En: "a tail loss probe that carries new data rather than a copy (RFC 8985 7.3)",
		Zh: "携带新数据而不是副本的尾部丢失探测（RFC 8985 7.3）",
	},
	DocTriggerFastRetransmission: {
		En: "the third duplicate ACK: the missing segment sent again without waiting for the timer (RFC 5681 3.2)",
		Zh: "第三个重复 ACK：不等定时器，立即重发缺失的报文段（RFC 5681 3.2）",
	},
	DocTriggerPartialACK: {
		En: "an ACK during recovery that leaves a hole: the next missing segment sent again (RFC 6582 3.2)",
		Zh: "恢复期间的 ACK 仍留有空洞：重发下一个缺失的报文段（RFC 6582 3.2）",
	},
	DocTriggerZeroWindowProbe: {
		En: "the persist timer: probe number N of a peer whose receive window is shut (tcp_probe_timer)",
		Zh: "坚持定时器：对接收窗口已关闭的对端发出的第 N 个探测（tcp_probe_timer）",
	},
	DocTriggerKeepalive: {
		En: "the keepalive timer: probe number N of the Of allowed before giving up (tcp_keepalive_timer)",
		Zh: "保活定时器：放弃之前允许的 Of 个探测中的第 N 个（tcp_keepalive_timer）",
	},
	DocTriggerAckNow: {
		En: "an ACK sent at once: Linux's quick-ACK mode, more than a segment unacknowledged, a FIN while closing, or a filled gap (__tcp_ack_snd_check)",
		Zh: "立即发出的 ACK：Linux 的快速 ACK 模式、超过一个报文段未确认、关闭过程中收到 FIN，或空洞被填上（__tcp_ack_snd_check）",
	},
	DocTriggerDelayedACK: {
		En: "an ACK that waited for data to ride on, in vain, until the delayed-ACK timer expired (tcp_delack_timer_handler)",
		Zh: "等数据搭便车却没等到，直到延迟 ACK 定时器到期才发出的 ACK（tcp_delack_timer_handler）",
	},
	DocTriggerDupACK: {
		En: "an out-of-order segment arrived: a duplicate ACK reports the gap at once (RFC 5681 4.2)",
		Zh: "收到乱序报文段：立即用重复 ACK 报告空洞（RFC 5681 4.2）",
	},
	DocTriggerUnacceptable: {
		En: "an ACK answering a segment outside the receive window, such as a keepalive probe or an old duplicate (RFC 9293 3.10.7.4)",
		Zh: "回应接收窗口之外的报文段（如保活探测或旧的重复报文段）的 ACK（RFC 9293 3.10.7.4）",
	},
	DocTriggerChallengeACK: {
		En: "an ACK answering a RST or SYN whose sequence number is not exactly the expected one (RFC 5961 3.2, 4.2)",
		Zh: "回应序号并非恰好等于期望值的 RST 或 SYN 的 ACK（RFC 5961 3.2、4.2）",
	},
	DocTriggerWindowUpdate: {
		En: "the application read, and the receive window opened enough to say so (tcp_cleanup_rbuf)",
		Zh: "应用读走了数据，接收窗口打开到值得通告的程度（tcp_cleanup_rbuf）",
	},
	DocTriggerResetUnread: {
		En: "close() with data received and not read: a RST instead of a FIN (tcp_close, RFC 2525 2.17)",
		Zh: "close() 时还有已收到却未读的数据：发 RST 而不是 FIN（tcp_close，RFC 2525 2.17）",
	},
	DocTriggerResetLinger: {
		En: "close() with SO_LINGER 0, an abort: a RST and no TIME_WAIT",
		Zh: "SO_LINGER 为 0 的 close()，即中止：发 RST，没有 TIME_WAIT",
	},
	DocTriggerResetKeepalive: {
		En: "keepalive gave up after its unanswered probes: a RST, and ETIMEDOUT for the application",
		Zh: "保活探测无人应答，放弃：发 RST，应用得到 ETIMEDOUT",
	},
	DocTriggerResetListenerClosed: {
		En: "the listening socket closed while the connection waited in its accept queue (inet_csk_listen_stop)",
		Zh: "连接还在 accept 队列中等待时，监听套接字关闭了（inet_csk_listen_stop）",
	},
	DocTriggerResetNoSocket: {
		En: "a segment arrived for no socket (nothing listens, or the host rebooted): a RST in its name (RFC 9293 3.10.7.1)",
		Zh: "报文段到达时没有对应的套接字（无人监听，或主机已重启）：以该连接的名义回一个 RST（RFC 9293 3.10.7.1）",
	},
	DocTriggerResetBadACK: {
		En: "a handshake segment acknowledged what was never sent: a RST (RFC 9293 3.10.7.3)",
		Zh: "握手报文段确认了从未发出的数据：回 RST（RFC 9293 3.10.7.3）",
	},
	DocTriggerResetDataAfterClose: {
		En: "data arrived for a socket the application had closed: a RST (tcp_rcv_state_process)",
		Zh: "数据到达一个应用已经关闭的套接字：回 RST（tcp_rcv_state_process）",
	},
	DocTriggerMiddleboxReset: {
		En: "a middlebox met a packet of a flow it did not know and, by its policy rst, answered with a RST",
		Zh: "中间设备遇到一个它不认识的流的包，按 rst 策略回了一个 RST",
	},
	DocTriggerMiddleboxExpiry: {
		En: "a middlebox forgot an idle flow and, by its policy rst-both, reset both ends",
		Zh: "中间设备忘掉了一条空闲的流，并按 rst-both 策略重置了两端",
	},
	DocDropRuleNewWithoutSYN: {
		En: "conntrack took a mid-stream segment for a new flow (loose pickup) and the ruleset admits new flows only by a SYN",
		Zh: "conntrack 把流中途的报文段当作新流（宽松接管），而规则集只接纳以 SYN 开始的新流",
	},
	DocDropRuleInvalid: {
		En: "conntrack found the packet INVALID (a mid-stream segment with loose pickup off, or a FIN, RST or SYN-ACK of no flow) and the ruleset drops INVALID packets",
		Zh: "conntrack 判定这个包为 INVALID（关闭宽松接管时的流中途报文段，或不属于任何流的 FIN、RST、SYN-ACK），而规则集丢弃 INVALID 包",
	},
	DocDropRuleNoFlow: {
		En: "no flow admits it: a datagram from outside, a packet for a NAT's address with no mapping, or a gateway that answers unknown flows with a RST",
		Zh: "没有哪条流接纳它：来自外部的数据报、发往 NAT 地址却没有映射的包，或对未知的流回 RST 的网关",
	},
	DocTimerModeExact: {
		En: "TCP timers fire at their exact deadlines: the bare rule",
		Zh: "TCP 定时器在精确的到期时刻触发：纯粹的规则",
	},
	DocTimerModeWheel: {
		En: "TCP timers are jiffy timers on the kernel's timer wheel: each expiry is rounded up to its wheel level's granularity (4 ms, 32 ms, 256 ms, 2.048 s, … at HZ 250), aligned to absolute jiffies",
		Zh: "TCP 定时器是内核时间轮上的 jiffy 定时器：每次到期都向上取整到所在层级的粒度（HZ 250 时为 4 毫秒、32 毫秒、256 毫秒、2.048 秒……），对齐到绝对 jiffies",
	},
	DocEstimatorRFC6298: {
		En: "RFC 6298: SRTT and RTTVAR with gains 1/8 and 1/4; RTO = max(SRTT + 4·RTTVAR, the minimum RTO)",
		Zh: "RFC 6298：SRTT 与 RTTVAR 的增益为 1/8 与 1/4；RTO = max(SRTT + 4·RTTVAR, 最小 RTO)",
	},
	DocEstimatorLinux: {
		En: "Linux's tcp_rtt_estimator: RTO = SRTT + a variance term that starts at max(2·RTT, 200 ms) and decays once per round trip",
		Zh: "Linux 的 tcp_rtt_estimator：RTO = SRTT + 方差项；方差项从 max(2·RTT, 200 ms) 起步，每个往返衰减一次",
	},

	DocWhyLoss: {
		En: "the link lost it (random or bursty loss)",
		Zh: "链路把它丢了（随机丢包或突发丢包）",
	},
	DocWhyLinkDown: {
		En: "the cable is pulled",
		Zh: "网线被拔掉了",
	},
	DocWhyHostDown: {
		En: "the receiving host has no power",
		Zh: "接收它的主机断电了",
	},
	DocWhyFirewall: {
		En: "a firewall or NAT refused it; `rule` says which of its rules",
		Zh: "防火墙或 NAT 拒绝了它；rule 字段说明是哪条规则",
	},
	DocWhyNoRoute: {
		En: "no path leads to the destination address",
		Zh: "没有通往目的地址的路径",
	},
	DocWhyBacklogFull: {
		En: "the listener's accept queue is full: a SYN, or the ACK that ends a handshake",
		Zh: "监听者的 accept 队列已满：丢掉 SYN，或结束握手的 ACK",
	},
	DocWhyPartition: {
		En: "sender and receiver are partitioned",
		Zh: "发送方与接收方被网络分区隔开",
	},
	DocWhyPortClosed: {
		En: "a UDP datagram for a port nobody listens on (ICMP is not modelled)",
		Zh: "发往无人监听端口的 UDP 数据报（不模拟 ICMP）",
	},
}
