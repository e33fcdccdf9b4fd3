package netsim

// Memory-level parallelism. With 100,000 connections, the state an event
// visits has left the processor's caches since that connection's last
// event: each of its cache lines is a miss of its own, and the misses of
// one event come one after the other, each waiting for the load before it.
// The queue knows, though, which state its next entries will visit: when
// a ring slot comes up, its entries are the events of the next 262 µs (at
// 100,000 connections, about a hundred of them). prefetchSlot asks the
// memory for their lines all at once, with the processor's prefetch
// instruction (prefetch_amd64.s), which waits for nothing and changes
// nothing a program can see: the misses overlap, and an event finds its
// state on its way in, or there already.
//
// It follows what each entry's timer belongs to:
//   - a connection's own timer (a delayed ACK, a retransmission): the
//     connection's hot lines, then what they point to — its buffers, its
//     segments in flight, its application's notice function;
//   - an application's timer: its function's closure, and the connection
//     it works on if it said so (Timer.Visits);
//   - a packet's arrival: the packet, the connection its sender last
//     heard from (which the receiving host takes without a lookup,
//     Host.connFor) and what that one points to, and the sender's count
//     of packets alive (dataOut, which the packet's release lowers).
//
// Each step needs a pointer the step before it asked for, so the slot is
// walked once per step: a walk's loads find the lines the walk before it
// asked for, arrived or on their way.

// connPrefetchLines is how many lines of a Conn are asked for: its hot part
// (TestConnHotLines), starting mallocHeader bytes into a line, so one more.
const connPrefetchLines = 13

// packetPrefetchLines covers a Packet up to its from and to fields.
const packetPrefetchLines = 5

// prefetchMin is the fewest entries a slot holds for prefetchSlot to look
// at them: a slot of a small run holds one or two, whose state is in the
// caches already.
const prefetchMin = 8

// prefetchSlot asks for the memory the entries es, a slot that just came
// up, will visit. It changes nothing but the caches.
func prefetchSlot(es []entry) {
	if len(es) < prefetchMin {
		return
	}
	for i := range es {
		t := es[i].t
		prefetchConn(t.visits, connPrefetchLines)
		switch o := t.owner.(type) {
		case *Conn:
			prefetchConn(o, connPrefetchLines)
		case *inFlight:
			prefetchFlight(o, 2)
		default:
			prefetchFunc(t.fn, 1)
		}
	}
	for i := range es {
		t := es[i].t
		t.visits.prefetchSide()
		switch o := t.owner.(type) {
		case *Conn:
			o.prefetchSide()
		case *inFlight:
			prefetchPacket(o.p, packetPrefetchLines)
		}
	}
	for i := range es {
		if f, ok := es[i].t.owner.(*inFlight); ok && f.p != nil {
			prefetchConn(f.p.to, connPrefetchLines)
			if f.p.from != nil {
				prefetchWord(&f.p.from.dataOut, 1)
			}
		}
	}
	for i := range es {
		if f, ok := es[i].t.owner.(*inFlight); ok && f.p != nil {
			f.p.to.prefetchSide()
		}
	}
}

// prefetchSide asks for what c's hot lines point to and a segment visits:
// the first line of each buffer and of the segments in flight, and the
// application's notice function. A nil c asks for nothing.
func (c *Conn) prefetchSide() {
	if c == nil {
		return
	}
	prefetchBytes(c.sndBuf, 1)
	prefetchBytes(c.rcvBuf, 1)
	prefetchSent(c.sent, 1)
	prefetchNotice(c.notice, 1)
}

// prefetchNextSlot walks the chain of the next ring slot that holds
// entries, and asks for the timer of each entry: when that slot comes up,
// its chunks are in the caches (the walk loaded them) and so are the
// timers that keepLive tests and prefetchSlot follows. The walk's own
// loads wait for the memory, a few chunks one after the other; the timers
// it asks for do not.
func (q *queue) prefetchNextSlot() {
	n, ok := q.nextUsed()
	if !ok {
		return
	}
	for k := q.ring[n&slotMask].head; k != nil; k = k.next {
		for i := range k.es[:k.n] {
			prefetchTimer(k.es[i].t, 1)
		}
	}
}
