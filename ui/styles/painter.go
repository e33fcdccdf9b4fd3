package styles

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Painter renders text of one line in a style, as Style.Render would,
// without its layout work (widths, padding, margins, borders): what the
// style adds before and after the text, found once. The lab paints
// thousands of short runs a frame (the ladder's cells, the frame's
// borders); lipgloss's Render costs more than the rest of the frame.
//
// Only styles of colours and attributes make painters: a style with
// padding, margins, borders or a width is drawn with Render.
type Painter struct{ pre, post string }

// marker stands for the text while a painter is made: a private-use
// character no style changes.
const marker = "\uE000"

// PainterOf makes the painter of s.
func PainterOf(s lipgloss.Style) Painter {
	pre, post, _ := strings.Cut(s.Render(marker), marker)
	return Painter{pre, post}
}

// Paint renders text (one line, no newline) in the style.
func (p Painter) Paint(text string) string {
	if text == "" || p.pre == "" && p.post == "" {
		return text
	}
	return p.pre + text + p.post
}

// Start and End are what the style writes before and after a text, for a
// painter of runs written straight into a buffer.
func (p Painter) Start() string { return p.pre }

// End: see Start.
func (p Painter) End() string { return p.post }
