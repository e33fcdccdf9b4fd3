package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/scenarios"
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

// BenchmarkSeekBack seeks the thundering herd's replay (1,000 clients, 5
// min, 167,000 events) from its end back to its middle: a fresh session
// re-simulated from the start to 2:30 (117,000 events, in two chunks of
// seekChunk) with the feed rebuilt from its events, and the snapshot of
// the screen.
//
//	go test ./ui -run XXX -bench SeekBack -benchmem
func BenchmarkSeekBack(b *testing.B) {
	sc, err := scenarios.Load("thundering-herd")
	if err != nil {
		b.Fatal(err)
	}
	rec := scenarios.NewRecording(sc, nil, nil, sc.Duration)
	m, err := NewReplay(rec)
	if err != nil {
		b.Fatal(err)
	}
	m = update(b, m, resize(200, 60))
	end := settle(m.seekTo(m.replay.span))
	mid := m.replay.span / 2
	var events uint64
	for b.Loop() {
		// end stays as it was: a seek back builds a new run.
		at := settle(end.seekTo(mid))
		if at.run.s.Now() != mid {
			b.Fatalf("seeked to %v, want %v", at.run.s.Now(), mid)
		}
		events = at.run.feed.events
	}
	b.ReportMetric(float64(events), "events")
}

// settle runs a seek's chunks, as the program would on its seekMsgs, until
// it is done.
func settle(m Model, _ tea.Cmd) Model {
	for m.seek != nil {
		m, _ = m.stepSeek(m.seekChunk)
	}
	return m
}
