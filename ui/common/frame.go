package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/styles"
)

// Frame draws the one frame that holds every pane of the lab: titled
// borders, and content lines cut or padded to the frame's inner width, so
// that no line can wrap whatever its content. The focused pane is drawn
// heavy: its title rule ━ and its sides ┃, a sign that survives NO_COLOR.
type Frame struct {
	St            styles.Styles
	W             int
	border, title styles.Painter
}

// NewFrame is the frame of a w-wide screen drawn in st.
func NewFrame(st styles.Styles, w int) Frame {
	return Frame{St: st, W: w, border: st.P.Border, title: st.P.Title}
}

// glyphs are a border's characters, light or heavy.
type glyphs struct {
	rule, side                        string
	topLeft, topRight, teeDown        string
	teeRight, teeLeft, teeUp, bottomL string
}

var (
	light = glyphs{"─", "│", "┌", "┐", "┬", "├", "┤", "┴", "└"}
	heavy = glyphs{"━", "┃", "┏", "┓", "┳", "┣", "┫", "┻", "┗"}
)

func pick(focused bool) glyphs {
	if focused {
		return heavy
	}
	return light
}

// titled renders "<left> title ─────<right>" spanning n cells with rule
// g.rule; the title is cut to fit, and given the title style when it is
// plain text.
func (f Frame) titled(left, title, right string, n int, g glyphs) string {
	t := ""
	if title != "" {
		title = format.Clip(title, max(0, n-4))
		if !strings.Contains(title, "\x1b") {
			title = f.title.Paint(title)
		}
		t = " " + title + " "
	}
	rw := format.Width(right)
	fill := n - 1 - format.Width(t) - rw
	if fill < 0 {
		return f.border.Paint(left) + ansi.Truncate(t, n-1-rw, "") + f.border.Paint(right)
	}
	return f.border.Paint(left) + t + f.border.Paint(strings.Repeat(g.rule, fill)+right)
}

// Top is the frame's first line, the top border of the first pane
// (focused: drawn heavy). With split > 0 it carries two titles and the
// divider's top; focusedRight says the right one has the focus.
func (f Frame) Top(title string, split int, right string, focused, focusedRight bool) string {
	g := pick(focused)
	if split <= 0 {
		return f.titled(g.topLeft, title, g.topRight, f.W, g)
	}
	r := pick(focusedRight)
	tee := light.teeDown
	if focused || focusedRight {
		tee = heavy.teeDown
	}
	return f.titled(g.topLeft, title, "", split, g) + f.titled(tee, right, r.topRight, f.W-split, r)
}

// Sep is the line between panes, carrying the next pane's title (focused:
// drawn heavy); above > 0 closes a divider at that column.
func (f Frame) Sep(title string, above int, focused bool) string {
	g := pick(focused)
	if above <= 0 {
		return f.titled(g.teeRight, title, g.teeLeft, f.W, g)
	}
	return f.titled(g.teeRight, title, "", above, g) + f.titled(g.teeUp, "", g.teeLeft, f.W-above, g)
}

// Bottom is the frame's last line, carrying the key help.
func (f Frame) Bottom(text string) string {
	return f.titled(light.bottomL, text, "┘", f.W, light)
}

// Line is one content line of a full-width pane.
func (f Frame) Line(s string, focused bool) string {
	b := f.border.Paint(pick(focused).side)
	return b + " " + format.Fit(s, f.W-4) + " " + b
}

// Pair is one content line of the split pane; focused says which side has
// the focus (0 none, 1 left, 2 right).
func (f Frame) Pair(split int, l, r string, focused int) string {
	left, mid, right := light.side, light.side, light.side
	switch focused {
	case 1:
		left, mid = heavy.side, heavy.side
	case 2:
		mid, right = heavy.side, heavy.side
	}
	b := f.border.Paint
	return b(left) + " " + format.Fit(l, split-3) + " " + b(mid) + " " + format.Fit(r, f.W-split-4) + " " + b(right)
}

// Inner is the width of a full-width pane's content.
func (f Frame) Inner() int { return f.W - 4 }

// SplitWidths are the content widths of the split pane's two sides.
func SplitWidths(w, split int) (left, right int) { return split - 3, w - split - 4 }
