package netsim

import (
	"net/netip"
	"testing"
	"time"
)

// TestNotRunningCountsFrozenAndDead: Sim.notRunning is the number of
// processes frozen or dead, through every move between states, so that
// while it is 0 a process's timer and a connection's notice skip the
// process's state. A frozen process's timer holds until the thaw, a dead
// one's never runs, a running one's runs at once. Sim.AllRunning says
// whether the count is 0.
func TestNotRunningCountsFrozenAndDead(t *testing.T) {
	s := New(1)
	h, err := s.AddHost("h", netip.MustParseAddr("10.0.0.1"), Linux())
	if err != nil {
		t.Fatal(err)
	}
	p1, _ := h.NewProcess("p1")
	p2, _ := h.NewProcess("p2")
	fired := map[string]int{}
	timer := func(p *Process, name string) *Timer { return p.NewTimer(func() { fired[name]++ }) }
	step := func(want int, what string) {
		t.Helper()
		if s.notRunning != want {
			t.Errorf("after %s notRunning is %d, want %d", what, s.notRunning, want)
		}
		if s.AllRunning() != (want == 0) {
			t.Errorf("after %s AllRunning is %v with %d processes not running", what, s.AllRunning(), want)
		}
	}
	step(0, "two new processes")
	timer(p1, "a").Reset(time.Millisecond)
	s.RunUntil(time.Millisecond)
	p1.Freeze()
	step(1, "p1's freeze")
	p1.Freeze()
	step(1, "p1's second freeze")
	timer(p1, "b").Reset(2 * time.Millisecond)
	timer(p2, "c").Reset(2 * time.Millisecond)
	s.RunUntil(2 * time.Millisecond)
	if fired["b"] != 0 || fired["c"] != 1 {
		t.Errorf("with p1 frozen, p1's timer ran %d times and p2's %d, want 0 and 1", fired["b"], fired["c"])
	}
	s.Do(p1.Thaw) // what fell due runs after the step, as a live input's
	step(0, "p1's thaw")
	s.RunUntil(3 * time.Millisecond)
	if fired["b"] != 1 {
		t.Errorf("after the thaw p1's held timer ran %d times, want 1", fired["b"])
	}
	p2.Crash()
	step(1, "p2's crash")
	timer(p2, "d").Reset(4 * time.Millisecond)
	p1.Freeze()
	step(2, "p1's freeze with p2 dead")
	h.PowerOff()
	step(2, "the power-off (p1 frozen, then dead; p2 dead)")
	s.RunUntil(5 * time.Millisecond)
	if fired["a"] != 1 || fired["d"] != 0 {
		t.Errorf("p1's first timer ran %d times, dead p2's %d, want 1 and 0", fired["a"], fired["d"])
	}
}
