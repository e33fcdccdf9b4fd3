package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// logLines renders "what is happening": the newest narrations that fit in
// h lines of width w, oldest first, each stamped with its simulated time
// and wrapped with a hanging indent. off entries are skipped from the
// newest end (scrolling back). An entry longer than the room left shows its
// beginning, which matters most, and its end is cut with an ellipsis.
func logLines(f *feed, st Styles, w, h, off int) []string {
	if h <= 0 || w <= 0 {
		return nil
	}
	wide := w >= 100
	tw := stampWidth(wide)
	indent := strings.Repeat(" ", tw+1)
	var blocks [][]string // newest first
	used := 0
	for i := off; used < h; i++ {
		e := f.log.fromEnd(i)
		if e == nil {
			break
		}
		var head string
		var style = st.Narration
		if e.teaches {
			head, style = fit("lesson", tw), st.Teaches
		} else {
			head = stamp(e.at, wide)
		}
		body := e.text
		if e.more > 0 {
			body += " (+" + itoa(e.more) + " more like it)"
		}
		text := wrap(body, w-tw-1)
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
			lines[room-1] = ellipsis(lines[room-1], w)
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

// ellipsis marks line (at most w cells) as cut: "…" after it, or in place
// of its last cell when it is full.
func ellipsis(line string, w int) string {
	if ansi.StringWidth(line) < w {
		return line + "…"
	}
	return ansi.Truncate(line, w, "…")
}
