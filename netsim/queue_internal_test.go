package netsim

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"slices"
	"testing"
	"time"
	"unsafe"
)

// TestQueueRingHoldsWhatItHolds: the ring's memory follows the entries it
// holds now. A burst of 1,000 timers due at one instant, as a tick of
// Linux's timer wheel makes them, comes up in a different slot on each of
// 50 turns of the ring; lists of the slots' own would leave 50 slots with
// room for 1,000 entries each, where 1,000 entries' worth of chunks
// serves them all.
func TestQueueRingHoldsWhatItHolds(t *testing.T) {
	const burst, turns = 1000, 50
	s := New(1)
	timers := make([]*Timer, burst)
	for i := range timers {
		timers[i] = s.NewTimer(func() {})
	}
	fired := 0
	for turn := range turns {
		// Due a turn of the ring and a little more ahead: a slot further on
		// each time.
		at := s.Now() + time.Duration(slotCount+turn*37)<<slotShift
		for _, tm := range timers {
			tm.Reset(at)
		}
		for s.Step() {
			fired++
		}
	}
	if fired != burst*turns {
		t.Fatalf("%d timers fired, want %d", fired, burst*turns)
	}
	chunks := 0
	for k := s.queue.free; k != nil; k = k.next {
		chunks++
	}
	if want := burst/chunkLen + 1; chunks > want {
		t.Errorf("the ring keeps %d chunks for bursts of %d entries, want at most %d", chunks, burst, want)
	}
	if n := unsafe.Sizeof(chunk{}); n > 512 {
		t.Errorf("a chunk is %d bytes, more than the 512-byte size class", n)
	}
}

// TestSlotDropsStaleEntriesAsItComesUp: when a ring slot comes up, only
// its live entries reach the heap. Ten timers are armed into one slot;
// three are stopped and three re-armed beyond it, which leaves six stale
// entries there: the heap holds the four that are live, and they fire in
// order.
func TestSlotDropsStaleEntriesAsItComesUp(t *testing.T) {
	s := New(1)
	var fired []int
	timers := make([]*Timer, 10)
	at := time.Duration(5) << slotShift
	for i := range timers {
		timers[i] = s.NewTimer(func() { fired = append(fired, i) })
		timers[i].Reset(at + time.Duration(i))
	}
	for i := range 3 {
		timers[i].Stop()
		timers[3+i].Reset(at + time.Duration(slotCount/2)<<slotShift)
	}
	if got := s.queue.size(); got != 13 {
		t.Fatalf("the queue holds %d entries, want 13 (10 armed, 3 re-armed)", got)
	}
	if !s.queue.advance() {
		t.Fatal("no slot came up")
	}
	if got := len(s.queue.now) - s.queue.at; got != 4 {
		t.Errorf("the slot came up with %d entries, want its 4 live ones", got)
	}
	s.RunUntil(at + time.Millisecond)
	if want := []int{6, 7, 8, 9}; !slices.Equal(fired, want) {
		t.Errorf("fired %v, want %v", fired, want)
	}
}

// TestPrefetchChangesNothing: the queue's prefetch steps follow
// every kind of entry they know (a connection's timer, a packet on a
// wire, an application's timer that visits a connection, one that does
// not) and change nothing: the run with prefetching (the slots of 100
// connections hold more than prefetchMin entries) and the same run told
// to visit no connection give the same events.
func TestPrefetchChangesNothing(t *testing.T) {
	run := func(visit bool) []string {
		s := New(7)
		srv, _ := s.AddHost("server", netip.MustParseAddr("10.0.0.1"), Linux())
		cli, _ := s.AddHost("client", netip.MustParseAddr("10.0.0.2"), Linux())
		s.AddLink("client", "server", LinkConfig{Latency: time.Millisecond, Bandwidth: 1e8})
		sp, _ := srv.NewProcess("server")
		l, _ := sp.Listen(80, 128, SockOpts{})
		l.OnAcceptable(func() {
			for c := l.Accept(); c != nil; c = l.Accept() {
				c.OnNotice(func(Notice) {
					if data, _ := c.Read(); data != nil {
						c.Write(data, "answer")
					}
				})
			}
		})
		cp, _ := cli.NewProcess("client")
		for i := range 100 {
			c, _ := cp.Dial(netip.AddrPortFrom(netip.MustParseAddr("10.0.0.1"), 80), SockOpts{})
			c.OnNotice(func(Notice) { c.Read() })
			var tick *Timer
			tick = cp.NewTimer(func() {
				c.Write([]byte("ping"), "ping")
				tick.ResetAfter(10 * time.Millisecond)
			})
			if visit {
				tick.Visits(c)
			}
			tick.Reset(time.Duration(i) * 10 * time.Millisecond / 100)
		}
		var events []string
		s.ObserveTransient(func(e Event) { events = append(events, fmt.Sprintf("%v %s", e.When(), e.Line())) })
		s.RunUntil(time.Second)
		return events
	}
	with, without := run(true), run(false)
	if len(with) < 10000 {
		t.Fatalf("only %d events: the run is too small to fill the slots", len(with))
	}
	if !slices.Equal(with, without) {
		t.Error("Visits changed the run's events")
	}
}

// TestSlotMergesTimersArmedWithinIt: a timer armed into the current slot
// after it came up (near's heap) fires in its place among the slot's
// sorted entries (now), by deadline and then by sequence number.
func TestSlotMergesTimersArmedWithinIt(t *testing.T) {
	s := New(1)
	var fired []string
	at := time.Duration(7) << slotShift
	n := 2 * prefetchMin
	for i := range n {
		name := fmt.Sprint(i)
		var tm *Timer
		tm = s.NewTimer(func() {
			first := !slices.Contains(fired, name)
			fired = append(fired, name)
			if i == 0 && first {
				s.NewTimer(func() { fired = append(fired, "x") }).Reset(at + 15)
				s.NewTimer(func() { fired = append(fired, "y") }).Reset(at)
				tm.Reset(at + 20) // after 2, which was armed before it
			}
		})
		tm.Reset(at + time.Duration(i)*10)
	}
	s.RunUntil(at + time.Millisecond)
	want := []string{"0", "y", "1", "x", "2", "0"}
	for i := 3; i < n; i++ {
		want = append(want, fmt.Sprint(i))
	}
	if !slices.Equal(fired, want) {
		t.Errorf("fired %v\nwant  %v", fired, want)
	}
}

// TestSlotsJoinInOrder: with slots big enough to prefetch for, the next
// slot joins the current one while joinLead entries of it are left
// (joinNext), and the timers still fire in (deadline, sequence number)
// order: a model (orderModel) says which must fire next, while the firings
// re-arm timers into the slot that is handed out, into the slot that
// joined it, between the two (a slot the ring skipped, whose entries go to
// near) and further on, and stop others. The test counts the firings
// that came while the queue had moved on to a later slot than the
// firing's own: the joins happened, with the slot that joined large.
func TestSlotsJoinInOrder(t *testing.T) {
	const timers, firings = 600, 30_000
	slot := time.Duration(1) << slotShift
	rng := rand.New(rand.NewPCG(3, 4))
	s := New(1)
	want := newOrderModel(timers)
	var (
		ts      [timers]*Timer
		fired   int
		joined  int
		failure string
	)
	reset := func(i int, d time.Duration) {
		want.arm(i, s.Now()+d)
		ts[i].Reset(s.Now() + d)
	}
	delay := func() time.Duration {
		switch rng.IntN(6) {
		case 0:
			return time.Duration(rng.IntN(int(slot / 4))) // the current slot, mostly
		case 1:
			return slot + time.Duration(rng.IntN(int(slot))) // the next slot, joined or not
		default:
			// About 20 slots ahead: 600 timers keep each slot at about
			// 30 entries, enough to prefetch for.
			return time.Duration(rng.IntN(20 * int(slot)))
		}
	}
	for i := range ts {
		ts[i] = s.NewTimer(func() {
			if failure != "" {
				return
			}
			if failure = want.fire(i, s.Now()); failure != "" {
				return
			}
			fired++
			if s.queue.cur > slotOf(s.Now()) {
				joined++
			}
			reset(i, delay())
			if j := rng.IntN(timers); rng.IntN(8) == 0 && want.stop(j) {
				ts[j].Stop()
			}
			if j := rng.IntN(timers); rng.IntN(4) == 0 {
				reset(j, delay())
			}
		})
	}
	for i := range ts {
		reset(i, time.Duration(rng.IntN(20*int(slot))))
	}
	for fired < firings && failure == "" {
		if !s.Step() {
			t.Fatal("the queue ran dry with timers armed")
		}
		if fired%64 == 0 {
			checkChains(t, &s.queue)
		}
	}
	if failure != "" {
		t.Fatalf("firing %d: %s", fired, failure)
	}
	if joined < firings/100 {
		t.Errorf("only %d of %d firings came after the next slot had joined: the joins did not happen", joined, firings)
	}
}

// checkChains fails t unless the queue keeps every ring slot's count of
// entries in its last chunk (queue.tails), and the slot's chunks but the
// last are full.
func checkChains(t *testing.T, q *queue) {
	t.Helper()
	for i := range q.ring {
		c := &q.ring[i]
		if c.tail == nil {
			if c.head != nil || q.tails[i] != 0 {
				t.Fatalf("ring slot %d has no tail but a head or a count (%d)", i, q.tails[i])
			}
			continue
		}
		if int(q.tails[i]) != c.tail.n {
			t.Fatalf("ring slot %d: the queue keeps a count of %d for its last chunk, which holds %d", i, q.tails[i], c.tail.n)
		}
		for k := c.head; k != c.tail; k = k.next {
			if k.n != chunkLen {
				t.Fatalf("ring slot %d has a chunk of %d entries before its last", i, k.n)
			}
		}
	}
}

// TestSortSlot: a slot's entries come out in (deadline, sequence number)
// order whatever runs they arrive in — one, two (the merge), more
// (pdqsort), small (insertion) — deadlines tied or not.
func TestSortSlot(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var q queue
	for n := range 60 {
		for runs := 1; runs <= 4; runs++ {
			var es []entry
			seq := uint64(0)
			for r := range runs {
				at := time.Duration(rng.IntN(8))
				for range (n + r) / runs {
					at += time.Duration(rng.IntN(3)) // ties among deadlines, broken by seq
					seq++
					es = append(es, entry{at: at, seq: seq + uint64(rng.IntN(2))*1000})
				}
			}
			want := slices.Clone(es)
			slices.SortFunc(want, compareEntries)
			q.now = es
			sortSlot(q.now, &q.scratch)
			if !slices.Equal(q.now, want) {
				t.Fatalf("%d entries in %d runs: sorted to %v, want %v", len(es), runs, q.now, want)
			}
		}
	}
}

// TestArmLaterFilesWhatTheStepLeftArmed: a timer armed with armLater is
// written and its entry filed when the step ends, unless cancelLater
// cancelled it in the step; it fires in the order of the sequence number
// it took when it was armed, before a timer due at the same instant that
// Reset armed after it in the same step. A step is a timer's (Sim.run)
// or a Do's.
func TestArmLaterFilesWhatTheStepLeftArmed(t *testing.T) {
	s := New(1)
	h := exactHost(t, s)
	var fired []string
	timer := func(name string) *Timer { return s.NewTimer(func() { fired = append(fired, name) }) }
	a, b, c, d, x := timer("a"), timer("b"), timer("c"), timer("d"), timer("x")
	at := 10 * time.Millisecond
	s.Do(func() {
		s.armLater(a, h, at) // left armed: filed at the end of the step
		x.Reset(at)
		s.armLater(b, h, at) // cancelled in the step: never written nor filed
		s.armLater(c, h, at+time.Millisecond)
		if !s.cancelLater(b) || s.cancelLater(x) {
			t.Error("cancelLater did not find b's entry, or found x's")
		}
		if a.Armed() || s.queue.count != 1 || len(s.queue.later) != 2 || s.Pending() != 3 {
			t.Errorf("within the step a is armed %v, the queue holds %d entries and %d later ones, %d timers armed; want false, 1 (x's), 2 (a's, c's), 3", a.Armed(), s.queue.count, len(s.queue.later), s.Pending())
		}
	})
	if s.queue.count != 3 || len(s.queue.later) != 0 || b.Armed() || !a.Armed() || a.Deadline() != at || a.ArmedAt() != 0 {
		t.Errorf("after the step the queue holds %d entries and %d later ones, b armed %v, a armed %v at %v since %v; want 3, none, false, true at %v since 0", s.queue.count, len(s.queue.later), b.Armed(), a.Armed(), a.Deadline(), a.ArmedAt(), at)
	}
	if got := s.Pending(); got != 3 {
		t.Errorf("%d timers armed, want 3", got)
	}
	// From a timer's step: the flush that ends it files d's entry, though
	// the timer raised no notification.
	arm := s.NewTimer(func() { s.armLater(d, h, 2*at-at/2) })
	arm.Reset(at / 2)
	if !s.Step() || s.queue.count != 4 || len(s.queue.later) != 0 || d.ArmedAt() != at/2 {
		t.Fatalf("after a timer's step that armed d with armLater the queue holds %d entries and %d later ones, d armed at %v; want 4, none, %v", s.queue.count, len(s.queue.later), d.ArmedAt(), at/2)
	}
	s.RunUntil(3 * at)
	if want := []string{"a", "x", "c", "d"}; !slices.Equal(fired, want) {
		t.Errorf("fired %v, want %v", fired, want)
	}
}

// exactHost adds a host whose TCP timers run on the exact clock: a timer
// armLater arms for it fires d after the step's time.
func exactHost(t *testing.T, s *Sim) *Host {
	t.Helper()
	p := Linux()
	p.Timers = TimersExact
	h, err := s.AddHost("exact", netip.MustParseAddr("10.9.9.9"), p)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestArmLaterTakesTheTickOfItsArm: a timer armLater arms on a host's
// timer wheel fires where armTCPTimer would have armed it then, though
// the step changes the profile's tick before it ends and its deadline is
// computed; and the deadline its arm tells (for the timer's trace) is
// that one.
func TestArmLaterTakesTheTickOfItsArm(t *testing.T) {
	s := New(1)
	h, err := s.AddHost("wheel", netip.MustParseAddr("10.9.9.8"), Linux())
	if err != nil {
		t.Fatal(err)
	}
	tick := h.Profile().TimerTick
	late, now := s.NewTimer(func() {}), s.NewTimer(func() {})
	start := s.NewTimer(func() {
		s.armLater(late, h, 40*time.Millisecond)
		now.Reset(h.tcpDeadline(40*time.Millisecond, tick))
		told := laterDeadline(h, 40*time.Millisecond, h.wheelTick()) // as scheduleAck's trace tells it
		h.Profile().TimerTick = 10 * time.Millisecond
		s.Defer(func() { h.Profile().TimerTick = 3 * time.Millisecond })
		if told != now.Deadline() {
			t.Errorf("the arm tells %v, armTCPTimer's deadline is %v", told, now.Deadline())
		}
	})
	start.Reset(1234567 * time.Microsecond)
	s.Step()
	if !late.Armed() || late.Deadline() != now.Deadline() || late.ArmedAt() != start.Deadline() {
		t.Errorf("armed %v at %v since %v, want true at %v since %v", late.Armed(), late.Deadline(), late.ArmedAt(), now.Deadline(), start.Deadline())
	}
	if d := now.Deadline() - start.Deadline(); d <= 40*time.Millisecond || d > 40*time.Millisecond+tick {
		t.Errorf("deadline %v after the arm, want within a tick (%v) after 40ms", d, tick)
	}
}
