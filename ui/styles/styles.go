package styles

import (
	"reflect"

	"github.com/charmbracelet/lipgloss"
)

// The colour pairs, light then dark. A projector washes contrast out, so
// even the muted ones stay well above the web's 4.5:1 for text: muted text
// (times, hints) at least 5.5:1 against white and against a dark
// terminal's #0d1117, borders and lanes 4.5:1, the spent part of a bar 2.5:1
// (TestContrast).
var (
	colText   = lipgloss.AdaptiveColor{Light: "#1f2328", Dark: "#e6edf3"}
	colDim    = lipgloss.AdaptiveColor{Light: "#57606a", Dark: "#8b949e"}
	colBorder = lipgloss.AdaptiveColor{Light: "#6e7781", Dark: "#768390"}
	colTitle  = lipgloss.AdaptiveColor{Light: "#0550ae", Dark: "#79c0ff"}
	colGreen  = lipgloss.AdaptiveColor{Light: "#1a7f37", Dark: "#3fb950"}
	colYellow = lipgloss.AdaptiveColor{Light: "#9a6700", Dark: "#d29922"}
	colOrange = lipgloss.AdaptiveColor{Light: "#bc4c00", Dark: "#f0883e"}
	colRed    = lipgloss.AdaptiveColor{Light: "#cf222e", Dark: "#f85149"}
	colBlue   = lipgloss.AdaptiveColor{Light: "#0969da", Dark: "#58a6ff"}
	colPurple = lipgloss.AdaptiveColor{Light: "#8250df", Dark: "#bc8cff"}
	colCyan   = lipgloss.AdaptiveColor{Light: "#1b7c83", Dark: "#39c5cf"}
	colBarBg  = lipgloss.AdaptiveColor{Light: "#8c959f", Dark: "#5a636e"}
)

// Styles is every style of the interface, in one place.
type Styles struct {
	// Renderer is the terminal the styles render for.
	Renderer *lipgloss.Renderer

	Text, Dim, Strong lipgloss.Style
	Border, Title     lipgloss.Style
	Good, Warn, Bad   lipgloss.Style

	// Status line.
	Brand, Running, Paused, Flash, FlashErr lipgloss.Style

	// TCP states; StateOther for any state not listed.
	States     map[string]lipgloss.Style
	StateOther lipgloss.Style

	// Countdown bars: the part left, the part gone, and a bar about to fire.
	BarLeft, BarGone, BarSoon lipgloss.Style

	// The wire.
	Lane, Arrow, InFlight, Syn, Fin, Rst, Beat, Keepalive, Retrans, Drop lipgloss.Style
	FaultRow, DetectRow, ReconnectRow, FlowRow, ParamRow                 lipgloss.Style
	LogRow, NoticeRow                                                    lipgloss.Style
	Time                                                                 lipgloss.Style

	// What is happening.
	Teaches, Narration lipgloss.Style

	// Menus and editors: the box around them, its title, the selected
	// item, hotkeys, hints and errors.
	Modal, ModalTitle, Selected, Hotkey, Hint, Error lipgloss.Style

	// P paints the styles the panes draw every line and cell with.
	P Painters
}

// Painters are the styles the panes paint most, ready (Painter).
type Painters struct {
	Text, Dim, Strong, Border, Title, Good, Warn, Bad                    Painter
	BarLeft, BarGone, BarSoon                                            Painter
	Lane, Arrow, InFlight, Syn, Fin, Rst, Beat, Keepalive, Retrans, Drop Painter
	FaultRow, DetectRow, ReconnectRow, FlowRow, ParamRow, Time           Painter
	LogRow, NoticeRow                                                    Painter
	Teaches, Narration, Selected                                         Painter
	States                                                               map[string]Painter
	StateOther                                                           Painter
}

// State paints a TCP state's name.
func (p Painters) State(name string) Painter {
	if st, ok := p.States[name]; ok {
		return st
	}
	return p.StateOther
}

func newPainters(s Styles) Painters {
	p := PainterOf
	ps := Painters{Text: p(s.Text), Dim: p(s.Dim), Strong: p(s.Strong), Border: p(s.Border), Title: p(s.Title),
		Good: p(s.Good), Warn: p(s.Warn), Bad: p(s.Bad), BarLeft: p(s.BarLeft), BarGone: p(s.BarGone), BarSoon: p(s.BarSoon),
		Lane: p(s.Lane), Arrow: p(s.Arrow), InFlight: p(s.InFlight), Syn: p(s.Syn), Fin: p(s.Fin), Rst: p(s.Rst),
		Beat: p(s.Beat), Keepalive: p(s.Keepalive), Retrans: p(s.Retrans), Drop: p(s.Drop), FaultRow: p(s.FaultRow),
		DetectRow: p(s.DetectRow), ReconnectRow: p(s.ReconnectRow), FlowRow: p(s.FlowRow), ParamRow: p(s.ParamRow),
		LogRow: p(s.LogRow), NoticeRow: p(s.NoticeRow),
		Time: p(s.Time), Teaches: p(s.Teaches), Narration: p(s.Narration), Selected: p(s.Selected),
		States: map[string]Painter{}, StateOther: p(s.StateOther)}
	for name, st := range s.States {
		ps.States[name] = p(st)
	}
	return ps
}

// New builds socklab's styles for the terminal r renders to.
func New(r *lipgloss.Renderer) Styles {
	fg := func(c lipgloss.TerminalColor) lipgloss.Style { return r.NewStyle().Foreground(c) }
	s := Styles{
		Renderer: r,

		Text:   fg(colText),
		Dim:    fg(colDim),
		Strong: fg(colText).Bold(true),
		Border: fg(colBorder),
		Title:  fg(colTitle).Bold(true),
		Good:   fg(colGreen),
		Warn:   fg(colYellow),
		Bad:    fg(colRed).Bold(true),

		Brand:    fg(colTitle).Bold(true),
		Running:  fg(colGreen).Bold(true),
		Paused:   fg(colYellow).Bold(true),
		Flash:    fg(colBlue),
		FlashErr: fg(colRed).Bold(true),

		States: map[string]lipgloss.Style{
			"LISTEN":       fg(colCyan),
			"SYN_SENT":     fg(colYellow),
			"SYN_RECEIVED": fg(colYellow),
			"ESTABLISHED":  fg(colGreen).Bold(true),
			"FIN_WAIT_1":   fg(colPurple),
			"FIN_WAIT_2":   fg(colPurple),
			"CLOSE_WAIT":   fg(colOrange).Bold(true),
			"CLOSING":      fg(colPurple),
			"LAST_ACK":     fg(colPurple),
			"TIME_WAIT":    fg(colBlue),
			"CLOSED":       fg(colRed),
			"UDP":          fg(colCyan),
		},
		StateOther: fg(colText),

		BarLeft: fg(colGreen),
		BarGone: fg(colBarBg),
		BarSoon: fg(colRed),

		Lane:      fg(colBorder),
		Arrow:     fg(colText),
		InFlight:  fg(colDim),
		Syn:       fg(colCyan),
		Fin:       fg(colPurple),
		Rst:       fg(colRed).Bold(true),
		Beat:      fg(colGreen),
		Keepalive: fg(colYellow),
		Retrans:   fg(colOrange),
		Drop:      fg(colRed).Bold(true),

		FaultRow:     fg(colRed).Bold(true),
		DetectRow:    fg(colOrange).Bold(true),
		ReconnectRow: fg(colBlue),
		FlowRow:      fg(colYellow),
		ParamRow:     fg(colPurple),
		LogRow:       fg(colDim),
		NoticeRow:    fg(colBlue).Bold(true),
		Time:         fg(colDim),

		Teaches:   fg(colTitle).Italic(true),
		Narration: fg(colText),

		Modal:      r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colTitle).Padding(0, 1),
		ModalTitle: fg(colTitle).Bold(true),
		Selected:   fg(colTitle).Bold(true).Reverse(true),
		Hotkey:     fg(colYellow).Bold(true),
		Hint:       fg(colDim),
		Error:      fg(colRed).Bold(true),
	}
	s.P = newPainters(s)
	return s
}

// State styles a TCP state's name.
func (s Styles) State(name string) lipgloss.Style {
	if st, ok := s.States[name]; ok {
		return st
	}
	return s.StateOther
}

// Rebind points every lipgloss.Style field of the struct v points to (the
// Styles of a bubbles component: help.Styles, list.Styles, …) at renderer
// r, so that a component built with lipgloss's default renderer draws for
// this terminal.
func Rebind(v any, r *lipgloss.Renderer) {
	rv := reflect.ValueOf(v).Elem()
	styleType := reflect.TypeFor[lipgloss.Style]()
	for i := range rv.NumField() {
		f := rv.Field(i)
		if f.Type() == styleType && f.CanSet() {
			f.Set(reflect.ValueOf(f.Interface().(lipgloss.Style).Renderer(r)))
		}
	}
}
