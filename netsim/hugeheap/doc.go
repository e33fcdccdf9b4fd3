// Package hugeheap asks Linux to back the Go heap by huge pages (2 MB on
// amd64, rather than 4 KB), for a program whose heap is large and touched
// at random: socklab's runs of 10,000 and 100,000 clients.
//
// # Why
//
// A run's heap is nearly all its state: 2.7 KB a connection, 27 MB for
// 10,000 clients and 270 MB for 100,000. Each event visits the state of
// one connection, then of another far from it; with 4 KB pages nearly each
// cache line it fetches lies in a page whose translation has left the
// TLB, and the processor walks the page tables for it (four levels, and in
// a virtual machine the host's too). A huge page is one TLB entry for
// 512 small pages, and its walk is one level shorter.
//
// Linux gives huge pages to anonymous memory by itself only in its `always`
// mode (/sys/kernel/mm/transparent_hugepage/enabled); in `madvise` mode,
// which Debian and others ship, only to memory advised MADV_HUGEPAGE. The
// Go runtime advises only some of its own metadata, never the heap
// (runtime/mem_linux.go), so in `madvise` mode a Go program's heap is in
// 4 KB pages unless it asks. Advise asks.
//
// # How
//
// The kernel does not tell which mappings are the heap, so Advise reads
// /proc/self/maps and takes the anonymous mappings around the address of
// a fresh heap object (heapSpans says the rule and why it holds). It
// advises what no earlier call advised, then collapses it (MADV_COLLAPSE):
// the runtime writes into the memory it maps at once, before anyone can
// advise it, and memory already in 4 KB pages becomes huge only by a copy,
// now or, far more slowly, by the kernel's khugepaged. The heap grows while
// a run sets up its connections; Follow calls Advise again as it does.
//
// A heap below 16 MB is left alone: the TLB nearly covers it in small
// pages. GODEBUG=disablethp=1, Go's own switch to keep the heap off huge
// pages, turns Advise off. An error (an older kernel, THP built out or set
// to `never`, no free huge page) leaves the memory as it was and the
// program runs on. The simulation does not depend on it: the core (netsim,
// lab) does not import this package, and the event stream is the same with
// or without huge pages; socklab run and sweep call it, and the benchmarks,
// so that they measure what the program does.
package hugeheap
