package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/socklab/socklab/netsim"
)

// View draws the lab: the status line, the framed panes sized by layout,
// and an open menu or help on top. It reads the model and the feed and
// changes nothing; its cost depends on the terminal's size, not on how
// long the lab has run.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	l := m.layout()
	if l.tooSmall {
		return m.tooSmall()
	}
	lines := make([]string, 0, m.h)
	lines = append(lines, m.statusLine())
	if m.replay != nil {
		lines = append(lines, m.timelineLine())
	}
	f := framer{st: m.styles, w: m.w}
	first := true
	sep := func(title string, above int) string {
		if first {
			first = false
			return f.top(title, 0, "")
		}
		return f.sep(title, above)
	}
	above := 0 // the divider column of the pane above, to close
	if l.top > 0 {
		first = false
		if l.split > 0 {
			lines = append(lines, f.top("hosts", l.split, m.timersTitle()))
			lw, rw := splitWidths(m.w, l.split)
			left := hostsLines(m.snap, m.nodes, m.styles, lw, l.top)
			right := timersLines(m.d, m.snap.Now, m.styles, rw, l.top)
			for i := range l.top {
				lines = append(lines, f.pair(l.split, at(left, i), at(right, i)))
			}
			above = l.split
		} else {
			lines = append(lines, f.top("hosts · "+m.timersTitle(), 0, ""))
			hl := hostsLines(m.snap, m.nodes, m.styles, f.inner(), max(1, l.top-min(len(m.snap.Timers), l.top/2)))
			tl := timersLines(m.d, m.snap.Now, m.styles, f.inner(), l.top-len(hl))
			for _, s := range append(hl, tl...) {
				lines = append(lines, f.line(s))
			}
			for range l.top - len(hl) - len(tl) {
				lines = append(lines, f.line(""))
			}
		}
	}
	if l.conns > 0 {
		lines = append(lines, sep(fmt.Sprintf("connections %d", len(m.snap.Conns)), above))
		above = 0
		lines = m.pane(lines, f, connsLines(m.snap, m.styles, f.inner(), l.conns), l.conns)
	}
	lines = append(lines, sep(m.wireTitle(), above))
	lines = m.pane(lines, f, m.wireLines(f.inner(), l.wire), l.wire)
	if l.log > 0 {
		lines = append(lines, f.sep(m.logTitle(), 0))
		lines = m.pane(lines, f, logLines(m.run.feed, m.styles, f.inner(), l.log, m.logOff), l.log)
	}
	lines = append(lines, f.bottom(m.bottomLine(m.statusWidth())))
	if m.modal != modalNone && m.modal != modalGoto {
		lines = m.drawModal(lines)
	}
	return strings.Join(lines, "\n")
}

// pane adds exactly h framed content lines.
func (m Model) pane(lines []string, f framer, content []string, h int) []string {
	for i := range h {
		lines = append(lines, f.line(at(content, i)))
	}
	return lines
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}

// layout sizes the panes for the terminal and what there is to show; the
// replay's timeline takes the row under the status line.
func (m Model) layout() layout {
	hostsNeed := len(m.snap.Hosts) + len(m.snap.Boxes) + 1
	for _, b := range m.snap.Boxes {
		hostsNeed += len(b.Flows)
	}
	l := computeLayout(m.w, m.h-m.headerRows(), hostsNeed, max(1, len(m.snap.Timers)), max(1, len(m.snap.Conns)))
	return l.below(m.headerRows())
}

// headerRows counts the rows between the status line and the frame: the
// replay's timeline.
func (m Model) headerRows() int {
	if m.replay != nil {
		return 1
	}
	return 0
}

// shortHelp is the key line in the bottom border. Space says what it will
// do. When not every key fits, the most needed ones stay (space, fault, help
// and quit first), in their usual order.
func (m Model) shortHelp() string {
	k := m.keys
	if m.clock.paused {
		k.Pause.SetHelp("space", "run")
	} else {
		k.Pause.SetHelp("space", "pause")
	}
	hm := m.help
	hm.Width = m.w - 4
	if m.w < 100 {
		hm.ShortSeparator = "  "
	}
	sepW := ansi.StringWidth(hm.ShortSeparator)
	all, priority := k.ShortHelp(), k.shortPriority()
	if m.replay != nil {
		all, priority = k.ReplayShortHelp(), k.replayShortPriority()
	}
	keep := map[string]bool{}
	used := 0
	for _, b := range priority {
		bw := ansi.StringWidth(b.Help().Key) + 1 + ansi.StringWidth(b.Help().Desc)
		if used > 0 {
			bw += sepW
		}
		if used+bw <= m.w-6 {
			keep[b.Help().Key] = true
			used += bw
		}
	}
	shown := slices.DeleteFunc(all, func(b key.Binding) bool { return !keep[b.Help().Key] })
	return hm.ShortHelpView(shown)
}

// statusParts are the pieces of the status line, left to right.
func (m Model) statusParts() []string {
	st := m.styles
	run := st.Running.Render("▶ running " + speedText(m.clock.factor()))
	if m.clock.paused {
		run = st.Paused.Render("❚❚ paused " + speedText(m.clock.factor()))
	} else if m.clock.behind {
		run += st.Warn.Render(" (lagging)")
	}
	brand, name := st.Brand.Render("socklab"), st.Strong.Render(m.sc.Name)
	clock, seed := "t "+netsim.FormatTime(m.snap.Now), fmt.Sprintf("seed %d", m.snap.Seed)
	// Narrow, the brand and then the seed give way to what changes.
	for _, parts := range [][]string{
		{brand, name, clock, run, seed},
		{name, clock, run, seed},
		{name, clock, run},
	} {
		if m.w >= 120 {
			parts = append(parts, fmt.Sprintf("%d events", m.run.feed.events))
		}
		if 1+ansi.StringWidth(strings.Join(parts, " · ")) <= m.w {
			return parts
		}
	}
	short := st.Running.Render("▶ " + speedText(m.clock.factor()))
	if m.clock.paused {
		short = st.Paused.Render("❚❚ " + speedText(m.clock.factor()))
	}
	return []string{name, netsim.FormatTime(m.snap.Now), short}
}

// statusWidth is the width of the status line without the note.
func (m Model) statusWidth() int {
	return 1 + ansi.StringWidth(strings.Join(m.statusParts(), " · "))
}

// statusLine: " socklab · power-loss-heartbeat · t 00:01:42.300 · ▶ ×10 ·
// seed 1", and on the right the note of the last action.
func (m Model) statusLine() string {
	st := m.styles
	left := " " + strings.Join(m.statusParts(), st.Dim.Render(" · "))
	if m.flash != "" {
		// The note of the last action goes to the right if it fits there
		// whole; else the bottom line shows it (see bottomLine).
		if m.flashOnStatus(m.statusWidth()) {
			return fit(left+" │ "+m.flashText(), m.w)
		}
		return fit(left, m.w)
	}
	if m.clock.paused && m.snap.Now == 0 && m.w >= 100 {
		return fit(left+st.Dim.Render("   space runs · ? help"), m.w)
	}
	return fit(left, m.w)
}

// flashOnStatus says the note of the last action fits whole on the right
// of the status line, which is statusLen wide without it.
func (m Model) flashOnStatus(statusLen int) bool {
	return m.w-statusLen-3 >= ansi.StringWidth(m.flash)
}

// flashText is the styled note of the last action.
func (m Model) flashText() string {
	if m.flashErr {
		return m.styles.FlashErr.Render(m.flash)
	}
	return m.styles.Flash.Render(m.flash)
}

// bottomLine is the text of the frame's last line: the keys, or the note
// of the last action when the status line has no room for it.
func (m Model) bottomLine(statusLen int) string {
	if m.flash != "" && !m.flashOnStatus(statusLen) {
		return m.flashText()
	}
	return m.shortHelp()
}

func (m Model) timersTitle() string {
	return fmt.Sprintf("timers %d", len(m.snap.Timers))
}

func (m Model) wireTitle() string {
	if m.wireOff > 0 {
		return fmt.Sprintf("wire · scrolled back %d rows · end follows", m.wireOff)
	}
	return "wire"
}

func (m Model) logTitle() string {
	if m.logOff > 0 {
		return fmt.Sprintf("what is happening · %d back · end follows", m.logOff)
	}
	return "what is happening"
}

// wireLines renders the wire pane: the lane names, then the rows that fit,
// the newest at the bottom (or, scrolled back, wireOff rows earlier).
func (m Model) wireLines(w, h int) []string {
	f := m.run.feed
	v := newWireView(m.styles, w, m.nodes, m.via)
	out := []string{v.header()}
	rows := h - 1
	if f.wire.len() == 0 {
		return append(out, m.styles.Dim.Render("nothing on the wire yet"))
	}
	for k := min(m.wireOff+rows-1, f.wire.len()-1); k >= m.wireOff; k-- {
		out = append(out, v.row(f.wire.fromEnd(k)))
	}
	return out
}

// tooSmall is the whole screen when the terminal is too small for the lab.
func (m Model) tooSmall() string {
	msg := fmt.Sprintf("socklab needs %d×%d (this is %d×%d) · q quits", minWidth, minHeight+m.headerRows(), m.w, m.h)
	var lines []string
	for _, l := range wrap(msg, m.w) {
		lines = append(lines, fit(l, m.w))
	}
	if len(lines) > m.h {
		lines = lines[:m.h]
	}
	return strings.Join(lines, "\n")
}

// drawModal puts the open menu or the help over the screen, centred.
func (m Model) drawModal(lines []string) []string {
	w := min(m.w-2, 84)
	h := m.h - 4
	var content []string
	switch m.modal {
	case modalFaults, modalParams:
		content = m.menu.view(m.styles, w-4, h-2)
	case modalHelp:
		content = m.helpContent(w - 4)
	}
	if len(content) > h-2 {
		content = content[:max(0, h-2)]
	}
	box := modalBox(m.styles, content, w)
	return overlay(lines, box, (m.w-w)/2, max(1, (m.h-len(box))/2))
}

// helpContent is the full help: every key, then how to read the screen.
func (m Model) helpContent(w int) []string {
	st := m.styles
	hm := m.help
	hm.Width = w
	lines := []string{st.ModalTitle.Render("Keys"), ""}
	if m.replay != nil {
		lines = append(lines, strings.Split(hm.FullHelpView(m.keys.ReplayFullHelp()), "\n")...)
		lines = append(lines, "", st.ModalTitle.Render("Replaying "+m.sc.Name), "")
		for _, l := range wrap("The recorded faults and changes play back at their times; seeking back re-simulates "+
			"from the start. f and e are off: b branches here, drops the inputs not yet replayed, and the lab is "+
			"live (w then records the branch). On the timeline: ● now, ✖ fault, = parameter set, ! detection.", w) {
			lines = append(lines, st.Hint.Render(l))
		}
	} else {
		lines = append(lines, strings.Split(hm.FullHelpView(m.keys.FullHelp()), "\n")...)
	}
	lines = append(lines, "", st.ModalTitle.Render("Reading the wire"), "")
	legend := []string{
		"│──▶  a packet delivered     ┄┄▶  still in flight     ✗  dropped, with why",
		"ping #n / pong #n  heartbeats      ↻  retransmission     keepalive probe",
		"✖ fault   ! detection   ↺ reconnect   ~ middlebox flow   = parameter set",
		"[PSH|ACK] seq=1 ack=1 len=8: flags, relative sequence numbers, payload",
		"The mouse wheel scrolls the wire, or the log under the pointer.",
	}
	for _, l := range legend {
		lines = append(lines, st.Hint.Render(l))
	}
	return append(lines, "", st.Hint.Render("? or esc closes this help"))
}
