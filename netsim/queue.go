package netsim

import (
	"math/bits"
	"slices"
	"time"
)

// queue is the simulator's event queue: the entries of every armed timer,
// taken out in (deadline, sequence number) order.
//
// It is a timing wheel in front of a sorted slot and two heaps, so that
// the cost of an entry does not grow with the number of timers a run
// holds (hundreds of thousands with 100,000 connections):
//
//	slot:   cur               cur+1 … cur+slotCount−1          ≥ cur+slotCount
//	        now (sorted),     ring (one unsorted list a slot)   far (heap)
//	        near (heap)
//
// Time is cut into slots of 2^slotShift ns. now holds the entries the
// current slot had when it came up, sorted; near those armed into it
// since (and into any earlier slot, for a timer armed before a clock that
// was moved ahead), in a heap; the ring holds the entries of the next
// slotCount−1 slots, each slot an unsorted list that an entry is appended
// to; far holds the entries beyond, in a heap. When now and near are
// empty, cur moves to the next slot that holds entries: its live
// entries become now (the stale ones are dropped: the timers they were
// for have been stopped or re-armed since), served from the slot's chunk
// when it has one, else copied out of its chunks, and sorted (sortSlot);
// the entries of far that the ring now reaches move into it. Every entry of now and
// near is due before every entry elsewhere, and the earlier of their
// firsts comes out first, so the order is exactly that of one heap on
// (deadline, sequence number). A slot holds the entries of 262 µs, and
// the ring reaches 1.07 s ahead: a heartbeat's second, an RTO, a delayed
// ACK and a packet in flight all go into the ring with an append.
//
// The current slot is sorted rather than heaped so that the queue knows
// which entries come next: as it hands one out, it prefetches the memory
// of those a few places behind it (prefetch.go). While it does, the next
// slot comes up before now runs dry, when a few entries are left
// (joinNext), so that what it prefetches runs on across the boundary.
//
// A slot's list is a chain of fixed-size chunks taken from a free list
// and given back when the slot comes up, so that the ring holds memory
// for the entries it holds now, not for the most each slot ever held.
// (Most of a slot's entries arrive in the last few milliseconds before it
// comes up, and Linux's timer wheel puts a whole tick's TCP timers into
// one slot, a different one on each turn of the ring: with a list of its
// own, every slot would keep a tick's worth of room — with 100,000
// connections, hundreds of MB.)
type queue struct {
	now      []entry // the current slot's entries, sorted; those before at are out
	at       int
	buf      []entry // now's memory, unless the slot is served from its one chunk
	inPlace  *chunk  // that chunk, given back when the next slot comes up
	fromNow  bool    // the entry next returned is now[at], not near[0]
	prefetch bool    // the current slot is big enough to prefetch for (prefetchMin)
	walk     *chunk  // the next chunk of the next slot's that prefetchAhead walks
	walked   int64   // the slot it walks (or walked): 0, no slot after the first, for none
	joinAt   int     // when at reaches it, the next slot joins now (joinNext)
	spare    []entry // the buffer joinNext moves now into, buf's twin
	scratch  []entry // sortSlot's
	near     heap
	cur      int64 // the current slot
	ring     [slotCount]chain
	tails    [slotCount]uint8       // the entries of each ring slot's last chunk (its n), for push
	used     [slotCount / 64]uint64 // a bit per ring slot that holds entries
	free     *chunk                 // chunks of no slot
	far      heap
	armed    int // armed timers: the live entries
	count    int // entries, live or stale
	// seq is the last sequence number taken (takeSeq); stale holds the
	// stale bits of the numbers from floor on (stale.go).
	seq   uint64
	floor uint64
	stale staleMarks
	// later holds the entries of the timers Sim.armLater armed in this
	// step, which Sim.fileLater files when it ends (Sim.flush), before the
	// queue is next read (NextAt and Queued file them too); armed counts
	// them.
	later []laterArm
}

// chain is a ring slot's entries: its chunks, each full but the last.
// How many the last holds (tail.n) the queue keeps in tails too, a byte a
// slot (4 KB, which stay in the caches): a push reads the count there and
// only writes to the chunk, whose count lies on a line of its own that a
// slot a second ahead has not had touched since its last push. At 1k and
// 10k connections that load missed the L2 on about every push (20 to 45
// ns a request); a store that misses waits in the store buffer, where a
// load holds the step up.
type chain struct{ head, tail *chunk }

const _ = uint8(chunkLen) // a count of a chunk's entries fits in tails' byte

// chunk holds some of a slot's entries. chunkLen fits it in the 512-byte
// size class of Go's allocator.
type chunk struct {
	es   [chunkLen]entry
	n    int
	next *chunk
}

const chunkLen = 20

const (
	slotShift = 18 // a slot spans 2^18 ns, 262 µs
	slotCount = 4096
	slotMask  = slotCount - 1
)

func slotOf(at time.Duration) int64 { return int64(at) >> slotShift }

// push files e.
func (q *queue) push(e entry) {
	if n := slotOf(e.at); !q.pushFast(n, e) {
		q.pushSlow(n, e)
	}
}

// pushFast files e, due in slot n, if it goes to a ring slot whose last
// chunk has room and does not bring the queue to compaction: nearly every
// entry, a store and three counts. It reports whether it did. It is inlined
// where it is called (push, Timer.Reset), the rest left to pushSlow.
func (q *queue) pushFast(n int64, e entry) bool {
	i := n & slotMask
	k, m := q.ring[i].tail, q.tails[i]
	if uint64(n-q.cur-1) >= slotCount-1 || k == nil || m >= chunkLen || q.count+1 >= compactRatio*q.armed {
		return false
	}
	k.es[m] = e
	k.n = int(m) + 1
	q.tails[i] = m + 1
	q.count++
	return true
}

// pushSlow files e, due in slot n, where pushFast does not, and compacts
// the queue when it holds compactRatio entries for each armed timer (and
// at least compactMin).
func (q *queue) pushSlow(n int64, e entry) {
	switch i := n & slotMask; {
	case n <= q.cur:
		q.near.push(e) // due in the current slot, or before it
	case n < q.cur+slotCount:
		q.append(i, e) // pushFast's case too, declined for the compaction below
		q.used[i/64] |= 1 << (i % 64)
	default:
		q.far.push(e)
	}
	if q.count++; q.count >= compactRatio*q.armed && q.count >= compactMin {
		q.compact()
	}
}

// next returns the earliest live entry, dropping the stale ones before it;
// nil when no timer is armed.
func (q *queue) next() *entry {
	for {
		e := q.first()
		if e == nil {
			if !q.advance() {
				return nil
			}
			continue
		}
		if e.live() {
			return e
		}
		q.pop()
	}
}

// popDue takes the earliest live entry out and returns its timer, if it is
// due at or before limit; nil otherwise (none is, or no timer is armed).
// It drops the stale entries before it. Step and RunUntil take each entry
// with one call, where next then pop would look at it twice.
func (q *queue) popDue(limit time.Duration) *Timer {
	for {
		// first's choice, written out: the current slot's next entry, unless
		// near holds an earlier one (the path of nearly every entry: near
		// is nearly always empty), without the note it makes for pop.
		if q.at < len(q.now) && (len(q.near) == 0 || q.now[q.at].before(&q.near[0])) {
			e := &q.now[q.at]
			if e.at > limit {
				return nil // the live entries after it are due later still
			}
			t, live := e.t, e.live()
			*e = entry{} // pop's, inlined
			q.at++
			q.count--
			if q.prefetch {
				q.prefetchAhead()
			}
			if live {
				return t
			}
			continue
		}
		if len(q.near) == 0 {
			if !q.advance() {
				return nil
			}
			continue
		}
		if q.near[0].at > limit {
			return nil
		}
		q.count--
		if e := q.near.pop(); e.live() {
			return e.t
		}
	}
}

// first is the earlier of now's and near's first entries, nil if both are
// empty; it notes which it is for pop.
func (q *queue) first() *entry {
	if q.at < len(q.now) {
		e := &q.now[q.at]
		if len(q.near) == 0 || e.before(&q.near[0]) {
			q.fromNow = true
			return e
		}
	} else if len(q.near) == 0 {
		return nil
	}
	q.fromNow = false
	return &q.near[0]
}

// pop removes the entry next (or first) returned and gives its timer.
func (q *queue) pop() *Timer {
	q.count--
	if !q.fromNow {
		return q.near.pop().t
	}
	t := q.now[q.at].t
	q.now[q.at] = entry{}
	q.at++
	if q.prefetch {
		q.prefetchAhead()
	}
	return t
}

// advance moves cur to the next slot that holds entries and makes them
// now's and near's. It reports false when the ring and far are empty.
func (q *queue) advance() bool {
	next, ok := q.nextUsed()
	if len(q.far) > 0 {
		if n := slotOf(q.far[0].at); !ok || n < next {
			next, ok = n, true
		}
	}
	if !ok {
		return false
	}
	q.cur = next
	q.now, q.at = q.buf[:0], 0
	if k := q.inPlace; k != nil { // the slot before was served from its chunk, now clear
		q.inPlace, k.n, k.next, q.free = nil, 0, q.free, k
	}
	if i := next & slotMask; q.used[i/64]&(1<<(i%64)) != 0 {
		q.used[i/64] &^= 1 << (i % 64)
		if c := &q.ring[i]; c.head == c.tail {
			// One chunk: the slot is served from it, its stale entries
			// dropped in place.
			k := c.head
			*c, q.tails[i] = chain{}, 0
			q.now = q.keepLive(k.es[:k.n])
			q.count -= k.n - len(q.now)
			q.inPlace = k
		} else {
			if next != q.walked {
				// The slot before was too small to walk this one ahead:
				// its timers are asked for all at once, chunk after chunk,
				// before takeLive tests them.
				for k := c.head; k != nil; k = k.next {
					prefetchTimers(k, q)
				}
			}
			q.now = q.takeLive(c, q.now)
			q.buf, q.tails[i] = q.now, 0
		}
		sortSlot(q.now, &q.scratch)
		q.prefetch, q.walk = len(q.now) >= prefetchMin, nil
		if q.prefetch {
			q.joinAt = len(q.now) - joinLead
			q.prefetchStart()
			q.prefetchNextSlot()
		}
	}
	if len(q.far) > 0 { // nearly always empty: the call is left out
		q.fileFar()
	}
	return true
}

// fileFar moves the entries of far that the ring reaches from cur into
// it.
func (q *queue) fileFar() {
	for len(q.far) > 0 && slotOf(q.far[0].at) < q.cur+slotCount {
		q.count-- // push counts it again
		q.push(q.far.pop())
	}
}

// joinLead is how many entries of now are left when the next slot joins
// it: as many as the prefetch steps reach ahead (prefetch.go), so that
// they go on into the next slot's entries without a break.
const joinLead = prefetchReach

// joinNext makes the next ring slot that holds entries the current one
// while the entries of the slot before are still being handed out: the
// joinLead entries left of now move to the front of the spare buffer, the
// slot's live entries, sorted, follow them, and cur moves on. The order
// is unchanged — every entry left was due before the slot's first, and an
// entry armed since into a slot up to the new cur goes to near, which
// popDue compares with now's — but the prefetch steps run on across the
// slot boundary, where a slot that came up only when now ran dry would
// start them all at once (prefetchStart), its first entries' lines still
// on their way as they are handed out.
//
// prefetchAhead calls it once q.at reaches joinAt, when prefetching. It
// does nothing when the ring holds no entries (the next slot, if any, is
// far's) or the next slot too few to prefetch for: advance takes those
// when now runs dry.
func (q *queue) joinNext() {
	q.joinAt = len(q.now) + 1 // once
	next, ok := q.cur+1, q.usedSlot(q.cur+1)
	if !ok { // the slot after this one is empty: look further
		next, ok = q.nextUsed()
		if !ok {
			return
		}
	}
	c := &q.ring[next&slotMask]
	if c.head == c.tail && q.tails[next&slotMask] < prefetchMin {
		return // too small to prefetch for: advance takes it
	}
	left := q.now[q.at:]
	es := append(q.spare[:0], left...)
	clear(left) // the old memory keeps no timer alive
	if k := q.inPlace; k != nil {
		q.inPlace, k.n, k.next, q.free = nil, 0, q.free, k
		q.spare = q.buf
	} else {
		q.spare = q.buf[:0]
	}
	i := next & slotMask
	q.used[i/64] &^= 1 << (i % 64)
	k := c.head // not walked ahead (a slot armed into since the walk began)
	if next == q.walked {
		k = q.walk // the chunks the walk has not reached
	}
	for ; k != nil; k = k.next {
		prefetchChunk(k) // all at once, before takeLive reads them
	}
	es = q.takeLive(c, es)
	q.tails[i] = 0
	sortSlot(es[len(left):], &q.scratch)
	q.now, q.at, q.buf, q.cur = es, 0, es, next
	q.walk = nil
	q.prefetchNextSlot()
	q.joinAt = len(q.now) - joinLead
	for at := len(left) - joinLead; at < 0; at++ {
		prefetchSteps(q.now, at) // the steps the entries joined missed, if fewer than joinLead were left
	}
	q.fileFar()
}

// usedSlot reports whether ring slot n holds entries.
func (q *queue) usedSlot(n int64) bool {
	i := n & slotMask
	return q.used[i/64]&(1<<(i%64)) != 0
}

// nextUsed finds the first slot after cur whose ring list holds entries.
func (q *queue) nextUsed() (int64, bool) {
	start := int((q.cur + 1) & slotMask)
	for i, seen := start, 0; seen <= slotCount; {
		if w := q.used[i/64] >> (i % 64); w != 0 {
			d := (i + bits.TrailingZeros64(w) - start) & slotMask
			return q.cur + 1 + int64(d), true
		}
		step := 64 - i%64
		seen += step
		i = (i + step) & slotMask
	}
	return 0, false // the ring is empty
}

// size is the number of entries the queue holds, live or stale.
func (q *queue) size() int { return q.count }

// compactMin is the fewest entries worth compacting.
const compactMin = 1024

// compactRatio is how many entries for each armed timer the queue holds
// before push compacts it.
const compactRatio = 4

// compact drops the stale entries. push calls it once the queue holds
// compactRatio entries for each armed timer (and at least compactMin), so
// that a timer re-armed again and again does not grow the queue without
// bound: it holds at most compactRatio − 1 stale entries for each live
// one, 24 bytes each. A pass reads every entry and its timer: with
// 10,000 connections, about 700 KB of entries and a cache line for each
// timer.
//
// In bench-pingpong most stale entries are a connection's retransmission
// timer, stopped by the ACK a round trip after it was armed for an RTO
// ahead: they are dropped anyway when their slot comes up, and a pass
// that comes before only moves them. At a ratio of 2, 10,000 clients had
// a pass every 4,000 pings or so (23 in 100,000; 10 L2 misses a ping in
// keepLiveIn, the whole queue's entries and timers each time); at 4, none
// in 100,000.
func (q *queue) compact() {
	q.walk = nil // its chunk may be given back
	before := len(q.now) - q.at + len(q.near) + len(q.far)
	q.now = q.keepLive(q.now[q.at:])
	q.at, q.joinAt = 0, len(q.now)-joinLead
	q.near = q.keepLive(q.near)
	q.near.init()
	q.far = q.keepLive(q.far)
	q.far.init()
	q.count -= before - len(q.now) - len(q.near) - len(q.far)
	for i := range q.ring {
		if q.used[i/64]&(1<<(i%64)) == 0 {
			continue
		}
		q.count -= q.keepLiveIn(&q.ring[i])
		q.tails[i] = 0
		if t := q.ring[i].tail; t != nil {
			q.tails[i] = uint8(t.n)
		}
		if q.ring[i].head == nil {
			q.used[i/64] &^= 1 << (i % 64)
		}
	}
}

// append adds e at the end of ring slot i.
func (q *queue) append(i int64, e entry) {
	if q.ring[i].tail == nil || q.tails[i] == chunkLen {
		q.newTail(i)
	}
	k, m := q.ring[i].tail, q.tails[i]
	k.es[m] = e
	k.n = int(m) + 1
	q.tails[i] = m + 1
}

// newTail gives ring slot i a new, empty last chunk.
func (q *queue) newTail(i int64) {
	c := &q.ring[i]
	k := q.free
	if k != nil {
		q.free = k.next
		k.next = nil
	} else {
		k = new(chunk)
	}
	if c.tail == nil {
		c.head = k
	} else {
		c.tail.next = k
	}
	c.tail, q.tails[i] = k, 0
}

// takeLive appends c's live entries to es, in their order, empties c and
// frees its chunks. Like keepLive it tests the entries with no branch on
// what it finds, so that their timers' loads overlap.
func (q *queue) takeLive(c *chain, es []entry) []entry {
	n0, n := len(es), len(es)
	floor, stale := q.floor, &q.stale
	for k := c.head; k != nil; {
		es = slices.Grow(es[:n], k.n)
		es = es[:cap(es)]
		for j := range k.es[:k.n] {
			e := &k.es[j] // tested where it lies, as in keepLive
			live := liveIn(e, floor, stale)
			es[n] = *e
			e.t = nil // the chunk no longer keeps its timer alive
			n += b2i(live)
		}
		q.count -= k.n
		next := k.next
		k.n, k.next, q.free = 0, q.free, k
		k = next
	}
	*c = chain{}
	if n < len(es) {
		es[n] = entry{} // the last entry tested, if it was stale
	}
	q.count += n - n0
	return es[:n]
}

// sortSlot sorts now, the entries of the slot that has just come up, by
// (deadline, sequence number). They arrive nearly sorted: a slot's list
// is the entries armed, in the order they were armed, for one 262 µs,
// and those armed a second ahead by the application come before those
// armed later for a packet's arrival or a retransmission. In
// bench-pingpong a slot of 1k connections is one ascending run, and of
// 10k or 100k two (of 11 and of 150 entries). So: nothing to do for one
// run, an insertion for a small slot, a merge for two runs, and pdqsort
// only for more.
func sortSlot(es []entry, scratch *[]entry) {
	i := ascending(es, 0)
	if i == len(es) {
		return
	}
	if len(es) <= insertionSortMax {
		insertionSort(es, i)
		return
	}
	if ascending(es, i) < len(es) {
		slices.SortFunc(es, compareEntries)
		return
	}
	*scratch = append((*scratch)[:0], es[:i]...)
	mergeInto(es, *scratch, es[i:])
	clear(*scratch) // it keeps no timer alive
}

// ascending is the end of the ascending run of es that starts at i.
func ascending(es []entry, i int) int {
	for i++; i < len(es) && !es[i].before(&es[i-1]); i++ {
	}
	return min(i, len(es))
}

// insertionSort sorts es, whose first sorted entries are already in
// order.
func insertionSort(es []entry, sorted int) {
	for i := sorted; i < len(es); i++ {
		e := es[i]
		j := i
		for ; j > 0 && e.before(&es[j-1]); j-- {
			es[j] = es[j-1]
		}
		es[j] = e
	}
}

// insertionSortMax is the most entries sortSlot sorts by insertion
// (pdqsort itself does below 12).
const insertionSortMax = 12

// mergeInto merges the sorted runs a and b into dst, which b ends: dst
// is len(a)+len(b) long, and a is a copy of its start. Each write is
// behind the next entry of b it may still read.
func mergeInto(dst, a, b []entry) {
	k, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		if b[j].before(&a[i]) {
			dst[k] = b[j]
			j++
		} else {
			dst[k] = a[i]
			i++
		}
		k++
	}
	copy(dst[k:], a[i:]) // what is left of b is in place already
}

// releaseFrom clears the chunks from k on (their timers are no longer
// theirs to keep alive) and puts them on the free list.
func (q *queue) releaseFrom(k *chunk) {
	for k != nil {
		next := k.next
		clear(k.es[:k.n])
		k.n, k.next, q.free = 0, q.free, k
		k = next
	}
}

// keepLiveIn drops c's stale entries, keeping the order of the others,
// frees the chunks that are left empty, and returns how many it dropped.
func (q *queue) keepLiveIn(c *chain) int {
	dropped := 0
	w, wn := c.head, 0 // the chunk written to, and the entries kept in it so far
	for k := c.head; k != nil; k = k.next {
		for _, e := range k.es[:k.n] {
			if !q.live(&e) {
				dropped++
				continue
			}
			if wn == chunkLen {
				w.n, w, wn = chunkLen, w.next, 0
			}
			w.es[wn] = e
			wn++
		}
	}
	if wn == 0 { // nothing live (w is still the head)
		q.releaseFrom(c.head)
		*c = chain{}
		return dropped
	}
	// w is the last chunk kept: clear what it held beyond wn, free the rest.
	rest := w.next
	clear(w.es[wn:w.n])
	w.n, w.next, c.tail = wn, nil, w
	q.releaseFrom(rest)
	return dropped
}

// keepLive filters the live entries of es in place. It tests them one
// after the other with no branch on what it finds (an entry is copied
// whether or not it is kept), so that the processor issues the loads of
// many timers at once: with 100,000 connections each is a cache miss,
// and a slot's stale entries (the timers stopped or re-armed since) are
// nearly as many as its live ones (bench-pingpong: three for every four).
//
// The entry is tested where it lies and then copied (n ≤ i: the copy
// never overwrites one not yet tested), rather than copied into a local
// first, whose address liveIn would take: that local lived on the stack,
// three stores and a load back for every entry. The entries left behind
// are cleared one by one: a slot drops few (bench-pingpong at 1,000
// connections: 1.5 on average), where clear's call (memclrHasPointers
// and its write barrier's bulk pass) cost about 60 instructions.
func (q *queue) keepLive(es []entry) []entry {
	n := 0
	floor, stale := q.floor, &q.stale
	for i := range es {
		live := liveIn(&es[i], floor, stale)
		es[n] = es[i]
		n += b2i(live) // with no branch on what it finds: b2i compiles to a SETcc
	}
	for i := n; i < len(es); i++ {
		es[i] = entry{} // it keeps no timer alive
	}
	return es[:n]
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
