package lab

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// scrollKey moves the focus, zooms, and scrolls the focused pane (the
// wire: moves its cursor) by line, by page, to its top or to its end; [
// and ] scroll the narration whatever has the focus.
func (m Model) scrollKey(msg tea.KeyMsg) Model {
	k := m.keys
	switch {
	case key.Matches(msg, k.FocusNext):
		m.moveFocus(1)
	case key.Matches(msg, k.FocusPrev):
		m.moveFocus(-1)
	case key.Matches(msg, k.Zoom):
		m.zoom = !m.zoom
		m.resize()
	case key.Matches(msg, k.Up):
		m.scrollFocused(1)
	case key.Matches(msg, k.Down):
		m.scrollFocused(-1)
	case key.Matches(msg, k.PageUp):
		m.scrollFocused(max(1, m.paneRows(m.focus)-1))
	case key.Matches(msg, k.PageDown):
		m.scrollFocused(-max(1, m.paneRows(m.focus)-1))
	case key.Matches(msg, k.Home):
		m.toEnd(1)
	case key.Matches(msg, k.Follow):
		m.toEnd(-1)
	case key.Matches(msg, k.LogUp):
		m.log.Scroll(1)
	case key.Matches(msg, k.LogDown):
		m.log.Scroll(-1)
	}
	return m
}

// onMouse scrolls the pane under the pointer with the wheel (the wire:
// three rows a notch, the view rather than its cursor), and a click gives
// a pane the focus.
func (m Model) onMouse(msg tea.MouseMsg) Model {
	if msg.Action != tea.MouseActionPress {
		return m
	}
	p, ok := m.paneAt(msg.X, msg.Y)
	if !ok {
		return m
	}
	d := 0
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		d = 1
	case tea.MouseButtonWheelDown:
		d = -1
	case tea.MouseButtonLeft:
		m.focus = p
		if seq, ok := m.wire.RowAt(msg.Y - m.lay.wireY); ok && p == paneWire {
			m.wire.Select(seq)
			return m.openInspector()
		}
		return m
	}
	switch {
	case d == 0:
	case p == paneWire:
		m.wire.Scroll(3 * d)
	default:
		m.scrollPane(p, d)
	}
	return m
}
