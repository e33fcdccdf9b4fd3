package menu

import (
	"errors"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/keymap"
	"github.com/socklab/socklab/ui/styles"
)

// Item is one choice of a menu: an action to apply to the lab, with, when
// Prompt is set, a value to ask for first.
type Item struct {
	Key    string // its hotkey (New gives them)
	Label  string
	Hint   string // dim text after the label
	Action lab.Action
	Prompt string // asks for Action.Value with this question
	Value  string // the prompt's starting value
	// Choices, when set, are the values Action.Value may take (a policy, a
	// boolean): the prompt is a list of them to pick from, not a line to
	// type in. Hints says what each means (may be shorter, or nil).
	Choices []string
	Hints   []string
}

// hotkeys are the keys menu items get, in order. They leave out the keys
// that close menus (q, and f and e, which open them).
const hotkeys = "123456789abcdghijklmnoprstuvwxyz"

// Result is what a key did to a menu.
type Result int

const (
	Stay   Result = iota // still open
	Close                // closed without acting
	Chosen               // an action is ready: see Model.Chosen
)

// Model is a list of actions to choose from with arrows and enter or with
// an item's hotkey, and, for an item that needs a value, a one-line prompt.
// It is a value: Update returns the changed menu.
type Model struct {
	c      *common.Common
	title  string
	Items  []Item
	cursor int
	Input  textinput.Model
	Asking bool   // the prompt is open
	choice int    // the value under the cursor, when the prompt is a list
	Err    string // the last error, shown until the next key
	Chosen lab.Action
	closer key.Binding // the key that opened the menu also closes it
}

// New makes a menu of items, giving each its hotkey; closer (the key that
// opened it) also closes it.
func New(c *common.Common, title string, items []Item, closer key.Binding) Model {
	for i := range items {
		if i < len(hotkeys) {
			items[i].Key = string(hotkeys[i])
		}
	}
	in := textinput.New()
	in.Prompt = "> "
	in.CharLimit = 64
	return Model{c: c, title: title, Items: items, Input: in, closer: closer}
}

// Update handles a key. With Chosen, m.Chosen is the action to apply; the
// caller applies it and reports an error back with Failed.
func (m Model) Update(msg tea.KeyMsg, keys keymap.KeyMap) (Model, Result, tea.Cmd) {
	if m.Asking {
		return m.updatePrompt(msg, keys)
	}
	m.Err = ""
	switch {
	case key.Matches(msg, keys.Back), key.Matches(msg, keys.Quit), key.Matches(msg, m.closer):
		return m, Close, nil
	case key.Matches(msg, keys.Up):
		if m.cursor > 0 {
			m.cursor--
		}
		return m, Stay, nil
	case key.Matches(msg, keys.Down):
		if m.cursor < len(m.Items)-1 {
			m.cursor++
		}
		return m, Stay, nil
	case key.Matches(msg, keys.Select):
		return m.choose(m.cursor)
	}
	if msg.Type == tea.KeyRunes && len(msg.Runes) == 1 {
		for i, it := range m.Items {
			if it.Key == string(msg.Runes) {
				return m.choose(i)
			}
		}
	}
	return m, Stay, nil
}

// choose picks item i: at once, or after asking for its value.
func (m Model) choose(i int) (Model, Result, tea.Cmd) {
	if i < 0 || i >= len(m.Items) {
		return m, Stay, nil
	}
	m.cursor = i
	it := m.Items[i]
	if it.Prompt == "" {
		m.Chosen = it.Action
		return m, Chosen, nil
	}
	m.Asking = true
	if it.Choices != nil {
		m.choice = max(0, slices.Index(it.Choices, it.Value))
		return m, Stay, nil
	}
	m.Input.SetValue(it.Value)
	m.Input.CursorEnd()
	return m, Stay, m.Input.Focus()
}

func (m Model) updatePrompt(msg tea.KeyMsg, keys keymap.KeyMap) (Model, Result, tea.Cmd) {
	it := m.Items[m.cursor]
	switch {
	case key.Matches(msg, keys.Back):
		m.Asking, m.Err = false, ""
		m.Input.Blur()
		return m, Stay, nil
	case key.Matches(msg, keys.Select):
		m.Chosen = it.Action
		m.Chosen.Value = strings.TrimSpace(m.Input.Value())
		if it.Choices != nil {
			m.Chosen.Value = it.Choices[m.choice]
		}
		return m, Chosen, nil
	case it.Choices != nil && key.Matches(msg, keys.Up):
		m.choice = max(0, m.choice-1)
		return m, Stay, nil
	case it.Choices != nil && key.Matches(msg, keys.Down):
		m.choice = min(len(it.Choices)-1, m.choice+1)
		return m, Stay, nil
	case it.Choices != nil:
		return m, Stay, nil
	}
	var cmd tea.Cmd
	m.Input, cmd = m.Input.Update(msg)
	return m, Stay, cmd
}

// Failed shows why the chosen action was refused; the menu stays open, the
// prompt too, so the value can be corrected.
func (m Model) Failed(err error) Model {
	m.Err = i18n.ErrorText(err, m.c.Lang)
	var ae *lab.ActionError
	if errors.As(err, &ae) {
		m.Err = ae.Msg.In(m.c.Lang) // the menu already says which action and target
	}
	return m
}

// Lines renders the menu's box content in w cells and at most h lines.
func (m Model) Lines(st styles.Styles, w, h int) []string {
	lines := []string{st.ModalTitle.Render(m.title), ""}
	footer := []string{""}
	if m.Asking {
		it := m.Items[m.cursor]
		footer = append(footer, st.Strong.Render(it.Prompt))
		if it.Choices != nil {
			footer = append(footer, m.choices(st, it, w)...)
		} else {
			footer = append(footer, m.Input.View())
		}
		footer = append(footer, st.Hint.Render(m.c.T(i18n.UIMenuPrompt)))
	} else {
		footer = append(footer, st.Hint.Render(m.c.T(i18n.UIMenuList)))
	}
	if m.Err != "" {
		for _, l := range format.Wrap(m.Err, w) {
			footer = append(footer, st.Error.Render(l))
		}
	}
	room := max(1, h-len(lines)-len(footer))
	if len(m.Items) > room {
		room = max(1, room-1) // for the "more" line
	}
	first := 0
	if m.cursor >= room {
		first = m.cursor - room + 1
	}
	labelW := 0
	for _, it := range m.Items {
		labelW = max(labelW, format.Width(it.Label))
	}
	labelW = min(labelW, w*3/5)
	for i := first; i < len(m.Items) && i < first+room; i++ {
		it := m.Items[i]
		mark := "  "
		label := format.Fit(it.Label, labelW)
		if i == m.cursor {
			mark, label = "▸ ", st.Selected.Render(label)
		}
		line := mark + st.Hotkey.Render(it.Key) + "  " + label
		if it.Hint != "" {
			line += "  " + st.Hint.Render(it.Hint)
		}
		lines = append(lines, format.Clip(line, w))
	}
	if more := len(m.Items) - (first + room); more > 0 {
		lines = append(lines, st.Hint.Render("  ↓ "+m.c.T(i18n.UIMoreBelow, "N", more)))
	}
	return append(lines, footer...)
}

// choices renders the values an item may take, the one under the cursor
// marked ▸, each with its hint when it has one.
func (m Model) choices(st styles.Styles, it Item, w int) []string {
	out := make([]string, 0, len(it.Choices))
	for i, c := range it.Choices {
		mark, label := "  ", c
		if i == m.choice {
			mark, label = "▸ ", st.Selected.Render(c)
		}
		line := mark + label
		if i < len(it.Hints) && it.Hints[i] != "" {
			line += "  " + st.Hint.Render(it.Hints[i])
		}
		out = append(out, format.Clip(line, w))
	}
	return out
}
