package sweep

import (
	"github.com/socklab/socklab/lab/i18n"
)

// Limits of a sweep: each run is a whole simulation, and the table, the
// CSV and the chart are read by people.
const (
	// MaxSeeds bounds the seeds of each point: a median over a hundred
	// runs no longer moves.
	MaxSeeds = 100
	// MaxRuns bounds the points times the seeds: ten thousand runs of
	// even a small lesson take minutes, and a table of ten thousand rows
	// is more than anyone reads.
	MaxRuns = 10_000
)

// Axis is one dimension of the grid: a parameter (--vary) and the
// parameters tied to it (--with), which take their i-th values together
// (a heartbeat's interval and the watch of its silence).
type Axis struct {
	Params []Param
}

// Len is the axis's number of values.
func (a Axis) Len() int { return len(a.Params[0].Values) }

// Main is the axis's first parameter, the one --vary named.
func (a Axis) Main() Param { return a.Params[0] }

// Grid is the points of a sweep: every combination of its axes' values,
// the first axis changing slowest, each run with Seeds seeds.
type Grid struct {
	Axes  []Axis
	Seeds int
}

// NewGrid builds a grid from --vary and --with flags in the order they
// were given (with says which are --with), and the number of seeds.
// Every error names the flag it is about.
func NewGrid(flags []string, with []bool, seeds int) (Grid, error) {
	g := Grid{Seeds: seeds}
	if seeds < 1 || seeds > MaxSeeds {
		return Grid{}, &FlagError{Flag: "--seeds", Err: i18n.NewError(i18n.SweepSeeds, "Max", MaxSeeds)}
	}
	paths := map[string]bool{}
	for i, f := range flags {
		name := "--vary"
		if with[i] {
			name = "--with"
		}
		p, err := ParseParam(f)
		if err != nil {
			return Grid{}, &FlagError{Flag: name + " " + f, Err: err}
		}
		if paths[p.Path] {
			return Grid{}, &FlagError{Flag: name + " " + f, Err: i18n.NewError(i18n.SweepPathTwice, "Path", p.Path)}
		}
		paths[p.Path] = true
		if !with[i] {
			g.Axes = append(g.Axes, Axis{Params: []Param{p}})
			continue
		}
		if len(g.Axes) == 0 {
			return Grid{}, &FlagError{Flag: name + " " + f, Err: i18n.NewError(i18n.SweepWithFirst)}
		}
		a := &g.Axes[len(g.Axes)-1]
		if len(p.Values) != a.Len() {
			return Grid{}, &FlagError{Flag: name + " " + f, Err: i18n.NewError(i18n.SweepWithLength,
				"Count", len(p.Values), "Path", a.Main().Path, "Len", a.Len())}
		}
		a.Params = append(a.Params, p)
	}
	if len(g.Axes) == 0 {
		return Grid{}, &FlagError{Flag: "--vary", Err: i18n.NewError(i18n.SweepNothingToVary)}
	}
	if n := g.Points() * g.Seeds; n > MaxRuns || n < 0 {
		return Grid{}, &FlagError{Flag: "--vary", Err: i18n.NewError(i18n.SweepTooManyRuns,
			"Points", g.Points(), "Seeds", g.Seeds, "Max", MaxRuns)}
	}
	return g, nil
}

// Points is the number of points: the product of the axes' lengths.
func (g Grid) Points() int {
	n := 1
	for _, a := range g.Axes {
		n *= a.Len()
		if n > MaxRuns {
			return MaxRuns + 1 // more than a sweep may run, whatever the rest
		}
	}
	return n
}

// At is the value index of each axis at point i (0 ≤ i < Points): the
// last axis changes fastest.
func (g Grid) At(i int) []int {
	at := make([]int, len(g.Axes))
	for k := len(g.Axes) - 1; k >= 0; k-- {
		n := g.Axes[k].Len()
		at[k] = i % n
		i /= n
	}
	return at
}

// Sets is the --set flags of point i: PATH=VALUE for every parameter.
func (g Grid) Sets(i int) []string {
	var sets []string
	for k, j := range g.At(i) {
		for _, p := range g.Axes[k].Params {
			sets = append(sets, p.Path+"="+p.Values[j].Text)
		}
	}
	return sets
}

// Params lists every parameter, axis by axis.
func (g Grid) Params() []Param {
	var out []Param
	for _, a := range g.Axes {
		out = append(out, a.Params...)
	}
	return out
}

// FlagError is an error about one flag: "--vary PATH=SPEC: what is
// wrong".
type FlagError struct {
	Flag string
	Err  error
}

func (e *FlagError) Error() string { return e.Flag + ": " + e.Err.Error() }

// In renders the error in l.
func (e *FlagError) In(l i18n.Lang) string { return e.Flag + ": " + i18n.ErrorText(e.Err, l) }

func (e *FlagError) Unwrap() error { return e.Err }
