package i18n

// What netsim's names mean, for the interface's menus (netsim speaks in
// codes; its tables' docs are for developers). Each ID is "policy." and the
// name, so that a name finds its words: ID("policy." + p.String()).
const (
	PolicyDrop    ID = "policy.drop"
	PolicyPickup  ID = "policy.pickup"
	PolicyRST     ID = "policy.rst"
	PolicyRSTBoth ID = "policy.rst-both"
)

var nameMessages = map[ID]entry{
	PolicyDrop: {
		En: "dropped silently: a black hole; the sender retransmits and ends in ETIMEDOUT, the quiet side stays ESTABLISHED. Like Linux conntrack admitting new flows by SYN only",
		Zh: "悄悄丢弃：一个黑洞；发送方不断重传，最终 ETIMEDOUT，安静的一方一直是 ESTABLISHED。就像只凭 SYN 放行新流的 Linux conntrack",
	},
	PolicyPickup: {
		En: "re-creates the flow; with `ports: preserve` nobody notices, with `random` the server sees an unknown 4-tuple and answers RST. Like conntrack's loose pickup",
		Zh: "重新建起这条流；`ports: preserve` 时谁也不会察觉，`random` 时服务端看到陌生的四元组，回以 RST。就像 conntrack 的 loose pickup",
	},
	PolicyRST: {
		En: "answered with a RST to its sender (ECONNRESET at once). Like an AWS NAT gateway",
		Zh: "向发送方回一个 RST（立即 ECONNRESET）。就像 AWS NAT 网关",
	},
	PolicyRSTBoth: {
		En: `both ends get a RST the moment the timeout passes. Like Azure's load balancer with "TCP reset on idle"`,
		Zh: "超时一到，两端都收到 RST。就像开启了“TCP reset on idle”的 Azure 负载均衡器",
	},
}
