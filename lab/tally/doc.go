// Package tally counts what a run costs, from its event stream alone: the
// ledger behind the interface's cost view and `socklab sweep`'s measures.
//
//	t := tally.New()
//	session.Observe(t.Observe)
//	... run ...
//	c := t.Conn("server", "tcp 10.0.0.1:8080 > 10.0.0.2:47659")
//	c.Sent[tally.Heartbeat].Bytes           // what this end's heartbeats cost
//	a := t.App("client")
//	a.KeepAlivePerMinute(now)               // bytes per connection-minute
//	a.Poll.MeanLatency()                    // a poller's news, how late
//	a.Attempts.Window(from, to)             // connect() calls per 100 ms
//
// # What it counts
//
// Per connection end (a host and its socket's 5-tuple, owned by the
// process the tcp_state events name), the segments it sent and received
// and their bytes on the wire (IPv4 total length: what a link carries),
// in six classes:
//
//	Data            segments with payload that are not heartbeats
//	Heartbeat       an application's pings and answers, and the pure ACKs of them
//	Keepalive       TCP keepalive probes, and the ACKs that answer them
//	ACK             the other pure ACKs
//	Retransmission  every copy sent again (RTO, tail loss probe, fast retransmit, SYN)
//	Control         SYN, FIN, RST and window probes without payload
//
// Per app (a client group's clients summed under the group's name): the
// same sums, the time its connections spent established, its detections
// and how long each took (the silence before it), a poller's requests,
// bytes and the latency of its news (the numbers of lab.PollStats, from the
// app events), and its connection attempts (SYNs of connect(), not their
// retransmissions) per 100 ms.
//
// A tally is pure and deterministic like the lab it watches: no clock,
// no I/O. Its memory is bounded: connections are kept while they live
// (their counts stay in their app's), and the memories it keeps to class
// an ACK (which segments were heartbeats or probes) are cleared when they
// grow large.
//
// # Files
//
//	tally.go    Tally, Observe, the classes
//	conn.go     Conn, App, Count
//	series.go   Series: counts per fixed time step (the herd's attempts)
package tally
