package ui

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/socklab/socklab/lab"
)

// menuItem is one choice of a menu: an action to apply to the lab, with,
// when prompt is set, a value to ask for first.
type menuItem struct {
	key    string // its hotkey
	label  string
	hint   string // dim text after the label
	action lab.Action
	prompt string // asks for action.Value with this question
	value  string // the prompt's starting value
}

// hotkeys are the keys menu items get, in order. They leave out the keys
// that close menus (q, and f and e, which open them).
const hotkeys = "123456789abcdghijklmnoprstuvwxyz"

// menuResult is what a key did to a menu.
type menuResult int

const (
	menuStay   menuResult = iota // still open
	menuClose                    // closed without acting
	menuChosen                   // an action is ready: see menu.chosen
)

// menu is a list of actions to choose from with arrows and enter or with an
// item's hotkey, and, for an item that needs a value, a one-line prompt.
// It is a value: Update returns the changed menu.
type menu struct {
	title  string
	items  []menuItem
	cursor int
	input  textinput.Model
	asking bool   // the prompt is open
	err    string // the last error, shown until the next key
	chosen lab.Action
	closer key.Binding // the key that opened the menu also closes it
}

func newMenu(title string, items []menuItem, closer key.Binding) menu {
	for i := range items {
		if i < len(hotkeys) {
			items[i].key = string(hotkeys[i])
		}
	}
	in := textinput.New()
	in.Prompt = "> "
	in.CharLimit = 64
	return menu{title: title, items: items, input: in, closer: closer}
}

// Update handles a key. With menuChosen, m.chosen is the action to apply;
// the caller applies it and reports an error back with failed.
func (m menu) Update(msg tea.KeyMsg, keys KeyMap) (menu, menuResult, tea.Cmd) {
	if m.asking {
		return m.updatePrompt(msg, keys)
	}
	m.err = ""
	switch {
	case key.Matches(msg, keys.Back), key.Matches(msg, keys.Quit), key.Matches(msg, m.closer):
		return m, menuClose, nil
	case key.Matches(msg, keys.Up):
		if m.cursor > 0 {
			m.cursor--
		}
		return m, menuStay, nil
	case key.Matches(msg, keys.Down):
		if m.cursor < len(m.items)-1 {
			m.cursor++
		}
		return m, menuStay, nil
	case key.Matches(msg, keys.Select):
		return m.choose(m.cursor)
	}
	if msg.Type == tea.KeyRunes && len(msg.Runes) == 1 {
		for i, it := range m.items {
			if it.key == string(msg.Runes) {
				return m.choose(i)
			}
		}
	}
	return m, menuStay, nil
}

// choose picks item i: at once, or after asking for its value.
func (m menu) choose(i int) (menu, menuResult, tea.Cmd) {
	if i < 0 || i >= len(m.items) {
		return m, menuStay, nil
	}
	m.cursor = i
	it := m.items[i]
	if it.prompt == "" {
		m.chosen = it.action
		return m, menuChosen, nil
	}
	m.asking = true
	m.input.SetValue(it.value)
	m.input.CursorEnd()
	return m, menuStay, m.input.Focus()
}

func (m menu) updatePrompt(msg tea.KeyMsg, keys KeyMap) (menu, menuResult, tea.Cmd) {
	switch {
	case key.Matches(msg, keys.Back):
		m.asking, m.err = false, ""
		m.input.Blur()
		return m, menuStay, nil
	case key.Matches(msg, keys.Select):
		m.chosen = m.items[m.cursor].action
		m.chosen.Value = strings.TrimSpace(m.input.Value())
		return m, menuChosen, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, menuStay, cmd
}

// failed shows why the chosen action was refused; the menu stays open, the
// prompt too, so the value can be corrected.
func (m menu) failed(err error) menu {
	m.err = err.Error()
	var ae *lab.ActionError
	if errors.As(err, &ae) {
		m.err = ae.Msg // the menu already says which action and target
	}
	return m
}

// view renders the menu's box content in w cells and at most h lines.
func (m menu) view(st Styles, w, h int) []string {
	lines := []string{st.ModalTitle.Render(m.title), ""}
	footer := []string{""}
	if m.asking {
		it := m.items[m.cursor]
		footer = append(footer, st.Strong.Render(it.prompt), m.input.View(), st.Hint.Render("enter apply · esc back"))
	} else {
		footer = append(footer, st.Hint.Render("↑/↓ move · enter or hotkey choose · esc close"))
	}
	if m.err != "" {
		for _, l := range wrap(m.err, w) {
			footer = append(footer, st.Error.Render(l))
		}
	}
	room := max(1, h-len(lines)-len(footer))
	if len(m.items) > room {
		room = max(1, room-1) // for the "more" line
	}
	first := 0
	if m.cursor >= room {
		first = m.cursor - room + 1
	}
	labelW := 0
	for _, it := range m.items {
		labelW = max(labelW, ansi.StringWidth(it.label))
	}
	labelW = min(labelW, w*3/5)
	for i := first; i < len(m.items) && i < first+room; i++ {
		it := m.items[i]
		mark := "  "
		label := fit(it.label, labelW)
		if i == m.cursor {
			mark, label = "▸ ", st.Selected.Render(label)
		}
		line := mark + st.Hotkey.Render(it.key) + "  " + label
		if it.hint != "" {
			line += "  " + st.Hint.Render(it.hint)
		}
		lines = append(lines, clip(line, w))
	}
	if more := len(m.items) - (first + room); more > 0 {
		lines = append(lines, st.Hint.Render("  ↓ "+itoa(more)+" more"))
	}
	return append(lines, footer...)
}
