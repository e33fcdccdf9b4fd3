package hugeheap

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestAdviseBacksHeap checks on the kernel itself that Advise marks the
// heap's memory for huge pages: the mapping that holds a large allocation
// shows hg (VM_HUGEPAGE) in its VmFlags.
func TestAdviseBacksHeap(t *testing.T) {
	needTHP(t)
	if !Wanted(buildGODEBUG(), os.Getenv("GODEBUG")) {
		t.Skip("GODEBUG has disablethp=1")
	}
	big := make([]byte, 2*minHeap) // the heap grows beyond minHeap
	Advise()
	if flags := vmFlags(t, reflect.ValueOf(&big[0]).Pointer()); !slices.Contains(flags, "hg") {
		t.Errorf("after Advise, the heap mapping's VmFlags are %q, without hg", flags)
	}
	runtime.KeepAlive(big)
}

// TestAdviseHonoursDisablethp runs the test binary again with
// GODEBUG=disablethp=1, where the same check finds no hg.
func TestAdviseHonoursDisablethp(t *testing.T) {
	if os.Getenv("HUGEHEAP_CHILD") == "1" {
		big := make([]byte, 2*minHeap)
		Advise()
		if flags := vmFlags(t, reflect.ValueOf(&big[0]).Pointer()); slices.Contains(flags, "hg") {
			t.Errorf("with GODEBUG=%s, the heap mapping's VmFlags are %q, with hg", os.Getenv("GODEBUG"), flags)
		}
		runtime.KeepAlive(big)
		return
	}
	needTHP(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestAdviseHonoursDisablethp$", "-test.count=1")
	cmd.Env = append(os.Environ(), "GODEBUG=disablethp=1", "HUGEHEAP_CHILD=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}

// needTHP skips a test on a kernel that gives no transparent huge pages.
func needTHP(t *testing.T) {
	t.Helper()
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || bytes.Contains(mode, []byte("[never]")) {
		t.Skipf("no transparent huge pages: %q %v", mode, err)
	}
}

// vmFlags is the VmFlags of the mapping that holds addr, from
// /proc/self/smaps.
func vmFlags(t *testing.T, addr uintptr) []string {
	t.Helper()
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	in := false
	for sc := bufio.NewScanner(bytes.NewReader(smaps)); sc.Scan(); {
		line := sc.Text()
		if from, to, ok := mappingHeader(line); ok {
			in = from <= addr && addr < to
			continue
		}
		if flags, ok := strings.CutPrefix(line, "VmFlags:"); ok && in {
			return strings.Fields(flags)
		}
	}
	t.Fatalf("no mapping holds %#x", addr)
	return nil
}

// mappingHeader reads the addresses of a mapping's first line in smaps.
func mappingHeader(line string) (from, to uintptr, ok bool) {
	addrs, _, _ := strings.Cut(line, " ")
	a, b, ok := strings.Cut(addrs, "-")
	if !ok {
		return 0, 0, false
	}
	x, err1 := strconv.ParseUint(a, 16, 64)
	y, err2 := strconv.ParseUint(b, 16, 64)
	return uintptr(x), uintptr(y), err1 == nil && err2 == nil
}

// TestHeapSpans finds the heap in maps written as the kernel writes them:
// a run of reserved and mapped parts (two mapped ones apart, the first
// advised), then parts that a kernel with CONFIG_ANON_VMA_NAME names, then
// a file mapped right after the reservation, which is not the heap.
func TestHeapSpans(t *testing.T) {
	maps := []byte(`00400000-0059e000 r-xp 00000000 fd:01 1234                               /usr/bin/socklab
0059e000-005d4000 rw-p 0019e000 fd:01 1234                               /usr/bin/socklab
005d4000-00600000 rw-p 00000000 00:00 0 
40000000-40400000 ---p 00000000 00:00 0 
40400000-44400000 rw-p 00000000 00:00 0 
44400000-48c00000 rw-p 00000000 00:00 0 
48c00000-4c400000 ---p 00000000 00:00 0 
4c400000-4c800000 rw-p 00000000 00:00 0                          [anon: Go: heap]
4c800000-50000000 ---p 00000000 00:00 0                          [anon: Go: heap reservation]
50000000-50200000 rw-p 00000000 fd:01 99                         /tmp/next.db
7f000000-7f200000 rw-p 00000000 00:00 0 
`)
	ms := parseMaps(maps)
	if len(ms) != 11 {
		t.Fatalf("parseMaps read %d mappings, want 11", len(ms))
	}
	heap := []span{
		{0x40400000, 0x44400000},
		{0x44400000, 0x48c00000},
		{0x4c400000, 0x4c800000},
	}
	for _, addr := range []uintptr{0x40400000, 0x44500040, 0x4c7fffff} {
		if got := heapSpans(ms, addr); !slices.Equal(got, heap) {
			t.Errorf("heapSpans(%#x) = %x, want %x", addr, got, heap)
		}
	}
	// The binary's data, a file mapped next to the heap, no mapping.
	for _, addr := range []uintptr{0x5a0000, 0x50000000, 0x7f000000 - 1} {
		if got := heapSpans(ms, addr); got != nil {
			t.Errorf("heapSpans(%#x) = %x, want none", addr, got)
		}
	}
}

// TestCoverAndUncovered checks the record of the memory advised so far.
func TestCoverAndUncovered(t *testing.T) {
	var set []span
	set = cover(set, span{100, 200})
	set = cover(set, span{300, 400})
	if got, want := uncovered(set, span{50, 450}), []span{{50, 100}, {200, 300}, {400, 450}}; !slices.Equal(got, want) {
		t.Errorf("uncovered = %v, want %v", got, want)
	}
	if got := uncovered(set, span{120, 180}); got != nil {
		t.Errorf("uncovered inside = %v, want none", got)
	}
	set = cover(set, span{200, 300}) // joins both
	if want := []span{{100, 400}}; !slices.Equal(set, want) {
		t.Errorf("cover = %v, want %v", set, want)
	}
	set = cover(set, span{10, 20})
	if want := []span{{10, 20}, {100, 400}}; !slices.Equal(set, want) {
		t.Errorf("cover = %v, want %v", set, want)
	}
}
