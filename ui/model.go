package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/scenarios"
)

// modal is what, if anything, is open over the lab.
type modal int

const (
	modalNone modal = iota
	modalFaults
	modalParams
	modalHelp
	modalGoto // the replay's "go to a time" prompt, in the timeline's row
)

// Model is the lab screen: a Bubble Tea model over one scenario's running
// lab.Session. It is a value, as Bubble Tea wants; the session and the
// feed of its events are shared by pointer between copies (events arrive
// while Update steps the session).
//
// The simulation advances only in Update: on a tick (speed × 1/30 s of
// simulated time per frame), a step, a jump, a live action or a seek. View
// only reads.
//
// A Model built by NewReplay is the replay screen: the same lab over a
// session that replays a recording's inputs, with a timeline, seeking, and
// the fault menu and parameter editor off until the user branches.
type Model struct {
	sc    *scenarios.Scenario
	run   *run
	snap  *lab.Snapshot
	d     *derived // sorted and counted from snap
	nodes []string // the nodes in wire order
	via   paths    // which nodes a packet between two nodes passes

	keys   KeyMap
	styles Styles
	help   help.Model

	clock clock
	w, h  int

	wireOff  int    // wire rows scrolled back from the newest (0: follow)
	wireSeen uint64 // wire rows pushed as of the last refresh
	logOff   int    // log entries scrolled back from the newest
	logSeen  uint64

	modal modal
	menu  menu // the fault menu or the parameter editor, when open

	flash    string // a note on the status line until the next key
	flashErr bool

	sets   []string        // the --set flags sc was loaded with: the record key stores them
	outDir string          // where the record key writes ("": the current directory)
	replay *replay         // the recording being replayed; nil in a live lab (and after a branch)
	prompt textinput.Model // the replay's "go to" prompt, when modal is modalGoto
	// seek is the replay's seek under way, nil when none; seekChunk is
	// how many events it runs per Update (tests make it small).
	seek      *seekJob
	seekChunk int
}

// Option changes how NewModel or NewReplay builds the lab.
type Option func(*Model)

// WithSets names the --set flags the scenario was loaded with, so that a
// recording made with the record key can load it the same way.
func WithSets(sets []string) Option {
	return func(m *Model) { m.sets = append([]string(nil), sets...) }
}

// WithOutputDir makes the record key write into dir rather than the
// current directory (tests use it).
func WithOutputDir(dir string) Option {
	return func(m *Model) { m.outDir = dir }
}

// NewModel builds the lab for sc, paused at simulated time 0 with its
// applications started, at ×1. The scenario's teaching text is the first
// thing "what is happening" shows.
func NewModel(sc *scenarios.Scenario, opts ...Option) (Model, error) {
	return newModel(sc, nil, opts...)
}

// newModel builds the lab for sc with the recorded inputs replay queued
// on its session (none for a live lab).
func newModel(sc *scenarios.Scenario, replay []lab.Input, opts ...Option) (Model, error) {
	r, err := newRun(sc, replay)
	if err != nil {
		return Model{}, err
	}
	m := Model{
		sc:     sc,
		run:    r,
		nodes:  nodeOrder(r.s.Config()),
		via:    newPaths(r.s.Config(), nodeOrder(r.s.Config())),
		keys:   DefaultKeyMap(),
		styles: DefaultStyles(),
		help:   help.New(),
		clock:  clock{paused: true, speed: speedOne},

		seekChunk: seekChunk,
	}
	for _, o := range opts {
		o(&m)
	}
	m.refresh()
	return m, nil
}

// Init starts the clock when the lab is not paused.
func (m Model) Init() tea.Cmd {
	if m.clock.paused {
		return nil
	}
	return tick(m.clock.tag)
}

// Update routes each message to its handler.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		return m, nil
	case tickMsg:
		return m.onTick(msg)
	case seekMsg:
		return m.onSeek(msg)
	case tea.KeyMsg:
		if typedAhead(msg) && !m.prompting() {
			return m.eachKey(msg)
		}
		return m.onKey(msg)
	case tea.MouseMsg:
		return m.onMouse(msg), nil
	}
	return m.onOther(msg)
}

// prompting says a prompt is open (a menu's, or the replay's "go to"):
// typed text is its value.
func (m Model) prompting() bool {
	return (m.modal == modalFaults || m.modal == modalParams) && m.menu.asking || m.modal == modalGoto
}

// refresh takes a new snapshot after the session moved, and keeps a
// scrolled-back wire or log looking at the same rows.
func (m *Model) refresh() {
	m.snap = m.run.s.Snapshot()
	d := derive(m.snap, m.nodes)
	m.d = &d
	f := m.run.feed
	if m.wireOff > 0 {
		m.wireOff = min(m.wireOff+int(f.wire.total-m.wireSeen), max(0, f.wire.len()-1))
	}
	if m.logOff > 0 {
		m.logOff = min(m.logOff+int(f.log.total-m.logSeen), max(0, f.log.len()-1))
	}
	m.wireSeen, m.logSeen = f.wire.total, f.log.total
}

// Session is the running lab (tests and the recording issue use it).
func (m Model) Session() *lab.Session { return m.run.s }
