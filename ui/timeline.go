package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// timelineLine is the replay screen's row under the status line:
//
//	replay 01:50 ━━━━━━━✖━━━━━━━━━━━━━━━✖━━━━━━━━━━!━━●──────────── 03:00
//
// The bar spans the recording: ━ what has played, ● the playhead, ─ what
// is to come; ✖ a fault (a live input or the scenario's timeline), = a
// parameter changed, ! a detection. Wide, the row also counts the recorded
// inputs still to replay and names the signs. With the "go to" prompt
// open, the row is the prompt.
func (m Model) timelineLine() string {
	st := m.styles
	if m.modal == modalGoto {
		return fit(" "+m.prompt.View()+"  "+st.Hint.Render("1m30s, 90 or 01:30.5 · enter goes · esc cancels"), m.w)
	}
	rp := m.replay
	label := st.Title.Render("replay")
	if m.seek != nil {
		label = st.Warn.Render("seeking…")
	}
	left := " " + label + " " + clockText(m.playhead(), rp.span) + " "
	right := " " + clockText(rp.span, rp.span)
	if m.w >= 100 {
		switch n := m.ahead(); {
		case len(rp.inputs) == 0:
			right += st.Dim.Render(" · no live inputs")
		case n > 0:
			right += st.Dim.Render(" · " + plural(n, "input") + " to replay")
		default:
			right += st.Dim.Render(" · all inputs replayed")
		}
	}
	if m.w >= 150 {
		right += st.Dim.Render(" · ") + st.FaultRow.Render("✖") + st.Dim.Render(" fault  ") +
			st.ParamRow.Render("=") + st.Dim.Render(" parameter  ") + st.DetectRow.Render("!") + st.Dim.Render(" detection")
	}
	right += " "
	n := m.w - ansi.StringWidth(left) - ansi.StringWidth(right)
	if n < 8 {
		left, right = " ", " "
		n = m.w - 2
	}
	return fit(left+m.timelineBar(n)+right, m.w)
}

// timelineBar draws the bar n cells wide. A cell holds the most telling of
// the markers that fall in it: a fault, then a detection, then a parameter.
func (m Model) timelineBar(n int) string {
	st := m.styles
	rp := m.replay
	cell := func(t time.Duration) int {
		return clamp(int(float64(t)/float64(rp.span)*float64(n-1)), 0, n-1)
	}
	rank := func(k markKind) int { return [...]int{markFault: 3, markDetect: 2, markParam: 1}[k] }
	marks := make([]int8, n) // the kind+1 shown in each cell, 0 for none
	for _, mk := range rp.marks {
		c := cell(mk.at)
		if old := marks[c]; old == 0 || rank(mk.kind) > rank(markKind(old-1)) {
			marks[c] = int8(mk.kind) + 1
		}
	}
	head := cell(m.playhead())
	var b strings.Builder
	run, runStyle := "", -1 // consecutive plain cells, styled together
	flush := func() {
		switch runStyle {
		case 0:
			b.WriteString(st.Good.Render(run))
		case 1:
			b.WriteString(st.Border.Render(run))
		}
		run, runStyle = "", -1
	}
	for c := range n {
		switch {
		case c == head:
			flush()
			b.WriteString(st.Title.Render("●"))
		case marks[c] != 0:
			flush()
			k := markKind(marks[c] - 1)
			b.WriteString(st.markStyle(k).Render(k.glyph()))
		default:
			style, glyph := 1, "─"
			if c < head {
				style, glyph = 0, "━"
			}
			if style != runStyle {
				flush()
				runStyle = style
			}
			run += glyph
		}
	}
	flush()
	return b.String()
}

// playhead is the time the timeline shows: the session's, or, while a
// seek is under way, how far it has got.
func (m Model) playhead() time.Duration {
	if m.seek != nil {
		return m.seek.run.s.Now()
	}
	return m.run.s.Now()
}

// markStyle is the style of a marker of kind k: the style of its row on the
// wire.
func (s Styles) markStyle(k markKind) lipgloss.Style {
	switch k {
	case markParam:
		return s.ParamRow
	case markDetect:
		return s.DetectRow
	}
	return s.FaultRow
}

// clockText is a time on the timeline: MM:SS, or H:MM:SS when the
// recording spans an hour or more.
func clockText(t, span time.Duration) string {
	s := int64(t / time.Second)
	if span >= time.Hour {
		return itoa(int(s/3600)) + ":" + two(s/60%60) + ":" + two(s%60)
	}
	return two(s/60) + ":" + two(s%60)
}

func two(n int64) string {
	if n < 10 {
		return "0" + itoa(int(n))
	}
	return itoa(int(n))
}
