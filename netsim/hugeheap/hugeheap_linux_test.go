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

func TestHeapSpans(t *testing.T) {
	maps := []byte(`00400000-0059e000 r-xp 00000000 fd:01 1234                               /usr/bin/socklab
0059e000-005d4000 rw-p 0019e000 fd:01 1234                               /usr/bin/socklab
005d4000-00600000 rw-p 00000000 00:00 0 
1c0000000000-1c0000400000 ---p 00000000 00:00 0 
1c0000400000-1c0004400000 rw-p 00000000 00:00 0 
1c0004400000-1c0008c00000 rw-p 00000000 00:00 0 
1c0008c00000-1c000c400000 ---p 00000000 00:00 0 
1c000c400000-1c000c800000 rw-p 00000000 00:00 0                          [anon: Go: heap]
1c000c800000-1c0010000000 ---p 00000000 00:00 0                          [anon: Go: heap reservation]
1c0010000000-1c0010200000 rw-p 00000000 fd:01 99                         /tmp/next.db
7f0000000000-7f0000200000 rw-p 00000000 00:00 0 
`)
	ms := parseMaps(maps)
	if len(ms) != 11 {
		t.Fatalf("parseMaps read %d mappings, want 11", len(ms))
	}
	heap := []span{
		{0x1c0000400000, 0x1c0004400000},
		{0x1c0004400000, 0x1c0008c00000},
		{0x1c000c400000, 0x1c000c800000},
	}
	for _, addr := range []uintptr{0x1c0000400000, 0x1c0004500040, 0x1c000c7fffff} {
		if got := heapSpans(ms, addr); !slices.Equal(got, heap) {
			t.Errorf("heapSpans(%#x) = %x, want %x", addr, got, heap)
		}
	}
	// The binary's data, a file mapped next to the heap, no mapping.
	for _, addr := range []uintptr{0x5a0000, 0x1c0010000000, 0x7f0000000000 - 1} {
		if got := heapSpans(ms, addr); got != nil {
			t.Errorf("heapSpans(%#x) = %x, want none", addr, got)
		}
	}
}

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
