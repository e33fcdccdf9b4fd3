// Package netsim is socklab's physics: a deterministic, in-process network
// of hosts, links and middleboxes, with a TCP and a UDP stack that behave
// like Linux's (and, by profile, like Windows' and macOS's).
//
// # Determinism
//
// Time is virtual. A Sim owns "now" and an event queue of Timers ordered by
// (deadline, sequence number); running the queue jumps from one deadline to
// the next, so two idle hours cost a few steps. Every random draw (initial
// sequence numbers, ephemeral ports, loss, jitter) comes from the one
// generator seeded by New. Nothing here starts a goroutine, reads the wall
// clock or does I/O; a test (TestCoreIsPure) enforces it. The same setup,
// seed and inputs give the same event stream, byte for byte.
//
// # Use
//
//	s := netsim.New(seed)
//	s.Observe(func(e netsim.Event) { fmt.Println(netsim.Format(e)) })
//	srv, _ := s.AddHost("server", netip.MustParseAddr("10.0.0.1"), netsim.Linux())
//	cli, _ := s.AddHost("client", netip.MustParseAddr("10.0.0.2"), netsim.Linux())
//	s.AddLink("client", "server", netsim.LinkConfig{Latency: time.Millisecond})
//	p, _ := srv.NewProcess("server")
//	l, _ := p.Listen(8080, 128, netsim.SockOpts{})
//	l.OnAcceptable(func() { c := l.Accept(); ... })
//	q, _ := cli.NewProcess("client")
//	s.Do(func() { c, _ := q.Dial(l.Addr(), netsim.SockOpts{KeepAlive: true}) })
//	s.RunUntil(2 * time.Hour)
//
// Applications (the lab package's models) live in Processes. They call the
// socket methods of Conn, Listener and UDPConn, and hear back through
// notices that run after the step that caused them, never from inside the
// stack. A frozen process hears nothing and its timers hold until it thaws;
// a dead one hears nothing again.
//
// Live inputs (faults, parameter changes) enter through Sim.Do so that the
// notices they cause are delivered like any other step's.
//
// A Peer (AddPeer) is an end without a stack: it sends the packets it is
// handed as they are and hands over every packet that reaches it. It is
// the remote end of a packetdrill script (scenarios/drill), which injects
// segments and checks what the host under test sends; Conn.Info answers
// the script's tcp_info questions.
//
// # The TCP model
//
// A Conn follows the RFC 9293 state machine:
//
//	CLOSED → SYN_SENT → ESTABLISHED → FIN_WAIT_1 → FIN_WAIT_2 → TIME_WAIT → CLOSED
//	LISTEN → SYN_RECEIVED → ESTABLISHED → CLOSE_WAIT → LAST_ACK → CLOSED
//	FIN_WAIT_1 → CLOSING → TIME_WAIT (simultaneous close)
//
// with Linux's timers and rules, each cited where it is implemented: the
// kernel's RTT estimator (tcp_rtt_estimator; RFC 6298 for the other
// profiles), doubling backoff, a tail loss probe before the first RTO
// retransmission, tcp_retries2 as a time bound, linear then exponential
// SYN timeouts, keepalive idle/interval/count with a RST at the end,
// TCP_USER_TIMEOUT, the accept-queue limit, the quick-ACK and ping-pong
// delayed-ACK engine, RST instead of FIN on a close with unread data, RFC
// 5961 RST checks, PSH kept on every retransmitted copy.
//
// # The timer wheel
//
// A Linux host's TCP timers are jiffy timers on the kernel's timer wheel
// (timer_wheel.go): a timeout in whole jiffies goes to the wheel level its
// length selects and fires at the next tick of that level's granularity
// after it expires, counted in absolute jiffies (calc_wheel_index) — up to
// 4 ms late below 252 ms, 32 ms below 2 s, 256 ms below 16 s, 2 s below
// 129 s, 131 s for a 2-hour keepalive. The jiffy counter's phase at the
// start of a run is drawn from the seed. Profile.Timers = TimersExact shows
// the bare rule. Application timers are never on the wheel.
//
// Where the model simplifies, the code says so. The main simplifications:
// TCP options on the wire as Linux writes them (tcp_options.go), but no
// SACK-based recovery, no PAWS and no receive window beyond 64 KiB (RTT
// samples are taken as timestamps would give them); Reno/NewReno congestion control rather
// than CUBIC/BBR; no TCP_CORK; no SYN cookies; no ICMP (so no EHOSTUNREACH
// and no port-unreachable for UDP); one CPU's timer wheel.
// docs/netsim.md lists them all.
//
// # Events
//
// Everything that happens is an Event with a kind (CONTRACT.md), one
// deterministic text line (Format) and a JSON object (AppendJSON):
// SegmentEvent (sent, delivered, dropped with a reason), StateEvent,
// SocketErrorEvent, FaultEvent, TimerEvent (when TraceTimers is on) and
// FlowEvent. Models above emit their own through Sim.Emit.
//
// # Observers and what an event costs
//
// An event that nobody observes is never built: with no observer, a run
// allocates nothing per event. An observer is registered in one of two
// ways, and the difference is who owns the event:
//
//   - Observe(fn): fn is given each event and may keep it (the interface's
//     feed, a test collecting the stream). While any such observer is
//     registered, every event is a value of its own.
//   - ObserveTransient(fn): fn is lent each event, valid only until it
//     returns; the next event may be built in the same place. fn counts,
//     filters, prints or encodes (the headless runner, the benchmarks); to
//     keep one it copies the value. While every observer is transient, the
//     frequent events (segments, state changes, timers) are built in place
//     and cost no allocation. EventsOnLoan tells models above whether they
//     may do the same with theirs; KeepEvents lets a façade that fans events
//     out to observers of its own say that one of them keeps events.
//
// Either way the stream is the same, event for event and byte for byte.
//
// An observer that needs only some kinds of event as values says so with
// ObserveKinds(kinds, fn): fn is lent exactly the events of those kinds
// that an observer of every kind is lent, in the same order, and every
// event of the models above. An event of a kind that no observer asks for
// is not built at all; netsim counts it where it would have built it, and
// Counted tells how many of each kind there were, built or not. A segment
// event is of one of three kinds by its fate (KindSegmentSent,
// KindSegmentDelivered, KindSegmentDropped): a runner whose totals count
// segments and whose judges look only at drops asks for the drops and
// counts the rest (in bench-pingpong, six events of each round trip that
// were built only to be counted).
//
// # Cost at scale
//
// No step of an event searches anything that grows with the number of
// connections: the event queue is a timing wheel (queue.go), so arming a
// timer is an append, and only the entries of the current 262 µs are
// sorted (about 150 with 100,000 clients pinging every second), or sifted
// in a small heap; a stopped or re-armed timer
// leaves a stale entry behind instead of being searched for; and the
// packets, their trips on the wires and the lent events are recycled.
//
// What does grow is memory traffic: with 100,000 connections each event
// visits state that has left the processor's caches since that
// connection's last event (README, Performance). The layout keeps the
// visits few:
//
//   - a connection's four timers and a packet's flight are fields of their
//     owner, fired through it with no closure in between (Timer's owner);
//     an application's timer may be a field of its state too, fired
//     through a method (SetTimerTo, a Firer), and a connection may tell
//     its application through one (OnNoticeTo, a Noticer): an
//     interface's data word is the application's state itself, where a
//     closure is an object of its own, a cache line more; a process
//     decides whether its timers run only while some process is frozen
//     or dead;
//   - an arriving segment carries the connection that sent it and the one
//     its sender last heard from, and the receiving host takes that one
//     when its table still holds it for the segment's addresses
//     (Host.connFor), so the table itself, a cache miss or two at this
//     size, is looked up only when a connection is new or has changed;
//   - the wheel's slots keep their entries in chunks from one free list,
//     so the queue holds room for the entries it holds now: a slot's own
//     list would keep the room of the most it ever held, and Linux's timer
//     wheel puts a whole tick's TCP timers in one slot, a different one on
//     each turn;
//   - a slot's stale entries (timers stopped or re-armed since: three for
//     every four steps of bench-pingpong) are dropped as the slot comes
//     up, in one pass with no branch on what it loads, so their timers'
//     cache misses overlap instead of coming one at a time at the top of
//     the heap;
//   - a connection end fits Go's 896-byte size class, the allocator's
//     8-byte header included, and the fields a segment of the steady
//     state touches (sending, receiving, acknowledging, re-arming its
//     retransmission timer) come first, in 7 cache lines; the
//     handshake's, the close's, the inspector's, what only loss, a FIN
//     or a bounded send queue reads, and the delayed-ACK, keepalive and
//     TIME_WAIT timers come after them, and a long run's steady state
//     leaves those 7 lines alone (layout_internal_test.go holds both
//     bounds). The hot part holds the connection's addresses as the one
//     word its host's table files it under (connKey), its sizes and
//     counts in 32 bits, as tcp_sock's are, and, for what the steady
//     state would find nil, empty or zero (its process, the out-of-order
//     queue, the counts of retransmissions and probes), a flag in place
//     of the field; its retransmission timer is 1 of its 7 lines, the
//     last of the 6 a bare ACK touches (the 7th holds what only data
//     touches, and is not asked for ahead of one). A
//     delayed ACK that the application's answer takes in the same step
//     is armed and cancelled with a flag of the hot part and an entry of
//     a short list (Sim.armLater), never touching its timer nor
//     computing its deadline;
//   - an ACK of the whole send queue lets the next write reuse its memory
//     when no packet alive carries its bytes and no observer keeps
//     events, so a request and its answer allocate nothing
//     (TestPingPongAllocatesNothing).
//
// And the misses that remain overlap rather than come one at a time: the
// current slot is sorted, so the queue knows which entries come next, and
// as it hands one out it asks the memory, with the processor's prefetch
// instruction, for everything the entries a few places behind will visit
// — each timer's connection and what it points to, each arriving packet
// and the connection it is for, the closure of an application's timer
// (a Firer's state is its Hint's) and the connection it said it works on
// (Timer.Visits), what a connection's notice calls, and the
// application's side of a connection — the state the application named
// with a Hint (Conn.SetHint: a client's fields, its heartbeat, their
// timers), and its process while some process is frozen or dead — before
// a timer that works on it or a segment with data for it; as a slot is
// handed out it walks the next one's chunks, and the next slot joins it
// while a few of its entries are left, so that the prefetches run on
// across the boundary (prefetch.go, queue.joinNext). They are spread
// out: each entry's timer, then the first half of a connection's hot
// lines, then the rest, a few lines at a time, never a connection's
// seven at once. A prefetch changes nothing but the caches; on other
// processors than amd64 it is left out.
//
// And each segment costs few instructions. One of the steady state — an
// ESTABLISHED connection's, in order, with an ACK and no SYN or RST —
// takes the kernel's header-prediction path (tcp_rcv_established): the
// checks it is known to pass are left out (Conn.predicted). What a segment
// usually does not need is decided by a test the compiler inlines before
// the call it saves: output with nothing unsent, the receive window for a
// segment that starts at RCV.NXT (in the window whatever the window), a
// loss draw on a link without loss, the building of an event nobody asks
// for (countSegment), a timer's cancelling when it is not armed. A host
// sends on the route it last took without looking it up.
package netsim
