package sweep

import (
	"math"
	"slices"
)

// Stat summarizes one measure over a point's seeds: the median, the least
// and the most of the runs that have a number (N of them), or for a Text
// measure the word most runs gave (the first in alphabetical order on a
// tie).
type Stat struct {
	Median, Min, Max float64
	N                int
	Mode             string
}

// OK reports whether any run had a number (or a word).
func (s Stat) OK() bool { return s.N > 0 }

// summarize computes each measure's Stat over the runs.
func summarize(ms []Measure, runs []Sample) []Stat {
	out := make([]Stat, len(ms))
	vals := make([]float64, 0, len(runs))
	for i, m := range ms {
		if m.Unit == Text {
			out[i] = mode(runs, i)
			continue
		}
		vals = vals[:0]
		for _, r := range runs {
			if v := r[i].V; !math.IsNaN(v) {
				vals = append(vals, v)
			}
		}
		out[i] = stat(vals)
	}
	return out
}

// stat is the median, least and most of vals (which it sorts).
func stat(vals []float64) Stat {
	n := len(vals)
	if n == 0 {
		return Stat{Median: math.NaN(), Min: math.NaN(), Max: math.NaN()}
	}
	slices.Sort(vals)
	med := vals[n/2]
	if n%2 == 0 {
		med = (vals[n/2-1] + vals[n/2]) / 2
	}
	return Stat{Median: med, Min: vals[0], Max: vals[n-1], N: n}
}

// mode is the word most runs gave for measure i.
func mode(runs []Sample, i int) Stat {
	counts := map[string]int{}
	for _, r := range runs {
		if s := r[i].S; s != "" {
			counts[s]++
		}
	}
	st := Stat{Median: math.NaN(), Min: math.NaN(), Max: math.NaN()}
	for w, c := range counts {
		st.N += c
		if c > counts[st.Mode] || c == counts[st.Mode] && (st.Mode == "" || w < st.Mode) {
			st.Mode = w
		}
	}
	return st
}
