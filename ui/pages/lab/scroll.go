package lab

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// scrollKey scrolls the wire (by row or page, or back to following the
// newest) or the log (by entry).
func (m Model) scrollKey(msg tea.KeyMsg) Model {
	page := max(1, m.lay.wire-2)
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.wire.Scroll(1)
	case key.Matches(msg, k.Down):
		m.wire.Scroll(-1)
	case key.Matches(msg, k.PageUp):
		m.wire.Scroll(page)
	case key.Matches(msg, k.PageDown):
		m.wire.Scroll(-page)
	case key.Matches(msg, k.Follow):
		m.wire.Follow()
		m.log.Follow()
	case key.Matches(msg, k.LogUp):
		m.log.Scroll(1)
	case key.Matches(msg, k.LogDown):
		m.log.Scroll(-1)
	}
	return m
}

// onMouse scrolls with the wheel: the log when the pointer is over it, the
// wire anywhere else.
func (m Model) onMouse(msg tea.MouseMsg) Model {
	if msg.Action != tea.MouseActionPress {
		return m
	}
	d := 0
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		d = 1
	case tea.MouseButtonWheelDown:
		d = -1
	default:
		return m
	}
	l := m.lay
	if l.log > 0 && msg.Y >= l.logY && msg.Y < l.logY+l.log {
		m.log.Scroll(d)
	} else {
		m.wire.Scroll(3 * d)
	}
	return m
}
