package netsim

// The prefetches (prefetch_amd64.s): PREFETCHT0 of lines consecutive
// cache lines from the start of the value (a slice's array, a function's
// closure). A prefetch never faults, not even for nil, and changes nothing
// but the caches.

//go:noescape
func prefetchConn(c *Conn, lines int)

//go:noescape
func prefetchPacket(p *Packet, lines int)

//go:noescape
func prefetchFlight(f *inFlight, lines int)

//go:noescape
func prefetchWord(p *uint32, lines int)

//go:noescape
func prefetchFunc(fn func(), lines int)

//go:noescape
func prefetchNotice(fn func(Notice), lines int)

//go:noescape
func prefetchBytes(b []byte, lines int)

//go:noescape
func prefetchSent(s []sentSeg, lines int)

//go:noescape
func prefetchTimer(t *Timer, lines int)

//go:noescape
func prefetchChunk(k *chunk, lines int)
