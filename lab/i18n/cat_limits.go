package i18n

// What socklab refuses to read or to run because it is beyond a limit
// (docs/scenarios.md, "Limits"): files that are not files or are too large,
// text that is not a scenario's, values outside their range, runs beyond
// the work budget.
const (
	FileMissing      ID = "file.missing"
	FileUnreadable   ID = "file.unreadable"
	FileNotRegular   ID = "file.not_regular"
	FileTooLarge     ID = "file.too_large"
	FileIsDir        ID = "file.is.dir"
	FileIsPipe       ID = "file.is.pipe"
	FileIsSocket     ID = "file.is.socket"
	FileIsCharDevice ID = "file.is.char_device"
	FileIsDevice     ID = "file.is.device"
	FileIsIrregular  ID = "file.is.irregular"

	TextTooLarge ID = "text.too_large"
	TextUTF16    ID = "text.utf16"
	TextNotUTF8  ID = "text.not_utf8"
	TextControl  ID = "text.control"
	TextTooDeep  ID = "text.too_deep"

	RuleOffOrBetween         ID = "rule.off_or_between"
	ConfigNotForKind         ID = "config.not_for_kind"
	ConfigStaggerPast        ID = "config.stagger_past"
	ConfigPollIntervalUnused ID = "config.poll_interval_unused"
	ConfigUnusedNoPing       ID = "config.unused.no_ping"
	ConfigUnusedNoKeepalive  ID = "config.unused.no_keepalive"
	ConfigUnusedNoReconnect  ID = "config.unused.no_reconnect"
	ConfigUnusedJitter       ID = "config.unused.jitter"
	ConfigUnusedNoTraffic    ID = "config.unused.no_traffic"
	ConfigUnusedNoMinPing    ID = "config.unused.no_min_ping"
	ConfigUnusedNoAnswer     ID = "config.unused.no_answer"
	ConfigUnusedUDP          ID = "config.unused.udp"

	RuleBandwidth       ID = "rule.bandwidth"
	ConfigBadName       ID = "config.bad_name"
	ScenarioTooMany     ID = "scenario.too_many"
	ScenarioTextControl ID = "scenario.text_control"
	ScenarioTitleLong   ID = "scenario.title_long"

	ExpectLeastAboveMost ID = "expect.least_above_most"
	ExpectNotPoller      ID = "expect.not_poller"

	ConfigPortTaken   ID = "config.port_taken"
	ConfigConnectKind ID = "config.connect_kind"

	ScenarioTooLarge  ID = "scenario.too_large"
	WantDurationRange ID = "scenario.want.duration_range"
	WantWholeRange    ID = "scenario.want.whole_range"

	SetNoList ID = "set.no_list"

	BudgetEstimate ID = "budget.estimate"
	CLIFlagBudget  ID = "cli.flag.budget"

	ActionPartitionSelf ID = "action.partition_self"
	ActionNoPartition   ID = "action.no_partition"
	FlagTwice           ID = "flag.twice"
	FlagEmpty           ID = "flag.empty"
	FlagOutputDir       ID = "flag.output_dir"
	FlagSeedRange       ID = "flag.seed_range"
	FlagOutputNoDir     ID = "flag.output_no_dir"
	FlagBudget          ID = "flag.budget"
	RunInterrupted      ID = "run.interrupted"
	RunProgress         ID = "run.progress"
	BudgetExceeded      ID = "budget.exceeded"
	BudgetMemory        ID = "budget.memory"
	BudgetConns         ID = "budget.conns"
	BudgetTimers        ID = "budget.timers"
	BudgetBuffered      ID = "budget.buffered"

	RecordingTooLarge ID = "recording.too_large"
	RecordingKeyTwice ID = "recording.key_twice"
)

var limitMessages = map[ID]entry{
	FileMissing: {
		En: "{{.Path}}: no such file",
		Zh: "{{.Path}}：没有这个文件",
	},
	FileUnreadable: {
		En: "{{.Path}}: cannot read it: {{.Err}}",
		Zh: "{{.Path}}：无法读取：{{.Err}}",
	},
	FileNotRegular: {
		En: "{{.Path}}: not a regular file: it is {{.What}}",
		Zh: "{{.Path}}：不是普通文件，而是{{.What}}",
	},
	FileTooLarge: {
		En: "{{.Path}}: {{.Size}} bytes, more than the limit of {{.Max}} bytes",
		Zh: "{{.Path}}：有 {{.Size}} 字节，超过了 {{.Max}} 字节的上限",
	},
	FileIsDir:        {En: "a directory", Zh: "一个目录"},
	FileIsPipe:       {En: "a named pipe (FIFO)", Zh: "一个命名管道（FIFO）"},
	FileIsSocket:     {En: "a socket", Zh: "一个套接字文件"},
	FileIsCharDevice: {En: "a character device", Zh: "一个字符设备"},
	FileIsDevice:     {En: "a block device", Zh: "一个块设备"},
	FileIsIrregular:  {En: "a special file", Zh: "一个特殊文件"},

	TextTooLarge: {
		En: "{{.Size}} bytes, more than a scenario may hold ({{.Max}} bytes)",
		Zh: "有 {{.Size}} 字节，超过了场景的上限（{{.Max}} 字节）",
	},
	TextUTF16: {
		En: "the text is UTF-16: save it as UTF-8",
		Zh: "文本是 UTF-16 编码：请另存为 UTF-8",
	},
	TextNotUTF8: {
		En: "not UTF-8 text (byte {{.Byte}}): is this a scenario file?",
		Zh: "不是 UTF-8 文本（字节 {{.Byte}}）：这是场景文件吗？",
	},
	TextControl: {
		En: "a control character ({{.Char}}), which YAML does not allow: is this a text file?",
		Zh: "这里有控制字符（{{.Char}}），YAML 不允许：这是文本文件吗？",
	},
	TextTooDeep: {
		En: "nested more than {{.Max}} levels deep (lists and mappings inside each other); a scenario needs 5",
		Zh: "嵌套超过了 {{.Max}} 层（列表和映射层层相套）；场景最多只需要 5 层",
	},

	RecordingTooLarge: {
		En: "{{.Source}}: {{.Size}} bytes, more than a recording may hold ({{.Max}} bytes)",
		Zh: "{{.Source}}：有 {{.Size}} 字节，超过了录制文件的上限（{{.Max}} 字节）",
	},
	RecordingKeyTwice: {
		En: `the key {{.Key}} appears twice in one object (a reader would keep only the last)`,
		Zh: `同一个对象里键 {{.Key}} 出现了两次（读取时只会保留后一个）`,
	},

	RuleOffOrBetween: {
		En: "must be 0s (off) or between {{.Min}} and {{.Max}}, not {{.Value}}",
		Zh: "必须是 0s（关闭），或在 {{.Min}} 到 {{.Max}} 之间，给出的是 {{.Value}}",
	},
	ConfigNotForKind: {
		En: "is a setting of {{.Kinds}} apps; a {{.Kind}} does not use it",
		Zh: "是 {{.Kinds}} 应用的设置；{{.Kind}} 不使用它",
	},
	ConfigStaggerPast: {
		En: "with {{.Count}} clients from {{.Start}}, {{.Stagger}} apart, the last would start after {{.Max}}",
		Zh: "{{.Count}} 个客户端从 {{.Start}} 起每隔 {{.Stagger}} 启动一个，最后一个将晚于 {{.Max}}",
	},
	ConfigPollIntervalUnused: {
		En: "is the period of short polling; {{.Mode}} polling does not use it",
		Zh: "是短轮询的周期；{{.Mode}} 模式不使用它",
	},
	ConfigUnusedNoPing: {
		En: "is set, but this side does not ping (heartbeat.interval is 0s)",
		Zh: "设置了它，但这一端不发心跳（heartbeat.interval 为 0s）",
	},
	ConfigUnusedNoKeepalive: {
		En: "is set, but keepalive is off (set keepalive.enabled: true)",
		Zh: "设置了它，但保活没有开启（请设置 keepalive.enabled: true）",
	},
	ConfigUnusedNoReconnect: {
		En: "is set, but the reconnect policy is none",
		Zh: "设置了它，但重连策略是 none",
	},
	ConfigUnusedJitter: {
		En: "is the gRPC policy's jitter; the {{.Policy}} policy does not use it",
		Zh: "是 gRPC 策略的抖动；{{.Policy}} 策略不使用它",
	},
	ConfigUnusedNoTraffic: {
		En: "is set, but traffic.interval is 0s: no data is sent",
		Zh: "设置了它，但 traffic.interval 为 0s：不发送数据",
	},
	ConfigUnusedNoMinPing: {
		En: "is set, but heartbeat.min_ping_interval is 0s: no ping is refused",
		Zh: "设置了它，但 heartbeat.min_ping_interval 为 0s：不会拒绝任何心跳",
	},
	ConfigUnusedNoAnswer: {
		En: "is set, but heartbeat.no_answer is true: this side's pings wait for no answer",
		Zh: "设置了它，但 heartbeat.no_answer 为 true：这一端的心跳不等待回应",
	},
	ConfigUnusedUDP: {
		En: "is a setting of TCP connections; over UDP (proto: udp) there is no connection to set it on",
		Zh: "是 TCP 连接的设置；UDP（proto: udp）没有连接，无处可设",
	},

	RuleBandwidth: {
		En: "must be 0 (unlimited) or between {{.Min}} and {{.Max}} bits per second, not {{.Value}}",
		Zh: "必须是 0（不限速），或在每秒 {{.Min}} 到 {{.Max}} 比特之间，给出的是 {{.Value}}",
	},
	ConfigBadName: {
		En: "cannot be a name: a name is 1 to {{.Max}} letters, digits, - and _ (it is part of paths like apps.NAME.port and links like a-b)",
		Zh: "不能用作名字：名字由 1 到 {{.Max}} 个字母、数字、- 和 _ 组成（它会出现在 apps.NAME.port 这样的路径和 a-b 这样的链路名里）",
	},
	ScenarioTooMany: {
		En: "{{.Count}} entries, more than the limit of {{.Max}}",
		Zh: "有 {{.Count}} 项，超过了 {{.Max}} 项的上限",
	},
	ScenarioTextControl: {
		En: "character {{.Offset}} is a control character ({{.Char}}), which would garble a terminal: write plain text",
		Zh: "第 {{.Offset}} 个字符是控制字符（{{.Char}}），会扰乱终端显示：请只写普通文本",
	},
	ScenarioTitleLong: {
		En: "{{.Length}} characters long; a title is one line of at most {{.Max}}",
		Zh: "长 {{.Length}} 个字符；标题是一行，最多 {{.Max}} 个字符",
	},

	ExpectLeastAboveMost: {
		En: "at_least ({{.Least}}) is above at_most ({{.Most}}): nothing can meet both",
		Zh: "at_least（{{.Least}}）大于 at_most（{{.Most}}）：没有任何结果能同时满足两者",
	},
	ExpectNotPoller: {
		En: "{{.App}} is a {{.Kind}}, not a poller: only a poller's news has a latency",
		Zh: "{{.App}} 是 {{.Kind}}，不是轮询端（poller）：只有轮询端收到的消息才有延迟",
	},

	ConfigConnectKind: {
		En: "connects to {{.Host}} port {{.Port}}, where {{.Other}} listens: a {{.Kind}} speaks to a {{.Want}}, and {{.Other}} is a {{.OtherKind}}",
		Zh: "连接到 {{.Host}} 的 {{.Port}} 端口，那里监听的是 {{.Other}}：{{.Kind}} 要与 {{.Want}} 对话，而 {{.Other}} 是 {{.OtherKind}}",
	},
	ConfigPortTaken: {
		En: "{{.Other}} listens on {{.Host}} port {{.Port}} ({{.Proto}}) already: a second server there would fail with EADDRINUSE",
		Zh: "{{.Other}} 已经在 {{.Host}} 的 {{.Port}} 端口（{{.Proto}}）上监听：第二个服务端会因 EADDRINUSE 失败",
	},

	ScenarioTooLarge: {
		En: `{{printf "%q" .Value}} is too large: {{.Limit}}`,
		Zh: `{{printf "%q" .Value}} 太大了：{{.Limit}}`,
	},
	WantDurationRange: {
		En: "a duration in a scenario is at most {{.Max}}",
		Zh: "场景里的时长最多为 {{.Max}}",
	},
	WantWholeRange: {
		En: "a whole number in a scenario is at most 9223372036854775807, and each setting has its own smaller range",
		Zh: "场景里的整数最大为 9223372036854775807，而且每个设置都有各自更小的范围",
	},

	SetNoList: {
		En: "the scenario has no {{.List}}: --set changes the entries of a list, it cannot add them",
		Zh: "场景里没有 {{.List}}：--set 只能修改列表中已有的项，不能添加新项",
	},

	ActionPartitionSelf: {
		En: "{{.Name}} is on both sides: a partition cuts one set of hosts from another",
		Zh: "{{.Name}} 同时出现在两边：分区是把一组主机和另一组隔开",
	},
	ActionNoPartition: {
		En: `no partition is called {{printf "%q" .Name}} (partitions: {{.Known}}; nothing heals them all)`,
		Zh: `没有名为 {{printf "%q" .Name}} 的分区（分区：{{.Known}}；不写目标则全部恢复）`,
	},
	CLIFlagBudget: {
		En: "the most events a run may take: 500M, 2G (default 100M)",
		Zh: "一次运行最多可用的事件数：500M、2G（默认 100M）",
	},
	FlagTwice: {
		En: "given twice: give it once",
		Zh: "给了两次：只能给一次",
	},
	FlagEmpty: {
		En: "names nothing: give it a value",
		Zh: "没有给出值：请给它一个值",
	},
	FlagSeedRange: {
		En: `{{printf "%q" .Value}} is beyond the largest seed, {{.Max}}`,
		Zh: `{{printf "%q" .Value}} 超过了最大的种子 {{.Max}}`,
	},
	FlagOutputDir: {
		En: `{{printf "%q" .Path}} is a directory: give the path of a file to write`,
		Zh: `{{printf "%q" .Path}} 是一个目录：请给出要写入的文件的路径`,
	},
	FlagOutputNoDir: {
		En: `{{printf "%q" .Path}} cannot be written: there is no directory {{printf "%q" .Dir}}`,
		Zh: `无法写入 {{printf "%q" .Path}}：目录 {{printf "%q" .Dir}} 不存在`,
	},
	FlagBudget: {
		En: `{{printf "%q" .Value}} is not a number of events from {{.Min}} to {{.Max}} (like 500M or 2G)`,
		Zh: `{{printf "%q" .Value}} 不是 {{.Min}} 到 {{.Max}} 之间的事件数（例如 500M 或 2G）`,
	},
	RunInterrupted: {
		En: "interrupted: the run stopped where Ctrl-C found it, after the expectations judged so far",
		Zh: "已中断：运行停在按下 Ctrl-C 的地方，之前已判定的期望照常输出",
	},
	RunProgress: {
		En: "simulated {{.At}} of {{.Until}} · {{.Rate}} M events/s · Ctrl-C stops",
		Zh: "已模拟 {{.At}}，共 {{.Until}} · 每秒 {{.Rate}} M 个事件 · Ctrl-C 停止",
	},
	BudgetEstimate: {
		En: "a run of {{.Duration}} would take about {{.Events}} events, more than the budget of {{.Budget}}: {{.Drivers}}; fewer clients, longer intervals or --until make it lighter, --budget raises the budget",
		Zh: "运行 {{.Duration}} 大约需要 {{.Events}} 个事件，超过了 {{.Budget}} 个事件的预算：{{.Drivers}}；减少客户端、加长间隔或用 --until 缩短运行可以减轻它，--budget 可以提高预算",
	},
	BudgetExceeded: {
		En: "the run stopped at {{.At}} of simulated time: it has taken {{.Events}} events, more than its budget of {{.Budget}} (--budget raises it)",
		Zh: "运行在模拟时间 {{.At}}停止了：它已经用了 {{.Events}} 个事件，超过了 {{.Budget}} 个事件的预算（可以用 --budget 提高）",
	},
	BudgetMemory: {
		En: "the run stopped at {{.At}} of simulated time: it holds {{.N}} {{.What}}, more than a lab may hold ({{.Max}})",
		Zh: "运行在模拟时间 {{.At}}停止了：它占用了 {{.N}} 个{{.What}}，超过了一个实验所能容纳的上限（{{.Max}}）",
	},
	BudgetConns:    {En: "TCP connections", Zh: "TCP 连接"},
	BudgetTimers:   {En: "queued timers", Zh: "排队的定时器"},
	BudgetBuffered: {En: "bytes in socket buffers", Zh: "套接字缓冲区字节"},
}
