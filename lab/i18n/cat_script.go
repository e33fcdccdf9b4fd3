package i18n

// Socket scripts (lab/script): what their calls' results mean, the errors
// of a script that is wrong, and what the interface says about a running
// one. Who is the program (NarrateWho); Call is the call as strace shows
// it ("read(4) = -1 ECONNRESET <1.01 s>").
const (
	NarrateScriptConnected      ID = "narrate.script.connected"
	NarrateScriptRefused        ID = "narrate.script.refused"
	NarrateScriptConnectTimeout ID = "narrate.script.connect_timeout"
	NarrateScriptConnectSlack   ID = "narrate.script.connect_timeout_slack"
	NarrateScriptAccepted       ID = "narrate.script.accepted"
	NarrateScriptEOF            ID = "narrate.script.eof"
	NarrateScriptEOFBoth        ID = "narrate.script.eof_both"
	NarrateScriptReset          ID = "narrate.script.reset"
	NarrateScriptTimedOut       ID = "narrate.script.timed_out"
	NarrateScriptTimedOutSlack  ID = "narrate.script.timed_out_slack"
	NarrateScriptDeadline       ID = "narrate.script.deadline"
	NarrateScriptEPIPEReset     ID = "narrate.script.epipe_reset"
	NarrateScriptAfterError     ID = "narrate.script.after_error"
	NarrateScriptCallFailed     ID = "narrate.script.call_failed"
	NarrateScriptShutWR         ID = "narrate.script.shutdown_wr"
	NarrateScriptShutRD         ID = "narrate.script.shutdown_rd"
	NarrateScriptShutRDWR       ID = "narrate.script.shutdown_rdwr"
	NarrateScriptClose          ID = "narrate.script.close"
	NarrateScriptCloseLast      ID = "narrate.script.close_last"
	NarrateScriptCloseUnread    ID = "narrate.script.close_unread"
	NarrateScriptCloseLinger    ID = "narrate.script.close_linger"
	NarrateScriptLog            ID = "narrate.script.log"
	NarrateScriptExit           ID = "narrate.script.exit"
	NarrateScriptLimit          ID = "narrate.script.limit"

	ScriptTargetForm         ID = "script.target_form"
	ScriptTargetPort         ID = "script.target_port"
	ScriptTargetIPv4         ID = "script.target_ipv4"
	ScriptOnValue            ID = "script.on_value"
	ScriptOptUnknown         ID = "script.opt_unknown"
	ScriptOptValue           ID = "script.opt_value"
	ScriptOptRange           ID = "script.opt_range"
	ScriptLingerPositive     ID = "script.linger_positive"
	ScriptWantFlag           ID = "script.want_flag"
	ScriptWantSeconds        ID = "script.want_seconds"
	ScriptWantMillis         ID = "script.want_millis"
	ScriptWantCount          ID = "script.want_count"
	ScriptNoSteps            ID = "script.no_steps"
	ScriptTooManySteps       ID = "script.too_many_steps"
	ScriptAcceptNoListen     ID = "script.accept_no_listen"
	ScriptNoConnection       ID = "script.no_connection"
	ScriptNothingToClose     ID = "script.nothing_to_close"
	ScriptReconnectNoConnect ID = "script.reconnect_no_connect"
	ScriptAtAndAfter         ID = "script.at_and_after"
	ScriptConnectNowhere     ID = "script.connect_nowhere"
	ScriptTextTooLong        ID = "script.text_too_long"
	ScriptNoOptions          ID = "script.no_options"
	ScriptNoCall             ID = "script.no_call"
	ScriptStepForm           ID = "script.step_form"
	ScriptTwoCalls           ID = "script.two_calls"
	ScriptUnknownKey         ID = "script.unknown_key"
	ScriptNeedsValue         ID = "script.needs_value"
	ScriptTakesNoValue       ID = "script.takes_no_value"
	ScriptReadValue          ID = "script.read_value"
	ScriptAcceptValue        ID = "script.accept_value"
	ScriptWriteValue         ID = "script.write_value"
	ScriptCloseValue         ID = "script.close_value"
	ScriptListenValue        ID = "script.listen_value"
	ScriptKeyOnlyFor         ID = "script.key_only_for"
	ScriptFDNotFor           ID = "script.fd_not_for"
	ScriptAppKey             ID = "script.app_key"

	ExpectRetOrErrno   ID = "expect.script.ret_or_errno"
	ExpectNameSyscall  ID = "expect.name.syscall"
	ExpectNameSegment  ID = "expect.name.segment"
	ExpectNameSegments ID = "expect.name.segments"
	ExpectWhenAt       ID = "expect.when.at"
	ExpectWhenBetween  ID = "expect.when.between"
	ExpectFlags        ID = "expect.script.flags"
	VerdictSyscall     ID = "verdict.syscall"
	VerdictSyscallNone ID = "verdict.syscall_none"
	VerdictSegmentAt   ID = "verdict.segment_at"
	VerdictSegmentNone ID = "verdict.segment_none"

	DocExpectSyscall  ID = "doc.expect.syscall"
	DocExpectSegment  ID = "doc.expect.segment"
	DocExpectSegments ID = "doc.expect.segments"

	ScriptStateWaiting  ID = "script.state.waiting"
	ScriptStateBlocked  ID = "script.state.blocked"
	ScriptStateDone     ID = "script.state.done"
	ScriptStateDown     ID = "script.state.down"
	ScriptStateExited   ID = "script.state.exited"
	ScriptRow           ID = "script.row"
	ScriptRowApp        ID = "script.row_app"
	ScriptFD            ID = "script.state.fd"
	ScriptSummaryGroup  ID = "script.state.group"
	ScriptTimerStep     ID = "script.timer.step"
	ScriptTimerRcvTimeo ID = "script.timer.rcvtimeo"
)

var scriptMessages = map[ID]entry{
	NarrateScriptConnected: {
		En: "{{.Who}}: {{.Call}}. connect() returns once the SYN-ACK has come back: the three-way handshake is done, whether or not the server's program has accepted the connection yet.",
		Zh: "{{.Who}}：{{.Call}}。SYN-ACK 一回来 connect() 就返回了：三次握手已完成，不管服务端程序有没有 accept 这个连接。",
	},
	NarrateScriptRefused: {
		En: "{{.Who}}: {{.Call}}. Nothing listens on that port: the peer's kernel answered the SYN with a RST, one round trip after it left.",
		Zh: "{{.Who}}：{{.Call}}。那个端口上没有程序在监听：对端内核用 RST 回答了 SYN，只用了一个往返。",
	},
	NarrateScriptConnectTimeout: {
		En: "{{.Who}}: {{.Call}}. No SYN was ever answered: the kernel resent it on its schedule (tcp_syn_retries) and gave up after {{.Blocked}}. The program could not tell a dead host from a full accept queue or a firewall that drops.",
		Zh: "{{.Who}}：{{.Call}}。没有一个 SYN 得到回答：内核按自己的节奏（tcp_syn_retries）重发，{{.Blocked}}后放弃。程序分不清是主机死了、accept 队列满了，还是防火墙丢了包。",
	},
	NarrateScriptConnectSlack: {
		En: "{{.Who}}: {{.Call}}. No SYN was ever answered: the kernel resent it on its schedule and gave up after {{.Blocked}}: {{.Rule}}. The program could not tell a dead host from a full accept queue or a firewall that drops.",
		Zh: "{{.Who}}：{{.Call}}。没有一个 SYN 得到回答：内核按自己的节奏重发，{{.Blocked}}后放弃：{{.Rule}}。程序分不清是主机死了、accept 队列满了，还是防火墙丢了包。",
	},
	NarrateScriptAccepted: {
		En: "{{.Who}}: {{.Call}}. The kernel had completed this connection's handshake on its own and queued it; accept() only hands it over, with a new descriptor.",
		Zh: "{{.Who}}：{{.Call}}。这个连接的三次握手内核早已独自完成并放进了队列；accept() 只是把它交出来，给一个新的描述符。",
	},
	NarrateScriptEOF: {
		En: "{{.Who}}: {{.Call}}. read() returning 0 is end of file: the peer sent its FIN, it will send nothing more. The connection is only half closed: this side may still write.",
		Zh: "{{.Who}}：{{.Call}}。read() 返回 0 就是文件结束：对端发了 FIN，不会再发任何数据。连接只关了一半：这一边还可以写。",
	},
	NarrateScriptEOFBoth: {
		En: "{{.Who}}: {{.Call}}. End of file: the peer sent its FIN too. This side had shut its own already, so both directions are closed now.",
		Zh: "{{.Who}}：{{.Call}}。文件结束：对端也发来了 FIN。这一边早已关闭了自己的方向，所以现在两个方向都关闭了。",
	},
	NarrateScriptReset: {
		En: "{{.Who}}: {{.Call}}. The peer reset the connection: a RST arrived. Whatever this side had not read is lost, and the connection is gone at once, without a FIN exchange.",
		Zh: "{{.Who}}：{{.Call}}。对端重置了连接：收到了 RST。这一边还没读的数据都丢了，连接立刻消失，没有 FIN 的交换。",
	},
	NarrateScriptTimedOut: {
		En: "{{.Who}}: {{.Call}}. The kernel gave up on the connection ({{.Cause}}) and says so at the next call.",
		Zh: "{{.Who}}：{{.Call}}。内核已放弃这个连接（{{.Cause}}），在下一次调用时告诉程序。",
	},
	NarrateScriptTimedOutSlack: {
		En: "{{.Who}}: {{.Call}}. The kernel gave up on the connection ({{.Cause}}) and says so at the next call. {{.Rule}}.",
		Zh: "{{.Who}}：{{.Call}}。内核已放弃这个连接（{{.Cause}}），在下一次调用时告诉程序。{{.Rule}}。",
	},
	NarrateScriptDeadline: {
		En: "{{.Who}}: {{.Call}}. Nothing arrived within the read timeout (SO_RCVTIMEO, {{.Timeout}}). That is all the deadline says: the connection is still ESTABLISHED, and TCP has not noticed anything. Only the program knows the peer went silent; what it does now is up to it.",
		Zh: "{{.Who}}：{{.Call}}。读超时（SO_RCVTIMEO，{{.Timeout}}）内什么也没收到。截止时间只说明这一点：连接仍是 ESTABLISHED，TCP 什么也没察觉。只有程序知道对端沉默了，接下来怎么办由它决定。",
	},
	NarrateScriptEPIPEReset: {
		En: "{{.Who}}: {{.Call}}. The peer had closed its socket completely. The first write after that succeeded, the peer's kernel answered the data with a RST, and a RST in CLOSE_WAIT is reported as EPIPE — once. A real program would also get SIGPIPE, which kills it unless it ignores the signal or writes with MSG_NOSIGNAL; socklab does not model signals.",
		Zh: "{{.Who}}：{{.Call}}。对端已经彻底关闭了套接字。之后的第一次 write 成功了，对端内核用 RST 回答这些数据，而在 CLOSE_WAIT 里收到的 RST 被报告为 EPIPE——只报一次。真实的程序还会收到 SIGPIPE，除非忽略该信号或用 MSG_NOSIGNAL 写，否则会被它杀死；socklab 不模拟信号。",
	},
	NarrateScriptAfterError: {
		En: "{{.Who}}: {{.Call}}. A socket reports its error once. From then on every write fails with EPIPE and every read returns 0, however often the program tries (a real program would also get SIGPIPE on each such write; socklab does not model signals).",
		Zh: "{{.Who}}：{{.Call}}。套接字的错误只报告一次。从此每次 write 都以 EPIPE 失败，每次 read 都返回 0，程序试多少次都一样（真实的程序每次这样的 write 还会收到 SIGPIPE；socklab 不模拟信号）。",
	},
	NarrateScriptCallFailed: {
		En: "{{.Who}}: {{.Call}} ({{.Errno}}).",
		Zh: "{{.Who}}：{{.Call}}（{{.Errno}}）。",
	},
	NarrateScriptShutWR: {
		En: "{{.Who}}: {{.Call}}. A FIN goes out after the data already written: \"I will send nothing more\". The socket can still read, and the peer may go on writing.",
		Zh: "{{.Who}}：{{.Call}}。已写的数据之后发出 FIN：“我不会再发了”。这个套接字仍然可以读，对端也可以继续写。",
	},
	NarrateScriptShutRD: {
		En: "{{.Who}}: {{.Call}}. Nothing is sent and the peer is not told. Data that comes can still be read; once none waits, read() returns 0 instead of waiting.",
		Zh: "{{.Who}}：{{.Call}}。什么也不发，对端也不知道。到来的数据仍然可以读；没有数据时，read() 直接返回 0 而不再等待。",
	},
	NarrateScriptShutRDWR: {
		En: "{{.Who}}: {{.Call}}. A FIN goes out, and reading ends too: data that still arrives will be answered with a RST.",
		Zh: "{{.Who}}：{{.Call}}。发出 FIN，读也结束了：之后还到来的数据会被回以 RST。",
	},
	NarrateScriptClose: {
		En: "{{.Who}}: {{.Call}}. close() returns at once; the kernel sends a FIN after any data still queued and finishes the connection on its own, without the program: FIN_WAIT until the peer's FIN comes, then 60 s of TIME_WAIT on this side, which closed first.",
		Zh: "{{.Who}}：{{.Call}}。close() 立即返回；内核在排队的数据之后发出 FIN，不再需要程序，自己完成连接的收尾：FIN_WAIT 直到对端的 FIN 到来，然后在先关闭的这一侧 TIME_WAIT 60 秒。",
	},
	NarrateScriptCloseLast: {
		En: "{{.Who}}: {{.Call}}. The peer closed first, so this FIN answers its FIN: LAST_ACK until it is acknowledged, and no TIME_WAIT on this side.",
		Zh: "{{.Who}}：{{.Call}}。对端先关闭，所以这个 FIN 是对它的 FIN 的回应：在 LAST_ACK 中等到被确认，这一侧没有 TIME_WAIT。",
	},
	NarrateScriptCloseUnread: {
		En:    "{{.Who}}: {{.Call}} with {{.Count}} bytes received and never read. The kernel sends a RST instead of a FIN (RFC 2525 2.17): the peer learns that data was lost, and its next read fails with ECONNRESET.",
		EnOne: "{{.Who}}: {{.Call}} with {{.Count}} byte received and never read. The kernel sends a RST instead of a FIN (RFC 2525 2.17): the peer learns that data was lost, and its next read fails with ECONNRESET.",
		Zh:    "{{.Who}}：{{.Call}}，还有 {{.Count}} 字节收到了却没读。内核发 RST 而不是 FIN（RFC 2525 2.17）：对端由此知道有数据丢了，它的下一次 read 以 ECONNRESET 失败。",
	},
	NarrateScriptCloseLinger: {
		En: "{{.Who}}: {{.Call}} with SO_LINGER 0: an abort. The kernel sends a RST at once, throws away what was queued, and keeps no TIME_WAIT; the peer's next call fails with ECONNRESET.",
		Zh: "{{.Who}}：{{.Call}}，带 SO_LINGER 0：这是中止。内核立即发出 RST，丢弃排队的数据，也不进入 TIME_WAIT；对端的下一次调用以 ECONNRESET 失败。",
	},
	NarrateScriptLog: {
		En: "{{.Who}} logs: {{.Text}}",
		Zh: "{{.Who}} 记录日志：{{.Text}}",
	},
	NarrateScriptExit: {
		En: "{{.Who}} exits with {{.Open}} sockets open: its operating system closes them as close() would (a FIN each, or a RST where data was left unread).",
		Zh: "{{.Who}} 退出了，还开着 {{.Open}} 个套接字：操作系统像 close() 那样关闭它们（各发一个 FIN，有未读数据的发 RST）。",
	},
	NarrateScriptLimit: {
		En: "{{.Who}} has made {{.Max}} calls, the most a script may make in one run; it stops here.",
		Zh: "{{.Who}} 已经调用了 {{.Max}} 次，这是一个脚本在一次运行里调用次数的上限；它在这里停下。",
	},

	ScriptTargetForm: {
		En: "must be HOST:PORT (like server:8080 or 10.0.0.1:80), not {{printf \"%q\" .Value}}",
		Zh: "必须是 HOST:PORT（例如 server:8080 或 10.0.0.1:80），而不是 {{printf \"%q\" .Value}}",
	},
	ScriptTargetPort: {
		En: "the port must be a number from 1 to 65535, not {{printf \"%q\" .Value}}",
		Zh: "端口必须是 1 到 65535 之间的数字，而不是 {{printf \"%q\" .Value}}",
	},
	ScriptTargetIPv4: {
		En: "{{printf \"%q\" .Value}} is not an IPv4 address: the lab has IPv4 only",
		Zh: "{{printf \"%q\" .Value}} 不是 IPv4 地址：实验只有 IPv4",
	},
	ScriptOnValue: {
		En: "on: takes {{.Known}}, not {{printf \"%q\" .Value}}",
		Zh: "on: 可取 {{.Known}}，而不是 {{printf \"%q\" .Value}}",
	},
	ScriptOptUnknown: {
		En: "unknown option {{printf \"%q\" .Name}}; the options are {{.Known}}",
		Zh: "未知选项 {{printf \"%q\" .Name}}；可用的选项有 {{.Known}}",
	},
	ScriptOptValue: {
		En: "{{.Name}} must be {{.Want}}, not {{printf \"%q\" .Value}}",
		Zh: "{{.Name}} 必须是{{.Want}}，而不是 {{printf \"%q\" .Value}}",
	},
	ScriptOptRange: {
		En: "{{.Name}} must be from {{.Min}} to {{.Max}} (the kernel's bounds), not {{printf \"%q\" .Value}}",
		Zh: "{{.Name}} 必须在 {{.Min}} 到 {{.Max}} 之间（内核的界限），而不是 {{printf \"%q\" .Value}}",
	},
	ScriptLingerPositive: {
		En: "SO_LINGER takes 0 here (close() then sends a RST), not {{printf \"%q\" .Value}}: a positive linger, close() blocking until the peer has acknowledged everything, is not modelled",
		Zh: "这里 SO_LINGER 只能取 0（close() 随即发 RST），不能取 {{printf \"%q\" .Value}}：正的 linger（close() 阻塞到对端确认全部数据）没有模拟",
	},
	ScriptWantFlag: {
		En: "0 or 1",
		Zh: " 0 或 1",
	},
	ScriptWantSeconds: {
		En: "whole seconds (5, or a duration like 5s)",
		Zh: "整秒数（5，或 5s 这样的时长）",
	},
	ScriptWantMillis: {
		En: "whole milliseconds (30000, or a duration like 30s)",
		Zh: "整毫秒数（30000，或 30s 这样的时长）",
	},
	ScriptWantCount: {
		En: "a whole number",
		Zh: "整数",
	},
	ScriptNoSteps: {
		En: "a script needs steps: the calls it makes",
		Zh: "脚本需要 steps：它要做的调用",
	},
	ScriptTooManySteps: {
		En: "a script has at most {{.Max}} steps, not {{.Count}}",
		Zh: "一个脚本最多 {{.Max}} 步，而不是 {{.Count}} 步",
	},
	ScriptAcceptNoListen: {
		En: "accept needs a listening socket: a listen step before it",
		Zh: "accept 需要一个监听套接字：它之前要有 listen 步骤",
	},
	ScriptNoConnection: {
		En: "{{.Call}} needs a connection: a connect or an accept before it (or fd: to name a socket)",
		Zh: "{{.Call}} 需要一个连接：它之前要有 connect 或 accept（或用 fd: 指定套接字）",
	},
	ScriptNothingToClose: {
		En: "there is no socket to close here: every one is closed already",
		Zh: "这里没有可关闭的套接字：都已经关闭了",
	},
	ScriptReconnectNoConnect: {
		En: "reconnect runs the steps again from the first, but no step connects",
		Zh: "reconnect 会从第一步重新执行，但没有任何一步做 connect",
	},
	ScriptAtAndAfter: {
		En: "a step has at: or after:, not both",
		Zh: "一个步骤只能有 at: 或 after: 之一，不能两者都有",
	},
	ScriptConnectNowhere: {
		En: "no host or NAT is named {{printf \"%q\" .Host}}",
		Zh: "没有名为 {{printf \"%q\" .Host}} 的主机或 NAT",
	},
	ScriptTextTooLong: {
		En: "a text has at most {{.Max}} bytes, not {{.Count}}",
		Zh: "文本最多 {{.Max}} 字节，而不是 {{.Count}} 字节",
	},
	ScriptNoOptions: {
		En: "setsockopt needs at least one option: {{.Known}}",
		Zh: "setsockopt 至少需要一个选项：{{.Known}}",
	},
	ScriptNoCall: {
		En: "a step makes one call: {{.Known}}",
		Zh: "每一步做一个调用：{{.Known}}",
	},
	ScriptStepForm: {
		En: "a step is a call (like accept) or a mapping (like {at: 1s, write: 100}), not {{.Got}}",
		Zh: "一个步骤是一个调用（例如 accept）或一个映射（例如 {at: 1s, write: 100}），而不是{{.Got}}",
	},
	ScriptTwoCalls: {
		En: "a step makes one call, but this one has {{.First}} and {{.Second}}: make them two steps",
		Zh: "一个步骤只做一个调用，这里却有 {{.First}} 和 {{.Second}}：请拆成两步",
	},
	ScriptUnknownKey: {
		En: "unknown key {{.Key}}: a step has a call ({{.Calls}}) and may have at, after, on, fd",
		Zh: "未知的键 {{.Key}}：一个步骤有一个调用（{{.Calls}}），还可以有 at、after、on、fd",
	},
	ScriptNeedsValue: {
		En: "{{.Call}} needs a value: {{.Example}}",
		Zh: "{{.Call}} 需要一个值：{{.Example}}",
	},
	ScriptTakesNoValue: {
		En: "{{.Call}} takes no value",
		Zh: "{{.Call}} 不取值",
	},
	ScriptReadValue: {
		En: "read takes no value, or until-eof (read again until it returns 0 or fails), not {{printf \"%q\" .Value}}",
		Zh: "read 不取值，或取 until-eof（一直读到返回 0 或出错），而不是 {{printf \"%q\" .Value}}",
	},
	ScriptAcceptValue: {
		En: "accept takes no value (one connection) or how many to accept, from 1 to {{.Max}}, not {{printf \"%q\" .Value}}",
		Zh: "accept 不取值（接受一个连接）或取要接受的个数，1 到 {{.Max}}，而不是 {{printf \"%q\" .Value}}",
	},
	ScriptWriteValue: {
		En: "write takes a number of bytes (100) or a text (\"hello\"), not {{.Got}}",
		Zh: "write 取字节数（100）或一段文本（\"hello\"），而不是{{.Got}}",
	},
	ScriptCloseValue: {
		En: "close takes no value, or {linger: 0s} to close with SO_LINGER 0",
		Zh: "close 不取值，或取 {linger: 0s} 表示带 SO_LINGER 0 关闭",
	},
	ScriptListenValue: {
		En: "listen takes a port (8080) or {port: 8080, backlog: 1}",
		Zh: "listen 取一个端口（8080）或 {port: 8080, backlog: 1}",
	},
	ScriptKeyOnlyFor: {
		En: "{{.Key}} belongs to {{.Call}} only",
		Zh: "{{.Key}} 只属于 {{.Call}}",
	},
	ScriptFDNotFor: {
		En: "{{.Call}} makes a socket of its own: fd: is for the calls on an open one",
		Zh: "{{.Call}} 会自己创建套接字：fd: 只用于对已打开套接字的调用",
	},
	ScriptAppKey: {
		En: "a script app takes {{.Keys}}: its steps say all it does",
		Zh: "脚本应用只取 {{.Keys}}：它做的一切都写在 steps 里",
	},

	ExpectRetOrErrno: {
		En: "give ret or errno, not both: a call that fails returns -1 and its errno",
		Zh: "ret 和 errno 只能给一个：失败的调用返回 -1 和它的 errno",
	},
	ExpectNameSyscall: {
		En: "{{.Who}}: {{.Call}} #{{.Nth}}{{.Result}}{{.When}}",
		Zh: "{{.Who}}：第 {{.Nth}} 次 {{.Call}}{{.Result}}{{.When}}",
	},
	ExpectNameSegment: {
		En: "{{.From}} sends {{.Flags}} #{{.Nth}}{{.When}}",
		Zh: "{{.From}} 发出第 {{.Nth}} 个 {{.Flags}}{{.When}}",
	},
	DocExpectSyscall: {
		En: "the nth call of one kind by an app (or on a host) returns ret or fails with errno, blocks so long, between two times",
		Zh: "某应用（或某主机上）第 n 次某种调用返回 ret 或以 errno 失败、阻塞这么久，发生在两个时刻之间",
	},
	DocExpectSegment: {
		En: "the nth segment a host or middlebox sends with exactly these flags leaves between two times",
		Zh: "某主机或中间设备发出的第 n 个恰好带这些标志的段，在两个时刻之间发出",
	},
	DocExpectSegments: {
		En: "the number of segments a host or middlebox sends with exactly these flags (up to a time, or the end) is within the bounds",
		Zh: "某主机或中间设备发出的恰好带这些标志的段数（到某一时刻或结束时）在上下限之内",
	},
	ExpectNameSegments: {
		En: "{{.From}} sends {{.Flags}}: {{.Bounds}}",
		Zh: "{{.From}} 发出的 {{.Flags}}：{{.Bounds}}",
	},
	ExpectWhenAt: {
		En: " at {{.At}}",
		Zh: "，于 {{.At}}",
	},
	ExpectWhenBetween: {
		En: " between {{.From}} and {{.To}}",
		Zh: "，在 {{.From}}到 {{.To}}之间",
	},
	ExpectFlags: {
		En: "must be TCP flags joined by | (SYN, ACK, FIN, RST, PSH: like RST or RST|ACK), not {{printf \"%q\" .Value}}",
		Zh: "必须是用 | 连接的 TCP 标志（SYN、ACK、FIN、RST、PSH，例如 RST 或 RST|ACK），而不是 {{printf \"%q\" .Value}}",
	},
	VerdictSyscall: {
		En: "{{.Call}} at {{.At}}",
		Zh: "{{.At}}时 {{.Call}}",
	},
	VerdictSyscallNone: {
		En:    "only {{.Count}} such calls",
		EnOne: "only {{.Count}} such call",
		Zh:    "只有 {{.Count}} 次这样的调用",
	},
	VerdictSegmentAt: {
		En: "sent at {{.At}}",
		Zh: "于 {{.At}}发出",
	},
	VerdictSegmentNone: {
		En:    "only {{.Count}} such segments",
		EnOne: "only {{.Count}} such segment",
		Zh:    "只发出了 {{.Count}} 个这样的报文段",
	},

	ScriptStateWaiting: {
		En: "step {{.Step}} of {{.Steps}} due at {{.At}}",
		Zh: "第 {{.Step}} 步（共 {{.Steps}} 步）在 {{.At}} 执行",
	},
	ScriptStateBlocked: {
		En: "blocked in {{.Call}} for {{.For}}",
		Zh: "阻塞在 {{.Call}} 中已 {{.For}}",
	},
	ScriptStateDone: {
		En: "past its last step",
		Zh: "已执行完最后一步",
	},
	ScriptStateDown: {
		En: "down",
		Zh: "未运行",
	},
	ScriptStateExited: {
		En: "exited",
		Zh: "已退出",
	},
	ScriptRow: {
		En: "{{.Call}}",
		Zh: "{{.Call}}",
	},
	ScriptRowApp: {
		En: "[{{.App}}] {{.Call}}",
		Zh: "[{{.App}}] {{.Call}}",
	},
	ScriptFD: {
		En: "fd {{.FD}}",
		Zh: "描述符 {{.FD}}",
	},
	ScriptSummaryGroup: {
		En: "{{.Waiting}} waiting, {{.Blocked}} blocked, {{.Done}} done, {{.Gone}} gone",
		Zh: "{{.Waiting}} 个等待，{{.Blocked}} 个阻塞，{{.Done}} 个已执行完，{{.Gone}} 个已结束",
	},
	ScriptTimerStep: {
		En: "next step",
		Zh: "下一步",
	},
	ScriptTimerRcvTimeo: {
		En: "read timeout (SO_RCVTIMEO)",
		Zh: "读超时（SO_RCVTIMEO）",
	},
}
