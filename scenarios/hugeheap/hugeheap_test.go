package hugeheap

import (
	"runtime"
	"testing"
	"time"
)

func TestWanted(t *testing.T) {
	for _, c := range []struct {
		binary, env string
		want        bool
	}{
		{"", "", true},
		{"", "disablethp=1", false},
		{"", "disablethp=0", true},
		{"", "madvdontneed=1,disablethp=1,gctrace=0", false},
		{"disablethp=1", "", false},               // go.mod's godebug line, or //go:debug
		{"disablethp=1", "disablethp=0", true},    // the environment over the binary
		{"", "disablethp=1,disablethp=0", true},   // the last setting wins
		{"", "disablethp=2", false},               // any number but 0
		{"disablethp=1", "disablethp=yes", false}, // not a number: the runtime ignores it
		{"", "xdisablethp=1,disablethp", true},    // other names, no value
		{"panicnil=1,disablethp=0", "gctrace=1", true},
	} {
		if got := Wanted(c.binary, c.env); got != c.want {
			t.Errorf("Wanted(%q, %q) = %v, want %v", c.binary, c.env, got, c.want)
		}
	}
}

// TestFollowStops stops a Follow, twice. Following is one goroutine; the
// first stop returns once that goroutine has left its loop (a goroutine
// that did not would hang the test here), and the second does nothing.
func TestFollowStops(t *testing.T) {
	before := runtime.NumGoroutine()
	stop := Follow(time.Hour)
	if n := runtime.NumGoroutine(); n != before+1 {
		t.Fatalf("%d goroutines while following, want %d", n, before+1)
	}
	stop()
	stop()
}
