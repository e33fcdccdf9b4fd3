package i18n

// socklab sweep (scenarios/sweep, sweep_cmd.go, ui/pages/sweep): what a
// sweep measures, its units, its errors, its command, its chart.
const (
	SweepPathSpec       ID = "sweep.error.path_spec"
	SweepTooManyValues  ID = "sweep.error.too_many_values"
	SweepEmptyValue     ID = "sweep.error.empty_value"
	SweepValueTwice     ID = "sweep.error.value_twice"
	SweepNoUnit         ID = "sweep.error.no_unit"
	SweepRangeStep      ID = "sweep.error.range_step"
	SweepRangeWords     ID = "sweep.error.range_words"
	SweepRangeMixed     ID = "sweep.error.range_mixed"
	SweepFactor         ID = "sweep.error.factor"
	SweepStepPositive   ID = "sweep.error.step_positive"
	SweepRangeDown      ID = "sweep.error.range_down"
	SweepLogFromZero    ID = "sweep.error.log_from_zero"
	SweepPrecision      ID = "sweep.error.precision"
	SweepNotNumber      ID = "sweep.error.not_number"
	SweepSeeds          ID = "sweep.error.seeds"
	SweepPathTwice      ID = "sweep.error.path_twice"
	SweepWithFirst      ID = "sweep.error.with_first"
	SweepWithLength     ID = "sweep.error.with_length"
	SweepNothingToVary  ID = "sweep.error.nothing_to_vary"
	SweepTooManyRuns    ID = "sweep.error.too_many_runs"
	SweepPoint          ID = "sweep.error.point"
	SweepNoMeasure      ID = "sweep.error.no_measure"
	SweepPlotFormat     ID = "sweep.error.plot_format"
	SweepInterrupted    ID = "sweep.error.interrupted"
	SweepListWithOthers ID = "sweep.error.list_with_others"
	SweepStdoutTwice    ID = "sweep.error.stdout_twice"
	SweepNothingToPlot  ID = "sweep.error.nothing_to_plot"
	SweepPlotTitle      ID = "sweep.plot.title"

	SweepUnitSeconds     ID = "sweep.unit.seconds"
	SweepUnitPerMin      ID = "sweep.unit.per_min"
	SweepUnitBytesPerMin ID = "sweep.unit.bytes_per_min"
	SweepUnitPer100ms    ID = "sweep.unit.per_100ms"
	SweepWithUnit        ID = "sweep.with_unit"

	SweepSinceFault      ID = "sweep.since.fault"
	SweepSinceStart      ID = "sweep.since.start"
	SweepDetectName      ID = "sweep.measure.detect"
	SweepDetectLabel     ID = "sweep.measure.detect.label"
	SweepCauseName       ID = "sweep.measure.cause"
	SweepCauseLabel      ID = "sweep.measure.cause.label"
	SweepFalseName       ID = "sweep.measure.false_alarms"
	SweepFalseLabel      ID = "sweep.measure.false_alarms.label"
	SweepDetectionsName  ID = "sweep.measure.detections"
	SweepDetectionsLabel ID = "sweep.measure.detections.label"
	SweepReconnectsName  ID = "sweep.measure.reconnects"
	SweepReconnectsLabel ID = "sweep.measure.reconnects.label"
	SweepBackName        ID = "sweep.measure.back"
	SweepBackLabel       ID = "sweep.measure.back.label"
	SweepPeakName        ID = "sweep.measure.attempts_peak"
	SweepPeakLabel       ID = "sweep.measure.attempts_peak.label"
	SweepWholeRun        ID = "sweep.window.whole_run"
	SweepBeforeFault     ID = "sweep.window.before_fault"
	SweepAllTraffic      ID = "sweep.class.all"
	SweepClassData       ID = "sweep.class.data"
	SweepClassHeartbeat  ID = "sweep.class.heartbeat"
	SweepClassKeepalive  ID = "sweep.class.keepalive"
	SweepClassACK        ID = "sweep.class.ack"
	SweepClassRetrans    ID = "sweep.class.retransmission"
	SweepClassControl    ID = "sweep.class.control"
	SweepBytesName       ID = "sweep.measure.bytes"
	SweepBytesLabel      ID = "sweep.measure.bytes.label"
	SweepSegmentsName    ID = "sweep.measure.segments"
	SweepSegmentsLabel   ID = "sweep.measure.segments.label"
	SweepPollName        ID = "sweep.measure.poll_latency"
	SweepPollLabel       ID = "sweep.measure.poll_latency.label"
	SweepPollMaxName     ID = "sweep.measure.poll_latency_max"
	SweepPollMaxLabel    ID = "sweep.measure.poll_latency_max.label"
	SweepPassedName      ID = "sweep.measure.passed"
	SweepPassedLabel     ID = "sweep.measure.passed.label"
	SweepFailedName      ID = "sweep.measure.failed"
	SweepFailedLabel     ID = "sweep.measure.failed.label"

	CLISweepShort    ID = "cli.sweep.short"
	CLISweepLong     ID = "cli.sweep.long"
	CLISweepExample  ID = "cli.sweep.example"
	CLISweepProgress ID = "cli.sweep.progress"
	CLIFlagVary      ID = "cli.flag.vary"
	CLIFlagWith      ID = "cli.flag.with"
	CLIFlagSeeds     ID = "cli.flag.seeds"
	CLIFlagCSV       ID = "cli.flag.csv"
	CLIFlagSweepJSON ID = "cli.flag.sweep_json"
	CLIFlagPlot      ID = "cli.flag.plot"
	CLIFlagMeasure   ID = "cli.flag.measure"
	CLIFlagSweepList ID = "cli.flag.sweep_list"

	SweepChartTooSmall ID = "sweep.chart.too_small"
	SweepChartNothing  ID = "sweep.chart.nothing"
	SweepChartWhich    ID = "sweep.chart.which"
	SweepChartPoint    ID = "sweep.chart.point"
	SweepChartLine     ID = "sweep.chart.line"
	SweepChartNotRun   ID = "sweep.chart.not_run"
	SweepChartSeeds    ID = "sweep.chart.seeds"
	SweepChartOneSeed  ID = "sweep.chart.one_seed"
	SweepChartKeys     ID = "sweep.chart.keys"
)

var sweepMessages = map[ID]entry{
	SweepPathSpec: {
		En: "must be PATH=SPEC, SPEC a list (5s,10s,30s), a range with a step (1s..60s/5s) or a log range (1s..1h*2)",
		Zh: "应写成 PATH=SPEC，SPEC 是列表（5s,10s,30s）、带步长的范围（1s..60s/5s）或对数范围（1s..1h*2）",
	},
	SweepTooManyValues: {
		En: "gives {{.Count}} values, more than the limit of {{.Max}}",
		Zh: "会得到 {{.Count}} 个取值，超过了上限 {{.Max}}",
	},
	SweepEmptyValue: {
		En: "value {{.Index}} of the list is empty",
		Zh: "列表的第 {{.Index}} 个值是空的",
	},
	SweepValueTwice: {
		En: "{{.Value}} is in the list twice",
		Zh: "{{.Value}} 在列表里出现了两次",
	},
	SweepNoUnit: {
		En: `{{printf "%q" .Value}} is not a duration (like 5s, 1m30s): the other values have a unit`,
		Zh: `{{printf "%q" .Value}} 不是时长（例如 5s、1m30s）：其他值都带单位`,
	},
	SweepRangeStep: {
		En: "a range needs its step: LO..HI/STEP (1s..60s/5s) or LO..HI*FACTOR (1s..1h*2)",
		Zh: "范围需要写明步长：LO..HI/STEP（1s..60s/5s）或 LO..HI*FACTOR（1s..1h*2）",
	},
	SweepRangeWords: {
		En: `a range runs over numbers or durations, not {{printf "%q" .Value}}: list words instead (fixed,exponential)`,
		Zh: `范围只能用于数字或时长，不能用于 {{printf "%q" .Value}}：请改为列出各个词（fixed,exponential）`,
	},
	SweepRangeMixed: {
		En: "{{.Lo}} and {{.Hi}} must both be durations or both be numbers",
		Zh: "{{.Lo}} 和 {{.Hi}} 必须都是时长，或都是数字",
	},
	SweepFactor: {
		En: `a log range's factor must be a number above 1, not {{printf "%q" .Value}}`,
		Zh: `对数范围的倍数必须是大于 1 的数，而不是 {{printf "%q" .Value}}`,
	},
	SweepStepPositive: {
		En: `the step must be above 0, not {{printf "%q" .Value}}`,
		Zh: `步长必须大于 0，而不是 {{printf "%q" .Value}}`,
	},
	SweepRangeDown: {
		En: "the range goes down: {{.Lo}} is above {{.Hi}}",
		Zh: "范围是倒着的：{{.Lo}} 大于 {{.Hi}}",
	},
	SweepLogFromZero: {
		En: "a log range must start above 0, not at {{.Value}}",
		Zh: "对数范围必须从大于 0 的值开始，而不是 {{.Value}}",
	},
	SweepPrecision: {
		En: "{{.Value}}: more than 9 decimals",
		Zh: "{{.Value}}：小数超过 9 位",
	},
	SweepNotNumber: {
		En: `{{printf "%q" .Value}} is not a number`,
		Zh: `{{printf "%q" .Value}} 不是数字`,
	},
	SweepSeeds: {
		En: "must be a whole number from 1 to {{.Max}}",
		Zh: "必须是 1 到 {{.Max}} 之间的整数",
	},
	SweepPathTwice: {
		En: "{{.Path}} is already varied",
		Zh: "{{.Path}} 已经在变化了",
	},
	SweepWithFirst: {
		En: "--with ties a parameter to the --vary before it, and there is none",
		Zh: "--with 把一个参数绑定到它前面的 --vary 上，但前面没有 --vary",
	},
	SweepWithLength: {
		En:    "gives {{.Count}} values where {{.Path}} has {{.Len}}: tied parameters take their values together",
		EnOne: "gives {{.Count}} value where {{.Path}} has {{.Len}}: tied parameters take their values together",
		Zh:    "给出了 {{.Count}} 个值，而 {{.Path}} 有 {{.Len}} 个：绑定的参数要一一对应地取值",
	},
	SweepNothingToVary: {
		En: "say what to vary: --vary PATH=SPEC (socklab sweep --list shows the built-in sweeps)",
		Zh: "请说明要变化什么：--vary PATH=SPEC（socklab sweep --list 列出内置的扫描）",
	},
	SweepTooManyRuns: {
		En: "{{.Points}} points × {{.Seeds}} seeds is more than {{.Max}} runs",
		Zh: "{{.Points}} 个取值点 × {{.Seeds}} 个种子超过了 {{.Max}} 次运行的上限",
	},
	SweepPoint: {
		En: "the point {{.Sets}}",
		Zh: "取值点 {{.Sets}}",
	},
	SweepNoMeasure: {
		En: `no measure is called {{printf "%q" .ID}} (measures: {{.Known}})`,
		Zh: `没有名为 {{printf "%q" .ID}} 的测量项（测量项：{{.Known}}）`,
	},
	SweepPlotFormat: {
		En: `{{printf "%q" .Value}}: the plot is written as .svg or .png`,
		Zh: `{{printf "%q" .Value}}：图只能写成 .svg 或 .png`,
	},
	SweepInterrupted: {
		En: "interrupted: {{.Done}} of {{.Total}} points were done, and their results are written",
		Zh: "已中断：{{.Total}} 个取值点中已完成 {{.Done}} 个，它们的结果已经写出",
	},
	SweepListWithOthers: {
		En: "--list takes no scenario and no other flag",
		Zh: "--list 不接场景，也不接其他参数",
	},

	SweepStdoutTwice: {
		En: "--json and --csv - would both write to standard output: give --csv a file",
		Zh: "--json 和 --csv - 都会写到标准输出：请给 --csv 一个文件名",
	},
	SweepNothingToPlot: {
		En: "no measure to plot: every one chosen is a word or has no number",
		Zh: "没有可画的测量项：所选的都是文字，或者都没有数值",
	},
	SweepPlotTitle: {En: "socklab sweep {{.Scenario}}", Zh: "socklab sweep {{.Scenario}} 的扫描结果"},

	SweepUnitSeconds:     {En: "s", Zh: "秒"},
	SweepUnitPerMin:      {En: "/min", Zh: "个/分钟"},
	SweepUnitBytesPerMin: {En: "B/min", Zh: "字节/分钟"},
	SweepUnitPer100ms:    {En: "/100 ms", Zh: "次/100 毫秒"},
	SweepWithUnit:        {En: "{{.Label}} ({{.Unit}})", Zh: "{{.Label}}（{{.Unit}}）"},

	SweepSinceFault: {En: "the first fault", Zh: "故障"},
	SweepSinceStart: {En: "the start", Zh: "开始"},
	SweepDetectName: {En: "{{.Host}} detects", Zh: "{{.Host}} 发现"},
	SweepDetectLabel: {
		En: "time from {{.Since}} to detection at {{.Host}}",
		Zh: "从{{.Since}}到 {{.Host}} 发现断线的时间",
	},
	SweepCauseName:  {En: "{{.Host}} by", Zh: "{{.Host}} 依据"},
	SweepCauseLabel: {En: "what {{.Host}} detected the loss by", Zh: "{{.Host}} 发现断线的依据"},
	SweepFalseName:  {En: "false alarms", Zh: "误报"},
	SweepFalseLabel: {
		En: "peers declared dead before the first fault, while alive",
		Zh: "故障之前把仍然活着的对端判为已死的次数",
	},
	SweepDetectionsName:  {En: "detections", Zh: "断线检测"},
	SweepDetectionsLabel: {En: "detections since {{.Since}}", Zh: "自{{.Since}}以来的断线检测次数"},
	SweepReconnectsName:  {En: "reconnects", Zh: "重连"},
	SweepReconnectsLabel: {En: "reconnect attempts since {{.Since}}", Zh: "自{{.Since}}以来的重连尝试次数"},
	SweepBackName:        {En: "{{.App}} all back", Zh: "{{.App}} 全部恢复"},
	SweepBackLabel: {
		En: "time from {{.Since}} until {{.App}} has all its connections back",
		Zh: "从{{.Since}}到 {{.App}} 的连接全部恢复的时间",
	},
	SweepPeakName:  {En: "peak attempts", Zh: "尝试峰值"},
	SweepPeakLabel: {En: "most connection attempts of one app in 100 ms", Zh: "单个应用 100 毫秒内最多的连接尝试次数"},

	SweepWholeRun:       {En: "over the whole run", Zh: "整个运行期间"},
	SweepBeforeFault:    {En: "before the first fault", Zh: "故障之前"},
	SweepAllTraffic:     {En: "all", Zh: "全部"},
	SweepClassData:      {En: "data", Zh: "数据"},
	SweepClassHeartbeat: {En: "heartbeat", Zh: "心跳"},
	SweepClassKeepalive: {En: "keepalive", Zh: "保活"},
	SweepClassACK:       {En: "pure ACK", Zh: "纯 ACK "},
	SweepClassRetrans:   {En: "retransmitted", Zh: "重传"},
	SweepClassControl:   {En: "SYN, FIN, RST", Zh: "SYN、FIN、RST "},
	SweepBytesName:      {En: "{{.Class}} bytes", Zh: "{{.Class}}字节"},
	SweepBytesLabel: {
		En: "{{.Class}} bytes on the wire per minute, {{.Window}}",
		Zh: "{{.Window}}每分钟线路上的{{.Class}}字节数",
	},
	SweepSegmentsName: {En: "{{.Class}} segments", Zh: "{{.Class}}报文段"},
	SweepSegmentsLabel: {
		En: "{{.Class}} segments on the wire per minute, {{.Window}}",
		Zh: "{{.Window}}每分钟线路上的{{.Class}}报文段数",
	},
	SweepPollName:     {En: "news latency", Zh: "消息延迟"},
	SweepPollLabel:    {En: "mean latency of the pollers' news", Zh: "轮询方收到消息的平均延迟"},
	SweepPollMaxName:  {En: "worst news latency", Zh: "最大消息延迟"},
	SweepPollMaxLabel: {En: "longest latency of the pollers' news", Zh: "轮询方收到消息的最长延迟"},
	SweepPassedName:   {En: "passed", Zh: "通过"},
	SweepPassedLabel:  {En: "expectations that held", Zh: "成立的期望数"},
	SweepFailedName:   {En: "failed", Zh: "未通过"},
	SweepFailedLabel:  {En: "expectations that failed", Zh: "未通过的期望数"},

	CLISweepShort: {
		En: "Vary parameters, run each point, plot",
		Zh: "让场景参数逐点变化，运行、测量、画图",
	},
	CLISweepLong: {
		En: `sweep runs the scenario once per point of the parameters it varies (and per seed), headless, on every core, and measures each run from its events: the time each side took to detect the fault and by what, false alarms, reconnects and the time until all are back, the herd's peak, the traffic per minute by class (heartbeats, keepalive probes, data, pure ACKs, retransmissions), a poller's latency, the expectations. With several seeds, the median, least and most.

SPEC is a list (5s,10s,30s; exponential,full-jitter), a range with a step (1s..60s/5s) or a log range (1s..1h*2). Two --vary make a grid; --with ties a parameter to the --vary before it (their values go together). The output is the same byte for byte on one core or many.

It prints a table, and on a terminal first opens a chart: move along the curve, read a point's numbers, enter opens that point's run in the lab. --csv, --json and --plot are for scripts and pages. socklab sweep --list names the built-in sweeps, lessons told by a curve. Ctrl-C keeps the points done (exit 130).

Exit codes: 0 done; 2 bad input; 130 interrupted.`,
		Zh: `sweep 让场景的参数逐点变化（每个取值点、每个种子各运行一次），不开界面，用上所有 CPU 核，并从每次运行的事件里测量：双方各用了多久、凭什么发现故障，误报，重连以及全部恢复所需的时间，惊群的峰值，按类别分的每分钟流量（心跳、保活探测、数据、纯 ACK、重传），轮询的延迟，期望的结果。有多个种子时给出中位数、最小值和最大值。

SPEC 是列表（5s,10s,30s；exponential,full-jitter）、带步长的范围（1s..60s/5s）或对数范围（1s..1h*2）。两个 --vary 组成网格；--with 把一个参数绑定到它前面的 --vary（两者的取值一一对应）。无论用一个核还是多个核，输出都逐字节相同。

它打印一张表；在终端上会先打开图表：沿曲线移动、查看某一点的数值，按 enter 在实验界面里打开这一点的运行。--csv、--json 和 --plot 供脚本和网页使用。socklab sweep --list 列出内置的扫描：用一条曲线讲的课。Ctrl-C 会保留已完成的取值点（退出码 130）。

退出码：0 完成；2 输入有误；130 被中断。`,
	},
	CLISweepExample: {
		En: `
socklab sweep --list
socklab sweep heartbeat-interval
# The heartbeat's interval from 5 s to 60 s, in steps of 5 s:
socklab sweep power-loss-heartbeat \
  --vary apps.client.heartbeat.interval=5s..60s/5s \
  --csv out.csv --plot out.svg
# A grid, three seeds a point:
socklab sweep thundering-herd --seeds 3 \
  --vary apps.clients.count=250..2000*2 \
  --vary apps.clients.reconnect.policy=exponential,full-jitter`,
		Zh: `
socklab sweep --list
socklab sweep heartbeat-interval
# 心跳间隔从 5 秒到 60 秒，步长 5 秒：
socklab sweep power-loss-heartbeat \
  --vary apps.client.heartbeat.interval=5s..60s/5s \
  --csv out.csv --plot out.svg
# 网格，每个取值点三个种子：
socklab sweep thundering-herd --seeds 3 \
  --vary apps.clients.count=250..2000*2 \
  --vary apps.clients.reconnect.policy=exponential,full-jitter`,
	},
	CLISweepProgress: {
		En:    "{{.Done}}/{{.Count}} points, {{.Left}} left",
		EnOne: "{{.Done}}/{{.Count}} point, {{.Left}} left",
		Zh:    "{{.Done}}/{{.Count}} 个取值点，还需 {{.Left}}",
	},
	CLIFlagVary: {
		En: "a parameter and its values: 5s,10s or 1s..60s/5s or 1s..1h*2",
		Zh: "一个参数和它的取值，例如 5s,10s、1s..60s/5s 或 1s..1h*2",
	},
	CLIFlagWith: {
		En: "a parameter tied to the --vary before it, value for value",
		Zh: "与前面的 --vary 逐值对应的参数",
	},
	CLIFlagSeeds:     {En: "runs per point, seed after seed (1 to 100)", Zh: "每个取值点运行的次数，种子依次递增（1 到 100）"},
	CLIFlagCSV:       {En: "write a row per point as CSV (- for standard output)", Zh: "把每个取值点写成 CSV 的一行（- 表示标准输出）"},
	CLIFlagSweepJSON: {En: "print the whole sweep as one JSON document instead of the table", Zh: "以一个 JSON 文档输出整个扫描，代替表格"},
	CLIFlagPlot:      {En: "draw the measures against the first parameter, as .svg or .png", Zh: "把测量项对第一个参数画成图，格式为 .svg 或 .png"},
	CLIFlagMeasure:   {En: "the measures to show, by their CSV names (repeatable)", Zh: "要显示的测量项，用 CSV 表头里的名字（可重复）"},
	CLIFlagSweepList: {En: "list the built-in sweeps", Zh: "列出内置的扫描"},

	SweepChartTooSmall: {
		En: "The chart needs a terminal of at least {{.Width}}×{{.Height}}.",
		Zh: "图表需要至少 {{.Width}}×{{.Height}} 的终端。",
	},
	SweepChartNothing: {En: "No measure to draw: every one is a word or has no number.", Zh: "没有可画的测量项：都是文字，或者都没有数值。"},
	SweepChartWhich:   {En: "measure {{.N}} of {{.Count}}", Zh: "第 {{.N}}/{{.Count}} 项"},
	SweepChartPoint:   {En: "Point {{.N}} of {{.Count}}", Zh: "取值点 {{.N}}/{{.Count}}"},
	SweepChartLine:    {En: "line {{.N}} of {{.Count}}", Zh: "第 {{.N}}/{{.Count}} 条线"},
	SweepChartNotRun:  {En: "not run: the sweep was stopped", Zh: "未运行：扫描被中断了"},
	SweepChartSeeds:   {En: "medians of {{.Count}} seeds [least, most]", Zh: "{{.Count}} 个种子的中位数，方括号里是最小值和最大值"},
	SweepChartOneSeed: {En: "one seed a point", Zh: "每个取值点一个种子"},
	SweepChartKeys: {
		En: "←/→ point  ↑/↓ line  tab measure  enter open in the lab  L 中文  q quit",
		Zh: "←/→ 取值点  ↑/↓ 线  tab 测量项  enter 在实验中打开  L English  q 退出",
	},
}
