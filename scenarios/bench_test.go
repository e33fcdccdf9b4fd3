package scenarios

import (
	"fmt"
	"syscall"
	"testing"
	"time"
)

// BenchmarkRunPingpong is `socklab run bench-pingpong --quiet` without the
// printing of its summary: the whole stack (netsim, the lab's clients and
// server, the referee and the totals) on the benchmark scenario, at 1,000
// and 10,000 clients, for one simulated minute, with no out (so the app
// events are counted, not built, as with --quiet). It reports events/s, and events per
// second of CPU time (less disturbed by other work on a shared machine).
// The README's Performance section times the command itself.
func BenchmarkRunPingpong(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		b.Run(fmt.Sprintf("clients=%dk", n/1000), func(b *testing.B) {
			var events uint64
			cpu0 := cpuTime()
			for b.Loop() {
				sc, err := Load("bench-pingpong", fmt.Sprintf("apps.clients.count=%d", n))
				if err != nil {
					b.Fatal(err)
				}
				res, err := sc.Run(time.Minute, nil)
				if err != nil || res.Failed > 0 {
					b.Fatalf("err %v, %d expectations failed", err, res.Failed)
				}
				events += res.Events
			}
			b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
			b.ReportMetric(float64(events)/(cpuTime()-cpu0).Seconds(), "events/cpu-s")
		})
	}
}

// cpuTime is the CPU time the process has used, in user and system mode.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
