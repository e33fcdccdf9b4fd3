package common

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/socklab/socklab/ui/keymap"
	"github.com/socklab/socklab/ui/styles"
)

// Common is what one terminal's pages and components share: the styles
// for its renderer, and the keys. It holds no size: pages and components
// are values that take theirs through SetSize.
type Common struct {
	Styles styles.Styles
	Keys   keymap.KeyMap
}

// NewCommon builds the Common of the terminal r renders to (the local
// terminal: lipgloss.DefaultRenderer(); an SSH session: its own).
func NewCommon(r *lipgloss.Renderer) *Common {
	return &Common{Styles: styles.New(r), Keys: keymap.Default()}
}

// Component is a part of a page that is given a size and draws itself in
// it.
type Component interface {
	SetSize(w, h int)
	View() string
}
