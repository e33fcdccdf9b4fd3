package statusbar

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/keymap"
	"github.com/socklab/socklab/ui/styles"
)

// Model is the status line and the bottom line. The page sets its fields
// before each View.
type Model struct {
	c     *common.Common
	help  help.Model
	w     int
	cache *helpCache // the key line, drawn once for its keys and width

	Name   string        // the scenario
	Now    time.Duration // simulated time
	End    time.Duration // the scenario's end (its duration)
	Seed   uint64
	Paused bool
	Behind bool    // the last tick ran out of budget
	Speed  float64 // × real time
	Events uint64  // events so far

	// Keys are the page's keys, as the bottom line shows them.
	Keys keymap.KeyMap

	// Flash is the note of the last action, until the next key; FlashErr
	// says it is an error.
	Flash    string
	FlashErr bool
}

// New makes the status line and bottom line.
func New(c *common.Common) Model {
	h := help.New()
	styles.Rebind(&h.Styles, c.Styles.Renderer)
	return Model{c: c, help: h, Keys: c.Keys, cache: &helpCache{}}
}

// helpCache is the key line last drawn, and what it was drawn for: the
// width, and the help of each key shown (space's says run or pause).
type helpCache struct {
	key, view string
}

// SetSize gives the lines w cells.
func (m *Model) SetSize(w, _ int) { m.w = w }

// SetFlash sets the note of the last action; err says it is an error.
func (m *Model) SetFlash(note string, err bool) { m.Flash, m.FlashErr = note, err }

// parts are the pieces of the status line, left to right.
func (m Model) parts() []string {
	st := m.c.Styles
	run := st.Running.Render(m.c.T(i18n.UIRunningAt, "Speed", format.Speed(m.Speed)))
	if m.Paused {
		run = st.Paused.Render(m.c.T(i18n.UIPausedAt, "Speed", format.Speed(m.Speed)))
	} else if m.Behind {
		run += " " + st.Warn.Render(m.c.T(i18n.UILagging))
	}
	brand, name := st.Brand.Render("socklab"), st.Strong.Render(m.Name)
	clock, seed := m.clock(), m.c.T(i18n.UISeed, "N", m.Seed)
	// Narrow, the brand and then the seed give way to what changes.
	for _, parts := range [][]string{
		{brand, name, clock, run, seed},
		{name, clock, run, seed},
		{name, clock, run},
	} {
		if m.w >= 120 {
			parts = append(parts, m.c.T(i18n.UIStatusEvents, "Count", m.Events))
		}
		if 1+format.Width(strings.Join(parts, " · ")) <= m.w {
			return parts
		}
	}
	short := st.Running.Render("▶ " + format.Speed(m.Speed))
	if m.Paused {
		short = st.Paused.Render("❚❚ " + format.Speed(m.Speed))
	}
	return []string{name, netsim.FormatTime(m.Now), short}
}

// clock is the time against the lesson's length, "t 01:45.030 / 03:00";
// once the lab has run on past the end, "t 03:40.463 · ended 03:00".
func (m Model) clock() string {
	id := i18n.UIStatusClock
	if m.End > 0 && m.Now > m.End {
		id = i18n.UIStatusClockPast
	}
	return m.c.T(id, "Now", format.Stamp(m.Now, m.End >= time.Hour), "End", format.Clock(m.End, m.End))
}

// width is the width of the status line without the note.
func (m Model) width() int {
	return 1 + format.Width(strings.Join(m.parts(), " · "))
}

// View is the status line: " socklab · power-loss-heartbeat · t
// 00:01:42.300 · ▶ ×10 · seed 1", and on the right the note of the last
// action.
func (m Model) View() string {
	st := m.c.Styles
	left := " " + strings.Join(m.parts(), st.Dim.Render(" · "))
	if m.Flash != "" {
		// The note of the last action goes to the right if it fits there
		// whole; else the bottom line shows it (see Bottom).
		if m.flashOnStatus() {
			return format.Fit(left+" │ "+m.flashText(), m.w)
		}
		return format.Fit(left, m.w)
	}
	if m.Paused && m.Now == 0 && m.w >= 100 {
		return format.Fit(left+"   "+st.Dim.Render(m.c.T(i18n.UIFirstHint)), m.w)
	}
	return format.Fit(left, m.w)
}

// flashOnStatus says the note of the last action fits whole on the right
// of the status line.
func (m Model) flashOnStatus() bool {
	return m.w-m.width()-3 >= format.Width(m.Flash)
}

// flashText is the styled note of the last action.
func (m Model) flashText() string {
	if m.FlashErr {
		return m.c.Styles.FlashErr.Render(m.Flash)
	}
	return m.c.Styles.Flash.Render(m.Flash)
}

// Bottom is the text of the frame's last line: the keys, or the note of
// the last action when the status line has no room for it.
func (m Model) Bottom() string {
	if m.Flash != "" && !m.flashOnStatus() {
		return m.flashText()
	}
	return m.shortHelp()
}

// shortHelp is the key line. Space says what it will do. When not every
// key fits, the most needed ones stay (KeyMap.ShortPriority), in their
// usual order; below 100 columns they stand two spaces apart. Words in
// wide characters (Chinese) take more room, and a key's Latin letter
// stands out between them: there one space apart, when that keeps more
// keys ("c 开销" at 80 columns, as in English). Keys switched off are left
// out.
func (m Model) shortHelp() string {
	k := m.Keys
	k.Pause = k.PauseHelp(m.Paused)
	hm := m.help
	hm.Width = m.w - 4
	if m.w < 100 {
		hm.ShortSeparator = "  "
		if wide(k.Pause.Help().Desc) && len(fitKeys(k.ShortPriority(), 1, m.w-6)) > len(fitKeys(k.ShortPriority(), 2, m.w-6)) {
			hm.ShortSeparator = " "
		}
	}
	keep := fitKeys(k.ShortPriority(), format.Width(hm.ShortSeparator), m.w-6)
	shown := slices.DeleteFunc(k.ShortHelp(), func(b key.Binding) bool { return !b.Enabled() || !keep[b.Help().Key] })
	id := fmt.Sprint(m.w)
	for _, b := range shown {
		id += "\x00" + b.Help().Key + "\x00" + b.Help().Desc
	}
	if m.cache.key != id {
		m.cache.key, m.cache.view = id, hm.ShortHelpView(shown)
	}
	return m.cache.view
}

// wide says words are written in wide characters (two cells each).
func wide(words string) bool { return format.Width(words) > utf8.RuneCountInString(words) }

// fitKeys picks, in priority order, the enabled keys that fit in room
// cells with sepW between them.
func fitKeys(priority []key.Binding, sepW, room int) map[string]bool {
	keep := map[string]bool{}
	used := 0
	for _, b := range priority {
		if !b.Enabled() {
			continue
		}
		bw := format.Width(b.Help().Key) + 1 + format.Width(b.Help().Desc)
		if used > 0 {
			bw += sepW
		}
		if used+bw <= room {
			keep[b.Help().Key] = true
			used += bw
		}
	}
	return keep
}

// HelpView renders the full help of the keys in w cells.
func (m Model) HelpView(w int) string {
	hm := m.help
	hm.Width = w
	return hm.FullHelpView(m.Keys.FullHelp())
}
