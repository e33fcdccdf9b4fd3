package netsim

import (
	"testing"
	"unsafe"
)

// mallocHeader is the 8 bytes Go's allocator puts before an object of more
// than 512 bytes that holds pointers (mallocHeaderSize in Go's runtime): a
// Conn starts 8 bytes into its slot, which starts on a cache line.
const mallocHeader = 8

// TestConnFitsItsSizeClass holds a connection end to Go's 896-byte size
// class: one more byte and the allocator hands each end 1024 bytes, 25.6 MB
// more for a run of 100,000 connections (200,000 ends), whose whole budget
// is 1 GB. A new field finds room among the small ones (the hot part's
// leave no padding, the cold part's bools 5 bytes), or this test's bound
// is raised knowing the cost.
func TestConnFitsItsSizeClass(t *testing.T) {
	if n := unsafe.Sizeof(Conn{}) + mallocHeader; n > 896 {
		t.Errorf("a Conn is %d bytes with its allocation header, more than the 896-byte size class", n)
	}
	if n := unsafe.Sizeof(Timer{}); n > 64 {
		t.Errorf("a Timer is %d bytes, more than the 64-byte size class (a Conn holds four)", n)
	}
}

// TestConnFirstLinesHoldThePointers: the pointers a prefetch step reads
// of a connection whose hot part's first half the step before asked for
// (prefetch_amd64.s: CONNFIRST, then the send and receive queues,
// segments in flight, notice and hint) lie in the first connFirstLines
// lines of its slot, the allocator's header included.
func TestConnFirstLinesHoldThePointers(t *testing.T) {
	var c Conn
	fields := []struct {
		name      string
		off, size uintptr
	}{
		{"sndBuf", unsafe.Offsetof(c.sndBuf), unsafe.Sizeof(c.sndBuf)},
		{"rcvBuf", unsafe.Offsetof(c.rcvBuf), unsafe.Sizeof(c.rcvBuf)},
		{"sent", unsafe.Offsetof(c.sent), unsafe.Sizeof(c.sent)},
		{"notice", unsafe.Offsetof(c.notice), unsafe.Sizeof(c.notice)},
		{"hint", unsafe.Offsetof(c.hint), unsafe.Sizeof(c.hint)},
	}
	for _, f := range fields {
		if end := mallocHeader + f.off + f.size; end > 64*connFirstLines {
			t.Errorf("%s ends %d bytes into a Conn's slot, beyond its first %d lines, which the step before reading it asks for", f.name, end, connFirstLines)
		}
	}
}

// TestConnHotLines holds the fields a segment of the steady state touches
// to the first hotLines cache lines of a Conn: they run from its start to
// the end of opts' flags and buffer sizes, and everything after them is
// left alone by a long run's steady state (tcp_conn.go). With 100,000
// connections each of those lines is a line fetched from memory on every
// request (two ends' hot lines were 16 of the 20.6 a request fetched when
// they were 8 each), so the hot part is 7 lines, 440 bytes of a Conn and
// its 8-byte header: what the steady state would only find nil, empty or
// zero (proc, ooo, sb, the counts of trouble) lies in the cold part
// behind a flag of the hot part. The 7 lines are full to the byte: a
// field added to the hot part costs a line, unless one leaves it.
//
// A bare ACK's arrival touches the first connAckLines of them (6), which
// is all prefetchSteps asks for ahead of one (steps 3 and 4): the fields
// before the retransmission timer and the timer, which fills a line of its
// own (it starts on one). What lies after it (up to opts) is what only data
// touches, one line; a field a bare ACK reads goes before it.
func TestConnHotLines(t *testing.T) {
	const hotLines = connHotLines
	var c Conn
	end := unsafe.Offsetof(c.opts) + unsafe.Offsetof(c.opts.KeepIdle) // opts' hot fields end where KeepIdle starts
	if n := (mallocHeader + end + 63) / 64; n > hotLines {
		t.Errorf("a Conn's hot fields span %d cache lines, more than %d", n, hotLines)
	}
	if cold := unsafe.Offsetof(c.owner); cold < end {
		t.Errorf("a cold field (owner, at %d) lies among the hot ones (they end at %d)", cold, end)
	}
	rtx := mallocHeader + unsafe.Offsetof(c.rtx)
	if rtx%64 != 0 || (rtx+unsafe.Sizeof(c.rtx)+63)/64 > connAckLines {
		t.Errorf("the retransmission timer lies %d bytes into a Conn's slot: it must fill a line of the first %d, those a bare ACK touches", rtx, connAckLines)
	}
	if after := mallocHeader + unsafe.Offsetof(c.acks); after/64 < connAckLines {
		t.Errorf("the fields only data touches (acks, at %d bytes into a Conn's slot) start within the %d lines a bare ACK touches", after, connAckLines)
	}
	// The delayed-ACK timer is cold: a step arms it and cancels it with
	// delackOn alone (Sim.armLater).
	if at := unsafe.Offsetof(c.delack); at < end {
		t.Errorf("the delayed-ACK timer (at %d) lies among the hot fields (they end at %d)", at, end)
	}
}

// packetSizeClass is the size class of Go's allocator a Packet falls in
// (size 192 in runtime/sizeclasses.go, the smallest of at least
// unsafe.Sizeof(Packet{}); the class below is 176): its objects follow one
// another from the start of a page, each a multiple of 192 bytes in, on
// three lines of their own.
const packetSizeClass, packetClassBelow = 192, 176

// TestPrefetchCoversPacket: the lines prefetchSteps asks for of a
// packet, from its start, reach its to and from fields wherever in a line
// its size class lets it start. A packet that leaves the 192-byte class
// fails here: one byte more and it spans four lines (the 208-byte class
// starts objects 16, 32 or 48 bytes into a line), a word less and it
// falls in the 176-byte class, whose objects straddle lines (one that
// starts 48 bytes into a line lies on four). The small fields, up to
// Packet.origin, leave no padding: a new field goes behind Opts if few
// segments carry it, or costs a line.
func TestPrefetchCoversPacket(t *testing.T) {
	var p Packet
	if size := unsafe.Sizeof(p); size > packetSizeClass || size <= packetClassBelow {
		t.Fatalf("a Packet is %d bytes: it left the %d-byte size class (%d < size <= %d); recompute packetSizeClass and packetPrefetchLines", size, packetSizeClass, packetClassBelow, packetSizeClass)
	}
	into := uintptr(64 - gcd(packetSizeClass, 64)) // the furthest into a line a packet starts
	end := max(unsafe.Offsetof(p.to), unsafe.Offsetof(p.from)) + 8
	if need := (into + end + 63) / 64; packetPrefetchLines < need {
		t.Errorf("packetPrefetchLines is %d, but a packet's from and to end %d bytes in, and it may start %d bytes into a line: %d lines", packetPrefetchLines, end, into, need)
	}
}

// gcd is the greatest common divisor of a and b.
func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
