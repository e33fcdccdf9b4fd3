package timeline

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/feed"
	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/styles"
)

// Model is the replay screen's row under the status line:
//
//	replay 01:50 ━━━━━━━✖━━━━━━━━━━━━━━━✖━━━━━━━━━━!━━●──────────── 03:00
//
// The bar spans the recording: ━ what has played, ● the playhead, ─ what
// is to come; ✖ a fault (a live input or the scenario's timeline), = a
// parameter changed, ! a detection. Wide, the row also counts the recorded
// inputs still to replay and names the signs. With the "go to" prompt
// open, the row is the prompt.
type Model struct {
	c      *common.Common
	marks  []feed.Marker
	span   time.Duration
	inputs int // the recording's live inputs
	w      int

	// Set by the page before each View: where the replay is (or how far a
	// seek under way has got), whether a seek is under way, and how many
	// recorded inputs are still to replay. Live says the row is a live
	// lab's past, not a recording's; Following, a presented run's that
	// the lab follows (the classroom: the teacher's).
	Playhead  time.Duration
	Seeking   bool
	Ahead     int
	Live      bool
	Following bool

	prompt    textinput.Model
	prompting bool
	promptErr string // why the time typed was refused, until the next key
}

// New makes the timeline of a recording span long with inputs live
// inputs and the given markers (engine.FindMarkers).
func New(c *common.Common, marks []feed.Marker, span time.Duration, inputs int) Model {
	return Model{c: c, marks: marks, span: span, inputs: inputs}
}

// SetSize gives the row w cells.
func (m *Model) SetSize(w, _ int) { m.w = w }

// Marks are the markers, in time order.
func (m Model) Marks() []feed.Marker { return m.marks }

// Span is how long the recording runs.
func (m Model) Span() time.Duration { return m.span }

// SetPast updates a live lab's timeline: its markers so far, how far it
// goes, and the live inputs known.
func (m *Model) SetPast(marks []feed.Marker, span time.Duration, inputs int) {
	m.marks, m.span, m.inputs, m.Live = marks, span, inputs, true
}

// View renders the row.
func (m Model) View() string {
	st, l := m.c.Styles, m.c.Lang
	if m.prompting {
		hint := st.Hint.Render(l.T(i18n.UIGoToHelp))
		if m.promptErr != "" {
			hint = st.Error.Render(m.promptErr)
		}
		return format.Fit(" "+m.prompt.View()+"  "+hint, m.w)
	}
	label := st.Title.Render(l.T(i18n.UIReplay))
	switch {
	case m.Following:
		label = st.Title.Render(l.T(i18n.UITimelineFollowing))
	case m.Live:
		label = st.Title.Render(l.T(i18n.UITimelineLive))
	}
	if m.Seeking {
		label = st.Warn.Render(l.T(i18n.UISeekingLabel))
	}
	left := " " + label + " " + format.Clock(m.Playhead, m.span) + " "
	right := " " + format.Clock(m.span, m.span)
	if m.w >= 100 {
		switch n := m.Ahead; {
		case m.inputs == 0 && m.Live:
		case m.inputs == 0:
			right += st.Dim.Render(" · " + l.T(i18n.UINoInputs))
		case n > 0:
			right += st.Dim.Render(" · " + l.T(i18n.UIToReplay, "Count", n))
		case !m.Live:
			right += st.Dim.Render(" · " + l.T(i18n.UIAllReplayed))
		}
	}
	if m.w >= 150 {
		right += st.Dim.Render(" · ") + st.FaultRow.Render("✖") + st.Dim.Render(" "+l.T(i18n.UIMarkFault)+"  ") +
			st.ParamRow.Render("=") + st.Dim.Render(" "+l.T(i18n.UIMarkParam)+"  ") + st.DetectRow.Render("!") + st.Dim.Render(" "+l.T(i18n.UIMarkDetect))
	}
	right += " "
	n := m.w - format.Width(left) - format.Width(right)
	if n < 8 {
		left, right = " ", " "
		n = m.w - 2
	}
	return format.Fit(left+m.bar(n)+right, m.w)
}

// bar draws the bar n cells wide. A cell holds the most telling of the
// markers that fall in it: a fault, then a detection, then a parameter.
func (m Model) bar(n int) string {
	st := m.c.Styles
	cell := func(t time.Duration) int {
		return format.Clamp(int(float64(t)/float64(m.span)*float64(n-1)), 0, n-1)
	}
	rank := func(k feed.MarkKind) int {
		return [...]int{feed.MarkFault: 3, feed.MarkDetect: 2, feed.MarkParam: 1}[k]
	}
	marks := make([]int8, n) // the kind+1 shown in each cell, 0 for none
	for _, mk := range m.marks {
		c := cell(mk.At)
		if old := marks[c]; old == 0 || rank(mk.Kind) > rank(feed.MarkKind(old-1)) {
			marks[c] = int8(mk.Kind) + 1
		}
	}
	head := cell(m.Playhead)
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
			k := feed.MarkKind(marks[c] - 1)
			b.WriteString(markStyle(st, k).Render(k.Glyph()))
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

// markStyle is the style of a marker of kind k: the style of its row on
// the wire.
func markStyle(s styles.Styles, k feed.MarkKind) lipgloss.Style {
	switch k {
	case feed.MarkParam:
		return s.ParamRow
	case feed.MarkDetect:
		return s.DetectRow
	}
	return s.FaultRow
}

// OpenPrompt opens the "go to" prompt in the row.
func (m *Model) OpenPrompt() tea.Cmd {
	in := textinput.New()
	in.Prompt = m.c.T(i18n.UIGoToPrompt)
	in.Placeholder = "1m30s"
	in.CharLimit = 32
	m.prompt, m.prompting = in, true
	return m.prompt.Focus()
}

// ClosePrompt closes the prompt.
func (m *Model) ClosePrompt() { m.prompting, m.promptErr = false, "" }

// Refuse says, in the prompt's row, why what was typed is not a time.
func (m *Model) Refuse(why string) { m.promptErr = why }

// Prompting says the prompt is open.
func (m Model) Prompting() bool { return m.prompting }

// PromptValue is what was typed at the prompt.
func (m Model) PromptValue() string { return m.prompt.Value() }

// Update gives msg (a key, the cursor's blink) to the open prompt; a key
// clears the refusal.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		m.promptErr = ""
	}
	var cmd tea.Cmd
	m.prompt, cmd = m.prompt.Update(msg)
	return m, cmd
}
