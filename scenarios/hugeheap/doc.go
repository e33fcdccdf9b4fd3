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
// # What it gains
//
// Measured on a 2-core AMD EPYC virtual machine (KVM), alternating runs
// with and without (GODEBUG=disablethp=1); docs/performance.md, "Huge
// pages", has every run. While a run of 100,000 clients runs, 385 MB of
// its 424 MB are in huge pages. BenchmarkNetsimHeartbeats, which leaves
// its setup and so the collapse out, went from 6.6–7.3 to 7.4–8.0 M
// events per CPU-second at 10k connections (+10 %) and from 7.4–8.1 to
// 7.5–8.7 M at 100k (+6 %); `socklab run bench-pingpong` with 10,000
// clients for an hour took 4 % less CPU time (22.0–23.6 s user without,
// 20.7–24.0 s with). With 100,000 clients the command saves about as much user time as
// the collapse costs in system time on that machine (0.6–0.8 s for 154
// huge pages, 4–5 ms each: fresh 2 MB of a virtual machine's memory is
// dear; a huge page collapsed from memory the machine used a moment
// before took 0.4 ms).
//
// # Limits
//
// A heap below 16 MB is left alone: the TLB nearly covers it in small
// pages. GODEBUG=disablethp=1, Go's own switch to keep the heap off huge
// pages, turns Advise off. An error (an older kernel, THP built out or set
// to `never`, no free huge page) leaves the memory as it was and the
// program runs on. The simulation does not depend on it: the core (netsim,
// lab) does not import this package, and the event stream is the same with
// or without huge pages; socklab run and sweep call it, and the benchmarks,
// so that they measure what the program does. It lives with scenarios,
// beside the headless runs and sweeps it serves, rather than under
// netsim: it reads /proc, calls the kernel and keeps a goroutine on the
// wall clock, none of which the physics may (TestCoreIsPure).
package hugeheap
