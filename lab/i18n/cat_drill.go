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
)

var drillMessages = map[ID]entry{
	DrillExpected: {
		En: "expected {{.Want}}, found {{.Got}}",
		Zh: "此处应为 {{.Want}}，实际是 {{.Got}}",
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
}
