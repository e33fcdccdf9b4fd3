package lab

import (
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// heartbeat is one side's watch over one connection: it pings on its
// schedule, waits for answers, and declares the peer dead when answers stop
// (heartbeat_timeout), when nothing at all has been heard for Expect
// (heartbeat_timeout) or IdleTimeout (idle_timeout).
//
// It only decides; the owner sends what it asks and acts on dead. All its
// timers belong to the application's process, so they stop while it is
// frozen. Any byte received counts as an answer: the peer is alive.
type heartbeat struct {
	// What an answer and a write touch come first (received and wrote,
	// all a server's answering heartbeat visits), then answerTimer, whose
	// first 24 bytes (sim, at, seq) are all that the answer's Stop reads:
	// what an answer visits ends within 48 bytes of the heartbeat's start.
	// Then what a ping adds, and pingTimer, which only a ping visits (the
	// stale entry of the last ping's answer timer comes up with it): a
	// ping visits the heartbeat's first 200 bytes; what only its rarer
	// work reads is in the cold part. The owner names these lines to the
	// simulator's prefetch (Conn.SetHint; layout_test.go holds them).
	lastRecv time.Duration
	lastSend time.Duration
	missed   int32
	// npend is how many pings are sent and not answered: first, then
	// more[:npend-1], oldest first. An answer only sets it to 0.
	npend int32
	// pingTimer and answerTimer are made with the heartbeat
	// (initHeartbeat, init), in place: a ping re-arms them both.
	answerTimer netsim.Timer
	sim         *netsim.Sim
	cfg         *AppConfig  // live: parameter changes apply from the next timer
	first       pendingPing // the oldest ping pending, if any
	seq         uint32
	stopped     bool
	sched       schedule // cfg.Heartbeat.Schedule, decoded (init, rearm)
	// shift is the ping interval's multiplier, 1<<shift: a gRPC client
	// doubles it after GOAWAY (client.pingScale, a power of two).
	shift uint8
	// fixedOn says that the ping timer's deadline is nextPing's answer on
	// the fixed schedule with the interval of now: set when nextPing
	// computes it by the formula, cleared by init and rearm (every live
	// change of the settings reconfigures, which rearms).
	fixedOn   bool
	pingTimer netsim.Timer

	more    []pendingPing  // the pings pending after first (more than one at once: a timeout longer than the interval)
	owner   heartbeatOwner // a ping has it from its timer (the owner's Fire, initHeartbeat); the rarer work reads it here
	proc    *netsim.Process
	conn    *netsim.Conn  // the connection watched; nil for UDP
	started time.Duration // when the watch began: the fixed schedule counts from it
	// The silence timers are made the first time they are armed (a nil
	// one is stopped): most heartbeats never arm them, and 100,000
	// connections would otherwise hold 200,000 timers never armed.
	expectTimer, idleTimer *netsim.Timer
	// miss is the last ping that went unanswered, and missedDead says the
	// peer was declared dead for misses (not for silence): the rule that
	// fired, for the narration.
	miss       missedPing
	missedDead bool
}

// missedPing is a ping that went unanswered within its timeout: the
// missed-th in a row.
type missedPing struct {
	seq     uint32
	timeout time.Duration
	missed  int
}

type pendingPing struct {
	seq      uint32
	sentAt   time.Duration
	deadline time.Duration
}

// heartbeatOwner is the side a heartbeat watches for: it sends the pings
// the heartbeat asks for, and acts when the heartbeat declares the peer
// dead. (An interface, not two closures: the owner is the client or
// handler whose fields a ping visits anyway.)
type heartbeatOwner interface {
	sendPing(seq uint32)
	peerDead(cause netsim.Cause, silent time.Duration)
}

// init makes h a new heartbeat of p's for owner, in place: a client or a
// handler holds its heartbeat among its own fields, where a ping finds it.
// The timers of an earlier heartbeat in the same place are let go (they
// were stopped with it). ping is the ping timer's function, which calls
// h.onPingTimer: for an owner that is not its ping timer's Firer (a
// test's); the lab's owners are, and have initHeartbeat make the timer.
func (h *heartbeat) init(p *netsim.Process, cfg *AppConfig, owner heartbeatOwner, conn *netsim.Conn, ping func()) {
	h.reset(p, cfg, owner, conn)
	p.SetTimer(&h.pingTimer, ping)
	h.pingTimer.Visits(conn)
}

// pinger is a heartbeat's owner that is its ping timer's Firer too: its
// Fire calls h.onPingTimer with itself.
type pinger interface {
	heartbeatOwner
	netsim.Firer
}

// initHeartbeat is init for an owner that is its ping timer's Firer: the
// timer calls owner.Fire (netsim.SetTimerTo) through an interface whose
// data word is owner itself, the client or handler whose first lines a
// ping reads anyway, where a function (a method value) is a closure of
// its own: with 10,000 clients, a cache line a ping. Generic, so that
// SetTimerTo has the owner's own type.
func initHeartbeat[O pinger](h *heartbeat, p *netsim.Process, cfg *AppConfig, owner O, conn *netsim.Conn) {
	h.reset(p, cfg, owner, conn)
	netsim.SetTimerTo(p, &h.pingTimer, owner)
	h.pingTimer.Visits(conn)
}

// reset is init but for the ping timer, which it leaves stopped and
// unmade: the caller makes it.
func (h *heartbeat) reset(p *netsim.Process, cfg *AppConfig, owner heartbeatOwner, conn *netsim.Conn) {
	h.pingTimer.Stop() // stopped with the watch already; the queue holds no armed timer of the old one
	h.answerTimer.Stop()
	*h = heartbeat{cfg: cfg, sim: p.Host().Sim(), proc: p, owner: owner, conn: conn,
		sched: scheduleOf(cfg.Heartbeat.Schedule)}
	p.SetTimer(&h.answerTimer, h.onAnswerTimer)
	h.answerTimer.Visits(conn)
}

func (h *heartbeat) now() time.Duration { return h.sim.Now() }

// start begins watching a connection that has just opened.
func (h *heartbeat) start() {
	now := h.now()
	h.started, h.lastRecv, h.lastSend = now, now, now
	h.rearm()
}

// rearm arms the timers the settings call for and stops the others. A
// timer already armed keeps its deadline: a changed setting takes effect
// from the next timer (the silence timers read it when they fire).
func (h *heartbeat) rearm() {
	h.sched = scheduleOf(h.cfg.Heartbeat.Schedule) // (not a live parameter: a changed configuration all the same)
	h.fixedOn = false                              // the interval may have changed
	if h.stopped {
		return
	}
	hb := h.cfg.Heartbeat
	switch {
	case hb.Interval <= 0:
		h.pingTimer.Stop()
	case !h.pingTimer.Armed():
		h.pingTimer.Reset(h.nextPing())
	}
	keep := func(t **netsim.Timer, on bool, at func() time.Duration, fire func()) {
		switch {
		case !on:
			(*t).Stop()
		case !(*t).Armed():
			armTimer(h.proc, t, at(), fire, h.conn)
		}
	}
	keep(&h.expectTimer, hb.Expect > 0, func() time.Duration { return h.lastRecv + hb.Expect },
		func() { h.onSilenceTimer(h.cfg.Heartbeat.Expect, netsim.CauseHeartbeatTimeout, h.expectTimer) })
	keep(&h.idleTimer, h.cfg.IdleTimeout > 0, func() time.Duration { return h.lastRecv + h.cfg.IdleTimeout },
		func() { h.onSilenceTimer(h.cfg.IdleTimeout, netsim.CauseIdleTimeout, h.idleTimer) })
}

// armTimer arms *t to fire at at, first making it a timer of p that calls
// fire if it is not made yet: an app's timers are made when first armed.
// (A hot path tests *t for nil itself rather than build fire each time.)
// conn is the connection fire works on, if any: the simulator's queue
// fetches its memory ahead of the timer's turn (netsim's Timer.Visits).
func armTimer(p *netsim.Process, t **netsim.Timer, at time.Duration, fire func(), conn *netsim.Conn) {
	if *t == nil {
		*t = p.NewTimer(fire)
	}
	(*t).Visits(conn)
	(*t).Reset(at)
}

// disarm stops t, which no longer works on its connection (a nil t is
// stopped already).
func disarm(t *netsim.Timer) {
	if t != nil {
		t.Stop()
		t.Visits(nil)
	}
}

// interval is the time between pings: the setting times the scale, at
// most MaxTime (a gRPC client that doubles it after each GOAWAY stops
// there rather than overflow).
func (h *heartbeat) interval() time.Duration {
	if h.shift == 0 {
		return min(h.cfg.Heartbeat.Interval, MaxTime) // scaled(iv, 1), with no division
	}
	return scaled(h.cfg.Heartbeat.Interval, 1<<h.shift)
}

// scaled is iv × scale, at most MaxTime.
func scaled(iv, scale time.Duration) time.Duration {
	if iv > 0 && scale > MaxTime/iv {
		return MaxTime
	}
	return iv * scale
}

// schedule is a heartbeat's Schedule, decoded once (a ping compares no
// strings): what the interval counts from.
type schedule uint8

const (
	schedFixed        schedule = iota // "fixed": every interval from the start of the watch
	schedAfterReceive                 // "after-receive"
	schedAfterSend                    // "after-send"
	// schedOther is any other string (a configuration that was not
	// checked): counted as fixed, though a ping timer finds it not
	// "fixed", as before the schedule was decoded.
	schedOther
)

func scheduleOf(s string) schedule {
	switch s {
	case "fixed":
		return schedFixed
	case "after-receive":
		return schedAfterReceive
	case "after-send":
		return schedAfterSend
	}
	return schedOther
}

// nextPing is when the next ping is due under the schedule: the ping
// timer's next deadline (its every Reset but a non-fixed schedule's own
// is of nextPing's answer).
func (h *heartbeat) nextPing() time.Duration {
	iv := h.interval()
	switch h.sched {
	case schedAfterReceive:
		return max(h.lastRecv, h.lastPing()) + iv
	case schedAfterSend:
		return h.lastSend + iv
	}
	// fixed: every interval from the start of the watch, the first
	// started + n×iv after now. When now is the ping timer's deadline and
	// that deadline was this formula's answer with the interval of now
	// (fixedOn: nothing has rearmed since, and init clears it with
	// started's change; a ping timer's deadline changes only to this
	// function's answers), now is started + n×iv exactly, and the answer
	// is now + iv: the timer fired on time (not held while its process
	// was frozen). Every ping of a steady heartbeat is that case, and
	// takes no division.
	now := h.now()
	if h.fixedOn && now == h.pingTimer.Deadline() {
		return now + iv
	}
	h.fixedOn = true
	n := (now-h.started)/iv + 1
	return h.started + n*iv
}

func (h *heartbeat) lastPing() time.Duration {
	switch {
	case h.npend > 1:
		return h.more[h.npend-2].sentAt
	case h.npend == 1:
		return h.first.sentAt
	}
	return 0
}

// pend notes a ping sent and not answered, the newest.
func (h *heartbeat) pend(p pendingPing) {
	if h.npend == 0 {
		h.first = p
	} else {
		h.more = append(h.more[:h.npend-1], p)
	}
	h.npend++
}

// answered takes the oldest ping pending out.
func (h *heartbeat) answered() {
	if h.npend > 1 {
		h.first, h.more = h.more[0], h.more[1:]
	}
	h.npend--
}

// stop ends the watch.
func (h *heartbeat) stop() {
	h.stopped = true
	disarm(&h.pingTimer)
	disarm(&h.answerTimer)
	disarm(h.expectTimer)
	disarm(h.idleTimer)
}

// received notes that bytes arrived at now: the peer is alive, every
// ping sent before now is answered. (The owner says when, from its own
// line: the heartbeat's clock is on the ping's.)
func (h *heartbeat) received(now time.Duration) {
	h.lastRecv = now
	if h.npend > 0 {
		h.npend = 0
		h.answerTimer.Stop()
	}
	h.missed = 0
}

// wrote notes that bytes left at now.
func (h *heartbeat) wrote(now time.Duration) { h.lastSend = now }

// onPingTimer is the ping timer's work, for owner (h's: its Fire, or the
// ping timer's function given to init, calls it).
func (h *heartbeat) onPingTimer(owner heartbeatOwner) {
	if h.stopped {
		return
	}
	now, hb := h.now(), &h.cfg.Heartbeat
	if hb.Interval <= 0 {
		return
	}
	if h.sched != schedFixed {
		if due := h.nextPing(); due > now {
			h.pingTimer.Reset(due) // traffic moved the schedule: sleep on
			return
		}
	}
	h.seq++
	if !hb.NoAnswer {
		h.pend(pendingPing{seq: h.seq, sentAt: now, deadline: now + hb.Timeout})
		if !h.answerTimer.Armed() {
			h.answerTimer.Reset(h.first.deadline)
		}
	}
	owner.sendPing(h.seq)
	if h.stopped {
		return
	}
	h.lastSend = now
	// nextPing's answer, its steady fixed schedule's case here: the ping
	// of every client of a herd, which a call would cost more than the
	// answer (fixedOn is set on the fixed schedule's path alone, and
	// cleared with every change of the schedule).
	next := now + h.interval()
	if !h.fixedOn || now != h.pingTimer.Deadline() {
		next = h.nextPing()
	}
	h.pingTimer.Reset(next)
}

// onAnswerTimer runs when the oldest unanswered ping's time is up: it is
// missed, and enough misses in a row mean the peer is dead.
func (h *heartbeat) onAnswerTimer() {
	now := h.now()
	for h.npend > 0 && h.first.deadline <= now {
		p := h.first
		h.answered()
		h.missed++
		h.miss = missedPing{seq: p.seq, timeout: p.deadline - p.sentAt, missed: int(h.missed)}
	}
	if int(h.missed) >= h.cfg.Heartbeat.MaxMissed {
		h.missedDead = true
		h.declareDead(netsim.CauseHeartbeatTimeout)
		return
	}
	if h.npend > 0 {
		h.answerTimer.Reset(h.first.deadline)
	}
}

// onSilenceTimer runs when the peer may have been silent for limit. The
// timer is lazy: arrivals do not re-arm it; when it fires it checks.
func (h *heartbeat) onSilenceTimer(limit time.Duration, cause netsim.Cause, t *netsim.Timer) {
	if h.stopped || limit <= 0 {
		return
	}
	if due := h.lastRecv + limit; due > h.now() {
		t.Reset(due)
		return
	}
	h.declareDead(cause)
}

// fired is the unanswered ping that made the heartbeat declare its peer
// dead, or nil when it was silence (or there is no heartbeat).
func (h *heartbeat) fired() *missedPing {
	if h == nil || !h.missedDead {
		return nil
	}
	return &h.miss
}

func (h *heartbeat) declareDead(cause netsim.Cause) {
	silent := h.now() - h.lastRecv
	h.stop()
	h.owner.peerDead(cause, silent)
}

// timers lists the live timers for display.
func (h *heartbeat) timers() []timerInfo {
	if h.stopped {
		return nil
	}
	var out []timerInfo
	hb := h.cfg.Heartbeat
	if h.pingTimer.Armed() {
		start := h.pingTimer.Deadline() - h.interval()
		out = append(out, timerInfo{name: i18n.TimerNextPing, start: start, deadline: h.pingTimer.Deadline()})
	}
	if h.npend > 0 {
		p := h.first
		t := timerInfo{name: i18n.TimerAnswer, start: p.sentAt, deadline: p.deadline}
		if hb.MaxMissed > 1 {
			t.detail = i18n.M(i18n.TimerMissed, "N", int(h.missed), "Max", hb.MaxMissed)
		}
		out = append(out, t)
	}
	if hb.Expect > 0 && h.expectTimer.Armed() {
		out = append(out, timerInfo{name: i18n.TimerHeartbeat, start: h.lastRecv, deadline: h.lastRecv + hb.Expect})
	}
	if h.cfg.IdleTimeout > 0 && h.idleTimer.Armed() {
		out = append(out, timerInfo{name: i18n.TimerIdle, start: h.lastRecv, deadline: h.lastRecv + h.cfg.IdleTimeout})
	}
	return out
}

// timerInfo is an application timer, for display: its name is a message
// of the catalog.
type timerInfo struct {
	name            i18n.ID
	start, deadline time.Duration
	detail          i18n.Message
}
