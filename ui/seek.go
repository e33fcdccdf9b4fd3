package ui

import (
	"slices"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// seekChunk is how many events a seek runs per Update: about a tenth of a
// second of simulation, after which the interface draws the timeline's
// progress and reads keys before the next chunk.
const seekChunk = 100_000

// seekJob is a seek under way to simulated time to: run is a fresh run
// re-simulating the recording (seeking back) or the lab's own run going on
// (seeking forward). Until it gets there the screen shows the moment it
// left, and the timeline the job's progress.
type seekJob struct {
	run *run
	to  time.Duration
}

// seekMsg asks for the next chunk of job; a message for a job that is no
// longer the Model's (done, stopped, or aimed elsewhere) is dropped.
type seekMsg struct{ job *seekJob }

// position is where the replay is, or is going: the target of a seek
// under way, else the session's time.
func (m Model) position() time.Duration {
	if m.seek != nil {
		return m.seek.to
	}
	return m.run.s.Now()
}

// seekStep is how far , and . move: a sixtieth of the recording.
func (r *replay) seekStep() time.Duration {
	return max(time.Millisecond, (r.span / 60).Round(time.Millisecond))
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
	t = max(0, min(t, m.replay.span))
	job := &seekJob{run: m.run, to: t}
	if m.seek != nil {
		job.run = m.seek.run
	}
	if t < job.run.s.Now() {
		r, err := newRun(m.sc, m.replay.inputs)
		if err != nil {
			m.flash, m.flashErr = "seek: "+err.Error(), true
			return m, nil
		}
		job.run = r
	}
	m.seek = job
	return m.stepSeek(m.seekChunk)
}

// onSeek runs the next chunk of the seek under way.
func (m Model) onSeek(msg seekMsg) (tea.Model, tea.Cmd) {
	if msg.job != m.seek {
		return m, nil
	}
	return m.stepSeek(m.seekChunk)
}

// stepSeek runs the seek under way for at most budget events; once there,
// its run becomes the lab's.
func (m Model) stepSeek(budget int) (Model, tea.Cmd) {
	j := m.seek
	if !j.run.advance(j.to, budget) {
		return m, func() tea.Msg { return seekMsg{j} }
	}
	m.seek = nil
	if j.run != m.run {
		m.run = j.run
		m.wireSeen, m.logSeen = 0, 0
	}
	m.wireOff, m.logOff = 0, 0
	m.clock.behind = false
	m.refresh()
	return m, nil
}

// stopSeek gives up the seek under way: the lab stays where it was (or,
// seeking forward, where the run got).
func (m Model) stopSeek() Model {
	m.seek = nil
	m.refresh()
	m.flash = "seek stopped"
	return m
}

// toMarker seeks to the first marker after now (dir > 0) or the last one
// before now (dir < 0), and names it on the status line.
func (m Model) toMarker(dir int) (Model, tea.Cmd) {
	now := m.position()
	marks := m.replay.marks
	i, _ := slices.BinarySearchFunc(marks, now, func(mk marker, t time.Duration) int { return cmpDur(mk.at, t) })
	if dir > 0 {
		for i < len(marks) && marks[i].at <= now {
			i++
		}
	} else {
		i--
	}
	if i < 0 || i >= len(marks) {
		m.flash = "no marker after this"
		if dir < 0 {
			m.flash = "no marker before this"
		}
		return m, nil
	}
	m, cmd := m.seekTo(marks[i].at)
	m.flash = m.replay.describe(marks[i].at)
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
