package netsim_test

import (
	"slices"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// TestStepUntil: StepUntil runs the earliest timer due at or before its
// bound, one a call, and runs nothing (the clock where it was) when none
// is; a stopped timer does not count.
func TestStepUntil(t *testing.T) {
	s := netsim.New(1)
	var fired []time.Duration
	for _, at := range []time.Duration{3 * time.Second, time.Second, 2 * time.Second, time.Second / 2} {
		s.NewTimer(func() { fired = append(fired, s.Now()) }).Reset(at)
	}
	stopped := s.NewTimer(func() { t.Error("a stopped timer fired") })
	stopped.Reset(1500 * time.Millisecond)
	stopped.Stop()
	var ran []bool
	for range 3 {
		ran = append(ran, s.StepUntil(2*time.Second))
	}
	if want := []time.Duration{time.Second / 2, time.Second, 2 * time.Second}; !slices.Equal(ran, []bool{true, true, true}) || !slices.Equal(fired, want) {
		t.Errorf("StepUntil(2s) three times: ran %v, fired at %v; want the timer at 0.5s, then those at 1s and 2s", ran, fired)
	}
	if s.StepUntil(2*time.Second) || s.Now() != 2*time.Second {
		t.Errorf("StepUntil(2s) with nothing due: ran, or moved the clock to %v", s.Now())
	}
	if !s.StepUntil(time.Hour) || s.Now() != 3*time.Second || s.StepUntil(time.Hour) {
		t.Errorf("StepUntil(1h): the last timer, then nothing; the clock at %v", s.Now())
	}
}

// TestReadable: Readable is true exactly when Read returns something
// (data, EOF, an error), through data, the peer's FIN, and a reset.
func TestReadable(t *testing.T) {
	for _, end := range []string{"close", "abort"} {
		w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
		a, _ := w.listen(80, 8, netsim.SockOpts{}, nil)
		outcomes := map[string]int{}
		w.dial(80, netsim.SockOpts{}, func(c *netsim.Conn, n netsim.Notice) {
			for {
				readable := c.Readable()
				data, err := c.Read()
				if got := len(data) > 0 || err != nil; readable != got {
					t.Errorf("%s: Readable() = %v, but Read returned %q, %v", end, readable, data, err)
				}
				switch {
				case len(data) > 0:
					outcomes["data"]++
				case err != nil:
					outcomes["error"]++
					return
				default:
					outcomes["nothing"]++
					return
				}
			}
		})
		w.sim.RunFor(time.Second)
		srv := a.conns[0]
		w.sim.Do(func() { must[struct{}](t)(struct{}{}, srv.Write([]byte("hello"), "m")) })
		w.sim.RunFor(time.Second)
		w.sim.Do(func() {
			if end == "close" {
				srv.Close()
			} else {
				srv.Abort()
			}
		})
		w.sim.RunFor(time.Second)
		if outcomes["data"] == 0 || outcomes["error"] == 0 || outcomes["nothing"] == 0 {
			t.Errorf("%s: Read returned data %d times, an error %d, nothing %d: each should have come", end, outcomes["data"], outcomes["error"], outcomes["nothing"])
		}
	}
}

// TestSetTimer: a timer made in place is a timer of its process's, as
// NewTimer's: it fires on time, is held while its process is frozen and
// dropped once it is dead; making an armed one again panics.
func TestSetTimer(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	p := must[*netsim.Process](t)(w.client.NewProcess("app"))
	var state struct {
		fired []time.Duration
		timer netsim.Timer
	}
	p.SetTimer(&state.timer, func() { state.fired = append(state.fired, w.sim.Now()) })
	state.timer.Reset(time.Second)
	w.sim.RunUntil(2 * time.Second)
	state.timer.Reset(3 * time.Second)
	p.Freeze()
	w.sim.RunUntil(4 * time.Second)
	w.sim.Do(p.Thaw) // what fell due runs after the step, at 4s
	w.sim.RunUntil(5 * time.Second)
	state.timer.Reset(6 * time.Second)
	func() {
		defer func() {
			if recover() == nil {
				t.Error("SetTimer of an armed timer did not panic")
			}
		}()
		p.SetTimer(&state.timer, func() {})
	}()
	p.Crash()
	w.sim.RunUntil(7 * time.Second)
	if want := []time.Duration{time.Second, 4 * time.Second}; !slices.Equal(state.fired, want) {
		t.Errorf("fired at %v, want %v (on time, then at thaw, then never once crashed)", state.fired, want)
	}
}
