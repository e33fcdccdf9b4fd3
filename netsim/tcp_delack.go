package netsim

import "time"

// Linux's delayed-ACK engine, as the measurements in docs/kernel-check
// show it: a connection starts in quick-ACK mode (every data segment is
// acknowledged at once, up to 16 times, and again after a pause longer than
// the RTO); once the application answers within the ACK timeout of
// receiving (request and response), it is "interactive" (ping-pong) and ACKs
// wait up to the ACK timeout for data to ride on; a delayed ACK that had to
// fire alone ends ping-pong mode. A FIN enters ping-pong mode, so its ACK
// waits for the application's own FIN.
//
// Sources: net/ipv4/tcp_input.c tcp_event_data_recv, tcp_incr_quickack,
// __tcp_ack_snd_check; tcp_output.c tcp_event_data_sent,
// tcp_send_delayed_ack; tcp_timer.c tcp_delack_timer_handler. Profiles
// without QuickAck (Windows, macOS) delay every ACK by DelayedACK and
// acknowledge every second full segment at once (RFC 1122 4.2.3.2).
//
// The engine's two small fields, the quick ACKs left and the interactive
// mode (icsk_ack.quick and pingpong), are the Conn's own (quickAcks,
// pingpong), among its flags: in this struct they would pad it from 16
// bytes to 24, and the Conn's hot part has none to spare.
type ackEngine struct {
	ato      time.Duration // the ACK timeout estimate; 0 before the first data
	lrcvtime time.Duration // when data last arrived
}

// maxQuickAcks is TCP_MAX_QUICKACKS.
const maxQuickAcks = 16

// onDataReceived is tcp_event_data_recv: it keeps the ACK timeout estimate
// and refills quick ACKs at the start and after a long pause
// (tcp_incr_quickack: as many quick ACKs as half the window holds
// segments, at least 2, at most 16). The refill comes after the estimate,
// where the kernel's comes before: it reads neither the estimate nor the
// time of the last data, and written out here it costs no call of its own
// on every data segment that comes after a pause.
func (c *Conn) onDataReceived() {
	if !c.host.profile.QuickAck {
		return
	}
	a, now := &c.acks, c.host.sim.now
	atoMin := c.host.profile.DelayedACK // TCP_ATO_MIN
	quick := false
	switch m := now - a.lrcvtime; {
	case a.ato == 0:
		quick = true
		a.ato = atoMin
	case m <= atoMin/2:
		a.ato = a.ato/2 + atoMin/2
	case m < a.ato:
		a.ato = min(a.ato/2+m, c.rto)
	case m > c.rto:
		quick = true
	}
	a.lrcvtime = now
	if quick {
		n := int(c.window()) / (2 * int(c.mss))
		if n == 0 {
			n = 2
		}
		c.quickAcks = max(c.quickAcks, uint8(min(n, maxQuickAcks)))
	}
}

// ackAtOnce is the decision of __tcp_ack_snd_check: acknowledge now when
// more than a full segment waits and the window the ACK would offer is no
// smaller than the last (its right edge advances; if not, the
// application's read sends the ACK, ackOnRead), or in quick-ACK mode. The
// window is chosen first, as C's || evaluates it, and choosing it leaves
// quick-ACK mode when less than half the buffer is free
// (__tcp_select_window: icsk_ack.quick = 0). (Linux also acknowledges at
// once when the application has read everything; here the data just came
// and nobody has read it yet.)
//
// Up to a segment unacknowledged on a quick-ACK profile, the case of
// every small message, is decided where ackAtOnce is inlined; the rest
// by ackAtOnceFull.
func (c *Conn) ackAtOnce() bool {
	if c.rcvUnacked <= c.mss && c.host.profile.QuickAck {
		return c.quickAcks != 0 && !c.pingpong
	}
	return c.ackAtOnceFull()
}

// ackAtOnceFull is ackAtOnce in every case.
func (c *Conn) ackAtOnceFull() bool {
	if !c.host.profile.QuickAck {
		return c.rcvUnacked >= 2*c.mss
	}
	if c.rcvUnacked > c.mss {
		if full := min(c.rcvSpace(), c.windowClamp()); c.rcvFree() < full/2 {
			c.quickAcks = 0
		}
		if c.window() >= c.advWnd {
			return true
		}
	}
	return c.quickAcks > 0 && !c.pingpong
}

// ackOnRead sends the ACK the application's read owes (tcp_cleanup_rbuf):
// one of more than a full segment that waited because the window did not
// advance (ackAtOnce).
func (c *Conn) ackOnRead() {
	if c.ackOwed && c.rcvUnacked > c.mss {
		c.ackOnReadOwed()
	}
}

// ackOnReadOwed is ackOnRead with more than a segment unacknowledged.
// (Not inlined, so that ackOnRead's test is.)
//
//go:noinline
func (c *Conn) ackOnReadOwed() {
	if c.host.profile.QuickAck {
		c.sendAck(TriggerAckNow)
	}
}

// onAckSent is tcp_event_ack_sent: an ACK that answered data uses up one
// quick ACK; leaving quick-ACK mode deflates the timeout.
func (c *Conn) onAckSent() {
	if !c.ackOwed || c.quickAcks == 0 {
		return
	}
	c.quickAcks--
	if c.quickAcks == 0 {
		c.acks.ato = c.host.profile.DelayedACK
	}
}

// onDataSent is tcp_event_data_sent: answering within the ACK timeout of
// the last data received makes the connection interactive
// (TCP_PINGPONG_THRESH is 1).
func (c *Conn) onDataSent() {
	if c.host.profile.QuickAck && c.acks.ato > 0 && c.host.sim.now-c.acks.lrcvtime < c.acks.ato {
		c.pingpong = true
	}
}

// delackTimeout is tcp_send_delayed_ack's timeout: the estimate, capped at
// 200 ms when interactive (500 ms otherwise) and at the smoothed RTT. Before
// any data has arrived the estimate is 0 (tcp_event_data_recv sets it to
// TCP_ATO_MIN with the first data): an ACK owed then, as for a FIN that
// comes before any data, leaves at the next tick of the kernel's clock
// ("timeout = jiffies + ato"), not 40 ms later.
func (c *Conn) delackTimeout() time.Duration {
	p := &c.host.profile
	if !p.QuickAck {
		return p.DelayedACK
	}
	ato := c.acks.ato
	if ato > p.DelayedACK {
		maxAto := 500 * time.Millisecond // HZ/2
		if c.pingpong {
			maxAto = 200 * time.Millisecond // TCP_DELACK_MAX
		}
		if c.hasRTT {
			maxAto = min(maxAto, max(c.smoothedRTT(), p.DelayedACK))
		}
		ato = min(ato, maxAto)
	}
	return c.tick(ato)
}

// scheduleAck owes the peer an ACK: now, or after the delayed-ACK timeout
// unless data leaves first.
func (c *Conn) scheduleAck(now bool) {
	if now {
		c.sendAck(TriggerAckNow)
		return
	}
	c.ackOwed = true
	if !c.delackOn {
		// armLater: the application's answer, written in this step,
		// usually carries the ACK and cancels the timer (stopDelack),
		// and then the deadline is never computed. The timeout is read
		// now: the step may change what it depends on (onAckSent the
		// estimate, onDataSent the mode).
		c.delackOn = true
		h, d := c.host, c.delackTimeout()
		h.sim.armLater(&c.delack, h, d)
		if h.sim.traceTimers {
			c.traceTimer(TimerDelayedACK, TimerArmed, laterDeadline(h, d, h.wheelTick()))
		}
	}
}

// stopDelack cancels the delayed-ACK timer, armed (delackOn).
func (c *Conn) stopDelack() {
	c.dropDelack()
	c.traceTimer(TimerDelayedACK, TimerCancelled, 0)
}

// dropDelack is stopDelack untraced: the timer's entry is dropped from
// the step's list if armLater left it there, and the timer stopped
// otherwise (then it was armed in an earlier step).
func (c *Conn) dropDelack() {
	c.delackOn = false
	if !c.host.sim.cancelLater(&c.delack) {
		c.delack.Stop()
	}
}

// onDelayedACK sends the ACK that waited in vain for data to ride on
// (tcp_delack_timer_handler): outside ping-pong mode the timeout estimate
// doubles; in it, the connection leaves ping-pong mode.
func (c *Conn) onDelayedACK() {
	c.delackOn = false
	c.host.timerRuns()
	c.traceTimer(TimerDelayedACK, TimerFired, 0)
	if !c.ackOwed {
		return
	}
	if a := &c.acks; c.host.profile.QuickAck {
		if c.pingpong {
			c.pingpong = false
			a.ato = c.host.profile.DelayedACK
		} else {
			a.ato = min(2*a.ato, c.rto)
		}
	}
	c.sendAck(TriggerDelayedACK)
}
