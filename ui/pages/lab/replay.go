package lab

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/components/timeline"
	"github.com/socklab/socklab/ui/engine"
	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/keymap"
)

// replay is what the replay screen adds to the lab: the recording it
// re-simulates and the span its timeline covers. It does not change once
// built, so copies of the Model share it.
type replay struct {
	rec    *scenarios.Recording
	inputs []lab.Input // rec's inputs, queued on every fresh run
	span   time.Duration
}

// NewReplay builds the replay screen for rec on the terminal c: the lab on
// the recorded scenario, paused at 0, its session replaying the recorded
// inputs at their times and steps, and the timeline's markers found by
// running the recording once, headless, to its end (fast: the core runs
// millions of events a second). Options are New's.
func NewReplay(c *common.Common, rec *scenarios.Recording, opts ...Option) (Model, error) {
	sc, err := rec.Load()
	if err != nil {
		return Model{}, err
	}
	// Load names the source "recorded …" for its errors; a recording of a
	// branch keeps the original's.
	sc.Source = rec.Source
	rp := &replay{rec: rec, inputs: rec.LabInputs(), span: replaySpan(sc, rec)}
	marks, err := engine.FindMarkers(sc, rp.inputs, rp.span)
	if err != nil {
		return Model{}, err
	}
	m, err := newModel(c, sc, rp.inputs, opts...)
	if err != nil {
		return Model{}, err
	}
	m.sets = append([]string(nil), rec.Sets...)
	m.replay = rp
	m.keys.SetReplay(true)
	m.timeline = timeline.New(c, marks, rp.span, len(rp.inputs))
	m.resize()
	return m, nil
}

// replaySpan is how much of the run the timeline covers: as long as the
// recording went (or, for one that says 0, the scenario's duration).
func replaySpan(sc *scenarios.Scenario, rec *scenarios.Recording) time.Duration {
	span := rec.Until()
	for _, in := range rec.LabInputs() {
		span = max(span, in.At)
	}
	if span <= 0 {
		span = sc.Duration
	}
	return max(span, time.Second)
}

// replayKey handles the keys only the replay screen has; ok is false for
// a key the lab handles as usual (the timeline's keys included).
//
//	r       back to the start
//	v       branch: drop the inputs not yet replayed, go on live
//	f e w   refused, with why: the recorded inputs are not editable
func (m Model) replayKey(msg tea.KeyMsg) (next tea.Model, cmd tea.Cmd, ok bool) {
	k := m.keys
	switch {
	case m.seek != nil:
		return m, nil, false // the timeline's keys aim or stop it
	case key.Matches(msg, k.ToStart):
		m, cmd = m.seekTo(0)
		m.status.SetFlash(m.c.T(i18n.UIToStart), false)
		return m, cmd, true
	case key.Matches(msg, k.Branch):
		return m.branch(), nil, true
	case keymap.Disabled(msg, k.Faults, k.Params):
		m.status.SetFlash(m.c.T(i18n.UINoFaults), true)
		return m, nil, true
	case keymap.Disabled(msg, k.Record):
		m.status.SetFlash(m.c.T(i18n.UINoRecord), true)
		return m, nil, true
	}
	return m, nil, false
}

// gotoKey gives a key to the "go to" prompt: enter seeks to the time
// typed (a bad one is refused on the status line, the prompt stays), esc
// closes it.
func (m Model) gotoKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	m.status.SetFlash("", false)
	switch {
	case key.Matches(msg, m.keys.Back):
		m.modal = modalNone
		m.timeline.ClosePrompt()
		return m, nil
	case key.Matches(msg, m.keys.Select):
		t, err := timeline.ParseTime(m.timeline.PromptValue())
		if err != nil {
			m.status.SetFlash(i18n.ErrorText(err, m.c.Lang), true)
			m.timeline.Refuse(i18n.ErrorText(err, m.c.Lang))
			return m, nil
		}
		m.modal = modalNone
		m.timeline.ClosePrompt()
		if m.replay != nil && t > m.replay.span {
			m.status.SetFlash(m.c.T(i18n.UIEndsAt, "At", netsim.FormatTime(m.replay.span)), false)
		}
		return m.seekTo(t)
	}
	var cmd tea.Cmd
	m.timeline, cmd = m.timeline.Update(msg)
	return m, cmd
}

// branch ends the replay here: the recorded inputs not yet replayed are
// dropped (lab.Session.DropReplay), the timeline goes, and the lab is
// live: the fault menu and the editor work, and the record key writes the
// branch (the inputs replayed so far, then the new ones).
func (m Model) branch() Model {
	m.replay = nil
	dropped := m.forget()
	m.keys.SetReplay(false)
	note := m.c.T(i18n.UIBranched, "At", format.Stamp(m.run.S.Now(), false))
	if dropped > 0 {
		note = m.c.T(i18n.UIBranchedDrp, "At", format.Stamp(m.run.S.Now(), false), "Count", dropped)
	}
	m.status.SetFlash(note, false)
	m.resize()
	return m
}

// atEnd pauses the replay at the end of the recording.
func (m Model) atEnd() (tea.Model, tea.Cmd) {
	m.clock.Paused = true
	cmd := m.clock.Retag()
	m.status.SetFlash(m.c.T(i18n.UIAtEnd), false)
	return m, cmd
}
