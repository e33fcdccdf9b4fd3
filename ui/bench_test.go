package ui

import (
	"io"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/socklab/socklab/lab/i18n"

	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/common"
	labpage "github.com/socklab/socklab/ui/pages/lab"
)

// BenchmarkView renders one frame of the lab at 200×60 after 100,000
// events of the thundering herd (a thousand connections, thousands of
// timers, a full wire and log), without colour (NO_COLOR) and in 24-bit
// colour, as a terminal would get it. The target is under 2 ms a frame:
// the cost must not grow with the length of the run.
//
//	go test ./ui -run XXX -bench View -benchmem
func BenchmarkView(b *testing.B) {
	for _, p := range []struct {
		name    string
		profile termenv.Profile
	}{{"ascii", termenv.Ascii}, {"truecolor", termenv.TrueColor}} {
		b.Run(p.name, func(b *testing.B) { benchmarkView(b, p.profile) })
	}
}

func benchmarkView(b *testing.B, profile termenv.Profile) {
	sc, err := scenarios.Load("thundering-herd")
	if err != nil {
		b.Fatal(err)
	}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(profile)
	r.SetHasDarkBackground(true)
	m, err := labpage.New(common.NewCommon(r, i18n.English), sc)
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
