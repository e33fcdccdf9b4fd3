package netsim_test

import (
	"net/netip"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// BenchmarkNetsimHeartbeats: 1,000 connections, each sending a small
// request every second and getting an answer, for 10 simulated minutes.
// events/s counts the events of the stream (segments sent and delivered,
// state changes, ...); steps/s the queue entries run.
func BenchmarkNetsimHeartbeats(b *testing.B) {
	const conns, simTime = 1000, 10 * time.Minute
	var events, steps uint64
	for b.Loop() {
		s := netsim.New(1)
		s.Observe(func(netsim.Event) { events++ })
		server, _ := s.AddHost("server", serverIP, netsim.Linux())
		client, _ := s.AddHost("client", clientIP, netsim.Linux())
		s.AddLink("client", "server", netsim.LinkConfig{Latency: ms(1)})
		sp, _ := server.NewProcess("server")
		l, _ := sp.Listen(8080, 4096, netsim.SockOpts{})
		l.OnAcceptable(func() {
			for c := l.Accept(); c != nil; c = l.Accept() {
				c.OnNotice(func(netsim.Notice) {
					if data, _ := c.Read(); data != nil {
						c.Write(data, "answer")
					}
				})
			}
		})
		cp, _ := client.NewProcess("client")
		for i := range conns {
			var c *netsim.Conn
			var tick *netsim.Timer
			tick = cp.NewTimer(func() {
				c.Write([]byte("request!"), "request")
				tick.ResetAfter(time.Second)
			})
			s.Do(func() {
				c, _ = cp.Dial(netip.AddrPortFrom(serverIP, 8080), netsim.SockOpts{})
				c.OnNotice(func(netsim.Notice) { c.Read() })
			})
			tick.Reset(time.Second + time.Duration(i)*time.Millisecond)
		}
		s.RunUntil(simTime)
		steps += s.Steps()
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(events)/sec, "events/s")
	b.ReportMetric(float64(steps)/sec, "steps/s")
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
}
