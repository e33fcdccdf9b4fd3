package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// framer draws the one frame that holds every pane: titled borders, and
// content lines cut or padded to the frame's inner width, so that no line
// can wrap whatever its content.
type framer struct {
	st Styles
	w  int
}

func (f framer) rule(n int) string {
	if n <= 0 {
		return ""
	}
	return f.st.Border.Render(strings.Repeat("─", n))
}

// titled renders "<left> title ─────<right>" spanning n cells; the title
// is cut to fit, and given the title style when it is plain text.
func (f framer) titled(left, title, right string, n int) string {
	t := ""
	if title != "" {
		title = clip(title, max(0, n-4))
		if !strings.Contains(title, "\x1b") {
			title = f.st.Title.Render(title)
		}
		t = " " + title + " "
	}
	rw := ansi.StringWidth(right)
	fill := n - 1 - ansi.StringWidth(t) - rw
	if fill < 0 {
		return f.st.Border.Render(left) + ansi.Truncate(t, n-1-rw, "") + f.st.Border.Render(right)
	}
	return f.st.Border.Render(left) + t + f.rule(fill) + f.st.Border.Render(right)
}

// top is the frame's first line. With split > 0 it carries two titles and
// the divider's top.
func (f framer) top(title string, split int, right string) string {
	if split <= 0 {
		return f.titled("┌", title, "┐", f.w)
	}
	return f.titled("┌", title, "", split) + f.titled("┬", right, "┐", f.w-split)
}

// sep is the line between panes, carrying the next pane's title; above >
// 0 closes a divider at that column.
func (f framer) sep(title string, above int) string {
	if above <= 0 {
		return f.titled("├", title, "┤", f.w)
	}
	return f.titled("├", title, "", above) + f.titled("┴", "", "┤", f.w-above)
}

// bottom is the frame's last line, carrying the key help.
func (f framer) bottom(text string) string {
	return f.titled("└", text, "┘", f.w)
}

// line is one content line of a full-width pane.
func (f framer) line(s string) string {
	b := f.st.Border.Render("│")
	return b + " " + fit(s, f.w-4) + " " + b
}

// pair is one content line of the split pane.
func (f framer) pair(split int, l, r string) string {
	b := f.st.Border.Render("│")
	return b + " " + fit(l, split-3) + " " + b + " " + fit(r, f.w-split-4) + " " + b
}

// inner is the width of a full-width pane's content.
func (f framer) inner() int { return f.w - 4 }

// splitWidths are the content widths of the split pane's two sides.
func splitWidths(w, split int) (left, right int) { return split - 3, w - split - 4 }
