package drill

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/scenarios/drill"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/components/ladder"
	"github.com/socklab/socklab/ui/feed"
)

// The lanes of a drill run: the stack under test on the left, the
// scripted remote end on the right (scenarios/drill's host and peer).
var nodes = []string{"local", "remote"}

// Start is when an event of the script started (drill.Config.Starting):
// how many rows the wire had by then, and the simulated time.
type Start struct {
	Rows uint64
	At   time.Duration
}

// Model is the page of a script's run.
type Model struct {
	c     *common.Common
	file  string
	res   *drill.Result
	feed  *feed.Feed
	via   ladder.Paths
	lines []line
	cur   int // the line under the cursor
	top   int // the first line on screen
	w, h  int
}

// New makes the page of res, the run of the script file, whose events f
// watched; starts holds, for each event of the script, when it started
// (drill.Config.Starting). The cursor starts on the mismatch, if any.
func New(c *common.Common, file string, res *drill.Result, f *feed.Feed, starts []Start) Model {
	m := Model{c: c, file: file, res: res, feed: f, via: ladder.Paths{}, lines: merge(res, f, starts)}
	m.cur = m.failed()
	return m
}

// failed is the line of the mismatch, else 0.
func (m Model) failed() int {
	for i, l := range m.lines {
		if l.ev >= 0 && m.res.Status[l.ev] == drill.Failed {
			return i
		}
	}
	return 0
}

// SetSize gives the page the whole terminal.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.top = m.scrolled(m.layout().body)
}

// Init does nothing: the run is over.
func (m Model) Init() tea.Cmd { return nil }

// Update moves the cursor, switches the language or leaves.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.SetSize(msg.Width, msg.Height)
	case tea.KeyMsg:
		return m.key(msg)
	case tea.MouseMsg:
		m.mouse(msg)
	}
	return m, nil
}

// keys are the page's own keys; the language and leaving are the
// terminal's (common.Common's KeyMap: Lang, Back, Quit).
var keys = struct {
	Up, Down, PageUp, PageDown, First, Last, Mismatch key.Binding
}{
	Up:       key.NewBinding(key.WithKeys("up", "k")),
	Down:     key.NewBinding(key.WithKeys("down", "j")),
	PageUp:   key.NewBinding(key.WithKeys("pgup", "b")),
	PageDown: key.NewBinding(key.WithKeys("pgdown", " ")),
	First:    key.NewBinding(key.WithKeys("home", "g")),
	Last:     key.NewBinding(key.WithKeys("end", "G")),
	Mismatch: key.NewBinding(key.WithKeys("x")),
}

// key does what a key says.
func (m Model) key(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	ck := m.c.Keys
	page := max(1, m.layout().body-1)
	switch {
	case key.Matches(msg, keys.Up):
		m.move(-1)
	case key.Matches(msg, keys.Down):
		m.move(1)
	case key.Matches(msg, keys.PageUp):
		m.move(-page)
	case key.Matches(msg, keys.PageDown):
		m.move(page)
	case key.Matches(msg, keys.First):
		m.move(-len(m.lines))
	case key.Matches(msg, keys.Last):
		m.move(len(m.lines))
	case key.Matches(msg, keys.Mismatch):
		m.move(m.failed() - m.cur)
	case key.Matches(msg, ck.Lang):
		m.c.SetLang(m.c.Lang.Next())
	case key.Matches(msg, ck.Quit, ck.Back):
		return m, tea.Quit
	}
	return m, nil
}

// mouse scrolls with the wheel.
func (m *Model) mouse(msg tea.MouseMsg) {
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		m.move(-3)
	case tea.MouseButtonWheelDown:
		m.move(3)
	}
}

// move moves the cursor n lines (n < 0: up), within the list.
func (m *Model) move(n int) {
	m.cur = max(0, min(m.cur+n, len(m.lines)-1))
	m.top = m.scrolled(m.layout().body)
}

// scrolled is the first line on screen for a list of body lines: the
// cursor kept in view, the list never scrolled past its end.
func (m Model) scrolled(body int) int {
	top := m.top
	if m.cur < top {
		top = m.cur
	}
	if m.cur >= top+body {
		top = m.cur - body + 1
	}
	return max(0, min(top, len(m.lines)-body))
}
