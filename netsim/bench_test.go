package netsim_test

import (
	"fmt"
	"net/netip"
	"runtime"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
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
//   - steps/s: queue entries run per second;
//   - B/conn: live heap per connection after the warm-up (both ends, the
//     packets and timers in flight, and the benchmark's own closures).
//
// A host has one address, so one client host reaches at most
// ip_local_port_range ports of one server port (28,232 on Linux): the
// server listens on four ports and the clients spread over them.
func BenchmarkNetsimHeartbeats(b *testing.B) {
	for _, conns := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("conns=%dk", conns/1000), func(b *testing.B) { benchHeartbeats(b, conns) })
	}
}

func benchHeartbeats(b *testing.B, conns int) {
	const requests, warmUp, ports = 1_000_000, 2 * time.Second, 4
	window := time.Duration(requests/conns) * time.Second
	var events, steps uint64
	var perConn float64
	for b.Loop() {
		b.StopTimer()
		before := liveHeap()
		s := newHeartbeatWorld(b, conns, ports)
		n := uint64(0)
		s.Observe(func(netsim.Event) { n++ })
		s.RunUntil(warmUp)
		perConn = float64(liveHeap()-before) / float64(conns)
		n = 0
		steps0 := s.Steps()
		b.StartTimer()
		s.RunUntil(warmUp + window)
		b.StopTimer()
		events += n
		steps += s.Steps() - steps0
		runtime.KeepAlive(s)
		b.StartTimer()
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(events)/sec, "events/s")
	b.ReportMetric(float64(steps)/sec, "steps/s")
	b.ReportMetric(perConn, "B/conn")
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
}

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
				c.OnNotice(func(netsim.Notice) {
					if data, _ := c.Read(); data != nil {
						c.Write(data, "answer")
					}
				})
			}
		})
	}
	cp, _ := client.NewProcess("client")
	request := []byte("request!")
	for i := range conns {
		var c *netsim.Conn
		var tick *netsim.Timer
		tick = cp.NewTimer(func() {
			c.Write(request, "request")
			tick.ResetAfter(time.Second)
		})
		s.Do(func() {
			var err error
			c, err = cp.Dial(netip.AddrPortFrom(serverIP, uint16(8080+i%ports)), netsim.SockOpts{})
			if err != nil {
				b.Fatal(err)
			}
			c.OnNotice(func(netsim.Notice) { c.Read() })
		})
		tick.Reset(time.Second + time.Duration(i)*time.Second/time.Duration(conns))
	}
	return s
}

// liveHeap is the heap in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
