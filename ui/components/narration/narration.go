package narration

import (
	"fmt"
	"strings"

	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/feed"
	"github.com/socklab/socklab/ui/format"
)

// Lines renders the pane: the newest narrations that fit, oldest first,
// each stamped with its simulated time and wrapped with a hanging indent. Entries scrolled back are skipped
// from the newest end. An entry longer than the room left shows its
// beginning, which matters most, and its end is cut with an ellipsis.
func (m Model) Lines() []string {
	f, st, w, h, off := m.feed, m.c.Styles, m.w, m.h, m.off
	if h <= 0 || w <= 0 {
		return nil
	}
	wide := w >= 100
	tw := format.StampWidth(wide)
	indent := strings.Repeat(" ", tw+1)
	var blocks [][]string // newest first
	used := 0
	for i := off; used < h; i++ {
		e := f.Log.FromEnd(i)
		if e == nil {
			break
		}
		var head string
		var style = st.Narration
		if e.Teaches {
			head, style = format.Fit("lesson", tw), st.Teaches
		} else {
			head = format.Stamp(e.At, wide)
		}
		body := e.Text
		if e.More > 0 {
			body += " (+" + format.Itoa(e.More) + " more like it)"
		}
		text := format.Wrap(body, w-tw-1)
		if len(text) == 0 {
			continue
		}
		lines := make([]string, len(text))
		for j, t := range text {
			lead := indent
			if j == 0 {
				lead = st.Time.Render(head) + " "
			}
			lines[j] = lead + style.Render(t)
		}
		if room := h - used; len(lines) > room {
			// Too long for what is left: its beginning, cut.
			lines = lines[:room]
			lines[room-1] = format.Ellipsis(lines[room-1], w)
		}
		blocks = append(blocks, lines)
		used += len(lines)
	}
	out := make([]string, 0, h)
	for i := len(blocks) - 1; i >= 0; i-- {
		out = append(out, blocks[i]...)
	}
	return out
}

// Model is "what is happening": the scenario's lesson, then the narration
// of the latest events, each stamped with its simulated time.
type Model struct {
	c    *common.Common
	feed *feed.Feed
	w, h int

	off  int    // entries scrolled back from the newest
	seen uint64 // entries pushed as of the last Refresh
}

// New makes the pane.
func New(c *common.Common) Model { return Model{c: c} }

// SetFeed shows f (a new run's) from its newest entry.
func (m *Model) SetFeed(f *feed.Feed) { m.feed, m.off, m.seen = f, 0, f.Log.Total() }

// SetSize gives the pane w×h cells.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Refresh keeps a scrolled-back log looking at the same entries after the
// session moved on.
func (m *Model) Refresh() {
	total := m.feed.Log.Total()
	if m.off > 0 {
		m.off = min(m.off+int(total-m.seen), max(0, m.feed.Log.Len()-1))
	}
	m.seen = total
}

// Scroll moves the log n entries back (n < 0: forward).
func (m *Model) Scroll(n int) {
	m.off = min(max(m.off+n, 0), max(0, m.feed.Log.Len()-1))
}

// Follow goes back to the newest entry.
func (m *Model) Follow() { m.off = 0 }

// Offset is how many entries the log is scrolled back.
func (m Model) Offset() int { return m.off }

// Title is the pane's title.
func (m Model) Title() string {
	if m.off > 0 {
		return fmt.Sprintf("what is happening · %d back · end follows", m.off)
	}
	return "what is happening"
}

// View is Lines, one a line.
func (m Model) View() string { return strings.Join(m.Lines(), "\n") }
