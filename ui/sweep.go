package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios/sweep"
	sweeppage "github.com/socklab/socklab/ui/pages/sweep"
)

// SweepChoice is what the user did in a sweep's chart: the point chosen
// to open in the lab (-1: none, the user left), and the language the
// chart was left in.
type SweepChoice struct {
	Point int
	Lang  i18n.Lang
}

// SweepChart opens the chart of a sweep's result, full screen, drawing
// the measures show, its cursor on point at, in language l; it returns
// when the user chooses a point or leaves. It needs a terminal.
func SweepChart(res *sweep.Result, show []int, at int, l i18n.Lang) (SweepChoice, error) {
	m := sweeppage.New(terminal(l), res, show, at)
	final, err := tea.NewProgram(m, tea.WithAltScreen()).Run()
	if err != nil {
		return SweepChoice{Point: -1, Lang: l}, err
	}
	f := final.(sweeppage.Model)
	return SweepChoice{Point: f.Chosen(), Lang: f.Lang()}, nil
}
