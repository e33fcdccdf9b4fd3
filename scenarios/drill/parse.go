package drill

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
)

// MaxScriptSize bounds a script file: the longest script of the public
// suites is under 40 kB; a megabyte is a script no one wrote by hand.
const MaxScriptSize = 1 << 20

// MaxIOSize is the longest write or read a script may make: 64 MiB. The
// model holds every byte written until it is acknowledged, and the
// public suites' longest write is under 1 MB.
const MaxIOSize = 64 << 20

// MaxEvents bounds the events of one script, for the same reason.
const MaxEvents = 10000

// Parse reads a packetdrill script. Every error is a *scenarios.Error at
// the file, line and column of the token at fault. Constructs of the
// language that the runner cannot model are refused later, by Check.
func Parse(file string, src []byte) (*Script, error) {
	toks, err := lex(file, src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, lines: strings.Split(string(src), "\n"), s: &Script{File: file}}
	if err := p.script(); err != nil {
		return nil, err
	}
	return p.s, nil
}

type parser struct {
	toks  []token
	i     int
	lines []string
	s     *Script
}

func (p *parser) peek() token       { return p.toks[p.i] }
func (p *parser) peekN(k int) token { return p.toks[min(p.i+k, len(p.toks)-1)] }
func (p *parser) take() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

func (p *parser) isPunct(c string) bool { t := p.peek(); return t.kind == tokPunct && t.text == c }
func (p *parser) isWord(w string) bool  { t := p.peek(); return t.kind == tokWord && t.text == w }

func errAt(pos scenarios.Pos, id i18n.ID, args ...any) error {
	return &scenarios.Error{Pos: pos, Msg: i18n.M(id, args...)}
}

// expected is the error for a token that is not what the grammar wants
// here; want names what it wants, as a token or a grammar symbol.
func (p *parser) expected(want string) error {
	t := p.peek()
	return errAt(t.pos, i18n.DrillExpected, "Want", want, "Got", t.show())
}

func (p *parser) punct(c string) error {
	if !p.isPunct(c) {
		return p.expected(c)
	}
	p.take()
	return nil
}

// integer takes an integer token within [lo, hi]; field names it for the
// error.
func (p *parser) integer(field string, lo, hi int64) (int64, error) {
	t := p.peek()
	if t.kind != tokInt && t.kind != tokHex {
		return 0, p.expected(field)
	}
	p.take()
	v, err := strconv.ParseInt(t.text, 0, 64)
	if err != nil || v < lo || v > hi {
		return 0, errAt(t.pos, i18n.DrillOutOfRange, "Text", t.text, "Field", field, "Lo", lo, "Hi", hi)
	}
	return v, nil
}

func (p *parser) script() error {
	for p.peek().kind == tokOption {
		if err := p.option(); err != nil {
			return err
		}
	}
	if t := p.peek(); t.kind == tokBack {
		p.take()
		p.s.Init = &Event{Pos: t.pos, Command: t.text, Text: p.lineText(t.pos.Line, t.pos.Line)}
	}
	for p.peek().kind != tokEOF {
		if t := p.peek(); t.kind == tokBack && p.peekN(1).kind == tokEOF {
			// The cleanup command: a backtick line without a time, last.
			p.take()
			p.s.Cleanup = &Event{Pos: t.pos, Command: t.text, Text: p.lineText(t.pos.Line, t.pos.Line)}
			break
		}
		if len(p.s.Events) == MaxEvents {
			return errAt(p.peek().pos, i18n.DrillTooManyEvents, "Max", MaxEvents)
		}
		ev, err := p.event()
		if err != nil {
			return err
		}
		p.s.Events = append(p.s.Events, ev)
	}
	if len(p.s.Events) == 0 {
		return errAt(p.peek().pos, i18n.DrillNoEvents)
	}
	if first := p.s.Events[0]; first.At != 0 || first.Kind == AnyTime {
		return errAt(first.Pos, i18n.DrillFirstAtZero)
	}
	return nil
}

// option is --name or --name=value.
func (p *parser) option() error {
	t := p.take()
	name, value, hasValue := strings.Cut(strings.TrimPrefix(t.text, "--"), "=")
	if hasValue && value == "" {
		return errAt(t.pos, i18n.DrillExpected, "Want", "VALUE", "Got", t.text)
	}
	p.s.Options = append(p.s.Options, Option{Pos: t.pos, Name: name, Value: value})
	return nil
}

// lineText is the script's lines from..to, trimmed, for reports.
func (p *parser) lineText(from, to int) string {
	var parts []string
	for l := from; l <= to && l-1 < len(p.lines); l++ {
		if s := strings.TrimSpace(p.lines[l-1]); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

func (p *parser) event() (*Event, error) {
	ev := &Event{Pos: p.peek().pos}
	if err := p.eventTime(ev); err != nil {
		return nil, err
	}
	t := p.peek()
	switch {
	case t.kind == tokPunct && (t.text == "<" || t.text == ">"):
		pkt, err := p.packet()
		if err != nil {
			return nil, err
		}
		ev.Packet = pkt
		if pkt.AnyOptions && pkt.Dir == In {
			return nil, errAt(pkt.Pos, i18n.DrillAnyOptionsInbound)
		}
	case t.kind == tokBack:
		p.take()
		ev.Command = t.text
	case t.kind == tokCode:
		p.take()
		ev.Code, ev.CodePos = t.text, t.pos
	case t.kind == tokWord || t.kind == tokEllipsis:
		call, err := p.syscall()
		if err != nil {
			return nil, err
		}
		ev.Call = call
	default:
		return nil, p.expected("< > `…` %{…}% SYSCALL")
	}
	if (ev.Kind == AnyTime || ev.Kind == AbsoluteRange || ev.Kind == RelativeRange) &&
		(ev.Packet == nil || ev.Packet.Dir != Out) {
		return nil, errAt(ev.Pos, i18n.DrillRangeOutboundOnly)
	}
	last := p.toks[max(p.i-1, 0)].pos.Line
	ev.Text = p.lineText(ev.Pos.Line, last)
	return ev, nil
}

// eventTime reads +T, T, *, T~T or +T~+T.
func (p *parser) eventTime(ev *Event) error {
	switch {
	case p.isPunct("*"):
		p.take()
		ev.Kind = AnyTime
		return nil
	case p.isPunct("+"):
		p.take()
		at, err := p.time()
		if err != nil {
			return err
		}
		ev.Kind, ev.At = Relative, at
		if p.isPunct("~") {
			p.take()
			if err := p.punct("+"); err != nil {
				return err
			}
			end, err := p.time()
			if err != nil {
				return err
			}
			if end < at {
				return errAt(ev.Pos, i18n.DrillRangeBackwards)
			}
			ev.Kind, ev.End = RelativeRange, end
		}
		return nil
	}
	at, err := p.time()
	if err != nil {
		return err
	}
	ev.Kind, ev.At = Absolute, at
	if p.isPunct("~") {
		p.take()
		end, err := p.time()
		if err != nil {
			return err
		}
		if end < at {
			return errAt(ev.Pos, i18n.DrillRangeBackwards)
		}
		ev.Kind, ev.End = AbsoluteRange, end
	}
	return nil
}

// maxSeconds bounds a time in a script: a week, the limit of a run.
const maxSeconds = 7 * 24 * 3600

// time reads seconds, whole or decimal, to the microsecond as packetdrill
// keeps them.
func (p *parser) time() (time.Duration, error) {
	t := p.peek()
	if t.kind != tokInt && t.kind != tokFloat {
		return 0, p.expected("TIME")
	}
	p.take()
	v, err := strconv.ParseFloat(t.text, 64)
	if err != nil || v > maxSeconds {
		return 0, errAt(t.pos, i18n.DrillOutOfRange, "Text", t.text, "Field", "TIME", "Lo", 0, "Hi", maxSeconds)
	}
	return time.Duration(math.Round(v*1e6)) * time.Microsecond, nil
}

// packet reads < or >, then flags seq [ack N] [win N] [urg N] [<options>].
func (p *parser) packet() (*Packet, error) {
	d := p.take()
	pkt := &Packet{Pos: d.pos, Dir: In, Win: -1}
	if d.text == ">" {
		pkt.Dir = Out
	}
	// What packetdrill accepts here and socklab does not model.
	if t := p.peek(); t.kind == tokPunct && (t.text == "(" || t.text == "[") ||
		t.kind == tokWord && (t.text == "udp" || t.text == "icmp" || t.text == "ipv4" || t.text == "ipv6" || t.text == "gre" || t.text == "mpls") {
		return nil, errAt(t.pos, i18n.DrillUnsupported, "What", t.text)
	}
	if p.peek().kind == tokInt && p.peekN(1).kind == tokPunct && p.peekN(1).text == ">" {
		// Ports: the remote end's > the stack's, for a second connection.
		src, err := p.integer("PORT", 1, math.MaxUint16)
		if err != nil {
			return nil, err
		}
		p.take()
		dst, err := p.integer("PORT", 1, math.MaxUint16)
		if err != nil {
			return nil, err
		}
		pkt.SrcPort, pkt.DstPort = uint16(src), uint16(dst)
	}
	flags, err := p.flags()
	if err != nil {
		return nil, err
	}
	pkt.Flags = flags
	start, err := p.integer("SEQ", 0, math.MaxUint32)
	if err != nil {
		return nil, err
	}
	if err := p.punct(":"); err != nil {
		return nil, err
	}
	endTok := p.peek()
	end, err := p.integer("SEQ", 0, math.MaxUint32)
	if err != nil {
		return nil, err
	}
	if err := p.punct("("); err != nil {
		return nil, err
	}
	n, err := p.integer("LEN", 0, math.MaxUint16)
	if err != nil {
		return nil, err
	}
	if err := p.punct(")"); err != nil {
		return nil, err
	}
	if uint32(start)+uint32(n) != uint32(end) {
		return nil, errAt(endTok.pos, i18n.DrillSeqInconsistent, "Start", start, "End", end, "Len", n)
	}
	pkt.Seq, pkt.Len = uint32(start), int(n)
	if p.isWord("ack") {
		p.take()
		v, err := p.integer("ACK", 0, math.MaxUint32)
		if err != nil {
			return nil, err
		}
		pkt.Ack, pkt.HasAck = uint32(v), true
	}
	if p.isWord("win") {
		p.take()
		v, err := p.integer("WIN", 0, math.MaxUint16)
		if err != nil {
			return nil, err
		}
		pkt.Win = int(v)
	}
	if t := p.peek(); t.kind == tokWord && t.text == "urg" {
		return nil, errAt(t.pos, i18n.DrillUnsupported, "What", "urg")
	}
	if p.isPunct("<") {
		if err := p.options(pkt); err != nil {
			return nil, err
		}
	}
	if t := p.peek(); t.kind == tokPunct && t.text == "{" {
		return nil, errAt(t.pos, i18n.DrillUnsupported, "What", "fuzz")
	}
	return pkt, nil
}

// flags reads a packet's flags: letters of S F R P . (E W U C are ECN's
// and urgent's, refused when the runner checks the script), "." alone
// for a pure ACK, "-" for none.
func (p *parser) flags() (string, error) {
	t := p.peek()
	switch {
	case t.kind == tokPunct && (t.text == "." || t.text == "-"):
		p.take()
		return t.text, nil
	case t.kind == tokWord:
		for _, c := range t.text {
			if !strings.ContainsRune("SFRPEWUCA", c) {
				return "", errAt(t.pos, i18n.DrillBadFlags, "Flags", t.text)
			}
		}
		p.take()
		f := t.text
		if n := p.peek(); n.kind == tokPunct && n.text == "." && n.pos.Line == t.pos.Line && n.pos.Col == t.pos.Col+len(t.text) {
			p.take()
			f += "."
		}
		return f, nil
	}
	return "", p.expected("FLAGS")
}

// options reads <opt,opt,…> or <...>.
func (p *parser) options(pkt *Packet) error {
	p.take() // <
	pkt.HasOptions = true
	if p.peek().kind == tokEllipsis {
		p.take()
		pkt.AnyOptions = true
		return p.punct(">")
	}
	for {
		o, err := p.tcpOption()
		if err != nil {
			return err
		}
		pkt.Options = append(pkt.Options, o)
		if p.isPunct(",") {
			p.take()
			continue
		}
		return p.punct(">")
	}
}

func (p *parser) tcpOption() (TCPOption, error) {
	t := p.peek()
	if t.kind != tokWord {
		return TCPOption{}, p.expected("OPTION")
	}
	p.take()
	switch t.text {
	case "nop":
		return TCPOption{Kind: OptNOP}, nil
	case "eol":
		return TCPOption{Kind: OptEOL}, nil
	case "sackOK":
		return TCPOption{Kind: OptSackOK}, nil
	case "mss":
		v, err := p.integer("mss", 0, math.MaxUint16)
		return TCPOption{Kind: OptMSS, Value: uint32(v)}, err
	case "wscale":
		v, err := p.integer("wscale", 0, math.MaxUint8)
		return TCPOption{Kind: OptWScale, Value: uint32(v)}, err
	case "TS":
		if !p.isWord("val") {
			return TCPOption{}, p.expected("val")
		}
		p.take()
		val, err := p.integer("TS val", 0, math.MaxUint32)
		if err != nil {
			return TCPOption{}, err
		}
		if !p.isWord("ecr") {
			return TCPOption{}, p.expected("ecr")
		}
		p.take()
		ecr, err := p.integer("TS ecr", 0, math.MaxUint32)
		return TCPOption{Kind: OptTS, Val: uint32(val), Ecr: uint32(ecr)}, err
	case "sack":
		o := TCPOption{Kind: OptSACK}
		for p.peek().kind == tokInt {
			l, err := p.integer("sack", 0, math.MaxUint32)
			if err != nil {
				return o, err
			}
			if err := p.punct(":"); err != nil {
				return o, err
			}
			r, err := p.integer("sack", 0, math.MaxUint32)
			if err != nil {
				return o, err
			}
			o.Blocks = append(o.Blocks, [2]uint32{uint32(l), uint32(r)})
		}
		if len(o.Blocks) == 0 {
			return o, p.expected("LEFT:RIGHT")
		}
		if len(o.Blocks) > 4 { // 40 bytes of options hold at most four blocks (RFC 2018 3)
			return o, errAt(t.pos, i18n.DrillOutOfRange, "Text", strconv.Itoa(len(o.Blocks)), "Field", "sack", "Lo", 1, "Hi", 4)
		}
		return o, nil
	case "FO", "FOEXP", "md5", "exp", "tfo", "mptcp", "accecn", "ao":
		return TCPOption{}, errAt(t.pos, i18n.DrillUnsupported, "What", t.text)
	}
	return TCPOption{}, errAt(t.pos, i18n.DrillUnknownOption, "Option", t.text)
}

// syscall reads [...END] name(args) = result [ERRNO [(note)]] [(note)].
func (p *parser) syscall() (*Syscall, error) {
	c := &Syscall{}
	if p.peek().kind == tokEllipsis {
		p.take()
		end, err := p.time()
		if err != nil {
			return nil, err
		}
		c.Blocking, c.End = true, end
	}
	name := p.peek()
	if name.kind != tokWord {
		return nil, p.expected("SYSCALL")
	}
	p.take()
	c.Pos, c.Name = name.pos, name.text
	if err := p.punct("("); err != nil {
		return nil, err
	}
	if !p.isPunct(")") {
		args, err := p.exprList(")")
		if err != nil {
			return nil, err
		}
		c.Args = args
	}
	if err := p.punct(")"); err != nil {
		return nil, err
	}
	if err := p.punct("="); err != nil {
		return nil, err
	}
	ret, err := p.expr()
	if err != nil {
		return nil, err
	}
	c.Ret = ret
	if t := p.peek(); t.kind == tokWord && t.pos.Line == p.toks[p.i-1].pos.Line {
		p.take()
		c.Errno = t.text
	}
	if p.isPunct("(") { // a note: (Connection refused)
		if err := p.skipNote(); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// skipNote skips a parenthesised note of words.
func (p *parser) skipNote() error {
	open := p.take()
	for depth := 1; depth > 0; {
		t := p.take()
		switch {
		case t.kind == tokEOF:
			return errAt(open.pos, i18n.DrillUnterminated, "What", "(")
		case t.kind == tokPunct && t.text == "(":
			depth++
		case t.kind == tokPunct && t.text == ")":
			depth--
		}
	}
	return nil
}

func (p *parser) exprList(closer string) ([]Expr, error) {
	var out []Expr
	for {
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		out = append(out, e)
		if p.isPunct(",") {
			p.take()
			continue
		}
		if !p.isPunct(closer) {
			return nil, p.expected(closer)
		}
		return out, nil
	}
}

// expr is a primary, or primaries joined by |.
func (p *parser) expr() (Expr, error) {
	e, err := p.primary()
	if err != nil {
		return e, err
	}
	if !p.isPunct("|") {
		return e, nil
	}
	or := Expr{Pos: e.Pos, Kind: ExprOr, Items: []Expr{e}}
	for p.isPunct("|") {
		p.take()
		x, err := p.primary()
		if err != nil {
			return x, err
		}
		or.Items = append(or.Items, x)
	}
	return or, nil
}

func (p *parser) primary() (Expr, error) {
	t := p.peek()
	switch {
	case t.kind == tokEllipsis:
		p.take()
		return Expr{Pos: t.pos, Kind: ExprEllipsis}, nil
	case t.kind == tokInt || t.kind == tokHex:
		v, err := p.integer("INTEGER", math.MinInt64, math.MaxInt64)
		return Expr{Pos: t.pos, Kind: ExprInt, Int: v}, err
	case t.kind == tokPunct && t.text == "-" && (p.peekN(1).kind == tokInt || p.peekN(1).kind == tokHex):
		p.take()
		v, err := p.integer("INTEGER", 0, math.MaxInt64)
		return Expr{Pos: t.pos, Kind: ExprInt, Int: -v}, err
	case t.kind == tokString:
		p.take()
		e := Expr{Pos: t.pos, Kind: ExprString, Text: t.text}
		for p.peek().kind == tokString { // "a" "b" concatenates
			e.Text += p.take().text
		}
		if p.peek().kind == tokEllipsis {
			p.take()
		}
		return e, nil
	case t.kind == tokWord:
		p.take()
		switch {
		case p.isPunct("="):
			p.take()
			v, err := p.expr()
			return Expr{Pos: t.pos, Kind: ExprAssign, Text: t.text, Items: []Expr{v}}, err
		case p.isPunct("("):
			p.take()
			e := Expr{Pos: t.pos, Kind: ExprCall, Text: t.text}
			if !p.isPunct(")") {
				args, err := p.exprList(")")
				if err != nil {
					return e, err
				}
				e.Items = args
			}
			return e, p.punct(")")
		}
		return Expr{Pos: t.pos, Kind: ExprWord, Text: t.text}, nil
	case t.kind == tokPunct && (t.text == "[" || t.text == "{"):
		p.take()
		closer := map[string]string{"[": "]", "{": "}"}[t.text]
		e := Expr{Pos: t.pos, Kind: ExprList, Brace: t.text == "{"}
		if !p.isPunct(closer) {
			items, err := p.exprList(closer)
			if err != nil {
				return e, err
			}
			e.Items = items
		}
		return e, p.punct(closer)
	}
	return Expr{}, p.expected("EXPRESSION")
}
