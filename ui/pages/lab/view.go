package lab

import (
	"strings"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/components/statusbar"
	"github.com/socklab/socklab/ui/components/timeline"
	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/pages/verdict"
)

// View draws the lab: the status line, the framed panes sized by layout,
// and an open menu or help on top. It reads the model and the feed and
// changes nothing; its cost depends on the terminal's size, not on how
// long the lab has run.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	l := m.lay
	if l.tooSmall {
		return m.tooSmall()
	}
	lines := make([]string, 0, m.h)
	switch {
	case m.headerRows() > 0:
		lines = append(lines, m.statusBar().View(), m.headerRow())
	case m.modal == modalFilter:
		lines = append(lines, m.headerRow())
	default:
		lines = append(lines, m.statusBar().View())
	}
	f := common.NewFrame(m.c.Styles, m.w)
	switch {
	case m.costing:
		lines = m.costPage(lines, f)
	case l.zoomed:
		lines = m.zoomedPane(lines, f)
	default:
		lines = m.panes(lines, f)
	}
	lines = append(lines, f.Bottom(m.statusBar().Bottom()))
	switch {
	case m.modal != modalNone && m.modal != modalGoto && m.modal != modalFilter:
		lines = m.drawModal(lines)
	case m.inspecting && !m.beside() && !m.costing:
		lines = m.drawInspector(lines)
	}
	return strings.Join(lines, "\n")
}

// headerRow is the row under the status line: the timeline, or the
// filter's prompt while it is open.
func (m Model) headerRow() string {
	if m.modal == modalFilter {
		return format.Fit(" "+m.prompt.View()+"  "+m.c.Styles.Hint.Render(m.c.T(i18n.UIFilterHint)), m.w)
	}
	return m.timelineRow().View()
}

// costPage draws the cost view on the whole frame.
func (m Model) costPage(lines []string, f common.Frame) []string {
	now := m.run.S.Now()
	lines = append(lines, f.Top(m.cost.Title(now)+" · "+m.c.T(i18n.UICostKeys), 0, "", true, false))
	return framed(lines, f, m.cost.Lines(m.run.Tally, now), m.h-3-m.headerRows(), true)
}

// drawInspector puts the packet inspector over the screen, centred.
func (m Model) drawInspector(lines []string) []string {
	w := min(m.w-4, 110)
	content := []string{m.c.Styles.ModalTitle.Render(format.Clip(m.insp.Title(), w-4)), ""}
	content = append(content, m.insp.Lines()...)
	content = append(content, "", m.c.Styles.Hint.Render(format.Clip(m.c.T(i18n.UIInspectKeys), w-4)))
	box := common.ModalBox(m.c.Styles, content, w)
	return common.Overlay(lines, box, (m.w-w)/2, max(1, (m.h-len(box))/2))
}

// panes draws every pane the layout shows, the focused one heavy.
func (m Model) panes(lines []string, f common.Frame) []string {
	l := m.lay
	first := true
	sep := func(title string, above int, p pane) string {
		if first {
			first = false
			return f.Top(title, 0, "", m.focus == p, false)
		}
		return f.Sep(title, above, m.focus == p)
	}
	above := 0 // the divider column of the pane above, to close
	if l.top > 0 {
		first = false
		hostsTitle := m.hosts.Title()
		if l.split > 0 {
			lines = append(lines, f.Top(hostsTitle, l.split, m.timers.Title(), m.focus == paneHosts, m.focus == paneTimers))
			left, right := m.hosts.Lines(), m.timers.Lines()
			side := 0
			switch m.focus {
			case paneHosts:
				side = 1
			case paneTimers:
				side = 2
			}
			for i := range l.top {
				lines = append(lines, f.Pair(l.split, at(left, i), at(right, i), side))
			}
			above = l.split
		} else {
			focused := m.focus == paneHosts || m.focus == paneTimers
			lines = append(lines, f.Top(hostsTitle+" · "+m.timers.Title(), 0, "", focused, false))
			lines = framed(lines, f, append(m.hosts.Lines(), m.timers.Lines()...), l.top, focused)
		}
	}
	if l.conns > 0 {
		lines = append(lines, sep(m.conns.Title(), above, paneConns))
		above = 0
		lines = framed(lines, f, m.conns.Lines(), l.conns, m.focus == paneConns)
	}
	if m.inspecting && m.beside() {
		lines = append(lines, sep(m.wire.Title()+" │ "+m.insp.Title(), above, paneWire))
		lw, _ := m.wireWidths()
		left, right := m.wire.Lines(), m.insp.Lines()
		content := make([]string, l.wire)
		for i := range content {
			content[i] = format.Fit(at(left, i), lw) + m.c.Styles.Border.Render(" │ ") + at(right, i)
		}
		lines = framed(lines, f, content, l.wire, m.focus == paneWire)
	} else {
		lines = append(lines, sep(m.wire.Title(), above, paneWire))
		lines = framed(lines, f, m.wire.Lines(), l.wire, m.focus == paneWire)
	}
	if l.log > 0 {
		lines = append(lines, f.Sep(m.log.Title(), 0, m.focus == paneLog))
		lines = framed(lines, f, m.log.Lines(), l.log, m.focus == paneLog)
	}
	return lines
}

// zoomedPane draws the focused pane alone, on the whole frame.
func (m Model) zoomedPane(lines []string, f common.Frame) []string {
	p := m.pane(m.focus)
	title, content, rows := p.Title(), p.Lines(), m.paneRows(m.focus)
	if m.focus == paneWire {
		rows = m.lay.wire
	}
	lines = append(lines, f.Top(m.c.T(i18n.UIZoomed, "Title", title), 0, "", true, false))
	return framed(lines, f, content, rows, true)
}

// statusBar is the status line as of now.
func (m Model) statusBar() statusbar.Model {
	s := m.status
	s.Keys = m.keys
	s.Name, s.Now, s.End, s.Seed = m.sc.Name, m.snap.Now, m.run.End(), m.snap.Seed
	s.Paused, s.Behind, s.Speed = m.clock.Paused, m.clock.Behind, m.clock.Factor()
	s.Events = m.run.Feed.Events
	return s
}

// timelineRow is the timeline as of now: a replay's, or a live lab's past.
func (m Model) timelineRow() timeline.Model {
	t := m.timeline
	if m.replay == nil {
		t.SetPast(m.marks(), m.span(), len(m.knownInputs()))
	}
	t.Playhead, t.Seeking, t.Ahead, t.Following = m.playhead(), m.seek != nil, m.ahead(), m.following
	return t
}

// framed adds exactly h framed content lines.
func framed(lines []string, f common.Frame, content []string, h int, focused bool) []string {
	for i := range h {
		lines = append(lines, f.Line(at(content, i), focused))
	}
	return lines
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}

// tooSmall is the whole screen when the terminal is too small for the lab.
func (m Model) tooSmall() string {
	msg := m.c.T(i18n.UITooSmall, "W", minWidth, "H", minHeight+m.headerRows(), "CW", m.w, "CH", m.h)
	var lines []string
	for _, l := range format.Wrap(msg, m.w) {
		lines = append(lines, format.Fit(l, m.w))
	}
	if len(lines) > m.h {
		lines = lines[:m.h]
	}
	return strings.Join(lines, "\n")
}

// drawModal puts the open menu or the help over the screen, centred.
func (m Model) drawModal(lines []string) []string {
	w := min(m.w-4, 160) // menus use the width there is
	h := m.h - 4
	var content []string
	switch m.modal {
	case modalFaults, modalParams:
		content = m.menu.Lines(m.c.Styles, w-4, h-2)
	case modalHelp:
		content = m.helpContent(w - 4)
	case modalVerdict:
		content = verdict.New(m.c, m.sc.Name, m.run.End(), m.run.Verdicts, m.keys.Lessons.Enabled()).Lines(w-4, h-2)
	}
	if len(content) > h-2 {
		content = content[:max(0, h-2)]
	}
	box := common.ModalBox(m.c.Styles, content, w)
	return common.Overlay(lines, box, (m.w-w)/2, max(1, (m.h-len(box))/2))
}

// helpContent is the full help: every key, then how to read the screen.
func (m Model) helpContent(w int) []string {
	st := m.c.Styles
	lines := []string{st.ModalTitle.Render(m.c.T(i18n.UIHelpKeys)), ""}
	lines = append(lines, strings.Split(m.statusBar().HelpView(w), "\n")...)
	if m.replay != nil {
		lines = append(lines, "", st.ModalTitle.Render(m.c.T(i18n.UIHelpReplaying, "Name", m.sc.Name)), "")
		for _, l := range format.Wrap(m.c.T(i18n.UIHelpReplay), w) {
			lines = append(lines, st.Hint.Render(l))
		}
	}
	lines = append(lines, "", st.ModalTitle.Render(m.c.T(i18n.UIHelpWire)), "")
	legend := []string{
		m.c.T(i18n.UIHelpLegend1), m.c.T(i18n.UIHelpLegend2), m.c.T(i18n.UIHelpLegend3), m.c.T(i18n.UIHelpLegend4),
		m.c.T(i18n.UILegendShort), m.c.T(i18n.UIHelpLegend5),
	}
	for _, l := range legend {
		if format.Width(l) <= w {
			lines = append(lines, st.Hint.Render(l))
			continue
		}
		for _, part := range format.Wrap(l, w) {
			lines = append(lines, st.Hint.Render(part))
		}
	}
	return append(lines, "", st.Hint.Render(m.c.T(i18n.UIHelpClose)))
}
