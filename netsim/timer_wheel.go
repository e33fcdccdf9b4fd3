package netsim

import (
	"hash/fnv"
	"math/rand/v2"
	"time"
)

// TimerMode says when a host's TCP timers fire.
type TimerMode uint8

// Timer modes.
const (
	// TimersExact fires every TCP timer at its deadline to the
	// nanosecond: the bare rule of the RFCs and the kernel's formulas.
	TimersExact TimerMode = iota
	// TimersWheel makes TCP timers jiffy timers on the kernel's timer
	// wheel, as Linux's are: a timer armed for Δ jiffies goes to the level
	// of the wheel that Δ selects and fires at the next tick of that
	// level's granularity strictly after its expiry, counted in absolute
	// jiffies. At HZ 250 that is up to 4 ms late below 252 ms, 32 ms
	// below 2.016 s, 256 ms below 16.128 s, 2.048 s below 129 s, 16.4 s
	// below 17 min, 131 s below 2.3 h…
	TimersWheel
)

var timerModes = []Named{
	TimersExact: {"exact", "doc.timer_mode.exact"},
	TimersWheel: {"wheel", "doc.timer_mode.wheel"},
}

// String is the mode's name: "exact", "wheel".
func (m TimerMode) String() string { return nameOf(timerModes, m) }

// Doc is the ID of the mode's description in lab/i18n's catalog.
func (m TimerMode) Doc() string { return docOf(timerModes, m) }

// TimerModes lists the modes, in the order the documentation shows them.
func TimerModes() []TimerMode { return valuesOf[TimerMode](timerModes) }

// ParseTimerMode reads a mode by its name; the error names the setting
// "timer_wheel" and the names it takes.
func ParseTimerMode(name string) (TimerMode, error) {
	return parseSetting[TimerMode](timerModes, "timer_wheel", name)
}

// The wheel's geometry (kernel/time/timer.c): each level has LVL_SIZE = 64
// buckets and is LVL_CLK_DIV = 8 times coarser than the one below; a
// timer Δ jiffies away goes to the lowest level L with Δ < LVL_START(L+1)
// = 63 << 3L; HZ > 100 gives LVL_DEPTH = 9 levels, and an expiry past the
// last level's reach is pulled in to WHEEL_TIMEOUT_MAX.
const (
	wheelClkShift = 3  // LVL_CLK_SHIFT
	wheelLvlSize  = 64 // LVL_SIZE
	wheelDepth    = 9  // LVL_DEPTH (HZ > 100)
)

// wheelLevelStart is LVL_START(n): the smallest Δ that level n takes.
func wheelLevelStart(n int) int64 { return (wheelLvlSize - 1) << ((n - 1) * wheelClkShift) }

// wheelBucket is calc_wheel_index's expiry: the jiffy at which a timer
// armed with the wheel's clock at clk, to expire at jiffy expires, runs.
//
//	level L: the first with expires − clk < LVL_START(L+1)
//	bucket_expiry = ((expires >> 3L) + 1) << 3L   (calc_index)
//
// It is strictly after expires ("The timer wheel has to guarantee that a
// timer does not fire early", calc_index), by at most one granule of the
// level, 8^L jiffies.
func wheelBucket(expires, clk int64) int64 {
	delta := expires - clk
	if delta < 0 {
		return clk // already due: the wheel runs it at its current clock
	}
	lvl := 0
	for lvl < wheelDepth-1 && delta >= wheelLevelStart(lvl+1) {
		lvl++
	}
	if cutoff := wheelLevelStart(wheelDepth); delta >= cutoff {
		// WHEEL_TIMEOUT_MAX: "Force expire obscene large timeouts".
		expires = clk + cutoff - 1<<((wheelDepth-1)*wheelClkShift)
	}
	shift := uint(lvl * wheelClkShift)
	return ((expires >> shift) + 1) << shift
}

// jiffyPhaseBits bounds the jiffy counter's value at the start of a run:
// any value below 2^30 aligns every level of the wheel (the coarsest
// granule is 2^24 jiffies, its 64 buckets 2^30) as freely as a real
// counter's.
const jiffyPhaseBits = 30

// jiffyPhase draws a host's kernel clock phase from the run's seed and the
// host's name: a real machine's jiffy counter stands at some value when a
// run starts, which decides where every wheel tick falls. The draw has its
// own stream, so it takes nothing from the run's generator, and it depends
// on the host's name only, so adding a host changes no other's.
func jiffyPhase(seed uint64, name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return rand.New(rand.NewPCG(seed, h.Sum64())).Uint64()
}

// JiffyOrigin is the host's kernel time at the start of the run: at
// virtual time t its jiffy counter reads (t + JiffyOrigin) / TimerTick.
// Drawn from the run's seed, it varies from seed to seed as a real
// machine's does, and makes the run reproducible. 0 when the profile has no
// tick.
func (h *Host) JiffyOrigin() time.Duration { return h.originFor(h.profile.TimerTick) }

// originFor is JiffyOrigin for a tick of tick, remembered for the last
// tick asked (the profile may change).
func (h *Host) originFor(tick time.Duration) time.Duration {
	if tick != h.originTick {
		h.origin, h.originTick = h.jiffyOrigin(tick), tick
	}
	return h.origin
}

// jiffyOrigin is JiffyOrigin for a tick of tick.
func (h *Host) jiffyOrigin(tick time.Duration) time.Duration {
	if tick <= 0 {
		return 0
	}
	whole := h.phase & (1<<jiffyPhaseBits - 1)
	frac := (h.phase >> jiffyPhaseBits) % uint64(tick)
	return time.Duration(whole)*tick + time.Duration(frac)
}

// jiffies is the host's jiffy counter at virtual time t.
func (h *Host) jiffies(t time.Duration) int64 {
	return int64((t + h.JiffyOrigin()) / h.profile.TimerTick)
}

// wheel reports whether the host's TCP timers run on the timer wheel.
func (h *Host) wheel() bool { return h.profile.Timers == TimersWheel && h.profile.TimerTick > 0 }

// wheelTick is the tick of the wheel the host's TCP timers run on: the
// profile's tick, or 0 when they run on the exact clock (armTCP takes a
// tick of 0 or less for that, as wheel does).
func (h *Host) wheelTick() time.Duration {
	if h.profile.Timers != TimersWheel {
		return 0
	}
	return h.profile.TimerTick
}

// armTCPTimer arms t, one of the host's TCP timers, to fire d from now: at
// once on the exact clock, or where the kernel's timer wheel would run it
// (tcpDeadline).
func (h *Host) armTCPTimer(t *Timer, d time.Duration) { h.armTCP(t, d, h.wheelTick()) }

// tcpDeadline is when a TCP timer of the host armed now to fire d from now
// runs, on a wheel of tick (wheelTick; 0: the exact clock, now + d): where
// the kernel's timer wheel runs it (sk_reset_timer: mod_timer(timer,
// jiffies + d), d in whole jiffies, rounded up as msecs_to_jiffies and
// usecs_to_jiffies round). While a timer of the host runs, the wheel's
// clock is one jiffy ahead of the counter (__run_timers: "While executing
// timers, base->clk is set 1 offset ahead of jiffies"), which moves a
// timer armed from a handler to a finer level when Δ is exactly a level's
// start.
//
// The tick is the caller's, read from the profile, so that a deadline
// computed when a step ends (Sim.armLater) is the one the tick of its arm
// gave: the profile is anyone's to change (Host.Profile), a notice's
// within the step too. The rest does not change within a step: the clock,
// and timerJiffy, which only a handler of the host's TCP timers writes,
// before it arms anything (timerRuns), and a step runs one handler.
func (h *Host) tcpDeadline(d, tick time.Duration) time.Duration { return h.armTCP(nil, d, tick) }

// armTCP arms t at tcpDeadline(d, tick), unless t is nil, and returns the
// deadline. (One function for both, so that arming a timer, which
// nearly every segment does, costs one call.)
func (h *Host) armTCP(t *Timer, d, tick time.Duration) time.Duration {
	t0 := h.sim.now // (read once: originFor's stores would have it read again)
	at := t0 + d
	if tick > 0 {
		origin := h.originFor(tick)
		now := int64((t0 + origin) / tick) // h.jiffies(h.sim.now)
		clk := now
		if h.timerJiffy == now {
			clk++
		}
		expires := now + int64((d+tick-1)/tick)
		j := expires + 1 // level 0, where nearly every timer of a busy connection goes
		if delta := expires - clk; delta < 0 || delta >= wheelLevelStart(1) {
			j = wheelBucket(expires, clk)
		}
		at = time.Duration(j)*tick - origin
	}
	if t != nil {
		t.Reset(at)
	}
	return at
}

// timerRuns notes that one of the host's TCP timers fires now (see
// tcpDeadline).
func (h *Host) timerRuns() {
	if h.wheel() {
		h.timerJiffy = h.jiffies(h.sim.now)
	}
}

// jiffySince is the time since t as the kernel counts it for keepalive
// (tcp_jiffies32 − lrcvtime): whole jiffies on the wheel, exact otherwise.
func (h *Host) jiffySince(t time.Duration) time.Duration {
	if !h.wheel() {
		return h.sim.now - t
	}
	return time.Duration(h.jiffies(h.sim.now)-h.jiffies(t)) * h.profile.TimerTick
}

// inJiffies is d as the kernel stores a configured timeout: whole jiffies,
// rounded up, on the wheel; d otherwise.
func (h *Host) inJiffies(d time.Duration) time.Duration {
	if !h.wheel() {
		return d
	}
	tick := h.profile.TimerTick
	return (d + tick - 1) / tick * tick
}

// atLeastAJiffy is d, but at least one jiffy on the wheel: the kernel
// never arms an RTO for 0 (tcp_rearm_rto's max(delta_us, 1),
// tcp_clamp_rto_to_user_timeout's "fire ASAP" of 1 jiffy).
func (h *Host) atLeastAJiffy(d time.Duration) time.Duration {
	if !h.wheel() {
		return d
	}
	return max(d, h.profile.TimerTick)
}
