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
// width.
func Overlay(bg, box []string, x, y int) []string {
	for i, bl := range box {
		row := y + i
		if row < 0 || row >= len(bg) {
			continue
		}
		bw := ansi.StringWidth(bl)
		bg[row] = ansi.Truncate(bg[row], x, "") + bl + ansi.TruncateLeft(bg[row], x+bw, "")
	}
	return bg
}
