package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/common"
	labpage "github.com/socklab/socklab/ui/pages/lab"
	"github.com/socklab/socklab/ui/pages/picker"
)

// App is the program Pick runs: the picker, then the lab on the lesson
// chosen; esc in the lab comes back to the picker, the same lesson
// selected.
type App struct {
	c      *common.Common
	picker picker.Model
	lab    *labpage.Model
	w, h   int

	labOpts []labpage.Option // how each lab is built, besides WithLessons
	budget  uint64           // each lesson's work budget in events (0: the scenario's)
}

// AppOption changes how NewApp builds the app.
type AppOption func(*App)

// WithLabOptions builds every lab the app opens with opts.
func WithLabOptions(opts ...labpage.Option) AppOption {
	return func(a *App) { a.labOpts = append(a.labOpts, opts...) }
}

// WithBudget gives every lesson the app opens a work budget of events
// (lab.Budget): socklab serve's share of the machine for one lab.
func WithBudget(events uint64) AppOption {
	return func(a *App) { a.budget = events }
}

// NewApp makes the picker on the terminal c.
func NewApp(c *common.Common, opts ...AppOption) App {
	a := App{c: c, picker: picker.New(c)}
	for _, o := range opts {
		o(&a)
	}
	return a
}

// Init does nothing: the picker waits for keys.
func (a App) Init() tea.Cmd { return nil }

// Update gives messages to the lab once one is open, to the picker before.
func (a App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		a.w, a.h = ws.Width, ws.Height
	}
	if _, ok := msg.(labpage.BackMsg); ok && a.lab != nil {
		a.picker.Select(a.lab.Scenario())
		a.picker.SetSize(a.w, a.h)
		a.lab = nil
		return a, nil
	}
	if a.lab != nil {
		m, cmd := a.lab.Update(msg)
		lab := m.(labpage.Model)
		a.lab = &lab
		return a, cmd
	}
	if c, ok := msg.(picker.ChosenMsg); ok {
		return a.open(c.Name)
	}
	var cmd tea.Cmd
	a.picker, cmd = a.picker.Update(msg)
	return a, cmd
}

// open starts the lab on the scenario name.
func (a App) open(name string) (tea.Model, tea.Cmd) {
	return a.openWith(name, labpage.New)
}

// openWith starts the lab build makes on the scenario name; a scenario
// that does not load, or a lab that cannot be built, is said in the
// picker.
func (a App) openWith(name string, build func(*common.Common, *scenarios.Scenario, ...labpage.Option) (labpage.Model, error)) (App, tea.Cmd) {
	sc, err := scenarios.Load(name)
	if err == nil {
		if a.budget > 0 {
			sc.Budget.Events = a.budget
		}
		var m labpage.Model
		if m, err = build(a.c, sc, append([]labpage.Option{labpage.WithLessons()}, a.labOpts...)...); err == nil {
			next, _ := m.Update(tea.WindowSizeMsg{Width: a.w, Height: a.h})
			m = next.(labpage.Model)
			a.lab = &m
			return a, m.Init()
		}
	}
	a.lab = nil
	a.picker.SetError(err)
	return a, nil
}

// View is the open page's.
func (a App) View() string {
	if a.lab != nil {
		return a.lab.View()
	}
	return a.picker.View()
}
