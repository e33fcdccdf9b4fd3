package netsim

import (
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
