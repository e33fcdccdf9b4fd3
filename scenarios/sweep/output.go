package sweep

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"strconv"

	"github.com/socklab/socklab/lab/i18n"
)

// WriteCSV writes the points done as CSV: a header, then a row per point,
// in the grid's order. The columns are each parameter (by its path, the
// value as --set takes it), then each measure by its ID — with several
// seeds, the median, and ID.min and ID.max beside it. A cell without a
// number (no detection) is empty. Numbers are plain decimals in the
// measure's unit (seconds, bytes per minute, …), as short as they can be
// and still read back exactly; the same sweep writes the same bytes.
func WriteCSV(w io.Writer, r *Result) error {
	cw := csv.NewWriter(w)
	var head []string
	params := r.Grid.Params()
	for _, p := range params {
		head = append(head, p.Path)
	}
	spread := len(r.Seeds) > 1
	for _, m := range r.Measures {
		head = append(head, m.ID)
		if spread && m.Unit != Text {
			head = append(head, m.ID+".min", m.ID+".max")
		}
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, p := range r.Points {
		if !p.Done {
			continue
		}
		row := r.paramTexts(p)
		for i, m := range r.Measures {
			st := p.Stats[i]
			if m.Unit == Text {
				row = append(row, st.Mode)
				continue
			}
			row = append(row, number(st.Median))
			if spread {
				row = append(row, number(st.Min), number(st.Max))
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// paramTexts is each parameter's value at point p, in the order of
// Grid.Params.
func (r *Result) paramTexts(p Point) []string {
	var out []string
	for k, a := range r.Grid.Axes {
		for _, q := range a.Params {
			out = append(out, q.Values[p.At[k]].Text)
		}
	}
	return out
}

// number is v as CSV and JSON write it: "" for none.
func number(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// The JSON document (docs/sweep.md).
type (
	jsonSweep struct {
		Scenario string        `json:"scenario"`
		Params   []jsonParam   `json:"params"`
		Seeds    []uint64      `json:"seeds"`
		Measures []jsonMeasure `json:"measures"`
		Points   []jsonPoint   `json:"points"`
		Stopped  bool          `json:"stopped"`
	}
	jsonParam struct {
		Path   string   `json:"path"`
		Spec   string   `json:"spec"`
		Kind   string   `json:"kind"`
		Values []string `json:"values"`
		Axis   int      `json:"axis"`
	}
	jsonMeasure struct {
		ID    string `json:"id"`
		Unit  string `json:"unit"`
		Label string `json:"label"`
	}
	jsonPoint struct {
		Index  int                  `json:"index"`
		Params map[string]string    `json:"params"`
		Stats  map[string]jsonStat  `json:"measures"`
		Runs   []map[string]jsonRun `json:"runs"`
	}
	jsonStat struct {
		Median *float64 `json:"median,omitempty"`
		Min    *float64 `json:"min,omitempty"`
		Max    *float64 `json:"max,omitempty"`
		Mode   string   `json:"mode,omitempty"`
		N      int      `json:"n"`
	}
	jsonRun struct {
		V *float64 `json:"v,omitempty"`
		S string   `json:"s,omitempty"`
	}
)

// unitCodes are the units as the JSON names them.
var unitCodes = [...]string{"s", "1/min", "B/min", "count", "1/100ms", "text"}

// WriteJSON writes the sweep as one JSON document: the scenario, the
// parameters and their values, the seeds, the measures (their labels in
// l), and every point done with its summary and each run's numbers.
func WriteJSON(w io.Writer, r *Result, l i18n.Lang) error {
	doc := jsonSweep{Scenario: r.Scenario, Seeds: r.Seeds, Stopped: r.Stopped, Points: []jsonPoint{}}
	for k, a := range r.Grid.Axes {
		for _, p := range a.Params {
			jp := jsonParam{Path: p.Path, Spec: p.Spec, Kind: p.Kind.String(), Axis: k}
			for _, v := range p.Values {
				jp.Values = append(jp.Values, v.Text)
			}
			doc.Params = append(doc.Params, jp)
		}
	}
	for _, m := range r.Measures {
		doc.Measures = append(doc.Measures, jsonMeasure{ID: m.ID, Unit: unitCodes[m.Unit], Label: m.Label.In(l)})
	}
	params := r.Grid.Params()
	for _, p := range r.Points {
		if !p.Done {
			continue
		}
		jp := jsonPoint{Index: p.Index, Params: map[string]string{}, Stats: map[string]jsonStat{}}
		for i, t := range r.paramTexts(p) {
			jp.Params[params[i].Path] = t
		}
		for i, m := range r.Measures {
			st := p.Stats[i]
			jp.Stats[m.ID] = jsonStat{Median: ptr(st.Median), Min: ptr(st.Min), Max: ptr(st.Max), Mode: st.Mode, N: st.N}
		}
		for _, run := range p.Runs {
			jr := map[string]jsonRun{}
			for i, m := range r.Measures {
				jr[m.ID] = jsonRun{V: ptr(run[i].V), S: run[i].S}
			}
			jp.Runs = append(jp.Runs, jr)
		}
		doc.Points = append(doc.Points, jp)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// ptr is v for JSON: nil (left out) for none.
func ptr(v float64) *float64 {
	if math.IsNaN(v) {
		return nil
	}
	return &v
}
