package narration

import (
	"strings"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/feed"
	"github.com/socklab/socklab/ui/format"
)

// Model is "what is happening": the scenario's lesson, then the narration
// of the latest events, each stamped with its simulated time and wrapped
// with a hanging indent. Every line of every entry the feed holds can be
// scrolled to, line by line; following (the default), the pane shows the
// newest lines. A line cut from the top of the pane is marked with "…" in
// its time column, so nothing is cut without a mark.
type Model struct {
	c    *common.Common
	feed *feed.Feed
	w, h int

	// scrolled says the pane is scrolled back; then top is its first line.
	scrolled bool
	top      pos

	wraps *wraps // shared between copies: wrapping is done once per entry and width
}

// pos is a line of the log: an entry (by its sequence number in the feed's
// ring) and a line of its wrapped text.
type pos struct {
	seq  uint64
	line int
}

// New makes the pane.
func New(c *common.Common) Model { return Model{c: c, wraps: &wraps{}} }

// SetFeed shows f (a new run's), following its newest entry.
func (m *Model) SetFeed(f *feed.Feed) {
	m.feed = f
	m.Follow()
}

// SetSize gives the pane w×h cells.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Follow goes back to the newest lines.
func (m *Model) Follow() { m.scrolled = false }

// Top scrolls to the first line of the oldest entry held.
func (m *Model) Top() {
	if m.feed.Log.Len() > 0 {
		m.top = pos{seq: m.feed.Log.First()}
		m.scrolled = m.top != m.followTop()
	}
}

// Refresh keeps a scrolled-back pane on its lines after the session moved
// on (or on the oldest entry still held, when its own was evicted).
func (m *Model) Refresh() {
	if m.scrolled && m.top.seq < m.feed.Log.First() {
		m.top = pos{seq: m.feed.Log.First()}
	}
}

// textWidth is the width of an entry's text, right of the time column.
func (m Model) textWidth() int { return max(1, m.w-format.StampWidth(m.wide())-1) }

func (m Model) wide() bool { return m.w >= 100 }

// lines is entry seq's wrapped text.
func (m Model) lines(seq uint64) []string {
	e := m.feed.Log.At(seq)
	if e == nil {
		return nil
	}
	return m.wraps.of(seq, e, m.textWidth(), m.c.Lang)
}

// followTop is where the pane's first line is when it follows: the end of
// the log at the bottom of the pane, unless the newest entry is longer
// than the pane — then its beginning, which matters most, at the top (the
// rest is a scroll away, and the cut is marked).
func (m Model) followTop() pos {
	if l := m.feed.Log; l.Len() > 0 && l.FromEnd(0).At == 0 {
		return pos{seq: l.First()} // at the start, the lesson comes first
	}
	end := m.bottomTop()
	if l := m.feed.Log; l.Len() > 0 && end.seq == l.Total()-1 && end.line > 0 {
		return pos{seq: end.seq}
	}
	return end
}

// bottomTop is where the pane's first line is when the end of the log is
// at its bottom: h lines above the end, or the very first line when all
// fit.
func (m Model) bottomTop() pos {
	l := m.feed.Log
	if l.Len() == 0 {
		return pos{}
	}
	need := m.h
	for seq := l.Total() - 1; ; seq-- {
		n := len(m.lines(seq))
		if n >= need {
			return pos{seq: seq, line: n - need}
		}
		need -= n
		if seq == l.First() {
			return pos{seq: seq}
		}
	}
}

// Scroll moves the pane n lines back (n < 0: forward), no further than
// the end of the log at its bottom. Forward back to where following
// shows, it follows again.
func (m *Model) Scroll(n int) {
	if m.feed.Log.Len() == 0 || n == 0 {
		return
	}
	limit, follow := m.bottomTop(), m.followTop()
	p := follow
	if m.scrolled {
		p = m.top
	}
	first := m.feed.Log.First()
	for ; n > 0; n-- { // back
		switch {
		case p.line > 0:
			p.line--
		case p.seq > first:
			p.seq--
			p.line = max(0, len(m.lines(p.seq))-1)
		}
	}
	for ; n < 0; n++ { // forward, no further than the newest lines
		if p == limit || p.seq > limit.seq || p.seq == limit.seq && p.line >= limit.line {
			break
		}
		if p.line+1 < len(m.lines(p.seq)) {
			p.line++
		} else {
			p = pos{seq: p.seq + 1}
		}
	}
	m.top, m.scrolled = p, p != follow
}

// Offset is how many lines the pane is scrolled back from the newest.
func (m Model) Offset() int {
	if !m.scrolled {
		return 0
	}
	limit, n := m.followTop(), 0
	for p := m.top; p.seq < limit.seq || p.seq == limit.seq && p.line < limit.line; n++ {
		if p.line+1 < len(m.lines(p.seq)) {
			p.line++
		} else {
			p = pos{seq: p.seq + 1}
		}
	}
	return n
}

// Title is the pane's title.
func (m Model) Title() string {
	if n := m.Offset(); n > 0 {
		return m.c.T(i18n.UIPaneLogBack, "N", n)
	}
	return m.c.T(i18n.UIPaneLog)
}

// Lines renders the pane: h lines from its first.
func (m Model) Lines() []string {
	if m.h <= 0 || m.w <= 0 || m.feed.Log.Len() == 0 {
		return nil
	}
	st := m.c.Styles
	tw := format.StampWidth(m.wide())
	indent := strings.Repeat(" ", tw+1)
	p := m.followTop()
	if m.scrolled {
		p = m.top
	}
	out := make([]string, 0, m.h)
	var last pos // the last line shown
	for seq := p.seq; seq < m.feed.Log.Total() && len(out) < m.h; seq++ {
		e := m.feed.Log.At(seq)
		style := st.P.Narration
		head := format.Stamp(e.At, m.wide())
		if e.Teaches {
			head, style = format.Fit(m.c.T(i18n.UILesson), tw), st.P.Teaches
		}
		text := m.lines(seq)
		from := 0
		if seq == p.seq {
			from = p.line
		}
		for j := from; j < len(text) && len(out) < m.h; j++ {
			lead := indent
			switch {
			case j == 0:
				lead = st.P.Time.Paint(head) + " "
			case len(out) == 0:
				lead = st.P.Time.Paint(format.Fit("…", tw)) + " " // the entry began above
			}
			out = append(out, lead+style.Paint(text[j]))
			last = pos{seq: seq, line: j}
		}
	}
	if more := last.line+1 < len(m.lines(last.seq)) || last.seq+1 < m.feed.Log.Total(); more && len(out) == m.h {
		out[len(out)-1] = format.Ellipsis(out[len(out)-1], m.w)
	}
	return out
}

// wraps holds the entries' wrapped text for one width and language: a
// narration is wrapped once, however many frames show it.
type wraps struct {
	width int
	lang  i18n.Lang
	m     map[uint64]wrapped
}

type wrapped struct {
	more  int // the entry's More when it was wrapped: its text changes with it
	lines []string
}

func (c *wraps) of(seq uint64, e *feed.Entry, w int, l i18n.Lang) []string {
	if c.width != w || c.lang != l || c.m == nil || len(c.m) > 2*feed.LogCapacity {
		c.width, c.lang, c.m = w, l, map[uint64]wrapped{}
	}
	if x, ok := c.m[seq]; ok && x.more == e.More {
		return x.lines
	}
	body := e.Msg.In(l)
	if e.More > 0 {
		body = l.T(i18n.UIMoreLikeIt, "Text", body, "N", e.More)
	}
	lines := format.Wrap(body, w)
	if len(lines) == 0 {
		lines = []string{""}
	}
	c.m[seq] = wrapped{more: e.More, lines: lines}
	return lines
}
