package feed

import "testing"

func TestRingKeepsTheNewest(t *testing.T) {
	r := NewRing[int](3)
	for i := range 5 {
		if got := r.Push(i); got != uint64(i) {
			t.Fatalf("push %d: got sequence %d", i, got)
		}
	}
	if r.Len() != 3 || r.First() != 2 {
		t.Fatalf("got len %d first %d, want 3 and 2", r.Len(), r.First())
	}
	if r.At(1) != nil || *r.At(2) != 2 || *r.At(4) != 4 || r.At(5) != nil {
		t.Error("at: evicted or future items are not nil, or held ones are wrong")
	}
	if *r.FromEnd(0) != 4 || *r.FromEnd(2) != 2 || r.FromEnd(3) != nil {
		t.Error("fromEnd: wrong items")
	}
}
