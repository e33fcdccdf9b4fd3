package ui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every key of the lab. The same bindings decide what a key does
// (key.Matches in Update) and what the help shows (ShortHelp, FullHelp):
// nothing types help text by hand.
type KeyMap struct {
	// Running the simulation.
	Pause, Step, Jump, Slower, Faster, Restart key.Binding
	// Speed stands for Slower and Faster together in the short help; it
	// decides nothing.
	Speed key.Binding
	// Changing the lab.
	Faults, Params key.Binding
	// Looking around: the wire scrolls by line and page, the log by line.
	Up, Down, PageUp, PageDown, Follow, LogUp, LogDown key.Binding
	// Menus and editors.
	Select, Back key.Binding
	Help, Quit   key.Binding
}

// DefaultKeyMap is socklab's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Pause:    key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "run/pause")),
		Step:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "step")),
		Jump:     key.NewBinding(key.WithKeys("j"), key.WithHelp("j", "jump")),
		Slower:   key.NewBinding(key.WithKeys("-", "_"), key.WithHelp("-", "slower")),
		Faster:   key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "faster")),
		Speed:    key.NewBinding(key.WithKeys("-", "+"), key.WithHelp("-/+", "speed")),
		Restart:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "restart")),
		Faults:   key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "fault")),
		Params:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Up:       key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "wire back")),
		Down:     key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "wire forward")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "wire page back")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "wire page forward")),
		Follow:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end", "follow live")),
		LogUp:    key.NewBinding(key.WithKeys("["), key.WithHelp("[", "log back")),
		LogDown:  key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "log forward")),
		Select:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp is the one line at the bottom of the lab.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Pause, k.Step, k.Jump, k.Speed, k.Faults, k.Params, k.Restart, k.Help, k.Quit}
}

// FullHelp is the help screen, by column.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Pause, k.Step, k.Jump, k.Slower, k.Faster, k.Restart},
		{k.Faults, k.Params, k.Select, k.Back, k.Help, k.Quit},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Follow, k.LogUp, k.LogDown},
	}
}
