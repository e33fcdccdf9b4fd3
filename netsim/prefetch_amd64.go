package netsim

// The prefetches of prefetch.go (prefetch_amd64.s). A prefetch waits for
// nothing, never faults (not even for nil) and changes nothing but the
// caches.

// ownerTypes are the type words of a timerOwner that holds a *Conn, an
// *inFlight and a funcTimer, by which prefetchSteps tells what a timer
// belongs to (a type switch, in assembly). The linker makes one itab for
// each pair of a type and an interface, and the runtime's conversions
// find it: the words are the same for every timer.
var ownerTypes = [3]uintptr{
	ownerType((*Conn)(nil)),
	ownerType((*inFlight)(nil)),
	ownerType(funcTimer(nil)),
}

// ownerType is o's type word.
func ownerType(o timerOwner) uintptr

// prefetchSteps takes the five steps of prefetch.go, each for its entry
// of es: step k for es[at + (5−k) × prefetchDistance], if es has it (at
// may be negative: prefetchStart).
//
//go:noescape
func prefetchSteps(es []entry, at int)

// prefetchChunk asks for k.
//
//go:noescape
func prefetchChunk(k *chunk)

// prefetchTimers asks for the timers of k's live entries, as far as q's
// stale marks tell (stale.go), and for the next chunk.
//
//go:noescape
func prefetchTimers(k *chunk, q *queue)
