package ui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every key of the lab. The same bindings decide what a key does
// (key.Matches in Update) and what the help shows (ShortHelp, FullHelp, and
// their Replay… forms on the replay screen): nothing types help text by
// hand.
type KeyMap struct {
	// Running the simulation.
	Pause, Step, Jump, Slower, Faster, Restart key.Binding
	// Speed stands for Slower and Faster together in the short help; it
	// decides nothing.
	Speed key.Binding
	// Changing the lab.
	Faults, Params key.Binding
	// Record writes the run so far as a recording file.
	Record key.Binding
	// Replaying a recording: seek back and forward by a step, to the
	// previous and next marker, to a typed time; branch to take over live.
	SeekBack, SeekFwd, PrevMark, NextMark, GoTo, Branch key.Binding
	// Seek and Marks stand for the pairs in the short help; they decide
	// nothing.
	Seek, Marks key.Binding
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
		Record:   key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "record")),
		SeekBack: key.NewBinding(key.WithKeys(","), key.WithHelp(",", "seek back")),
		SeekFwd:  key.NewBinding(key.WithKeys("."), key.WithHelp(".", "seek forward")),
		PrevMark: key.NewBinding(key.WithKeys("<"), key.WithHelp("<", "previous marker")),
		NextMark: key.NewBinding(key.WithKeys(">"), key.WithHelp(">", "next marker")),
		GoTo:     key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "go to")),
		Branch:   key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "branch")),
		Seek:     key.NewBinding(key.WithKeys(",", "."), key.WithHelp(",/.", "seek")),
		Marks:    key.NewBinding(key.WithKeys("<", ">"), key.WithHelp("</>", "marker")),
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
	return []key.Binding{k.Pause, k.Step, k.Jump, k.Speed, k.Faults, k.Params, k.Restart, k.Record, k.Help, k.Quit}
}

// shortPriority is the order in which ShortHelp's keys give way when the
// line is too narrow for all: the last first.
func (k KeyMap) shortPriority() []key.Binding {
	return []key.Binding{k.Pause, k.Faults, k.Help, k.Quit, k.Step, k.Jump, k.Speed, k.Params, k.Restart, k.Record}
}

// FullHelp is the help screen, by column.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Pause, k.Step, k.Jump, k.Slower, k.Faster, k.Restart},
		{k.Faults, k.Params, k.Record, k.Select, k.Back, k.Help, k.Quit},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Follow, k.LogUp, k.LogDown},
	}
}

// ReplayShortHelp is the line at the bottom of the replay screen.
func (k KeyMap) ReplayShortHelp() []key.Binding {
	return []key.Binding{k.Pause, k.Seek, k.Marks, k.GoTo, k.Step, k.Jump, k.Speed, k.Branch, k.Help, k.Quit}
}

// replayShortPriority is ReplayShortHelp's order of giving way.
func (k KeyMap) replayShortPriority() []key.Binding {
	return []key.Binding{k.Pause, k.Seek, k.Marks, k.Branch, k.Help, k.Quit, k.GoTo, k.Step, k.Jump, k.Speed}
}

// ReplayFullHelp is the replay screen's help, by column.
func (k KeyMap) ReplayFullHelp() [][]key.Binding {
	restart, goTo, branch := k.Restart, k.GoTo, k.Branch
	restart.SetHelp("r", "to the start")
	goTo.SetHelp("g", "go to a time")
	branch.SetHelp("b", "branch, go live")
	return [][]key.Binding{
		{k.Pause, k.Step, k.Jump, k.Slower, k.Faster, restart},
		{k.SeekBack, k.SeekFwd, k.PrevMark, k.NextMark, goTo, branch, k.Help, k.Quit},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Follow, k.LogUp, k.LogDown},
	}
}
