package i18n

// The interface's panes, labels, menus, notes, help, the replay's
// timeline (beside cat_ui.go's words of focus, zoom and the verdict). Short labels in Chinese
// are kept short: a pane's width is counted in cells, two per character.
const (
	UILang ID = "ui.lang" // the note after switching language

	UIPaneHosts      ID = "ui.pane.hosts"
	UIPaneTimers     ID = "ui.pane.timers"
	UIPaneConns      ID = "ui.pane.conns"
	UIPaneWire       ID = "ui.pane.wire"
	UIPaneWireBack   ID = "ui.pane.wire_back"
	UIPaneLog        ID = "ui.pane.log"
	UIPaneLogBack    ID = "ui.pane.log_back"
	UILesson         ID = "ui.lesson"
	UIMoreLikeIt     ID = "ui.more_like_it"
	UILikeIt         ID = "ui.like_it"
	UIPlusMore       ID = "ui.plus_more"
	UIWireTime       ID = "ui.wire.time"
	UIWirePort       ID = "ui.wire.port"
	UIWireNothing    ID = "ui.wire.nothing"
	UIRetransmission ID = "ui.wire.retransmission"
	UIKeepaliveProbe ID = "ui.wire.keepalive_probe"
	UIResponse       ID = "ui.wire.response"

	UINoConnYet     ID = "ui.conns.none_yet"
	UINoConn        ID = "ui.conns.none"
	UIConnEnds      ID = "ui.conns.ends"
	UIHeardAgo      ID = "ui.conns.heard_ago"
	UIAgo           ID = "ui.conns.ago"
	UIRetransmitted ID = "ui.conns.retransmitted"

	UINoTimer    ID = "ui.timers.none"
	UITimerCount ID = "ui.timers.count"
	UIWithDetail ID = "ui.with_detail"

	UIPowerOff    ID = "ui.hosts.power_off"
	UIListening   ID = "ui.hosts.listening"
	UIQueue       ID = "ui.hosts.queue"
	UISYNDrops    ID = "ui.hosts.syn_drops"
	UISYNDropped  ID = "ui.hosts.syn_dropped"
	UIRunning     ID = "ui.hosts.running"
	UIFrozen      ID = "ui.hosts.frozen"
	UIDead        ID = "ui.hosts.dead"
	UIRouter      ID = "ui.hosts.router"
	UIFirewall    ID = "ui.hosts.firewall"
	UINAT         ID = "ui.hosts.nat"
	UIIdle        ID = "ui.hosts.idle"
	UIIdleTimeout ID = "ui.hosts.idle_timeout"
	UIOnExpiry    ID = "ui.hosts.on_expiry"
	UIFlows       ID = "ui.hosts.flows"
	UIConntrack   ID = "ui.hosts.conntrack"
	UISwitchOn    ID = "ui.hosts.switch_on"
	UISwitchOff   ID = "ui.hosts.switch_off"
	UIDropNoSYN   ID = "ui.hosts.drop_new_without_syn"
	UIDropInvalid ID = "ui.hosts.drop_invalid"
	UIDropNoFlow  ID = "ui.hosts.drop_no_flow"
	UIUntracked   ID = "ui.hosts.untracked"
	UIMappedAs    ID = "ui.hosts.mapped_as"
	UIIdleOf      ID = "ui.hosts.idle_of"
	UILinks       ID = "ui.hosts.links"
	UILinkUp      ID = "ui.hosts.link_up"
	UILinkDown    ID = "ui.hosts.link_down"
	UILinkLoss    ID = "ui.hosts.link_loss"

	UIRunningAt ID = "ui.status.running"
	UIPausedAt  ID = "ui.status.paused"
	UILagging   ID = "ui.status.lagging"
	UISeed      ID = "ui.status.seed"
	UIFirstHint ID = "ui.status.first_hint"

	UITooSmall      ID = "ui.too_small"
	UIHelpKeys      ID = "ui.help.keys"
	UIHelpReplaying ID = "ui.help.replaying"
	UIHelpReplay    ID = "ui.help.replay"
	UIHelpWire      ID = "ui.help.wire"
	UIHelpLegend1   ID = "ui.help.legend1"
	UIHelpLegend2   ID = "ui.help.legend2"
	UIHelpLegend3   ID = "ui.help.legend3"
	UIHelpLegend4   ID = "ui.help.legend4"
	UIHelpLegend5   ID = "ui.help.legend5"
	UIHelpClose     ID = "ui.help.close"

	UIMenuFaults   ID = "ui.menu.faults"
	UIMenuParams   ID = "ui.menu.params"
	UIMenuPrompt   ID = "ui.menu.prompt_help"
	UIMenuList     ID = "ui.menu.list_help"
	UIMoreBelow    ID = "ui.menu.more"
	UIFaultOff     ID = "ui.fault.power_off"
	UIFaultOn      ID = "ui.fault.power_on"
	UIFaultRestart ID = "ui.fault.restart"
	UIFaultCrash   ID = "ui.fault.crash"
	UIFaultStop    ID = "ui.fault.stop"
	UIFaultThaw    ID = "ui.fault.thaw"
	UIFaultFreeze  ID = "ui.fault.freeze"
	UIFaultPull    ID = "ui.fault.link_down"
	UIFaultPlug    ID = "ui.fault.link_up"
	UIFaultLoss    ID = "ui.fault.loss"
	UIFaultLossAsk ID = "ui.fault.loss_prompt"
	UIFaultSplit   ID = "ui.fault.partition"
	UIFaultHeal    ID = "ui.fault.heal"
	UIFaultExpire  ID = "ui.fault.expire"
	UIParamAsk     ID = "ui.param.prompt"
	UIParamProb    ID = "ui.param.probability"
	UIParamOneWay  ID = "ui.param.one_way"
	UIParamForget  ID = "ui.param.forget"
	UIParamNoPing  ID = "ui.param.no_ping"
	UIParamOff     ID = "ui.param.off"
	UIParamMissed  ID = "ui.param.max_missed"
	UIParamKA      ID = "ui.param.keepalive"
	UIParamOS      ID = "ui.param.os_default"

	UINothingLeft ID = "ui.flash.nothing_left"
	UINoChange    ID = "ui.flash.no_change"
	UIJumped      ID = "ui.flash.jumped"
	UISeeking     ID = "ui.flash.seeking"
	UIToStart     ID = "ui.flash.to_start"
	UINoFaults    ID = "ui.flash.no_faults"
	UINoRecord    ID = "ui.flash.no_record"
	UIEndsAt      ID = "ui.flash.ends_at"
	UIBranched    ID = "ui.flash.branched"
	UIBranchedDrp ID = "ui.flash.branched_dropped"
	UIAtEnd       ID = "ui.flash.at_end"
	UISeekStopped ID = "ui.flash.seek_stopped"
	UINoMarkBack  ID = "ui.flash.no_marker_before"
	UINoMarkAhead ID = "ui.flash.no_marker_after"
	UIRecordErr   ID = "ui.flash.record_error"
	UIRecorded    ID = "ui.flash.recorded"
	UIRestartErr  ID = "ui.flash.restart_error"
	UIActionDone  ID = "ui.flash.done"
	UIActionSet   ID = "ui.flash.set"

	UIReplay        ID = "ui.timeline.replay"
	UISeekingLabel  ID = "ui.timeline.seeking"
	UINoInputs      ID = "ui.timeline.no_inputs"
	UIToReplay      ID = "ui.timeline.to_replay"
	UIAllReplayed   ID = "ui.timeline.all_replayed"
	UIMarkFault     ID = "ui.timeline.fault"
	UIMarkParam     ID = "ui.timeline.parameter"
	UIMarkDetect    ID = "ui.timeline.detection"
	UIGoToPrompt    ID = "ui.timeline.goto"
	UIGoToHelp      ID = "ui.timeline.goto_help"
	UINotATime      ID = "ui.timeline.not_a_time"
	UIBeforeStart   ID = "ui.timeline.before_start"
	UIRecordingFull ID = "ui.record.names_taken"
)

var screenMessages = map[ID]entry{
	UILang: {En: "language: English", Zh: "语言：中文"},

	UIPaneHosts:      {En: "hosts", Zh: "主机"},
	UIPaneTimers:     {En: "timers {{.N}}", Zh: "定时器 {{.N}}"},
	UIPaneConns:      {En: "connections {{.N}}", Zh: "连接 {{.N}}"},
	UIPaneWire:       {En: "wire", Zh: "线路"},
	UIPaneWireBack:   {En: "wire · scrolled back {{.N}} rows · end follows", Zh: "线路 · 回看 {{.N}} 行 · end 回到最新"},
	UIPaneLog:        {En: "what is happening", Zh: "正在发生什么"},
	UIPaneLogBack:    {En: "what is happening · {{.N}} lines back · end follows", Zh: "正在发生什么 · 回看 {{.N}} 行 · end 回到最新"},
	UILesson:         {En: "lesson", Zh: "本课"},
	UIMoreLikeIt:     {En: "{{.Text}} (+{{.N}} more like it)", Zh: "{{.Text}}（另有 {{.N}} 条类似）"},
	UILikeIt:         {En: "{{.Text}} (+{{.N}} like it)", Zh: "{{.Text}}（另有 {{.N}} 条类似）"},
	UIPlusMore:       {En: "{{.Text}} (+{{.N}} more)", Zh: "{{.Text}}（另有 {{.N}} 个）"},
	UIWireTime:       {En: "time", Zh: "时间"},
	UIWirePort:       {En: "port", Zh: "端口"},
	UIWireNothing:    {En: "nothing on the wire yet", Zh: "线路上还什么都没有"},
	UIRetransmission: {En: "retransmission", Zh: "重传"},
	UIKeepaliveProbe: {En: "keepalive probe", Zh: "保活探测"},
	UIResponse:       {En: "response", Zh: "响应"},

	UINoConnYet:     {En: "no connection yet", Zh: "还没有连接"},
	UINoConn:        {En: "no connection", Zh: "没有连接"},
	UIConnEnds:      {En: "{{.N}} connection ends: ", Zh: "{{.N}} 个连接端："},
	UIHeardAgo:      {En: "heard {{.D}} ago", Zh: "{{.D}}前收到"},
	UIAgo:           {En: "{{.D}} ago", Zh: "{{.D}}前"},
	UIRetransmitted: {En: "{{.N}} retransmitted", Zh: "重传 {{.N}} 次"},

	UINoTimer:    {En: "no timer is armed", Zh: "没有定时器在走"},
	UITimerCount: {En: "{{.N}} timers: ", Zh: "{{.N}} 个定时器："},
	UIWithDetail: {En: "{{.Label}} ({{.Detail}})", Zh: "{{.Label}}（{{.Detail}}）"},

	UIPowerOff:    {En: "power off", Zh: "已断电"},
	UIListening:   {En: "listening {{.Port}}", Zh: "监听 {{.Port}}"},
	UIQueue:       {En: "queue {{.N}}/{{.Max}}", Zh: "队列 {{.N}}/{{.Max}}"},
	UISYNDrops:    {En: "{{.N}} SYN drops", Zh: "丢弃 {{.N}} 个 SYN"},
	UISYNDropped:  {En: "{{.N}} SYNs dropped (backlog full)", Zh: "丢弃 {{.N}} 个 SYN（backlog 已满）"},
	UIRunning:     {En: "running", Zh: "运行中"},
	UIFrozen:      {En: "frozen", Zh: "卡死"},
	UIDead:        {En: "dead", Zh: "已退出"},
	UIRouter:      {En: "router", Zh: "路由器"},
	UIFirewall:    {En: "firewall", Zh: "防火墙"},
	UINAT:         {En: "nat", Zh: "NAT"},
	UIIdle:        {En: "idle {{.D}}", Zh: "空闲 {{.D}}"},
	UIIdleTimeout: {En: "idle timeout {{.D}}", Zh: "空闲超时 {{.D}}"},
	UIOnExpiry:    {En: "on expiry: {{.Policy}}", Zh: "过期后：{{.Policy}}"},
	UIFlows:       {EnOne: "{{.Count}} flow", En: "{{.Count}} flows", Zh: "{{.Count}} 条流"},
	UIConntrack:   {En: "loose {{.Loose}} new_needs_syn {{.SYN}} drop_invalid {{.Invalid}}", Zh: "开关 loose {{.Loose}} new_needs_syn {{.SYN}} drop_invalid {{.Invalid}}"},
	UISwitchOn:    {En: "✓", Zh: "✓"},
	UISwitchOff:   {En: "✗", Zh: "✗"},
	UIDropNoSYN:   {En: "{{.N}} dropped: new without SYN", Zh: "丢弃 {{.N}} 个：新流不是 SYN"},
	UIDropInvalid: {En: "{{.N}} dropped: invalid", Zh: "丢弃 {{.N}} 个：INVALID"},
	UIDropNoFlow:  {En: "{{.N}} dropped: no flow", Zh: "丢弃 {{.N}} 个：无流"},
	UIUntracked:   {En: "{{.N}} passed untracked", Zh: "{{.N}} 个未跟踪放行"},
	UIMappedAs:    {En: "as {{.Addr}}", Zh: "映射为 {{.Addr}}"},
	UIIdleOf:      {En: "idle {{.Idle}} of {{.Timeout}}", Zh: "空闲 {{.Idle}}/{{.Timeout}}"},
	UILinks:       {En: "links", Zh: "链路"},
	UILinkUp:      {En: "up", Zh: "连通"},
	UILinkDown:    {En: "DOWN", Zh: "断开"},
	UILinkLoss:    {En: "loss {{.P}}", Zh: "丢包 {{.P}}"},

	UIRunningAt: {En: "▶ running {{.Speed}}", Zh: "▶ 运行中 {{.Speed}}"},
	UIPausedAt:  {En: "❚❚ paused {{.Speed}}", Zh: "❚❚ 已暂停 {{.Speed}}"},
	UILagging:   {En: "(lagging)", Zh: "（跟不上）"},
	UISeed:      {En: "seed {{.N}}", Zh: "种子 {{.N}}"},
	UIFirstHint: {En: "space runs · ? help", Zh: "空格 运行 · ? 帮助"},

	UITooSmall:      {En: "socklab needs {{.W}}×{{.H}} (this is {{.CW}}×{{.CH}}) · q quits", Zh: "socklab 需要 {{.W}}×{{.H}}（当前 {{.CW}}×{{.CH}}）· q 退出"},
	UIHelpKeys:      {En: "Keys", Zh: "按键"},
	UIHelpReplaying: {En: "Replaying {{.Name}}", Zh: "回放 {{.Name}}"},
	UIHelpReplay: {
		En: "The recorded faults and changes play back at their times; seeking back re-simulates from the start. f and e are off: v branches here, drops the inputs not yet replayed, and the lab is live (w then records the branch). On the timeline: ● now, ✖ fault, = parameter set, ! detection.",
		Zh: "录制下来的故障和修改会在各自的时刻重放；往回移动会从头重新模拟。f 和 e 不可用：按 v 在此处分支，丢掉还没重放的输入，实验变为实时（之后按 w 录下这个分支）。时间轴上：● 当前，✖ 故障，= 参数修改，! 检测到断开。",
	},
	UIHelpWire:    {En: "Reading the wire", Zh: "怎么看线路"},
	UIHelpLegend1: {En: "│──▶  a packet delivered     ┄┄▶  still in flight     ✗  dropped, with why", Zh: "│──▶  包已送达     ┄┄▶  还在路上     ✗  被丢弃，附原因"},
	UIHelpLegend2: {En: "ping #n / pong #n  heartbeats      ↻  retransmission     keepalive probe", Zh: "ping #n / pong #n  心跳      ↻  重传     保活探测"},
	UIHelpLegend3: {En: "✖ fault   ! detection   ↺ reconnect   ~ middlebox flow   = parameter set", Zh: "✖ 故障   ! 检测到断开   ↺ 重连   ~ 中间设备的流   = 参数修改"},
	UIHelpLegend4: {En: "[PSH|ACK] seq=1 ack=1 len=8: flags, relative sequence numbers, payload", Zh: "[PSH|ACK] seq=1 ack=1 len=8：标志位、相对序号、载荷长度"},
	UIHelpLegend5: {En: "The mouse wheel scrolls the wire, or the log under the pointer.", Zh: "鼠标滚轮滚动线路，或滚动指针下方的日志。"},
	UIHelpClose:   {En: "? or esc closes this help", Zh: "按 ? 或 esc 关闭帮助"},

	UIMenuFaults:   {En: "Fault — do it now", Zh: "故障——立即发生"},
	UIMenuParams:   {En: "Parameters — change one live", Zh: "参数——运行中修改"},
	UIMenuPrompt:   {En: "enter apply · esc back", Zh: "enter 应用 · esc 返回"},
	UIMenuList:     {En: "↑/↓ move · enter or hotkey choose · esc close", Zh: "↑/↓ 移动 · enter 或快捷键 选择 · esc 关闭"},
	UIMoreBelow:    {En: "{{.N}} more", Zh: "还有 {{.N}} 项"},
	UIFaultOff:     {En: "power off {{.Name}}", Zh: "{{.Name}} 断电"},
	UIFaultOn:      {En: "power on {{.Name}}", Zh: "{{.Name}} 上电"},
	UIFaultRestart: {En: "restart {{.Name}}", Zh: "重启 {{.Name}}"},
	UIFaultCrash:   {En: "crash {{.Name}}", Zh: "让 {{.Name}} 崩溃"},
	UIFaultStop:    {En: "stop {{.Name}}", Zh: "停止 {{.Name}}"},
	UIFaultThaw:    {En: "thaw {{.Name}}", Zh: "让 {{.Name}} 恢复"},
	UIFaultFreeze:  {En: "freeze {{.Name}}", Zh: "让 {{.Name}} 卡死"},
	UIFaultPull:    {En: "pull the cable {{.Name}}", Zh: "拔掉网线 {{.Name}}"},
	UIFaultPlug:    {En: "plug the cable {{.Name}}", Zh: "插回网线 {{.Name}}"},
	UIFaultLoss:    {En: "set loss on {{.Name}}…", Zh: "设置 {{.Name}} 的丢包率…"},
	UIFaultLossAsk: {En: "loss on {{.Name}} (a probability, 0 to 1):", Zh: "{{.Name}} 的丢包率（概率，0 到 1）："},
	UIFaultSplit:   {En: "partition {{.Name}} from {{.Others}}", Zh: "把 {{.Name}} 与 {{.Others}} 隔开"},
	UIFaultHeal:    {En: "heal all partitions", Zh: "解除所有分区"},
	UIFaultExpire:  {En: "expire {{.Name}}'s flows", Zh: "让 {{.Name}} 忘掉所有流"},
	UIParamAsk:     {En: "new value of {{.Path}}:", Zh: "{{.Path}} 的新值："},
	UIParamProb:    {En: "probability 0 to 1", Zh: "概率 0 到 1"},
	UIParamOneWay:  {En: "one way", Zh: "单向"},
	UIParamForget:  {En: "forget a flow idle this long", Zh: "流空闲这么久就忘掉"},
	UIParamNoPing:  {En: "this side does not ping", Zh: "这一端不发 ping"},
	UIParamOff:     {En: "off", Zh: "关闭"},
	UIParamMissed:  {En: "pings unanswered before giving up", Zh: "放弃前允许多少个 ping 没有回应"},
	UIParamKA:      {En: "SO_KEEPALIVE: true or false", Zh: "SO_KEEPALIVE：true 或 false"},
	UIParamOS:      {En: "OS default", Zh: "系统默认值"},

	UINothingLeft: {En: "nothing is left to happen", Zh: "之后不会再发生任何事"},
	UINoChange:    {En: "nothing changes in the next {{.D}}", Zh: "接下来 {{.D}}内没有任何变化"},
	UIJumped:      {En: "+{{.D}}: {{.What}}", Zh: "+{{.D}}：{{.What}}"},
	UISeeking:     {En: "seeking… (esc stops)", Zh: "正在移动…（esc 停止）"},
	UIToStart:     {En: "back to the start", Zh: "回到开头"},
	UINoFaults:    {En: "replaying: no faults or edits of your own until v branches", Zh: "正在回放：按 v 分支之前，不能自己制造故障或修改参数"},
	UINoRecord:    {En: "this is a recording already: v branches, then w records the branch", Zh: "这本身就是录制：按 v 分支，再按 w 录下这个分支"},
	UIEndsAt:      {En: "the recording ends at {{.At}}", Zh: "录制在 {{.At}} 结束"},
	UIBranched:    {En: "branched at {{.At}}: the lab is live", Zh: "在 {{.At}} 分支：实验已变为实时"},
	UIBranchedDrp: {EnOne: "branched at {{.At}}: the lab is live, {{.Count}} recorded input dropped", En: "branched at {{.At}}: the lab is live, {{.Count}} recorded inputs dropped", Zh: "在 {{.At}} 分支：实验已变为实时，丢掉了 {{.Count}} 个录制的输入"},
	UIAtEnd:       {En: "the recording ends here: , < g seek back · v branches to go on", Zh: "录制到此结束：按 , < g 往回移动 · 按 v 分支后继续"},
	UISeekStopped: {En: "seek stopped", Zh: "已停止移动"},
	UINoMarkBack:  {En: "no marker before this", Zh: "前面没有标记了"},
	UINoMarkAhead: {En: "no marker after this", Zh: "后面没有标记了"},
	UIRecordErr:   {En: "record: {{.Err}}", Zh: "录制：{{.Err}}"},
	UIRecorded:    {EnOne: "wrote {{.Path}} · {{.D}}, {{.Count}} live input", En: "wrote {{.Path}} · {{.D}}, {{.Count}} live inputs", Zh: "已写入 {{.Path}} · {{.D}}，{{.Count}} 个实时输入"},
	UIRestartErr:  {En: "restart: {{.Err}}", Zh: "重来：{{.Err}}"},
	UIActionDone:  {En: "done: {{.Action}}", Zh: "已执行：{{.Action}}"},
	UIActionSet:   {En: "set {{.Path}} = {{.Value}}", Zh: "已设置 {{.Path}} = {{.Value}}"},

	UIReplay:        {En: "replay", Zh: "回放"},
	UISeekingLabel:  {En: "seeking…", Zh: "移动中…"},
	UINoInputs:      {En: "no live inputs", Zh: "没有实时输入"},
	UIToReplay:      {EnOne: "{{.Count}} input to replay", En: "{{.Count}} inputs to replay", Zh: "还有 {{.Count}} 个输入待重放"},
	UIAllReplayed:   {En: "all inputs replayed", Zh: "输入已全部重放"},
	UIMarkFault:     {En: "fault", Zh: "故障"},
	UIMarkParam:     {En: "parameter", Zh: "参数"},
	UIMarkDetect:    {En: "detection", Zh: "检测"},
	UIGoToPrompt:    {En: "go to > ", Zh: "跳到 > "},
	UIGoToHelp:      {En: "1m30s, 90 or 01:30.5 · enter goes · esc cancels", Zh: "1m30s、90 或 01:30.5 · enter 跳转 · esc 取消"},
	UINotATime:      {En: `{{printf "%q" .Value}} is not a time (like 1m30s, 90 or 01:30.5)`, Zh: `{{printf "%q" .Value}} 不是时间（例如 1m30s、90 或 01:30.5）`},
	UIBeforeStart:   {En: `{{printf "%q" .Value}} is before the start`, Zh: `{{printf "%q" .Value}} 早于开始时刻`},
	UIRecordingFull: {En: "{{.Path}} and 998 numbered ones exist already", Zh: "{{.Path}} 以及 998 个编号的文件都已存在"},
}
