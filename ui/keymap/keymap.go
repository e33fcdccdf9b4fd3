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
	// The timeline (a replay's, and a live lab's once it has a past):
	// seek back and forward by a step, to the previous and next marker, to
	// a typed time; a replay's branch takes over live.
	SeekBack, SeekFwd, PrevMark, NextMark, GoTo, Branch key.Binding
	// StepBack goes back one event, BackChange back to the previous
	// change (the mirror of Jump), live and in a replay alike.
	StepBack, BackChange key.Binding
	// Exploring the run: open the wire's selected packet, jump from it to
	// the segment it acknowledges or the packet it answers, filter the
	// wire, show what the run costs.
	Inspect, AckJump, AnswerJump, Filter, Cost key.Binding
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
	Lessons key.Binding
	// Lang switches the language of everything on screen, live.
	Lang       key.Binding
	Help, Quit key.Binding

	lang i18n.Lang // the language of the help
	// noFiles keeps the record key off whatever the screen (socklab
	// serve: nothing is written on the server's disk).
	noFiles bool
}

// Default is socklab's keys for a live lab (the replay's keys and Lessons
// are off), their help in lang.
func Default(lang i18n.Lang) KeyMap {
	k := KeyMap{
		Pause:      key.NewBinding(key.WithKeys(" ")),
		Step:       key.NewBinding(key.WithKeys("n")),
		Jump:       key.NewBinding(key.WithKeys("j")),
		Slower:     key.NewBinding(key.WithKeys("-", "_")),
		Faster:     key.NewBinding(key.WithKeys("+", "=")),
		Speed:      key.NewBinding(key.WithKeys("-", "+")),
		Restart:    key.NewBinding(key.WithKeys("r")),
		ToStart:    key.NewBinding(key.WithKeys("r")),
		Faults:     key.NewBinding(key.WithKeys("f")),
		Params:     key.NewBinding(key.WithKeys("e")),
		Record:     key.NewBinding(key.WithKeys("w")),
		SeekBack:   key.NewBinding(key.WithKeys(",")),
		SeekFwd:    key.NewBinding(key.WithKeys(".")),
		PrevMark:   key.NewBinding(key.WithKeys("<")),
		NextMark:   key.NewBinding(key.WithKeys(">")),
		GoTo:       key.NewBinding(key.WithKeys("g")),
		Branch:     key.NewBinding(key.WithKeys("v")),
		StepBack:   key.NewBinding(key.WithKeys("b")),
		BackChange: key.NewBinding(key.WithKeys("B")),
		Inspect:    key.NewBinding(key.WithKeys("enter")),
		AckJump:    key.NewBinding(key.WithKeys("a")),
		AnswerJump: key.NewBinding(key.WithKeys("o")),
		Filter:     key.NewBinding(key.WithKeys("/")),
		Cost:       key.NewBinding(key.WithKeys("c")),
		Seek:       key.NewBinding(key.WithKeys(",", ".")),
		Marks:      key.NewBinding(key.WithKeys("<", ">")),
		Up:         key.NewBinding(key.WithKeys("up")),
		Down:       key.NewBinding(key.WithKeys("down")),
		PageUp:     key.NewBinding(key.WithKeys("pgup")),
		PageDown:   key.NewBinding(key.WithKeys("pgdown")),
		Home:       key.NewBinding(key.WithKeys("home")),
		Follow:     key.NewBinding(key.WithKeys("end", "G")),
		LogUp:      key.NewBinding(key.WithKeys("[")),
		LogDown:    key.NewBinding(key.WithKeys("]")),
		FocusNext:  key.NewBinding(key.WithKeys("tab")),
		FocusPrev:  key.NewBinding(key.WithKeys("shift+tab")),
		Focus:      key.NewBinding(key.WithKeys("tab")),
		Zoom:       key.NewBinding(key.WithKeys("z")),
		Select:     key.NewBinding(key.WithKeys("enter")),
		Back:       key.NewBinding(key.WithKeys("esc")),
		Lessons:    key.NewBinding(key.WithKeys("esc"), key.WithDisabled()),
		Lang:       key.NewBinding(key.WithKeys("L")),
		Help:       key.NewBinding(key.WithKeys("?")),
		Quit:       key.NewBinding(key.WithKeys("q", "ctrl+c")),
	}
	k.SetLang(lang)
	k.SetReplay(false)
	return k
}

// SetLang words the keys' help in lang. The language key names the
// language it switches to, in that language ("中文", "English").
func (k *KeyMap) SetLang(lang i18n.Lang) {
	for _, h := range []struct {
		b    *key.Binding
		name string
		desc i18n.ID
	}{
		{&k.Pause, "space", i18n.KeyRunPause}, {&k.Step, "n", i18n.KeyStep}, {&k.Jump, "j", i18n.KeyJump},
		{&k.Slower, "-", i18n.KeySlower}, {&k.Faster, "+", i18n.KeyFaster}, {&k.Speed, "-/+", i18n.KeySpeed},
		{&k.Restart, "r", i18n.KeyRestart}, {&k.ToStart, "r", i18n.KeyToStart}, {&k.Faults, "f", i18n.KeyFault},
		{&k.Params, "e", i18n.KeyEdit}, {&k.Record, "w", i18n.KeyRecord}, {&k.SeekBack, ",", i18n.KeySeekBack},
		{&k.SeekFwd, ".", i18n.KeySeekFwd}, {&k.PrevMark, "<", i18n.KeyPrevMark}, {&k.NextMark, ">", i18n.KeyNextMark},
		{&k.GoTo, "g", i18n.KeyGoTo}, {&k.Branch, "v", i18n.KeyBranch}, {&k.Seek, ",/.", i18n.KeySeek},
		{&k.StepBack, "b", i18n.UIKeyStepBack}, {&k.BackChange, "B", i18n.UIKeyBackChange},
		{&k.Inspect, "enter", i18n.UIKeyInspect}, {&k.AckJump, "a", i18n.UIKeyAckJump},
		{&k.AnswerJump, "o", i18n.UIKeyAnswerJump}, {&k.Filter, "/", i18n.UIKeyFilter}, {&k.Cost, "c", i18n.UIKeyCost},
		{&k.Marks, "</>", i18n.KeyMarker}, {&k.Up, "↑", i18n.UIKeyLineUp}, {&k.Down, "↓", i18n.UIKeyLineDown},
		{&k.PageUp, "pgup", i18n.UIKeyPageUp}, {&k.PageDown, "pgdn", i18n.UIKeyPageDown}, {&k.Home, "home", i18n.UIKeyTop},
		{&k.Follow, "end", i18n.UIKeyFollow}, {&k.LogUp, "[", i18n.UIKeyLogUp}, {&k.LogDown, "]", i18n.UIKeyLogDown},
		{&k.FocusNext, "tab", i18n.UIKeyFocusNext}, {&k.FocusPrev, "shift+tab", i18n.UIKeyFocusPrev},
		{&k.Focus, "tab", i18n.UIKeyFocus}, {&k.Zoom, "z", i18n.UIKeyZoom}, {&k.Select, "enter", i18n.KeyChoose},
		{&k.Back, "esc", i18n.UIKeyBack}, {&k.Lessons, "esc", i18n.UIKeyLessons}, {&k.Help, "?", i18n.KeyHelp},
		{&k.Quit, "q", i18n.KeyQuit},
	} {
		h.b.SetHelp(h.name, lang.T(h.desc))
	}
	k.Lang.SetHelp("L", lang.Next().T(i18n.LangName))
	k.lang = lang
}

// PauseHelp is the pause key's help as the key line shows it: what space
// will do now.
func (k KeyMap) PauseHelp(paused bool) key.Binding {
	b := k.Pause
	if paused {
		b.SetHelp("space", k.lang.T(i18n.KeyRun))
	} else {
		b.SetHelp("space", k.lang.T(i18n.KeyPause))
	}
	return b
}

// SetReplay switches the keys between the live lab (off) and the replay
// screen (on): branch and back to the start work only in a replay; the
// fault menu, the editor, recording and restart only live. Seeking works
// in both: a live lab has a timeline of its past.
func (k *KeyMap) SetReplay(on bool) {
	for _, b := range []*key.Binding{&k.Branch, &k.ToStart} {
		b.SetEnabled(on)
	}
	for _, b := range []*key.Binding{&k.Faults, &k.Params, &k.Record, &k.Restart} {
		b.SetEnabled(!on)
	}
	k.Record.SetEnabled(!on && !k.noFiles)
}

// SetNoFiles turns the record key off for good: SetReplay leaves it off.
func (k *KeyMap) SetNoFiles() {
	k.noFiles = true
	k.Record.SetEnabled(false)
}

// Following are the keys a lab that follows another's run does not take:
// they would change the run (its clock, its position, its inputs).
func (k *KeyMap) Following() []*key.Binding {
	return []*key.Binding{&k.Pause, &k.Step, &k.Jump, &k.Slower, &k.Faster, &k.Speed, &k.ToStart,
		&k.SeekBack, &k.SeekFwd, &k.PrevMark, &k.NextMark, &k.Seek, &k.Marks, &k.GoTo, &k.StepBack, &k.BackChange}
}

// SetFollowing switches the keys of Following off (on) or back on.
func (k *KeyMap) SetFollowing(on bool) {
	for _, b := range k.Following() {
		b.SetEnabled(!on)
	}
}

// ShortHelp is the one line at the bottom of the lab; keys that are off
// are left out.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Pause, k.Seek, k.Marks, k.GoTo, k.Step, k.StepBack, k.Jump, k.Speed, k.Faults, k.Params, k.Restart, k.Branch, k.Record, k.Inspect, k.Filter, k.Cost, k.Focus, k.Zoom, k.Lang, k.Help, k.Lessons, k.Quit}
}

// ShortPriority is the order in which ShortHelp's keys give way when the
// line is too narrow for all: the last first. A replay keeps its seeking
// keys and its branch first; the live lab its stepping, back and faults.
func (k KeyMap) ShortPriority() []key.Binding {
	if k.Branch.Enabled() {
		return []key.Binding{k.Pause, k.Seek, k.Marks, k.Branch, k.Help, k.Quit, k.StepBack, k.GoTo, k.Step, k.Jump, k.Lang, k.Inspect, k.Filter, k.Cost, k.Speed, k.Lessons, k.Zoom, k.Focus}
	}
	return []key.Binding{k.Pause, k.Step, k.StepBack, k.Faults, k.Help, k.Quit, k.Branch, k.Lang, k.Jump, k.Inspect, k.Filter, k.Cost, k.Seek, k.Speed, k.Params, k.Lessons, k.Marks, k.GoTo, k.Zoom, k.Focus, k.Restart, k.Record}
}

// FullHelp is the help screen, by column.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Pause, k.Step, k.StepBack, k.Jump, k.BackChange, k.Slower, k.Faster, k.Restart, k.ToStart, k.Inspect, k.AckJump, k.AnswerJump, k.Filter, k.Cost},
		{k.SeekBack, k.SeekFwd, k.PrevMark, k.NextMark, k.GoTo, k.Branch, k.Faults, k.Params, k.Record, k.Select, k.Back, k.Lessons, k.Lang, k.Help, k.Quit},
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
