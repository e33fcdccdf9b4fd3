package i18n

// The words of exploring a run in the interface: a packet opened in the
// inspector and its story, the wire's filter, stepping back, belief and
// truth in the connections pane, and the cost view. Header names and
// codes (TTL, seq, ack, MSS, SYN, ESTABLISHED) are the same in both
// languages, as Wireshark shows them.
const (
	UIRowNotice ID = "ui.row.notice"

	UIInspectTitle     ID = "ui.inspect.title"
	UIInspectStory     ID = "ui.inspect.story"
	UIInspectSent      ID = "ui.inspect.sent"
	UIInspectDelivered ID = "ui.inspect.delivered"
	UIInspectDropped   ID = "ui.inspect.dropped"
	UIInspectDropRule  ID = "ui.inspect.drop_rule"
	UIInspectInFlight  ID = "ui.inspect.in_flight"
	UIInspectNAT       ID = "ui.inspect.nat"
	UIInspectAcks      ID = "ui.inspect.acks"
	UIInspectAnswers   ID = "ui.inspect.answers"
	UIInspectOffWire   ID = "ui.inspect.off_wire"
	UIInspectIPv4      ID = "ui.inspect.ipv4"
	UIInspectTCP       ID = "ui.inspect.tcp"
	UIInspectUDP       ID = "ui.inspect.udp"
	UIInspectSeq       ID = "ui.inspect.seq"
	UIInspectFlags     ID = "ui.inspect.flags"
	UIInspectOptions   ID = "ui.inspect.options"
	UIInspectNoOptions ID = "ui.inspect.no_options"
	UIInspectPayload   ID = "ui.inspect.payload"
	UIInspectNoPayload ID = "ui.inspect.no_payload"
	UIInspectMore      ID = "ui.inspect.more_bytes"
	UIInspectKeys      ID = "ui.inspect.keys"
	UIInspectNotPacket ID = "ui.inspect.not_packet"
	UIInspectFrom      ID = "ui.inspect.from"
	UIInspectNone      ID = "ui.inspect.none"

	UIFilterShown   ID = "ui.filter.shown"
	UIFilterNone    ID = "ui.filter.none"
	UIFilterPrompt  ID = "ui.filter.prompt"
	UIFilterHint    ID = "ui.filter.hint"
	UIFilterSet     ID = "ui.filter.set"
	UIFilterClear   ID = "ui.filter.cleared"
	UIKeyFilter     ID = "ui.key.filter"
	UIKeyInspect    ID = "ui.key.inspect"
	UIKeyAckJump    ID = "ui.key.ack_jump"
	UIKeyAnswerJump ID = "ui.key.answer_jump"
	UIKeyStepBack   ID = "ui.key.step_back"
	UIKeyBackChange ID = "ui.key.back_change"
	UIKeyCost       ID = "ui.key.cost"

	UITruthPoweredOff ID = "ui.truth.powered_off"
	UITruthPeerGone   ID = "ui.truth.peer_gone"
	UITruthCrashed    ID = "ui.truth.crashed"
	UITruthFrozen     ID = "ui.truth.frozen"
	UITruthForgotten  ID = "ui.truth.flow_forgotten"
	UITruthLinkDown   ID = "ui.truth.link_down"
	UITruthPartition  ID = "ui.truth.partitioned"
	UITruthClosed     ID = "ui.truth.peer_closed"
	UITruthAlive      ID = "ui.truth.alive"
	UITruthHalfOpen   ID = "ui.truth.half_open"
	UITruthIs         ID = "ui.truth.is"
	UITruthDetected   ID = "ui.truth.detected"
	UIConnsListen     ID = "ui.conns.listening"
	// UIConnsListenCounts is UIConnsListen where it does not fit: its
	// counts, in the hosts pane's words; UIConnsListenShort where those do
	// not fit either: the accept queue and the drops (UIQueue while
	// nothing is dropped).
	UIConnsListenCounts ID = "ui.conns.listening_counts"
	UIConnsListenShort  ID = "ui.conns.listening_short"

	UIBackAtStart       ID = "ui.back.at_start"
	UIBackNoChange      ID = "ui.back.no_change"
	UIBackTo            ID = "ui.back.to"
	UINewFuture         ID = "ui.back.branched"
	UITimelineLive      ID = "ui.timeline.live"
	UITimelineFollowing ID = "ui.timeline.following"

	UICostTitle     ID = "ui.cost.title"
	UICostKeepalive ID = "ui.cost.keepalive"
	UICostColApp    ID = "ui.cost.col.app"
	UICostColKeep   ID = "ui.cost.col.keep"
	UICostColRate   ID = "ui.cost.col.rate"
	UICostColDetect ID = "ui.cost.col.detect"
	UICostDetected  ID = "ui.cost.detected"
	UICostClasses   ID = "ui.cost.classes"
	UICostPollers   ID = "ui.cost.pollers"
	UICostColReq    ID = "ui.cost.col.requests"
	UICostColSent   ID = "ui.cost.col.sent"
	UICostColRecv   ID = "ui.cost.col.received"
	UICostColNews   ID = "ui.cost.col.news"
	UICostColMean   ID = "ui.cost.col.mean"
	UICostColMax    ID = "ui.cost.col.max"
	UICostAttempts  ID = "ui.cost.attempts"
	UICostColumns   ID = "ui.cost.columns"
	UICostNothing   ID = "ui.cost.nothing"
	UICostConns     ID = "ui.cost.conns"
	UICostColEnd    ID = "ui.cost.col.end"
	UICostMoreConns ID = "ui.cost.more_conns"
	UICostKeys      ID = "ui.cost.keys"
	UICostClassData ID = "ui.cost.class.data"
	UICostClassBeat ID = "ui.cost.class.heartbeat"
	UICostClassKeep ID = "ui.cost.class.keepalive"
	UICostClassACK  ID = "ui.cost.class.ack"
	UICostClassRetr ID = "ui.cost.class.retransmission"
	UICostClassCtl  ID = "ui.cost.class.control"

	UITriggerWrite          ID = "ui.trigger.write"
	UITriggerConnect        ID = "ui.trigger.connect"
	UITriggerAnswerSYN      ID = "ui.trigger.answer_syn"
	UITriggerSYNAgain       ID = "ui.trigger.syn_again"
	UITriggerHandshake      ID = "ui.trigger.handshake"
	UITriggerClose          ID = "ui.trigger.close"
	UITriggerSYNRetransmit  ID = "ui.trigger.syn_retransmission"
	UITriggerRTO            ID = "ui.trigger.rto"
	UITriggerTLP            ID = "ui.trigger.tail_loss_probe"
	UITriggerTLPNew         ID = "ui.trigger.tail_loss_probe_new"
	UITriggerFast           ID = "ui.trigger.fast_retransmission"
	UITriggerPartialACK     ID = "ui.trigger.partial_ack"
	UITriggerZeroWindow     ID = "ui.trigger.zero_window_probe"
	UITriggerKeepalive      ID = "ui.trigger.keepalive"
	UITriggerAckNow         ID = "ui.trigger.ack_now"
	UITriggerDelayedACK     ID = "ui.trigger.delayed_ack"
	UITriggerDupACK         ID = "ui.trigger.dup_ack"
	UITriggerUnacceptable   ID = "ui.trigger.unacceptable"
	UITriggerChallengeACK   ID = "ui.trigger.challenge_ack"
	UITriggerWindowUpdate   ID = "ui.trigger.window_update"
	UITriggerResetUnread    ID = "ui.trigger.reset_unread"
	UITriggerResetLinger    ID = "ui.trigger.reset_linger"
	UITriggerResetKeepalive ID = "ui.trigger.reset_keepalive"
	UITriggerResetListener  ID = "ui.trigger.reset_listener_closed"
	UITriggerResetNoSocket  ID = "ui.trigger.reset_no_socket"
	UITriggerResetBadACK    ID = "ui.trigger.reset_bad_ack"
	UITriggerResetAfter     ID = "ui.trigger.reset_data_after_close"
	UITriggerBoxReset       ID = "ui.trigger.middlebox_reset"
	UITriggerBoxExpiry      ID = "ui.trigger.middlebox_expiry"
	UITriggerUnknown        ID = "ui.trigger.unknown"
)

var exploreMessages = map[ID]entry{
	UIRowNotice: {
		En: "tells its user “{{.Text}}”",
		Zh: "提示用户“{{.Text}}”",
	},
	UIInspectTitle: {
		En: "packet #{{.ID}}",
		Zh: "报文 #{{.ID}}",
	},
	UIInspectStory: {
		En: "its story",
		Zh: "它的经历",
	},
	UIInspectSent: {
		En: "sent {{.At}} by {{.Who}}: {{.Why}}",
		Zh: "{{.At}} 由 {{.Who}} 发出：{{.Why}}",
	},
	UIInspectDelivered: {
		En: "delivered to {{.Where}} at {{.At}}, {{.After}} later",
		Zh: "{{.At}} 送达 {{.Where}}，历时 {{.After}}",
	},
	UIInspectDropped: { // Why: the wire's few words (why.*), not the event stream's code
		En: "dropped: {{.Why}}, at {{.Where}}, {{.At}}",
		Zh: "被丢弃：{{.Why}}，在 {{.Where}}，{{.At}}",
	},
	UIInspectDropRule: { // a middlebox's drop: the rule's sentence (doc.drop_rule.*)
		En: "by its rule: {{.Rule}}",
		Zh: "依据的规则：{{.Rule}}",
	},
	UIInspectInFlight: {
		En: "still on its way to {{.Where}}",
		Zh: "仍在前往 {{.Where}} 的路上",
	},
	UIInspectNAT: {
		En: "NAT {{.Box}} rewrote it on the way: sent as {{.From}} > {{.To}}, arrived as {{.NewFrom}} > {{.NewTo}} with TTL {{.TTL}}",
		Zh: "NAT {{.Box}} 在途中改写了它：发出时为 {{.From}} > {{.To}}，到达时为 {{.NewFrom}} > {{.NewTo}}，TTL {{.TTL}}",
	},
	UIInspectAcks: {
		En: "acknowledges #{{.ID}}: {{.What}}",
		Zh: "确认 #{{.ID}}：{{.What}}",
	},
	UIInspectAnswers: {
		En: "answers #{{.ID}}: {{.What}}",
		Zh: "应答 #{{.ID}}：{{.What}}",
	},
	UIInspectOffWire: {
		En: "no longer on the wire",
		Zh: "已不在线路记录中",
	},
	UIInspectNone: {
		En: "this packet names no packet to go to",
		Zh: "这个报文没有可以跳转的报文",
	},
	UIInspectFrom: {
		En: "{{.What}} from {{.Who}}",
		Zh: "{{.Who}} 发出的 {{.What}}",
	},
	UIInspectIPv4: {
		En: "TTL {{.TTL}} · length {{.Len}} · ID {{.IPID}} · DF · checksum {{.Sum}}",
		Zh: "TTL {{.TTL}} · 总长度 {{.Len}} · ID {{.IPID}} · DF · 校验和 {{.Sum}}",
	},
	UIInspectTCP: {
		En: "header {{.Hdr}} B · window {{.Win}} · checksum {{.Sum}}",
		Zh: "首部 {{.Hdr}} 字节 · 窗口 {{.Win}} · 校验和 {{.Sum}}",
	},
	UIInspectUDP: {
		En: "length {{.Len}} · checksum {{.Sum}}",
		Zh: "长度 {{.Len}} · 校验和 {{.Sum}}",
	},
	UIInspectSeq: {
		En: "seq {{.Seq}} (absolute {{.AbsSeq}}) · ack {{.Ack}} (absolute {{.AbsAck}})",
		Zh: "seq {{.Seq}}（绝对值 {{.AbsSeq}}）· ack {{.Ack}}（绝对值 {{.AbsAck}}）",
	},
	UIInspectFlags: {
		En: "flags {{.Hex}} {{.Names}}: {{.Bits}}",
		Zh: "标志 {{.Hex}} {{.Names}}：{{.Bits}}",
	},
	UIInspectOptions: {
		En: "options: {{.Options}}",
		Zh: "选项：{{.Options}}",
	},
	UIInspectNoOptions: {
		En: "options: none",
		Zh: "选项：无",
	},
	UIInspectPayload: {
		En: "payload {{.Len}} B: {{.What}}",
		Zh: "载荷 {{.Len}} 字节：{{.What}}",
	},
	UIInspectNoPayload: {
		En: "no payload",
		Zh: "无载荷",
	},
	UIInspectMore: {
		En: "… {{.Count}} more bytes",
		Zh: "……还有 {{.Count}} 字节",
	},
	UIInspectKeys: {
		En: "↑/↓ another packet · a the segment it acknowledges · o the one it answers · esc closes",
		Zh: "↑/↓ 换一个报文 · a 它确认的报文段 · o 它应答的报文 · esc 关闭",
	},
	UIInspectNotPacket: {
		En: "this row is not a packet: choose one with ↑/↓",
		Zh: "这一行不是报文：用 ↑/↓ 选一个",
	},

	UIFilterShown: {
		EnOne: "filter: {{.Filter}} · {{.Count}} row",
		En:    "filter: {{.Filter}} · {{.Count}} rows",
		Zh:    "过滤：{{.Filter}} · {{.Count}} 行",
	},
	UIFilterNone: {
		En: "no row of the run matches the filter (esc clears it)",
		Zh: "这次运行中没有符合过滤条件的行（esc 清除）",
	},
	UIFilterPrompt: {
		En: "filter > ",
		Zh: "过滤 > ",
	},
	UIFilterHint: {
		En: "host, app (client#7), port, address, SYN FIN RST, keepalive retransmission heartbeat dropped · enter filters · esc cancels",
		Zh: "主机、应用（client#7）、端口、地址、SYN FIN RST、keepalive retransmission heartbeat dropped · enter 过滤 · esc 取消",
	},
	UIFilterSet: {
		En: "the wire shows the whole run's rows that match {{.Filter}} · esc clears",
		Zh: "线路只显示整次运行中符合 {{.Filter}} 的行 · esc 清除",
	},
	UIFilterClear: {
		En: "filter cleared",
		Zh: "已清除过滤",
	},
	UIKeyFilter: {
		En: "filter the wire",
		Zh: "过滤线路",
	},
	UIKeyInspect: {
		En: "open the packet",
		Zh: "打开报文",
	},
	UIKeyAckJump:    {En: "the segment it acknowledges", Zh: "它确认的报文段"},
	UIKeyAnswerJump: {En: "the packet it answers", Zh: "它应答的报文"},
	UIKeyStepBack:   {En: "back", Zh: "后退"},
	UIKeyBackChange: {En: "back to the previous change", Zh: "退回上一个变化"},
	UIKeyCost:       {En: "cost", Zh: "开销"},

	UITruthPoweredOff: {En: "{{.Peer}} powered off at {{.At}}", Zh: "{{.Peer}} 已于 {{.At}} 断电"},
	UITruthPeerGone:   {En: "{{.Peer}} has no socket for it any more (it rebooted, or forgot it)", Zh: "{{.Peer}} 上已没有它的套接字（重启过，或已把它忘掉）"},
	UITruthCrashed:    {En: "{{.Peer}}'s process crashed at {{.At}}: its OS closed the socket", Zh: "{{.Peer}} 的进程于 {{.At}} 崩溃：操作系统关闭了套接字"},
	UITruthFrozen:     {En: "{{.Peer}}'s application froze at {{.At}}: its kernel still answers", Zh: "{{.Peer}} 的应用程序于 {{.At}} 卡死：内核仍在应答"},
	UITruthForgotten:  {En: "{{.Peer}} forgot the flow at {{.At}}", Zh: "{{.Peer}} 于 {{.At}} 忘掉了这条流"},
	UITruthLinkDown:   {En: "the cable {{.Peer}} was pulled at {{.At}}", Zh: "网线 {{.Peer}} 于 {{.At}} 被拔掉"},
	UITruthPartition:  {En: "partitioned from {{.Peer}}", Zh: "与 {{.Peer}} 之间的网络被隔断"},
	UITruthClosed:     {En: "{{.Peer}}'s application closed its end ({{.State}})", Zh: "{{.Peer}} 的应用程序关闭了它那一端（{{.State}}）"},
	UITruthAlive:      {En: "the peer is there ({{.State}})", Zh: "对端还在（{{.State}}）"},
	UITruthHalfOpen:   {En: "⚠ half-open: {{.Truth}}", Zh: "⚠ 半开连接：{{.Truth}}"},
	UITruthIs:         {En: "truth: {{.Truth}}", Zh: "实情：{{.Truth}}"},
	UITruthDetected:   {En: "! detected at {{.At}}: {{.Rule}}", Zh: "! 于 {{.At}} 发现断开：{{.Rule}}"},
	UIConnsListen: {
		En: "listening · {{.Queued}} of {{.Room}} waiting for accept() · {{.HalfOpen}} mid-handshake · {{.Drops}} SYNs dropped",
		Zh: "监听中 · {{.Queued}}/{{.Room}} 个等待 accept() · {{.HalfOpen}} 个握手中 · 丢弃 SYN {{.Drops}} 个",
	},
	UIConnsListenCounts: {
		En: "queue {{.Queued}}/{{.Room}} · {{.HalfOpen}} mid-handshake · {{.Drops}} SYN drops",
		Zh: "队列 {{.Queued}}/{{.Room}} · {{.HalfOpen}} 个握手中 · 丢弃 {{.Drops}} 个 SYN",
	},
	UIConnsListenShort: {
		En: "queue {{.Queued}}/{{.Room}} · {{.Drops}} SYN drops",
		Zh: "队列 {{.Queued}}/{{.Room}} · 丢弃 {{.Drops}} 个 SYN",
	},

	UIBackAtStart:  {En: "this is the start: nothing came before", Zh: "这里就是开头：之前什么也没有"},
	UIBackNoChange: {En: "no change came before this", Zh: "在此之前没有任何变化"},
	UIBackTo:       {En: "back to {{.At}}: {{.What}}", Zh: "退回到 {{.At}}：{{.What}}"},
	UINewFuture: {
		EnOne: "a new future from {{.At}}: {{.Count}} later input dropped",
		En:    "a new future from {{.At}}: {{.Count}} later inputs dropped",
		Zh:    "从 {{.At}} 开始新的走向：丢弃了之后的 {{.Count}} 个输入",
	},
	UITimelineLive:      {En: "live", Zh: "实时"},
	UITimelineFollowing: {En: "following", Zh: "跟随中"}, // a classroom follower's row: the teacher's run

	UICostTitle:     {En: "cost until {{.At}}", Zh: "截至 {{.At}} 的开销"},
	UICostKeepalive: {En: "keeping connections alive, and finding them dead", Zh: "维持连接的开销，与发现断线的耗时"},
	UICostColApp:    {En: "app", Zh: "应用"},
	UICostColKeep:   {En: "heartbeats and probes", Zh: "心跳与探测"},
	UICostColRate:   {En: "per conn-minute", Zh: "每连接每分钟"},
	UICostColDetect: {En: "dead peer found after", Zh: "发现断线耗时"},
	UICostDetected: {
		EnOne: "{{.Mean}} ({{.Count}} time, longest {{.Max}})",
		En:    "{{.Mean}} on average ({{.Count}} times, longest {{.Max}})",
		Zh:    "平均 {{.Mean}}（{{.Count}} 次，最长 {{.Max}}）",
	},
	UICostClasses: {En: "bytes on the wire by kind, sent + received", Zh: "线路上的字节数，按类别，发送 + 接收"},
	UICostPollers: {En: "polling against push: what the news cost, and how late it came", Zh: "轮询与推送：新闻的开销，以及它迟到了多久"},
	UICostColReq:  {En: "requests", Zh: "请求"},
	UICostColSent: {En: "sent", Zh: "发送"},
	UICostConns: {
		En: "each open connection end: segments · bytes sent and received; segments by kind, sent ↑ received ↓",
		Zh: "每个打开的连接端：发送和接收的报文段 · 字节；按类别的报文段，发送 ↑ 接收 ↓",
	},
	UICostColEnd:    {En: "end", Zh: "连接端"},
	UICostMoreConns: {EnOne: "… and {{.Count}} more end", En: "… and {{.Count}} more ends", Zh: "……还有 {{.Count}} 个连接端"},
	UICostColRecv:   {En: "received", Zh: "接收"},
	UICostColNews:   {En: "news", Zh: "新闻"},
	UICostColMean:   {En: "mean latency", Zh: "平均延迟"},
	UICostColMax:    {En: "max latency", Zh: "最大延迟"},
	UICostAttempts: {
		En: "{{.App}}: connect() per 100 ms · peak {{.Peak}} at {{.At}} · {{.Total}} in all",
		Zh: "{{.App}}：每 100 毫秒的 connect() · 峰值 {{.Peak}} 次，在 {{.At}} · 共 {{.Total}} 次",
	},
	UICostColumns: {
		En: "{{.From}} to {{.To}} · a column is {{.Step}} (its busiest 100 ms)",
		Zh: "{{.From}} 至 {{.To}} · 每列 {{.Step}}（取其中最忙的 100 毫秒）",
	},
	UICostNothing:   {En: "nothing has crossed the wire yet", Zh: "线路上还什么都没有"},
	UICostKeys:      {En: "c or esc closes · the lab goes on behind", Zh: "c 或 esc 关闭 · 实验在后面继续运行"},
	UICostClassData: {En: "data", Zh: "数据"},
	UICostClassBeat: {En: "heartbeat", Zh: "心跳"},
	UICostClassKeep: {En: "keepalive", Zh: "保活"},
	UICostClassACK:  {En: "pure ACK", Zh: "纯 ACK"},
	UICostClassRetr: {En: "retransmit", Zh: "重传"},
	UICostClassCtl:  {En: "control", Zh: "控制"},

	UITriggerWrite:          {En: "the application's write()", Zh: "应用程序的 write()"},
	UITriggerConnect:        {En: "connect(): the SYN that opens the handshake", Zh: "connect()：开始三次握手的 SYN"},
	UITriggerAnswerSYN:      {En: "the answer to a SYN: the handshake's second step", Zh: "对 SYN 的应答：三次握手的第二步"},
	UITriggerSYNAgain:       {En: "the SYN-ACK again: the client's SYN came again", Zh: "再发 SYN-ACK：客户端的 SYN 又来了"},
	UITriggerHandshake:      {En: "the ACK that completes the handshake", Zh: "完成三次握手的 ACK"},
	UITriggerClose:          {En: "close(): the FIN", Zh: "close()：FIN"},
	UITriggerSYNRetransmit:  {En: "SYN retransmission #{{.N}}: the SYN timer expired without an answer", Zh: "SYN 第 {{.N}} 次重传：SYN 定时器到期，仍无应答"},
	UITriggerRTO:            {En: "RTO retransmission #{{.N}}: the retransmission timer expired", Zh: "RTO 第 {{.N}} 次重传：重传定时器到期"},
	UITriggerTLP:            {En: "tail loss probe: the last segment again, before the RTO", Zh: "尾部丢失探测：在 RTO 之前把最后一个报文段再发一次"},
	UITriggerTLPNew:         {En: "tail loss probe carrying new data", Zh: "携带新数据的尾部丢失探测"},
	UITriggerFast:           {En: "fast retransmission: three duplicate ACKs", Zh: "快速重传：收到三个重复 ACK"},
	UITriggerPartialACK:     {En: "retransmission after a partial ACK (NewReno recovery)", Zh: "部分确认后的重传（NewReno 恢复）"},
	UITriggerZeroWindow:     {En: "zero-window probe #{{.N}}: the persist timer", Zh: "第 {{.N}} 个零窗口探测：坚持定时器"},
	UITriggerKeepalive:      {En: "keepalive probe {{.N}} of {{.Of}}: the keepalive timer", Zh: "保活探测，第 {{.N}} 个，共 {{.Of}} 个：保活定时器"},
	UITriggerAckNow:         {En: "an ACK sent at once (quick-ACK mode)", Zh: "立即发送的 ACK（快速确认模式）"},
	UITriggerDelayedACK:     {En: "a delayed ACK: it waited in vain for data to ride on", Zh: "延迟 ACK：它等着搭载数据，没等到"},
	UITriggerDupACK:         {En: "a duplicate ACK: a segment arrived out of order", Zh: "重复 ACK：有报文段乱序到达"},
	UITriggerUnacceptable:   {En: "an ACK answering a segment outside the window", Zh: "对窗口外报文段的 ACK 应答"},
	UITriggerChallengeACK:   {En: "a challenge ACK (RFC 5961)", Zh: "挑战 ACK（RFC 5961）"},
	UITriggerWindowUpdate:   {En: "a window update: the application read", Zh: "窗口更新：应用程序读走了数据"},
	UITriggerResetUnread:    {En: "close() with unread data: RST instead of FIN", Zh: "带着未读数据 close()：用 RST 代替 FIN"},
	UITriggerResetLinger:    {En: "close() with SO_LINGER 0: RST", Zh: "SO_LINGER 为 0 时 close()：RST"},
	UITriggerResetKeepalive: {En: "keepalive gave up: RST", Zh: "保活放弃：RST"},
	UITriggerResetListener:  {En: "the listening socket closed: RST", Zh: "监听套接字关闭：RST"},
	UITriggerResetNoSocket:  {En: "RST: no socket takes the segment it answers", Zh: "RST：它应答的报文段没有套接字接收"},
	UITriggerResetBadACK:    {En: "RST: that segment acknowledged what was never sent", Zh: "RST：那个报文段确认了从未发送的数据"},
	UITriggerResetAfter:     {En: "RST: data for a socket its application closed", Zh: "RST：数据发往了应用程序已关闭的套接字"},
	UITriggerBoxReset:       {En: "RST from a middlebox that knows no flow for the segment", Zh: "中间设备找不到该报文段的流，回以 RST"},
	UITriggerBoxExpiry:      {En: "RST from a middlebox that forgot the idle flow", Zh: "中间设备忘记了空闲的流，发出 RST"},
	UITriggerUnknown:        {En: "sent by the stack", Zh: "由协议栈发出"},
}
