package i18n

// The command line (package main): each command's summary, description,
// examples and flags, its errors, and the manual's own sections. Commands,
// flags, paths and values stay as they are typed.
const (
	CLIRootShort   ID = "cli.root.short"
	CLIRootLong    ID = "cli.root.long"
	CLIRootExample ID = "cli.root.example"
	CLILangFlag    ID = "cli.flag.lang"
	CLIHelpFlag    ID = "cli.flag.help"
	CLIVersionFlag ID = "cli.flag.version"

	CLIRunShort      ID = "cli.run.short"
	CLIRunLong       ID = "cli.run.long"
	CLIRunExample    ID = "cli.run.example"
	CLIFlagJSON      ID = "cli.flag.json"
	CLIFlagQuiet     ID = "cli.flag.quiet"
	CLIFlagListAll   ID = "cli.flag.list_all"
	CLIFlagNoSegs    ID = "cli.flag.no_segments"
	CLIFlagRecord    ID = "cli.flag.record"
	CLIFlagSeed      ID = "cli.flag.seed"
	CLIFlagUntil     ID = "cli.flag.until"
	CLIFlagSet       ID = "cli.flag.set"
	CLIPlayShort     ID = "cli.play.short"
	CLIPlayLong      ID = "cli.play.long"
	CLIListShort     ID = "cli.list.short"
	CLIListLong      ID = "cli.list.long"
	CLIReplayShort   ID = "cli.replay.short"
	CLIReplayLong    ID = "cli.replay.long"
	CLIExportShort   ID = "cli.export.short"
	CLIExportLong    ID = "cli.export.long"
	CLIFlagPcap      ID = "cli.flag.pcap"
	CLIFlagJSONL     ID = "cli.flag.jsonl"
	CLIFlagAt        ID = "cli.flag.at"
	CLIManShort      ID = "cli.man.short"
	CLIManLong       ID = "cli.man.long"
	CLIManExample    ID = "cli.man.example"
	CLIHelpShort     ID = "cli.help.short"
	CLICompShort     ID = "cli.completion.short"
	CLICompLong      ID = "cli.completion.long"
	CLICompExample   ID = "cli.completion.example"
	CLICompShellFor  ID = "cli.completion.shell"
	CLIManOptions    ID = "cli.man.options"
	CLIManEnvLang    ID = "cli.man.env_lang"
	CLIManEnvNoColor ID = "cli.man.env_no_color"
	CLIManEnvGOGC    ID = "cli.man.env_gogc"
	CLIManSeeAlso    ID = "cli.man.see_also"
	CLIManName       ID = "cli.man.section.name"
	CLIManSynopsis   ID = "cli.man.section.synopsis"
	CLIManDesc       ID = "cli.man.section.description"
	CLIManCommands   ID = "cli.man.section.commands"
	CLIManOptionsSec ID = "cli.man.section.options"
	CLIManEnv        ID = "cli.man.section.environment"
	CLIManExamples   ID = "cli.man.section.examples"
	CLIManSeeAlsoSec ID = "cli.man.section.see_also"
	CLIManTitle      ID = "cli.man.title"
	CLIManSentence   ID = "cli.man.sentence"

	CLINoTerminal       ID = "cli.error.no_terminal"
	CLIPlayTerminal     ID = "cli.error.play_terminal"
	CLIReplayTerminal   ID = "cli.error.replay_terminal"
	CLIReplayUsage      ID = "cli.error.replay_usage"
	CLIUnknownCommand   ID = "cli.error.unknown_command"
	CLIHintCommands     ID = "cli.error.hint_commands"
	CLIHintDidYouMean   ID = "cli.error.did_you_mean"
	CLIUndefinedFlag    ID = "cli.error.undefined_flag"
	CLIFlagNeedsValue   ID = "cli.error.flag_needs_value"
	CLINotDuration      ID = "cli.error.not_duration"
	CLIMustBePositive   ID = "cli.error.must_be_positive"
	CLIOverLimit        ID = "cli.error.over_limit"
	CLIMustBePathValue  ID = "cli.error.path_value"
	CLINameScenario     ID = "cli.error.name_scenario"
	CLIOneScenario      ID = "cli.error.one_scenario"
	CLIRunOnlyFlags     ID = "cli.error.run_only_flags"
	CLIWritingTimeline  ID = "cli.error.writing_timeline"
	CLIExportWhere      ID = "cli.error.export_where"
	CLIRecordingFixed   ID = "cli.error.recording_fixed"
	CLITakesNoArguments ID = "cli.error.no_arguments"
	CLIExportedPackets  ID = "cli.export.packets"
	CLIExportedEvents   ID = "cli.export.events"
)

var cliMessages = map[ID]entry{
	CLIRootShort: {
		En: "A terminal lab that makes socket connections visible",
		Zh: "让套接字连接看得见的终端实验室",
	},
	CLIRootLong: {
		En: `socklab simulates clients, servers, links, firewalls and NATs in one process, deterministically, and shows every segment on the wire, every TCP state, every timer counting down, the moment a dead peer is detected and each reconnect.

Without a command it opens the picker of the built-in lessons, then the lab. SCENARIO is a built-in lesson's name (socklab list) or a scenario file (docs/scenarios.md).

Exit codes: 0 every expectation held; 1 an expectation failed; 2 bad input (one line on standard error names the file, line and column, or the flag) or trouble (an output that cannot be written, a terminal the interface cannot use).`,
		Zh: `socklab 在一个进程里确定性地模拟客户端、服务端、链路、防火墙和 NAT，并把一切展示出来：线路上的每个报文段、每个 TCP 状态、每个倒计时的定时器、发现对端已死的那一刻，以及每一次断线重连。

不带命令时，它先打开内置课程的选择界面，然后进入实验。SCENARIO 是内置课程的名字（见 socklab list）或一个场景文件（见 docs/scenarios.md）。

退出码：0 所有期望都成立；1 有期望未通过；2 输入有误（标准错误上的一行会写明文件、行号和列号，或是哪个参数）或出了问题（输出无法写入、终端无法供界面使用）。`,
	},
	CLIRootExample: {
		En: `
# Pick a lesson, then the lab:
socklab
# A lesson headless: its timeline, its expectations, a summary:
socklab run power-loss-heartbeat
# Its packets, for Wireshark:
socklab export keepalive-tuned --pcap ka.pcap`,
		Zh: `
# 选一节课，然后进入实验：
socklab
# 不开界面运行一节课：时间线、期望、总结：
socklab run power-loss-heartbeat
# 它的报文，给 Wireshark 用：
socklab export keepalive-tuned --pcap ka.pcap`,
	},
	CLILangFlag: {
		En: "language: en or zh (default: from LANG)",
		Zh: "语言为 en 或 zh（默认取自 LANG）",
	},
	// cobra's own words in English; in Chinese, fang's help capitalizes the
	// first word of a flag's text, so it must hold no Latin letter.
	CLIHelpFlag:    {En: "help for {{.Name}}", Zh: "显示 {{.Name}} 的帮助"},
	CLIVersionFlag: {En: "version for {{.Name}}", Zh: "显示 {{.Name}} 的版本"},

	CLIRunShort: {
		En: "Run a scenario headless, check expectations",
		Zh: "不开界面运行场景，检查期望",
	},
	CLIRunLong: {
		En: `run simulates the scenario to its end (or --until) as fast as the machine allows and prints every event, one line each, as the interface shows them: segments, TCP states, timers, detections, reconnects, narrations; then each expectation as it is judged, and a summary.

Exit codes: 0 every expectation held; 1 one failed; 2 bad input.`,
		Zh: `run 以机器所能达到的最快速度把场景模拟到结束（或 --until），按界面的写法逐行打印每个事件：报文段、TCP 状态、定时器、断开检测、重连、解说；然后是每个期望的评判结果和总结。

退出码：0 所有期望都成立；1 有期望未通过；2 输入有误。`,
	},
	CLIRunExample: {
		En: `
socklab run power-loss-heartbeat
socklab run power-loss-heartbeat --set apps.client.heartbeat.interval=5s
# The event stream, one JSON object a line (docs/events.md):
socklab run power-loss-heartbeat --json > events.jsonl
# A recording that socklab replay opens:
socklab run keepalive-tuned --record run.json`,
		Zh: `
socklab run power-loss-heartbeat
socklab run power-loss-heartbeat --set apps.client.heartbeat.interval=5s
# 事件流，每行一个 JSON 对象（见 docs/events.md）：
socklab run power-loss-heartbeat --json > events.jsonl
# 一份 socklab replay 能打开的录制：
socklab run keepalive-tuned --record run.json`,
	},
	CLIFlagJSON:    {En: "print the events as JSON Lines (docs/events.md)", Zh: "以 JSON Lines 打印事件（见 docs/events.md）"},
	CLIFlagQuiet:   {En: "print only the summary", Zh: "只打印总结"},
	CLIFlagListAll: {En: "also list the built-ins that are not lessons (the benchmark)", Zh: "也列出不是课程的内置场景（基准测试）"},
	CLIFlagNoSegs:  {En: "leave segments out of the text timeline", Zh: "文本时间线里不列报文段"},
	CLIFlagRecord:  {En: "also write a recording of the run to this file", Zh: "同时把这次运行录制到这个文件"},
	CLIFlagSeed:    {En: "override the scenario's seed (a whole number)", Zh: "覆盖场景的随机种子（整数）"},
	CLIFlagUntil:   {En: "stop at this simulated time: 90s, 2h15m (at most a week)", Zh: "模拟到这个时刻就停止，例如 90s、2h15m（最多一周）"},
	CLIFlagSet:     {En: "set a parameter: PATH=VALUE, as in the file (repeatable)", Zh: "修改一个参数，写作 PATH=VALUE，路径同场景文件（可重复）"},
	CLIPlayShort:   {En: "Open the lab on a scenario", Zh: "在一个场景上打开实验"},
	CLIPlayLong: {
		En: `play opens the live lab on the scenario, paused, with what it teaches under "what is happening": space runs it, f injects a fault, e edits a parameter, ? lists the keys. Given a packetdrill script (FILE.pkt), it runs the script as socklab drill does and shows the run on the ladder: each line of the script beside what it did on the wire, a tick on each that held, a cross on the first that did not, with packetdrill's report. It needs a terminal.`,
		Zh: "play 在场景上打开实时实验，先暂停，“正在发生什么”里是这节课讲的内容：空格开始运行，f 制造故障，e 修改参数，? 列出所有按键。给它一个 packetdrill 脚本（FILE.pkt）时，它像 socklab drill 一样运行脚本，并在梯形图上展示这次运行：脚本的每一行旁边是它在线路上做的事，相符的行打勾，第一个不符的行打叉，并附上 packetdrill 式的报告。需要一个终端。",
	},
	CLIListShort: {En: "List the built-in lessons", Zh: "列出内置课程"},
	CLIListLong: {
		En: "list prints the built-in lessons, one a line: the name that run, play and export take, and what the lesson shows. With --all, the built-ins that are not lessons follow (bench-pingpong, the speed benchmark); they run by name all the same.",
		Zh: "list 每行打印一节内置课程：run、play 和 export 所用的名字，以及这节课展示什么。加上 --all，后面还列出不是课程的内置场景（速度基准测试 bench-pingpong）；它们同样可以按名字运行。",
	},
	CLIReplayShort: {En: "Open a recording: seek, then branch live", Zh: "打开一份录制：前后移动，再分支为实时"},
	CLIReplayLong: {
		En: "replay opens a recording (from socklab run --record, or the lab's w key) on the lab's screen with a timeline: the recorded live inputs replay at their times; seek with , and . or to the markers with < and >, and branch with v to go on live. It needs a terminal.",
		Zh: "replay 在实验界面上打开一份录制（来自 socklab run --record，或实验中的 w 键），并显示时间轴：录制的实时输入在各自的时刻重放；用 , 和 . 前后移动，用 < 和 > 跳到标记，按 v 分支后继续实时运行。需要一个终端。",
	},
	CLIExportShort: {En: "Write a run's packets for Wireshark (pcap)", Zh: "把一次运行的报文写成 Wireshark 能打开的 pcap"},
	CLIExportLong: {
		En: "export runs the scenario (or a recording, with its live inputs) headless and writes the packets one host's interface sees as a pcap that Wireshark and tshark open, and/or every event as JSON Lines (docs/events.md). SCENARIO may be a recording from socklab run --record.",
		Zh: "export 不开界面运行场景（或一份录制，连同其实时输入），把某台主机网卡上看到的报文写成 Wireshark 和 tshark 能打开的 pcap，和/或把每个事件写成 JSON Lines（见 docs/events.md）。SCENARIO 也可以是 socklab run --record 写出的录制。",
	},
	CLIFlagPcap:  {En: "write the packets to this file as a pcap (for Wireshark)", Zh: "把报文以 pcap 写入这个文件（给 Wireshark）"},
	CLIFlagJSONL: {En: "write every event to this file as JSON Lines", Zh: "把每个事件以 JSON Lines 写入这个文件"},
	CLIFlagAt:    {En: "capture at this host (default: the scenario's capture point)", Zh: "在这台主机上抓包（默认：场景的抓包点）"},
	CLIManShort:  {En: "Print the manual page (roff)", Zh: "打印手册页（roff）"},
	CLIManLong: {
		En: "man prints socklab's manual page: every command with its summary, description, flags and examples, as the help shows them, and the exit codes.",
		Zh: "man 打印 socklab 的手册页：每个命令的简介、说明、参数和示例（与帮助一致），以及退出码。",
	},
	CLIManExample: {
		En: `
# Read it now:
socklab man | man -l -
# Install it for man socklab:
socklab man > ~/.local/share/man/man1/socklab.1`,
		Zh: `
# 现在就读：
socklab man | man -l -
# 安装后可用 man socklab 查看：
socklab man > ~/.local/share/man/man1/socklab.1`,
	},
	CLIHelpShort: {En: "Show a command's help", Zh: "显示命令的帮助"},
	CLICompShort: {En: "Print the shell completion script", Zh: "打印 shell 补全脚本"},
	CLICompLong: {
		En: `completion prints a script that makes the shell complete socklab's commands and flags, the built-in lessons and scenario files, --set's parameter paths from the scenario named (apps.<TAB> lists its apps, then their keys), --at's hosts and --lang's languages.

Load it in the shell's start-up file; bash needs the bash-completion package.`,
		Zh: `completion 打印一段脚本，让 shell 补全 socklab 的命令和参数、内置课程和场景文件、--set 在所给场景中的参数路径（apps.<TAB> 列出它的应用，再列出其键）、--at 的主机和 --lang 的语言。

请在 shell 的启动文件中加载它；bash 需要安装 bash-completion 包。`,
	},
	CLICompExample: {
		En: `
# bash, for every session:
echo 'source <(socklab completion bash)' >> ~/.bashrc
# zsh: a directory on $fpath
socklab completion zsh > "${fpath[1]}/_socklab"
# fish:
socklab completion fish > ~/.config/fish/completions/socklab.fish
# PowerShell, in $PROFILE:
socklab completion powershell | Out-String | Invoke-Expression`,
		Zh: `
# bash，每个会话都生效：
echo 'source <(socklab completion bash)' >> ~/.bashrc
# zsh：放进 $fpath 上的一个目录
socklab completion zsh > "${fpath[1]}/_socklab"
# fish：
socklab completion fish > ~/.config/fish/completions/socklab.fish
# PowerShell，写进 $PROFILE：
socklab completion powershell | Out-String | Invoke-Expression`,
	},
	CLICompShellFor: {En: "Print the completion script for {{.Shell}}", Zh: "打印 {{.Shell}} 的补全脚本"},
	CLIManOptions:   {En: "Every command takes --help and --lang.", Zh: "每个命令都接受 --help 和 --lang。"},
	CLIManEnvLang: {
		En: "The first of them that is set chooses the language when --lang does not: zh_CN.UTF-8 is Chinese; anything else English.",
		Zh: "没有 --lang 时，其中第一个有值的决定语言：zh_CN.UTF-8 为中文，其余为英文。",
	},
	CLIManEnvNoColor: {En: "When set, the interface and the help use no colour.", Zh: "设置后，界面和帮助都不使用颜色。"},
	CLIManEnvGOGC: {
		En: "The Go garbage collector's target. When it is unset, socklab sets it after each collection so that the heap may grow by 100 MB beyond what is live, between 25 and 100: a run's heap is nearly all its state, which a small run may let double before it is collected but a big one should not (100,000 clients fit in 1 GB).",
		Zh: "Go 垃圾回收的目标值。未设置时，socklab 在每次回收后重新设定它，让堆最多比存活部分多长 100 MB，取值在 25 到 100 之间：一次运行的堆几乎全是它的状态，小的运行可以等它翻倍再回收，大的运行则不行（100,000 个客户端可在 1 GB 内运行）。",
	},
	CLIManName:       {En: "Name", Zh: "名称"},
	CLIManSynopsis:   {En: "Synopsis", Zh: "概述"},
	CLIManDesc:       {En: "Description", Zh: "描述"},
	CLIManCommands:   {En: "Commands", Zh: "命令"},
	CLIManOptionsSec: {En: "Options", Zh: "选项"},
	CLIManEnv:        {En: "Environment", Zh: "环境变量"},
	CLIManExamples:   {En: "Examples", Zh: "示例"},
	CLIManSeeAlsoSec: {En: "See also", Zh: "参见"},
	CLIManTitle:      {En: "{{.Name}} manual", Zh: "{{.Name}} 手册"},
	CLIManSentence:   {En: "{{.Text}}.", Zh: "{{.Text}}。"},
	CLIManSeeAlso: {
		En: "README.md and docs/ in socklab's repository: docs/cli.md (the command line), docs/scenarios.md (the scenario format), docs/events.md (the event stream).",
		Zh: "socklab 仓库中的 README.md、README.zh.md 和 docs/：docs/cli.md（命令行）、docs/scenarios.md（场景格式）、docs/events.md（事件流）。",
	},

	CLINoTerminal: {
		En: "no terminal for the interface; use `socklab run SCENARIO` to run headless (socklab list shows the scenarios)",
		Zh: "没有可供界面使用的终端；请用 `socklab run SCENARIO` 不开界面运行（socklab list 列出场景）",
	},
	CLIPlayTerminal: {
		En: "play needs a terminal; use `socklab run {{.Name}}` to run headless",
		Zh: "play 需要一个终端；请用 `socklab run {{.Name}}` 不开界面运行",
	},
	CLIReplayTerminal: {
		En: "replay needs a terminal; use `socklab export {{.Path}} --jsonl events.jsonl` for its event stream",
		Zh: "replay 需要一个终端；要它的事件流，请用 `socklab export {{.Path}} --jsonl events.jsonl`",
	},
	CLIReplayUsage: {
		En: "replay: name one recording file (socklab run SCENARIO --record FILE writes one)",
		Zh: "replay：请给出一个录制文件（socklab run SCENARIO --record FILE 可以写出一个）",
	},
	CLIUnknownCommand: {
		En: `unknown command {{printf "%q" .Name}} ({{.Hint}})`,
		Zh: `未知的命令 {{printf "%q" .Name}}（{{.Hint}}）`,
	},
	CLIHintCommands: {
		En: "commands: {{.Names}}; {{.Help}}",
		Zh: "可用命令：{{.Names}}；{{.Help}}",
	},
	CLIHintDidYouMean: {
		En: "did you mean {{.Near}}? {{.Hint}}",
		Zh: "是不是想用 {{.Near}}？{{.Hint}}",
	},
	CLIUndefinedFlag:    {En: "flag provided but not defined: -{{.Name}}", Zh: "没有这个参数：-{{.Name}}"},
	CLIFlagNeedsValue:   {En: "flag needs an argument: -{{.Name}}", Zh: "参数缺少值：-{{.Name}}"},
	CLINotDuration:      {En: `{{printf "%q" .Value}} is not a duration (like 90s or 2h15m)`, Zh: `{{printf "%q" .Value}} 不是时长（例如 90s 或 2h15m）`},
	CLIMustBePositive:   {En: `{{printf "%q" .Value}} must be positive`, Zh: `{{printf "%q" .Value}} 必须大于零`},
	CLIOverLimit:        {En: `{{printf "%q" .Value}} is longer than the limit of {{.Limit}}`, Zh: `{{printf "%q" .Value}} 超过了上限 {{.Limit}}`},
	CLIMustBePathValue:  {En: `{{printf "%q" .Value}} must be PATH=VALUE`, Zh: `{{printf "%q" .Value}} 格式应为 PATH=VALUE`},
	CLINameScenario:     {En: "name a scenario (socklab list shows the built-in ones)", Zh: "请给出一个场景（socklab list 列出内置场景）"},
	CLIOneScenario:      {En: "one scenario at a time, not {{.Args}}", Zh: "一次只能一个场景，给出的是 {{.Args}}"},
	CLIRunOnlyFlags:     {En: "--json, --quiet and --no-segments are flags of run", Zh: "--json、--quiet 和 --no-segments 是 run 的参数"},
	CLIWritingTimeline:  {En: "writing the timeline: {{.Err}}", Zh: "写出时间线时出错：{{.Err}}"},
	CLIExportWhere:      {En: "export: say where to write: --pcap FILE and/or --jsonl FILE", Zh: "export：请说明写到哪里：--pcap FILE 和/或 --jsonl FILE"},
	CLIRecordingFixed:   {En: "--set and --seed cannot change a recording", Zh: "--set 和 --seed 不能修改录制"},
	CLITakesNoArguments: {En: "{{.Command}} takes no arguments", Zh: "{{.Command}} 不接受参数"},
	CLIExportedPackets: {
		En: "{{.File}}: {{.N}} packets as seen by {{.Host}}, {{.Sim}} simulated",
		Zh: "{{.File}}：{{.Host}} 看到的 {{.N}} 个报文，模拟了 {{.Sim}}",
	},
	CLIExportedEvents: {En: "{{.File}}: {{.N}} events", Zh: "{{.File}}：{{.N}} 个事件"},
}
