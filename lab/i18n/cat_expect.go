package i18n

// Expectations: what is wrong with one in a scenario file, the name a
// scenario gives it when it gives none, its verdict, and the run's
// summary.
const (
	ExpectExactlyOne   ID = "expect.exactly_one"
	ExpectNamesHost    ID = "expect.names_host"
	ExpectNamesApp     ID = "expect.names_app"
	ExpectNamesBox     ID = "expect.names_box"
	ExpectOutside      ID = "expect.outside"
	ExpectNeedsBound   ID = "expect.needs_bound"
	ExpectBoundsNeg    ID = "expect.bounds_negative"
	ExpectBetween      ID = "expect.between"
	ExpectPositiveTime ID = "expect.positive_time"
	ExpectClosed       ID = "expect.closed"
	ExpectTCPState     ID = "expect.tcp_state"
	ExpectCauseOnly    ID = "expect.cause_only_detections"
	ExpectPositiveB    ID = "expect.positive_bytes"

	ExpectGiven         ID = "expect.name.given"
	ExpectAnyone        ID = "expect.name.anyone"
	ExpectNameDetect    ID = "expect.name.detect"
	ExpectNameDetectBy  ID = "expect.name.detect_cause"
	ExpectNameNoDetect  ID = "expect.name.no_detect_before"
	ExpectNameState     ID = "expect.name.state"
	ExpectNameCount     ID = "expect.name.count"
	ExpectNameBytes     ID = "expect.name.heartbeat_bytes"
	ExpectNameLatency   ID = "expect.name.poll_latency"
	ExpectReconnects    ID = "expect.what.reconnects"
	ExpectDetections    ID = "expect.what.detections"
	ExpectConnected     ID = "expect.what.connected"
	ExpectReconnectPeak ID = "expect.what.reconnect_peak"
	ExpectBacklogDrops  ID = "expect.what.backlog_drops"
	ExpectBoxDrops      ID = "expect.what.middlebox_drops"
	ExpectBoxDropsBy    ID = "expect.what.middlebox_drops_rule"
	BoundAtLeast        ID = "expect.bound.at_least"
	BoundAtMost         ID = "expect.bound.at_most"
	BoundBoth           ID = "expect.bound.both"
	BoundCause          ID = "expect.bound.cause"
	BoundAt             ID = "expect.bound.at"

	VerdictNoDetection  ID = "verdict.no_such_detection"
	VerdictDetectedAt   ID = "verdict.detected_at"
	VerdictNoneDetected ID = "verdict.no_detection"
	VerdictListening    ID = "verdict.listening"
	VerdictNotListening ID = "verdict.not_listening"
	VerdictConnIs       ID = "verdict.conn_is"
	VerdictNoConn       ID = "verdict.no_conn"
	VerdictConnsAre     ID = "verdict.conns_are"
	VerdictCount        ID = "verdict.count"
	VerdictPeak         ID = "verdict.peak"
	VerdictConnected    ID = "verdict.connected"
	VerdictRate         ID = "verdict.rate"
	VerdictMeanLatency  ID = "verdict.mean_latency"
	VerdictNoPoller     ID = "verdict.no_poller"
	VerdictNotJudged    ID = "verdict.not_judged"
	VerdictPass         ID = "verdict.pass"
	VerdictFail         ID = "verdict.fail"
	VerdictLine         ID = "verdict.line"

	RunSummary    ID = "run.summary"
	RunEvents     ID = "run.summary.events"
	RunPassed     ID = "run.summary.passed"
	RunSegments   ID = "run.summary.segments"
	RunDetections ID = "run.summary.detections"
	RunReconnects ID = "run.summary.reconnects"
)

var expectMessages = map[ID]entry{
	ExpectExactlyOne: {
		En: "needs exactly one of {{.Known}}",
		Zh: "需要且只能有以下之一：{{.Known}}",
	},
	ExpectNamesHost: {
		En: "names the host this is about",
		Zh: "要写明说的是哪台主机",
	},
	ExpectNamesBox: {
		En: "names the middlebox this is about",
		Zh: "要写明说的是哪个中间设备",
	},
	ExpectNamesApp: {
		En: "names the app this is about",
		Zh: "要写明说的是哪个应用",
	},
	ExpectOutside: {
		En: "{{.At}} is outside the scenario (0 to {{.Duration}})",
		Zh: "{{.At}} 超出了场景的范围（0 到 {{.Duration}}）",
	},
	ExpectNeedsBound: {
		En: "needs at_most or at_least",
		Zh: "需要 at_most 或 at_least",
	},
	ExpectBoundsNeg: {
		En: "bounds must not be negative",
		Zh: "上下限不能为负数",
	},
	ExpectBetween: {
		En: "gives two times, earliest first: between: [1m40s, 1m50s]",
		Zh: "要给出两个时间，早的在前：between: [1m40s, 1m50s]",
	},
	ExpectPositiveTime: {
		En: "must be a positive time",
		Zh: "必须是大于零的时间",
	},
	ExpectClosed: {
		En: "a CLOSED connection is forgotten, so no connection is ever seen in it: expect another state, or count detections",
		Zh: "CLOSED 的连接会被遗忘，所以永远看不到处于这个状态的连接：请期望别的状态，或者统计检测次数",
	},
	ExpectTCPState: {
		En: `must be a TCP state ({{.Known}}), not {{printf "%q" .Value}}`,
		Zh: `必须是 TCP 状态（{{.Known}}），给出的是 {{printf "%q" .Value}}`,
	},
	ExpectCauseOnly: {
		En: "only detections count by cause",
		Zh: "只有 detections 能按原因计数",
	},
	ExpectPositiveB: {
		En: "must be a positive number of bytes",
		Zh: "必须是大于零的字节数",
	},

	ExpectGiven: {
		En: "{{.Name}}",
		Zh: "{{.Name}}",
	},
	ExpectAnyone: {
		En: "anyone",
		Zh: "任何一方",
	},
	ExpectNameDetect: {
		En: "{{.Who}} detects its peer{{.When}}",
		Zh: "{{.Who}} 发现对端断开{{.When}}",
	},
	ExpectNameDetectBy: {
		En: "{{.Who}} detects its peer ({{.Cause}}){{.When}}",
		Zh: "{{.Who}} 发现对端断开（{{.Cause}}）{{.When}}",
	},
	ExpectNameNoDetect: {
		En: "{{.Who}} detects nothing before {{.Before}}",
		Zh: "{{.Who}} 在 {{.Before}}之前没有发现断开",
	},
	ExpectNameState: {
		En: "{{.Host}} has a connection in {{.State}} at {{.At}}",
		Zh: "{{.Host}} 在 {{.At}}时有一条 {{.State}} 的连接",
	},
	ExpectNameCount: {
		En: "{{.Who}}: {{.What}} {{.Bounds}}",
		Zh: "{{.Who}}：{{.What}}{{.Bounds}}",
	},
	ExpectNameBytes: {
		En: "{{.App}}'s heartbeats cost at most {{.Max}} B/min",
		Zh: "{{.App}} 的心跳开销至多 {{.Max}} B/min",
	},
	ExpectNameLatency: {
		En: "{{.App}}'s mean news latency is {{.Bounds}}",
		Zh: "{{.App}} 的平均消息延迟{{.Bounds}}",
	},
	ExpectReconnects:    {En: "reconnects", Zh: "重连次数"},
	ExpectDetections:    {En: "detections", Zh: "检测次数"},
	ExpectConnected:     {En: "connected", Zh: "已连接数"},
	ExpectReconnectPeak: {En: "reconnect peak", Zh: "重连峰值"},
	ExpectBacklogDrops:  {En: "backlog drops", Zh: "backlog 满丢弃数"},
	ExpectBoxDrops:      {En: "drops of packets of no flow", Zh: "无流报文的丢弃数"},
	ExpectBoxDropsBy:    {En: "drops by the rule {{.Rule}}", Zh: "按规则 {{.Rule}} 的丢弃数"},
	BoundAtLeast: {
		En: "at least {{.Min}}",
		Zh: "至少 {{.Min}}",
	},
	BoundAtMost: {
		En: "at most {{.Max}}",
		Zh: "至多 {{.Max}}",
	},
	BoundBoth: {
		En: "at least {{.Min}} and at most {{.Max}}",
		Zh: "至少 {{.Min}}、至多 {{.Max}}",
	},
	BoundCause: {
		En: "{{.Bounds}} ({{.Cause}})",
		Zh: "{{.Bounds}}（{{.Cause}}）",
	},
	BoundAt: {
		En: "{{.Bounds}} at {{.At}}",
		Zh: "{{.Bounds}}（{{.At}}时）",
	},

	VerdictNoDetection: {
		En: "no such detection",
		Zh: "没有这样的检测",
	},
	VerdictDetectedAt: {
		En: "detected at {{.At}} ({{.Cause}})",
		Zh: "在 {{.At}}发现（{{.Cause}}）",
	},
	VerdictNoneDetected: {
		En: "no detection",
		Zh: "没有发现断开",
	},
	VerdictListening: {
		En: "listening on {{.Addr}}",
		Zh: "正在 {{.Addr}} 上监听",
	},
	VerdictNotListening: {
		En: "{{.Host}} does not listen",
		Zh: "{{.Host}} 没有在监听",
	},
	VerdictConnIs: {
		En: "{{.Conn}} is {{.State}}",
		Zh: "{{.Conn}} 处于 {{.State}}",
	},
	VerdictNoConn: {
		En: "{{.Host}} has no connection",
		Zh: "{{.Host}} 没有连接",
	},
	VerdictConnsAre: {
		En: "{{.Host}}'s connections are {{.States}}",
		Zh: "{{.Host}} 的连接处于 {{.States}}",
	},
	VerdictCount: {
		En: "{{.N}}",
		Zh: "{{.N}}",
	},
	VerdictPeak: {
		En: "{{.N}} attempts in the busiest 100 ms",
		Zh: "最忙的 100 毫秒里有 {{.N}} 次尝试",
	},
	VerdictConnected: {
		En: "{{.N}} connected",
		Zh: "已连接 {{.N}} 个",
	},
	VerdictRate: {
		En: "{{.Rate}} B/min",
		Zh: "{{.Rate}} B/min",
	},
	VerdictMeanLatency: {
		En: "mean {{.Mean}} over {{.Events}} events",
		Zh: "{{.Events}} 个事件的平均值为 {{.Mean}}",
	},
	VerdictNoPoller: {
		En: "no poller called {{.App}}",
		Zh: "没有名为 {{.App}} 的轮询端",
	},
	VerdictNotJudged: {
		En: "not judged: the run stopped at {{.Stop}}, before {{.At}}",
		Zh: "未评判：运行在 {{.Stop}}就停止了，早于 {{.At}}",
	},
	VerdictPass: {
		En: "✔ pass",
		Zh: "✔ 通过",
	},
	VerdictFail: {
		En: "✘ FAIL",
		Zh: "✘ 未通过",
	},
	VerdictLine: {
		En: "{{.Mark}} {{.Name}}: {{.Detail}}",
		Zh: "{{.Mark}} {{.Name}}：{{.Detail}}",
	},

	RunSummary: {
		En: "simulated {{.Sim}}, {{.Events}}, {{.Passed}}, {{.Failed}} failed; {{.Segments}}, {{.Detections}}, {{.Reconnects}} (peak {{.Peak}} in 100 ms), {{.Drops}} dropped for a full backlog",
		Zh: "模拟了 {{.Sim}}，{{.Events}}；{{.Passed}}，未通过 {{.Failed}} 项；{{.Segments}}，{{.Detections}}，{{.Reconnects}}（100 毫秒内最多 {{.Peak}} 次），因 backlog 满而丢弃 {{.Drops}} 个",
	},
	RunEvents:     {En: "{{.Count}} events", EnOne: "{{.Count}} event", Zh: "共 {{.Count}} 个事件"},
	RunPassed:     {En: "{{.Count}} expectations passed", EnOne: "{{.Count}} expectation passed", Zh: "期望通过 {{.Count}} 项"},
	RunSegments:   {En: "{{.Count}} segments", EnOne: "{{.Count}} segment", Zh: "报文段 {{.Count}} 个"},
	RunDetections: {En: "{{.Count}} detections", EnOne: "{{.Count}} detection", Zh: "检测到断开 {{.Count}} 次"},
	RunReconnects: {En: "{{.Count}} reconnect attempts", EnOne: "{{.Count}} reconnect attempt", Zh: "重连尝试 {{.Count}} 次"},
}
