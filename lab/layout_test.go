package lab

import (
	"testing"
	"unsafe"

	"github.com/socklab/socklab/netsim"
)

// beatOffset is where a client holds its heartbeat: its own hot fields
// fill the bytes before it, and the heartbeat's timers then start on a
// cache line (a client starts on one).
const beatOffset = 112

// TestClientHotLines holds what a client's ping and its answer visit (the
// client's first fields, its heartbeat's hot fields and the heartbeat's
// two timers, each on a line of its own) to its first six cache lines,
// which its hint names, and a client to a whole number of lines: the
// clients of a group are one block, which a group of more than 64 clients
// gets from the allocator on a page of its own, so each client starts on
// a line. With 10,000 clients every line a ping visits is a cache miss of
// its own unless the queue asked for it ahead.
func TestClientHotLines(t *testing.T) {
	var c client
	if off := unsafe.Offsetof(c.beat); off != beatOffset {
		t.Errorf("a client's heartbeat is %d bytes in, not %d", off, beatOffset)
	}
	ping := unsafe.Offsetof(c.beat) + unsafe.Offsetof(c.beat.pingTimer)
	if ping%64 != 0 {
		t.Errorf("a client's ping timer is %d bytes in, not on a cache line", ping)
	}
	end := unsafe.Offsetof(c.beat) + unsafe.Offsetof(c.beat.answerTimer) + unsafe.Sizeof(c.beat.answerTimer)
	if end > 6*64 {
		t.Errorf("a client's hot fields and timers end at %d, beyond its first six cache lines", end)
	}
	if n := unsafe.Sizeof(c); n%64 != 0 {
		t.Errorf("a client is %d bytes, not a whole number of cache lines (its padding is %d bytes off)", n, 64-n%64)
	}
	group := make([]client, 100) // a group's block, as newClientGroup makes it
	if n := netsim.HintSpan(&group[1], &group[1].beat.answerTimer).Lines(); uintptr(n) != (end+63)/64 {
		t.Errorf("a client's hint names %d lines, its hot part spans %d", n, (end+63)/64)
	}
}

// TestHandlerHotLines does the same for the server's handler of one
// connection, made on its own at each accept: what an answer visits (its
// first fields and what its heartbeat's received and wrote touch) in its
// first three lines, which its hint names, and a handler in the
// allocator's 448-byte size class, whose objects start on a cache line (a
// multiple of 64 bytes).
func TestHandlerHotLines(t *testing.T) {
	var h handler
	if end := unsafe.Offsetof(h.beat) + unsafe.Offsetof(h.beat.stopped) + 1; end > 3*64 {
		t.Errorf("a handler's hot fields end at %d, beyond its first three cache lines", end)
	}
	if n := unsafe.Sizeof(h); n != 448 {
		t.Errorf("a handler is %d bytes, not 448: the size class of 448 bytes", n)
	}
	p := &handler{}
	if n := netsim.HintSpan(p, &p.beat.stopped).Lines(); n != 3 {
		t.Errorf("a handler's hint names %d lines, not 3", n)
	}
}
