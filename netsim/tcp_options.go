package netsim

import (
	"cmp"
	"math/bits"
	"slices"
	"time"
)

// The TCP options Linux negotiates on the handshake and writes on its
// segments: SACK permitted and SACK blocks (RFC 2018), timestamps (RFC
// 7323 3) and window scaling (RFC 7323 2). The MSS option is the
// handshake's own (xmit). What the model leaves out: PAWS and the
// timestamp-based RTT samples (RTT samples are taken as timestamps would
// give them, see tcp_rtt.go), SACK-based loss recovery (the peer's blocks
// are read by nobody), D-SACK, window growth beyond 64 KiB
// (tcp_grow_window, tcp_rcv_space_adjust).

// tsOptionLen is TCPOLEN_TSTAMP_ALIGNED: what timestamps take from every
// segment's MSS once agreed (tcp_current_mss).
const tsOptionLen = 12

// maxWScale is TCP_MAX_WSCALE (RFC 7323 2.3).
const maxWScale = 14

// windowScale is the shift tcp_select_initial_window offers for a buffer
// that may grow to space: ilog2(space) - 15, between 0 and 14.
func windowScale(space int) uint8 {
	if space <= 0 {
		return 0
	}
	return uint8(min(max(bits.Len(uint(space))-1-15, 0), maxWScale))
}

// tsVal is the connection's timestamp clock now: the host's millisecond
// clock (tcp_clock_ms, counted like its jiffies from a boot time drawn
// from the seed) plus the connection's offset.
func (c *Conn) tsVal() uint32 {
	h := c.host
	return uint32((h.sim.now+h.JiffyOrigin())/time.Millisecond) + c.tsOffset()
}

// tsOffset is the connection's offset of the timestamp clock: Linux draws
// it from a hash of the addresses (secure_tcp_ts_off); the model hashes
// the random ISS, so that no extra draw changes the run. Computed rather
// than kept: a multiplication a segment costs less than 4 bytes of a
// Conn's hot lines.
func (c *Conn) tsOffset() uint32 { return c.iss * 2654435761 }

// synOptions puts the options of a SYN or SYN-ACK on p: the MSS the
// connection advertises, and the others a SYN offers of what the host's
// sysctls turn on (tcp_syn_options), a SYN-ACK grants of what both ends
// offered (tcp_synack_options). A SYN's options are its own (Packet.Opts).
func (c *Conn) synOptions(p *Packet) {
	prof := &c.host.profile
	o := p.setOptions()
	o.MSS = uint16(advMSS(prof, &c.opts))
	if p.Flags&ACK == 0 { // our SYN: offer
		o.SackOK = prof.SACK
		p.HasTS, p.TSVal = prof.Timestamps, c.tsVal()
		o.HasWScale, o.WScale = prof.WindowScaling, c.rcvWScale
		return
	}
	o.SackOK = c.sackOK
	if c.tsOK {
		p.HasTS, p.TSVal, p.TSEcr = true, c.tsVal(), c.tsRecent
	}
	if c.wsOK {
		o.HasWScale, o.WScale = true, c.rcvWScale
	}
}

// agree records what the peer's SYN or SYN-ACK offered against what the
// host offers (tcp_parse_options, tcp_openreq_init, tcp_rcv_synsent_state_process):
// each option is used only if both ends sent it. With timestamps, every
// segment carries 12 bytes of them, which the MSS gives up.
func (c *Conn) agree(p *Packet) {
	prof := &c.host.profile
	o := p.options()
	c.sackOK = o.SackOK && prof.SACK
	c.tsOK = p.HasTS && prof.Timestamps
	if c.tsOK {
		c.tsRecent = p.TSVal
		c.mss -= tsOptionLen
	}
	// The initial congestion window is TCP_INIT_CWND segments of the MSS
	// the two ends agreed on (tcp_init_cwnd counts packets, not bytes).
	c.cwnd = int32(prof.InitCwnd * int(c.mss))
	c.wsOK = o.HasWScale && prof.WindowScaling
	if c.wsOK {
		c.sndWScale = min(o.WScale, maxWScale) // RFC 7323 2.3: a larger shift is taken as 14
	} else {
		c.sndWScale, c.rcvWScale = 0, 0
	}
}

// sackOptions puts on p, an ACK after the handshake, the SACK blocks of
// the data received out of order (tcp_established_options; xmit puts the
// timestamps).
func (c *Conn) sackOptions(p *Packet) {
	o := p.setOptions() // the blocks are this segment's own (Packet.Opts)
	max := len(o.SACK)
	if c.tsOK {
		max = 3 // 40 bytes of options hold three blocks beside timestamps
	}
	for i, b := range c.sackBlocks() {
		if i == max {
			break
		}
		o.SACK[i] = b
		o.NSack++
	}
}

// sackBlocks are the runs of data held out of order, the one that received
// the latest segment first (RFC 2018 4: "the first SACK block MUST specify
// the contiguous block of data containing the segment which triggered this
// ACK"; tcp_sack_new_ofo_skb keeps the others most recent first).
func (c *Conn) sackBlocks() []SackBlock {
	type run struct {
		b    SackBlock
		last uint64
	}
	var runs []run
	for _, s := range c.ooo {
		end := s.seq + uint32(len(s.data))
		if s.fin {
			end++
		}
		if n := len(runs); n > 0 && seqGE(runs[n-1].b.Right, s.seq) {
			r := &runs[n-1]
			if seqGT(end, r.b.Right) {
				r.b.Right = end
			}
			r.last = max(r.last, s.id)
			continue
		}
		runs = append(runs, run{SackBlock{s.seq, end}, s.id})
	}
	slices.SortStableFunc(runs, func(a, b run) int { return cmp.Compare(b.last, a.last) })
	out := make([]SackBlock, len(runs))
	for i, r := range runs {
		out[i] = r.b
	}
	return out
}

// advertise is the window field of a segment: unscaled (at most 65535) on
// a SYN or SYN-ACK (RFC 7323 2.2), else shifted right by our scale, rounded
// up to its granule as __tcp_select_window does (ALIGN).
func (c *Conn) advertise(w uint32, syn bool) uint16 {
	if syn || c.rcvWScale == 0 {
		return uint16(min(w, 65535))
	}
	// (The scale is at most maxWScale: the mask tells the compiler so,
	// which spares each shift its test for a count past 31.)
	sh := c.rcvWScale & 15
	g := uint32(1) << sh
	return uint16(min((w+g-1)>>sh, 65535))
}

// peerWindow is the peer's window in bytes: its field, shifted by its
// scale except on a SYN or SYN-ACK.
func (c *Conn) peerWindow(p *Packet) uint32 {
	if p.Flags&SYN != 0 {
		return uint32(p.Win)
	}
	return uint32(p.Win) << c.sndWScale
}

// echo keeps the peer's latest TSval to echo: from a segment that starts
// at or before the next sequence number we expect (RFC 7323 4.3, the
// model's stand-in for "SEG.SEQ <= Last.ACK.sent").
func (c *Conn) echo(p *Packet) {
	if c.tsOK && p.HasTS && seqLE(p.Seq, c.rcvNxt) {
		c.tsRecent = p.TSVal
	}
}
