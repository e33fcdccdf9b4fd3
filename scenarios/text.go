package scenarios

import (
	"bytes"
	"unicode/utf8"

	"github.com/socklab/socklab/lab/i18n"
)

// Limits of the text a scenario is read from, checked before the YAML
// library sees it (docs/scenarios.md, "Limits"). goccy/go-yaml's work grows
// faster than its input: a mapping of 64 KiB of keys costs it about 150 MB
// and half a second, 256 KiB nearly 2 GB; 20,000 nested "[" cost 650 MB
// and 40,000 ran out of memory (it builds each node's path as a string).
// The limits keep the worst text far from that, and a real scenario far
// inside them.
const (
	// MaxScenarioSize bounds a scenario file: twenty times the longest
	// built-in lesson, both languages of its teaching text included.
	MaxScenarioSize = 64 << 10
	// MaxDepth bounds nesting (mappings, lists, flow [ and { alike): a
	// scenario nests 5 deep at most (expect[0].detect.between[0]).
	MaxDepth = 32
)

// checkText refuses, before any parsing, text that is not a scenario's:
// too large, not UTF-8, holding control characters, or nested too deep.
// It returns the text without a UTF-8 byte order mark (editors on Windows
// write one; it is not part of the first key).
func checkText(file string, text []byte) ([]byte, error) {
	if len(text) > MaxScenarioSize {
		return nil, &Error{Pos: Pos{File: file}, Msg: i18n.M(i18n.TextTooLarge, "Size", len(text), "Max", MaxScenarioSize)}
	}
	switch {
	case bytes.HasPrefix(text, []byte("\xef\xbb\xbf")):
		text = text[3:]
	case bytes.HasPrefix(text, []byte("\xff\xfe")), bytes.HasPrefix(text, []byte("\xfe\xff")):
		return nil, &Error{Pos: Pos{File: file}, Msg: i18n.M(i18n.TextUTF16)}
	}
	line, col := 1, 1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return nil, &Error{Pos: Pos{File: file, Line: line, Col: col}, Msg: i18n.M(i18n.TextNotUTF8, "Byte", hexByte(text[i]))}
		case r == '\n':
			line, col = line+1, 0
		case r < 0x20 && r != '\t' && r != '\r', r == 0x7f, r >= 0x80 && r < 0xa0 && r != 0x85, r == 0xfeff:
			return nil, &Error{Pos: Pos{File: file, Line: line, Col: col}, Msg: i18n.M(i18n.TextControl, "Char", codePoint(r))}
		}
		i += size
		col++
	}
	if pos, deep := tooDeep(text, MaxDepth); deep {
		pos.File = file
		return nil, &Error{Pos: pos, Msg: i18n.M(i18n.TextTooDeep, "Max", MaxDepth)}
	}
	return text, nil
}

// tooDeep reports whether YAML text nests deeper than max, and where it
// first does, without parsing it. It counts what can open a level: a line indented
// more than the lines it is under, each "- " or "? " that opens a compact
// list or key on a line ("- - - x"), and each [ or { not inside a quoted
// scalar, a comment or a block scalar (| or >). It may count a level more
// than the parser would build (a list at its key's indentation), never
// fewer, so what it lets through is within the limit.
func tooDeep(text []byte, max int) (Pos, bool) {
	var (
		indents    []int // the indentation of each open block level
		flow       int   // [ and { open
		quote      byte  // the quote of a scalar spanning lines, or 0
		blockAt    = -1  // a block scalar's parent indentation, or -1
		lineNumber int
	)
	for line := range bytes.Lines(text) {
		lineNumber++
		line = bytes.TrimRight(line, "\r\n")
		indent := len(line) - len(bytes.TrimLeft(line, " \t"))
		rest := line[indent:]
		if blockAt >= 0 {
			if len(rest) == 0 || indent > blockAt {
				continue // a line of the block scalar's text
			}
			blockAt = -1
		}
		if quote == 0 && flow == 0 {
			if len(rest) == 0 || rest[0] == '#' {
				continue
			}
			for len(indents) > 0 && indents[len(indents)-1] >= indent {
				indents = indents[:len(indents)-1]
			}
			indents = append(indents, indent)
		}
		level := len(indents)
		col := indent
		for len(rest) >= 2 && (rest[0] == '-' || rest[0] == '?') && (rest[1] == ' ' || rest[1] == '\t') {
			level++
			if level+flow > max {
				return Pos{Line: lineNumber, Col: col + 1}, true
			}
			skip := 2 + len(rest[2:]) - len(bytes.TrimLeft(rest[2:], " \t"))
			rest, col = rest[skip:], col+skip
		}
		if level+flow > max {
			return Pos{Line: lineNumber, Col: col + 1}, true
		}
		for i := 0; i < len(rest); i++ {
			c := rest[i]
			switch {
			case quote == '\'':
				if c == '\'' && i+1 < len(rest) && rest[i+1] == '\'' {
					i++ // '' is a quote inside single quotes
				} else if c == '\'' {
					quote = 0
				}
			case quote == '"':
				if c == '\\' {
					i++
				} else if c == '"' {
					quote = 0
				}
			case c == '#' && (i == 0 || rest[i-1] == ' ' || rest[i-1] == '\t'):
				i = len(rest) // a comment to the end of the line
			case c == '\'' || c == '"':
				quote = c
			case c == '[' || c == '{':
				flow++
				if level+flow > max {
					return Pos{Line: lineNumber, Col: col + i + 1}, true
				}
			case (c == ']' || c == '}') && flow > 0:
				flow--
			case (c == '|' || c == '>') && flow == 0 && startsValue(rest[:i]) && blockScalarHeader(rest[i:]):
				blockAt = indent
				i = len(rest)
			}
		}
	}
	return Pos{}, false
}

// startsValue reports whether what precedes a character on its line ends
// where a value may start: nothing, or a key's colon or a list's dash and
// a space.
func startsValue(before []byte) bool {
	b := bytes.TrimRight(before, " \t")
	return len(b) == 0 || (len(b) < len(before) && (b[len(b)-1] == ':' || b[len(b)-1] == '-'))
}

// blockScalarHeader reports whether s, the rest of a line from a | or >,
// starts a block scalar: the indicator, optional chomping and indentation
// digits, then nothing but a comment.
func blockScalarHeader(s []byte) bool {
	i := 1
	for i < len(s) && (s[i] == '-' || s[i] == '+' || ('1' <= s[i] && s[i] <= '9')) {
		i++
	}
	rest := bytes.TrimLeft(s[i:], " \t")
	return len(rest) == 0 || (rest[0] == '#' && i < len(s) && (s[i] == ' ' || s[i] == '\t'))
}

func hexByte(b byte) string {
	const digits = "0123456789ABCDEF"
	return "0x" + string([]byte{digits[b>>4], digits[b&15]})
}

// codePoint names a character as U+0000.
func codePoint(r rune) string {
	const digits = "0123456789ABCDEF"
	out := []byte("U+")
	width := 4
	if r > 0xffff {
		width = 6
	}
	for i := width - 1; i >= 0; i-- {
		out = append(out, digits[(r>>(4*i))&15])
	}
	return string(out)
}
