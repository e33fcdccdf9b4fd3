package lab

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/feed"
	"github.com/socklab/socklab/ui/format"
)

// A live lab has a past, as a replay has: the timeline row under the
// status line shows it, and the lab can go back — one event (b), to the
// previous change (B), by seeking (, . < > g) — by re-simulating its
// scenario with the live inputs kept. Gone back, the lab runs forward
// through the same events (the inputs it had applied apply again where
// they were); a new fault or edit there starts another future, as a
// replay's branch does: the inputs ahead are dropped, and the note says
// how many.
//
// live is what the live lab knows of its run beyond the present: the
// inputs (applied, and still to re-apply after going back), how far it
// has gone, and the timeline's markers up to there.
type live struct {
	inputs []lab.Input
	reach  time.Duration
	marks  []feed.Marker
}

// knownInputs are the live inputs the lab knows: a replay's recording, or
// the live lab's past.
func (m Model) knownInputs() []lab.Input {
	if m.replay != nil {
		return m.replay.inputs
	}
	return m.past.inputs
}

// span is how far the timeline goes: the recording, or the live lab's
// scenario and as far as it has gone past it.
func (m Model) span() time.Duration {
	if m.replay != nil {
		return m.replay.span
	}
	return max(m.run.End(), m.past.reach, time.Second)
}

// marks are the timeline's markers: the recording's, or the live lab's
// as far as it has gone.
func (m Model) marks() []feed.Marker {
	if m.replay != nil {
		return m.timeline.Marks()
	}
	if run := m.run.Marks.Marks; len(run) >= len(m.past.marks) {
		return run
	}
	return m.past.marks
}

// ahead is how many known inputs the session has yet to apply.
func (m Model) ahead() int {
	return max(0, len(m.knownInputs())-len(m.run.S.Inputs()))
}

// remember keeps what the live lab has seen of its run: its inputs, how
// far it went, its markers (a run gone back holds fewer of them than the
// one it left: the past keeps the longer list).
func (m *Model) remember() {
	if m.replay != nil || m.run == nil {
		return
	}
	if in := m.run.S.Inputs(); len(in) >= len(m.past.inputs) {
		m.past.inputs = in
	}
	m.past.reach = max(m.past.reach, m.run.S.Now())
	if run := m.run.Marks.Marks; len(run) >= len(m.past.marks) {
		m.past.marks = run
	}
}

// forget drops the live lab's known future: a fault or edit applied after
// going back starts another one. It reports how many inputs it dropped.
func (m *Model) forget() int {
	dropped := m.run.S.DropReplay()
	m.past = live{inputs: m.run.S.Inputs(), reach: m.run.S.Now(), marks: m.run.Marks.Marks}
	return dropped
}

// timelineKey handles the keys of the timeline, live and in a replay: seek
// back and forward, to a marker, to a typed time, back one event, back to
// the previous change. ok is false for any other key.
func (m Model) timelineKey(msg tea.KeyMsg) (next tea.Model, cmd tea.Cmd, ok bool) {
	k := m.keys
	at := m.position()
	switch {
	case key.Matches(msg, k.SeekBack):
		m, cmd = m.seekTo(at - m.seekStep())
	case key.Matches(msg, k.SeekFwd):
		m, cmd = m.seekTo(at + m.seekStep())
	case key.Matches(msg, k.PrevMark):
		m, cmd = m.toMarker(-1)
	case key.Matches(msg, k.NextMark):
		m, cmd = m.toMarker(+1)
	case m.seek != nil && key.Matches(msg, k.Back):
		return m.stopSeek(), nil, true
	case m.seek != nil && !key.Matches(msg, k.Quit):
		m.status.SetFlash(m.c.T(i18n.UISeeking), false)
	case key.Matches(msg, k.GoTo):
		m.modal = modalGoto
		cmd = m.timeline.OpenPrompt()
	case key.Matches(msg, k.StepBack):
		m, cmd = m.stepBack()
	case key.Matches(msg, k.BackChange):
		m, cmd = m.backToChange()
	default:
		return m, nil, false
	}
	return m, cmd, true
}

// stepBack goes back one event: to where the lab stood before the last
// step that showed something. It pauses the lab, as n does.
func (m Model) stepBack() (Model, tea.Cmd) {
	p, ok := m.run.BackOne()
	if !ok {
		m.status.SetFlash(m.c.T(i18n.UIBackAtStart), false)
		return m, nil
	}
	m.clock.Paused = true
	m, cmd := m.goTo(p)
	return m, tea.Batch(m.clock.Retag(), cmd)
}

// backToChange goes back to just after the previous change (a detection,
// a fault, a TCP state change): the mirror of j.
func (m Model) backToChange() (Model, tea.Cmd) {
	p, ok := m.run.BackToChange()
	if !ok {
		m.status.SetFlash(m.c.T(i18n.UIBackNoChange), false)
		return m, nil
	}
	m.clock.Paused = true
	m, cmd := m.goTo(p)
	if m.seek == nil {
		m.status.SetFlash(m.c.T(i18n.UIBackTo, "At", format.Stamp(m.run.S.Now(), false), "What", m.run.Feed.LastInteresting), false)
	}
	return m, tea.Batch(m.clock.Retag(), cmd)
}
