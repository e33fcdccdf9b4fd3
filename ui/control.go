package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/socklab/socklab/lab"
)

// onTick advances the simulation by one frame at the current speed, unless
// the tick is stale (its tag is not the clock's) or the lab is paused.
func (m Model) onTick(msg tickMsg) (tea.Model, tea.Cmd) {
	if msg.tag != m.clock.tag || m.clock.paused {
		return m, nil
	}
	if m.seek != nil { // the clock waits for the seek
		return m, tick(m.clock.tag)
	}
	target := m.run.s.Now() + m.clock.perFrame()
	if m.replay != nil {
		if m.run.s.Now() >= m.replay.span {
			return m.atEnd()
		}
		target = min(target, m.replay.span)
	}
	m.clock.behind = !m.run.advance(target, frameBudget)
	m.refresh()
	if m.replay != nil && m.run.s.Now() >= m.replay.span {
		return m.atEnd()
	}
	return m, tick(m.clock.tag)
}

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
	}
	m.flash, m.flashErr = "", false
	if m.replay != nil {
		if next, cmd, ok := m.replayKey(msg); ok {
			return next, cmd
		}
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Pause):
		m.clock.paused = !m.clock.paused
		return m, m.clock.retag()
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
		m.menu = newMenu("Fault — do it now", faultItems(m.run.s, m.snap, m.nodes), k.Faults)
	case key.Matches(msg, k.Params):
		m.modal = modalParams
		m.menu = newMenu("Parameters — change one live", paramItems(m.run.s, m.snap), k.Params)
	case key.Matches(msg, k.Record):
		return m.record(), nil
	case key.Matches(msg, k.Help):
		m.modal = modalHelp
	default:
		return m.scrollKey(msg), nil
	}
	return m, nil
}

// step pauses and runs the simulation to its next event.
func (m Model) step() (tea.Model, tea.Cmd) {
	m.clock.paused = true
	cmd := m.clock.retag()
	if !m.run.step() {
		m.flash = "nothing is left to happen"
	}
	m.refresh()
	return m, cmd
}

// jump pauses and runs the simulation, skipping idle time, to the next
// detection, fault or TCP state change.
func (m Model) jump() (tea.Model, tea.Cmd) {
	m.clock.paused = true
	cmd := m.clock.retag()
	from := m.run.s.Now()
	switch {
	case m.run.jump():
		m.flash = "+" + fmtDur(m.run.s.Now()-from) + ": " + m.run.feed.lastInteresting
	case m.run.idle():
		m.flash = "nothing is left to happen"
	default:
		m.flash = "nothing changes in the next " + fmtDur(searchHorizon)
	}
	m.refresh()
	return m, cmd
}

// changeSpeed moves one step along the speed ladder.
func (m Model) changeSpeed(d int) (tea.Model, tea.Cmd) {
	m.clock.speed = clamp(m.clock.speed+d, 0, len(speeds)-1)
	m.clock.behind = false
	return m, m.clock.retag()
}

// restart rebuilds the scenario's lab from the start; speed and pause are
// kept.
func (m Model) restart() (tea.Model, tea.Cmd) {
	r, err := newRun(m.sc, nil)
	if err != nil {
		m.flash, m.flashErr = "restart: "+err.Error(), true
		return m, nil
	}
	m.run = r
	m.wireOff, m.logOff, m.wireSeen, m.logSeen = 0, 0, 0, 0
	m.refresh()
	m.flash = "restarted"
	return m, m.clock.retag()
}

// menuKey gives a key to the open menu, and applies what it chose. A
// refused action leaves the menu open with the error.
func (m Model) menuKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var res menuResult
	var cmd tea.Cmd
	m.menu, res, cmd = m.menu.Update(msg, m.keys)
	switch res {
	case menuClose:
		m.modal, m.menu = modalNone, menu{}
	case menuChosen:
		a := m.menu.chosen
		if err := m.run.s.Apply(a); err != nil {
			m.menu = m.menu.failed(err)
			return m, cmd
		}
		m.modal, m.menu = modalNone, menu{}
		m.flash = actionText(a)
		m.refresh()
	}
	return m, cmd
}

// onOther passes anything else (the prompt's cursor blink) to an open
// prompt.
func (m Model) onOther(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.modal == modalGoto {
		var cmd tea.Cmd
		m.prompt, cmd = m.prompt.Update(msg)
		return m, cmd
	}
	if m.prompting() {
		var cmd tea.Cmd
		m.menu.input, cmd = m.menu.input.Update(msg)
		return m, cmd
	}
	return m, nil
}

// actionText words an applied action for the status line: "done: power
// off client", "set apps.client.heartbeat.interval = 5s".
func actionText(a lab.Action) string {
	if a.Do == "set" {
		return "set " + a.Target + " = " + a.Value
	}
	s := "done: " + strings.ReplaceAll(a.Do, "_", " ")
	if a.Target != "" {
		s += " " + a.Target
	}
	if a.Value != "" {
		s += " " + a.Value
	}
	return s
}
