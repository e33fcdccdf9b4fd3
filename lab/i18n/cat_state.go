package i18n

// What the lab's snapshot shows (lab.Snapshot): applications' states,
// timers, summaries; and the short texts of the wire's rows that are not
// packets (faults, live changes, middlebox flows; a detection or a
// reconnection row shows its event's own text).
const (
	StateAlive      ID = "state.alive"
	StateUnanswered ID = "state.unanswered"
	StateDown       ID = "state.down"
	StateIdle       ID = "state.idle"
	StateConnecting ID = "state.connecting"
	StateConnected  ID = "state.connected"
	StateWaiting    ID = "state.waiting"
	StateGaveUp     ID = "state.gave_up"

	TimerNextPing   ID = "timer.next_ping"
	TimerAnswer     ID = "timer.answer_timeout"
	TimerHeartbeat  ID = "timer.heartbeat_timeout"
	TimerIdle       ID = "timer.idle_timeout"
	TimerBackoff    ID = "timer.reconnect_backoff"
	TimerConnect    ID = "timer.connect_timeout"
	TimerSYN        ID = "timer.syn"
	TimerSYNACK     ID = "timer.syn-ack"
	TimerRTO        ID = "timer.rto"
	TimerTLP        ID = "timer.tail-loss-probe"
	TimerZeroWindow ID = "timer.zero-window-probe"
	TimerDelAck     ID = "timer.delack"
	TimerKeepalive  ID = "timer.keepalive"
	TimerTimeWait   ID = "timer.time-wait"
	TimerFinWait2   ID = "timer.fin-wait-2"
	TimerMissed     ID = "timer.missed"
	TimerAttempt    ID = "timer.attempt"
	TimerRetry      ID = "timer.detail.retry"
	TimerRetryRTO   ID = "timer.detail.retry_rto"
	TimerProbe      ID = "timer.detail.probe"
	TimerProbesOf   ID = "timer.detail.probes_of"

	SummaryClients   ID = "summary.clients"
	SummaryDown      ID = "summary.down"
	SummaryUDP       ID = "summary.udp"
	SummaryListening ID = "summary.listening"

	WireFault       ID = "wire.fault"
	WireLostPower   ID = "wire.power_off"
	WirePoweredOn   ID = "wire.power_on"
	WireCrashed     ID = "wire.crash"
	WireRestarted   ID = "wire.restart"
	WireFrozen      ID = "wire.freeze"
	WireThawed      ID = "wire.thaw"
	WireCablePulled ID = "wire.link_down"
	WireCablePlug   ID = "wire.link_up"
	WirePartitioned ID = "wire.partition"
	WireHealed      ID = "wire.heal"
	WireForgets     ID = "wire.expire"
	WireStopped     ID = "wire.stop"
	WireReconfig    ID = "wire.link_config"
	WireIdleSet     ID = "wire.idle_timeout"
	WireLossSet     ID = "wire.loss"
	WirePickedUp    ID = "wire.flow_picked_up"
	WireForgot      ID = "wire.flow_expired"
	WireOnHost      ID = "wire.on_host"
	WireState       ID = "wire.state"
	WireParam       ID = "wire.param"
)

var stateMessages = map[ID]entry{
	StateAlive:      {En: "alive", Zh: "正常"},
	StateUnanswered: {En: "{{.N}} ping(s) unanswered", Zh: "{{.N}} 个 ping 未回应"},
	StateDown:       {En: "down", Zh: "未运行"},
	StateIdle:       {En: "idle", Zh: "等待开始"},
	StateConnecting: {En: "connecting", Zh: "连接中"},
	StateConnected:  {En: "connected", Zh: "已连接"},
	StateWaiting:    {En: "waiting", Zh: "等待重连"},
	StateGaveUp:     {En: "gave_up", Zh: "已放弃"},

	TimerNextPing:   {En: "next ping", Zh: "下次 ping"},
	TimerAnswer:     {En: "answer timeout", Zh: "回应超时"},
	TimerHeartbeat:  {En: "heartbeat timeout", Zh: "心跳超时"},
	TimerIdle:       {En: "idle timeout", Zh: "空闲超时"},
	TimerBackoff:    {En: "reconnect backoff", Zh: "重连退避"},
	TimerConnect:    {En: "connect timeout", Zh: "连接超时"},
	TimerSYN:        {En: "syn", Zh: "SYN 重传"},
	TimerSYNACK:     {En: "syn-ack", Zh: "SYN-ACK 重传"},
	TimerRTO:        {En: "rto", Zh: "重传超时"},
	TimerTLP:        {En: "tail-loss-probe", Zh: "尾部丢失探测"},
	TimerZeroWindow: {En: "zero-window-probe", Zh: "零窗口探测"},
	TimerDelAck:     {En: "delack", Zh: "延迟确认"},
	TimerKeepalive:  {En: "keepalive", Zh: "保活"},
	TimerTimeWait:   {En: "time-wait", Zh: "TIME_WAIT"},
	TimerFinWait2:   {En: "fin-wait-2", Zh: "FIN_WAIT_2"},
	TimerMissed:     {En: "{{.N}} of {{.Max}} missed", Zh: "未回应 {{.N}}/{{.Max}}"},
	TimerAttempt:    {En: "attempt {{.N}}, {{.Policy}}", Zh: "第 {{.N}} 次，{{.Policy}}"},
	TimerRetry:      {En: "retry {{.N}}", Zh: "第 {{.N}} 次重传"},
	TimerRetryRTO:   {En: "retry {{.N}}, rto {{.RTO}}", Zh: "第 {{.N}} 次重传，RTO {{.RTO}}"},
	TimerProbe:      {En: "probe {{.N}}", Zh: "第 {{.N}} 个探测"},
	TimerProbesOf:   {En: "probe {{.N}} of {{.Max}} unanswered", Zh: "第 {{.N}}/{{.Max}} 个探测未回应"},

	SummaryClients:   {En: "{{.N}} of {{.Total}} connected", Zh: "已连接 {{.N}}/{{.Total}}"},
	SummaryDown:      {En: "down", Zh: "未运行"},
	SummaryUDP:       {En: "udp :{{.Port}}, {{.N}} peers", Zh: "udp :{{.Port}}，{{.N}} 个对端"},
	SummaryListening: {En: "listening :{{.Port}}, {{.N}} clients", Zh: "监听 :{{.Port}}，{{.N}} 个客户端"},

	WireFault:       {En: "{{.Who}} {{.What}}{{.Settings}}", Zh: "{{.Who}} {{.What}}{{.Settings}}"},
	WireLostPower:   {En: "lost power", Zh: "断电了"},
	WirePoweredOn:   {En: "powered on", Zh: "上电了"},
	WireCrashed:     {En: "crashed", Zh: "崩溃了"},
	WireRestarted:   {En: "restarted", Zh: "重新启动"},
	WireFrozen:      {En: "frozen", Zh: "卡死了"},
	WireThawed:      {En: "thawed", Zh: "恢复了"},
	WireCablePulled: {En: "cable pulled", Zh: "网线被拔掉"},
	WireCablePlug:   {En: "cable plugged in", Zh: "网线插回"},
	WirePartitioned: {En: "partitioned", Zh: "被网络分区隔开"},
	WireHealed:      {En: "healed", Zh: "分区解除"},
	WireForgets:     {En: "forgets its flows", Zh: "忘掉了所有流"},
	WireStopped:     {En: "stopped", Zh: "已停止"},
	WireReconfig:    {En: "reconfigured", Zh: "已重新配置"},
	WireIdleSet:     {En: "idle timeout set", Zh: "空闲超时已设置"},
	WireLossSet:     {En: "loss set", Zh: "丢包率已设置"},
	WirePickedUp:    {En: "{{.Box}} picked up {{.Flow}} mid-stream", Zh: "{{.Box}} 在中途接上了 {{.Flow}}"},
	WireForgot:      {En: "{{.Box}} forgot {{.Flow}} after {{.Idle}} idle", Zh: "{{.Box}} 在空闲 {{.Idle}}后忘掉了 {{.Flow}}"},
	WireOnHost:      {En: "{{.App}} (on {{.Host}})", Zh: "{{.Host}} 上的 {{.App}}"},
	WireState:       {En: "{{.Host}} {{.From}} → {{.To}}", Zh: "{{.Host}} {{.From}} → {{.To}}"},
	WireParam:       {En: "{{.Path}} = {{.Value}}", Zh: "{{.Path}} = {{.Value}}"},
}
