package hugeheap

import (
	"bytes"
	"cmp"
	"os"
	"reflect"
	"slices"
	"strconv"

	"golang.org/x/sys/unix"
)

// minHeap is the smallest heap Advise asks huge pages for: below it, the
// translations of the heap's 4 KB pages nearly fit the processor's
// second-level TLB (2,048 entries, 8 MB, on an AMD Zen 3, AMD's Software
// Optimization Guide for family 19h; 1,536 on an Intel Skylake, Intel's
// Optimization Reference Manual), and a huge page would gain nothing worth
// its copy. Small runs (a lesson, a test) stay as Go leaves them.
const minHeap = 16 << 20

// advised is the heap memory advised so far: sorted, disjoint, not
// adjacent ranges.
var advised []span

// span is the memory from start to end, end excluded.
type span struct{ start, end uintptr }

// advise advises the heap's mappings, or their parts, that no earlier call
// advised. The heap is found from a fresh heap object (heapSpans), and a
// mapping's new memory is
//
//   - advised MADV_HUGEPAGE (Linux 2.6.38): a page fault in it from now on
//     maps a whole huge page, when the 2 MB around it is still unmapped,
//     and khugepaged may collapse the rest in the background (slowly: 4,096
//     small pages, 16 MB, every 10 s by default: khugepaged_pages_to_scan
//     and khugepaged_scan_sleep_millisecs in mm/khugepaged.c);
//   - collapsed, MADV_COLLAPSE (Linux 6.1): every 2 MB already mapped by
//     4 KB pages is copied into a huge page now. The Go runtime maps the
//     heap and writes into it at once, so most of it is mapped by the time
//     anyone can advise it.
//
// Errors are ignored: on an older kernel, or one built without THP, or
// short of free huge pages, a call fails and the memory stays in 4 KB
// pages, which is where it was.
func advise() {
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return // no /proc: nothing to find the heap by
	}
	heap := heapSpans(parseMaps(maps), probe())
	size := uintptr(0)
	for _, s := range heap {
		size += s.end - s.start
	}
	if size < minHeap {
		return
	}
	for _, m := range heap {
		for _, s := range uncovered(advised, m) {
			unix.Syscall(unix.SYS_MADVISE, s.start, s.end-s.start, unix.MADV_HUGEPAGE)
			unix.Syscall(unix.SYS_MADVISE, s.start, s.end-s.start, unix.MADV_COLLAPSE)
			advised = cover(advised, s)
		}
	}
}

// sink makes probe's object escape to the heap.
var sink *[64]byte

// probe is the address of a fresh heap object.
func probe() uintptr {
	sink = new([64]byte)
	p := reflect.ValueOf(sink).Pointer()
	sink = nil
	return p
}

// mapping is a line of /proc/self/maps.
type mapping struct {
	span
	perms     string // "rw-p": readable, writable, private
	anonymous bool   // no file: inode 0, and no path or a name given by prctl
}

// parseMaps reads the lines of /proc/self/maps, leaving out any it cannot
// read.
func parseMaps(b []byte) []mapping {
	var ms []mapping
	for line := range bytes.Lines(b) {
		f := bytes.Fields(line) // address perms offset dev inode [path]
		if len(f) < 5 {
			continue
		}
		from, to, ok := bytes.Cut(f[0], []byte("-"))
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(string(from), 16, 64)
		end, err2 := strconv.ParseUint(string(to), 16, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		// A kernel built with CONFIG_ANON_VMA_NAME shows the names the
		// runtime gives its mappings ("[anon: Go: heap]", set_vma_name_linux.go).
		anonymous := string(f[4]) == "0" && (len(f) == 5 || bytes.HasPrefix(f[5], []byte("[anon:")))
		ms = append(ms, mapping{span{uintptr(start), uintptr(end)}, string(f[1]), anonymous})
	}
	return ms
}

// heapSpans is the Go heap's mapped memory, found from the address of a
// heap object in ms, the process's mappings in address order.
//
// The runtime reserves the heap's address space in arenas of 64 MB
// (anonymous, private, inaccessible: ---p), at an address of its choosing
// (random since Go 1.26) and the next ones after it as the heap grows, and
// maps it readable and writable (rw-p) 4 MB at a time as it needs it
// (mheap.grow in runtime/mheap.go; sysReserve, sysMap). The mapped part
// is one mapping while nobody advises it; a part advised differs from the
// part mapped after it, and the kernel keeps them apart until that is
// advised too. So the heap is the run of mappings around the one that
// holds the object, each beginning where the one before ends and
// anonymous, private, readable and writable or reserved; its memory is
// their rw-p ones. A heap that had to continue elsewhere (when the next
// addresses were taken, which the runtime calls rare) is found only in the
// part that holds the object.
func heapSpans(ms []mapping, addr uintptr) []span {
	at := slices.IndexFunc(ms, func(m mapping) bool { return m.start <= addr && addr < m.end })
	if at < 0 || !heapLike(ms[at]) {
		return nil
	}
	lo, hi := at, at
	for lo > 0 && ms[lo-1].end == ms[lo].start && heapLike(ms[lo-1]) {
		lo--
	}
	for hi+1 < len(ms) && ms[hi].end == ms[hi+1].start && heapLike(ms[hi+1]) {
		hi++
	}
	var out []span
	for _, m := range ms[lo : hi+1] {
		if m.perms == "rw-p" {
			out = append(out, m.span)
		}
	}
	return out
}

// heapLike reports whether m may be part of the heap: anonymous, private,
// and mapped or only reserved.
func heapLike(m mapping) bool { return m.anonymous && (m.perms == "rw-p" || m.perms == "---p") }

// uncovered is the parts of s that no span of set covers.
func uncovered(set []span, s span) []span {
	var out []span
	at := s.start
	for _, c := range set {
		if c.end <= at || c.start >= s.end {
			continue
		}
		if c.start > at {
			out = append(out, span{at, c.start})
		}
		at = max(at, c.end)
	}
	if at < s.end {
		out = append(out, span{at, s.end})
	}
	return out
}

// cover is set with s added, adjacent and overlapping spans joined.
func cover(set []span, s span) []span {
	out := make([]span, 0, len(set)+1)
	for _, c := range set {
		if c.end < s.start || c.start > s.end {
			out = append(out, c)
		} else {
			s = span{min(s.start, c.start), max(s.end, c.end)}
		}
	}
	out = append(out, s)
	slices.SortFunc(out, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	return out
}
