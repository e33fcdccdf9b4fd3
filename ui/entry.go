package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/common"
	labpage "github.com/socklab/socklab/ui/pages/lab"
)

// Play opens the lab on sc, full screen with the mouse on, in language l
// (the L key switches it), and returns when the user quits. sets are the --set flags sc was loaded with: the record
// key stores them. It needs a terminal.
func Play(sc *scenarios.Scenario, sets []string, l i18n.Lang) error {
	c := terminal(l)
	m, err := labpage.New(c, sc, labpage.WithSets(sets))
	if err != nil {
		return err
	}
	return runProgram(m)
}

// Replay opens the replay screen on rec (read by scenarios.ReadRecording)
// in language l, and returns when the user quits. It needs a terminal.
func Replay(rec *scenarios.Recording, l i18n.Lang) error {
	m, err := labpage.NewReplay(terminal(l), rec)
	if err != nil {
		return err
	}
	return runProgram(m)
}

// Pick opens the scenario picker (the built-in scenarios, filterable), then
// the lab on the one chosen, in language l, and returns when the user
// quits. It needs a terminal.
func Pick(l i18n.Lang) error {
	return runProgram(NewApp(terminal(l)))
}

// terminal is the Common of the terminal socklab runs in, for a reader of
// l.
func terminal(l i18n.Lang) *common.Common {
	r := lipgloss.DefaultRenderer()
	// Ask the terminal for its background before Bubble Tea owns the
	// input: adaptive colours read the answer, and a query made later
	// would race the program for the terminal's reply.
	r.HasDarkBackground()
	return common.NewCommon(r, l)
}

func runProgram(m tea.Model) error {
	_, err := tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion()).Run()
	return err
}
