package i18n

// socklab drill: what is wrong with a packetdrill script (the text after
// "file:line:col: "), and how a run reports a line that did not hold.
// Tokens of the language (syscalls, flags, options, errno names) stay as
// they are written.
const (
	DrillExpected          ID = "drill.expected"
	DrillOutOfRange        ID = "drill.out_of_range"
	DrillUnterminated      ID = "drill.unterminated"
	DrillBadChar           ID = "drill.bad_char"
	DrillTooManyEvents     ID = "drill.too_many_events"
	DrillNoEvents          ID = "drill.no_events"
	DrillFirstAtZero       ID = "drill.first_at_zero"
	DrillAnyOptionsInbound ID = "drill.any_options_inbound"
	DrillRangeOutboundOnly ID = "drill.range_outbound_only"
	DrillRangeBackwards    ID = "drill.range_backwards"
	DrillSeqInconsistent   ID = "drill.seq_inconsistent"
	DrillBadFlags          ID = "drill.bad_flags"
	DrillUnknownOption     ID = "drill.unknown_option"
	DrillUnsupported       ID = "drill.unsupported"
	DrillCallArgs          ID = "drill.call_args"
	DrillCallLength        ID = "drill.call_length"

	DrillScriptPacket  ID = "drill.script_packet"
	DrillActualPacket  ID = "drill.actual_packet"
	DrillTiming        ID = "drill.timing"
	DrillTimingRange   ID = "drill.timing_range"
	DrillWhatOutbound  ID = "drill.what.outbound"
	DrillWhatReturn    ID = "drill.what.return"
	DrillNoPacket      ID = "drill.no_packet"
	DrillPacketField   ID = "drill.packet_field"
	DrillPacketOptions ID = "drill.packet_options"
	DrillBlocked       ID = "drill.blocked"
	DrillNeverReturned ID = "drill.never_returned"
	DrillCallResult    ID = "drill.call_result"
	DrillCallErrno     ID = "drill.call_errno"
	DrillCallValue     ID = "drill.call_value"
	DrillAssert        ID = "drill.assert"
	DrillPassed        ID = "drill.passed"

	DrillPlayTitle      ID = "drill.play.title"
	DrillPlayAllHeld    ID = "drill.play.all_held"
	DrillPlayFailedAt   ID = "drill.play.failed_at"
	DrillPlayScript     ID = "drill.play.script"
	DrillPlayHeldAt     ID = "drill.play.held_at"
	DrillPlayNotRun     ID = "drill.play.not_run"
	DrillPlayUnscripted ID = "drill.play.unscripted"
	DrillPlayKeys       ID = "drill.play.keys"
	DrillPlayTooSmall   ID = "drill.play.too_small"
	CLIPlayDrillTerm    ID = "cli.error.play_drill_terminal"
	CLIPlayDrillFlags   ID = "cli.error.play_drill_flags"

	CLIDrillShort      ID = "cli.drill.short"
	CLIDrillLong       ID = "cli.drill.long"
	CLIDrillOneFile    ID = "cli.error.drill_one_file"
	CLIDrillTolerance  ID = "cli.error.drill_tolerance"
	CLIDrillInitScript ID = "cli.error.drill_init_script"
	CLIFlagInitScripts ID = "cli.flag.init_scripts"
	CLIPlayDrillOnly   ID = "cli.error.play_drill_only"
	CLIFlagTolerance   ID = "cli.flag.tolerance_usecs"
)

var drillMessages = map[ID]entry{
	DrillExpected: {
		En: "expected {{.Want}}, found {{.Got}}",
		Zh: "此处应为 {{.Want}}，实际是 {{.Got}}",
	},
	DrillCallArgs: {
		EnOne: "{{.Call}} takes {{.Count}} argument, not {{.Got}}",
		En:    "{{.Call}} takes {{.Count}} arguments, not {{.Got}}",
		Zh:    "{{.Call}} 需要 {{.Count}} 个参数，这里给了 {{.Got}} 个",
	},
	DrillCallLength: {
		En: "{{.Call}}: a length of {{.Text}} bytes is out of range (0 to {{.Hi}})",
		Zh: "{{.Call}}：长度 {{.Text}} 字节超出范围（0 到 {{.Hi}}）",
	},
	DrillOutOfRange: {
		En: "{{.Field}} {{.Text}} is out of range ({{.Lo}} to {{.Hi}})",
		Zh: "{{.Field}} {{.Text}} 超出范围（{{.Lo}} 到 {{.Hi}}）",
	},
	DrillUnterminated: {
		En: "unterminated {{.What}}: it is never closed",
		Zh: "{{.What}} 没有结束：到文件末尾都没有闭合",
	},
	DrillBadChar: {
		En: "unexpected character {{.Char}}",
		Zh: "意外的字符 {{.Char}}",
	},
	DrillTooManyEvents: {
		En: "a script may hold at most {{.Max}} events",
		Zh: "一个脚本最多只能有 {{.Max}} 个事件",
	},
	DrillNoEvents: {
		En: "the script has no events",
		Zh: "脚本里没有任何事件",
	},
	DrillFirstAtZero: {
		En: "the first event should be at time 0",
		Zh: "第一个事件的时间应为 0",
	},
	DrillAnyOptionsInbound: {
		En: "<...> for TCP options can only be used with outbound packets",
		Zh: "TCP 选项写成 <...> 只能用于发出的报文（>）",
	},
	DrillRangeOutboundOnly: {
		En: "a time range or * can only be used with outbound packets",
		Zh: "时间范围或 * 只能用于发出的报文（>）",
	},
	DrillRangeBackwards: {
		En: "the time range is backwards",
		Zh: "时间范围颠倒了",
	},
	DrillSeqInconsistent: {
		En: "inconsistent TCP sequence numbers and payload size: {{.Start}} + {{.Len}} is not {{.End}}",
		Zh: "TCP 序号与载荷长度不一致：{{.Start}} + {{.Len}} 不等于 {{.End}}",
	},
	DrillBadFlags: {
		En: "{{.Flags}} are not TCP flags (S F R P . and ECN's E W)",
		Zh: "{{.Flags}} 不是 TCP 标志（S F R P . 以及 ECN 的 E W）",
	},
	DrillUnknownOption: {
		En: "unknown TCP option {{.Option}} (nop, eol, mss, wscale, sackOK, sack, TS)",
		Zh: "未知的 TCP 选项 {{.Option}}（nop、eol、mss、wscale、sackOK、sack、TS）",
	},
	DrillUnsupported: {
		En: "unsupported: {{.What}} (socklab drill models TCP over IPv4; docs/drill.md lists what it runs)",
		Zh: "不支持：{{.What}}（socklab drill 模拟的是 IPv4 上的 TCP；docs/drill.md 列出了它能运行的内容）",
	},

	DrillScriptPacket: {En: "script packet:  {{.Packet}}", Zh: "脚本中的报文：{{.Packet}}"},
	DrillActualPacket: {En: "actual packet:  {{.Packet}}", Zh: "实际的报文：  {{.Packet}}"},
	DrillTiming: {
		En: "timing error: expected {{.What}} at {{.Want}} sec but happened at {{.Got}} sec; tolerance {{.Tol}} sec",
		Zh: "时间不符：{{.What}}应在 {{.Want}} 秒，实际在 {{.Got}} 秒；容差 {{.Tol}} 秒",
	},
	DrillTimingRange: {
		En: "timing error: expected {{.What}} in time range {{.From}}~{{.To}} sec but happened at {{.Got}} sec",
		Zh: "时间不符：{{.What}}应在 {{.From}}~{{.To}} 秒之间，实际在 {{.Got}} 秒",
	},
	DrillWhatOutbound: {En: "outbound packet", Zh: "发出的报文"},
	DrillWhatReturn:   {En: "system call return", Zh: "系统调用的返回"},
	DrillNoPacket: {
		En: "error handling packet: expected an outbound packet, but the stack sent none by {{.By}} sec",
		Zh: "处理报文出错：应有一个发出的报文，但协议栈到 {{.By}} 秒为止什么也没发",
	},
	DrillPacketField: {
		En: "error handling packet: live packet field {{.Field}}: expected: {{.Want}} vs actual: {{.Got}}",
		Zh: "处理报文出错：实际报文的字段 {{.Field}}：期望 {{.Want}}，实际 {{.Got}}",
	},
	DrillPacketOptions: {
		En: "error handling packet: bad outbound TCP options: expected: {{.Want}} vs actual: {{.Got}}",
		Zh: "处理报文出错：发出的 TCP 选项不符：期望 {{.Want}}，实际 {{.Got}}",
	},
	DrillBlocked: {
		En: "runtime error in {{.Call}} call: Expected non-blocking system call but it blocked (write ...END before the call if it should block)",
		Zh: "{{.Call}} 调用运行出错：脚本认为它不会阻塞，但它阻塞了（若应阻塞，在调用前写 ...结束时间）",
	},
	DrillNeverReturned: {
		En: "runtime error in {{.Call}} call: it was still blocked when the script ended",
		Zh: "{{.Call}} 调用运行出错：脚本结束时它仍在阻塞",
	},
	DrillCallResult: {
		En: "runtime error in {{.Call}} call: Expected result {{.Want}} but got {{.Got}}",
		Zh: "{{.Call}} 调用运行出错：期望返回 {{.Want}}，实际得到 {{.Got}}",
	},
	DrillCallErrno: {
		En: "runtime error in {{.Call}} call: Expected errno {{.Want}} but got {{.Got}}",
		Zh: "{{.Call}} 调用运行出错：期望 errno {{.Want}}，实际得到 {{.Got}}",
	},
	DrillCallValue: {
		En: "runtime error in {{.Call}} call: Expected value {{.Want}} but got {{.Got}}",
		Zh: "{{.Call}} 调用运行出错：期望取得的值为 {{.Want}}，实际为 {{.Got}}",
	},
	DrillAssert: {
		En: "assertion failed: {{.Expr}} ({{.Field}} is {{.Got}})",
		Zh: "断言不成立：{{.Expr}}（{{.Field}} 为 {{.Got}}）",
	},
	DrillPassed: {
		EnOne: "{{.File}}: {{.Count}} event, as the script says ({{.Sim}} simulated)",
		En:    "{{.File}}: {{.Count}} events, every one as the script says ({{.Sim}} simulated)",
		Zh:    "{{.File}}：{{.Count}} 个事件，全都与脚本相符（模拟时间 {{.Sim}}）",
	},

	DrillPlayTitle: {En: "drill · {{.File}}", Zh: "drill 脚本 · {{.File}}"},
	DrillPlayAllHeld: {
		EnOne: "✔ {{.Count}} event held · {{.Sim}} s simulated",
		En:    "✔ all {{.Count}} events held · {{.Sim}} s simulated",
		Zh:    "✔ {{.Count}} 个事件全部相符 · 模拟时间 {{.Sim}} 秒",
	},
	DrillPlayFailedAt: {
		En: "✘ line {{.Line}} did not hold · events held: {{.Held}} of {{.Count}}",
		Zh: "✘ 第 {{.Line}} 行不符 · 相符的事件：{{.Count}} 个中的 {{.Held}} 个",
	},
	DrillPlayScript: {En: "   line  script", Zh: "   行号  脚本"},
	DrillPlayHeldAt: {
		En: "✔ line {{.Line}} held, at {{.At}} s",
		Zh: "✔ 第 {{.Line}} 行相符，发生在 {{.At}} 秒",
	},
	DrillPlayNotRun: {
		En: "· line {{.Line}} did not run: the run stopped at line {{.Stop}}",
		Zh: "· 第 {{.Line}} 行没有运行：运行停在了第 {{.Stop}} 行",
	},
	DrillPlayUnscripted: {
		En: "No line of the script: the stack did this on its own, and the script does not check it.",
		Zh: "脚本里没有这一行：这是协议栈自己做的，脚本不检查它。",
	},
	DrillPlayKeys: {
		En: "↑/↓ line  pgup/pgdn page  x the mismatch  L 中文  q quit",
		Zh: "↑/↓ 行  pgup/pgdn 翻页  x 不符的行  L English  q 退出",
	},
	DrillPlayTooSmall: {
		En: "The drill view needs a terminal of at least {{.Width}}×{{.Height}}.",
		Zh: "drill 视图需要至少 {{.Width}}×{{.Height}} 的终端。",
	},
	CLIPlayDrillTerm: {
		En: "play needs a terminal; use `socklab drill {{.Path}}` to run the script headless",
		Zh: "play 需要一个终端；请用 `socklab drill {{.Path}}` 不开界面运行这个脚本",
	},
	CLIPlayDrillFlags: {
		En: "a packetdrill script takes only --seed: --set, --until and --budget are a scenario's",
		Zh: "packetdrill 脚本只接受 --seed：--set、--until 和 --budget 是场景的参数",
	},

	CLIDrillShort: {
		En: "Run a packetdrill script on simulated Linux",
		Zh: "在模拟的 Linux 上运行 packetdrill 脚本",
	},
	CLIDrillLong: {
		En: `drill runs a packetdrill script (the Linux TCP maintainers' test language) against socklab's simulated Linux host, in simulated time: the script's system calls are made at their times, the remote end's segments (<) are injected, and the stack's segments (>) must match what the script says, within the tolerance (4 ms unless the script's --tolerance_usecs or the flag says otherwise). It prints each event that held, marked with a tick, and the first that did not, marked with a cross and reported as packetdrill reports it. docs/drill.md lists what runs.

Exit codes: 0 every event held; 1 a mismatch; 2 bad input or a construct socklab does not model (it says "unsupported" and names it).`,
		Zh: `drill 在模拟时间里用 socklab 模拟的 Linux 主机运行 packetdrill 脚本（Linux TCP 维护者的测试语言）：脚本里的系统调用按时发起，远端的报文（<）按时注入，协议栈发出的报文（>）必须与脚本一致，误差在容差之内（默认 4 毫秒，可由脚本的 --tolerance_usecs 或命令行参数改变）。它逐个打印相符的事件（打勾）和第一个不符的事件（打叉），并像 packetdrill 那样报告。docs/drill.md 列出了能运行的内容。

退出码：0 所有事件都相符；1 有不符；2 输入有误或用到了 socklab 不模拟的内容（会写明“不支持”及其名称）。`,
	},
	CLIDrillOneFile: {En: "name one packetdrill script: socklab drill FILE.pkt", Zh: "请给出一个 packetdrill 脚本：socklab drill FILE.pkt"},
	CLIDrillInitScript: {
		En: "socklab runs no shell: of init scripts it knows only the suites' defaults.sh (./defaults.sh, ../common/defaults.sh, ../../common/defaults.sh), not {{.Name}}",
		Zh: "socklab 不运行 shell：初始化脚本它只认识两套测试集的 defaults.sh（./defaults.sh、../common/defaults.sh、../../common/defaults.sh），不认识 {{.Name}}",
	},
	CLIFlagInitScripts: {
		En: "a suite's defaults.sh to apply first (packetdrill's flag)",
		Zh: "先应用的测试集 defaults.sh（packetdrill 的参数）",
	},
	CLIPlayDrillOnly: {
		En: "--tolerance_usecs and --init_scripts are flags of a packetdrill script (FILE.pkt), not of a scenario",
		Zh: "--tolerance_usecs 和 --init_scripts 是 packetdrill 脚本（FILE.pkt）的参数，不是场景的参数",
	},
	CLIDrillTolerance: {
		En: "{{.Value}} must be a whole number of microseconds from 1 to 10000000",
		Zh: "{{.Value}} 必须是 1 到 10000000 之间的整数微秒",
	},
	CLIFlagTolerance: {
		En: "allowed timing error in microseconds (default 4000)",
		Zh: "允许的时间误差，单位微秒（默认 4000）",
	},
}
