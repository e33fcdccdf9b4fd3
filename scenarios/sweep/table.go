package sweep

import (
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/socklab/socklab/lab/i18n"
)

// Pick finds the measures named ids (their IDs, as the CSV's header has
// them) among ms, in that order; an unknown one is an error that lists
// them all. ms is MeasuresOf a scenario, or a Result's Measures: a
// command checks its --measure before the sweep runs.
func Pick(ms []Measure, ids []string) ([]int, error) {
	var out []int
	for _, id := range ids {
		i := slices.IndexFunc(ms, func(m Measure) bool { return m.ID == id })
		if i < 0 {
			var all []string
			for _, m := range ms {
				all = append(all, m.ID)
			}
			return nil, &FlagError{Flag: "--measure " + id, Err: i18n.NewError(i18n.SweepNoMeasure, "ID", id, "Known", i18n.List(all))}
		}
		out = append(out, i)
	}
	return out, nil
}

// Shown is the measures a table, a chart and a plot show unless told
// which: the time each side took to detect, false alarms, reconnects and
// the time until all were back, the herd's peak, the keep-alive traffic and
// all traffic, a poller's latency, failed expectations — each one where
// some point has something to show (a number that is not zero).
func (r *Result) Shown() []int {
	var out []int
	for i, m := range r.Measures {
		kind, arg := splitID(m.ID)
		switch {
		case kind == "detect" || kind == "back" || kind == "poll_latency":
		case kind == "false_alarms" || kind == "reconnects" || kind == "attempts_peak" || kind == "failed":
		case kind == "bytes_per_min" && (arg == "" || arg == "heartbeat" || arg == "keepalive"):
		default:
			continue
		}
		if r.hasSome(i) {
			out = append(out, i)
		}
	}
	return out
}

// hasSome reports whether some point done has a number other than 0 for
// measure i.
func (r *Result) hasSome(i int) bool {
	for _, p := range r.Points {
		if p.Done && p.Stats[i].OK() && p.Stats[i].Max != 0 {
			return true
		}
	}
	return false
}

// WriteTable writes the points done as a table for people, in l: a column
// per parameter, then one per measure in show (indexes into Measures),
// headed by its short name and unit. With several seeds a cell is the
// median and, in brackets, the least and the most.
func WriteTable(w io.Writer, r *Result, show []int, l i18n.Lang) error {
	var rows [][]string
	head := []string{}
	for _, p := range r.Grid.Params() {
		head = append(head, p.Path)
	}
	for _, i := range show {
		head = append(head, r.Measures[i].Heading(l))
	}
	rows = append(rows, head)
	for _, p := range r.Points {
		if !p.Done {
			continue
		}
		row := r.paramTexts(p)
		for _, i := range show {
			row = append(row, Cell(r.Measures[i], p.Stats[i], len(r.Seeds) > 1))
		}
		rows = append(rows, row)
	}
	widths := make([]int, len(head))
	for _, row := range rows {
		for c, s := range row {
			widths[c] = max(widths[c], ansi.StringWidth(s))
		}
	}
	params := len(r.Grid.Params())
	var b strings.Builder
	for n, row := range rows {
		for c, s := range row {
			if c > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[c]-ansi.StringWidth(s))
			if n > 0 && c >= params {
				b.WriteString(pad + s) // numbers to the right
			} else {
				b.WriteString(s + pad)
			}
		}
		b.WriteString("\n")
		if n == 0 {
			for c, wd := range widths {
				if c > 0 {
					b.WriteString("  ")
				}
				b.WriteString(strings.Repeat("─", wd))
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, trimLines(b.String()))
	return err
}

// trimLines drops the spaces at the ends of lines.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// Cell is a measure's summary as a table shows it: "40.03", "—" for
// none, with spread "40.03 [38.1, 42]".
func Cell(m Measure, st Stat, spread bool) string {
	switch {
	case m.Unit == Text && st.Mode == "":
		return "—"
	case m.Unit == Text:
		return st.Mode
	case !st.OK():
		return "—"
	case spread && st.Min != st.Max:
		return Short(m, st.Median) + " [" + Short(m, st.Min) + ", " + Short(m, st.Max) + "]"
	}
	return Short(m, st.Median)
}

// Short is v as people read it: seconds to the millisecond, counts whole
// (a median of two may be a half), rates to a tenth, or to three
// significant digits below 1.
func Short(m Measure, v float64) string {
	switch {
	case math.IsNaN(v):
		return "—"
	case m.Unit == Seconds:
		return trimZeros(strconv.FormatFloat(v, 'f', 3, 64))
	case m.Unit == Count || m.Unit == Per100ms:
		return trimZeros(strconv.FormatFloat(v, 'f', 1, 64))
	case math.Abs(v) < 1 && v != 0:
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	return trimZeros(strconv.FormatFloat(v, 'f', 1, 64))
}

// trimZeros drops a decimal part's trailing zeros: "40.030" → "40.03",
// "12.0" → "12".
func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
