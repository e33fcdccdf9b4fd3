//go:build !amd64

package netsim

// Other architectures have no prefetch here (prefetch_amd64.s): the calls
// do nothing, and prefetchSlot only loads what it follows.

func prefetchConn(*Conn, int)          {}
func prefetchPacket(*Packet, int)      {}
func prefetchFlight(*inFlight, int)    {}
func prefetchWord(*uint32, int)        {}
func prefetchFunc(func(), int)         {}
func prefetchNotice(func(Notice), int) {}
func prefetchBytes([]byte, int)        {}
func prefetchSent([]sentSeg, int)      {}
func prefetchTimer(*Timer, int)        {}
func prefetchChunk(*chunk, int)        {}
