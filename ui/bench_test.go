package ui

import (
	"testing"
)

// BenchmarkView renders one frame at 200×60 after 100,000 events of the
// thundering herd (a thousand connections, thousands of timers, a full
// wire and log). The target is under 5 ms a frame: the cost must not grow
// with the length of the run.
//
//	go test ./ui -run XXX -bench View -benchmem
func BenchmarkView(b *testing.B) {
	m := labAt(b, "thundering-herd", 0, 200, 60)
	for m.run.feed.events < 100_000 && m.run.s.Step() {
	}
	m.refresh()
	if m.run.feed.events < 100_000 {
		b.Fatalf("the scenario ran out after %d events", m.run.feed.events)
	}
	b.ReportMetric(float64(m.run.feed.events), "events")
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkFrame is a whole frame of the running lab at ×100 in the
// thundering herd: a tick's simulation, its snapshot, and the view.
func BenchmarkFrame(b *testing.B) {
	m := labAt(b, "thundering-herd", 0, 200, 60)
	m.clock.paused = false
	m.clock.speed = 9 // ×100
	b.ResetTimer()
	for b.Loop() {
		next, _ := m.Update(tickMsg{tag: m.clock.tag})
		m = next.(Model)
		_ = m.View()
	}
}
