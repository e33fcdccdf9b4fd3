package netsim

import "time"

// TCPInfo is what getsockopt(TCP_INFO) tells of a connection (struct
// tcp_info, filled by tcp_get_info in net/ipv4/tcp.c), for the fields the
// model keeps.
type TCPInfo struct {
	State        State
	RTO          time.Duration // tcpi_rto: icsk_rto
	Backoff      int           // tcpi_backoff: icsk_backoff, the RTO doublings since the last forward progress
	Retransmits  int           // tcpi_retransmits: icsk_retransmits
	Probes       int           // tcpi_probes: icsk_probes_out, zero-window or keepalive probes unanswered
	Unacked      int           // tcpi_unacked: packets_out, segments in flight
	SndCwnd      int           // tcpi_snd_cwnd, in segments
	SndMSS       int           // tcpi_snd_mss
	TotalRetrans uint64        // tcpi_total_retrans
	// BytesReceived is tcpi_bytes_received: how far RCV.NXT has moved
	// since the handshake (tcp_rcv_nxt_update: the data taken in order,
	// and the peer's FIN, whose end_seq counts it), modulo 2^32 (the
	// model derives it from RCV.NXT).
	BytesReceived uint64
}

// Info returns the connection's tcp_info.
func (c *Conn) Info() TCPInfo {
	in := TCPInfo{
		State: c.state, RTO: c.rto, Backoff: int(c.retransmits), Retransmits: int(c.retransmits),
		Probes: int(c.probes) + int(c.probesOut), Unacked: len(c.sent), SndMSS: int(c.mss),
		TotalRetrans: uint64(c.retransSegs),
	}
	if c.rcvNxt != c.irs { // both 0 until the peer's SYN sets them
		in.BytesReceived = uint64(c.rcvNxt - c.irs - 1)
	}
	if c.mss > 0 {
		in.SndCwnd = int(c.cwnd / c.mss)
	}
	return in
}
