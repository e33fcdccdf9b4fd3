package netsim

import "time"

// TimerKind names a TCP timer of a connection: the "timer" of a timer
// event and the timers pane's name. A connection has four timers; the
// retransmission timer has one of the first five kinds at a time, as
// Linux's icsk_pending does.
type TimerKind uint8

// Timer kinds.
const (
	TimerSYN             TimerKind = iota + 1 // SYN_SENT: SYN retransmission (tcp_retransmit_timer)
	TimerSYNACK                               // SYN_RECEIVED: SYN-ACK retransmission (reqsk_timer_handler)
	TimerRTO                                  // data or FIN (tcp_retransmit_timer)
	TimerTailLossProbe                        // RFC 8985 7 (tcp_send_loss_probe)
	TimerZeroWindowProbe                      // persist timer (tcp_probe_timer)
	TimerDelayedACK                           // tcp_delack_timer
	TimerKeepalive                            // tcp_keepalive_timer
	TimerTimeWait                             // tcp_time_wait: 2MSL (TCP_TIMEWAIT_LEN)
	TimerFinWait2                             // an orphan's FIN_WAIT_2 (tcp_fin_timeout)
)

var timerNames = []Named{
	TimerSYN:             {"syn", "doc.timer.syn"},
	TimerSYNACK:          {"syn-ack", "doc.timer.syn_ack"},
	TimerRTO:             {"rto", "doc.timer.rto"},
	TimerTailLossProbe:   {"tail-loss-probe", "doc.timer.tail_loss_probe"},
	TimerZeroWindowProbe: {"zero-window-probe", "doc.timer.zero_window_probe"},
	TimerDelayedACK:      {"delack", "doc.timer.delack"},
	TimerKeepalive:       {"keepalive", "doc.timer.keepalive"},
	TimerTimeWait:        {"time-wait", "doc.timer.time_wait"},
	TimerFinWait2:        {"fin-wait-2", "doc.timer.fin_wait_2"},
}

// String is the timer's name: "rto", "keepalive".
func (k TimerKind) String() string { return nameOf(timerNames, k) }

// Doc is the ID of the timer's description in lab/i18n's catalog.
func (k TimerKind) Doc() string { return docOf(timerNames, k) }

// TimerKinds lists the TCP timers, in the order the documentation shows
// them.
func TimerKinds() []TimerKind { return valuesOf[TimerKind](timerNames) }

// armRetransmit arms the retransmission timer, as a timer of kind, to
// fire d from now. Untraced, the common case, it tests the tracing once.
func (c *Conn) armRetransmit(kind TimerKind, d time.Duration) {
	h := c.host
	if h.sim.traceTimers {
		c.armRetransmitTraced(kind, d)
		return
	}
	c.rtxKind = kind
	h.armTCPTimer(&c.rtx, d)
}

// armRetransmitTraced is armRetransmit with its timer events.
func (c *Conn) armRetransmitTraced(kind TimerKind, d time.Duration) {
	if c.rtx.Armed() && c.rtxKind != kind {
		c.traceTimer(c.rtxKind, TimerCancelled, 0)
	}
	c.rtxKind = kind
	c.host.armTCPTimer(&c.rtx, d)
	c.traceTimer(kind, TimerArmed, c.rtx.Deadline())
}

// rearmRTO arms the RTO timer (tcp_rearm_rto): a full RTO from now, but if
// a tail loss probe was pending, counted from the head segment's last
// transmission.
func (c *Conn) rearmRTO() {
	if c.sndNxt == c.sndUna {
		c.stopTimer(&c.rtx, c.rtxKind)
		return
	}
	d := c.rto
	if c.rtxKind == TimerTailLossProbe && c.rtx.Armed() && len(c.sent) > 0 {
		d = c.host.atLeastAJiffy(max(c.sent[0].at+c.rto-c.host.sim.now, 0))
	}
	c.armRetransmit(TimerRTO, c.clampToUserTimeout(d))
}

// scheduleLossProbe arms a tail loss probe instead of the RTO when it may
// (tcp_schedule_loss_probe): PTO = 2·SRTT, plus tcp_rto_min when one
// segment is in flight (else 2 ms), 1 s without an RTT sample; never later
// than the RTO would fire.
func (c *Conn) scheduleLossProbe(advancing bool) bool {
	if c.sndNxt == c.sndUna || c.state < Established || c.state >= TimeWait { // synchronized, not TIME_WAIT
		return false // Linux has no state test: any connection past its handshake
	}
	return c.armLossProbe(advancing)
}

// armLossProbe is scheduleLossProbe for a connection with data in flight,
// synchronized and not in TIME_WAIT: output, which has just sent new data
// in such a state, calls it without the tests that cannot fail.
func (c *Conn) armLossProbe(advancing bool) bool {
	p := &c.host.profile
	if !p.TailLossProbe || c.tlpOut || c.inRecovery || seqLE(c.sndUna, c.iss) {
		return false
	}
	pto := p.InitialRTO
	if c.hasRTT {
		pto = c.twoSRTT()
		if len(c.sent) == 1 {
			pto += p.MinRTO
		} else {
			pto += 2 * time.Millisecond // TCP_TIMEOUT_MIN_US
		}
		pto = c.tick(pto)
	}
	rtoLeft := c.rto
	if !advancing && len(c.sent) > 0 {
		rtoLeft = c.sent[0].at + c.rto - c.host.sim.now
	}
	if rtoLeft > 0 {
		pto = min(pto, rtoLeft)
	}
	c.armRetransmit(TimerTailLossProbe, pto)
	return true
}

// clampToUserTimeout shortens an RTO so the timer fires when
// TCP_USER_TIMEOUT runs out (tcp_clamp_rto_to_user_timeout).
func (c *Conn) clampToUserTimeout(d time.Duration) time.Duration {
	if !c.retransStampSet { // tested first: UserTimeout lies in the cold part
		return d
	}
	ut := c.opts.UserTimeout
	if ut <= 0 {
		return d
	}
	left := ut - (c.host.sim.now - c.retransStamp)
	return c.host.atLeastAJiffy(max(min(d, left), 0))
}

// fire runs the connection's timer t (timerOwner).
func (c *Conn) fire(t *Timer) {
	switch t {
	case &c.rtx:
		c.onRetransmitTimer()
	case &c.delack:
		c.onDelayedACK()
	case &c.keepalive:
		c.onKeepaliveTimer()
	case &c.wait:
		c.onWaitTimer()
	}
}

func (c *Conn) onRetransmitTimer() {
	c.host.timerRuns()
	c.traceTimer(c.rtxKind, TimerFired, 0)
	switch c.rtxKind {
	case TimerSYN, TimerSYNACK:
		c.retransmitSYN()
	case TimerTailLossProbe:
		c.sendLossProbe()
	case TimerRTO:
		c.retransmitTimeout()
	case TimerZeroWindowProbe:
		c.zeroWindowProbe()
	}
}

// retransmitSYN resends the SYN (or SYN-ACK) or gives up. Linux counts
// these: connect() fails with ETIMEDOUT once tcp_syn_retries +
// tcp_syn_linear_timeouts retransmissions have gone unanswered, and the
// first tcp_syn_linear_timeouts timeouts do not double (tcp_write_timeout,
// tcp_retransmit_timer). A passive open gives up silently after
// tcp_synack_retries (reqsk_timer_handler).
func (c *Conn) retransmitSYN() {
	p := &c.host.profile
	limit, linear := p.SynAckRetries, 0
	if c.state == SynSent {
		limit = p.SynRetries
		if c.opts.SynRetries > 0 {
			limit = c.opts.SynRetries
		}
		linear = p.SynLinearTimeouts
		limit += linear
	}
	connectOver := p.ConnectTimeout > 0 && c.state == SynSent &&
		c.host.sim.now-c.connectStart >= p.ConnectTimeout
	if int(c.retransmits) >= limit || connectOver {
		if c.state == SynSent {
			c.fail(ETIMEDOUT, CauseConnectTimeout)
		} else {
			c.becomeClosed()
		}
		return
	}
	c.retransmitFrom(c.iss, TriggerSYNRetransmit)
	c.retransmits++
	c.counting = true
	c.totalRTO++
	if c.state != SynSent || c.totalRTO > linear {
		c.rto = min(2*c.rto, p.MaxRTO)
	}
	d := c.rto
	if p.ConnectTimeout > 0 && c.state == SynSent {
		d = min(d, c.connectStart+p.ConnectTimeout-c.host.sim.now)
	}
	c.armRetransmit(c.rtxKind, d)
}

// writeTimedOut is Linux's retransmits_timed_out(): with TCP_USER_TIMEOUT
// set, the time since the first RTO retransmission against it; otherwise
// against tcp_retries2 turned into a time (or, for profiles that count, the
// number of retransmissions).
func (c *Conn) writeTimedOut() bool {
	if c.retransmits == 0 || !c.retransStampSet {
		return false
	}
	elapsed := c.host.sim.now - c.retransStamp
	if ut := c.opts.UserTimeout; ut > 0 {
		return elapsed >= ut
	}
	p := &c.host.profile
	retries := p.Retries2
	if c.proc == nil && p.RetriesByTime {
		// An orphan: tcp_write_timeout uses tcp_orphan_retries().
		retries = c.orphanRetries()
	}
	if !p.RetriesByTime {
		return int(c.retransmits) >= retries
	}
	return elapsed >= retries2Timeout(retries, p.MinRTO, p.MaxRTO)
}

// timeoutCause names why retransmission gave up.
func (c *Conn) timeoutCause() Cause {
	if c.opts.UserTimeout > 0 {
		return CauseUserTimeout
	}
	return CauseRetransmitTimeout
}

// retransmitTimeout is the RTO firing (tcp_retransmit_timer): give up if
// the retries are spent (ETIMEDOUT, no RST: tcp_write_err), else resend the
// first unacknowledged segment, collapse the congestion window and double
// the RTO.
func (c *Conn) retransmitTimeout() {
	if c.sndNxt == c.sndUna {
		return
	}
	if c.writeTimedOut() {
		c.gaveUpAt = c.host.sim.now
		c.fail(ETIMEDOUT, c.timeoutCause())
		return
	}
	c.tlpOut = false
	// tcp_enter_loss: RFC 5681 3.1 eq. 4, cwnd = 1 segment.
	c.ssthresh = int32(c.halfFlight())
	c.cwnd, c.cwndAcked = c.mss, 0
	c.dupAcks = 0
	c.inRecovery, c.recover = true, c.sndNxt
	c.retransmitFrom(c.sndUna, TriggerRTO)
	c.retransmits++
	c.counting = true
	c.totalRTO++
	c.rto = min(2*c.rto, c.host.profile.MaxRTO)
	if !c.retransStampSet {
		c.retransStamp, c.retransStampSet, c.stampRTO = c.host.sim.now, true, c.rto
	}
	c.armRetransmit(TimerRTO, c.clampToUserTimeout(c.rto))
}

// sendLossProbe sends a tail loss probe (tcp_send_loss_probe): new data if
// the window allows, else the last segment again; then the RTO restarts
// from now.
func (c *Conn) sendLossProbe() {
	if c.sndNxt == c.sndUna {
		return
	}
	c.tlpOut = true
	off := int(c.sndNxt - c.sndBufSeq)
	room := min(int(c.sndWnd), int(c.cwnd)) - int(c.sndNxt-c.sndUna)
	if !c.finSent && len(c.sndBuf) > off && room > 0 {
		c.tlpNew = true
		c.output()
		c.tlpNew = false
	} else {
		c.retransmitFrom(c.lastSegmentStart(), TriggerTailLossProbe)
	}
	c.tlpHigh = c.sndNxt
	c.armRetransmit(TimerRTO, c.clampToUserTimeout(c.rto))
}

// maybePersist arms the zero-window probe timer when the peer's window is
// shut with data waiting and nothing in flight to bring an update.
func (c *Conn) maybePersist() {
	if c.sndWnd == 0 && c.sndNxt == c.sndUna && !c.rtx.Armed() {
		c.probes, c.persistBackoff = 0, 0
		c.armRetransmit(TimerZeroWindowProbe, c.rto)
	}
}

// zeroWindowProbe sends a window probe (tcp_probe_timer, tcp_xmit_probe_skb:
// seq snd_una−1, no data) with RTO backoff up to the maximum RTO. Every
// answer resets the count (the receiver is alive, its window just shut);
// after tcp_retries2 unanswered probes the connection is aborted. (Linux
// bounds the probes by time as well; the model counts only.)
func (c *Conn) zeroWindowProbe() {
	if c.sndWnd > 0 {
		c.output()
		return
	}
	if int(c.probes) >= c.host.profile.Retries2 {
		c.fail(ETIMEDOUT, c.timeoutCause())
		return
	}
	c.probes++
	c.counting = true
	c.persistBackoff = min(c.persistBackoff+1, 30)
	c.xmit(ACK, c.sndUna-1, nil, TriggerZeroWindowProbe, 0)
	c.armRetransmit(TimerZeroWindowProbe, min(c.rto<<c.persistBackoff, c.host.profile.MaxRTO))
}

func (c *Conn) keepaliveParams() (idle, intvl time.Duration, cnt int) {
	p := &c.host.profile
	idle, intvl, cnt = p.KeepIdle, p.KeepIntvl, p.KeepCnt
	if c.opts.KeepIdle > 0 {
		idle = c.opts.KeepIdle
	}
	if c.opts.KeepIntvl > 0 {
		intvl = c.opts.KeepIntvl
	}
	if c.opts.KeepCnt > 0 {
		cnt = c.opts.KeepCnt
	}
	return idle, intvl, cnt
}

// SynRule is how long connect() waits for an answer before it fails with
// ETIMEDOUT by the bare rule, the SYN schedule on an exact clock: the
// initial RTO, the same again for each of tcp_syn_linear_timeouts
// retransmissions, then doubling (capped at the maximum RTO) until
// tcp_syn_retries (or TCP_SYNCNT) plus the linear ones are spent
// (retransmitSYN); or ConnectTimeout, if the profile's is shorter. On the
// timer wheel the kernel is later by its timers' slack: Linux's 131 s
// ends 2 to 5 s late.
func (c *Conn) SynRule() time.Duration {
	p := &c.host.profile
	retries := p.SynRetries
	if c.opts.SynRetries > 0 {
		retries = c.opts.SynRetries
	}
	rto := p.InitialRTO
	total := rto
	for k := 1; k <= retries+p.SynLinearTimeouts; k++ {
		if k > p.SynLinearTimeouts {
			rto = min(2*rto, p.MaxRTO)
		}
		total += rto
	}
	if p.ConnectTimeout > 0 {
		total = min(total, p.ConnectTimeout)
	}
	return total
}

// ConnectStart is when connect() sent the first SYN.
func (c *Conn) ConnectStart() time.Duration { return c.connectStart }

// OnTheWheel reports whether the connection's TCP timers run on its
// host's timer wheel (late by their level's granule) rather than exactly.
func (c *Conn) OnTheWheel() bool { return c.host.wheel() }

// RetriesGiveUp compares how retransmission gave up on a connection
// (ETIMEDOUT, CauseRetransmitTimeout) with the bare rule. tcp_retries2 is
// a budget of time on Linux (retransmits_timed_out: tcp_model_timeout),
// counted from the first RTO retransmission and checked only when the
// RTO timer fires: the kernel gives up at the first expiry at or past it.
// Counted from the same first retransmission, the rule is the exact
// clock's: each expiry the RTO after the one before, the RTO doubling.
// On the timer wheel each expiry is late by its level's granule, which
// can push an expiry past the budget one retransmission earlier than the
// rule would (retries2 = 5 on a 200 ms path: 4 instead of 5).
type RetriesGiveUp struct {
	Retries int           // tcp_retries2
	Budget  time.Duration // tcp_model_timeout(retries2, TCP_RTO_MIN)
	// Elapsed is the time from the first RTO retransmission to the
	// give-up, Count the RTO retransmissions made; RuleElapsed and
	// RuleCount the same by the rule.
	Elapsed, RuleElapsed time.Duration
	Count, RuleCount     int
}

// RetriesRule is the give-up's comparison with the rule, once the
// connection has given up retransmitting; ok is false if it has not, or
// if the budget is not one of time (TCP_USER_TIMEOUT set, a profile that
// counts retransmissions, an orphan).
func (c *Conn) RetriesRule() (g RetriesGiveUp, ok bool) {
	p := &c.host.profile
	if c.state != Closed || c.cause != CauseRetransmitTimeout || !c.retransStampSet || !p.RetriesByTime || c.proc == nil {
		return RetriesGiveUp{}, false
	}
	g = RetriesGiveUp{Retries: p.Retries2, Budget: retries2Timeout(p.Retries2, p.MinRTO, p.MaxRTO),
		Elapsed: c.gaveUpAt - c.retransStamp, Count: int(c.retransmits), RuleCount: 1}
	for rto := c.stampRTO; ; rto = min(2*rto, p.MaxRTO) {
		g.RuleElapsed += rto
		if g.RuleElapsed >= g.Budget {
			return g, true
		}
		g.RuleCount++
	}
}

// orphanRetries is Linux's tcp_orphan_retries(sk, alive): the sysctl, or
// 8 when it is 0 and the socket is alive (its RTO below TCP_RTO_MAX): "8
// corresponds to >100 seconds with minimal RTO of 200msec". (The kernel's
// soft-error case, an ICMP that made it 0, has no counterpart here.)
func (c *Conn) orphanRetries() int {
	p := &c.host.profile
	if p.OrphanRetries == 0 && c.rto < p.MaxRTO {
		return 8
	}
	return p.OrphanRetries
}

// OrphanGiveUp is how an orphan — a socket its application has closed,
// still sending its FIN (and any data before it) — gave up retransmitting
// on Linux: tcp_write_timeout with tcp_orphan_retries() in place of
// tcp_retries2, a budget of time counted from the first RTO
// retransmission and checked when the RTO fires; then tcp_write_err: the
// socket is CLOSED, with no RST and no application to tell.
type OrphanGiveUp struct {
	Sysctl  int           // net.ipv4.tcp_orphan_retries
	Retries int           // what it meant: tcp_orphan_retries() (0 → 8)
	Budget  time.Duration // tcp_model_timeout(Retries, TCP_RTO_MIN)
	Elapsed time.Duration // from the first RTO retransmission to the give-up
	Count   int           // the RTO retransmissions made
}

// OrphanRule is an orphan's give-up, once it has given up retransmitting;
// ok is false otherwise (not an orphan, not closed by retransmission, or a
// profile whose retries are counted rather than timed).
func (c *Conn) OrphanRule() (g OrphanGiveUp, ok bool) {
	p := &c.host.profile
	if c.state != Closed || c.cause != CauseRetransmitTimeout || !c.retransStampSet || !p.RetriesByTime || c.proc != nil {
		return OrphanGiveUp{}, false
	}
	n := c.orphanRetries()
	return OrphanGiveUp{Sysctl: p.OrphanRetries, Retries: n, Budget: retries2Timeout(n, p.MinRTO, p.MaxRTO),
		Elapsed: c.gaveUpAt - c.retransStamp, Count: int(c.retransmits)}, true
}

// Keepalive is the rule by which keepalive gives up on a silent peer:
// after idle + intvl × cnt from the last segment received, its own
// options or else its host's sysctls (tcp_keepalive_timer resets the
// connection when cnt probes went unanswered). On the timer wheel the
// kernel is later by its timers' slack. ok is false when TCP_USER_TIMEOUT
// decides instead.
func (c *Conn) Keepalive() (idle, intvl time.Duration, cnt int, ok bool) {
	if c.opts.UserTimeout > 0 {
		return 0, 0, 0, false
	}
	idle, intvl, cnt = c.keepaliveParams()
	return idle, intvl, cnt, true
}

// armKeepalive starts the keepalive timer for the idle time left, counted
// from the last segment received (tcp_sock_set_keepidle_locked). The
// kernel counts both in jiffies (keepalive_time_elapsed).
func (c *Conn) armKeepalive() {
	idle, _, _ := c.keepaliveParams()
	h := c.host
	c.probesOut = 0
	h.armTCPTimer(&c.keepalive, max(h.inJiffies(idle)-h.jiffySince(c.lastHeard), 0))
	c.traceTimer(TimerKeepalive, TimerArmed, c.keepalive.Deadline())
}

// onKeepaliveTimer is tcp_keepalive_timer. The timer is lazy: segments
// arriving do not re-arm it; when it fires it measures the idle time since
// the last segment received and either sleeps for the rest, probes, or,
// once count probes went unanswered (or TCP_USER_TIMEOUT passed), sends a
// RST and fails the connection with ETIMEDOUT. Each re-arm goes through
// the timer wheel again, so on a real kernel a timer that woke too early
// adds a second helping of slack.
func (c *Conn) onKeepaliveTimer() {
	h := c.host
	h.timerRuns()
	if !c.opts.KeepAlive || !c.state.Synchronized() || c.state == TimeWait {
		return
	}
	idle, intvl, cnt := c.keepaliveParams()
	idle = h.inJiffies(idle)
	if c.sndNxt != c.sndUna || len(c.sndBuf) > int(c.sndNxt-c.sndBufSeq) {
		// "It is alive without keepalive": data in flight has its own
		// timer.
		h.armTCPTimer(&c.keepalive, idle)
		return
	}
	elapsed := h.jiffySince(c.lastHeard)
	if elapsed < idle {
		h.armTCPTimer(&c.keepalive, idle-elapsed)
		return
	}
	ut := h.inJiffies(c.opts.UserTimeout)
	if (ut > 0 && elapsed >= ut && c.probesOut > 0) || (ut == 0 && int(c.probesOut) >= cnt) {
		c.traceTimer(TimerKeepalive, TimerFired, 0)
		c.sendRST(TriggerResetKeepalive)
		c.fail(ETIMEDOUT, CauseKeepalive)
		return
	}
	c.traceTimer(TimerKeepalive, TimerFired, 0)
	c.xmit(ACK, c.sndUna-1, nil, TriggerKeepalive, 0)
	c.keepaliveProbes++
	c.probesOut++
	c.counting = true
	h.armTCPTimer(&c.keepalive, h.inJiffies(intvl))
	c.traceTimer(TimerKeepalive, TimerArmed, c.keepalive.Deadline())
}

// onWaitTimer ends TIME_WAIT, or an orphan's FIN_WAIT_2 (tcp_fin_timeout):
// the connection is forgotten without a segment.
func (c *Conn) onWaitTimer() {
	c.host.timerRuns()
	if c.state == TimeWait {
		c.traceTimer(TimerTimeWait, TimerFired, 0)
	} else {
		c.traceTimer(TimerFinWait2, TimerFired, 0)
	}
	c.becomeClosed()
}

func (c *Conn) enterTimeWait() {
	c.stopTimer(&c.rtx, c.rtxKind)
	c.stopTimer(&c.keepalive, TimerKeepalive)
	c.setState(TimeWait)
	c.host.armTCPTimer(&c.wait, c.host.profile.TimeWait)
	c.traceTimer(TimerTimeWait, TimerArmed, c.wait.Deadline())
}
