package lab

import (
	"testing"
	"unsafe"
)

// hotEnd is where the fields a heartbeat's ping and answer visit end in
// a heartbeat: proc and what follows it are left alone by the steady
// state (heartbeat.go).
var hotEnd = unsafe.Offsetof(heartbeat{}.proc)

// TestClientHotLines holds what a client's ping and its answer visit (the
// client's first fields, its decoder and its heartbeat's hot fields) to
// its first four cache lines, and a client to a whole number of lines: the
// clients of a group are one block, which a group of more than 64 clients
// gets from the allocator on a page of its own, so each client starts on
// a line. With 10,000 clients every line a ping visits is a cache miss of
// its own.
func TestClientHotLines(t *testing.T) {
	var c client
	if end := unsafe.Offsetof(c.beat) + hotEnd; end > 4*64 {
		t.Errorf("a client's hot fields end at %d, beyond its first four cache lines", end)
	}
	if n := unsafe.Sizeof(c); n%64 != 0 {
		t.Errorf("a client is %d bytes, not a whole number of cache lines (its padding is %d bytes off)", n, 64-n%64)
	}
}

// TestHandlerHotLines does the same for the server's handler of one
// connection, made on its own at each accept: it stays in the allocator's
// 320-byte size class, whose objects start on a cache line (a handler of
// 288 bytes or less would take a class that does not).
func TestHandlerHotLines(t *testing.T) {
	var h handler
	if end := unsafe.Offsetof(h.beat) + hotEnd; end > 4*64 {
		t.Errorf("a handler's hot fields end at %d, beyond its first four cache lines", end)
	}
	if n := unsafe.Sizeof(h); n <= 288 || n > 320 {
		t.Errorf("a handler is %d bytes, outside the 320-byte size class", n)
	}
}
