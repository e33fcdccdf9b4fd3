package common

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/socklab/socklab/lab/i18n"

	"github.com/socklab/socklab/ui/keymap"
	"github.com/socklab/socklab/ui/styles"
)

// Common is what one terminal's pages and components share: the styles
// for its renderer, the keys, and the language its reader reads. It holds
// no size: pages and components are values that take theirs through
// SetSize.
type Common struct {
	Styles styles.Styles
	Keys   keymap.KeyMap
	Lang   i18n.Lang

	actor [3]string // i18n.UIRowActor around its two arguments, for Actor
}

// NewCommon builds the Common of the terminal r renders to (the local
// terminal: lipgloss.DefaultRenderer(); an SSH session: its own), for a
// reader of lang.
func NewCommon(r *lipgloss.Renderer, lang i18n.Lang) *Common {
	c := &Common{Styles: styles.New(r), Keys: keymap.Default(lang)}
	c.SetLang(lang)
	return c
}

// SetLang switches the terminal to language lang (the L key): its keys'
// help, and all that is drawn from now on. The panes keep messages, not
// text, so what they show already, the history too, is drawn again in
// lang.
func (c *Common) SetLang(lang i18n.Lang) {
	c.Lang = lang
	c.Keys.SetLang(lang)
	pattern := lang.T(i18n.UIRowActor, "Who", "\x00", "What", "\x01")
	who, rest, _ := strings.Cut(pattern, "\x00")
	what, after, _ := strings.Cut(rest, "\x01")
	c.actor = [3]string{who, what, after}
}

// Actor words who did or owns what, as the naming rule has it
// (docs/interface.md): "server: heartbeat timeout", "clients#3: attempt 2
// in 4s". It is i18n.UIRowActor, rendered once per terminal: panes call
// it for every line they draw.
func (c *Common) Actor(who, what string) string {
	return c.actor[0] + who + c.actor[1] + what + c.actor[2]
}

// T renders the catalog's message id in the terminal's language.
func (c *Common) T(id i18n.ID, args ...any) string { return c.Lang.T(id, args...) }

// Pane is a component the lab draws in a pane of its frame (hosts,
// timers, connections, wire, narration): it takes its size, and gives its
// title and its lines, at most as many as its height and each at most its
// width (the frame pads them).
type Pane interface {
	SetSize(w, h int)
	Title() string
	Lines() []string
}
