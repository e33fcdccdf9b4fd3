package feed

// Ring is a bounded buffer that keeps the last cap items pushed. Items are
// named by their absolute sequence number (0 for the first ever pushed), so
// a number handed out stays valid until the item is overwritten; rendering
// a frame touches only the items on screen, however long the run.
type Ring[T any] struct {
	buf   []T
	total uint64 // items ever pushed
}

// NewRing makes a ring that holds at most capacity items.
func NewRing[T any](capacity int) *Ring[T] {
	return &Ring[T]{buf: make([]T, 0, capacity)}
}

// Push appends v, evicting the oldest item when full, and returns v's
// sequence number.
func (r *Ring[T]) Push(v T) uint64 {
	if len(r.buf) < cap(r.buf) {
		r.buf = append(r.buf, v)
	} else {
		r.buf[r.total%uint64(cap(r.buf))] = v
	}
	r.total++
	return r.total - 1
}

// Len is the number of items held.
func (r *Ring[T]) Len() int { return len(r.buf) }

// Total is the number of items ever pushed.
func (r *Ring[T]) Total() uint64 { return r.total }

// First is the sequence number of the oldest item held.
func (r *Ring[T]) First() uint64 { return r.total - uint64(len(r.buf)) }

// At returns the item with sequence number seq, or nil when it has been
// evicted or never existed.
func (r *Ring[T]) At(seq uint64) *T {
	if seq >= r.total || seq < r.First() {
		return nil
	}
	return &r.buf[seq%uint64(cap(r.buf))]
}

// FromEnd returns the item i places before the newest (0 is the newest),
// or nil.
func (r *Ring[T]) FromEnd(i int) *T {
	if i < 0 || i >= len(r.buf) {
		return nil
	}
	return r.At(r.total - 1 - uint64(i))
}
