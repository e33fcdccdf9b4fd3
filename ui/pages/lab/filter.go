package lab

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/feed"
)

// The wire's filter (/): the reader types words (feed.Filter: a host or an
// app, a port, a flag, a kind of segment) and the wire shows only the rows
// that match, of the whole run: the lab re-simulates its run from the
// start with a filtered wire beside the full one (engine.NewFilteredRun),
// to where it stands, so rows long gone from the full wire come back. The
// filter shows on the wire's border; esc clears it. Enter on a connection
// in the connections pane filters the wire on it.

// openFilter opens the filter's prompt in the timeline's row, holding the
// filter as it is.
func (m Model) openFilter() (Model, tea.Cmd) {
	in := textinput.New()
	in.Prompt = m.c.T(i18n.UIFilterPrompt)
	in.Placeholder = "client#7 SYN"
	in.CharLimit = 80
	in.SetValue(m.filter.String())
	in.CursorEnd()
	m.prompt = in
	m.modal = modalFilter
	m.resize() // on a short terminal the prompt takes a row the timeline does not
	return m, m.prompt.Focus()
}

// filterKey gives a key to the open prompt: enter filters, esc cancels.
func (m Model) filterKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Back):
		m.modal = modalNone
		m.resize()
		return m, nil
	case key.Matches(msg, m.keys.Select):
		m.modal = modalNone
		m.resize()
		return m.setFilter(feed.ParseFilter(m.prompt.Value()))
	}
	var cmd tea.Cmd
	m.prompt, cmd = m.prompt.Update(msg)
	return m, cmd
}

// setFilter makes f the wire's filter: a fresh run, filtered from its
// start, re-simulated to where the lab stands (the zero Filter: the full
// wire at once).
func (m Model) setFilter(f feed.Filter) (Model, tea.Cmd) {
	if f.String() == m.filter.String() {
		return m, nil
	}
	m.filter = f
	m.inspecting = false
	if !f.Active() {
		m.run.Filtered = nil
		m.wire.SetFeed(m.run.Feed)
		m.status.SetFlash(m.c.T(i18n.UIFilterClear), false)
		m.resize()
		return m, nil
	}
	m, cmd := m.goTo(m.run.Position())
	m.status.SetFlash(m.c.T(i18n.UIFilterSet, "Filter", f.String()), false)
	return m, cmd
}

// filterOnConn filters the wire on the connection selected in the
// connections pane: its port tag.
func (m Model) filterOnConn() (Model, tea.Cmd) {
	port, ok := m.conns.SelectedPort()
	if !ok {
		return m, nil
	}
	return m.setFilter(feed.ParseFilter(":" + port))
}
