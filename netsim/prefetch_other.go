//go:build !amd64

package netsim

// The prefetches do nothing on other architectures (prefetch_amd64.s).

func prefetchSteps([]entry, int)    {}
func prefetchChunk(*chunk)          {}
func prefetchTimers(*chunk, *queue) {}
