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
// It asks for each entry's timer, then follows what the timer belongs
// to:
//   - a connection's own timer (a delayed ACK, a retransmission): the
//     connection's hot lines, then what they point to — its buffers, its
//     segments in flight, what its application's notice calls (the
//     state of OnNoticeTo's receiver, or OnNotice's closure);
//   - an application's timer: its function's closure (a Firer's,
//     SetTimerTo, is the application's state itself, which its hint
//     names), and the connection it works on if it said so
//     (Timer.Visits), what that points to, and the application's side of
//     it: the state the application named (Conn.SetHint, hint.go) and,
//     while some process is frozen or dead, its process (which only
//     then is read);
//   - a packet's arrival: the packet, the connection its sender last
//     heard from (which the receiving host takes without a lookup,
//     Host.connFor; for a bare ACK, only the lines it touches) and what
//     that one points to, the application's side of it when the packet
//     carries data (what its notice reads: the lines of the hint
//     Hint.Notice leaves it, and the process), the sender's count of
//     packets alive (dataOut, which the packet's release lowers), and the
//     first line of its payload (the receiver copies it).
//
// Each step needs a pointer that the step before it asked for, so an
// entry's steps are taken prefetchDistance entries apart: step 0 (the
// timer) for the entry 5 × prefetchDistance places behind the one handed
// out, step 4 for the one prefetchDistance places behind it; by the time
// a step loads a pointer, the line holding it has come in. One assembly
// function, prefetchSteps, takes the five steps of a hand-out in one
// call, and tells what a timer belongs to by its owner's type word. The
// steps run on from one slot into the next without a break: the next
// slot joins the current one while as many entries are left as the steps
// reach ahead (queue.joinNext).

// prefetchDistance is how many entries apart an entry's steps are taken.
// An entry's work at 100,000 connections (a few hundred ns) is longer than
// a miss (about 100 ns), so two are ahead enough.
const prefetchDistance = 2

// prefetchReach is how far ahead of the entry handed out the steps reach:
// step 0's.
const prefetchReach = 5 * prefetchDistance

// connHotLines is how many cache lines a Conn's hot part spans, the
// allocator's header included (TestConnHotLines holds the layout to it).
const connHotLines = 7

// connPrefetchLines is how many lines of a Conn are asked for: its hot
// part. A Conn's size class is a whole number of lines, so it starts
// mallocHeader bytes into one, and the line of c+64i is its slot's i-th.
const connPrefetchLines = connHotLines

// connAckLines is how many lines of a Conn are asked for ahead of a bare
// ACK (a packet with no payload): the lines its arrival touches, up to and
// with the retransmission timer, which a new acknowledgment stops
// (onAckAdvance); the last hot line, which only data touches, is left out
// (tcp_conn.go, TestConnHotLines).
const connAckLines = connHotLines - 1

// connFirstLines is how many lines of a Conn's hot part are asked for
// first, two steps before the rest (prefetch_amd64.s): those that hold
// the pointers the step after reads, its buffers, segments in flight,
// notice and hint (TestConnFirstLinesHoldThePointers).
const connFirstLines = 4

// packetPrefetchLines covers a Packet up to its from and to fields, its
// last: a Packet falls in Go's 192-byte size class, whose objects start on
// a line, so its 192 bytes lie on 3 lines (TestPrefetchCoversPacket).
const packetPrefetchLines = 3

// prefetch_amd64.s asks for a connection's hot part and a bare ACK's
// lines, in halves of which the first is 4 lines, and a packet's, one by
// one, 7, 6 and 3 of them: this fails to compile if the counts are
// others.
const (
	_, _ = uint(connPrefetchLines - 7), uint(7 - connPrefetchLines)
	_, _ = uint(connAckLines - 6), uint(6 - connAckLines)
	_, _ = uint(connFirstLines - 4), uint(4 - connFirstLines)
	_, _ = uint(packetPrefetchLines - 3), uint(3 - packetPrefetchLines)
)

// prefetchMin is the fewest entries a slot holds for the queue to
// prefetch for it: a slot of a small run holds one or two, whose state is
// in the caches already.
const prefetchMin = 8

// prefetchStart takes, for the first entries of a slot that has just come
// up, the steps that later entries get from prefetchAhead as the entries
// before them are handed out: those that prefetchAhead would have taken
// had the slot begun prefetchReach entries earlier.
func (q *queue) prefetchStart() {
	for at := -prefetchReach; at <= 0; at++ {
		prefetchSteps(q.now, at)
	}
}

// prefetchAhead takes, now that the entries before q.at are out, step k
// (from 0) for the entry (5 − k) × prefetchDistance places behind q.at
// (prefetchSteps), and a step of the next slot's walk; when the entries
// left are as many as the steps reach ahead, the next slot joins first
// (queue.joinNext).
func (q *queue) prefetchAhead() {
	if q.at >= q.joinAt {
		q.joinNext()
	}
	if q.walk != nil {
		q.walkNextSlot()
	}
	prefetchSteps(q.now, q.at)
}

// prefetchNextSlot starts the walk of the next ring slot that holds
// entries (walkNextSlot takes it a chunk at a time): when that slot comes
// up (joinNext), takeLive finds its chunks in the caches. (Its entries'
// timers are step 0's, once they are in now: one or two lines an entry
// handed out, where the walk asked for a chunk's at once.)
func (q *queue) prefetchNextSlot() {
	q.walk = nil
	n, ok := q.cur+1, q.usedSlot(q.cur+1) // nearly always, in a big run
	if !ok {
		n, ok = q.nextUsed()
	}
	if ok {
		q.walk, q.walked = q.ring[n&slotMask].head, n
		prefetchChunk(q.walk)
	}
}

// walkNextSlot takes a step of the walk prefetchNextSlot started: it asks
// for the chunk after the one asked for at the step before, whose next
// has come in since.
func (q *queue) walkNextSlot() {
	q.walk = q.walk.next
	prefetchChunk(q.walk)
}
