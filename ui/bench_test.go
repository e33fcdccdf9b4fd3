package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
	labpage "github.com/socklab/socklab/ui/pages/lab"
)

// BenchmarkView renders one frame of the lab at 200×60 after 100,000
// events of the thundering herd (a thousand connections, thousands of
// timers, a full wire and log). The target is under 2 ms a frame: the cost
// must not grow with the length of the run.
//
//	go test ./ui -run XXX -bench View -benchmem
func BenchmarkView(b *testing.B) {
	sc, err := scenarios.Load("thundering-herd")
	if err != nil {
		b.Fatal(err)
	}
	m, err := labpage.New(testCommon(), sc)
	if err != nil {
		b.Fatal(err)
	}
	var events int
	s := m.Session()
	s.Observe(func(netsim.Event) { events++ })
	for events < 100_000 && s.Step() {
	}
	if events < 100_000 {
		b.Fatalf("the scenario ran out after %d events", events)
	}
	next, _ := m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
	m = next.(labpage.Model)
	b.ReportMetric(float64(events), "events")
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}
