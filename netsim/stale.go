package netsim

// Stale marks. A timer stopped or re-armed leaves its queue entry behind,
// stale (heap.go); the queue drops it when its slot comes up. Telling a
// stale entry from a live one by the timer (is the timer's sequence
// number still the entry's?) reads the timer: with 10,000 connections, a
// cache line that has left the caches since the timer was armed, fetched
// only to be dropped. bench-pingpong leaves three such entries a ping, of
// seven: the two retransmission timers the ping's and the answer's ACKs
// stop, and the heartbeat's answer timeout, stopped by the answer.
//
// So the queue keeps a bit for each recent sequence number, set when the
// timer that took it is stopped or re-armed: an entry whose number is
// recent is live if its bit is clear, and its timer is not read. The bits
// are a ring of staleWindow numbers (128 KB), one word for 64 numbers in
// the order they are taken, cleared as the numbering comes round to them:
// the words of the numbers a slot's entries took lie together, and those
// of the last second stay in the caches (7 numbers a ping: 70,000 a second
// with 10,000 clients, 9 KB of bits). An entry whose number has left the
// window (a timer armed more than staleWindow numbers ago: 15 s of
// bench-pingpong at 10,000 clients, 1.5 s at 100,000) is tested by its
// timer, as before. Either test gives the same answer (TestStaleMarks):
// the bits change what is read, never what runs.

// staleWindow is how many of the latest sequence numbers have a stale
// bit: 2^20, 128 KB of bits.
const staleWindow = 1 << 20

// staleWords is the window in words of 64 bits.
const staleWords = staleWindow / 64

// staleMarks is the ring of bits: bit n%64 of word n/64%staleWords is
// sequence number n's.
type staleMarks [staleWords]uint64

// takeSeq takes the next sequence number. As the numbering enters a word,
// the word is cleared (the bits it held were those of numbers staleWindow
// earlier) and the floor of the window moves up past them.
func (q *queue) takeSeq() uint64 {
	q.seq++
	if q.seq%64 == 0 {
		q.stale[q.seq/64%staleWords] = 0
		q.floor = max(q.seq+64, staleWindow) - staleWindow
	}
	return q.seq
}

// markStale notes that the entry numbered n, a timer's live entry until
// now, is stale: the timer was stopped or re-armed. Every change of a
// timer's sequence number from n to another calls it but the firing of
// the entry itself (Sim.run), which takes the entry out.
func (q *queue) markStale(n uint64) {
	if n >= q.floor {
		q.stale[n/64%staleWords] |= 1 << (n % 64)
	}
}

// live reports whether e is its timer's current deadline: by its stale
// bit while its number is in the window, else by its timer (entry.live).
// Loops over many entries take floor and stale out of q first (liveIn).
func (q *queue) live(e *entry) bool { return liveIn(e, q.floor, &q.stale) }

func liveIn(e *entry, floor uint64, stale *staleMarks) bool {
	if e.seq >= floor {
		return stale[e.seq/64%staleWords]&(1<<(e.seq%64)) == 0
	}
	return e.live()
}
