package i18n

// Why a packet was dropped, as a row of the wire says it: a few words
// beside the ✗, in place of the event stream's code ("host-down"). The
// sentences that explain each reason are the doc.why messages.
const (
	WhyLoss        ID = "why.loss"
	WhyLinkDown    ID = "why.link_down"
	WhyHostDown    ID = "why.host_down"
	WhyFirewall    ID = "why.firewall"
	WhyNoRoute     ID = "why.no_route"
	WhyBacklogFull ID = "why.backlog_full"
	WhyPartition   ID = "why.partition"
	WhyPortClosed  ID = "why.port_closed"
)

var whyMessages = map[ID]entry{
	WhyLoss:        {En: "lost", Zh: "丢失"},
	WhyLinkDown:    {En: "link down", Zh: "链路断开"},
	WhyHostDown:    {En: "host off", Zh: "主机断电"},
	WhyFirewall:    {En: "firewall", Zh: "防火墙丢弃"},
	WhyNoRoute:     {En: "no route", Zh: "无路由"},
	WhyBacklogFull: {En: "queue full", Zh: "队列已满"},
	WhyPartition:   {En: "partitioned", Zh: "网络分区"},
	WhyPortClosed:  {En: "port closed", Zh: "端口未开放"},
}
