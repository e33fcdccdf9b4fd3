package lab

import (
	"fmt"
	"net/netip"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
	"pgregory.net/rapid"
)

// pingLog is a heartbeat's owner that sends nothing.
type pingLog struct{}

func (l *pingLog) sendPing(uint32)                      {}
func (l *pingLog) peerDead(netsim.Cause, time.Duration) {}

// TestFixedScheduleIsTheFormula holds nextPing's answer on the fixed
// schedule, which adds the interval to a deadline that came on time, to
// the formula it stands for: after every ping, the ping timer's deadline
// is the first started + n×interval after the ping's time, with the
// interval of that time — whatever the interval's live changes (to 0 and
// back among them), and a process frozen past a deadline and thawed.
func TestFixedScheduleIsTheFormula(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		sim := netsim.New(1)
		host, err := sim.AddHost("a", netip.MustParseAddr("10.0.0.1"), netsim.Linux())
		if err != nil {
			rt.Fatal(err)
		}
		p, err := host.NewProcess("app")
		if err != nil {
			rt.Fatal(err)
		}
		ms := func(label string, lo, hi int) time.Duration {
			return time.Duration(rapid.IntRange(lo, hi).Draw(rt, label)) * time.Millisecond
		}
		sim.RunUntil(ms("start", 0, 5000))
		cfg := &AppConfig{Heartbeat: HeartbeatConfig{Interval: ms("interval", 1, 3000), Schedule: "fixed", NoAnswer: true}}
		var h heartbeat
		h.init(p, cfg, &pingLog{}, nil, func() { h.onPingTimer(&pingLog{}) })
		h.start()
		for i := range rapid.IntRange(1, 60).Draw(rt, "actions") {
			before := h.seq
			switch rapid.IntRange(0, 5).Draw(rt, fmt.Sprint("action ", i)) {
			case 0: // a live change of the interval, or its end
				cfg.Heartbeat.Interval = ms(fmt.Sprint("interval ", i), 0, 3000)
				h.rearm()
			case 1:
				sim.Do(p.Freeze)
			case 2:
				sim.Do(p.Thaw) // the pings held run now, late
			default: // a step: a ping, unless the process is frozen
				if !sim.Step() {
					sim.RunUntil(sim.Now() + ms(fmt.Sprint("idle ", i), 1, 5000))
				}
			}
			if h.seq == before || cfg.Heartbeat.Interval <= 0 {
				continue
			}
			now, iv := sim.Now(), cfg.Heartbeat.Interval
			if want := h.started + ((now-h.started)/iv+1)*iv; !h.pingTimer.Armed() || h.pingTimer.Deadline() != want {
				rt.Fatalf("ping at %v, interval %v, from %v: the next is due at %v (armed %v), not %v",
					now, iv, h.started, h.pingTimer.Deadline(), h.pingTimer.Armed(), want)
			}
		}
	})
}

// TestPendingPingsAreAQueue holds the pending pings — first, then more,
// counted by npend, which an answer only zeroes — to a plain queue: what
// a ping adds, an answer timer's miss takes from the front and an answer
// clears, the oldest and the newest as the queue's.
func TestPendingPingsAreAQueue(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		var h heartbeat
		var want []pendingPing
		for i := range rapid.IntRange(1, 200).Draw(rt, "ops") {
			switch rapid.IntRange(0, 3).Draw(rt, fmt.Sprint("op ", i)) {
			case 0, 1:
				p := pendingPing{seq: uint32(i), sentAt: time.Duration(i), deadline: time.Duration(2 * i)}
				h.pend(p)
				want = append(want, p)
			case 2:
				if h.npend > 0 {
					h.answered()
					want = want[1:]
				}
			case 3:
				h.received(time.Duration(i))
				want = want[:0]
			}
			if int(h.npend) != len(want) {
				rt.Fatalf("%d pings pending, not %d", h.npend, len(want))
			}
			if len(want) > 0 && (h.first != want[0] || h.lastPing() != want[len(want)-1].sentAt) {
				rt.Fatalf("first %+v, last sent at %v; want %+v and %v", h.first, h.lastPing(), want[0], want[len(want)-1].sentAt)
			}
			if len(want) == 0 && h.lastPing() != 0 {
				rt.Fatalf("no ping pending, yet the last was sent at %v", h.lastPing())
			}
		}
	})
}
