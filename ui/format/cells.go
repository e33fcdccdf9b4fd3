package format

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Width is the width of s in display cells, as ansi.StringWidth counts
// it (escape sequences take none), but fast for the characters the
// interface draws: ASCII and Latin, box drawing, arrows, shapes, the
// dingbats it uses (✔ ✖ ✗ ✘ ❚) and CJK. A string with any other character
// (an emoji, a combining mark, a zero-width joiner) is measured by
// ansi.StringWidth, grapheme by grapheme. Every line of a frame is
// measured (to cut or pad it): segmenting graphemes cost more than the
// rest of the frame.
func Width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b: // an escape sequence: CSI up to its final byte, else the next byte
			i++
			if i < len(s) && s[i] == '[' {
				i++
				for i < len(s) && (s[i] < 0x40 || s[i] > 0x7e) {
					i++
				}
			}
			i++
			continue
		case c >= 0x20 && c < 0x7f:
			n++
			i++
			continue
		case c < 0x80:
			return ansi.StringWidth(s) // a control character
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch w := runeCells(r); w {
		case 0:
			return ansi.StringWidth(s)
		default:
			n += w
		}
		i += size
	}
	return n
}

// runeCells is the width of r when it is one of the characters Width
// knows, else 0.
func runeCells(r rune) int {
	switch {
	case r >= 0xa0 && r <= 0x2ff, // Latin-1, Latin extended: · ×
		r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205e, // punctuation: — … •
		r >= 0x2190 && r <= 0x22ff, // arrows, mathematical operators: ⇄ ↻ → ⋯
		r >= 0x2500 && r <= 0x25ff, // box drawing, blocks, shapes: ─ ━ ┃ ▓ ░ ▶ ● ◆ ▸
		r >= 0x2714 && r <= 0x2718, // ✔ ✖ ✗ ✘
		r == 0x275a:                // ❚
		return 1
	case r >= 0x3000 && r <= 0x303e, r >= 0x3041 && r <= 0x9fff, // CJK punctuation, kana, ideographs
		r >= 0xac00 && r <= 0xd7a3, r >= 0xf900 && r <= 0xfaff, // Hangul, compatibility ideographs
		r >= 0xff01 && r <= 0xff60, r >= 0xffe0 && r <= 0xffe6: // full-width forms: ， （ ）
		return 2
	}
	return 0
}

// RuneWidth is the width of r in display cells, as Width counts it,
// without making a string of it for the characters Width knows.
func RuneWidth(r rune) int {
	if r >= 0x20 && r < 0x7f {
		return 1
	}
	if w := runeCells(r); w > 0 {
		return w
	}
	return ansi.StringWidth(string(r))
}
