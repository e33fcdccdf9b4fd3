package sweep

import (
	"io"
	"math"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/socklab/socklab/lab/i18n"
)

// PlotFormat is the format a plot file's name asks for: "svg" or "png",
// "" for neither.
func PlotFormat(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".svg":
		return "svg"
	case ".png":
		return "png"
	}
	return ""
}

// Plot sizes: a panel per measure, one above the other.
const (
	plotWidth  = 7 * vg.Inch
	panelHight = 3 * vg.Inch
	plotDPI    = 144
)

// WritePlot draws the measures show (indexes into Measures; text measures
// are left out) against the first parameter, a panel each, one above the
// other, and writes it in format ("svg" or "png"). A panel has a line per
// value of the other parameters (named in its legend) through the medians,
// and with several seeds a bar from the least to the most at each point;
// a point without a number breaks its line. The axes are labelled in l
// with their units; a log range gets a logarithmic axis, words are placed
// in their order.
func WritePlot(w io.Writer, r *Result, show []int, format string, l i18n.Lang) error {
	var panels []*plot.Plot
	for _, i := range show {
		if r.Measures[i].Unit == Text {
			continue
		}
		p, err := r.panel(i, l)
		if err != nil {
			return err
		}
		panels = append(panels, p)
	}
	if len(panels) == 0 {
		return i18n.NewError(i18n.SweepNothingToPlot)
	}
	panels[0].Title.Text = l.T(i18n.SweepPlotTitle, "Scenario", r.Scenario) + "\n" + panels[0].Title.Text
	for _, p := range panels[:len(panels)-1] {
		p.X.Label.Text = "" // the bottom panel names the shared axis
	}
	h := panelHight * vg.Length(len(panels))
	var canvas interface {
		vg.CanvasSizer
		io.WriterTo
	}
	if format == "png" {
		canvas = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(plotWidth, h), vgimg.UseDPI(plotDPI))}
	} else {
		canvas = vgsvg.New(plotWidth, h)
	}
	rows := make([][]*plot.Plot, len(panels))
	for i, p := range panels {
		rows[i] = []*plot.Plot{p}
	}
	tiles := draw.Tiles{Rows: len(panels), Cols: 1, PadTop: vg.Points(6), PadBottom: vg.Points(6),
		PadLeft: vg.Points(6), PadRight: vg.Points(12), PadY: vg.Points(10)}
	dc := draw.New(canvas)
	for i, c := range plot.Align(rows, tiles, dc) {
		panels[i].Draw(c[0])
	}
	_, err := canvas.WriteTo(w)
	return err
}

// panel is the plot of measure i against the first parameter.
func (r *Result) panel(i int, l i18n.Lang) (*plot.Plot, error) {
	m := r.Measures[i]
	x := r.Grid.Axes[0].Main()
	p := plot.New()
	p.X.Label.Text = xLabel(x, l)
	// The panel's title says the measure in full; the axis, briefly, with
	// its unit (a long label rotated along the axis would not fit it).
	p.Title.Text = m.Label.In(l)
	p.Y.Label.Text = m.Heading(l)
	p.Y.Min = 0 // counts, rates and times start at 0
	switch {
	case x.Log:
		p.X.Scale = plot.LogScale{}
		p.X.Tick.Marker = plot.LogTicks{Prec: -1}
	case x.Kind == Word:
		var ticks []plot.Tick
		for _, v := range x.Values {
			ticks = append(ticks, plot.Tick{Value: v.X, Label: v.Text})
		}
		p.X.Tick.Marker = plot.ConstantTicks(ticks)
		p.X.Min, p.X.Max = -0.5, float64(len(x.Values))-0.5
	}
	p.Legend.Top = true
	series := r.Series()
	for s, pts := range series {
		var line plotter.XYs
		var bars plotter.XYs
		var errs plotter.YErrors
		named := false // the legend names the series once, at its first line
		flush := func() error {
			if len(line) == 0 {
				return nil
			}
			l, dots, err := plotter.NewLinePoints(line)
			if err != nil {
				return err
			}
			l.Color, dots.Color = plotutil.Color(s), plotutil.Color(s)
			l.Dashes = plotutil.Dashes(s)
			dots.Shape = plotutil.Shape(s)
			p.Add(l, dots)
			if len(series) > 1 && !named {
				p.Legend.Add(r.SeriesName(pts[0]), l, dots)
				named = true
			}
			line = nil
			return nil
		}
		for _, k := range pts {
			pt := r.Points[k]
			if !pt.Done {
				continue
			}
			st := pt.Stats[i]
			if !st.OK() {
				if err := flush(); err != nil {
					return nil, err
				}
				continue
			}
			xv := x.Values[pt.At[0]].X
			line = append(line, plotter.XY{X: xv, Y: st.Median})
			if len(r.Seeds) > 1 {
				bars = append(bars, plotter.XY{X: xv, Y: st.Median})
				errs = append(errs, struct{ Low, High float64 }{st.Median - st.Min, st.Max - st.Median})
			}
		}
		if err := flush(); err != nil {
			return nil, err
		}
		if len(bars) > 0 {
			eb, err := plotter.NewYErrorBars(errBars{bars, errs})
			if err != nil {
				return nil, err
			}
			eb.Color = plotutil.Color(s)
			p.Add(eb)
		}
	}
	if p.Y.Max <= 0 || math.IsNaN(p.Y.Max) {
		p.Y.Max = 1 // nothing above 0: an axis still
	}
	return p, nil
}

// errBars is points and their error bars, for plotter.NewYErrorBars.
type errBars struct {
	plotter.XYs
	plotter.YErrors
}

// Series groups the points by the values of every axis but the first: a
// line each (one without a second axis), its points in the first axis's
// order.
func (r *Result) Series() [][]int {
	n := r.Grid.Axes[0].Len()
	count := len(r.Points) / n
	out := make([][]int, count)
	for k := range r.Points {
		// The first axis changes slowest: point k is value k/count of it,
		// in series k%count.
		out[k%count] = append(out[k%count], k)
	}
	return out
}

// SeriesName names the line of point k: the other parameters' values,
// "policy=full-jitter" ("" without a second axis).
func (r *Result) SeriesName(k int) string {
	var parts []string
	at := r.Points[k].At
	for a := 1; a < len(r.Grid.Axes); a++ {
		main := r.Grid.Axes[a].Main()
		parts = append(parts, lastKey(main.Path)+"="+main.Values[at[a]].Text)
	}
	return strings.Join(parts, " ")
}

// lastKey is a path's last key: "policy" of "apps.clients.reconnect.policy".
func lastKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

// xLabel is the first parameter's axis label: its path, and its unit.
func xLabel(p Param, l i18n.Lang) string {
	if p.Kind == Duration {
		return l.T(i18n.SweepWithUnit, "Label", p.Path, "Unit", Seconds.Symbol(l))
	}
	return p.Path
}
