package drill

import (
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/scenarios/drill"
	"github.com/socklab/socklab/ui/components/ladder"
	"github.com/socklab/socklab/ui/feed"
	"github.com/socklab/socklab/ui/format"
)

// The page's smallest terminal: below it, View says how large it needs.
const (
	minWidth  = 60
	minHeight = 14
)

// layout is where the page's parts go: the script column's width and the
// ladder's, and how many lines the list and the detail take.
type layout struct {
	left, right  int
	body, detail int
}

// layout splits the screen: a title, the column heads, the list, a rule,
// the detail of the line under the cursor, the keys.
func (m Model) layout() layout {
	l := layout{left: format.Clamp(m.w*2/5, 30, 64), detail: 4}
	if m.h >= 40 {
		l.detail = 6
	}
	l.right = max(0, m.w-l.left-1)
	l.body = max(1, m.h-4-l.detail)
	return l
}

// View is the whole screen.
func (m Model) View() string {
	st := m.c.Styles
	if m.w < minWidth || m.h < minHeight {
		var lines []string
		for _, l := range format.Wrap(m.c.T(i18n.DrillPlayTooSmall, "Width", minWidth, "Height", minHeight), max(m.w, 1)) {
			lines = append(lines, format.Fit(st.Warn.Render(l), m.w))
		}
		return strings.Join(lines, "\n")
	}
	lay := m.layout()
	top := m.scrolled(lay.body)
	shown := m.lines[top:min(len(m.lines), top+lay.body)]
	rows := make([]*feed.Row, len(shown))
	sel := -1
	for i, l := range shown {
		rows[i] = l.row
		if top+i == m.cur {
			sel = i
		}
	}
	wire := ladder.Rows(m.c, lay.right, nodes, m.via, rows, sel)
	sep := st.Border.Render("│")
	out := []string{
		format.Fit(m.title(), m.w),
		format.Fit(st.Dim.Render(m.c.T(i18n.DrillPlayScript)), lay.left) + sep + format.Fit(wire[0], lay.right),
	}
	for i := range lay.body {
		left, right := "", ""
		if i < len(shown) {
			left, right = m.scriptCell(shown[i], top+i == m.cur, lay.left), wire[i+1]
		}
		out = append(out, format.Fit(left, lay.left)+sep+format.Fit(right, lay.right))
	}
	out = append(out, st.Border.Render(strings.Repeat("─", m.w)))
	detail := m.detail(m.w)
	for i := range lay.detail {
		d := ""
		if i < len(detail) {
			d = detail[i]
		}
		out = append(out, format.Fit(d, m.w))
	}
	out = append(out, format.Fit(st.Hint.Render(m.c.T(i18n.DrillPlayKeys)), m.w))
	return strings.Join(out, "\n")
}

// title names the script and how its run went.
func (m Model) title() string {
	st := m.c.Styles
	t := st.Title.Render(m.c.T(i18n.DrillPlayTitle, "File", scriptName(m.file))) + "  "
	n := len(m.res.Script.Events)
	if f := m.res.Failure; f != nil {
		return t + st.Bad.Render(m.c.T(i18n.DrillPlayFailedAt, "Line", f.Event.Pos.Line, "Held", f.Index, "Count", n))
	}
	return t + st.Good.Render(m.c.T(i18n.DrillPlayAllHeld, "Count", n, "Sim", seconds(m.res.Sim)))
}

// scriptCell is a line's script column: its mark, its line number and
// the line as written; empty for a row no line names.
func (m Model) scriptCell(l line, selected bool, w int) string {
	st := m.c.Styles
	if l.ev < 0 {
		return ""
	}
	ev := m.res.Script.Events[l.ev]
	mark, ms := "✔", st.Good
	switch m.res.Status[l.ev] {
	case drill.Failed:
		mark, ms = "✘", st.Bad
	case drill.NotRun:
		mark, ms = "·", st.Dim
	}
	text := format.PadLeft(strconv.Itoa(ev.Pos.Line), 5) + "  " + format.Clip(scenarios.Printable(ev.Text), max(0, w-9))
	ts := st.Text
	switch {
	case selected:
		ts = st.Selected
	case m.res.Status[l.ev] == drill.NotRun:
		ts = st.Dim
	}
	return ms.Render(mark) + " " + ts.Render(text)
}

// detail is what the pane under the list says of the line under the
// cursor, wrapped to w cells.
func (m Model) detail(w int) []string {
	st := m.c.Styles
	if len(m.lines) == 0 {
		return nil
	}
	l := m.lines[m.cur]
	if l.ev < 0 {
		return wrap(st.Dim.Render, m.c.T(i18n.DrillPlayUnscripted), w)
	}
	ev := m.res.Script.Events[l.ev]
	var out []string
	switch m.res.Status[l.ev] {
	case drill.Matched:
		out = wrap(st.Good.Render, m.c.T(i18n.DrillPlayHeldAt, "Line", ev.Pos.Line, "At", seconds(m.res.At[l.ev])), w)
		out = append(out, wrap(st.Strong.Render, scenarios.Printable(ev.Text), w)...)
	case drill.Failed:
		for i, s := range strings.Split(m.res.Failure.In(m.c.Lang, m.file), "\n") {
			paint := st.Text.Render
			if i == 0 {
				paint = st.Bad.Render
			}
			out = append(out, wrap(paint, s, w)...)
		}
	default:
		stop := m.res.Failure.Event.Pos.Line
		out = wrap(st.Dim.Render, m.c.T(i18n.DrillPlayNotRun, "Line", ev.Pos.Line, "Stop", stop), w)
		out = append(out, wrap(st.Dim.Render, scenarios.Printable(ev.Text), w)...)
	}
	return out
}

// wrap wraps text to w cells and paints each line.
func wrap(paint func(...string) string, text string, w int) []string {
	var out []string
	for _, l := range format.Wrap(text, w) {
		out = append(out, paint(l))
	}
	return out
}

// seconds writes a time of the run as packetdrill does: seconds to the
// microsecond.
func seconds(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', 6, 64)
}

// scriptName is the script's path as the page shows it, its control
// characters escaped.
func scriptName(file string) string { return scenarios.Printable(file) }
