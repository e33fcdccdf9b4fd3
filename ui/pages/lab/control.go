package lab

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/components/menu"
	"github.com/socklab/socklab/ui/engine"
	"github.com/socklab/socklab/ui/feed"
	"github.com/socklab/socklab/ui/format"
)

// onTick advances the simulation by one frame at the current speed, unless
// the tick is stale (its tag is not the clock's) or the lab is paused.
func (m Model) onTick(msg engine.TickMsg) (tea.Model, tea.Cmd) {
	if msg.Tag != m.clock.Tag || m.clock.Paused {
		return m, nil
	}
	if m.seek != nil { // the clock waits for the seek
		return m, engine.Tick(m.clock.Tag)
	}
	target := m.run.S.Now() + m.clock.PerFrame()
	if !m.run.Ended() {
		target = min(target, m.run.End()) // the clock stops at the end, for the verdict
	}
	if m.replay != nil {
		if m.run.S.Now() >= m.replay.span {
			return m.atEnd()
		}
		target = min(target, m.replay.span)
	}
	m.clock.Behind = !m.run.Advance(target, m.frameBudget)
	m.refresh()
	if m.replay != nil && m.run.S.Now() >= m.replay.span {
		return m.atEnd()
	}
	if m.atVerdict() {
		return m, m.clock.Retag()
	}
	return m, engine.Tick(m.clock.Tag)
}

// atVerdict pauses at the scenario's end and shows the verdict, the first
// time the run gets there; it reports whether it did.
func (m *Model) atVerdict() bool {
	if !m.run.Ended() || m.run.VerdictShown {
		return false
	}
	m.run.VerdictShown = true
	m.clock.Paused = true
	m.modal = modalVerdict
	return true
}

// verdictKey handles a key while the verdict is shown: space closes it
// and runs on past the end, esc goes back to the lessons (or closes it),
// r restarts, q quits; any other key closes it and does what it does.
func (m Model) verdictKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	m.modal = modalNone
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Lessons):
		return m, back
	case key.Matches(msg, k.Pause):
		m.clock.Paused = false
		return m, m.clock.Retag()
	case key.Matches(msg, k.Restart):
		return m.restart()
	case key.Matches(msg, k.Back):
		return m, nil
	}
	return m.onKey(msg)
}

// back asks for the lessons.
func back() tea.Msg { return BackMsg{} }

// typedAhead says msg holds several keys: Bubble Tea delivers runes that
// arrive together (fast typing, tmux send-keys) as one message.
func typedAhead(msg tea.KeyMsg) bool {
	return msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste
}

// eachKey handles the runes of msg one key at a time.
func (m Model) eachKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	for _, r := range msg.Runes {
		next, cmd := m.onKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
		m = next.(Model)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// onKey handles a key: an open menu or help gets it first.
func (m Model) onKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if msg.Type == tea.KeyCtrlC {
		return m, tea.Quit
	}
	switch m.modal {
	case modalFaults, modalParams:
		return m.menuKey(msg)
	case modalGoto:
		return m.gotoKey(msg)
	case modalHelp:
		if key.Matches(msg, m.keys.Help, m.keys.Back, m.keys.Quit) {
			m.modal = modalNone
		}
		return m, nil
	case modalVerdict:
		return m.verdictKey(msg)
	case modalFilter:
		return m.filterKey(msg)
	}
	m.status.SetFlash("", false)
	for _, handle := range []func(Model, tea.KeyMsg) (tea.Model, tea.Cmd, bool){
		Model.followKey, Model.costKey, Model.inspectKey, Model.replayKey, Model.timelineKey, Model.exploreKey,
	} {
		if next, cmd, ok := handle(m, msg); ok {
			return next, cmd
		}
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Lessons):
		return m, back
	case key.Matches(msg, k.Pause):
		m.clock.Paused = !m.clock.Paused
		return m, m.clock.Retag()
	case key.Matches(msg, k.Step):
		return m.step()
	case key.Matches(msg, k.Jump):
		return m.jump()
	case key.Matches(msg, k.Slower):
		return m.changeSpeed(-1)
	case key.Matches(msg, k.Faster):
		return m.changeSpeed(+1)
	case key.Matches(msg, k.Restart):
		return m.restart()
	case key.Matches(msg, k.Faults):
		m.modal = modalFaults
		m.menu = menu.New(m.c, m.c.T(i18n.UIMenuFaults), faultItems(m.c.Lang, m.run.S, m.snap, m.nodes), k.Faults)
	case key.Matches(msg, k.Params):
		m.modal = modalParams
		m.menu = menu.New(m.c, m.c.T(i18n.UIMenuParams), paramItems(m.run.S, m.snap, m.c.Lang), k.Params)
	case key.Matches(msg, k.Record):
		return m.record(), nil
	case key.Matches(msg, k.Help):
		m.modal = modalHelp
	case key.Matches(msg, k.Lang):
		return m.switchLang(), nil
	default:
		return m.scrollKey(msg), nil
	}
	return m, nil
}

// exploreKey handles the keys of exploring the run: enter opens the wire's
// selected packet (on the connections pane: filters the wire on the
// selected connection), / filters the wire, c shows the cost view, esc
// clears a filter. ok is false for any other key.
func (m Model) exploreKey(msg tea.KeyMsg) (next tea.Model, cmd tea.Cmd, ok bool) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Inspect) && m.focus == paneConns:
		m, cmd = m.filterOnConn()
	case key.Matches(msg, k.Inspect):
		m = m.openInspector()
	case key.Matches(msg, k.Filter):
		m, cmd = m.openFilter()
	case key.Matches(msg, k.Cost):
		m.costing = true
	case key.Matches(msg, k.Back) && m.filter.Active():
		m, cmd = m.setFilter(feed.Filter{})
	default:
		return m, nil, false
	}
	return m, cmd, true
}

// costKey handles a key while the cost view has the screen: c or esc
// closes it, the scroll keys scroll it; any other key does what it does
// (the lab runs on behind it).
func (m Model) costKey(msg tea.KeyMsg) (next tea.Model, cmd tea.Cmd, ok bool) {
	if !m.costing {
		return m, nil, false
	}
	k := m.keys
	page := max(1, m.h-6)
	switch {
	case key.Matches(msg, k.Cost, k.Back):
		m.costing = false
	case key.Matches(msg, k.Up):
		m.cost.Scroll(1, m.run.Tally, m.run.S.Now())
	case key.Matches(msg, k.Down):
		m.cost.Scroll(-1, m.run.Tally, m.run.S.Now())
	case key.Matches(msg, k.PageUp):
		m.cost.Scroll(page, m.run.Tally, m.run.S.Now())
	case key.Matches(msg, k.PageDown):
		m.cost.Scroll(-page, m.run.Tally, m.run.S.Now())
	default:
		return m, nil, false
	}
	return m, nil, true
}

// step pauses and runs the simulation to its next event.
func (m Model) step() (tea.Model, tea.Cmd) {
	m.clock.Paused = true
	cmd := m.clock.Retag()
	if !m.run.Step() {
		m.status.SetFlash(m.c.T(i18n.UINothingLeft), false)
	}
	m.refresh()
	m.atVerdict()
	return m, cmd
}

// jump pauses and runs the simulation, skipping idle time, to the next
// detection, fault or TCP state change.
func (m Model) jump() (tea.Model, tea.Cmd) {
	m.clock.Paused = true
	cmd := m.clock.Retag()
	from := m.run.S.Now()
	switch {
	case m.run.Jump():
		m.status.SetFlash(m.c.T(i18n.UIJumped, "D", format.Dur(m.run.S.Now()-from), "What", m.run.Feed.LastInteresting), false)
	case m.run.Idle():
		m.status.SetFlash(m.c.T(i18n.UINothingLeft), false)
	default:
		m.status.SetFlash(m.c.T(i18n.UINoChange, "D", format.Dur(engine.SearchHorizon)), false)
	}
	m.refresh()
	m.atVerdict()
	return m, cmd
}

// changeSpeed moves one step along the speed ladder.
func (m Model) changeSpeed(d int) (tea.Model, tea.Cmd) {
	m.clock.Speed = format.Clamp(m.clock.Speed+d, 0, len(engine.Speeds)-1)
	m.clock.Behind = false
	return m, m.clock.Retag()
}

// restart rebuilds the scenario's lab from the start, as the scenario
// wrote it: the live changes made are dropped, and the note says how many.
// Speed and pause are kept.
func (m Model) restart() (tea.Model, tea.Cmd) {
	dropped := max(len(m.knownInputs()), len(m.run.S.Inputs())) // those ahead of a lab gone back too
	r, err := engine.NewRun(m.sc, nil)
	if err != nil {
		m.status.SetFlash(m.c.T(i18n.UIRestartErr, "Err", err), true)
		return m, nil
	}
	m.past = live{} // the scenario as written: no past, no inputs to re-apply
	m.setRun(r)
	m.refresh()
	note := m.c.T(i18n.UIRestarted)
	if dropped > 0 {
		note = m.c.T(i18n.UIRestartedDropped, "Count", dropped)
	}
	m.status.SetFlash(note, false)
	return m, m.clock.Retag()
}

// menuKey gives a key to the open menu, and applies what it chose. A
// refused action leaves the menu open with the error.
func (m Model) menuKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var res menu.Result
	var cmd tea.Cmd
	m.menu, res, cmd = m.menu.Update(msg, m.keys)
	switch res {
	case menu.Close:
		m.modal, m.menu = modalNone, menu.Model{}
	case menu.Chosen:
		a := m.menu.Chosen
		if err := m.run.S.CheckAction(a); err != nil {
			m.menu = m.menu.Failed(err)
			return m, cmd
		}
		note := actionText(a, m.c.Lang)
		if m.ahead() > 0 { // gone back: this starts another future
			dropped := m.forget()
			note = m.c.T(i18n.UINewFuture, "At", format.Stamp(m.run.S.Now(), false), "Count", dropped) + " · " + note
		}
		if err := m.run.Apply(a); err != nil {
			m.menu = m.menu.Failed(err)
			return m, cmd
		}
		m.modal, m.menu = modalNone, menu.Model{}
		m.status.SetFlash(note, false)
		m.refresh()
	}
	return m, cmd
}

// onOther passes anything else (the prompt's cursor blink) to an open
// prompt.
func (m Model) onOther(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch {
	case m.modal == modalFilter:
		m.prompt, cmd = m.prompt.Update(msg)
	case m.modal == modalGoto:
		m.timeline, cmd = m.timeline.Update(msg)
	case m.prompting():
		m.menu.Input, cmd = m.menu.Input.Update(msg)
	}
	return m, cmd
}

// actionText words an applied action for the status line: "done: power
// off client", "set apps.client.heartbeat.interval = 5s".
func actionText(a lab.Action, l i18n.Lang) string {
	if a.Do == lab.Set {
		return l.T(i18n.UIActionSet, "Path", a.Target, "Value", a.Value)
	}
	s := strings.ReplaceAll(string(a.Do), "_", " ")
	if a.Target != "" {
		s += " " + a.Target
	}
	if a.Value != "" {
		s += " " + a.Value
	}
	return l.T(i18n.UIActionDone, "Action", s)
}

// switchLang shows everything in the other language, the history too: the
// panes keep messages, not text, and draw them again. The note says which
// language it is, in it.
func (m Model) switchLang() Model {
	l := m.c.Lang.Next()
	m.c.SetLang(l)
	m.keys.SetLang(l)
	if m.modal == modalFaults || m.modal == modalParams {
		m.modal, m.menu = modalNone, menu.Model{} // reopened, it speaks the new language
	}
	m.status.SetFlash(l.T(i18n.UILang), false)
	m.refresh()
	return m
}
