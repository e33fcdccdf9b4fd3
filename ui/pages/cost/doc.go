// Package cost is the cost view: what a run has cost so far, from its
// ledger (lab/tally), the numbers the lessons talk about.
//
//	keeping connections alive, and finding them dead
//	app     heartbeats and probes  per conn-minute  dead peer found after
//	server  7 · 280 B              160 B            45s (1 time, longest 45s)
//
//	bytes on the wire by kind, sent + received
//	app     data  heartbeat  keepalive  pure ACK  retransmit  control
//	server  —     —          280 B      40 B      —           128 B
//
//	polling against push: what the news cost, and how late it came
//	app    requests  sent     received  news  mean latency  max latency
//	short  361       36.1 kB  …
//
//	each open connection end: segments · bytes sent and received; segments by kind, sent ↑ received ↓
//	end            sent       received   data  heartbeat  keepalive  pure ACK  retransmit  control
//	client :47659  4 · 164 B  3 · 124 B  —     —          2↑ 2↓      1↑ 0↓     —           1↑ 1↓
//
//	clients: connection attempts per 100 ms · 5000 in all · the most 1000, at 01:01.000
//	▁▁▁▁▁█▁▁█▁▁▁█▁▁▁▁▁█▁▁▁   (ntcharts' sparkline)
//
// The first table is the trade-off of the article's heartbeat section:
// bytes per minute of one connection spent on heartbeats and keepalive
// probes (and the ACKs of them), against how long the app took to find a
// dead peer (the silence before each detection). The pollers' numbers are
// the ones the poll_latency expectations judge. Each connection end open
// now has its own ledger (the first 50: a herd's are summed in its app's
// rows). A group's attempts are its
// connect() calls per 100 ms: the thundering herd's waves.
package cost
