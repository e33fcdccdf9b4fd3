package netsim

// Sequence number arithmetic modulo 2^32 (RFC 9293 3.4).
func seqLT(a, b uint32) bool { return int32(a-b) < 0 }
func seqLE(a, b uint32) bool { return int32(a-b) <= 0 }
func seqGT(a, b uint32) bool { return int32(a-b) > 0 }
func seqGE(a, b uint32) bool { return int32(a-b) >= 0 }

// tcpInput finds the socket for an arriving segment (tcp_v4_rcv): an
// established or half-open connection, else a listener for a SYN, else
// nobody, and the host answers with a RST.
func (h *Host) tcpInput(p *Packet) {
	s := h.sim
	if c := h.connFor(p, keyOf(p.Dst.Port(), p.Src)); c != nil {
		if p.from != nil {
			c.peer = p.from
		}
		if c.state == SynReceived && c.listener != nil && c.listener.full() && p.Flags&(SYN|RST|ACK) == ACK {
			// The handshake's last ACK with no room in the accept queue:
			// Linux drops it (tcp_check_req, tcp_abort_on_overflow = 0)
			// and the SYN-ACK timer will try again.
			c.listener.drops++
			s.dropped(p, h.name, WhyBacklogFull)
			return
		}
		if s.countSegment(FateDelivered) { // delivered, inlined
			s.buildSegment(p, FateDelivered, h.name, h.name, 0, 0)
		}
		c.input(p)
		return
	}
	if l := h.listeners[p.Dst.Port()]; l != nil && p.Flags&(SYN|ACK|RST) == SYN {
		if l.full() {
			// tcp_conn_request: the accept queue is full, the SYN is
			// dropped without an answer; the client retries.
			l.drops++
			s.dropped(p, h.name, WhyBacklogFull)
			return
		}
		s.delivered(p, h)
		l.syn(p)
		return
	}
	s.delivered(p, h)
	h.replyReset(p, TriggerResetNoSocket)
}

// connFor is the connection an arriving segment is for (nil if none),
// given the key of its addresses: the one its sender last heard from, if
// the table still holds that one for the segment's addresses, else the
// table's. With 100,000 connections a lookup in the table is a cache miss
// or two of its own; the connection the hint names is one the segment
// visits anyway. The answer is the table's either way. (The caller
// computes the key so that connFor is small enough to be inlined: a call
// less for every segment.)
func (h *Host) connFor(p *Packet, key connKey) *Conn {
	if c := p.to; c != nil && c.host == h && c.inTable() && c.key == key {
		return c
	}
	return h.conns[key]
}

// replyReset answers a segment that no connection takes (for the reason
// tr). A RST is never answered.
func (h *Host) replyReset(p *Packet, tr Trigger) {
	if p.Flags&RST == 0 {
		h.send(resetFor(p, tr))
	}
}

// resetFor is the RST that answers a segment of no known connection, in
// the name of its destination (RFC 9293 3.10.7.1): with an ACK, a RST
// whose seq is that ACK; without one, a RST|ACK acknowledging the segment.
// It leaves from no socket: its IPv4 ID is 0 (ip_send_unicast_reply with
// DF), and its story is tr, answering p.
func resetFor(p *Packet, tr Trigger) *Packet {
	r := &Packet{Proto: TCP, Src: p.Dst, Dst: p.Src, Story: Story{Trigger: tr, Answers: p.ID}}
	if p.Flags&ACK != 0 {
		r.Flags, r.Seq = RST, p.Ack
	} else {
		r.Flags, r.Ack = RST|ACK, p.Seq+p.seqLen()
	}
	r.RelSeq, r.RelAck = r.Seq, r.Ack
	return r
}

// input processes a segment for this connection (RFC 9293 3.10.7).
func (c *Conn) input(p *Packet) {
	c.segsIn++
	c.bytesIn += uint64(len(p.Payload))
	c.echo(p)
	if c.predicted(p) {
		c.lastHeard = c.host.sim.now
	} else if !c.checkSlow(p) {
		return
	}
	if !c.inputAck(p) {
		return
	}
	c.ackNow = false
	if len(p.Payload) > 0 || p.Flags&FIN != 0 { // (a bare ACK has none)
		c.inputData(p)
	}
	if c.state == Closed {
		return
	}
	if c.mayOutput() {
		c.output()
	}
	c.checkSpace() // tcp_data_snd_check: push, then tcp_check_space
	if c.ackOwed {
		c.scheduleAck(c.ackNow)
	}
}

// predicted is header prediction (RFC 1323 appendix, the kernel's
// tcp_rcv_established fast path): an ESTABLISHED connection's segment
// with an ACK and no SYN or RST, at the sequence number expected next,
// and either without data or with nothing unread before it. It passes
// every check before the ACK's (checkSlow) — the window's too, as one
// that starts at RCV.NXT does whatever the window (inWindow), and data
// arriving with the receive queue empty is never cut for its end
// (acceptable) —, so they are left out.
func (c *Conn) predicted(p *Packet) bool {
	return c.state == Established && p.Flags&(SYN|RST|ACK) == ACK && p.Seq == c.rcvNxt &&
		(len(p.Payload) == 0 || len(c.rcvBuf) == 0)
}

// checkSlow makes the checks of RFC 9293 3.10.7 that come before the
// ACK's, for a segment header prediction did not expect: it reports
// whether the segment goes on to them.
func (c *Conn) checkSlow(p *Packet) bool {
	switch c.state {
	case SynSent:
		c.inputSynSent(p)
		return false
	case TimeWait:
		c.inputTimeWait(p)
		return false
	case Closed, Listen:
		return false
	}
	if c.state == SynReceived && p.Flags&(SYN|ACK) == SYN && p.Seq == c.irs {
		// The client did not get our SYN-ACK and sent its SYN again.
		c.retransmitFrom(c.iss, TriggerSYNAgain)
		return false
	}
	// First check: is the segment in the receive window?
	if !c.acceptable(p) {
		switch {
		case p.Flags&SYN != 0 && c.state.Synchronized():
			// tcp_validate_incoming: a SYN that fails the sequence check
			// goes to syn_challenge (RFC 5961 4.2), like one in the
			// window: a SYN-ACK retransmitted to a client already
			// ESTABLISHED, a rebooted peer's new SYN. (Linux's check,
			// tcp_sequence, admits a segment that ends at RCV.NXT, where
			// RFC 9293's does not; the answer is the same ACK.)
			c.sendAck(TriggerChallengeACK)
		case p.Flags&RST == 0:
			c.sendAck(TriggerUnacceptable) // RFC 9293: an unacceptable segment is answered with an ACK
		}
		return false
	}
	c.lastHeard = c.host.sim.now
	if p.Flags&RST != 0 {
		c.inputRST(p)
		return false
	}
	if p.Flags&SYN != 0 {
		// RFC 5961 4.2: a SYN in a synchronized state gets a challenge ACK.
		c.sendAck(TriggerChallengeACK)
		return false
	}
	if p.Flags&ACK == 0 {
		return false
	}
	return c.state != SynReceived || c.completePassiveOpen(p)
}

// rcvWnd is the receive window segments are checked against: what we
// advertised, never shrunk (Linux's tcp_select_window never moves the right
// edge back). Data taken past that edge leaves none of it, not a negative
// window (tcp_receive_window clamps at 0).
func (c *Conn) rcvWnd() uint32 {
	edge := c.rcvWup + c.advWnd
	left := uint32(0)
	if seqGT(edge, c.rcvNxt) {
		left = edge - c.rcvNxt
	}
	return max(left, c.window())
}

// acceptable is RFC 9293's segment acceptability test (3.10.7.4, first
// check), and on a Linux receiver Linux's check of where a segment of data
// ends: one that runs past the window is taken only when nothing waits to
// be read (tcp_sequence, SKB_DROP_REASON_TCP_INVALID_END_SEQUENCE; it is
// then taken whole, see inputData). A bare FIN at RCV.NXT still passes a
// shut window (the selftest tcp_rcv_zero_wnd_fin).
func (c *Conn) acceptable(p *Packet) bool {
	if !c.inWindow(p) {
		return false
	}
	if !c.host.profile.LinuxReceiver || len(p.Payload) == 0 || len(c.rcvBuf) == 0 {
		return true
	}
	return !seqGT(p.Seq+p.seqLen(), c.rcvNxt+c.rcvWnd())
}

// inWindow is RFC 9293's test: the segment starts or ends in the window.
// A segment that starts at RCV.NXT passes it whatever the window (with a
// zero window, its ACK and RST still count), so the window is computed
// only for another: the in-order segment of the steady state is the one
// the kernel's header prediction expects (tcp_rcv_established:
// TCP_SKB_CB(skb)->seq == tp->rcv_nxt).
func (c *Conn) inWindow(p *Packet) bool {
	if p.Seq == c.rcvNxt {
		return true
	}
	n, wnd := p.seqLen(), c.rcvWnd()
	if n == 0 {
		if wnd == 0 {
			return p.Seq == c.rcvNxt
		}
		return seqLE(c.rcvNxt, p.Seq) && seqLT(p.Seq, c.rcvNxt+wnd)
	}
	if wnd == 0 {
		// Nothing fits, but the ACK and RST still count (RFC 9293).
		return p.Seq == c.rcvNxt
	}
	end := p.Seq + n - 1
	return (seqLE(c.rcvNxt, p.Seq) && seqLT(p.Seq, c.rcvNxt+wnd)) ||
		(seqLE(c.rcvNxt, end) && seqLT(end, c.rcvNxt+wnd))
}

// inputRST handles a RST in a synchronized state. RFC 5961 3.2: only a RST
// whose sequence number is exactly RCV.NXT resets the connection; one
// elsewhere in the window gets a challenge ACK. The error reported follows
// Linux's tcp_reset: EPIPE in CLOSE_WAIT, ECONNRESET otherwise.
func (c *Conn) inputRST(p *Packet) {
	if p.Seq != c.rcvNxt {
		c.sendAck(TriggerChallengeACK)
		return
	}
	switch c.state {
	case SynReceived:
		if c.passive {
			c.becomeClosed() // the half-open connection is forgotten
			return
		}
		c.fail(ECONNREFUSED, CauseRefused)
	case CloseWait:
		c.fail(EPIPE, CauseRST)
	default:
		c.fail(ECONNRESET, CauseRST)
	}
}

// completePassiveOpen handles the ACK that completes a passive open
// (SYN_RECEIVED to ESTABLISHED) and queues the connection for accept().
func (c *Conn) completePassiveOpen(p *Packet) bool {
	if !(seqLT(c.sndUna, p.Ack) && seqLE(p.Ack, c.sndNxt)) {
		c.host.replyReset(p, TriggerResetBadACK)
		return false
	}
	c.setPeerWindow(c.peerWindow(p))
	c.sndWL1, c.sndWL2 = p.Seq, p.Ack
	c.stopTimer(&c.rtx, c.rtxKind)
	c.retransmits = 0
	c.setState(Established)
	if c.opts.KeepAlive {
		c.armKeepalive()
	}
	if c.listener != nil {
		c.listener.ready(c)
	} else {
		c.notify(Connected) // simultaneous open
	}
	return true
}

// inputSynSent handles a segment in SYN_SENT (RFC 9293 3.10.7.3).
func (c *Conn) inputSynSent(p *Packet) {
	if p.Flags&ACK != 0 && (seqLE(p.Ack, c.iss) || seqGT(p.Ack, c.sndNxt)) {
		c.host.replyReset(p, TriggerResetBadACK)
		return
	}
	if p.Flags&RST != 0 {
		if p.Flags&ACK != 0 {
			c.fail(ECONNREFUSED, CauseRefused)
		}
		return
	}
	if p.Flags&SYN == 0 {
		return
	}
	now := c.host.sim.now
	c.irs, c.rcvNxt = p.Seq, p.Seq+1
	c.rcvNxtBy = p.ID
	c.lastHeard = now
	if o := p.options(); o.MSS != 0 {
		c.mss = min(c.mss, int32(o.MSS))
	}
	c.agree(p)
	if p.Flags&ACK == 0 {
		// Simultaneous open: both sides sent a SYN.
		c.setPeerWindow(uint32(p.Win))
		c.sndWL1 = p.Seq
		c.setState(SynReceived)
		c.sendSYNACK()
		c.armRetransmit(TimerSYNACK, c.rto)
		return
	}
	c.sndUna = p.Ack
	c.setPeerWindow(uint32(p.Win))
	c.sndWL1, c.sndWL2 = p.Seq, p.Ack
	c.rttSample(now - c.sent[0].at) // timed from the last SYN sent, as with timestamps
	c.sent = c.sent[:0]
	c.retransmits = 0
	c.stopTimer(&c.rtx, c.rtxKind)
	c.setState(Established)
	if c.opts.KeepAlive {
		c.armKeepalive()
	}
	c.notify(Connected)
	if len(c.sndBuf) > 0 || c.finQueued {
		c.output() // data written during the handshake carries the ACK
	} else {
		c.sendAck(TriggerHandshake)
	}
}

// inputTimeWait handles a segment in TIME_WAIT
// (tcp_timewait_state_process): a retransmitted FIN is acknowledged again
// and restarts the 2MSL wait; a RST ends it (tcp_rfc1337 = 0); a new SYN
// with a higher sequence number may reopen the port.
func (c *Conn) inputTimeWait(p *Packet) {
	h := c.host
	switch {
	case p.Flags&RST != 0:
		if p.Seq == c.rcvNxt {
			c.becomeClosed()
		}
	case p.Flags&(SYN|ACK) == SYN:
		if seqGT(p.Seq, c.rcvNxt) && h.listeners[c.key.port()] != nil {
			c.becomeClosed()
			h.tcpInputAgain(p)
			return
		}
		c.sendAck(TriggerUnacceptable)
	case p.Flags&FIN != 0:
		c.sendAck(TriggerUnacceptable) // the peer's FIN again: it missed our ACK
		h.armTCPTimer(&c.wait, h.profile.TimeWait)
		c.traceTimer(TimerTimeWait, TimerArmed, c.wait.Deadline())
	case p.seqLen() > 0:
		c.sendAck(TriggerUnacceptable)
	}
}

// tcpInputAgain demultiplexes a segment once more after the connection it
// first found has gone (a SYN that ended a TIME_WAIT).
func (h *Host) tcpInputAgain(p *Packet) {
	if l := h.listeners[p.Dst.Port()]; l != nil && !l.full() {
		l.syn(p)
	}
}

// inputAck processes the acknowledgment field (RFC 9293 3.10.7.4, fifth
// check). It reports false when the segment must go no further.
func (c *Conn) inputAck(p *Packet) bool {
	ack := p.Ack
	if seqGT(ack, c.sndNxt) {
		c.sendAck(TriggerUnacceptable) // it acknowledges something not yet sent
		return false
	}
	if seqLT(ack, c.sndUna) {
		return true // an old duplicate: ignore the ACK field
	}
	// tcp_ack: any ACK that is not old answers the keepalive and
	// zero-window probes (icsk_probes_out = 0).
	if c.counting {
		c.probesOut, c.probes = 0, 0
	}
	windowChanged := false
	if seqLT(c.sndWL1, p.Seq) || (c.sndWL1 == p.Seq && seqLE(c.sndWL2, ack)) {
		w := c.peerWindow(p)
		windowChanged = c.sndWnd != w
		c.setPeerWindow(w)
		c.sndWL1, c.sndWL2 = p.Seq, ack
	}
	if ack == c.sndUna {
		if c.sndNxt != c.sndUna && len(p.Payload) == 0 && p.Flags&(SYN|FIN) == 0 && !windowChanged {
			c.onDupAck()
		}
		if windowChanged && c.sndWnd > 0 && c.rtxKind == TimerZeroWindowProbe {
			c.stopTimer(&c.rtx, c.rtxKind)
			c.output()
		}
		return true
	}
	return c.onAckAdvance(ack)
}

// onAckAdvance handles an ACK that acknowledges new data: free it, take an
// RTT sample, undo the backoff, grow the congestion window, move the
// closing states on, and re-arm the retransmission timer.
func (c *Conn) onAckAdvance(ack uint32) bool {
	now := c.host.sim.now
	finAcked := c.finSent && seqGT(ack, c.finSeq)
	n := int(ack - c.sndBufSeq)
	if finAcked {
		n--
	}
	if n > 0 {
		all := n == len(c.sndBuf)
		if all && c.dataOut == 0 && !c.host.sim.keeps {
			// The whole queue is acknowledged and nothing refers to its
			// bytes any more (no packet carries them, no observer keeps
			// an event that shows them): the next write reuses their
			// memory, where moving the queue's start past them would
			// have it allocate anew once the room behind ran out.
			c.sndBuf = c.sndBuf[:0]
		} else {
			c.sndBuf = c.sndBuf[n:]
		}
		c.sndBufSeq += uint32(n)
		if all {
			// No data left for a mark to name: the next write's mark
			// names what it writes (Write, Send).
			c.marks = c.marks[:0]
		} else {
			c.trimMarks()
		}
		c.freeAcked()
		c.account()
	}
	ackedBytes := int(ack - c.sndUna)
	c.sndUna = ack
	// The segments acknowledged: all when everything sent is (no segment
	// ends past snd_nxt), as in a ping-pong, else those the ACK covers.
	i := len(c.sent)
	if ack != c.sndNxt {
		i = 0
		for i < len(c.sent) && seqLE(c.sent[i].end, ack) {
			i++
		}
	}
	if i > 0 {
		// Sampled as TCP timestamps give it (RFC 7323 4.3): the ACK echoes
		// the segment that advanced the left edge, so the oldest segment
		// newly acknowledged, at its latest transmission (after a loss,
		// the retransmission that filled the hole).
		c.rttSample(now - c.sent[0].at)
		if i == len(c.sent) {
			c.sent = c.sent[:0] // all of it, as in a ping-pong: nothing to move
		} else {
			c.sent = append(c.sent[:0], c.sent[i:]...)
		}
	}
	c.retransStampSet = false
	if c.counting { // (inputAck zeroed probes)
		c.retransmits, c.dupAcks, c.counting = 0, 0, false
	}
	if i == 0 {
		c.rto = c.baseRTO() // (rttSample set it already)
	}
	if c.tlpOut && seqGE(ack, c.tlpHigh) {
		c.tlpOut = false
	}
	if c.inRecovery || c.cwnd >= c.ssthresh {
		c.growCwnd(ackedBytes)
	} else {
		c.slowStart(ackedBytes) // growCwnd's common case
	}

	if finAcked {
		switch c.state {
		case FinWait1:
			c.setState(FinWait2)
			c.stopTimer(&c.rtx, c.rtxKind)
			if c.proc == nil {
				c.host.armTCPTimer(&c.wait, c.host.profile.FinTimeout)
				c.traceTimer(TimerFinWait2, TimerArmed, c.wait.Deadline())
			}
		case Closing:
			c.enterTimeWait()
			return false
		case LastAck:
			c.becomeClosed()
			return false
		}
	}
	if c.sndNxt == c.sndUna {
		c.stopTimer(&c.rtx, c.rtxKind)
	} else if !c.scheduleLossProbe(true) {
		c.rearmRTO()
	}
	return true
}

func (c *Conn) trimMarks() {
	i := 0
	for i+1 < len(c.marks) && seqLE(c.marks[i+1].seq, c.sndBufSeq) {
		i++
	}
	if i > 0 {
		c.marks = append(c.marks[:0], c.marks[i:]...)
	}
}

// growCwnd grows the congestion window for an ACK that acknowledged
// acked bytes more (it is snd_una now): slow start, RFC 5681 congestion
// avoidance, with NewReno's recovery exit and partial ACKs (RFC 6582 3.2).
// onAckAdvance tests for slow start outside recovery itself, the case of
// a connection that never lost anything, and calls slowStart: a call less
// an ACK.
func (c *Conn) growCwnd(acked int) {
	if c.inRecovery {
		if seqGE(c.sndUna, c.recover) {
			c.inRecovery = false
			if c.fastRecovery {
				c.cwnd = c.ssthresh
			}
			c.fastRecovery = false
			return
		}
		// A partial ACK: the next hole is lost too.
		c.retransmitFrom(c.sndUna, TriggerPartialACK)
		if !c.fastRecovery {
			c.cwnd += int32(min(acked, int(c.mss)))
		}
		return
	}
	if c.cwnd < c.ssthresh {
		c.slowStart(acked)
		return
	}
	// Congestion avoidance: one segment per window of data acknowledged,
	// counted as Linux does (snd_cwnd_cnt), so cwnd stays whole segments.
	c.cwndAcked += int32(acked)
	if c.cwndAcked >= c.cwnd {
		c.cwndAcked -= c.cwnd
		c.cwnd += c.mss
	}
}

// slowStart is Linux's tcp_slow_start, below ssthresh: one segment for
// each segment acknowledged (no RFC 3465 limit per ACK), up to ssthresh.
func (c *Conn) slowStart(acked int) {
	c.cwnd = int32(min(int(c.cwnd)+acked, int(c.ssthresh)))
}

// halfFlight is the new ssthresh after a loss: half the data in flight, in
// whole segments, at least two (RFC 5681 3.1 eq. 4).
func (c *Conn) halfFlight() int {
	flight := int(c.sndNxt - c.sndUna)
	mss := int(c.mss)
	return max(flight/2/mss*mss, 2*mss)
}

// onDupAck counts duplicate ACKs; the third starts fast retransmit and
// recovery (RFC 5681 3.2, TCP_FASTRETRANS_THRESH = 3).
func (c *Conn) onDupAck() {
	c.dupAcks++
	c.counting = true
	if c.inRecovery {
		if c.fastRecovery {
			c.cwnd += c.mss
			c.output()
		}
		return
	}
	if c.dupAcks != 3 {
		return
	}
	c.ssthresh = int32(c.halfFlight())
	c.cwnd = c.ssthresh + 3*c.mss
	c.inRecovery, c.fastRecovery, c.recover = true, true, c.sndNxt
	c.retransmitFrom(c.sndUna, TriggerFastRetransmit)
}

// inputData takes the segment's data and FIN (RFC 9293 3.10.7.4, seventh
// and eighth checks): in-order bytes go to the receive buffer, bytes beyond
// a gap wait in the out-of-order queue, and the ACK they call for is owed.
// input calls it only for a segment with data or a FIN.
func (c *Conn) inputData(p *Packet) {
	data, seq, fin := p.Payload, p.Seq, p.Flags&FIN != 0
	switch c.state {
	case CloseWait, Closing, LastAck, TimeWait:
		return // the peer's FIN came already; a retransmission is ignored
	}
	if len(data) > 0 && seqGT(seq+uint32(len(data)), c.rcvNxt) {
		switch {
		case !c.owned && c.rcvClosed:
			// Data for a socket the application has closed: Linux resets
			// (tcp_rcv_state_process, LINUX_MIB_TCPABORTONDATA).
			c.host.replyReset(p, TriggerResetDataAfterClose)
			c.becomeClosed()
			return
		case c.rdShut && (c.state == FinWait1 || c.state == FinWait2):
			// The same rule for a socket shut both ways but still open
			// (RCV_SHUTDOWN in FIN_WAIT_1/2): tcp_reset, so its
			// application learns ECONNRESET.
			c.host.replyReset(p, TriggerResetDataAfterClose)
			c.fail(ECONNRESET, CauseRST)
			return
		}
	}
	if seqLT(seq, c.rcvNxt) {
		skip := int(c.rcvNxt - seq)
		if skip > len(data) {
			c.ackOwed, c.ackNow = true, true
			return
		}
		data, seq = data[skip:], c.rcvNxt
	}
	if seq != c.rcvNxt {
		c.queueOutOfOrder(seq, data, fin, p.ID)
		c.ackOwed, c.ackNow = true, true // RFC 5681 4.2: a gap is reported at once
		return
	}
	// Linux takes in-order data whole (tcp_data_queue: acceptable let it
	// in); other stacks keep what fits in the window.
	if !c.host.profile.LinuxReceiver {
		if wnd := int(c.rcvWnd()); len(data) > wnd {
			data, fin = data[:wnd], false
		}
	}
	if len(data) > 0 || fin {
		c.rcvNxtBy = p.ID
	}
	c.accept(data)
	if fin {
		c.inputFIN()
	}
	if c.oooHeld && c.drainOutOfOrder() {
		c.ackNow = true // a filled gap is acknowledged at once
	}
	if len(data) > 0 {
		c.onDataReceived()
		c.rcvUnacked += int32(len(data))
		c.ackOwed = true
		if c.ackAtOnce() {
			c.ackNow = true
		}
		c.notify(Readable)
	}
}

// accept appends in-order bytes to the receive buffer.
func (c *Conn) accept(data []byte) {
	if len(data) == 0 {
		return
	}
	c.rcvBuf = append(c.rcvBuf, data...)
	c.account()
	c.rcvNxt += uint32(len(data))
}

func (c *Conn) queueOutOfOrder(seq uint32, data []byte, fin bool, id uint64) {
	if !c.host.profile.LinuxReceiver && len(data) > int(c.rcvWnd()) {
		return
	}
	i := 0
	for i < len(c.ooo) && seqLT(c.ooo[i].seq, seq) {
		i++
	}
	if i < len(c.ooo) && c.ooo[i].seq == seq {
		return // already held
	}
	c.ooo = append(c.ooo, oooSeg{})
	copy(c.ooo[i+1:], c.ooo[i:])
	c.ooo[i] = oooSeg{seq: seq, data: append([]byte(nil), data...), fin: fin, id: id}
	c.oooHeld = true
}

// drainOutOfOrder moves held segments that now follow in order into the
// receive buffer. It reports whether any moved.
func (c *Conn) drainOutOfOrder() bool {
	moved := false
	for len(c.ooo) > 0 && seqLE(c.ooo[0].seq, c.rcvNxt) {
		s := c.ooo[0]
		c.ooo = c.ooo[1:]
		skip := int(c.rcvNxt - s.seq)
		if skip > len(s.data) || c.finRcvd {
			continue // covered already: a copy of what arrived in order
		}
		c.rcvNxtBy = s.id
		c.accept(s.data[skip:])
		moved = true
		if s.fin {
			c.inputFIN()
		}
	}
	c.oooHeld = len(c.ooo) > 0
	if moved {
		c.notify(Readable)
	}
	return moved
}

// inputFIN takes the peer's FIN (tcp_fin): the application will read EOF.
// In ESTABLISHED the ACK is delayed (Linux enters ping-pong mode, hoping
// our own FIN can carry it); in FIN_WAIT_1 and FIN_WAIT_2 it goes at once.
func (c *Conn) inputFIN() {
	c.rcvNxt++
	c.finRcvd = true
	c.ackOwed = true
	switch c.state {
	case Established, SynReceived:
		c.setState(CloseWait)
		c.pingpong = c.host.profile.QuickAck // inet_csk_enter_pingpong_mode
	case FinWait1:
		c.setState(Closing)
		c.ackNow = true
	case FinWait2:
		c.sendAck(TriggerAckNow)
		c.enterTimeWait()
	}
	c.notify(Readable)
}
