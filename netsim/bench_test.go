package netsim_test

import (
	"flag"
	"fmt"
	"net/netip"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios/hugeheap"
)

// BenchmarkNetsimHeartbeats is the cost of an event at scale: N
// connections over one 1 Gb/s, 10 ms link, each sending an 8-byte request
// every second and getting an 8-byte answer at once (the bench-pingpong
// scenario's workload, without the lab's models), every event observed by a
// counter.
//
// Setting up the world and the first two simulated seconds (connecting,
// leaving quick-ACK mode) are not timed. The timed part is one million
// requests: 1,000 s of simulated time at 1k connections, 100 s at 10k,
// 10 s at 100k, so that every size does the same work and events/s can be
// compared across sizes. It reports:
//
//   - events/s: events of the stream (segments sent and delivered, state
//     changes, ...) per second of the timed part;
//   - events/cpu-s: the same per second of CPU time used by the process
//     (its collector included), which other work on a shared machine
//     disturbs less than the wall clock;
//   - steps/s: queue entries run per second;
//   - B/conn: live heap per connection after the warm-up (both ends, the
//     packets and timers in flight, and the benchmark's client state).
//
// A host has one address, so one client host reaches at most
// ip_local_port_range ports of one server port (28,232 on Linux): the
// server listens on four ports and the clients spread over them.
//
// -bench.requests changes the timed part's requests (a smaller run under
// valgrind, say); figures are comparable only between equal values.
func BenchmarkNetsimHeartbeats(b *testing.B) {
	for _, conns := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("conns=%dk", conns/1000), func(b *testing.B) { benchHeartbeats(b, conns, netsim.AllKinds) })
	}
}

// BenchmarkNetsimHeartbeatsCounted is BenchmarkNetsimHeartbeats with an
// observer that, like the headless runner's totals and judges, is handed
// the state changes and the dropped segments and only counts the other
// segments (Sim.ObserveKinds, Sim.Counted): those are never built.
func BenchmarkNetsimHeartbeatsCounted(b *testing.B) {
	for _, conns := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("conns=%dk", conns/1000), func(b *testing.B) {
			benchHeartbeats(b, conns, netsim.KindState|netsim.KindSegmentDropped)
		})
	}
}

var benchRequests = flag.Int("bench.requests", 1_000_000, "requests in the timed part of BenchmarkNetsimHeartbeats")

// benchHeartbeats runs the benchmark with an observer handed the events of
// kinds, counting the others.
func benchHeartbeats(b *testing.B, conns int, kinds netsim.Kinds) {
	// One thread: valgrind's --toggle-collect follows the calls of the
	// thread that entered runWindow (a collection during the warm-up could
	// move the goroutine, and leave part of the window uncounted).
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const warmUp, ports = 2 * time.Second, 4
	window := time.Duration(*benchRequests/conns) * time.Second
	var events, steps uint64
	var perConn float64
	var setupCPU time.Duration
	cpu0 := cpuTime()
	for b.Loop() {
		b.StopTimer()
		setup := cpuTime()
		before := liveHeap()
		s := newHeartbeatWorld(b, conns, ports)
		n := uint64(0)
		s.ObserveKinds(kinds, func(netsim.Event) { n++ })
		counted := func() uint64 { return n + s.Counted(netsim.AllKinds&^kinds) }
		s.RunUntil(warmUp)
		hugeheap.Advise() // as socklab run does (run_cmd.go): the state in huge pages
		perConn = float64(liveHeap()-before) / float64(conns)
		events0, steps0 := counted(), s.Steps()
		setupCPU += cpuTime() - setup
		b.StartTimer()
		runWindow(s, warmUp+window)
		b.StopTimer()
		events += counted() - events0
		steps += s.Steps() - steps0
		runtime.KeepAlive(s)
		b.StartTimer()
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(events)/sec, "events/s")
	b.ReportMetric(float64(events)/(cpuTime()-cpu0-setupCPU).Seconds(), "events/cpu-s")
	b.ReportMetric(float64(steps)/sec, "steps/s")
	b.ReportMetric(perConn, "B/conn")
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
}

// runWindow is the timed part, a function of its own so that a profiler
// can single it out (valgrind --toggle-collect='*runWindow').
//
//go:noinline
func runWindow(s *netsim.Sim, until time.Duration) { s.RunUntil(until) }

// newHeartbeatWorld builds the benchmark's world: a server answering
// whatever it reads, and conns clients that start their requests spread
// over the first second.
func newHeartbeatWorld(b *testing.B, conns, ports int) *netsim.Sim {
	s := netsim.New(1)
	server, _ := s.AddHost("server", serverIP, netsim.Linux())
	client, _ := s.AddHost("client", clientIP, netsim.Linux())
	s.AddLink("client", "server", netsim.LinkConfig{Latency: 10 * time.Millisecond, Bandwidth: 1e9})
	sp, _ := server.NewProcess("server")
	for i := range ports {
		l, err := sp.Listen(uint16(8080+i), 4096, netsim.SockOpts{})
		if err != nil {
			b.Fatal(err)
		}
		l.OnAcceptable(func() {
			for c := l.Accept(); c != nil; c = l.Accept() {
				c.OnNoticeTo(echo{})
			}
		})
	}
	cp, _ := client.NewProcess("client")
	for i := range conns {
		p := new(pinger)
		netsim.SetTimerTo(cp, &p.tick, p)
		s.Do(func() {
			var err error
			p.conn, err = cp.Dial(netip.AddrPortFrom(serverIP, uint16(8080+i%ports)), netsim.SockOpts{})
			if err != nil {
				b.Fatal(err)
			}
			p.conn.OnNoticeTo(p)
			p.conn.SetHint(netsim.HintOf(p))
			p.tick.Visits(p.conn)
		})
		p.tick.Reset(time.Second + time.Duration(i)*time.Second/time.Duration(conns))
	}
	return s
}

// pinger is a client of the benchmark's world, written as the lab's
// applications are (lab/client.go): its ping timer is a field of its
// state and calls its Fire (netsim.SetTimerTo), its connection tells it
// itself (Conn.OnNoticeTo), and a hint names its memory to the queue,
// which asks for it ahead (Conn.SetHint, Timer.Visits). Closures would
// be objects of their own, each a cache line more a request with 100,000
// clients: a measure of the benchmark's code rather than the simulator's.
type pinger struct {
	tick netsim.Timer
	conn *netsim.Conn
}

// request is what a pinger sends every second.
var request = []byte("request!")

// Fire sends the request and arms the next one.
func (p *pinger) Fire() {
	p.conn.Write(request, "request")
	p.tick.ResetAfter(time.Second)
}

// Notice reads the answer.
func (p *pinger) Notice(c *netsim.Conn, _ netsim.Notice) { c.Read() }

// echo is the server's side of every connection: it answers whatever it
// reads. It has no state, so its notice reads no line of its own.
type echo struct{}

// Notice answers what c has received.
func (echo) Notice(c *netsim.Conn, _ netsim.Notice) {
	if data, _ := c.Read(); data != nil {
		c.Write(data, "answer")
	}
}

// cpuTime is the CPU time the process has used, in user and system mode.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// liveHeap is the heap in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
