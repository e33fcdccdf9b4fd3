package lab

import (
	"testing"
	"unsafe"

	"github.com/socklab/socklab/netsim"
)

// TestClientHotLines holds what a client's ping and its answer visit to
// its first four cache lines: its own first fields and its heartbeat's hot
// fields, then its ping timer, alone on the fourth. An answer visits the
// first two alone: the client's fields, what received touches and the
// first 24 bytes of its answer timer, which Timer.Stop reads (its sim and
// seq: netsim's timer.go puts sim, at and seq first). The queue asks for
// the ping timer as its turn nears; the client's hint names the three
// lines before it, and the first two for its notice (an answer). A client is a whole number of lines: the clients of a
// group are one block, which a group of more than 64 clients gets from
// the allocator on a page of its own, so each client starts on a line.
// With 10,000 clients every line a ping visits is a cache miss of its own
// unless the queue asked for it ahead.
func TestClientHotLines(t *testing.T) {
	var c client
	recv := unsafe.Offsetof(c.beat) + unsafe.Offsetof(c.beat.npend) + unsafe.Sizeof(c.beat.npend)
	stop := unsafe.Offsetof(c.beat) + unsafe.Offsetof(c.beat.answerTimer) + 24
	if recv > 2*64 || stop > 2*64 {
		t.Errorf("what an answer visits ends at %d (received) and %d (the answer timer's Stop), beyond a client's second line", recv, stop)
	}
	if ping := unsafe.Offsetof(c.beat) + unsafe.Offsetof(c.beat.pingTimer); ping != 3*64 {
		t.Errorf("a client's ping timer is %d bytes in, not at its fourth line", ping)
	}
	if n := unsafe.Sizeof(c); n%64 != 0 {
		t.Errorf("a client is %d bytes, not a whole number of cache lines (its padding is %d bytes off)", n, 64-n%64)
	}
	group := make([]client, 100)                                      // a group's block, as newClientGroup makes it
	h := netsim.HintSpan(&group[1], &group[1].beat.fixedOn).Notice(2) // as connect sets it
	if n := h.Lines(); n != 3 {
		t.Errorf("a client's hint names %d lines, not 3", n)
	}
	if n := h.NoticeLines(); n != 2 {
		t.Errorf("a client's hint has a notice ask for %d lines, not the 2 an answer visits", n)
	}
}

// TestHandlerHotLines does the same for the server's handler of one
// connection, made on its own at each accept: what an answer visits (its
// own first fields, then what its heartbeat's received and wrote touch)
// in its first line, which its hint names — its Session and settings are
// its server's (srv.s, srv.cfg), on the server's line that every answer
// reads, and its decoder is one word (the bytes it holds are cold) — and a
// handler in the allocator's 448-byte size class, whose objects start on
// a cache line (a multiple of 64 bytes). (Its heartbeat's timers need not
// start on a line: a server's heartbeat that only answers never arms
// them.)
func TestHandlerHotLines(t *testing.T) {
	var h handler
	if end := unsafe.Offsetof(h.beat) + unsafe.Offsetof(h.beat.npend) + unsafe.Sizeof(h.beat.npend); end > 64 {
		t.Errorf("a handler's hot fields end at %d, beyond its first cache line", end)
	}
	if n := unsafe.Sizeof(h); n != 448 {
		t.Errorf("a handler is %d bytes, not 448: the size class of 448 bytes", n)
	}
	p := &handler{}
	if n := netsim.HintSpan(p, &p.beat.npend).Lines(); n != 1 {
		t.Errorf("a handler's hint names %d lines, not 1", n)
	}
}
