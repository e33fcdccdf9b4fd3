package scenarios

import (
	"flag"
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/scenarios/hugeheap"
)

var benchWindow = flag.Duration("bench.window", time.Minute, "simulated time in the timed part of BenchmarkRunPingpong")

// BenchmarkRunPingpong is `socklab run bench-pingpong --quiet` without the
// printing of its summary: the whole stack (netsim, the lab's clients and
// server, the referee and the totals) on the benchmark scenario, at 1,000
// and 10,000 clients, with no out (so the app events are counted, not
// built, as with --quiet).
//
// Loading the scenario, building the session and the first two simulated
// seconds (connecting, leaving quick-ACK mode) are not timed, nor are the
// judging and the summary at the end. The timed part is one simulated
// minute (-bench.window) of the run's loop, in a function of its own
// (runWindow) so that a profiler can single it out:
//
//	valgrind --tool=callgrind --toggle-collect='*runWindow' ./scenarios.test \
//	    -test.run '^$' -test.bench 'RunPingpong/clients=1k' -test.benchtime 1x
//
// It reports events/s and events per second of CPU time (less disturbed by
// other work on a shared machine) of the timed part, and its pings (one a
// second from each client). The README's Performance section times the
// command itself.
func BenchmarkRunPingpong(b *testing.B) {
	const warmUp = 2 * time.Second
	for _, n := range []int{1_000, 10_000} {
		b.Run(fmt.Sprintf("clients=%dk", n/1000), func(b *testing.B) {
			// One thread: valgrind's --toggle-collect follows the calls
			// of the thread that entered runWindow.
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			var events uint64
			var timedCPU time.Duration
			defer func(old func(*lab.Session, time.Duration)) { runUntil = old }(runUntil)
			runUntil = func(s *lab.Session, t time.Duration) {
				s.RunUntil(warmUp)
				hugeheap.Advise() // as socklab run does (run_cmd.go)
				events0, cpu0 := s.Progress().Events, cpuTime()
				b.StartTimer()
				runWindow(s, t)
				b.StopTimer()
				events += s.Progress().Events - events0
				timedCPU += cpuTime() - cpu0
			}
			for b.Loop() {
				b.StopTimer()
				sc, err := Load("bench-pingpong", fmt.Sprintf("apps.clients.count=%d", n))
				if err != nil {
					b.Fatal(err)
				}
				res, err := sc.Run(warmUp+*benchWindow, nil)
				if err != nil || res.Failed > 0 {
					b.Fatalf("err %v, %d expectations failed", err, res.Failed)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
			b.ReportMetric(float64(events)/timedCPU.Seconds(), "events/cpu-s")
			b.ReportMetric(float64(n)*benchWindow.Seconds(), "pings/op")
		})
	}
}

// runWindow is the timed part of BenchmarkRunPingpong.
//
//go:noinline
func runWindow(s *lab.Session, until time.Duration) { s.RunUntil(until) }

// cpuTime is the CPU time the process has used, in user and system mode.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
