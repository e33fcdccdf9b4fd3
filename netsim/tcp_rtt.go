package netsim

import "time"

// RTTEstimator names the rule that turns round-trip samples into the
// retransmission timeout.
type RTTEstimator uint8

// Estimators.
const (
	// EstimatorRFC6298 is RFC 6298 2.2–2.4: SRTT and RTTVAR with gains
	// 1/8 and 1/4, RTO = max(SRTT + 4·RTTVAR, MinRTO).
	EstimatorRFC6298 RTTEstimator = iota
	// EstimatorLinux is Linux's tcp_rtt_estimator and __tcp_set_rto: the
	// variance term never falls below tcp_rto_min, rises at once with a
	// larger deviation but decays only once per round trip, by a quarter
	// of its excess over the round trip's largest deviation. On a 200 ms
	// path the RTO starts at 3 × RTT (604 ms) and takes ten round trips
	// of steady samples to come down to 416 ms, where RFC 6298 with
	// Linux's floor would sit at 400 ms after the second.
	EstimatorLinux
)

var estimatorNames = []Named{
	EstimatorRFC6298: {"rfc6298", "doc.rtt_estimator.rfc6298"},
	EstimatorLinux:   {"linux", "doc.rtt_estimator.linux"},
}

// String is the estimator's name: "rfc6298", "linux".
func (e RTTEstimator) String() string { return nameOf(estimatorNames, e) }

// Doc is the ID of the estimator's description in lab/i18n's catalog.
func (e RTTEstimator) Doc() string { return docOf(estimatorNames, e) }

// RTTEstimators lists the estimators, in the order the documentation
// shows them.
func RTTEstimators() []RTTEstimator { return valuesOf[RTTEstimator](estimatorNames) }

// kernelRTT is the state of Linux's estimator, in the kernel's units and
// scales (struct tcp_sock): microseconds, SRTT times 8, the deviations
// times 4, so that the integer arithmetic rounds as the kernel's does.
type kernelRTT struct {
	srtt8   int64 // srtt_us: smoothed RTT << 3; 0 before the first sample
	mdev4   int64 // mdev_us: mean deviation << 2
	mdevMax int64 // mdev_max_us: the largest mdev_us of this round trip
	rttvar  int64 // rttvar_us: the variance term of the RTO (4·RTTVAR)
	// rtt_seq is the Conn's rttSeq: here it would pad this to 40 bytes.
}

// tick rounds a timer duration up to the profile's clock tick, as the
// kernel's usecs_to_jiffies does (4 ms at HZ=250). Only timers computed
// from RTT samples are affected; the configured ones are whole ticks.
func (c *Conn) tick(d time.Duration) time.Duration {
	t := c.host.profile.TimerTick
	if t <= 0 {
		return d
	}
	return (d + t - 1) / t * t
}

// rttSample feeds one round-trip measurement to the profile's estimator
// and recomputes the RTO (tcp_ack_update_rtt: tcp_rtt_estimator, then
// tcp_set_rto). Linux's estimator is tcp_rtt_estimator
// (net/ipv4/tcp_input.c), step for step, with m the sample in
// microseconds (written out here, as every ACK of a Linux profile runs it:
// a call less):
//
//   - the first sample sets srtt = m, mdev = m/2 and the variance term
//     rttvar = max(2m, tcp_rto_min): "make sure rto = 3*rtt";
//   - later samples move srtt by 1/8 of the error and mdev by 1/4 of the
//     error's excess over mdev (by 1/32 when the RTT fell: "similar to one
//     of Eifel findings", so that a falling RTT does not inflate the RTO);
//   - rttvar follows mdev up at once, through mdev_max;
//   - once per round trip (when snd_una passes rtt_seq) rttvar decays by a
//     quarter of its excess over the round trip's largest mdev, and
//     mdev_max restarts from tcp_rto_min, the variance term's floor.
func (c *Conn) rttSample(sample time.Duration) {
	if c.host.profile.RTTEstimator != EstimatorLinux {
		c.rfc6298Sample(sample)
		c.rto = c.baseRTO()
		return
	}
	m := int64(sample / time.Microsecond)
	k := &c.kest
	rtoMin := int64(c.host.profile.MinRTO / time.Microsecond) // tcp_rto_min_us
	if k.srtt8 == 0 {
		k.srtt8 = m << 3
		k.mdev4 = m << 1
		k.rttvar = max(k.mdev4, rtoMin)
		k.mdevMax = k.rttvar
		c.rttSeq = c.sndNxt
	} else {
		m -= k.srtt8 >> 3 // the error
		k.srtt8 += m
		if m < 0 {
			m = -m
			m -= k.mdev4 >> 2
			if m > 0 {
				m >>= 3
			}
		} else {
			m -= k.mdev4 >> 2
		}
		k.mdev4 += m
		if k.mdev4 > k.mdevMax {
			k.mdevMax = k.mdev4
			k.rttvar = max(k.rttvar, k.mdevMax)
		}
		if seqGT(c.sndUna, c.rttSeq) {
			if k.mdevMax < k.rttvar {
				k.rttvar -= (k.rttvar - k.mdevMax) >> 2
			}
			c.rttSeq = c.sndNxt
			k.mdevMax = rtoMin
		}
	}
	k.srtt8 = max(k.srtt8, 1)
	c.hasRTT = true
	c.rto = c.baseRTO()
}

// rfc6298Sample is RFC 6298 2.2 and 2.3 (alpha 1/8, beta 1/4).
func (c *Conn) rfc6298Sample(m time.Duration) {
	if m <= 0 {
		m = time.Microsecond // the clock's granularity: a sample is never 0
	}
	if !c.hasRTT {
		c.srtt, c.rttvar, c.hasRTT = m, m/2, true
		return
	}
	delta := m - c.srtt
	if delta < 0 {
		delta = -delta
	}
	c.rttvar = c.rttvar*3/4 + delta/4
	c.srtt = c.srtt*7/8 + m/8
}

// smoothedRTT is the estimator's smoothed RTT (0 before the first
// sample): the Linux estimator's srtt_us >> 3, in whole microseconds, or
// RFC 6298's SRTT.
func (c *Conn) smoothedRTT() time.Duration {
	if c.host.profile.RTTEstimator == EstimatorLinux {
		return time.Duration(c.kest.srtt8>>3) * time.Microsecond
	}
	return c.srtt
}

// baseRTO is the RTO without backoff, in whole ticks and at most MaxRTO:
// Linux's __tcp_set_rto (srtt + rttvar, through usecs_to_jiffies) and
// tcp_bound_rto, or RFC 6298 2.4.
func (c *Conn) baseRTO() time.Duration {
	p := &c.host.profile
	if !c.hasRTT {
		return p.InitialRTO
	}
	var rto time.Duration
	if p.RTTEstimator == EstimatorLinux {
		rto = time.Duration((c.kest.srtt8>>3)+c.kest.rttvar) * time.Microsecond
	} else {
		rto = max(c.srtt+4*c.rttvar, p.MinRTO)
	}
	return min(c.tick(rto), p.MaxRTO)
}

// twoSRTT is the tail loss probe's 2·SRTT: tcp_schedule_loss_probe takes
// srtt_us >> 2 in whole microseconds.
func (c *Conn) twoSRTT() time.Duration {
	if c.host.profile.RTTEstimator == EstimatorLinux {
		return time.Duration(c.kest.srtt8>>2) * time.Microsecond
	}
	return 2 * c.srtt
}
