package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/socklab/socklab/netsim"
)

// openGoto opens the "go to" prompt in the timeline's row.
func (m Model) openGoto() (Model, tea.Cmd) {
	in := textinput.New()
	in.Prompt = "go to > "
	in.Placeholder = "1m30s"
	in.CharLimit = 32
	m.prompt = in
	m.modal = modalGoto
	return m, m.prompt.Focus()
}

// gotoKey gives a key to the "go to" prompt: enter seeks to the time
// typed (a bad one is refused on the status line, the prompt stays), esc
// closes it.
func (m Model) gotoKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	m.flash, m.flashErr = "", false
	switch {
	case key.Matches(msg, m.keys.Back):
		m.modal = modalNone
		return m, nil
	case key.Matches(msg, m.keys.Select):
		t, err := parseTime(m.prompt.Value())
		if err != nil {
			m.flash, m.flashErr = err.Error(), true
			return m, nil
		}
		m.modal = modalNone
		if t > m.replay.span {
			m.flash = "the recording ends at " + netsim.FormatTime(m.replay.span)
		}
		return m.seekTo(t)
	}
	var cmd tea.Cmd
	m.prompt, cmd = m.prompt.Update(msg)
	return m, cmd
}

// parseTime reads a time typed at the prompt: a Go duration ("1m30s",
// "90s", "1h2m"), seconds ("90", "12.5"), or a clock as the screen shows
// it ("01:30", "1:02:03", "00:01:45.030").
func parseTime(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("%q is not a time (like 1m30s, 90 or 01:30.5)", s)
	if s == "" {
		return 0, bad
	}
	if d, err := time.ParseDuration(s); err == nil {
		if d < 0 {
			return 0, fmt.Errorf("%q is before the start", s)
		}
		return d, nil
	}
	parts := strings.Split(s, ":")
	if len(parts) > 3 {
		return 0, bad
	}
	var d time.Duration
	for i, p := range parts {
		if i == len(parts)-1 {
			f, err := strconv.ParseFloat(p, 64)
			if err != nil || f < 0 || (len(parts) > 1 && f >= 60) || f > 1e9 {
				return 0, bad
			}
			d += time.Duration(f * float64(time.Second))
			break
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || (i > 0 && n >= 60) || n > 1e6 {
			return 0, bad
		}
		unit := time.Minute
		if len(parts) == 3 && i == 0 {
			unit = time.Hour
		}
		d += time.Duration(n) * unit
	}
	return d, nil
}
