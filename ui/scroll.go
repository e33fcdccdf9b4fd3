package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// scrollKey scrolls the wire (by row or page, or back to following the
// newest) or the log (by entry).
func (m Model) scrollKey(msg tea.KeyMsg) Model {
	page := max(1, m.layout().wire-2)
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.scrollWire(1)
	case key.Matches(msg, k.Down):
		m.scrollWire(-1)
	case key.Matches(msg, k.PageUp):
		m.scrollWire(page)
	case key.Matches(msg, k.PageDown):
		m.scrollWire(-page)
	case key.Matches(msg, k.Follow):
		m.wireOff, m.logOff = 0, 0
	case key.Matches(msg, k.LogUp):
		m.scrollLog(1)
	case key.Matches(msg, k.LogDown):
		m.scrollLog(-1)
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
	l := m.layout()
	if l.log > 0 && msg.Y >= l.logY && msg.Y < l.logY+l.log {
		m.scrollLog(d)
	} else {
		m.scrollWire(3 * d)
	}
	return m
}

// scrollWire moves the wire n rows back (n < 0: forward), no further than
// its oldest row at the top of the pane.
func (m *Model) scrollWire(n int) {
	rows := max(1, m.layout().wire-1)
	m.wireOff = clamp(m.wireOff+n, 0, max(0, m.run.feed.wire.len()-rows))
}

// scrollLog moves the log n entries back (n < 0: forward).
func (m *Model) scrollLog(n int) {
	m.logOff = clamp(m.logOff+n, 0, max(0, m.run.feed.log.len()-1))
}
