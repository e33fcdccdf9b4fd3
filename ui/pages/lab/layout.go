package lab

import (
	"github.com/socklab/socklab/ui/components/hosts"
	"github.com/socklab/socklab/ui/format"
)

// layout is where the panes go for one terminal size. It is a function of
// the size and of how many lines the hosts, timers and connections panes
// would like, so View and the mouse handler agree on it.
//
//	row 0            status line
//	row 1            ┌ hosts ──────┬ timers ─────┐   (or the first pane shown)
//	                 │ top lines   │             │   top    (0: hidden)
//	                 ├ connections ┴─────────────┤
//	                 │ conns lines               │   conns  (0: hidden)
//	                 ├ wire ─────────────────────┤
//	                 │ lane names, then rows     │   wire   (≥ 3)
//	                 ├ what is happening ────────┤
//	                 │ narration                 │   log    (0: hidden)
//	row h-1          └ keys ─────────────────────┘
type layout struct {
	w, h                      int
	top, conns, wire, log     int // content rows of each pane; 0 hides it
	split                     int // column of the hosts│timers divider; 0 stacks them
	topY, connsY, wireY, logY int // first content row of each pane
	tooSmall                  bool
	// zoomed says one pane (the focused one) has the whole screen: its
	// rows are in top (hosts and timers, alone and full width), conns,
	// wire or log.
	zoomed bool
}

// Smallest terminal the lab draws itself in; below it, a note says so.
const (
	minWidth  = 40
	minHeight = 8
	// splitWidth is the least width at which hosts and timers sit side by
	// side; below it they share one column.
	splitWidth = 64
)

// computeLayout shares the rows among the panes. The wire gets the most;
// the hosts and timers pane and the connections pane get what they need up
// to a share; the log keeps a few lines for the narration. Panes drop out
// (hosts and timers first, then connections, then the log) when the
// terminal is too short for all of them.
func computeLayout(w, h, hostsNeed, timersNeed, connsNeed int) layout {
	l := layout{w: w, h: h}
	topNeed := hostsNeed + timersNeed // stacked when narrow
	if w >= splitWidth {
		topNeed = max(hostsNeed, timersNeed)
	}
	if w < minWidth || h < minHeight {
		l.tooSmall = true
		return l
	}
	const minTop, minConns, minWire, minLog = 2, 1, 3, 2
	show := [4]bool{true, true, true, true} // top, conns, wire, log
	avail := func() int {
		n := 0
		for _, s := range show {
			if s {
				n++
			}
		}
		return h - 3 - (n - 1) // status, top and bottom borders, separators
	}
	if avail() < minTop+minConns+minWire+minLog {
		show[0] = false
	}
	if avail() < minConns+minWire+minLog {
		show[1] = false
	}
	if avail() < minWire+minLog {
		show[3] = false
	}
	a := avail()
	if show[0] {
		l.top = format.Clamp(topNeed, minTop, max(minTop, a*3/10))
	}
	if show[1] {
		l.conns = format.Clamp(connsNeed, minConns, max(minConns, a/5))
	}
	if show[3] {
		l.log = format.Clamp(a/5, minLog, 10)
	}
	l.wire = a - l.top - l.conns - l.log
	// The wire is the heart of the screen: give it back rows while it is
	// smaller than a third of the space.
	for want := max(minWire, a/3); l.wire < want; l.wire++ {
		switch {
		case l.top > minTop && show[0]:
			l.top--
		case l.conns > minConns && show[1]:
			l.conns--
		case l.log > minLog && show[3]:
			l.log--
		default:
			want = l.wire // nothing left to take
			l.wire--
		}
	}
	if show[0] && w >= splitWidth {
		l.split = w / 2
	}
	y := 2
	if show[0] {
		l.topY, y = y, y+l.top+1
	}
	if show[1] {
		l.connsY, y = y, y+l.conns+1
	}
	l.wireY, y = y, y+l.wire+1
	if show[3] {
		l.logY = y
	}
	return l
}

// below moves the layout down n rows: what is drawn above it (the replay's
// timeline) takes them.
func (l layout) below(n int) layout {
	if l.tooSmall || n == 0 {
		return l
	}
	l.h += n
	for _, y := range []*int{&l.topY, &l.connsY, &l.wireY, &l.logY} {
		if *y > 0 {
			*y += n
		}
	}
	return l
}

// zoomLayout gives the whole frame to pane p.
func zoomLayout(w, h int, p pane) layout {
	l := layout{w: w, h: h, zoomed: true}
	if w < minWidth || h < minHeight {
		l.tooSmall = true
		return l
	}
	a := h - 3 // status, top and bottom borders
	switch p {
	case paneHosts, paneTimers:
		l.top, l.topY = a, 2
	case paneConns:
		l.conns, l.connsY = a, 2
	case paneLog:
		l.log, l.logY = a, 2
	default:
		l.wire, l.wireY = a, 2
	}
	return l
}

// splitAt is the column of the hosts│timers divider in a w-wide frame.
// Each side gets the width its content would like when both fit (hostsW;
// timers' full width timersW); else the hosts theirs and the timers the
// rest, as long as every timer's name stays whole (timersMin); else the
// timers what their names need, the hosts at least a third.
func splitAt(w, hostsW, timersMin, timersW int) int {
	avail := w - 7 // │ hosts │ timers │, a space inside each border
	var lw int
	switch {
	case hostsW+timersW <= avail:
		lw = hostsW + (avail-hostsW-timersW)/2
	case hostsW+timersMin <= avail:
		lw = hostsW
	default:
		lw = avail - timersMin
	}
	return format.Clamp(lw, avail/3, avail*2/3) + 3
}

// layout sizes the panes for the terminal and what there is to show; the
// replay's timeline takes the row under the status line.
func (m Model) layout() layout {
	hdr := m.headerRows()
	if m.zoom {
		return zoomLayout(m.w, m.h-hdr, m.focus).below(hdr)
	}
	l := computeLayout(m.w, m.h-hdr, hosts.Need(m.snap), max(1, len(m.snap.Timers)), m.conns.Need())
	if l.split > 0 {
		l.split = splitAt(m.w, m.hosts.Width(m.w/2), m.timers.MinWidth(), m.timers.Width())
	}
	return l.below(hdr)
}

// headerRows counts the rows between the status line and the frame: the
// timeline (a replay's; a live lab's past when the terminal has the rows
// to spare), or the filter's prompt (which, on the smallest terminals,
// takes the status line's place instead).
func (m Model) headerRows() int {
	if m.replay != nil || m.h >= liveTimelineHeight || m.modal == modalFilter && m.h > minHeight {
		return 1
	}
	return 0
}

// liveTimelineHeight is the least terminal height at which a live lab
// shows its timeline.
const liveTimelineHeight = 16
