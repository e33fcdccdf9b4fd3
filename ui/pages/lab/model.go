package lab

import (
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/components/conns"
	"github.com/socklab/socklab/ui/components/hosts"
	"github.com/socklab/socklab/ui/components/inspector"
	"github.com/socklab/socklab/ui/components/ladder"
	"github.com/socklab/socklab/ui/components/menu"
	"github.com/socklab/socklab/ui/components/narration"
	"github.com/socklab/socklab/ui/components/statusbar"
	"github.com/socklab/socklab/ui/components/timeline"
	"github.com/socklab/socklab/ui/components/timers"
	"github.com/socklab/socklab/ui/engine"
	"github.com/socklab/socklab/ui/feed"
	"github.com/socklab/socklab/ui/keymap"
	"github.com/socklab/socklab/ui/pages/cost"
)

// modal is what, if anything, is open over the lab.
type modal int

const (
	modalNone modal = iota
	modalFaults
	modalParams
	modalHelp
	modalGoto    // the timeline's "go to a time" prompt, in its row
	modalVerdict // the scenario's end: its expectations judged
	modalFilter  // the wire's filter prompt, in the timeline's row
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
	c     *common.Common
	keys  keymap.KeyMap // c.Keys, with the replay's switched on in a replay
	sc    *scenarios.Scenario
	run   *engine.Run
	snap  *lab.Snapshot
	nodes []string // the nodes in wire order

	clock engine.Clock
	w, h  int
	lay   layout
	focus pane // the pane the scroll keys move (the wire at first)
	zoom  bool // the focused pane has the whole screen

	hosts  hosts.Model
	timers timers.Model
	conns  conns.Model
	wire   ladder.Model
	log    narration.Model
	status statusbar.Model

	modal modal
	menu  menu.Model // the fault menu or the parameter editor, when open

	sets   []string // the --set flags sc was loaded with: the record key stores them
	outDir string   // where the record key writes ("": the current directory)
	// replay is the recording being replayed, nil in a live lab (and after
	// a branch); timeline is its row.
	replay   *replay
	timeline timeline.Model
	// seek is the seek under way (the timeline's, or going back), nil
	// when none; seekChunk is how many events it runs per Update (tests
	// make it small).
	seek      *engine.SeekJob
	seekChunk int
	// frameBudget is the most events a tick runs (engine.FrameBudget
	// unless WithWorkPerUpdate says less).
	frameBudget int
	// following says the lab shows another lab's run, read-only
	// (follow.go): a teacher's, presented over socklab serve.
	following bool
	// past is what a live lab knows of its run beyond now (history.go).
	past live

	// inspecting says the packet inspector is open, on the wire's
	// selected row (insp).
	inspecting bool
	insp       inspector.Model
	// filter is what the wire keeps (the zero Filter: every row); prompt
	// is its editor, open in modalFilter.
	filter feed.Filter
	prompt textinput.Model
	// costing says the cost view has the screen.
	costing bool
	cost    cost.Model
}

// Option changes how New or NewReplay builds the lab.
type Option func(*Model)

// WithSets names the --set flags the scenario was loaded with, so that a
// recording made with the record key can load it the same way.
func WithSets(sets []string) Option {
	return func(m *Model) { m.sets = append([]string(nil), sets...) }
}

// WithLessons says the lab was opened from the picker: esc goes back to
// it (BackMsg).
func WithLessons() Option {
	return func(m *Model) { m.keys.Lessons.SetEnabled(true) }
}

// WithoutFiles turns the record key off: a lab served over SSH writes
// nothing on the server's disk.
func WithoutFiles() Option {
	return func(m *Model) { m.keys.SetNoFiles() }
}

// WithWorkPerUpdate bounds the events one Update runs, a tick's and a
// seek's chunk alike, to n: socklab serve shares the machine's cores
// among many labs, and a lab that wants more than its share lags behind
// (the status line says so) instead of slowing the others.
func WithWorkPerUpdate(n int) Option {
	return func(m *Model) {
		m.frameBudget = min(m.frameBudget, n)
		m.seekChunk = min(m.seekChunk, n)
	}
}

// BackMsg asks to go back to the lessons (the picker that opened the lab).
type BackMsg struct{}

// WithOutputDir makes the record key write into dir rather than the
// current directory (tests use it).
func WithOutputDir(dir string) Option {
	return func(m *Model) { m.outDir = dir }
}

// New builds the lab for sc on the terminal c, paused at simulated time 0
// with its applications started, at ×1. The scenario's teaching text is
// the first thing "what is happening" shows.
func New(c *common.Common, sc *scenarios.Scenario, opts ...Option) (Model, error) {
	return newModel(c, sc, nil, opts...)
}

// newModel builds the lab for sc with the recorded inputs replay queued
// on its session (none for a live lab).
func newModel(c *common.Common, sc *scenarios.Scenario, replay []lab.Input, opts ...Option) (Model, error) {
	r, err := engine.NewRun(sc, replay)
	if err != nil {
		return Model{}, err
	}
	cfg := r.S.Config()
	nodes := ladder.NodeOrder(cfg)
	m := Model{
		c:      c,
		keys:   c.Keys,
		sc:     sc,
		nodes:  nodes,
		clock:  engine.Clock{Paused: true, Speed: engine.SpeedOne},
		hosts:  hosts.New(c, nodes),
		timers: timers.New(c, nodes),
		conns:  conns.New(c, nodes),
		wire:   ladder.New(c, nodes, ladder.NewPaths(cfg, nodes)),
		log:    narration.New(c),
		status: statusbar.New(c),
		focus:  paneWire,
		cost:   cost.New(c),

		seekChunk:   engine.SeekChunk,
		frameBudget: engine.FrameBudget,
	}
	m.setRun(r)
	for _, o := range opts {
		o(&m)
	}
	m.timeline = timeline.New(c, nil, m.span(), 0)
	m.refresh()
	return m, nil
}

// setRun makes r the lab's run: the panes show its feed from the newest
// rows.
func (m *Model) setRun(r *engine.Run) {
	m.run = r
	m.wire.SetFeed(r.Wire())
	m.log.SetFeed(r.Feed)
	m.inspecting = false
}

// Init starts the clock when the lab is not paused.
func (m Model) Init() tea.Cmd {
	if m.clock.Paused {
		return nil
	}
	return engine.Tick(m.clock.Tag)
}

// Update routes each message to its handler.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.refresh()
		return m, nil
	case engine.TickMsg:
		return m.onTick(msg)
	case engine.SeekMsg:
		return m.onSeek(msg)
	case Presented:
		return m.onPresented(msg)
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
	return (m.modal == modalFaults || m.modal == modalParams) && m.menu.Asking || m.modal == modalGoto || m.modal == modalFilter
}

// refresh takes a new snapshot after the session moved, hands it to the
// panes, and keeps a scrolled-back wire or log looking at the same rows.
func (m *Model) refresh() {
	m.remember()
	if err := m.run.S.Err(); err != nil { // the lab's budget stopped it: say so, and stay
		m.clock.Paused = true
		m.status.SetFlash(i18n.ErrorText(err, m.c.Lang), true)
	}
	m.snap = m.run.S.Snapshot()
	m.hosts.SetSnapshot(m.snap)
	m.timers.SetSnapshot(m.snap)
	m.conns.SetSnapshot(m.snap)
	m.wire.Refresh()
	m.log.Refresh()
	m.resize()
}

// resize lays the panes out for the terminal's size and what there is to
// show, and gives each its size.
func (m *Model) resize() {
	if m.snap == nil {
		return
	}
	m.lay = m.layout()
	l := m.lay
	m.status.SetSize(m.w, 1)
	m.timeline.SetSize(m.w, 1)
	inner := m.w - 4
	switch {
	case l.zoomed:
		m.hosts.SetSize(inner, l.top)
		m.timers.SetSize(inner, l.top)
	case l.split > 0:
		lw, rw := common.SplitWidths(m.w, l.split)
		m.hosts.SetSize(lw, l.top)
		m.timers.SetSize(rw, l.top)
	default:
		m.hosts.SetSize(inner, max(1, l.top-min(len(m.snap.Timers), l.top/2)))
		m.timers.SetSize(inner, l.top-len(m.hosts.Lines()))
	}
	m.conns.SetSize(inner, l.conns)
	m.wire.SetSize(inner, l.wire)
	m.log.SetSize(inner, l.log)
	m.sizeInspector()
	m.cost.SetSize(inner, m.h-2-m.headerRows())
}

// Scenario is the name of the lab's scenario.
func (m Model) Scenario() string { return m.sc.Name }

// Session is the running lab, for tests and benchmarks.
func (m Model) Session() *lab.Session { return m.run.S }
