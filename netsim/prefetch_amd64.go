package netsim

// The prefetches of prefetch.go (prefetch_amd64.s). A prefetch waits for
// nothing, never faults (not even for nil) and changes nothing but the
// caches.

// prefetchConn asks for c's hot part (connPrefetchLines lines).
//
//go:noescape
func prefetchConn(c *Conn)

// prefetchSide asks for the first line of what c's hot lines point to and
// a segment visits: its buffers, its segments in flight and what its
// application's notice calls (the state of OnNoticeTo's receiver, or
// OnNotice's closure).
//
//go:noescape
func prefetchSide(c *Conn)

// prefetchSend asks for the first line of c's send queue and of its
// segments in flight: what an application's timer that writes to c
// visits (Timer.Visits), which neither reads c's receive queue nor
// raises a notice.
//
//go:noescape
func prefetchSend(c *Conn)

// prefetchApp asks for the application's side of c: the lines its hint
// names (Conn.SetHint) and, if procs (some process of the run is frozen
// or dead, Sim.notRunning), the line of its process's state, which a
// notice and a process's timer read only then (Conn.deliver,
// Process.fire).
//
//go:noescape
func prefetchApp(c *Conn, procs bool)

// prefetchNotice is prefetchApp for a segment with data's arrival: of
// the hint's lines, only those the connection's notice reads
// (Hint.Notice).
//
//go:noescape
func prefetchNotice(c *Conn, procs bool)

// prefetchArrival asks for what the connection p is for points to and p's
// arrival visits: its segments in flight and, if p carries data, the
// first line of its receive queue and what its notice calls.
//
//go:noescape
func prefetchArrival(p *Packet)

// prefetchFunc asks for the first line of fn's closure.
//
//go:noescape
func prefetchFunc(fn func())

// prefetchFlight asks for f.
//
//go:noescape
func prefetchFlight(f *inFlight)

// prefetchPacket asks for p up to its from and to (packetPrefetchLines).
//
//go:noescape
func prefetchPacket(p *Packet)

// prefetchReceiver asks for the hot part of the connection p is for (of a
// bare ACK's, connAckLines lines) and, if p carries data, for the first
// line of its payload and its sender's count of packets alive.
//
//go:noescape
func prefetchReceiver(p *Packet)

// prefetchChunk asks for k.
//
//go:noescape
func prefetchChunk(k *chunk)

// prefetchTimers asks for the timers of k's live entries, as far as q's
// stale marks tell (stale.go), and for the next chunk.
//
//go:noescape
func prefetchTimers(k *chunk, q *queue)
