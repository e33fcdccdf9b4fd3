package netsim_test

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
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

// firerState is an application's state that owns a timer as a field and
// is called through Fire (SetTimerTo), as lab's clients and handlers are.
type firerState struct {
	s     *netsim.Sim
	fired []time.Duration
	timer netsim.Timer
}

func (f *firerState) Fire() { f.fired = append(f.fired, f.s.Now()) }

// TestSetTimerTo: a timer that calls a method is a timer of its process's,
// as SetTimer's: it fires on time, once; Reset moves its deadline and
// Stop cancels it; it is held while its process is frozen and runs at the
// thaw, and is dropped once the process is dead; making an armed one again
// panics. Made for a pointer, it allocates nothing: the pointer is the
// timer's owner itself.
func TestSetTimerTo(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	p := must[*netsim.Process](t)(w.client.NewProcess("app"))
	other := must[*netsim.Process](t)(w.client.NewProcess("other"))
	f := &firerState{s: w.sim}
	if n := testing.AllocsPerRun(10, func() { netsim.SetTimerTo(p, &f.timer, f) }); n != 0 {
		t.Errorf("SetTimerTo allocated %v times", n)
	}
	f.timer.Reset(time.Second)
	w.sim.RunUntil(2 * time.Second)
	f.timer.Reset(3 * time.Second)
	f.timer.Reset(2500 * time.Millisecond) // the later deadline is gone
	w.sim.RunUntil(4 * time.Second)
	f.timer.Reset(5 * time.Second)
	if !f.timer.Stop() || f.timer.Armed() {
		t.Error("Stop of an armed timer: not armed before, or armed after")
	}
	w.sim.RunUntil(6 * time.Second)
	f.timer.Reset(7 * time.Second)
	other.Freeze() // another process frozen: this one's timer runs on time all the same
	w.sim.RunUntil(8 * time.Second)
	f.timer.Reset(9 * time.Second)
	p.Freeze()
	w.sim.RunUntil(10 * time.Second)
	w.sim.Do(p.Thaw) // what fell due runs after the step, at 10s
	w.sim.RunUntil(11 * time.Second)
	f.timer.Reset(12 * time.Second)
	func() {
		defer func() {
			if recover() == nil {
				t.Error("SetTimerTo of an armed timer did not panic")
			}
		}()
		netsim.SetTimerTo(p, &f.timer, f)
	}()
	p.Crash()
	w.sim.RunUntil(13 * time.Second)
	want := []time.Duration{time.Second, 2500 * time.Millisecond, 7 * time.Second, 10 * time.Second}
	if !slices.Equal(f.fired, want) {
		t.Errorf("fired at %v, want %v (on time, at the moved deadline, not once stopped, on time with another process frozen, at thaw, never once crashed)", f.fired, want)
	}
}

// noticeLog is an application's state told of its connection's notices
// through a method (OnNoticeTo); it reads what it is told of.
type noticeLog struct {
	s   *netsim.Sim
	got []string
}

func (l *noticeLog) Notice(c *netsim.Conn, n netsim.Notice) {
	data, err := c.Read()
	l.got = append(l.got, fmt.Sprintf("%s %s %d %q %v", netsim.FormatTime(l.s.Now()), c.Name(), n, data, err))
}

// TestOnNoticeTo: a connection tells the Noticer OnNoticeTo set, with
// itself and the notice, when OnNotice's function would be called: after
// the step, held while the process is frozen; OnNotice's function, set in
// its place, is called instead of it; nil tells nobody; a crash closes
// the socket, and nothing is told after it.
func TestOnNoticeTo(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	a, _ := w.listen(80, 8, netsim.SockOpts{}, nil)
	p := must[*netsim.Process](t)(w.client.NewProcess("app"))
	l := &noticeLog{s: w.sim}
	var c *netsim.Conn
	w.sim.Do(func() {
		c = must[*netsim.Conn](t)(p.Dial(netip.AddrPortFrom(serverIP, 80), netsim.SockOpts{}))
		c.OnNoticeTo(l)
	})
	var funcs []string
	send := func(at time.Duration, msg string) {
		w.sim.RunUntil(at)
		w.sim.Do(func() { must[struct{}](t)(struct{}{}, a.conns[0].Write([]byte(msg), "m")) })
	}
	send(time.Second, "one")
	send(2*time.Second, "two")
	w.sim.RunUntil(2500 * time.Millisecond)
	p.Freeze()
	send(3*time.Second, "three") // held until the thaw
	w.sim.RunUntil(4 * time.Second)
	w.sim.Do(p.Thaw)
	c.OnNotice(func(n netsim.Notice) {
		data, _ := c.Read()
		funcs = append(funcs, fmt.Sprintf("%s %d %q", netsim.FormatTime(w.sim.Now()), n, data))
	})
	send(5*time.Second, "four") // to the function
	w.sim.RunUntil(5500 * time.Millisecond)
	c.OnNoticeTo(l)
	send(6*time.Second, "five")
	w.sim.RunUntil(6500 * time.Millisecond)
	c.OnNoticeTo(nil)
	send(7*time.Second, "six") // to nobody: it waits in the buffer
	w.sim.RunUntil(7500 * time.Millisecond)
	c.OnNoticeTo(l)
	w.sim.Do(p.Crash) // "six" unread: a RST, which tells the closed socket nothing
	w.sim.RunUntil(9 * time.Second)
	name, conn, read := c.Name(), netsim.Connected, netsim.Readable
	want := []string{
		fmt.Sprintf("00:00:00.002 %s %d \"\" <nil>", name, conn),
		fmt.Sprintf("00:00:01.001 %s %d \"one\" <nil>", name, read),
		fmt.Sprintf("00:00:02.001 %s %d \"two\" <nil>", name, read),
		fmt.Sprintf("00:00:04.000 %s %d \"three\" <nil>", name, read),
		fmt.Sprintf("00:00:06.001 %s %d \"five\" <nil>", name, read),
	}
	if !slices.Equal(l.got, want) {
		t.Errorf("the Noticer was told:\n%s\nwant:\n%s", strings.Join(l.got, "\n"), strings.Join(want, "\n"))
	}
	if want := []string{fmt.Sprintf("00:00:05.001 %d \"four\"", read)}; !slices.Equal(funcs, want) {
		t.Errorf("OnNotice's function was told %q, want %q", funcs, want)
	}
}
