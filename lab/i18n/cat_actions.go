package i18n

// The actions (lab.Verbs): what each does, and what its target and value
// are, for menus, help and documentation.
const (
	VerbPowerOff  ID = "verb.power_off"
	VerbPowerOn   ID = "verb.power_on"
	VerbCrash     ID = "verb.crash"
	VerbRestart   ID = "verb.restart"
	VerbStop      ID = "verb.stop"
	VerbFreeze    ID = "verb.freeze"
	VerbThaw      ID = "verb.thaw"
	VerbLinkDown  ID = "verb.link_down"
	VerbLinkUp    ID = "verb.link_up"
	VerbLoss      ID = "verb.loss"
	VerbLatency   ID = "verb.latency"
	VerbPartition ID = "verb.partition"
	VerbHeal      ID = "verb.heal"
	VerbExpire    ID = "verb.expire"
	VerbSet       ID = "verb.set"

	ArgHost        ID = "verb.arg.host"
	ArgApp         ID = "verb.arg.app"
	ArgLink        ID = "verb.arg.link"
	ArgProbability ID = "verb.arg.probability"
	ArgDuration    ID = "verb.arg.duration"
	ArgHostsOne    ID = "verb.arg.hosts_one_side"
	ArgHostsOther  ID = "verb.arg.hosts_other_side"
	ArgPartition   ID = "verb.arg.partition"
	ArgMiddlebox   ID = "verb.arg.middlebox"
	ArgFirewallNAT ID = "verb.arg.firewall_or_nat"
	ArgParamPath   ID = "verb.arg.param_path"
	ArgValue       ID = "verb.arg.value"
)

var actionMessages = map[ID]entry{
	VerbPowerOff: {
		En: "cuts the power: no FIN, no RST, all state lost",
		Zh: "断电：不发 FIN，也不发 RST，所有状态丢失",
	},
	VerbPowerOn: {
		En: "boots the host with an empty stack; its apps start again; a segment of an old connection gets a RST",
		Zh: "开机，协议栈是空的；主机上的应用重新启动；旧连接的报文段会收到 RST",
	},
	VerbCrash: {
		En: "kills the app's processes: the OS closes their sockets (FIN, or RST with unread data)",
		Zh: "杀掉应用的进程：操作系统替它们关闭套接字（发 FIN；有未读数据时发 RST）",
	},
	VerbRestart: {
		En: "starts a crashed or stopped app again",
		Zh: "重新启动崩溃或已停止的应用",
	},
	VerbStop: {
		En: "stops the app normally: it closes its sockets (FIN) and does not reconnect",
		Zh: "正常停止应用：它关闭套接字（发 FIN），不再重连",
	},
	VerbFreeze: {
		En: "stops the app: it reads and sends nothing, its kernel still ACKs",
		Zh: "让应用卡死：它不读也不写，但内核仍会回 ACK",
	},
	VerbThaw: {
		En: "resumes a frozen app",
		Zh: "让卡死的应用恢复运行",
	},
	VerbLinkDown: {
		En: "pulls the cable: packets both ways are lost",
		Zh: "拔网线：两个方向的包都会丢失",
	},
	VerbLinkUp: {
		En: "plugs the cable back",
		Zh: "把网线插回去",
	},
	VerbLoss: {
		En: "sets random loss (and ends bursty loss)",
		Zh: "设置随机丢包率（并结束突发丢包）",
	},
	VerbLatency: {
		En: "sets the one-way latency",
		Zh: "设置单向时延",
	},
	VerbPartition: {
		En: "cuts one set of hosts (or middleboxes) from the other, both ways",
		Zh: "把一组主机（或中间设备）与另一组双向隔开（网络分区）",
	},
	VerbHeal: {
		En: "removes that partition, or all",
		Zh: "解除该分区，或全部分区",
	},
	VerbExpire: {
		En: "the firewall or NAT forgets every flow now, as if its idle timeout had passed",
		Zh: "防火墙或 NAT 立即忘掉所有流，就像空闲超时已经到了",
	},
	VerbSet: {
		En: "changes a parameter while the lab runs",
		Zh: "在实验运行时修改一个参数",
	},

	ArgHost:        {En: "host", Zh: "主机"},
	ArgApp:         {En: "app", Zh: "应用"},
	ArgLink:        {En: "link a-b", Zh: "链路 a-b"},
	ArgProbability: {En: "probability 0..1", Zh: "概率 0..1"},
	ArgDuration:    {En: "duration", Zh: "时长"},
	ArgHostsOne:    {En: "hosts a,b", Zh: "主机 a,b"},
	ArgHostsOther:  {En: "hosts c,d", Zh: "主机 c,d"},
	ArgPartition:   {En: "a partition's name a,b|c,d, or empty", Zh: "分区名 a,b|c,d，或留空"},
	ArgMiddlebox:   {En: "middlebox", Zh: "中间设备"},
	ArgFirewallNAT: {En: "firewall or NAT", Zh: "防火墙或 NAT"},
	ArgParamPath:   {En: "a live parameter path", Zh: "可在运行中修改的参数路径"},
	ArgValue:       {En: "its new value", Zh: "新的值"},
}
