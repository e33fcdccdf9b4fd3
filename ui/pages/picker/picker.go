package picker

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/styles"
)

// ChosenMsg says the user chose the scenario Name.
type ChosenMsg struct{ Name string }

// item is a lesson in the list: its number in teaching order, its name
// and title, and what it teaches, shown in lang.
type item struct {
	info    scenarios.Info
	teaches i18n.Text
	lang    i18n.Lang
}

// Title is "10 power-loss-heartbeat": the number, then the name.
func (i item) Title() string       { return fmt.Sprintf("%2d %s", i.info.Lesson, i.info.Name) }
func (i item) Description() string { return i.info.Title.In(i.lang) }

// FilterValue lets the filter find a lesson by its number, its name or
// its title in either language; it begins with Title, so the delegate's
// highlighting of the matched characters falls on the title line.
func (i item) FilterValue() string {
	return i.Title() + " " + i.info.Title.In(i.lang) + " " + i.info.Title.In(i.lang.Next())
}

// Model is the picker: the lessons in teaching order, and what the
// selected one teaches beside them (under them when the terminal is
// narrow).
type Model struct {
	c    *common.Common
	list list.Model
	w, h int
	err  string
}

// New makes the picker of the built-in lessons (scenarios.Lessons).
func New(c *common.Common) Model {
	var items []list.Item
	for _, info := range scenarios.Lessons() {
		it := item{info: info, lang: c.Lang}
		if sc, err := scenarios.Load(info.Name); err == nil {
			it.teaches = sc.Teaches
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
	l.Filter = rank
	l.SetShowStatusBar(false) // statusView words it in the reader's language
	m := Model{c: c, list: l}
	m.setLang(c.Lang)
	return m
}

// setLang words the picker in lang: its title, the lessons' titles, the
// keys' help (the list's own keys too).
func (m *Model) setLang(lang i18n.Lang) {
	l := &m.list
	selected, _ := l.SelectedItem().(item)
	l.Title = lang.T(i18n.UIPickerTitle)
	l.FilterInput.Prompt = lang.T(i18n.UIPickerFilter)
	none := lang.T(i18n.UIPickerNone)
	l.Styles.NoItems = l.Styles.NoItems.Transform(func(string) string { return none })
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", lang.T(i18n.UIPickerOpen)))
	langKey := m.c.Keys.Lang
	l.AdditionalShortHelpKeys = func() []key.Binding { return []key.Binding{open, langKey} }
	k := &l.KeyMap
	for _, b := range []struct {
		b  *key.Binding
		id i18n.ID
	}{
		{&k.CursorUp, i18n.KeyUp}, {&k.CursorDown, i18n.KeyDown}, {&k.PrevPage, i18n.KeyPrevPage},
		{&k.NextPage, i18n.KeyNextPage}, {&k.GoToStart, i18n.KeyGoStart}, {&k.GoToEnd, i18n.KeyGoEnd},
		{&k.Filter, i18n.KeyFilter}, {&k.ClearFilter, i18n.KeyClearFilter}, {&k.CancelWhileFiltering, i18n.KeyCancel},
		{&k.AcceptWhileFiltering, i18n.KeyApplyFilter}, {&k.ShowFullHelp, i18n.KeyMore},
		{&k.CloseFullHelp, i18n.KeyCloseHelp}, {&k.Quit, i18n.KeyQuit},
	} {
		b.b.SetHelp(b.b.Help().Key, lang.T(b.id))
	}
	items := l.Items()
	for i, it := range items {
		it := it.(item)
		it.lang = lang
		items[i] = it
	}
	l.SetItems(items)
	if l.FilterState() != list.Unfiltered {
		// the matches are copies of the items, in the old language
		m.refilter()
		m.Select(selected.info.Name)
	}
}

// side says the lesson text goes beside the list (else under it).
func (m Model) side() bool { return m.w >= 80 }

// listWidth is the width the list takes beside the lesson text.
func (m Model) listWidth() int {
	if !m.side() {
		return m.w
	}
	return format.Clamp(m.w*2/5, 36, 64)
}

// SetSize gives the picker the whole terminal.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	if m.side() {
		m.list.SetSize(m.listWidth()-1, max(1, h-statusHeight)) // the list draws a cell wider than it is given
	} else {
		m.list.SetSize(w, max(1, h-m.detailHeight()-statusHeight))
	}
}

// Select selects the lesson name (the one a lab just left).
func (m *Model) Select(name string) {
	for i, it := range m.list.VisibleItems() { // the list's cursor counts what it shows
		if it.(item).info.Name == name {
			m.list.Select(i)
			return
		}
	}
}

// SetError shows err (a scenario that would not open) with the lesson.
func (m *Model) SetError(err error) { m.err = i18n.ErrorText(err, m.c.Lang) }

// Init does nothing.
func (m Model) Init() tea.Cmd { return nil }

// Update moves in the list and filters it; the Select key (enter), when
// not typing a filter, chooses the selected lesson.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.SetSize(msg.Width, msg.Height)
	case list.FilterMatchesMsg:
		// The list's own answer to a key, sent later from a command: the
		// picker has filtered already (refilter), and an answer for an
		// earlier prefix arriving after it must not undo that.
		return m, nil
	case tea.KeyMsg:
		if key.Matches(msg, m.c.Keys.Lang) && m.list.FilterState() != list.Filtering {
			m.c.SetLang(m.c.Lang.Next())
			m.setLang(m.c.Lang)
			return m, nil
		}
		if key.Matches(msg, m.c.Keys.Select) && m.list.FilterState() != list.Filtering {
			if it, ok := m.list.SelectedItem().(item); ok {
				name := it.info.Name
				return m, func() tea.Msg { return ChosenMsg{Name: name} }
			}
			return m, nil
		}
		if m.list.FilterState() == list.Filtering {
			typed := m.list.FilterInput.Value()
			var cmd tea.Cmd
			m.list, cmd = m.list.Update(msg)
			if m.list.FilterInput.Value() != typed {
				m.refilter()
			}
			return m, cmd
		}
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, cmd
}

// refilter filters the lessons by the filter's text now, in the state the
// filter is in. The list itself filters in a command whose answer comes
// later: "/herd" and enter typed (or pasted) faster than it answers would
// open the lesson that was selected before the filter, not the match.
// Thirty-odd lessons filter in microseconds, so the picker never waits.
func (m *Model) refilter() {
	state := m.list.FilterState()
	if state == list.Unfiltered {
		return
	}
	m.list.SetFilterText(m.list.FilterInput.Value()) // filters now; leaves it applied
	if state == list.Filtering {
		m.list.SetFilterState(list.Filtering) // still being typed
	}
}

// detailHeight is the room under the list for the lesson text when it
// cannot go beside it.
func (m Model) detailHeight() int { return format.Clamp(m.h/3, 4, 12) }

// detail is the selected lesson's text in w cells: its number and name,
// its title, what it teaches; at most h lines, the last cut with an
// ellipsis when it does not all fit.
func (m Model) detail(w, h int) []string {
	st := m.c.Styles
	var lines []string
	if it, ok := m.list.SelectedItem().(item); ok {
		lines = append(lines, st.Title.Render(m.c.T(i18n.UIPickerTeaches, "Lesson", it.info.Lesson, "Name", it.info.Name)))
		for _, l := range format.Wrap(it.info.Title.In(m.c.Lang), w) {
			lines = append(lines, st.Strong.Render(l))
		}
		lines = append(lines, "")
		for _, l := range format.Wrap(lab.Teaches(it.teaches.In(m.c.Lang)), w) {
			lines = append(lines, st.Teaches.Render(l))
		}
	}
	if m.err != "" {
		lines = append(lines, "")
		for _, l := range format.Wrap(m.err, w) {
			lines = append(lines, st.Error.Render(l))
		}
	}
	if len(lines) > h {
		lines = lines[:h]
		lines[h-1] = format.Ellipsis(lines[h-1], w)
	}
	return lines
}

// statusHeight is the room of the status line under the title: the line
// and a blank one.
const statusHeight = 2

// statusView says how many lessons are listed, under which filter, and
// how many it hides; the list's own status bar speaks only English.
func (m Model) statusView() []string {
	l := &m.list
	shown := len(l.VisibleItems())
	text := m.c.T(i18n.UIPickerCount, "Count", shown)
	if l.FilterState() != list.Unfiltered {
		text = m.c.T(i18n.UIPickerMatch, "Filter", format.Clip(strings.TrimSpace(l.FilterInput.Value()), 12), "Count", shown)
	}
	if hidden := len(l.Items()) - shown; hidden > 0 {
		text += l.Styles.DividerDot.String() + l.Styles.StatusBarFilterCount.Render(m.c.T(i18n.UIPickerHidden, "Count", hidden))
	}
	return strings.Split(l.Styles.StatusBar.Render(text), "\n")
}

// View draws the list and the selected lesson's text — also while a
// filter is typed, for the lesson it would open.
func (m Model) View() string {
	out := strings.Split(m.list.View(), "\n")
	title := min(2, len(out)) // the title bar (or the filter being typed) and its padding
	out = slices.Concat(out[:title], m.statusView(), out[title:])
	if m.w < 40 {
		return strings.Join(out, "\n")
	}
	if !m.side() {
		for _, l := range m.detail(m.w-4, m.detailHeight()) {
			out = append(out, format.Fit("  "+l, m.w))
		}
		return strings.Join(out, "\n")
	}
	lw := m.listWidth()
	dw := m.w - lw - 3
	detail := m.detail(dw, m.h-1)
	lines := make([]string, m.h)
	for i := range lines {
		left := ""
		if i < len(out) {
			left = out[i]
		}
		right := ""
		if i >= 1 && i-1 < len(detail) {
			right = detail[i-1]
		}
		lines[i] = format.Fit(left, lw) + " " + m.c.Styles.Border.Render("│") + " " + format.Fit(right, dw)
	}
	return strings.Join(lines, "\n")
}

// rank is the list's filter: a lesson whose name holds the typed text
// comes before one whose title holds it (those starting with it first,
// then in teaching order), and only then the fuzzy matches of the rest —
// "heart" lists the heartbeat lessons, not lossy-link, first.
func rank(term string, targets []string) []list.Rank {
	term = strings.ToLower(strings.TrimSpace(term))
	type scored struct {
		list.Rank
		score int
	}
	var out []scored
	matched := map[int]bool{}
	for i, t := range targets {
		lower := strings.ToLower(t)
		num, rest, _ := strings.Cut(strings.TrimSpace(lower), " ")
		name, title, _ := strings.Cut(rest, " ")
		nameAt := strings.Index(lower, name)
		score, at := -1, -1
		switch {
		case num == term:
			score, at = 0, strings.Index(lower, num)
		case strings.HasPrefix(name, term):
			score, at = 1, nameAt
		case strings.Contains(name, term):
			score, at = 2, nameAt+strings.Index(name, term)
		case strings.Contains(title, term):
			score, at = 3, nameAt+len(name)+1+strings.Index(title, term)
		}
		if score < 0 || term == "" {
			continue
		}
		idx := make([]int, 0, len(term))
		for k := range len([]rune(term)) {
			idx = append(idx, len([]rune(lower[:at]))+k)
		}
		out = append(out, scored{list.Rank{Index: i, MatchedIndexes: idx}, score})
		matched[i] = true
	}
	slices.SortStableFunc(out, func(a, b scored) int { return cmp.Or(cmp.Compare(a.score, b.score), cmp.Compare(a.Index, b.Index)) })
	ranks := make([]list.Rank, 0, len(out))
	for _, s := range out {
		ranks = append(ranks, s.Rank)
	}
	for _, r := range list.DefaultFilter(term, targets) {
		if !matched[r.Index] {
			ranks = append(ranks, r)
		}
	}
	return ranks
}
