package netsim_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/socklab/socklab/netsim"
)

// kernelRTOs derives, from Linux's tcp_rtt_estimator and __tcp_set_rto
// (net/ipv4/tcp_input.c), the RTO after each of a series of RTT samples
// taken one round trip apart (each sample ends a round trip, so the
// variance term decays after every one but the first). The kernel keeps
// microseconds, SRTT scaled by 8 and the deviations by 4; the RTO is
// srtt + rttvar rounded up to whole jiffies.
func kernelRTOs(samples []time.Duration, rtoMin, jiffy time.Duration) []time.Duration {
	us := func(d time.Duration) int64 { return int64(d / time.Microsecond) }
	var srtt8, mdev4, mdevMax, rttvar int64
	var out []time.Duration
	for i, s := range samples {
		m := us(s)
		if i == 0 {
			srtt8, mdev4 = m*8, m*2 // "make sure rto = 3*rtt"
			rttvar = max(mdev4, us(rtoMin))
			mdevMax = rttvar
		} else {
			err := m - srtt8/8
			srtt8 += err
			step := err - mdev4/4
			if err < 0 {
				step = -err - mdev4/4
				if step > 0 {
					step /= 8 // a falling RTT moves mdev by 1/32 only
				}
			}
			mdev4 += step
			if mdev4 > mdevMax {
				mdevMax = mdev4
				rttvar = max(rttvar, mdevMax)
			}
			// The round trip ends: rttvar decays toward its largest mdev.
			if mdevMax < rttvar {
				rttvar -= (rttvar - mdevMax) / 4
			}
			mdevMax = us(rtoMin)
		}
		rto := time.Duration(srtt8/8+rttvar) * time.Microsecond
		out = append(out, (rto+jiffy-1)/jiffy*jiffy)
	}
	return out
}

// The kernel's figures, spelled out: measured on a 200 ms path, the RTO
// went 604, 560, 520, 492, 468, 452, 440, 432, 424, 416 ms over ten
// one-second samples after the handshake's (the path's RTT was a little
// over 200 ms: 200.3 ms reproduces every figure).
func TestKernelRTORuleFigures(t *testing.T) {
	samples := make([]time.Duration, 11)
	for i := range samples {
		samples[i] = ms(200.3)
	}
	got := fmt.Sprint(kernelRTOs(samples, ms(200), ms(4)))
	want := "[604ms 604ms 560ms 520ms 492ms 468ms 452ms 440ms 432ms 424ms 416ms]"
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// A client on a 200.3 ms path writes a small message every second; each
// ACK is one RTT sample and one round trip. The Linux profile's RTO after
// the handshake and after each sample is the kernel rule's; a profile
// with RFC 6298's estimator comes down much faster.
func TestRTOFollowsTheEstimator(t *testing.T) {
	rtt := ms(200.3)
	rfc6298 := func(samples []time.Duration, minRTO time.Duration) []time.Duration {
		var srtt, rttvar time.Duration
		var out []time.Duration
		for i, m := range samples {
			if i == 0 {
				srtt, rttvar = m, m/2
			} else {
				d := max(m-srtt, srtt-m)
				rttvar, srtt = rttvar*3/4+d/4, srtt*7/8+m/8
			}
			rto := max(srtt+4*rttvar, minRTO)
			out = append(out, (rto+ms(4)-1)/ms(4)*ms(4))
		}
		return out
	}
	samples := make([]time.Duration, 11)
	for i := range samples {
		samples[i] = rtt
	}
	for _, tc := range []struct {
		name      string
		estimator netsim.RTTEstimator
		want      []time.Duration
	}{
		{"linux", netsim.EstimatorLinux, kernelRTOs(samples, ms(200), ms(4))},
		{"rfc6298", netsim.EstimatorRFC6298, rfc6298(samples, ms(200))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, 1, netsim.LinkConfig{Latency: rtt / 2})
			w.client.Profile().RTTEstimator = tc.estimator
			w.listen(8080, 128, netsim.SockOpts{}, nil)
			c := w.dial(8080, netsim.SockOpts{}, nil)
			var got []time.Duration
			for k := range 11 {
				at := time.Duration(k) * time.Second
				if k > 0 {
					w.sim.RunUntil(at)
					w.sim.Do(func() { c.Write([]byte("0123456789"), "data") })
				}
				w.sim.RunUntil(at + 500*time.Millisecond) // the ACK is back
				got = append(got, c.RTO())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("RTO after the handshake and each sample (-want +got):\n%s", diff)
			}
			if srtt := c.SRTT(); srtt != rtt {
				t.Errorf("SRTT %v, want %v", srtt, rtt)
			}
		})
	}
}
