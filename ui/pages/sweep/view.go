package sweep

import (
	"math"
	"strconv"
	"strings"

	"github.com/NimbleMarkets/ntcharts/canvas"
	"github.com/NimbleMarkets/ntcharts/linechart"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios/sweep"
	"github.com/socklab/socklab/ui/format"
)

// The chart's smallest terminal: below it, View says how large it needs.
const (
	minWidth  = 60
	minHeight = 14
)

// View is the whole screen: a title, the chart beside the point's numbers,
// the x axis's label, and the keys.
func (m Model) View() string {
	st := m.c.Styles
	if m.w < minWidth || m.h < minHeight {
		var lines []string
		for _, l := range format.Wrap(m.c.T(i18n.SweepChartTooSmall, "Width", minWidth, "Height", minHeight), max(m.w, 1)) {
			lines = append(lines, fit(st.Warn.Render(l), m.w))
		}
		return strings.Join(lines, "\n")
	}
	side := format.Clamp(m.w*2/5, 30, 48)
	chartW, chartH := m.w-side-1, m.h-3
	var left []string
	if len(m.show) == 0 {
		left = []string{st.Dim.Render(m.c.T(i18n.SweepChartNothing))}
	} else {
		left = strings.Split(m.chart(chartW, chartH), "\n")
	}
	right := m.numbers(side, chartH)
	lines := []string{fit(m.title(), m.w)}
	for i := range chartH {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		lines = append(lines, fit(l, chartW)+" "+fit(r, side))
	}
	x := m.xLabel()
	pad := max(0, (chartW-ansi.StringWidth(x))/2)
	lines = append(lines, fit(strings.Repeat(" ", pad)+st.Dim.Render(x), m.w))
	lines = append(lines, fit(st.Hint.Render(m.c.T(i18n.SweepChartKeys)), m.w))
	return strings.Join(lines, "\n")
}

// title names the sweep and the measure drawn, and which of how many.
func (m Model) title() string {
	st := m.c.Styles
	t := st.Title.Render(m.c.T(i18n.SweepPlotTitle, "Scenario", m.res.Scenario))
	if len(m.show) == 0 {
		return t
	}
	me := m.res.Measures[m.show[m.measure]]
	return t + "  " + st.Strong.Render(me.Heading(m.c.Lang)) + "  " +
		st.Dim.Render(m.c.T(i18n.SweepChartWhich, "N", m.measure+1, "Count", len(m.show)))
}

// xLabel is the first parameter's label, with its unit.
func (m Model) xLabel() string {
	p := m.res.Grid.Axes[0].Main()
	if p.Kind == sweep.Duration {
		return m.c.T(i18n.SweepWithUnit, "Label", p.Path, "Unit", sweep.Seconds.Symbol(m.c.Lang))
	}
	return p.Path
}

// xOf is where point k goes on the chart's x axis: a log range's values by
// their logarithm.
func (m Model) xOf(k int) float64 {
	p := m.res.Grid.Axes[0].Main()
	x := p.Values[m.res.Points[k].At[0]].X
	if p.Log {
		return math.Log10(x)
	}
	return x
}

// chart draws the measure against the first parameter in w×h cells: the
// cursor's line bright, the others dim, the cursor's point marked and a
// rule under it.
func (m Model) chart(w, h int) string {
	st := m.c.Styles
	i := m.show[m.measure]
	minX, maxX := math.Inf(1), math.Inf(-1)
	maxY := 0.0
	for k, p := range m.res.Points {
		minX, maxX = min(minX, m.xOf(k)), max(maxX, m.xOf(k))
		if p.Done && p.Stats[i].OK() {
			maxY = max(maxY, p.Stats[i].Max)
		}
	}
	if maxX <= minX {
		minX, maxX = minX-1, maxX+1
	}
	if maxY <= 0 {
		maxY = 1
	}
	maxY *= 1.1 // room above the highest point
	xp := m.res.Grid.Axes[0].Main()
	lc := linechart.New(w, h, minX, maxX, 0, maxY,
		linechart.WithXYSteps(xStep(w), 2),
		linechart.WithStyles(st.Border, st.Dim, st.Text),
		linechart.WithXLabelFormatter(func(_ int, v float64) string { return xTick(xp, v) }),
		linechart.WithYLabelFormatter(func(_ int, v float64) string { return tick(v) }))
	lc.DrawXYAxisAndLabel()
	cur := m.Point()
	lc.DrawRuneLineWithStyle(canvas.Float64Point{X: m.xOf(cur), Y: 0}, canvas.Float64Point{X: m.xOf(cur), Y: maxY}, '┊', st.Dim)
	for s := range m.series {
		if s != m.line {
			m.drawLine(&lc, s, i, st.Dim)
		}
	}
	m.drawLine(&lc, m.line, i, st.Good)
	if p := m.res.Points[cur]; p.Done && p.Stats[i].OK() {
		lc.DrawRuneWithStyle(canvas.Float64Point{X: m.xOf(cur), Y: p.Stats[i].Median}, '◆', st.Warn)
	}
	return lc.View()
}

// drawLine draws line s of measure i through the medians; a point without
// a number breaks it, a point alone is a dot.
func (m Model) drawLine(lc *linechart.Model, s, i int, style lipgloss.Style) {
	var prev *canvas.Float64Point
	pts := m.series[s]
	for n, k := range pts {
		p := m.res.Points[k]
		if !p.Done || !p.Stats[i].OK() {
			prev = nil
			continue
		}
		pt := canvas.Float64Point{X: m.xOf(k), Y: p.Stats[i].Median}
		switch {
		case prev != nil:
			lc.DrawBrailleLineWithStyle(*prev, pt, style)
		case n+1 >= len(pts) || !m.res.Points[pts[n+1]].Done || !m.res.Points[pts[n+1]].Stats[i].OK():
			lc.DrawRuneWithStyle(pt, '•', style)
		}
		prev = &pt
	}
}

// xStep is the room between the x axis's labels: about eight of them.
func xStep(w int) int { return max(8, w/8) }

// xTick is the label of the x axis at v: seconds, a log range's value (v
// is its logarithm), or the word placed at v.
func xTick(p sweep.Param, v float64) string {
	switch {
	case p.Log:
		v = math.Pow(10, v)
	case p.Kind == sweep.Word:
		j := int(math.Round(v))
		if j < 0 || j >= len(p.Values) || math.Abs(v-float64(j)) > 0.25 {
			return ""
		}
		return p.Values[j].Text
	}
	return tick(v)
}

// tick is a number on an axis: whole from 100 up, else to three
// significant digits.
func tick(v float64) string {
	if math.Abs(v) >= 100 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// numbers is the point under the cursor, in w×h cells: which point, its
// parameters, then every measure shown (the one drawn marked), a median
// with its least and most when there are several seeds.
func (m Model) numbers(w, h int) []string {
	st := m.c.Styles
	k := m.Point()
	p := m.res.Points[k]
	lines := []string{st.Title.Render(m.c.T(i18n.SweepChartPoint, "N", k+1, "Count", len(m.res.Points)))}
	for _, set := range p.Sets {
		path, val, _ := strings.Cut(set, "=")
		lines = append(lines, row(st.Dim.Render(path), st.Strong.Render(val), w))
	}
	if name := m.res.SeriesName(k); name != "" && len(m.series) > 1 {
		lines = append(lines, st.Dim.Render(m.c.T(i18n.SweepChartLine, "N", m.line+1, "Count", len(m.series))))
	}
	lines = append(lines, "")
	if !p.Done {
		return append(lines, st.Dim.Render(m.c.T(i18n.SweepChartNotRun)))
	}
	for n, i := range m.show {
		me := m.res.Measures[i]
		name, style := "  "+me.Heading(m.c.Lang), st.Text
		if n == m.measure {
			name, style = "▸ "+me.Heading(m.c.Lang), st.Strong
		}
		cell := sweep.Cell(me, p.Stats[i], len(m.res.Seeds) > 1)
		lines = append(lines, row(style.Render(name), style.Render(cell), w))
	}
	lines = append(lines, "")
	if len(m.show) > 0 {
		for _, l := range format.Wrap(m.res.Measures[m.show[m.measure]].Title(m.c.Lang), w) {
			lines = append(lines, st.Teaches.Render(l))
		}
	}
	seeds := m.c.T(i18n.SweepChartOneSeed)
	if n := len(m.res.Seeds); n > 1 {
		seeds = m.c.T(i18n.SweepChartSeeds, "Count", n)
	}
	lines = append(lines, st.Dim.Render(seeds))
	if len(lines) > h {
		lines = lines[:h]
	}
	return lines
}

// row is a name on the left and a value on the right of w cells; the
// name is cut when both do not fit.
func row(name, value string, w int) string {
	vw := ansi.StringWidth(value)
	name = ansi.Truncate(name, max(0, w-vw-1), "…")
	return name + strings.Repeat(" ", max(1, w-ansi.StringWidth(name)-vw)) + value
}

// fit pads or cuts s to exactly w cells.
func fit(s string, w int) string {
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
}
