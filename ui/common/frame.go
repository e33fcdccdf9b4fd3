package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/styles"
)

// Frame draws the one frame that holds every pane of the lab: titled
// borders, and content lines cut or padded to the frame's inner width, so
// that no line can wrap whatever its content.
type Frame struct {
	St styles.Styles
	W  int
}

func (f Frame) rule(n int) string {
	if n <= 0 {
		return ""
	}
	return f.St.Border.Render(strings.Repeat("─", n))
}

// titled renders "<left> title ─────<right>" spanning n cells; the title
// is cut to fit, and given the title style when it is plain text.
func (f Frame) titled(left, title, right string, n int) string {
	t := ""
	if title != "" {
		title = format.Clip(title, max(0, n-4))
		if !strings.Contains(title, "\x1b") {
			title = f.St.Title.Render(title)
		}
		t = " " + title + " "
	}
	rw := ansi.StringWidth(right)
	fill := n - 1 - ansi.StringWidth(t) - rw
	if fill < 0 {
		return f.St.Border.Render(left) + ansi.Truncate(t, n-1-rw, "") + f.St.Border.Render(right)
	}
	return f.St.Border.Render(left) + t + f.rule(fill) + f.St.Border.Render(right)
}

// Top is the frame's first line. With split > 0 it carries two titles and
// the divider's top.
func (f Frame) Top(title string, split int, right string) string {
	if split <= 0 {
		return f.titled("┌", title, "┐", f.W)
	}
	return f.titled("┌", title, "", split) + f.titled("┬", right, "┐", f.W-split)
}

// Sep is the line between panes, carrying the next pane's title; above >
// 0 closes a divider at that column.
func (f Frame) Sep(title string, above int) string {
	if above <= 0 {
		return f.titled("├", title, "┤", f.W)
	}
	return f.titled("├", title, "", above) + f.titled("┴", "", "┤", f.W-above)
}

// Bottom is the frame's last line, carrying the key help.
func (f Frame) Bottom(text string) string {
	return f.titled("└", text, "┘", f.W)
}

// Line is one content line of a full-width pane.
func (f Frame) Line(s string) string {
	b := f.St.Border.Render("│")
	return b + " " + format.Fit(s, f.W-4) + " " + b
}

// Pair is one content line of the split pane.
func (f Frame) Pair(split int, l, r string) string {
	b := f.St.Border.Render("│")
	return b + " " + format.Fit(l, split-3) + " " + b + " " + format.Fit(r, f.W-split-4) + " " + b
}

// Inner is the width of a full-width pane's content.
func (f Frame) Inner() int { return f.W - 4 }

// SplitWidths are the content widths of the split pane's two sides.
func SplitWidths(w, split int) (left, right int) { return split - 3, w - split - 4 }
