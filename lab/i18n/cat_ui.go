package i18n

// The interface's words (ui and its pages and components). Labels of keys
// and panes are short: they share a line with others.
const (
	UIRowActor        ID = "ui.row.actor"
	UIHeardNever      ID = "ui.conns.heard_never"
	UIHeardNeverShort ID = "ui.conns.heard_never_short"

	UIZoomed ID = "ui.pane.zoomed"

	UIVerdictTitle    ID = "ui.verdict.title"
	UIVerdictSummary  ID = "ui.verdict.summary"
	UIVerdictNone     ID = "ui.verdict.none"
	UIVerdictOn       ID = "ui.verdict.run_on"
	UIVerdictKeys     ID = "ui.verdict.keys"
	UIVerdictLessons  ID = "ui.verdict.keys_lessons"
	UIVerdictMore     ID = "ui.verdict.more"
	UIStatusClock     ID = "ui.status.clock"
	UIStatusClockPast ID = "ui.status.clock_past"
	UIStatusEvents    ID = "ui.status.events"

	UIPickerTitle   ID = "ui.picker.title"
	UIPickerCount   ID = "ui.picker.count"
	UIPickerMatch   ID = "ui.picker.match"
	UIPickerHidden  ID = "ui.picker.hidden"
	UIPickerNone    ID = "ui.picker.none"
	UIPickerFilter  ID = "ui.picker.filter"
	UIPickerOpen    ID = "ui.picker.open"
	UIPickerTeaches ID = "ui.picker.teaches"

	UIHintReconnectPolicy ID = "ui.param.reconnect_policy"
	UIHintOnExpired       ID = "ui.param.on_expired"
	UIHintLoose           ID = "ui.param.conntrack_loose"
	UIHintNewNeedsSYN     ID = "ui.param.conntrack_new_needs_syn"
	UIHintDropInvalid     ID = "ui.param.conntrack_drop_invalid"

	UILegendShort ID = "ui.legend.short"

	UIRestarted        ID = "ui.restarted"
	UIRestartedDropped ID = "ui.restarted.dropped"

	UIKeyFocus     ID = "ui.key.focus"
	UIKeyFocusNext ID = "ui.key.focus_next"
	UIKeyFocusPrev ID = "ui.key.focus_prev"
	UIKeyZoom      ID = "ui.key.zoom"
	UIKeyLineUp    ID = "ui.key.line_up"
	UIKeyLineDown  ID = "ui.key.line_down"
	UIKeyPageUp    ID = "ui.key.page_up"
	UIKeyPageDown  ID = "ui.key.page_down"
	UIKeyTop       ID = "ui.key.top"
	UIKeyFollow    ID = "ui.key.follow"
	UIKeyLogUp     ID = "ui.key.log_up"
	UIKeyLogDown   ID = "ui.key.log_down"
	UIKeyBack      ID = "ui.key.back"
	UIKeyLessons   ID = "ui.key.lessons"
)

var uiMessages = map[ID]entry{
	UIRowActor: {
		En: "{{.Who}}: {{.What}}",
		Zh: "{{.Who}}：{{.What}}",
	},
	UIHeardNever: {
		En: "has heard nothing from its peer",
		Zh: "尚未收到对端的任何报文",
	},
	UIHeardNeverShort: {
		En: "heard nothing",
		Zh: "未收到报文",
	},

	UIVerdictTitle: {
		En: "The end: {{.Name}} at {{.At}}",
		Zh: "结束：{{.Name}}，{{.At}}",
	},
	UIVerdictSummary: {
		En:    "{{.Passed}} of {{.Count}} expectations hold.",
		EnOne: "{{.Passed}} of {{.Count}} expectation holds.",
		Zh:    "{{.Count}} 项期望中有 {{.Passed}} 项成立。",
	},
	UIVerdictNone: {
		En: "This scenario states no expectations: what happened is on the wire and in the narration.",
		Zh: "这个场景没有列出期望：发生了什么，请看线路和解说。",
	},
	UIVerdictOn: {
		En: "space runs on past the end",
		Zh: "空格键继续运行",
	},
	UIVerdictKeys: {
		En: "{{.On}} · r restarts · q quits",
		Zh: "{{.On}} · r 重新开始 · q 退出",
	},
	UIVerdictLessons: {
		En: "{{.On}} · esc back to the lessons · r restarts · q quits",
		Zh: "{{.On}} · esc 返回课程列表 · r 重新开始 · q 退出",
	},
	UIVerdictMore: {
		En:    "… and {{.Count}} more: a taller terminal shows them all",
		EnOne: "… and {{.Count}} more: a taller terminal shows it",
		Zh:    "……还有 {{.Count}} 项：终端更高时可全部显示",
	},
	UIStatusClock: {
		En: "t {{.Now}} / {{.End}}",
		Zh: "t {{.Now}} / {{.End}}",
	},
	UIStatusClockPast: { // run on past the lesson's end
		En: "t {{.Now}} · ended {{.End}}",
		Zh: "t {{.Now}} · {{.End}} 已结束",
	},
	UIStatusEvents: {
		En:    "{{.Count}} events",
		EnOne: "{{.Count}} event",
		Zh:    "{{.Count}} 个事件",
	},
	UIPickerTitle: {
		En: "socklab · lessons",
		Zh: "socklab · 课程",
	},
	UIPickerCount: {
		En:    "{{.Count}} lessons",
		EnOne: "{{.Count}} lesson",
		Zh:    "{{.Count}} 节课",
	},
	UIPickerMatch: {
		En:    "“{{.Filter}}”: {{.Count}} lessons",
		EnOne: "“{{.Filter}}”: {{.Count}} lesson",
		Zh:    "“{{.Filter}}”：{{.Count}} 节课",
	},
	UIPickerHidden: {En: "{{.Count}} hidden", Zh: "另有 {{.Count}} 节不符"},
	UIPickerNone:   {En: "No lesson matches.", Zh: "没有相符的课。"},
	UIPickerFilter: {En: "Filter: ", Zh: "筛选："},
	UIPickerOpen:   {En: "open", Zh: "打开"},
	UIPickerTeaches: {
		En: "Lesson {{.Lesson}}: {{.Name}}",
		Zh: "第 {{.Lesson}} 课：{{.Name}}",
	},
	UIHintReconnectPolicy: {
		En: "how long to wait before each attempt",
		Zh: "每次重连之前等待多久",
	},
	UIHintOnExpired: {
		En: "what the next packet of a forgotten flow meets",
		Zh: "被遗忘的流的下一个报文会遭遇什么",
	},
	UIHintLoose: {
		En: "conntrack takes a mid-stream segment of an unknown flow for a new flow (nf_conntrack_tcp_loose)",
		Zh: "conntrack 把未知流中途的报文段当作一条新流（nf_conntrack_tcp_loose）",
	},
	UIHintNewNeedsSYN: {
		En: "the ruleset admits a new flow only by its SYN",
		Zh: "规则只放行以 SYN 开始的新流",
	},
	UIHintDropInvalid: {
		En: "the ruleset drops INVALID packets",
		Zh: "规则丢弃 INVALID 包",
	},
	UILegendShort: {
		En: "[P.] 1:9 ack 1: the same, short as tcpdump writes it, when the full label does not fit: S SYN, F FIN, R RST, P PSH, . ACK; 1:9 the bytes 1 to 8",
		Zh: "[P.] 1:9 ack 1：完整标注放不下时，按 tcpdump 的写法缩写：S 即 SYN，F 即 FIN，R 即 RST，P 即 PSH，. 即 ACK；1:9 表示第 1 到第 8 个字节",
	},
	UIRestarted: {
		En: "restarted",
		Zh: "已重新开始",
	},
	UIRestartedDropped: {
		En:    "restarted: {{.Count}} live changes dropped",
		EnOne: "restarted: {{.Count}} live change dropped",
		Zh:    "已重新开始：丢掉了 {{.Count}} 次实时修改",
	},
	UIZoomed: {
		En: "{{.Title}} · zoomed · z returns",
		Zh: "{{.Title}} · 已放大 · 按 z 还原",
	},

	UIKeyFocus:     {En: "focus", Zh: "切换窗格"},
	UIKeyFocusNext: {En: "next pane", Zh: "下一个窗格"},
	UIKeyFocusPrev: {En: "previous pane", Zh: "上一个窗格"},
	UIKeyZoom:      {En: "zoom", Zh: "放大窗格"},
	UIKeyLineUp:    {En: "up a line", Zh: "上移一行"},
	UIKeyLineDown:  {En: "down a line", Zh: "下移一行"},
	UIKeyPageUp:    {En: "up a page", Zh: "上翻一页"},
	UIKeyPageDown:  {En: "down a page", Zh: "下翻一页"},
	UIKeyTop:       {En: "to the top", Zh: "到顶部"},
	UIKeyFollow:    {En: "to the end, follow", Zh: "到底部并跟随"},
	UIKeyLogUp:     {En: "narration up", Zh: "解说上移"},
	UIKeyLogDown:   {En: "narration down", Zh: "解说下移"},
	UIKeyBack:      {En: "close", Zh: "关闭"},
	UIKeyLessons:   {En: "lessons", Zh: "课程列表"},
}
