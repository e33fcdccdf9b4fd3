package keymap

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab/i18n"
)

// KeyMap is every key of the lab.
type KeyMap struct {
	// Running the simulation. Restart rebuilds a live lab; ToStart is the
	// replay's r, a seek to 0.
	Pause, Step, Jump, Slower, Faster, Restart, ToStart key.Binding
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
	// Looking around: the focused pane scrolls by line and page, to its
	// top and to its end (the wire and the narration then follow their
	// newest line); [ and ] scroll the narration whatever has the focus.
	Up, Down, PageUp, PageDown, Home, Follow, LogUp, LogDown key.Binding
	// Focus moves from pane to pane; Zoom shows the focused pane on the
	// whole screen, and back. Focus stands for the pair in the short help.
	FocusNext, FocusPrev, Focus, Zoom key.Binding
	// Menus and editors.
	Select, Back key.Binding
	// Lessons goes back to the picker, from a lab it opened (off
	// otherwise).
	Lessons    key.Binding
	Help, Quit key.Binding
}

// Default is socklab's keys for a live lab (the replay's keys and Lessons
// are off), their help in lang.
func Default(lang i18n.Lang) KeyMap {
	k := KeyMap{
		Pause:     key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "run/pause")),
		Step:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "step")),
		Jump:      key.NewBinding(key.WithKeys("j"), key.WithHelp("j", "jump")),
		Slower:    key.NewBinding(key.WithKeys("-", "_"), key.WithHelp("-", "slower")),
		Faster:    key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "faster")),
		Speed:     key.NewBinding(key.WithKeys("-", "+"), key.WithHelp("-/+", "speed")),
		Restart:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "restart")),
		ToStart:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "to the start")),
		Faults:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "fault")),
		Params:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Record:    key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "record")),
		SeekBack:  key.NewBinding(key.WithKeys(","), key.WithHelp(",", "seek back")),
		SeekFwd:   key.NewBinding(key.WithKeys("."), key.WithHelp(".", "seek forward")),
		PrevMark:  key.NewBinding(key.WithKeys("<"), key.WithHelp("<", "previous marker")),
		NextMark:  key.NewBinding(key.WithKeys(">"), key.WithHelp(">", "next marker")),
		GoTo:      key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "go to")),
		Branch:    key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "branch")),
		Seek:      key.NewBinding(key.WithKeys(",", "."), key.WithHelp(",/.", "seek")),
		Marks:     key.NewBinding(key.WithKeys("<", ">"), key.WithHelp("</>", "marker")),
		Up:        key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", lang.T(i18n.UIKeyLineUp))),
		Down:      key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", lang.T(i18n.UIKeyLineDown))),
		PageUp:    key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", lang.T(i18n.UIKeyPageUp))),
		PageDown:  key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", lang.T(i18n.UIKeyPageDown))),
		Home:      key.NewBinding(key.WithKeys("home"), key.WithHelp("home", lang.T(i18n.UIKeyTop))),
		Follow:    key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end", lang.T(i18n.UIKeyFollow))),
		LogUp:     key.NewBinding(key.WithKeys("["), key.WithHelp("[", lang.T(i18n.UIKeyLogUp))),
		LogDown:   key.NewBinding(key.WithKeys("]"), key.WithHelp("]", lang.T(i18n.UIKeyLogDown))),
		FocusNext: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", lang.T(i18n.UIKeyFocusNext))),
		FocusPrev: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", lang.T(i18n.UIKeyFocusPrev))),
		Focus:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", lang.T(i18n.UIKeyFocus))),
		Zoom:      key.NewBinding(key.WithKeys("z"), key.WithHelp("z", lang.T(i18n.UIKeyZoom))),
		Select:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", lang.T(i18n.UIKeyBack))),
		Lessons:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", lang.T(i18n.UIKeyLessons)), key.WithDisabled()),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:      key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
	k.SetReplay(false)
	return k
}

// SetReplay switches the keys between the live lab (off) and the replay
// screen (on): seeking, markers, go to and branch work only in a replay;
// the fault menu, the editor, recording and restart only live.
func (k *KeyMap) SetReplay(on bool) {
	for _, b := range []*key.Binding{&k.SeekBack, &k.SeekFwd, &k.PrevMark, &k.NextMark, &k.GoTo, &k.Branch, &k.Seek, &k.Marks, &k.ToStart} {
		b.SetEnabled(on)
	}
	for _, b := range []*key.Binding{&k.Faults, &k.Params, &k.Record, &k.Restart} {
		b.SetEnabled(!on)
	}
}

// ShortHelp is the one line at the bottom of the lab; keys that are off
// are left out.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Pause, k.Seek, k.Marks, k.GoTo, k.Step, k.Jump, k.Speed, k.Faults, k.Params, k.Restart, k.Branch, k.Record, k.Focus, k.Zoom, k.Help, k.Lessons, k.Quit}
}

// ShortPriority is the order in which ShortHelp's keys give way when the
// line is too narrow for all: the last first.
func (k KeyMap) ShortPriority() []key.Binding {
	return []key.Binding{k.Pause, k.Seek, k.Marks, k.Branch, k.Faults, k.Help, k.Quit, k.GoTo, k.Step, k.Jump, k.Speed, k.Params, k.Lessons, k.Zoom, k.Focus, k.Restart, k.Record}
}

// FullHelp is the help screen, by column.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Pause, k.Step, k.Jump, k.Slower, k.Faster, k.Restart, k.ToStart},
		{k.SeekBack, k.SeekFwd, k.PrevMark, k.NextMark, k.GoTo, k.Branch, k.Faults, k.Params, k.Record, k.Select, k.Back, k.Lessons, k.Help, k.Quit},
		{k.FocusNext, k.FocusPrev, k.Zoom, k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.Follow, k.LogUp, k.LogDown},
	}
}

// Disabled says msg is the key of one of bindings while that binding is
// off: the replay screen uses it to say why f does nothing there.
func Disabled(msg tea.KeyMsg, bindings ...key.Binding) bool {
	for _, b := range bindings {
		if !b.Enabled() && slices.Contains(b.Keys(), msg.String()) {
			return true
		}
	}
	return false
}
