package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/socklab/socklab/ui/format"
	"github.com/socklab/socklab/ui/styles"
)

// ModalBox draws content in a rounded box w cells wide (borders included).
// Content lines are cut to fit: the box never wraps.
func ModalBox(st styles.Styles, content []string, w int) []string {
	inner := max(1, w-4)
	for i, l := range content {
		content[i] = format.Fit(l, inner)
	}
	return strings.Split(st.Modal.Render(strings.Join(content, "\n")), "\n")
}

// Overlay draws box over the lines of bg, its top-left corner at column x
// and row y, keeping what is left and right of it. bg lines must be full
// width. A wide character (Chinese) that the box's edge cuts in half gives
// way to a space, so every line keeps its width.
func Overlay(bg, box []string, x, y int) []string {
	for i, bl := range box {
		row := y + i
		if row < 0 || row >= len(bg) {
			continue
		}
		w, bw := format.Width(bg[row]), format.Width(bl)
		left := ansi.Truncate(bg[row], x, "")
		if n := format.Width(left); n < x {
			left += strings.Repeat(" ", x-n)
		}
		want := max(0, w-x-bw)
		right := ansi.TruncateLeft(bg[row], x+bw, "")
		if n := format.Width(right); n > want {
			// TruncateLeft keeps a wide character it would cut: drop it.
			right = ansi.TruncateLeft(right, n-want+1, "")
		}
		if n := format.Width(right); n < want {
			right = strings.Repeat(" ", want-n) + right
		}
		bg[row] = left + bl + right
	}
	return bg
}
