package ui

// ring is a bounded buffer that keeps the last cap items pushed. Items are
// named by their absolute sequence number (0 for the first ever pushed), so
// a number handed out stays valid until the item is overwritten; rendering
// a frame touches only the items on screen, however long the run.
type ring[T any] struct {
	buf   []T
	total uint64 // items ever pushed
}

func newRing[T any](capacity int) *ring[T] {
	return &ring[T]{buf: make([]T, 0, capacity)}
}

// push appends v, evicting the oldest item when full, and returns v's
// sequence number.
func (r *ring[T]) push(v T) uint64 {
	if len(r.buf) < cap(r.buf) {
		r.buf = append(r.buf, v)
	} else {
		r.buf[r.total%uint64(cap(r.buf))] = v
	}
	r.total++
	return r.total - 1
}

// len is the number of items held.
func (r *ring[T]) len() int { return len(r.buf) }

// first is the sequence number of the oldest item held.
func (r *ring[T]) first() uint64 { return r.total - uint64(len(r.buf)) }

// at returns the item with sequence number seq, or nil when it has been
// evicted or never existed.
func (r *ring[T]) at(seq uint64) *T {
	if seq >= r.total || seq < r.first() {
		return nil
	}
	return &r.buf[seq%uint64(cap(r.buf))]
}

// fromEnd returns the item i places before the newest (0 is the newest),
// or nil.
func (r *ring[T]) fromEnd(i int) *T {
	if i < 0 || i >= len(r.buf) {
		return nil
	}
	return r.at(r.total - 1 - uint64(i))
}
