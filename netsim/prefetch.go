package netsim

// Memory-level parallelism. With 100,000 connections, the state an event
// visits has left the processor's caches since that connection's last
// event: each of its cache lines is a miss of its own, and the misses of
// one event come one after the other, each waiting for the load before it.
// The queue knows, though, which entries come next: the current slot's,
// sorted (queue.go). As it hands one out, it asks the memory for what the
// entries a few places behind it will visit, with the processor's
// prefetch instruction (prefetch_amd64.s), which waits for nothing and
// changes nothing a program can see: those misses overlap with the work of
// the entries before them, and an entry finds its state in the caches.
//
// It follows what each entry's timer belongs to:
//   - a connection's own timer (a delayed ACK, a retransmission): the
//     connection's hot lines, then what they point to — its buffers, its
//     segments in flight, its application's notice function;
//   - an application's timer: its function's closure, and the connection
//     it works on if it said so (Timer.Visits), and what that points to;
//   - a packet's arrival: the packet, the connection its sender last
//     heard from (which the receiving host takes without a lookup,
//     Host.connFor) and what that one points to, and the sender's count
//     of packets alive (dataOut, which the packet's release lowers).
//
// Each step needs a pointer that the step before it asked for, so an
// entry's steps are taken prefetchDistance entries apart: step 1 for the
// entry 4 × prefetchDistance places behind the one handed out, step 4 for
// the one prefetchDistance places behind it; by the time a step loads a
// pointer, the line holding it has come in.

// prefetchDistance is how many entries apart an entry's steps are taken.
// An entry's work at 100,000 connections (a few hundred ns) is longer than
// a miss (about 100 ns), so two are ahead enough.
const prefetchDistance = 2

// prefetchSteps are the steps of an entry's prefetch, in order.
var prefetchSteps = [...]func(e *entry){prefetchOwner, prefetchPointees, prefetchReceiver, prefetchReceiverPointees}

// connHotLines is how many cache lines a Conn's hot part spans, the
// allocator's header included (TestConnHotLines holds the layout to it).
const connHotLines = 9

// connPrefetchLines is how many lines of a Conn are asked for: its hot
// part. A Conn's size class is a whole number of lines, so it starts
// mallocHeader bytes into one, and the line of c+64i is its slot's i-th.
const connPrefetchLines = connHotLines

// packetPrefetchLines covers a Packet up to its from and to fields, wherever
// in a line it starts (TestPrefetchCoversPacket).
const packetPrefetchLines = 6

// prefetchMin is the fewest entries a slot holds for the queue to
// prefetch for it: a slot of a small run holds one or two, whose state is
// in the caches already.
const prefetchMin = 8

// prefetchStart takes, for the first entries of a slot that has just come
// up, the steps that later entries get from prefetchAhead as the entries
// before them are handed out.
func (q *queue) prefetchStart() {
	for k, step := range prefetchSteps {
		last := min((len(prefetchSteps)-k)*prefetchDistance, len(q.now)-1)
		for j := 0; j <= last; j++ {
			step(&q.now[j])
		}
	}
}

// prefetchAhead takes, now that the entries before q.at are out, step k
// for the entry (4 − k) × prefetchDistance places behind q.at, and a step
// of the next slot's walk.
func (q *queue) prefetchAhead() {
	if q.walk != nil {
		q.walkNextSlot()
	}
	for k, step := range prefetchSteps {
		if j := q.at + (len(prefetchSteps)-k)*prefetchDistance; j < len(q.now) {
			step(&q.now[j])
		}
	}
}

// prefetchOwner is step 1: what the timer belongs to.
func prefetchOwner(e *entry) {
	t := e.t
	prefetch(t.visits, connPrefetchLines)
	switch o := t.owner.(type) {
	case *Conn:
		prefetch(o, connPrefetchLines)
	case *inFlight:
		prefetch(o, 2)
	default:
		prefetch(t.fn, 1)
	}
}

// prefetchPointees is step 2: what the connection points to, or the
// packet on the wire.
func prefetchPointees(e *entry) {
	t := e.t
	t.visits.prefetchSide()
	switch o := t.owner.(type) {
	case *Conn:
		o.prefetchSide()
	case *inFlight:
		prefetch(o.p, packetPrefetchLines)
	}
}

// prefetchReceiver is step 3: the connection an arriving packet is for,
// and its sender's count of packets alive.
func prefetchReceiver(e *entry) {
	if f, ok := e.t.owner.(*inFlight); ok && f.p != nil {
		prefetch(f.p.to, connPrefetchLines)
		if f.p.from != nil {
			prefetch(&f.p.from.dataOut, 1)
		}
	}
}

// prefetchReceiverPointees is step 4: what that connection points to.
func prefetchReceiverPointees(e *entry) {
	if f, ok := e.t.owner.(*inFlight); ok && f.p != nil {
		f.p.to.prefetchSide()
	}
}

// prefetchSide asks for what c's hot lines point to and a segment visits:
// the first line of each buffer and of the segments in flight, and the
// application's notice function. A nil c asks for nothing.
func (c *Conn) prefetchSide() {
	if c == nil {
		return
	}
	if cap(c.sndBuf) > 0 {
		prefetch(&c.sndBuf[:1][0], 1)
	}
	if cap(c.rcvBuf) > 0 {
		prefetch(&c.rcvBuf[:1][0], 1)
	}
	if cap(c.sent) > 0 {
		prefetch(&c.sent[:1][0], 1)
	}
	prefetch(c.notice, 1)
}

// prefetchNextSlot starts the walk of the next ring slot that holds
// entries (walkNextSlot takes it a chunk at a time): when that slot comes
// up, its chunks are in the caches, and so are the timers keepLive tests.
func (q *queue) prefetchNextSlot() {
	q.walk = nil
	if n, ok := q.nextUsed(); ok {
		q.walk = q.ring[n&slotMask].head
		prefetch(q.walk, chunkLines)
	}
}

// walkNextSlot takes a step of the walk prefetchNextSlot started: it asks
// for the timers of the chunk asked for at the step before, which has come
// in since, and for the chunk after it.
func (q *queue) walkNextSlot() {
	k := q.walk
	for i := range k.es[:k.n] {
		prefetch(k.es[i].t, 1)
	}
	q.walk = k.next
	prefetch(q.walk, chunkLines)
}

// chunkLines is a chunk's cache lines (512 bytes).
const chunkLines = 8
