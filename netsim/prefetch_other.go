//go:build !amd64

package netsim

// The prefetches do nothing on other architectures (prefetch_amd64.s).

func prefetchConn(*Conn)            {}
func prefetchSide(*Conn)            {}
func prefetchSend(*Conn)            {}
func prefetchApp(*Conn, bool)       {}
func prefetchNotice(*Conn, bool)    {}
func prefetchArrival(*Packet)       {}
func prefetchFunc(func())           {}
func prefetchFlight(*inFlight)      {}
func prefetchPacket(*Packet)        {}
func prefetchReceiver(*Packet)      {}
func prefetchChunk(*chunk)          {}
func prefetchTimers(*chunk, *queue) {}
