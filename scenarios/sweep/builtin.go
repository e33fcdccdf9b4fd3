package sweep

import (
	"github.com/socklab/socklab/lab/i18n"
)

// Builtin is a built-in sweep: a lesson told by a curve rather than one
// run. socklab sweep NAME runs it; --vary replaces its own parameters.
type Builtin struct {
	Name     string
	Title    i18n.Text
	Teaches  i18n.Text
	Scenario string
	// Sets change the scenario before the sweep (its length, say).
	Sets []string
	// Vary and With are its parameters, as the flags write them, in
	// order (With[i] says whether flag i is a --with).
	Vary []string
	With []bool
	// Show are the measures its table, chart and plot show.
	Show []string
}

// Builtins lists the built-in sweeps, in teaching order.
//
//i18n:ok each sweep's title and teaching text in both languages, written for it as a lesson file's are
func Builtins() []Builtin {
	return []Builtin{
		{
			Name: "heartbeat-interval",
			Title: i18n.Text{
				En: "Heartbeat interval, 1 s to 4 min: detection time against bytes per minute",
				Zh: "心跳间隔从 1 秒到 4 分钟：发现断线的时间与每分钟的字节数",
			},
			Teaches: i18n.Text{
				En: "power-loss-heartbeat at nine intervals from 1 s, each double the one before, the client's power cut at 15 min, and the server's watch of the silence tied to each (4.5 × the interval, the lesson's 45 s for 10 s). Beat often and the dead client is found in seconds but every minute costs kilobytes; beat rarely and it costs bytes, but the server keeps a dead connection for minutes. Try the sweep without the tie (--vary apps.client.heartbeat.interval=5s..60s/5s): the watch alone decides the detection, and an interval near it makes false alarms.",
				Zh: "power-loss-heartbeat 从 1 秒起取九个心跳间隔，每个是前一个的两倍，客户端在第 15 分钟断电；服务端对沉默的看守时间随之变化（间隔的 4.5 倍，即课程中 10 秒对应的 45 秒）。心跳越勤，几秒内就能发现客户端已死，但每分钟要花几千字节；心跳越稀，只花几个字节，服务端却要守着一条死连接好几分钟。试试不绑定看守时间的扫描（--vary apps.client.heartbeat.interval=5s..60s/5s）：发现断线的时间只取决于看守时间，而间隔一旦接近它就会误报。",
			},
			Scenario: "power-loss-heartbeat",
			Sets:     []string{"timeline[0].at=15m", "duration=40m"},
			Vary: []string{
				"apps.client.heartbeat.interval=1s..5m*2",
				"apps.server.heartbeat.expect=4.5s..20m*2",
			},
			With: []bool{false, true},
			Show: []string{"detect.server", "bytes_per_min.heartbeat", "false_alarms"},
		},
		{
			Name: "keepalive-nat",
			Title: i18n.Text{
				En: "Keepalive idle against a 350 s NAT: which settings keep the flow alive, at what cost",
				Zh: "保活空闲时间对上 350 秒的 NAT：哪些设置能让连接活下来，代价多大",
			},
			Teaches: i18n.Text{
				En: "nat-idle-rst's AWS NAT gateway forgets a flow idle for 350 s, and the client turns SO_KEEPALIVE on with idle times from 1 min to 10 min. Below 350 s each probe passes the NAT and restarts its clock: the flow lives for the whole half hour, for one probe and its ACK per idle period. From 350 s on, the first probe finds the flow forgotten and the NAT answers RST: the client resets and reconnects, every idle period.",
				Zh: "nat-idle-rst 里的 AWS NAT 网关会忘掉空闲 350 秒的流，客户端打开 SO_KEEPALIVE，空闲时间从 1 分钟到 10 分钟。低于 350 秒时，每个探测都经过 NAT 并让它的计时从头开始：整整半小时连接都活着，代价是每个空闲周期一个探测和它的 ACK。从 350 秒起，第一个探测就发现流已被忘掉，NAT 回以 RST：客户端每个空闲周期都被重置一次、重连一次。",
			},
			Scenario: "nat-idle-rst",
			Sets:     []string{"duration=30m", "apps.client.keepalive.enabled=true"},
			Vary:     []string{"apps.client.keepalive.idle=1m..10m/30s"},
			With:     []bool{false},
			Show:     []string{"detections", "reconnects", "bytes_per_min.keepalive"},
		},
		{
			Name: "herd-policy",
			Title: i18n.Text{
				En: "Reconnect policies × client counts: the herd's peak and the time to recover",
				Zh: "重连策略 × 客户端数量：惊群的峰值和恢复所需的时间",
			},
			Teaches: i18n.Text{
				En: "thundering-herd with 250 to 2,000 clients, each count with three reconnect policies. Exponential backoff without jitter sends every client's SYN in the same 100 ms: the peak is the whole herd, and once the herd outgrows the backlog the dropped ones wait for TCP's retransmissions, so the time until the server has everyone back grows with the herd. Full and decorrelated jitter spread the attempts over the backoff: a peak a fraction of the herd, whatever its size. Decorrelated jitter has everyone back in about the same time at every size; full jitter, which may wait up to the whole backoff, takes longest — the price of the smallest peaks is paid in waiting.",
				Zh: "thundering-herd 的客户端从 250 个到 2000 个，每种数量配三种重连策略。没有抖动的指数退避让所有客户端的 SYN 落在同一个 100 毫秒里：峰值就是整个客户端群；一旦人数超过 backlog，被丢弃的只能等 TCP 的重传，服务端把大家都接回来的时间随人数增长。完全抖动和去相关抖动把尝试分散到退避时间里：无论人数多少，峰值都只是总数的一小部分。去相关抖动在各种规模下恢复所需的时间差不多；完全抖动可能等满整个退避时间，恢复得最慢——峰值低的代价是等待。",
			},
			Scenario: "thundering-herd",
			Vary: []string{
				"apps.clients.count=250..2000*2",
				"apps.clients.reconnect.policy=exponential,full-jitter,decorrelated-jitter",
			},
			With: []bool{false, false},
			Show: []string{"attempts_peak", "back.server", "back.clients"},
		},
	}
}

// FindBuiltin is the built-in sweep called name.
func FindBuiltin(name string) (Builtin, bool) {
	for _, b := range Builtins() {
		if b.Name == name {
			return b, true
		}
	}
	return Builtin{}, false
}
