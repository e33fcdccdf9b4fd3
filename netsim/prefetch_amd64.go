package netsim

// prefetch asks for lines consecutive cache lines from where v points
// (prefetch_amd64.s): v is pointer-shaped — a pointer or a func, whose
// closure it names — so that its interface's data word is that address,
// and making the interface allocates nothing. A prefetch never faults,
// not even for nil, and changes nothing but the caches.
//
//go:noescape
func prefetch(v any, lines int)
