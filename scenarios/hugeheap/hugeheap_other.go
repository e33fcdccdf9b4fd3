//go:build !linux

package hugeheap

// advise does nothing: transparent huge pages, and the advice that asks for
// them, are Linux's.
func advise() {}
