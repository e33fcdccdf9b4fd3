package lab

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/components/inspector"
	"github.com/socklab/socklab/ui/feed"
)

// The packet inspector opens the wire's selected row (enter, or a click
// on a row): its story, headers and payload, beside the wire on a wide
// screen (besideWidth) and over it otherwise. While it is open ↑ and ↓
// move the wire's cursor and it follows, a opens the segment the packet
// acknowledges and o the one it answers, pgup and pgdn scroll it, esc
// closes it; every other key does what it does.

// besideWidth is the least terminal width at which the inspector sits
// beside the wire rather than over it.
const besideWidth = 160

// openInspector opens the inspector on the wire's selected row, selecting
// the newest row when none is.
func (m Model) openInspector() Model {
	if m.wire.Selected() == nil {
		m.wire.MoveCursor(1)
	}
	r := m.wire.Selected()
	if r == nil {
		m.status.SetFlash(m.c.T(i18n.UIInspectNotPacket), false)
		return m
	}
	seq, _ := m.wire.SelectedSeq()
	m.insp = inspector.New(m.c, m.wire.Feed(), seq)
	m.inspecting = true
	m.focus = paneWire
	m.resize()
	return m
}

// follow points the inspector at the wire's selected row again.
func (m *Model) follow() {
	if seq, ok := m.wire.SelectedSeq(); ok && seq != m.insp.Seq() {
		m.insp = inspector.New(m.c, m.wire.Feed(), seq)
		m.sizeInspector()
	}
}

// jumpTo selects the row of packet id and opens it; the status line says
// when the wire no longer holds it.
func (m Model) jumpTo(id uint64) Model {
	if id == 0 {
		m.status.SetFlash(m.c.T(i18n.UIInspectNone), false)
		return m
	}
	seq, ok := m.wire.Feed().FindPacket(id)
	if !ok {
		m.status.SetFlash(m.c.T(i18n.UIInspectOffWire), false)
		return m
	}
	m.wire.Select(seq)
	m.follow()
	return m
}

// inspectKey handles a key while the inspector is open; ok is false for a
// key the lab handles as usual.
func (m Model) inspectKey(msg tea.KeyMsg) (next tea.Model, cmd tea.Cmd, ok bool) {
	if !m.inspecting {
		return m, nil, false
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Back):
		m.inspecting = false
		m.resize()
	case key.Matches(msg, k.Up):
		m.toPacket(1)
	case key.Matches(msg, k.Down):
		m.toPacket(-1)
	case key.Matches(msg, k.AckJump):
		m = m.jumpTo(m.insp.Acks())
	case key.Matches(msg, k.AnswerJump):
		m = m.jumpTo(m.insp.Answers())
	case key.Matches(msg, k.PageUp):
		m.insp.Scroll(max(1, m.inspectorRows()-1))
	case key.Matches(msg, k.PageDown):
		m.insp.Scroll(-max(1, m.inspectorRows()-1))
	default:
		return m, nil, false
	}
	return m, nil, true
}

// toPacket moves the wire's cursor to the next packet's row back in time
// (d = 1) or forward (d = -1), over rows that are not packets; it stays
// where it is when there is none.
func (m *Model) toPacket(d int) {
	seq, _ := m.wire.SelectedSeq()
	for {
		m.wire.MoveCursor(d)
		r := m.wire.Selected()
		next, _ := m.wire.SelectedSeq()
		switch {
		case r == nil || next == seq: // past the newest row, or the oldest
			m.wire.Select(m.insp.Seq())
			return
		case r.Kind == feed.RowSegment:
			m.follow()
			return
		}
		seq = next
	}
}

// beside says the inspector sits beside the wire.
func (m Model) beside() bool { return m.w >= besideWidth && !m.zoom }

// inspectorRows is how many content lines the inspector has.
func (m Model) inspectorRows() int {
	if m.beside() {
		return max(1, m.lay.wire)
	}
	return max(1, m.h-6)
}

// wireWidths share the wire pane's inner width between the ladder and the
// inspector beside it (separated by " │ ").
func (m Model) wireWidths() (ladder, insp int) {
	inner := m.w - 4
	insp = min(90, inner*2/5)
	return inner - insp - 3, insp
}

// sizeInspector gives the wire and the inspector their sizes: the ladder
// narrower when the inspector sits beside it.
func (m *Model) sizeInspector() {
	if !m.inspecting {
		return
	}
	if m.beside() {
		lw, iw := m.wireWidths()
		m.wire.SetSize(lw, m.lay.wire)
		m.insp.SetSize(iw, m.lay.wire)
		return
	}
	w := min(m.w-4, 110) - 4
	m.insp.SetSize(w, m.inspectorRows()-2)
}
