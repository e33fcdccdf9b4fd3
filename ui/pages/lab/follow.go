package lab

import (
	"slices"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/engine"
	"github.com/socklab/socklab/ui/keymap"
)

// A follower shows another lab's run as it goes, read-only: socklab
// serve's students following the teacher's lab. It does not draw the
// teacher's screen: the presenting lab sends what makes its run — the
// lesson, the inputs applied so far, its simulated time — and the
// follower re-simulates it, as a replay does a recording, in its own
// session, on its own terminal (its size, colours and language). The core
// is deterministic, so the follower's run is the teacher's event for
// event; and since it is a session of its own, branching (v) is the
// replay's branch: the inputs still to come are dropped and the lab is
// live, the teacher's untouched.
//
//	Presented ─▶ onPresented: the new inputs queued on the session (or,
//	             when the teacher went back or restarted, a fresh run of
//	             all of them), then a seek to the teacher's time, at most
//	             frameBudget events per Update
//	v         ─▶ branch: a live lab from here
//	keys that change the run (space, n, j, -/+, r, f, e, the seek keys)
//	          ─▶ refused, with why; the rest (scroll, zoom, inspect,
//	             filter, cost, help, language) work as in any lab

// Presented is what a presenting lab sends its followers after a change:
// enough to re-simulate its run. Inputs is never changed once sent.
type Presented struct {
	Lesson string        // the scenario's name (a built-in lesson)
	Inputs []lab.Input   // every input applied in the run so far
	At     time.Duration // the run's simulated time
	Paused bool          // the clock, as its status line shows it
	Speed  int
}

// Present is what m's run is, for its followers.
func (m Model) Present() Presented {
	return Presented{Lesson: m.sc.Name, Inputs: m.run.S.Inputs(), At: m.run.S.Now(), Paused: m.clock.Paused, Speed: m.clock.Speed}
}

// Same reports whether p and q show the same moment of the same run (a
// presenter sends only changes).
func (p Presented) Same(q Presented) bool {
	return p.Lesson == q.Lesson && p.At == q.At && p.Paused == q.Paused && p.Speed == q.Speed && slices.Equal(p.Inputs, q.Inputs)
}

// NewFollower builds a lab on sc that follows a presented run: paused at
// 0 until the first Presented arrives. Options are New's.
func NewFollower(c *common.Common, sc *scenarios.Scenario, opts ...Option) (Model, error) {
	m, err := newModel(c, sc, nil, opts...)
	if err != nil {
		return Model{}, err
	}
	m.following = true
	m.replay = &replay{span: max(sc.Duration, time.Second)}
	m.keys.SetReplay(true)
	m.keys.SetFollowing(true)
	m.resize()
	return m, nil
}

// Following reports whether the lab follows a presented run (it has not
// branched).
func (m Model) Following() bool { return m.following }

// onPresented brings the follower to the presented moment.
func (m Model) onPresented(p Presented) (tea.Model, tea.Cmd) {
	if !m.following || p.Lesson != m.sc.Name {
		return m, nil
	}
	m.clock.Paused, m.clock.Speed = p.Paused, p.Speed // shown; the follower's clock never ticks
	known := m.replay.inputs
	m.replay = &replay{inputs: p.Inputs, span: max(m.replay.span, p.At)}
	run := m.run
	if m.seek != nil {
		run = m.seek.Run
	}
	if p.At < run.S.Now() || len(p.Inputs) < len(known) || !slices.Equal(known, p.Inputs[:len(known)]) {
		r, err := m.freshRun() // the teacher went back, or started again
		if err != nil {
			m.status.SetFlash(i18n.ErrorText(err, m.c.Lang), true)
			return m, nil
		}
		run = r
	} else if err := run.S.Replay(p.Inputs[len(known):]); err != nil {
		m.status.SetFlash(i18n.ErrorText(err, m.c.Lang), true)
		return m, nil
	}
	m.seek = &engine.SeekJob{Run: run, To: p.At}
	return m.stepSeek(m.frameBudget)
}

// Unfollow makes a follower a live lab where it stands (the presenter
// stopped): the replay's branch.
func (m Model) Unfollow() Model {
	if !m.following {
		return m
	}
	m.following = false
	m.keys.SetFollowing(false)
	if m.seek != nil {
		m = m.stopSeek()
	}
	return m.branch()
}

// followKey refuses, in a follower, the keys that would change the run;
// v branches. ok is false for the keys a follower handles as any lab.
func (m Model) followKey(msg tea.KeyMsg) (next tea.Model, cmd tea.Cmd, ok bool) {
	if !m.following {
		return m, nil, false
	}
	k := m.keys
	off := []key.Binding{k.Faults, k.Params, k.Record}
	for _, b := range k.Following() {
		off = append(off, *b)
	}
	switch {
	case key.Matches(msg, k.Branch):
		return m.Unfollow(), nil, true
	case keymap.Disabled(msg, off...):
		m.status.SetFlash(m.c.T(i18n.ServeFollowReadOnly), true)
		return m, nil, true
	}
	return m, nil, false
}
