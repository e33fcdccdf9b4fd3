package format

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Fit cuts s (which may hold ANSI styling) to exactly w cells: truncated
// with an ellipsis when longer, padded with spaces when shorter. Every line
// the interface draws goes through it, so nothing wraps.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := ansi.StringWidth(s)
	if n > w {
		s = ansi.Truncate(s, w, "…")
		n = ansi.StringWidth(s)
	}
	if n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// Clip cuts s to at most w cells, with an ellipsis when cut, without
// padding.
func Clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > w {
		return ansi.Truncate(s, w, "…")
	}
	return s
}

// PadLeft right-aligns s in w cells.
func PadLeft(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

// Ellipsis marks line (at most w cells) as cut: "…" after it, or in place
// of its last cell when it is full.
func Ellipsis(line string, w int) string {
	if ansi.StringWidth(line) < w {
		return line + "…"
	}
	return ansi.Truncate(line, w-1, "") + "…"
}

// Wrap breaks plain text into lines of at most w cells, at spaces where it
// can; a word wider than a line is cut across lines.
func Wrap(text string, w int) []string {
	if w <= 0 {
		return nil
	}
	var lines []string
	var cur []rune
	curW := 0
	for _, word := range strings.Fields(text) {
		ww := ansi.StringWidth(word)
		for ww > w { // a word longer than the line: cut it
			if curW > 0 {
				lines = append(lines, string(cur))
				cur, curW = cur[:0], 0
			}
			head := ansi.Truncate(word, w, "")
			lines = append(lines, head)
			word = word[len(head):]
			ww = ansi.StringWidth(word)
		}
		switch {
		case curW == 0:
			cur, curW = append(cur[:0], []rune(word)...), ww
		case curW+1+ww <= w:
			cur = append(append(cur, ' '), []rune(word)...)
			curW += 1 + ww
		default:
			lines = append(lines, string(cur))
			cur, curW = append(cur[:0], []rune(word)...), ww
		}
	}
	if curW > 0 {
		lines = append(lines, string(cur))
	}
	return lines
}
