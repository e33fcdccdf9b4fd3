package netsim

import (
	"testing"
	"unsafe"
)

// TestConnFitsItsSizeClass holds a connection end to Go's 1024-byte size
// class: one more byte and the allocator hands each end 1152 bytes, 25.6 MB
// more for a run of 100,000 connections (200,000 ends), whose whole budget
// is 1 GB. The allocator puts an 8-byte header before an object of more
// than 512 bytes that holds pointers (mallocHeaderSize in Go's runtime),
// so a Conn has 1016 bytes. A new field finds room among the small ones
// (bools, uint8s and uint32s side by side leave no padding), or this
// test's bound is raised knowing the cost.
func TestConnFitsItsSizeClass(t *testing.T) {
	const mallocHeader = 8
	if n := unsafe.Sizeof(Conn{}) + mallocHeader; n > 1024 {
		t.Errorf("a Conn is %d bytes with its allocation header, more than the 1024-byte size class", n)
	}
	if n := unsafe.Sizeof(Timer{}); n > 64 {
		t.Errorf("a Timer is %d bytes, more than the 64-byte size class (a Conn holds four)", n)
	}
}
