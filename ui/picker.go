package ui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/socklab/socklab/scenarios"
)

// scenarioItem is a built-in scenario in the picker.
type scenarioItem struct {
	info    scenarios.Info
	teaches string
}

func (i scenarioItem) Title() string       { return i.info.Name }
func (i scenarioItem) Description() string { return i.info.Title }

// FilterValue lets the filter find a scenario by its name or its title.
func (i scenarioItem) FilterValue() string {
	return i.info.Name + " " + i.info.Title
}

// app is the picker followed by the lab: the program Pick runs.
type app struct {
	list   list.Model
	lab    *Model
	styles Styles
	w, h   int
	err    string
}

func newApp() app {
	var items []list.Item
	for _, info := range scenarios.List() {
		it := scenarioItem{info: info}
		if sc, err := scenarios.Load(info.Name); err == nil {
			it.teaches = sc.Teaches
		}
		items = append(items, it)
	}
	d := list.NewDefaultDelegate()
	d.SetSpacing(0)
	l := list.New(items, d, 0, 0)
	l.Title = "socklab · choose a scenario (/ filters, enter opens)"
	l.AdditionalShortHelpKeys = func() []key.Binding {
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open"))}
	}
	return app{list: l, styles: DefaultStyles()}
}

func (a app) Init() tea.Cmd { return nil }

// Update gives messages to the lab once one is open, to the picker before.
func (a app) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if a.lab != nil {
		m, cmd := a.lab.Update(msg)
		lab := m.(Model)
		a.lab = &lab
		return a, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.w, a.h = msg.Width, msg.Height
		a.list.SetSize(msg.Width, max(1, msg.Height-a.detailHeight()))
	case tea.KeyMsg:
		if msg.String() == "enter" && a.list.FilterState() != list.Filtering {
			return a.open()
		}
	}
	var cmd tea.Cmd
	a.list, cmd = a.list.Update(msg)
	return a, cmd
}

// open starts the lab on the selected scenario.
func (a app) open() (tea.Model, tea.Cmd) {
	it, ok := a.list.SelectedItem().(scenarioItem)
	if !ok {
		return a, nil
	}
	sc, err := scenarios.Load(it.info.Name)
	if err == nil {
		var m Model
		if m, err = NewModel(sc); err == nil {
			m.w, m.h = a.w, a.h
			a.lab = &m
			return a, m.Init()
		}
	}
	a.err = err.Error()
	return a, nil
}

// detailHeight is the room under the list for what the selected scenario
// teaches.
func (a app) detailHeight() int { return clamp(a.h/3, 4, 12) }

func (a app) View() string {
	if a.lab != nil {
		return a.lab.View()
	}
	st := a.styles
	out := a.list.View()
	if a.list.FilterState() == list.Filtering || a.w < minWidth {
		return out
	}
	var lines []string
	if it, ok := a.list.SelectedItem().(scenarioItem); ok {
		lines = append(lines, st.Title.Render("  "+it.info.Name+" teaches"))
		for _, l := range wrap(it.teaches, a.w-4) {
			lines = append(lines, "  "+st.Teaches.Render(l))
		}
	}
	if a.err != "" {
		lines = append(lines, "  "+st.Error.Render(a.err))
	}
	h := a.detailHeight()
	if len(lines) > h {
		lines = lines[:h]
		lines[h-1] = clip(lines[h-1], a.w-2) + "…"
	}
	for i := range lines {
		lines[i] = fit(lines[i], a.w)
	}
	return out + "\n" + joinLines(lines)
}

func joinLines(lines []string) string {
	s := ""
	for i, l := range lines {
		if i > 0 {
			s += "\n"
		}
		s += l
	}
	return s
}
