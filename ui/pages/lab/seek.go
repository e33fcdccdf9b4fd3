package lab

import (
	"slices"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/engine"
	"github.com/socklab/socklab/ui/feed"
)

// position is where the replay is, or is going: the target of a seek
// under way, else the session's time.
func (m Model) position() time.Duration {
	if m.seek != nil {
		return m.seek.To
	}
	return m.run.S.Now()
}

// playhead is the time the timeline shows: the session's, or, while a
// seek is under way, how far it has got.
func (m Model) playhead() time.Duration {
	if m.seek != nil {
		return m.seek.Run.S.Now()
	}
	return m.run.S.Now()
}

// seekStep is how far , and . move: a sixtieth of the timeline.
func (m Model) seekStep() time.Duration {
	return max(time.Millisecond, (m.span() / 60).Round(time.Millisecond))
}

// seekTo moves the replay to simulated time t (held within the
// recording). Forward, the session runs on; back, a fresh session replays
// the recording from the start to t, with the feed rebuilt from its
// events: either way the screen is then the one playing straight to t
// shows, the wire and the log following the newest rows. The clock keeps
// running or stays paused. A long seek goes seekChunk events per Update
// (the returned command asks for the next chunk); a seek under way is
// aimed at t instead, going on from where it got when it can.
func (m Model) seekTo(t time.Duration) (Model, tea.Cmd) {
	t = max(0, t)
	if m.replay != nil {
		t = min(t, m.replay.span)
	}
	job := &engine.SeekJob{Run: m.run, To: t}
	if m.seek != nil {
		job.Run = m.seek.Run
	}
	if t < job.Run.S.Now() {
		r, err := m.freshRun()
		if err != nil {
			m.status.SetFlash("seek: "+err.Error(), true)
			return m, nil
		}
		job.Run = r
	}
	m.seek = job
	return m.stepSeek(m.seekChunk)
}

// goTo moves the lab to position p exactly (going back one event, or to
// the previous change): a fresh run re-simulates the known inputs from the
// start to p, seekChunk events per Update, and then is the lab's.
func (m Model) goTo(p engine.Position) (Model, tea.Cmd) {
	r, err := m.freshRun()
	if err != nil {
		m.status.SetFlash("seek: "+err.Error(), true)
		return m, nil
	}
	m.seek = &engine.SeekJob{Run: r, To: p.At, Pos: &p}
	return m.stepSeek(m.seekChunk)
}

// freshRun is a new run of the scenario from its start, queued with the
// inputs the lab knows (a replay's recording; live, the ones applied and
// those ahead after going back), and the wire's filter.
func (m Model) freshRun() (*engine.Run, error) {
	return engine.NewFilteredRun(m.sc, m.knownInputs(), m.filter)
}

// onSeek runs the next chunk of the seek under way.
func (m Model) onSeek(msg engine.SeekMsg) (tea.Model, tea.Cmd) {
	if msg.Job != m.seek {
		return m, nil
	}
	return m.stepSeek(m.seekChunk)
}

// stepSeek runs the seek under way for at most budget events; once there,
// its run becomes the lab's.
func (m Model) stepSeek(budget int) (Model, tea.Cmd) {
	j := m.seek
	if !j.Step(budget) {
		return m, func() tea.Msg { return engine.SeekMsg{Job: j} }
	}
	m.seek = nil
	m.setRun(j.Run)
	m.run.VerdictShown = m.run.VerdictShown || m.run.Ended() // a seek does not stop for it
	m.clock.Behind = false
	m.refresh()
	return m, nil
}

// stopSeek gives up the seek under way: the lab stays where it was (or,
// seeking forward, where the run got).
func (m Model) stopSeek() Model {
	m.seek = nil
	m.refresh()
	m.status.SetFlash(m.c.T(i18n.UISeekStopped), false)
	return m
}

// toMarker seeks to the first marker after now (dir > 0) or the last one
// before now (dir < 0), and names it on the status line.
func (m Model) toMarker(dir int) (Model, tea.Cmd) {
	now := m.position()
	marks := m.timeline.Marks()
	i, _ := slices.BinarySearchFunc(marks, now, func(mk feed.Marker, t time.Duration) int { return cmpDur(mk.At, t) })
	if dir > 0 {
		for i < len(marks) && marks[i].At <= now {
			i++
		}
	} else {
		i--
	}
	if i < 0 || i >= len(marks) {
		if dir < 0 {
			m.status.SetFlash(m.c.T(i18n.UINoMarkBack), false)
		} else {
			m.status.SetFlash(m.c.T(i18n.UINoMarkAhead), false)
		}
		return m, nil
	}
	m, cmd := m.seekTo(marks[i].At)
	m.status.SetFlash(feed.Describe(marks, marks[i].At, m.c.Lang), false)
	return m, cmd
}

func cmpDur(a, b time.Duration) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
