package sweep

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios/sweep"
	"github.com/socklab/socklab/ui/common"
)

// ChosenMsg says the user chose point Point (an index of Result.Points)
// to open in the lab.
type ChosenMsg struct{ Point int }

// Model is the chart of a sweep's result.
type Model struct {
	c   *common.Common
	res *sweep.Result
	// show are the measures the chart draws (indexes into
	// res.Measures), numbers only.
	show   []int
	series [][]int // the lines: point indexes, in the first axis's order

	measure int // the measure drawn: an index of show
	line    int // the line the cursor is on: an index of series
	at      int // the cursor's place on its line

	chosen int // the point enter chose, -1 for none
	w, h   int
}

// New makes the chart of res, drawing the measures show (text measures are
// left out), its cursor on point at.
func New(c *common.Common, res *sweep.Result, show []int, at int) Model {
	m := Model{c: c, res: res, series: res.Series(), chosen: -1}
	for _, i := range show {
		if res.Measures[i].Unit != sweep.Text {
			m.show = append(m.show, i)
		}
	}
	for s, pts := range m.series {
		for k, p := range pts {
			if p == at {
				m.line, m.at = s, k
			}
		}
	}
	return m
}

// Chosen is the point enter chose, -1 for none (the user left).
func (m Model) Chosen() int { return m.chosen }

// Lang is the language the chart was left in (L switches it).
func (m Model) Lang() i18n.Lang { return m.c.Lang }

// Point is the point under the cursor.
func (m Model) Point() int { return m.series[m.line][m.at] }

// SetSize gives the chart the whole terminal.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Init does nothing.
func (m Model) Init() tea.Cmd { return nil }

// Update moves the cursor, switches the measure or the language, chooses
// a point or leaves.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.SetSize(msg.Width, msg.Height)
	case tea.KeyMsg:
		return m.key(msg.String())
	}
	return m, nil
}

// key does what a key says.
func (m Model) key(k string) (tea.Model, tea.Cmd) {
	n := len(m.series[m.line])
	switch k {
	case "left", "h":
		m.at = max(m.at-1, 0)
	case "right", "l":
		m.at = min(m.at+1, n-1)
	case "home", "g":
		m.at = 0
	case "end", "G":
		m.at = n - 1
	case "up", "k":
		m.line = max(m.line-1, 0)
	case "down", "j":
		m.line = min(m.line+1, len(m.series)-1)
	case "tab":
		if len(m.show) > 0 {
			m.measure = (m.measure + 1) % len(m.show)
		}
	case "shift+tab":
		if len(m.show) > 0 {
			m.measure = (m.measure + len(m.show) - 1) % len(m.show)
		}
	case "L":
		m.c.SetLang(m.c.Lang.Next())
	case "enter":
		if m.res.Points[m.Point()].Done {
			m.chosen = m.Point()
			return m, tea.Quit
		}
	case "q", "esc", "ctrl+c":
		return m, tea.Quit
	}
	return m, nil
}
