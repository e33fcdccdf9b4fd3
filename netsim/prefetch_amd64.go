package netsim

// prefetch asks for lines consecutive cache lines from where v points
// (prefetch_amd64.s): v is pointer-shaped — a pointer or a func, whose
// closure it names — so that its interface's data word is that address,
// and making the interface allocates nothing. A prefetch never faults,
// not even for nil, and changes nothing but the caches.
//
//go:noescape
func prefetch(v any, lines int)

// prefetchConn asks for c's hot part (connPrefetchLines lines).
//
//go:noescape
func prefetchConn(c *Conn)

// prefetchSide asks for the first line of what c's hot lines point to and
// a segment visits: its buffers, its segments in flight and its
// application's notice function.
//
//go:noescape
func prefetchSide(c *Conn)

// prefetchTimers asks for the timers of k's entries, and for the next
// chunk.
//
//go:noescape
func prefetchTimers(k *chunk)
