package format

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Fit cuts s (which may hold ANSI styling) to exactly w cells: truncated
// with an ellipsis when longer, padded with spaces when shorter. Every line
// the interface draws goes through it, so nothing wraps.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := Width(s)
	if n > w {
		s = ansi.Truncate(s, w, "…")
		n = Width(s)
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
	if Width(s) > w {
		return ansi.Truncate(s, w, "…")
	}
	return s
}

// Pad left-aligns s in w cells: fmt's %-*s, counting display cells (a
// Chinese character is two) rather than runes. It never cuts.
func Pad(s string, w int) string {
	if n := Width(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// PadLeft right-aligns s in w cells.
func PadLeft(s string, w int) string {
	if n := Width(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

// Ellipsis marks line (at most w cells) as cut: "…" after it, or in place
// of its last cell when it is full.
func Ellipsis(line string, w int) string {
	if Width(line) < w {
		return line + "…"
	}
	return ansi.Truncate(line, w-1, "") + "…"
}

// Wrap breaks plain text into lines of at most w display cells. A line may
// break at a space, or between two pieces of Chinese text (Chinese is
// written without spaces), but never before a closing punctuation mark
// ("，", "。", "）") nor after an opening one ("（", "“"), as Chinese
// typesetting requires, nor between a number and the Chinese unit after it
// ("2 分 45.4 秒" breaks only between "2 分" and "45.4 秒"). A piece wider
// than a line is cut across lines.
// Widths are display cells: a Chinese character takes two.
func Wrap(text string, w int) []string {
	if w <= 0 {
		return nil
	}
	var lines []string
	var cur strings.Builder
	curW := 0
	for _, a := range atoms(text) {
		aw := Width(a.text)
		gap := 0
		if a.spaced && curW > 0 {
			gap = 1
		}
		if curW > 0 && curW+gap+aw > w {
			lines = append(lines, cur.String())
			cur.Reset()
			curW, gap = 0, 0
		}
		for aw > w { // a piece longer than a line: cut it
			head := ansi.Truncate(a.text, w, "")
			if head == "" { // a wide character in a one-cell line
				head = string([]rune(a.text)[:1])
			}
			lines = append(lines, head)
			a.text = a.text[len(head):]
			aw = Width(a.text)
		}
		if aw == 0 {
			continue
		}
		if gap > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(a.text)
		curW += gap + aw
	}
	if curW > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// atom is what Wrap does not break: a word, or a Chinese character with
// the punctuation that must stay with it. spaced says a space comes before
// it.
type atom struct {
	text   string
	spaced bool
}

// atoms splits text into the pieces a line may break between.
func atoms(text string) []atom {
	var out []atom
	rs := []rune(text)
	spaced := false
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			spaced = true
			i++
			continue
		}
		j := i + 1
		if !wide(rs[i]) {
			for j < len(rs) && !unicode.IsSpace(rs[j]) && !wide(rs[j]) {
				j++
			}
		}
		for j < len(rs) && strings.ContainsRune(closing, rs[j]) {
			j++ // closing punctuation never starts a line
		}
		a := atom{text: string(rs[i:j]), spaced: spaced && len(out) > 0}
		switch n := len(out); {
		case n > 0 && !a.spaced && endsOpening(out[n-1].text):
			out[n-1].text += a.text // opening punctuation never ends a line
		case n > 0 && a.spaced && endsDigit(out[n-1].text) && wide(rs[i]):
			out[n-1].text += " " + a.text // a number keeps its Chinese unit: "2 分", "10 个"
		default:
			out = append(out, a)
		}
		spaced = false
		i = j
	}
	return out
}

// Punctuation of Chinese text that must not start a line (closing) or end
// one (opening).
const (
	closing = "，。、；：？！）」』”’》〉…—,.;:?!)"
	opening = "（「『“‘《〈"
)

// endsOpening reports whether s ends with an opening punctuation mark.
func endsOpening(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(opening, r)
}

// endsDigit reports whether s ends with a digit.
func endsDigit(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return '0' <= r && r <= '9'
}

// wide reports whether r takes two cells (a Chinese character or
// full-width punctuation).
func wide(r rune) bool { return RuneWidth(r) == 2 }

// List joins head and as many of items as fit in w cells, sep between
// the items; when the last do not fit, it ends after a whole item with
// sep and "…": a list is cut between its items, never inside one (a
// herd's "2658 timers: 902 next ping · 885 time-wait · …", not "885
// ti…"). An item too wide for the line even first is cut as Clip cuts.
func List(head string, items []string, sep string, w int) string {
	out := head
	for i, it := range items {
		next := out
		if i > 0 {
			next += sep
		}
		next += it
		more := 0 // room for sep and "…" after it, when items follow
		if i < len(items)-1 {
			more = Width(sep) + 1
		}
		if Width(next)+more <= w {
			out = next
			continue
		}
		if i == 0 {
			return Clip(next+sep+"…", w)
		}
		return out + sep + "…" // out left room for them
	}
	return out
}
