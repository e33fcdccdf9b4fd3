package netsim

import (
	"fmt"
	"time"
)

// Profile holds the TCP settings of an operating system: its sysctls and
// compiled-in constants. Each host has its own copy, changeable while the
// run goes on (as sysctl changes a live kernel); sockets may override some
// of them (setsockopt).
type Profile struct {
	Name string

	// InitialRTO is the retransmission timeout before any RTT sample
	// (RFC 6298 2.1; Linux TCP_TIMEOUT_INIT), also the SYN timeout.
	InitialRTO time.Duration
	// MinRTO and MaxRTO bound the RTO (Linux TCP_RTO_MIN, TCP_RTO_MAX).
	MinRTO, MaxRTO time.Duration
	// RTTEstimator is how RTT samples become the RTO: Linux's
	// tcp_rtt_estimator, or RFC 6298's.
	RTTEstimator RTTEstimator
	// TailLossProbe sends a probe before the first RTO retransmission
	// (RFC 8985 section 7; Linux net.ipv4.tcp_early_retrans = 3).
	TailLossProbe bool

	// SynRetries is the number of SYN retransmissions before connect()
	// fails (Linux net.ipv4.tcp_syn_retries; per socket TCP_SYNCNT).
	SynRetries int
	// SynLinearTimeouts is the number of SYN retransmissions sent at the
	// initial RTO before the timeout starts doubling; they come on top of
	// SynRetries (Linux net.ipv4.tcp_syn_linear_timeouts, kernel 6.x).
	SynLinearTimeouts int
	// SynAckRetries is the number of SYN-ACK retransmissions of a passive
	// open (Linux net.ipv4.tcp_synack_retries).
	SynAckRetries int

	// Retries2 bounds retransmission of data. With RetriesByTime (Linux) it
	// is turned into a time: the connection is aborted at the first RTO
	// expiry at which the time since the first RTO retransmission has
	// reached the sum over k = 0..Retries2 of min(MinRTO·2^k, MaxRTO)
	// (tcp_model_timeout in net/ipv4/tcp_timer.c). Otherwise it is a plain
	// count of retransmissions (Windows TcpMaxDataRetransmissions, BSD
	// TCP_MAXRXTSHIFT).
	Retries2      int
	RetriesByTime bool
	// OrphanRetries replaces Retries2 for a connection the application has
	// closed (Linux net.ipv4.tcp_orphan_retries; its default 0 means 8
	// while the RTO is below its maximum: tcp_orphan_retries()).
	OrphanRetries int

	// KeepIdle, KeepIntvl and KeepCnt are the SO_KEEPALIVE defaults
	// (Linux tcp_keepalive_time, tcp_keepalive_intvl, tcp_keepalive_probes;
	// per socket TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT).
	KeepIdle, KeepIntvl time.Duration
	KeepCnt             int

	// TimeWait is how long TIME_WAIT lasts (Linux TCP_TIMEWAIT_LEN).
	TimeWait time.Duration
	// FinTimeout is how long an orphaned connection waits in FIN_WAIT_2
	// for the peer's FIN (Linux net.ipv4.tcp_fin_timeout).
	FinTimeout time.Duration
	// DelayedACK is how long an ACK waits for data to ride on (Linux
	// TCP_DELACK_MIN and TCP_ATO_MIN: the floor of an adaptive timeout).
	DelayedACK time.Duration
	// QuickAck turns on Linux's adaptive ACK engine (quick-ACK and
	// ping-pong modes, see tcp_delack.go); without it every ACK waits
	// DelayedACK unless a second full segment arrives.
	QuickAck bool
	// ConnectTimeout bounds connect() as a whole, whatever the SYN
	// schedule (BSD's tcp_keepinit, 75 s on macOS); 0: no bound.
	ConnectTimeout time.Duration
	// TimerTick is the kernel clock's tick, the jiffy: timeouts computed
	// from RTT samples (RTO, tail loss probe) are rounded up to it, as
	// Linux's usecs_to_jiffies does. 4 ms at CONFIG_HZ=250 (Debian's
	// kernels); 0 keeps exact times.
	TimerTick time.Duration
	// Timers says when TCP timers fire: on the kernel's timer wheel,
	// rounded up per wheel level and aligned to absolute jiffies
	// (timer_wheel.go), or at their exact deadlines. Application timers
	// are never on the wheel.
	Timers TimerMode
	// SomaxConn caps a listen() backlog (Linux net.core.somaxconn).
	SomaxConn int

	// MSS is the maximum segment size advertised and used (Ethernet MTU
	// 1500 minus 40 bytes of IPv4 and TCP headers).
	MSS int
	// TTL is the IPv4 time to live of the packets the host sends.
	TTL int
	// InitCwnd is the initial congestion window in segments (RFC 6928).
	InitCwnd int
	// RcvBuf is the receive buffer in bytes; the advertised window is what
	// remains free of it, at most 64 KiB (the model's window never grows
	// past it, window scaling or not).
	RcvBuf int
	// LinuxReceiver says the host receives as Linux does. Its RcvBuf is
	// memory, of which a connection opens with half as its window
	// (sk_rcvbuf is tcp_rmem[1]; tcp_full_space, tcp_win_from_space at
	// TCP_DEFAULT_SCALING_RATIO): only the window of a SYN or SYN-ACK
	// follows that (initialWindow), later ones take all of RcvBuf. And
	// in-order data that runs past the window is taken whole when nothing
	// waits to be read, or dropped whole (tcp_sequence, tcp_data_queue),
	// where other stacks keep the part that fits (RFC 9293 3.10.7.4).
	LinuxReceiver bool

	// SACK, Timestamps and WindowScaling are the TCP options the host
	// offers on its SYN and grants on its SYN-ACK when the peer offered
	// them too (Linux net.ipv4.tcp_sack, tcp_timestamps,
	// tcp_window_scaling).
	SACK, Timestamps, WindowScaling bool
	// RcvBufMax is the largest a receive buffer may grow (tcp_rmem[2]);
	// RmemMax the largest SO_RCVBUF may ask for (net.core.rmem_max). The
	// window scale offered is the shift that lets 65535 reach the larger
	// of the two (tcp_select_initial_window: ilog2(max(tcp_rmem[2],
	// rmem_max)) - 15, between 0 and 14).
	RcvBufMax, RmemMax int
	// SndBuf is the send buffer a socket starts with (tcp_wmem[1]), which
	// getsockopt(SO_SNDBUF) reads before the connection opens. SndBufMax
	// (tcp_wmem[2]) is the most it grows to (tcp_sndbuf_expand): with it,
	// writes through Conn.Send are bounded by the buffer even without
	// SO_SNDBUF, as on Linux; 0 bounds only a socket that set SO_SNDBUF
	// (tcp_sockbuf.go). WmemMax is the largest SO_SNDBUF may ask for
	// (net.core.wmem_max).
	SndBuf, SndBufMax, WmemMax int

	// EphemeralLow and EphemeralHigh bound the local ports connect() picks
	// (Linux net.ipv4.ip_local_port_range).
	EphemeralLow, EphemeralHigh uint16
}

// maxTimerTick is the longest jiffy of a Linux kernel: 10 ms at HZ 100.
const maxTimerTick = 10 * time.Millisecond

// Linux returns the defaults of a Linux 6.x kernel (measured on 6.18).
func Linux() Profile {
	return Profile{
		Name:              "linux",
		InitialRTO:        time.Second,            // TCP_TIMEOUT_INIT, include/net/tcp.h; RFC 6298 2.1
		MinRTO:            200 * time.Millisecond, // TCP_RTO_MIN (HZ/5)
		MaxRTO:            120 * time.Second,      // TCP_RTO_MAX
		RTTEstimator:      EstimatorLinux,         // tcp_rtt_estimator, net/ipv4/tcp_input.c
		TailLossProbe:     true,                   // tcp_early_retrans = 3
		SynRetries:        6,                      // TCP_SYN_RETRIES
		SynLinearTimeouts: 4,                      // tcp_syn_linear_timeouts, default 4 (6.x)
		SynAckRetries:     5,                      // TCP_SYNACK_RETRIES
		Retries2:          15,                     // TCP_RETR2
		RetriesByTime:     true,                   // retransmits_timed_out()
		KeepIdle:          7200 * time.Second,     // TCP_KEEPALIVE_TIME
		KeepIntvl:         75 * time.Second,       // TCP_KEEPALIVE_INTVL
		KeepCnt:           9,                      // TCP_KEEPALIVE_PROBES
		TimeWait:          60 * time.Second,       // TCP_TIMEWAIT_LEN
		FinTimeout:        60 * time.Second,       // TCP_FIN_TIMEOUT
		DelayedACK:        40 * time.Millisecond,  // TCP_DELACK_MIN (HZ/25)
		QuickAck:          true,
		TimerTick:         4 * time.Millisecond, // CONFIG_HZ=250
		Timers:            TimersWheel,          // kernel/time/timer.c; measured in docs/kernel-check
		SomaxConn:         4096,                 // net.core.somaxconn since 5.4
		MSS:               1460,                 // 1500-byte MTU - 20 (IPv4) - 20 (TCP)
		TTL:               64,                   // net.ipv4.ip_default_ttl (IPDEFTTL)
		InitCwnd:          10,                   // TCP_INIT_CWND; RFC 6928
		RcvBuf:            131072,               // tcp_rmem[1]
		LinuxReceiver:     true,                 // tcp_full_space, tcp_sequence
		RcvBufMax:         6291456,              // tcp_rmem[2]
		RmemMax:           212992,               // net.core.rmem_max: SK_RMEM_MAX (include/net/sock.h) on 64-bit
		SndBuf:            16384,                // tcp_wmem[1]
		SndBufMax:         4194304,              // tcp_wmem[2]
		WmemMax:           212992,               // net.core.wmem_max: SK_WMEM_MAX
		SACK:              true,                 // tcp_sack
		Timestamps:        true,                 // tcp_timestamps
		WindowScaling:     true,                 // tcp_window_scaling
		EphemeralLow:      32768,                // ip_local_port_range
		EphemeralHigh:     60999,
	}
}

// Profiles lists the built-in profiles by name.
func Profiles() map[string]func() Profile {
	return map[string]func() Profile{"linux": Linux, "windows": Windows, "macos": MacOS}
}

// ProfileByName returns the named built-in profile.
func ProfileByName(name string) (Profile, error) {
	f, ok := Profiles()[name]
	if !ok {
		return Profile{}, fmt.Errorf("netsim: unknown OS profile %q (linux, windows, macos)", name)
	}
	return f(), nil
}

// Validate reports the first setting out of its range, naming it.
func (p *Profile) Validate() error {
	durs := []struct {
		name string
		v    time.Duration
	}{
		{"initial_rto", p.InitialRTO}, {"min_rto", p.MinRTO}, {"max_rto", p.MaxRTO},
		{"keepalive_idle", p.KeepIdle}, {"keepalive_interval", p.KeepIntvl},
		{"time_wait", p.TimeWait}, {"fin_timeout", p.FinTimeout},
	}
	for _, d := range durs {
		if d.v <= 0 {
			return invalid(d.name, RulePositive, d.v)
		}
	}
	ints := []struct {
		name string
		v    int
		min  int
	}{
		{"syn_retries", p.SynRetries, 1}, {"syn_linear_timeouts", p.SynLinearTimeouts, 0},
		{"synack_retries", p.SynAckRetries, 1}, {"retries2", p.Retries2, 1}, {"orphan_retries", p.OrphanRetries, 0},
		{"keepalive_count", p.KeepCnt, 1}, {"mss", p.MSS, 88}, {"init_cwnd", p.InitCwnd, 1},
		{"rcvbuf", p.RcvBuf, 1}, {"somaxconn", p.SomaxConn, 1}, {"ttl", p.TTL, 1},
	}
	for _, x := range ints {
		if x.v < x.min {
			return invalid(x.name, RuleAtLeast, x.v, x.min)
		}
	}
	switch {
	case p.DelayedACK < 0:
		return invalid("delayed_ack", RuleNotNegative)
	case p.ConnectTimeout < 0:
		return invalid("connect_timeout", RuleNotNegative)
	case int(p.RTTEstimator) >= len(estimatorNames):
		return invalid("rtt_estimator", RuleOneOf, tableNames(estimatorNames))
	case p.TimerTick < 0 || p.TimerTick > maxTimerTick:
		// CONFIG_HZ is 100, 250, 300 or 1000: a jiffy of 1 to 10 ms.
		return invalid("timer_tick", RuleBetween, p.TimerTick, time.Duration(0), maxTimerTick)
	case int(p.Timers) >= len(timerModes):
		return invalid("timer_wheel", RuleOneOf, tableNames(timerModes))
	case p.Timers == TimersWheel && p.TimerTick == 0:
		return invalid("timer_wheel", RuleWheelNeedsTick)
	case p.TTL > 255:
		return invalid("ttl", RuleBetween, p.TTL, 1, 255)
	case p.MinRTO > p.MaxRTO:
		return invalid("min_rto", RuleNotAbove, p.MinRTO, "max_rto", p.MaxRTO)
	case p.EphemeralLow == 0 || p.EphemeralLow > p.EphemeralHigh:
		return invalid("ephemeral_ports", RuleEmptyRange, p.EphemeralLow, p.EphemeralHigh)
	}
	return nil
}

// retries2Timeout is Linux's tcp_model_timeout(sk, boundary, rto_base):
// the time the RTO backoff would take to send boundary retransmissions,
// starting from rtoBase and doubling up to maxRTO.
//
//	linear_backoff_thresh = ilog2(TCP_RTO_MAX / rto_base)
//	boundary <= thresh: ((2 << boundary) - 1) * rto_base
//	else:               ((2 << thresh) - 1) * rto_base + (boundary - thresh) * TCP_RTO_MAX
func retries2Timeout(boundary int, rtoBase, maxRTO time.Duration) time.Duration {
	thresh := 0
	for (rtoBase << (thresh + 1)) <= maxRTO {
		thresh++
	}
	if boundary <= thresh {
		return time.Duration((2<<boundary)-1) * rtoBase
	}
	return time.Duration((2<<thresh)-1)*rtoBase + time.Duration(boundary-thresh)*maxRTO
}
