package sweep

import (
	"github.com/charmbracelet/bubbles/key"
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
		return m.key(msg)
	}
	return m, nil
}

// keys are the chart's own keys; choosing, the language and leaving are
// the terminal's (common.Common's KeyMap: Select, Lang, Back, Quit).
var keys = struct {
	Prev, Next, First, Last, LineUp, LineDown, NextMeasure, PrevMeasure key.Binding
}{
	Prev:        key.NewBinding(key.WithKeys("left", "h")),
	Next:        key.NewBinding(key.WithKeys("right", "l")),
	First:       key.NewBinding(key.WithKeys("home", "g")),
	Last:        key.NewBinding(key.WithKeys("end", "G")),
	LineUp:      key.NewBinding(key.WithKeys("up", "k")),
	LineDown:    key.NewBinding(key.WithKeys("down", "j")),
	NextMeasure: key.NewBinding(key.WithKeys("tab")),
	PrevMeasure: key.NewBinding(key.WithKeys("shift+tab")),
}

// key does what a key says.
func (m Model) key(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	n, measures := len(m.series[m.line]), max(len(m.show), 1)
	ck := m.c.Keys
	switch {
	case key.Matches(msg, keys.Prev):
		m.at = max(m.at-1, 0)
	case key.Matches(msg, keys.Next):
		m.at = min(m.at+1, n-1)
	case key.Matches(msg, keys.First):
		m.at = 0
	case key.Matches(msg, keys.Last):
		m.at = n - 1
	case key.Matches(msg, keys.LineUp):
		m.line = max(m.line-1, 0)
		m.at = min(m.at, len(m.series[m.line])-1)
	case key.Matches(msg, keys.LineDown):
		m.line = min(m.line+1, len(m.series)-1)
		m.at = min(m.at, len(m.series[m.line])-1)
	case key.Matches(msg, keys.NextMeasure):
		m.measure = (m.measure + 1) % measures
	case key.Matches(msg, keys.PrevMeasure):
		m.measure = (m.measure + measures - 1) % measures
	case key.Matches(msg, ck.Lang):
		m.c.SetLang(m.c.Lang.Next())
	case key.Matches(msg, ck.Select):
		if m.res.Points[m.Point()].Done {
			m.chosen = m.Point()
			return m, tea.Quit
		}
	case key.Matches(msg, ck.Quit, ck.Back):
		return m, tea.Quit
	}
	return m, nil
}
