package drill

import (
	"strings"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
)

// tokKind is the kind of a token of the packetdrill language, as
// packetdrill's own lexer (lexer.l) splits a script.
type tokKind uint8

const (
	tokEOF      tokKind = iota
	tokInt              // 1460
	tokHex              // 0x3
	tokFloat            // .1, 0.100 (digits after the point are required: "0..." is 0 then ...)
	tokWord             // socket, SOCK_STREAM, S, ack, sackOK
	tokString           // "text"
	tokBack             // `sysctl -q ...`
	tokCode             // %{ python }%
	tokOption           // --tolerance_usecs
	tokEllipsis         // ...
	tokPunct            // one of + - * ~ : ( ) [ ] { } < > , . = | ;
)

// token is one lexeme and where it starts.
type token struct {
	kind tokKind
	text string // the lexeme; a string's or a command's contents without their quotes
	pos  scenarios.Pos
}

// show is how an error names the token: its text, or the end of the file.
func (t token) show() string {
	switch t.kind {
	case tokEOF:
		return "EOF"
	case tokString:
		return `"` + t.text + `"`
	case tokBack:
		return "`" + t.text + "`"
	case tokCode:
		return "%{…}%"
	}
	return t.text
}

// lex splits src into tokens, skipping white space and comments (// to the
// end of the line, /* … */). Positions count lines and columns from 1,
// columns in bytes.
func lex(file string, src []byte) ([]token, error) {
	l := lexer{file: file, src: string(src), line: 1, col: 1}
	var out []token
	for {
		t, err := l.next()
		if err != nil {
			return nil, err
		}
		out = append(out, t)
		if t.kind == tokEOF {
			return out, nil
		}
	}
}

type lexer struct {
	file      string
	src       string
	i         int
	line, col int
}

func (l *lexer) pos() scenarios.Pos { return scenarios.Pos{File: l.file, Line: l.line, Col: l.col} }

func (l *lexer) errAt(p scenarios.Pos, id i18n.ID, args ...any) error {
	return &scenarios.Error{Pos: p, Msg: i18n.M(id, args...)}
}

// advance moves over n bytes, counting lines.
func (l *lexer) advance(n int) {
	for _, c := range []byte(l.src[l.i : l.i+n]) {
		if c == '\n' {
			l.line++
			l.col = 1
		} else {
			l.col++
		}
	}
	l.i += n
}

func (l *lexer) peekAt(k int) byte {
	if l.i+k < len(l.src) {
		return l.src[l.i+k]
	}
	return 0
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }

func (l *lexer) next() (token, error) {
	if err := l.skipSpace(); err != nil {
		return token{}, err
	}
	p := l.pos()
	if l.i >= len(l.src) {
		return token{kind: tokEOF, pos: p}, nil
	}
	c, rest := l.src[l.i], l.src[l.i:]
	take := func(k tokKind, n int) (token, error) {
		t := token{kind: k, text: l.src[l.i : l.i+n], pos: p}
		l.advance(n)
		return t, nil
	}
	switch {
	case strings.HasPrefix(rest, "..."):
		return take(tokEllipsis, 3)
	case strings.HasPrefix(rest, "%{"):
		end := strings.Index(rest[2:], "}%")
		if end < 0 {
			return token{}, l.errAt(p, i18n.DrillUnterminated, "What", "%{")
		}
		t := token{kind: tokCode, text: rest[2 : 2+end], pos: p}
		l.advance(end + 4)
		return t, nil
	case c == '`':
		end := strings.IndexByte(rest[1:], '`')
		if end < 0 {
			return token{}, l.errAt(p, i18n.DrillUnterminated, "What", "`")
		}
		t := token{kind: tokBack, text: rest[1 : 1+end], pos: p}
		l.advance(end + 2)
		return t, nil
	case c == '"':
		end := 1
		for end < len(rest) && rest[end] != '"' && rest[end] != '\n' {
			if rest[end] == '\\' {
				end++
			}
			end++
		}
		if end >= len(rest) || rest[end] != '"' {
			return token{}, l.errAt(p, i18n.DrillUnterminated, "What", `"`)
		}
		t := token{kind: tokString, text: rest[1:end], pos: p}
		l.advance(end + 1)
		return t, nil
	case strings.HasPrefix(rest, "--") && len(rest) > 2 && isLetter(rest[2]):
		n := 2
		for n < len(rest) && (isLetter(rest[n]) || isDigit(rest[n]) || rest[n] == '-') {
			n++
		}
		if n < len(rest) && rest[n] == '=' {
			// The value is the rest of the word, as packetdrill reads
			// it: --init_scripts=../common/defaults.sh, --local_ip=192.0.2.1.
			for n++; n < len(rest) && strings.IndexByte(" \t\r\n", rest[n]) < 0; n++ {
			}
		}
		return take(tokOption, n)
	case strings.HasPrefix(rest, "0x") || strings.HasPrefix(rest, "0X"):
		n := 2
		for n < len(rest) && strings.IndexByte("0123456789abcdefABCDEF", rest[n]) >= 0 {
			n++
		}
		return take(tokHex, n)
	case isDigit(c) || c == '.' && isDigit(l.peekAt(1)):
		n := 0
		for n < len(rest) && isDigit(rest[n]) {
			n++
		}
		if n < len(rest)-1 && rest[n] == '.' && isDigit(rest[n+1]) {
			n++
			for n < len(rest) && isDigit(rest[n]) {
				n++
			}
			return take(tokFloat, n)
		}
		return take(tokInt, n)
	case isLetter(c):
		n := 0
		for n < len(rest) && (isLetter(rest[n]) || isDigit(rest[n])) {
			n++
		}
		return take(tokWord, n)
	case strings.IndexByte("+-*~:()[]{}<>,.=|;!", c) >= 0:
		return take(tokPunct, 1)
	}
	return token{}, l.errAt(p, i18n.DrillBadChar, "Char", rest[:1])
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() error {
	for l.i < len(l.src) {
		rest := l.src[l.i:]
		switch {
		case rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r':
			l.advance(1)
		case strings.HasPrefix(rest, "//"):
			end := strings.IndexByte(rest, '\n')
			if end < 0 {
				end = len(rest)
			}
			l.advance(end)
		case strings.HasPrefix(rest, "/*"):
			end := strings.Index(rest[2:], "*/")
			if end < 0 {
				return l.errAt(l.pos(), i18n.DrillUnterminated, "What", "/*")
			}
			l.advance(end + 4)
		default:
			return nil
		}
	}
	return nil
}
