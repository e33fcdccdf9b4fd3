//go:build !amd64

package netsim

// The prefetches do nothing on other architectures (prefetch_amd64.s).

func prefetch(any, int)     {}
func prefetchConn(*Conn)    {}
func prefetchSide(*Conn)    {}
func prefetchTimers(*chunk) {}
