package picker

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/styles"
)

// ChosenMsg says the user chose the scenario Name.
type ChosenMsg struct{ Name string }

// item is a built-in scenario in the list.
type item struct {
	info    scenarios.Info
	teaches string
}

func (i item) Title() string       { return i.info.Name }
func (i item) Description() string { return i.info.Title.In(i18n.English) }

// FilterValue lets the filter find a scenario by its name or its title.
func (i item) FilterValue() string {
	return i.info.Name + " " + i.info.Title.In(i18n.English)
}

// Model is the picker.
type Model struct {
	c    *common.Common
	list list.Model
	w, h int
	err  string
}

// New makes the picker of the built-in scenarios.
func New(c *common.Common) Model {
	var items []list.Item
	for _, info := range scenarios.List() {
		it := item{info: info}
		if sc, err := scenarios.Load(info.Name); err == nil {
			it.teaches = sc.Teaches.In(i18n.English)
		}
		items = append(items, it)
	}
	r := c.Styles.Renderer
	d := list.NewDefaultDelegate()
	d.SetSpacing(0)
	styles.Rebind(&d.Styles, r)
	l := list.New(items, d, 0, 0)
	styles.Rebind(&l.Styles, r)
	styles.Rebind(&l.Help.Styles, r)
	styles.Rebind(&l.FilterInput, r)
	l.Title = "socklab · choose a scenario (/ filters, enter opens)"
	l.AdditionalShortHelpKeys = func() []key.Binding {
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open"))}
	}
	return Model{c: c, list: l}
}

// SetSize gives the picker the whole terminal.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.list.SetSize(w, max(1, h-m.detailHeight()))
}

// SetError shows err (a scenario that would not open) under the list.
func (m *Model) SetError(err error) { m.err = err.Error() }

// Init does nothing.
func (m Model) Init() tea.Cmd { return nil }

// Update moves in the list and filters it; enter, when not typing a
// filter, chooses the selected scenario.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.SetSize(msg.Width, msg.Height)
	case tea.KeyMsg:
		if msg.String() == "enter" && m.list.FilterState() != list.Filtering {
			if it, ok := m.list.SelectedItem().(item); ok {
				name := it.info.Name
				return m, func() tea.Msg { return ChosenMsg{Name: name} }
			}
			return m, nil
		}
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, cmd
}

// detailHeight is the room under the list for what the selected scenario
// teaches.
func (m Model) detailHeight() int { return format.Clamp(m.h/3, 4, 12) }

// View draws the list and, under it, what the selected scenario teaches.
func (m Model) View() string {
	st := m.c.Styles
	out := m.list.View()
	if m.list.FilterState() == list.Filtering || m.w < 40 {
		return out
	}
	var lines []string
	if it, ok := m.list.SelectedItem().(item); ok {
		lines = append(lines, st.Title.Render("  "+it.info.Name+" teaches"))
		for _, l := range format.Wrap(it.teaches, m.w-4) {
			lines = append(lines, "  "+st.Teaches.Render(l))
		}
	}
	if m.err != "" {
		lines = append(lines, "  "+st.Error.Render(m.err))
	}
	h := m.detailHeight()
	if len(lines) > h {
		lines = lines[:h]
		lines[h-1] = format.Clip(lines[h-1], m.w-2) + "…"
	}
	s := out
	for _, l := range lines {
		s += "\n" + format.Fit(l, m.w)
	}
	return s
}
