package netsim

import (
	"net/netip"
	"time"
)

// sentSeg remembers when a segment still unacknowledged last left: the
// head's time anchors the RTO, the newest acknowledged one gives an RTT
// sample.
type sentSeg struct {
	end uint32        // sequence number just past the segment (SYN and FIN count)
	at  time.Duration // its latest transmission
	len int           // payload bytes
	psh bool          // it left with PSH: its copies keep it
}

// xmit builds one segment of this connection and sends it, for the reason
// tr (its story, and the note tr implies). Every segment but a bare SYN
// carries an ACK of everything received, so sending one cancels a delayed
// ACK.
func (c *Conn) xmit(flags Flags, seq uint32, payload []byte, tr Trigger, msg uint16) {
	// A new packet is a zero one: its fields are set in place, not from
	// a composite literal built aside and copied. The host and the run
	// are read once (the compiler would read them again after each store
	// through p, which it cannot tell from c's memory).
	h := c.host
	s := h.sim
	p := s.newPacket()
	p.Proto, p.Src, p.Dst, p.Flags, p.Seq = TCP, netip.AddrPortFrom(h.ip, c.key.port()), c.key.peer(), flags, seq
	p.Payload, p.Note, p.msg, p.Rel, p.RelSeq = payload, tr.Note(), msg, true, seq-c.iss
	p.IPID, p.from, p.to = c.nextIPID(), c, c.peer
	p.Story.Trigger, p.Story.Answers = tr, s.arriving
	if tr.numbered() {
		c.number(&p.Story)
	}
	if flags&ACK != 0 {
		nxt := c.rcvNxt
		p.Ack = nxt
		p.RelAck = nxt - c.irs
		p.Story.Acks = c.rcvNxtBy
		c.onAckSent()
		c.rcvUnacked, c.ackOwed = 0, false
		if c.delackOn {
			c.stopDelack()
		}
	}
	// The window and the options, of a SYN or of a later segment (SYN is
	// tested once, and the window a SYN does not carry is not computed).
	if flags&SYN != 0 {
		w := c.initialWindow()
		p.Win, c.advWnd, c.rcvWup = c.advertise(w, true), w, c.rcvNxt
		c.synOptions(p)
	} else {
		w := c.window()
		p.Win, c.advWnd, c.rcvWup = c.advertise(w, false), w, c.rcvNxt
		// The options of a segment after the handshake
		// (tcp_established_options), here rather than in a function of
		// their own, which cost a call a segment: timestamps when agreed,
		// and on an ACK the SACK blocks of data received out of order
		// (tested first: nearly every segment finds none).
		if c.tsOK {
			p.HasTS, p.TSVal, p.TSEcr = true, c.tsVal(), c.tsRecent
		}
		if c.oooHeld && c.sackOK && flags&ACK != 0 {
			c.sackOptions(p)
		}
	}
	c.segsOut++
	c.bytesOut += uint64(len(payload))
	if len(payload) > 0 {
		c.dataOut++ // until release
	}
	c.lastSent = s.now
	h.send(p)
}

// number counts the segment about to leave among those of its trigger,
// in its story st: the number of a retransmission or probe.
func (c *Conn) number(st *Story) {
	switch st.Trigger {
	case TriggerSYNRetransmit, TriggerRTO:
		st.N = saturate16(int(c.retransmits) + 1) // counted after it is sent
	case TriggerZeroWindowProbe:
		st.N = saturate16(int(c.probes))
	case TriggerKeepalive:
		_, _, cnt := c.keepaliveParams()
		st.N, st.Of = saturate16(int(c.probesOut)+1), saturate16(cnt)
	}
}

// nextIPID is the IPv4 ID of the connection's next packet: its own
// counter, one more each time (ip_select_ident_segs). A passive open's
// SYN-ACK leaves from the request socket, before the connection has one,
// with ID 0 (ip_build_and_send_pkt with DF), as captures of Linux show.
// The state is tested first: it is on a hot line, passive on a cold one.
func (c *Conn) nextIPID() uint16 {
	if c.state == SynReceived && c.passive {
		return 0
	}
	id := c.ipID
	c.ipID++
	return id
}

// window is the receive window to advertise: the free part of the receive
// buffer, at most 65535 (advertise scales it when window scaling is on),
// rounded down to whole segments as Linux's tcp_select_window does, and
// zero while less than min(MSS, buffer/2) is free (receiver silly window
// avoidance, RFC 1122 4.2.3.3).
func (c *Conn) window() uint32 {
	buf := c.rcvSpace()
	w := min(max(c.rcvFreeIn(buf), 0), 65535)
	if w < min(int(c.mss), buf/2) {
		return 0
	}
	// Whole segments of our own advertised MSS, less the timestamps when
	// they are on: tcp_select_initial_window's rounding, which Linux's
	// window keeps until it grows (the model's never grows past 64 KiB).
	adv := advMSS(&c.host.profile, &c.opts)
	if c.tsOK {
		adv -= tsOptionLen
	}
	uw := uint32(w) // (0 to 65535: unsigned arithmetic)
	// (adv > 0 always holds: the MSS is at least minMSS, as Validate and
	// SockOpts keep it. Tested, it spares the division its test for
	// zero, whose panic call made this a function with a frame to set up
	// and tear down.)
	if adv > 0 && w >= adv {
		uw -= uw % uint32(adv)
	}
	return uw
}

// rcvFree is the part of the receive buffer's window space that neither
// unread nor out-of-order data holds (tcp_space); below 0 when data came
// past the window.
func (c *Conn) rcvFree() int { return c.rcvFreeIn(c.rcvSpace()) }

// rcvFreeIn is rcvFree, given the receive buffer's window space.
func (c *Conn) rcvFreeIn(space int) int {
	free := space - len(c.rcvBuf)
	if c.oooHeld {
		free -= c.oooBytes()
	}
	return free
}

// oooBytes is the data held out of order.
func (c *Conn) oooBytes() int {
	n := 0
	for i := range c.ooo { // (by index: a range's copy of each would need a frame in window)
		n += len(c.ooo[i].data)
	}
	return n
}

func (c *Conn) sendSYN() {
	c.xmit(SYN, c.iss, nil, TriggerConnect, 0)
	c.sndNxt = c.iss + 1
	c.sent = append(c.sent[:0], sentSeg{end: c.sndNxt, at: c.host.sim.now})
	c.armRetransmit(TimerSYN, c.host.profile.InitialRTO)
}

func (c *Conn) sendSYNACK() {
	c.xmit(SYN|ACK, c.iss, nil, TriggerAnswerSYN, 0)
	c.sndNxt = c.iss + 1
	c.sent = append(c.sent[:0], sentSeg{end: c.sndNxt, at: c.host.sim.now})
}

// sendAck sends a bare ACK of everything received, for the reason tr.
func (c *Conn) sendAck(tr Trigger) {
	c.xmit(ACK, c.sndNxt, nil, tr, 0)
}

// sendRST sends RST|ACK from this connection (tcp_send_active_reset), for
// the reason tr: the close of a socket with unread data, SO_LINGER 0,
// keepalive giving up, a listener closing.
func (c *Conn) sendRST(tr Trigger) {
	c.xmit(RST|ACK, c.sndNxt, nil, tr, 0)
}

// output sends whatever the windows and Nagle's algorithm allow: new data
// in segments of at most one MSS, then our FIN once all data has gone.
// Segments ending at the end of the queued data carry PSH. Their story is
// the application's write (or close, for a FIN alone), unless a tail loss
// probe sends them (tlpNew).
func (c *Conn) output() {
	if !c.mayOutput() {
		return
	}
	switch c.state {
	case Established, CloseWait, FinWait1, Closing, LastAck:
	default:
		return
	}
	if c.sndUna == c.iss {
		return // the SYN is not acknowledged yet (closed in SYN_RECEIVED)
	}
	if c.sndBounded { // opts.SndBuf != 0 || sb != nil: a bounded queue (bounded) keeps its buffers
		c.bounded()
		defer c.splitSent()
	}
	for !c.finSent {
		off := int(c.sndNxt - c.sndBufSeq)
		avail := len(c.sndBuf) - off
		if avail == 0 && !c.finQueued {
			return
		}
		inflight := int(c.sndNxt - c.sndUna)
		// (len(sent) >= cwnd/mss in whole segments, as mss > 0: no division.)
		if int(c.cwnd) < (len(c.sent)+1)*int(c.mss) {
			// The congestion window counts segments, as Linux's snd_cwnd
			// does: after an RTO (cwnd 1) nothing new leaves until the
			// retransmission is acknowledged, however small.
			return
		}
		room := int(c.sndWnd) - inflight
		n := min(avail, int(c.mss))
		if n > room {
			if room <= 0 {
				c.maybePersist()
				return
			}
			if inflight > 0 {
				// Sender silly window avoidance (RFC 9293 3.8.6.2.1): no
				// runt while an ACK is on its way to open the window.
				return
			}
			n = room
		}
		flags := ACK
		end := off+n == len(c.sndBuf)
		if n < int(c.mss) && end && !c.finQueued && c.nagleHolds() {
			return
		}
		if n > 0 && c.pushes(end, off, n) {
			flags |= PSH
		}
		if c.finQueued && end {
			flags |= FIN
		}
		seq := c.sndNxt
		if n > 0 {
			c.onDataSent()
		}
		tr := TriggerWrite
		switch {
		case c.tlpNew:
			tr = TriggerTailLossProbeNew
		case n == 0:
			tr = TriggerClose
		}
		c.xmit(flags, seq, c.sndBuf[off:off+n], tr, c.msgAt(seq, n))
		c.sndNxt += uint32(n)
		if flags&FIN != 0 {
			c.finSent, c.finSeq = true, c.sndNxt
			c.sndNxt++
		}
		if n < int(c.mss) {
			c.sndSml = c.sndNxt // tcp_minshall_update
		}
		c.sent = append(c.sent, sentSeg{end: c.sndNxt, at: c.host.sim.now, len: n, psh: flags&PSH != 0})
		// (scheduleLossProbe, of which new data in flight in a
		// synchronized state, as output sends in, passes the tests.)
		if !c.armLossProbe(false) {
			c.onNewDataSent(inflight)
		}
		if end && !c.finQueued {
			return // all sent: the next turn would find nothing
		}
	}
}

// mayOutput says whether output may have something to do: something
// unsent, or a bounded queue's bookkeeping to start (bounded). Without,
// the common case of an ACK or a read, the arriving segment's handling
// (input) need not call output at all: it tests it first, inlined (output
// cannot be, and its writers' calls would pay a call more through a
// wrapper).
func (c *Conn) mayOutput() bool {
	return c.sndNxt-c.sndBufSeq != uint32(len(c.sndBuf)) || c.finQueued || c.sndBounded // opts.SndBuf != 0 || sb != nil
}

// pushes says whether the segment of n bytes at offset off of the send
// queue carries PSH: on a bounded queue, if it ends a buffer marked PSH
// (tcp_mark_push: at the end of a write, before a write waits for room,
// and where forced_push found more than half the peer's window written
// since the last mark); otherwise if it ends what is queued (end).
func (c *Conn) pushes(end bool, off, n int) bool {
	if !c.sndBounded || c.sb == nil {
		return end
	}
	seq := c.sndBufSeq + uint32(off)
	return c.pushedEnd(seq, seq+uint32(n))
}

// nagleHolds reports whether Nagle's algorithm keeps a segment shorter
// than an MSS, at the end of the queued data, from leaving now: Linux's
// tcp_nagle_check with Minshall's variant (tcp_minshall_check) holds it
// while an earlier short segment is unacknowledged, unless TCP_NODELAY is
// set. A FIN is never held (tcp_nagle_test), nor new data sent by a tail
// loss probe (tcp_send_loss_probe sends with TCP_NAGLE_OFF). What is held
// leaves when that segment's ACK arrives (input calls output), or once
// further writes fill an MSS. (TCP_CORK and autocorking are not modelled.)
func (c *Conn) nagleHolds() bool {
	return !c.opts.NoDelay && !c.tlpNew && c.sndNxt != c.sndUna &&
		seqGT(c.sndSml, c.sndUna) && seqLE(c.sndSml, c.sndNxt)
}

// msgAt names the application message that the byte at seq belongs to,
// for a segment of n bytes (its number in the run's table of names, 0 for
// a segment without data).
func (c *Conn) msgAt(seq uint32, n int) uint16 {
	if n == 0 {
		return 0
	}
	if k := len(c.marks) - 1; k >= 0 && !seqGT(c.marks[k].seq, seq) {
		return c.marks[k].msg // the latest write's, as new data is
	}
	msg := uint16(0)
	for _, m := range c.marks {
		if seqGT(m.seq, seq) {
			break
		}
		msg = m.msg
	}
	return msg
}

// onNewDataSent arms the retransmission timer after new data left, when
// no tail loss probe may be scheduled (tcp_event_new_data_sent, then
// tcp_schedule_loss_probe): output tries armLossProbe first itself,
// which saves a call where a probe is scheduled, nearly every time.
func (c *Conn) onNewDataSent(priorInflight int) {
	if priorInflight == 0 || c.rtxKind == TimerTailLossProbe || !c.rtx.Armed() {
		c.rearmRTO()
	}
}

// retransmitFrom resends the first segment at or after seq (up to an MSS
// of data, with FIN if it reaches it), for the reason tr.
func (c *Conn) retransmitFrom(seq uint32, tr Trigger) {
	if c.state == SynSent {
		c.xmit(SYN, c.iss, nil, tr, 0)
		c.touchSent(c.iss + 1)
		return
	}
	if seq == c.iss {
		// Our SYN is not acknowledged: in SYN_RECEIVED, or closed from it.
		c.xmit(SYN|ACK, c.iss, nil, tr, 0)
		c.touchSent(c.iss + 1)
		return
	}
	off := int(seq - c.sndBufSeq)
	sent := int(c.sndNxt - c.sndBufSeq)
	if c.finSent {
		sent--
	}
	n := min(sent-off, int(c.mss))
	if n < 0 {
		n = 0
	}
	flags := ACK
	if c.finSent && off+n == sent {
		flags |= FIN
	}
	if n == 0 && flags&FIN == 0 {
		return
	}
	end := seq + uint32(n)
	if flags&FIN != 0 {
		end++
	}
	if c.pushedIn(seq, end) {
		flags |= PSH
	}
	c.xmit(flags, seq, c.sndBuf[off:off+n], tr, c.msgAt(seq, n))
	c.retransSegs++
	c.touchSent(end)
}

// pushedIn reports whether a copy of [seq, end) carries PSH. Linux resends
// its segments with the flags they first left with, whatever was written
// since (__tcp_retransmit_skb sends the skb as it is): a copy that joins
// segments carries the PSH of any of them (tcp_collapse_retrans: "This
// moves PSH/FIN etc. over"), and one cut short of a segment's end does not
// (tcp_fragment leaves PSH on the second part).
func (c *Conn) pushedIn(seq, end uint32) bool {
	for _, s := range c.sent {
		if seqGT(s.end, end) {
			break
		}
		if seqGT(s.end, seq) && s.psh {
			return true
		}
	}
	return false
}

// touchSent records that the segment ending at end just went out again.
func (c *Conn) touchSent(end uint32) {
	for i := range c.sent {
		if c.sent[i].end == end || seqGT(c.sent[i].end, end) {
			c.sent[i].at = c.host.sim.now
			return
		}
	}
}

// lastSegmentStart is the sequence number of the last segment sent: what a
// tail loss probe resends.
func (c *Conn) lastSegmentStart() uint32 {
	n := len(c.sent)
	if n < 2 {
		return c.sndUna
	}
	start := c.sent[n-2].end
	if seqLT(start, c.sndUna) {
		start = c.sndUna
	}
	return start
}

// windowMayOpen sends a window update after the application read, when
// the window has at least doubled and grown by a segment or more (Linux's
// tcp_cleanup_rbuf rule, simplified).
//
// window() is at most 65535: with more than half that left of the window
// advertised, as a ping-pong leaves after each read, no update can be due,
// which this inlined test tells.
func (c *Conn) windowMayOpen() {
	if left := c.rcvWup + c.advWnd - c.rcvNxt; int32(left) <= 0 || left <= 65535/2 {
		c.windowUpdate()
	}
}

// windowUpdate is windowMayOpen once the window left is small.
func (c *Conn) windowUpdate() {
	switch c.state {
	case Established, FinWait1, FinWait2:
	default:
		return
	}
	remaining := uint32(0) // tcp_receive_window: none left once data came past it
	if edge := c.rcvWup + c.advWnd; seqGT(edge, c.rcvNxt) {
		remaining = edge - c.rcvNxt
	}
	if now := c.window(); now >= 2*remaining && now-remaining >= uint32(c.mss) {
		c.sendAck(TriggerWindowUpdate)
	}
}
