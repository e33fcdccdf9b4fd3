package lab

import "github.com/socklab/socklab/ui/common"

// pane names a pane of the lab.
type pane int

const (
	paneHosts pane = iota
	paneTimers
	paneConns
	paneWire
	paneLog
	nPanes
)

// shown says pane p is on screen in layout l.
func (l layout) shown(p pane) bool {
	switch p {
	case paneHosts:
		return l.top > 0
	case paneTimers:
		return l.top > 0 && (!l.zoomed)
	case paneConns:
		return l.conns > 0
	case paneWire:
		return l.wire > 0
	case paneLog:
		return l.log > 0
	}
	return false
}

// moveFocus gives the focus to the next pane on screen (d = 1) or the
// previous one (d = -1). Zoomed, the zoom follows the focus.
func (m *Model) moveFocus(d int) {
	full := m.lay
	if m.zoom {
		m.zoom = false
		full = m.layout()
		defer func() { m.zoom = true; m.resize() }()
	}
	for i := 1; i <= int(nPanes); i++ {
		p := pane((int(m.focus) + d*i + 2*int(nPanes)) % int(nPanes))
		if full.shown(p) {
			m.focus = p
			return
		}
	}
}

// pane is the component drawn in pane p.
func (m Model) pane(p pane) common.Pane {
	switch p {
	case paneHosts:
		return &m.hosts
	case paneTimers:
		return &m.timers
	case paneConns:
		return &m.conns
	case paneLog:
		return &m.log
	}
	return &m.wire
}

// scrollFocused moves the focused pane n lines up (n < 0: down): the wire
// and the connections move their cursor, the others scroll.
func (m *Model) scrollFocused(n int) {
	if m.focus == paneConns {
		m.conns.MoveCursor(n)
		return
	}
	m.scrollPane(m.focus, n)
}

func (m *Model) scrollPane(p pane, n int) {
	switch p {
	case paneWire:
		m.wire.MoveCursor(n)
	case paneHosts:
		m.hosts.Scroll(n)
	case paneTimers:
		m.timers.Scroll(n)
	case paneConns:
		m.conns.Scroll(n)
	case paneLog:
		m.log.Scroll(n)
	}
}

// paneRows is how many content rows the focused pane has: a page.
func (m Model) paneRows(p pane) int {
	switch p {
	case paneHosts, paneTimers:
		return m.lay.top
	case paneConns:
		return m.lay.conns
	case paneLog:
		return m.lay.log
	}
	return max(1, m.lay.wire-1)
}

// toEnd scrolls the focused pane to its top (dir > 0) or its end; the
// wire and the narration then follow their newest line again.
func (m *Model) toEnd(dir int) {
	const far = 1 << 30
	switch {
	case dir < 0 && m.focus == paneWire:
		m.wire.Follow()
	case dir < 0 && m.focus == paneLog:
		m.log.Follow()
	case m.focus == paneLog:
		m.log.Top()
	default:
		m.scrollFocused(dir * far)
	}
}

// paneAt is the pane under the screen cell (x, y), and whether there is
// one.
func (m Model) paneAt(x, y int) (pane, bool) {
	l := m.lay
	in := func(top, rows int) bool { return rows > 0 && y >= top && y < top+rows }
	switch {
	case in(l.topY, l.top):
		if m.zoom {
			return m.focus, true
		}
		if l.split > 0 && x >= l.split {
			return paneTimers, true
		}
		return paneHosts, true
	case in(l.connsY, l.conns):
		return paneConns, true
	case in(l.wireY, l.wire):
		return paneWire, true
	case in(l.logY, l.log):
		return paneLog, true
	}
	return 0, false
}
