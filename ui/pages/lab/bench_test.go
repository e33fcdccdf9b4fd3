package lab

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/engine"
)

// BenchmarkFrame is a whole frame of the running lab at ×100 in the
// thundering herd: a tick's simulation, its snapshot, and the view.
func BenchmarkFrame(b *testing.B) {
	m := labAt(b, "thundering-herd", 0, 200, 60)
	m.clock.Paused = false
	m.clock.Speed = 9 // ×100
	b.ResetTimer()
	for b.Loop() {
		next, _ := m.Update(engine.TickMsg{Tag: m.clock.Tag})
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
	m, err := NewReplay(testCommon(), rec)
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
		if at.run.S.Now() != mid {
			b.Fatalf("seeked to %v, want %v", at.run.S.Now(), mid)
		}
		events = at.run.Feed.Events
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
