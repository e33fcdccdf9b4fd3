//go:build !amd64

package netsim

// prefetch does nothing on other architectures (prefetch_amd64.s).
func prefetch(any, int) {}
