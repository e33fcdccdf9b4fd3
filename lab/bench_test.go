package lab

import (
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// BenchmarkLabClients: 10,000 clients, each pinging its server every 30 s,
// for one simulated hour, every event observed.
func BenchmarkLabClients(b *testing.B) {
	const clients, simTime = 10000, time.Hour
	var events uint64
	for b.Loop() {
		cfg := twoHosts(serverApp(func(a *AppConfig) { a.Heartbeat.Expect = 90 * time.Second; a.Backlog = 4096 }),
			clientApp(func(a *AppConfig) {
				a.Count = clients
				a.Stagger = 3 * time.Millisecond // the 10,000 connect over 30 s
				a.Heartbeat = HeartbeatConfig{Interval: 30 * time.Second, Timeout: 10 * time.Second}
			}))
		s, err := New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		s.Observe(func(netsim.Event) { events++ })
		s.RunUntil(simTime)
		if got := s.Totals().Connects; got != clients {
			b.Fatalf("%d clients connected, want %d", got, clients)
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(events)/sec, "events/s")
	b.ReportMetric(float64(b.N)*simTime.Seconds()/sec, "sim-s/s")
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
}
