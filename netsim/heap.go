package netsim

import "time"

// entry is a timer's place in the queue, with the key it is ordered by:
// (deadline, sequence number).
//
// A timer does not know where its entry is: re-arming adds a new entry, and
// the old one goes stale (its sequence number is no longer the timer's, or
// the timer was stopped; stale.go marks it so). So the queue moves entries around without ever
// writing to the timers, which lie all over the memory of a large run; a
// stale entry is dropped when it comes up. The order in which timers fire
// is the same as if each entry had been moved in place.
type entry struct {
	at  time.Duration
	seq uint64
	t   *Timer
}

// live reports whether the entry is its timer's current deadline, by its
// timer: for an entry about to fire, whose timer the step reads anyway
// (prefetch.go asked for it). A slot's entries, stale ones among them,
// are told by their stale marks (queue.live, stale.go): the answer is the
// same.
func (e *entry) live() bool { return e.t.seq == e.seq } // a stopped timer's is 0, an entry's never

// compareEntries orders entries by (deadline, sequence number), for
// slices.SortFunc.
func compareEntries(e, f entry) int {
	switch {
	case e.before(&f):
		return -1
	case f.before(&e):
		return 1
	}
	return 0
}

func (e *entry) before(f *entry) bool {
	return e.at < f.at || (e.at == f.at && e.seq < f.seq)
}

// heap is a 4-ary min-heap of entries. It is hand-written rather than
// container/heap to avoid interface calls on the hottest path of the
// simulator, 4-ary because a shallower tree touches fewer cache lines, and
// it sifts by moving a hole rather than by swapping.
type heap []entry

func (h *heap) push(e entry) {
	*h = append(*h, e)
	h.up(len(*h) - 1)
}

// pop removes and returns the earliest entry; the heap must not be empty.
func (h *heap) pop() entry {
	q := *h
	top := q[0]
	n := len(q) - 1
	last := q[n]
	q[n] = entry{}
	*h = q[:n]
	if n > 0 {
		h.down(0, last)
	}
	return top
}

// up moves the entry at j toward the root, to its place.
func (h heap) up(j int) {
	e := h[j]
	for j > 0 {
		i := (j - 1) / 4
		if !e.before(&h[i]) {
			break
		}
		h[j] = h[i]
		j = i
	}
	h[j] = e
}

// down places e, which replaces the entry at i, in i's subtree: the hole at
// i moves down past every child earlier than e.
func (h heap) down(i int, e entry) {
	n := len(h)
	for {
		first := 4*i + 1
		if first >= n {
			break
		}
		j := first
		end := min(first+4, n)
		for c := first + 1; c < end; c++ {
			if h[c].before(&h[j]) {
				j = c
			}
		}
		if !h[j].before(&e) {
			break
		}
		h[i] = h[j]
		i = j
	}
	h[i] = e
}

// init orders an arbitrary array into a heap (Floyd's method, O(n)).
func (h heap) init() {
	if len(h) < 2 {
		return
	}
	for i := (len(h) - 2) / 4; i >= 0; i-- {
		h.down(i, h[i])
	}
}
