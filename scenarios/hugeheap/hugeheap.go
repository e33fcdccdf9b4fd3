package hugeheap

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"
)

var (
	mu      sync.Mutex
	decided bool
	wanted  bool
)

// Advise asks the kernel to back the Go heap by huge pages: the heap's
// memory mapped since the last call that asked (all of it at the first),
// once the heap has grown to minHeap. It does nothing when the program's
// GODEBUG has disablethp=1, or on a system other than Linux. It never
// fails and never stops the program: huge pages only make it faster, and
// a kernel that refuses them leaves it as it was. Goroutines may call it
// at the same time.
func Advise() {
	mu.Lock()
	defer mu.Unlock()
	if !decided {
		wanted, decided = Wanted(buildGODEBUG(), os.Getenv("GODEBUG")), true
	}
	if wanted {
		advise()
	}
}

// Follow calls Advise now and then, from a goroutine of its own, every
// period in which the memory the runtime has mapped grew, until the
// function it returns is called, which returns once the goroutine has
// ended: a program whose heap grows while it runs has the new memory
// advised within a period. (Advise reads /proc/self/maps, about 90 µs;
// the runtime's count of its memory is read in about 0.3 µs.)
func Follow(period time.Duration) (stop func()) {
	mapped := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(mapped)
	last := mapped[0].Value.Uint64()
	Advise()
	done, ended := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(ended)
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			if metrics.Read(mapped); mapped[0].Value.Uint64() != last {
				last = mapped[0].Value.Uint64()
				Advise()
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() { close(done) })
		<-ended
	}
}

// Wanted says whether Advise acts in a program whose GODEBUG is the
// binary's settings (go.mod's godebug lines, //go:debug directives: its
// DefaultGODEBUG build setting) then the environment's: not when
// disablethp is set to a number other than 0, the last setting winning, as
// the runtime reads them (parsegodebug in runtime/runtime1.go). That is Go's
// own switch to keep the heap off huge pages, and Advise honours it.
func Wanted(binary, env string) bool {
	disable := int64(0)
	for _, godebug := range []string{binary, env} {
		for field := range strings.SplitSeq(godebug, ",") {
			if value, ok := strings.CutPrefix(field, "disablethp="); ok {
				if n, err := strconv.ParseInt(value, 10, 32); err == nil {
					disable = n // the runtime ignores a value that is not a number
				}
			}
		}
	}
	return disable == 0
}

// buildGODEBUG is the GODEBUG settings compiled into the binary.
func buildGODEBUG() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "DefaultGODEBUG" {
				return s.Value
			}
		}
	}
	return ""
}
