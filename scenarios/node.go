package scenarios

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/socklab/socklab/lab/i18n"
)

// node is a YAML value with the place it came from: the tree a scenario
// file parses to, which --set edits and the decoder reads. It keeps the
// order of mapping keys (hosts and apps are built in file order).
type node struct {
	kind    nodeKind
	value   string   // a scalar's text
	text    bool     // the scalar is a YAML string ("100" quoted, hello), not a number or a bool
	entries []*entry // a mapping's keys, in order
	items   []*node  // a sequence's items
	pos     Pos
}

type nodeKind uint8

const (
	scalarNode nodeKind = iota + 1
	mappingNode
	sequenceNode
	nullNode
)

// msg names the kind for an error ("not a list").
func (k nodeKind) msg() i18n.Message {
	switch k {
	case scalarNode:
		return i18n.M(i18n.KindValue)
	case mappingNode:
		return i18n.M(i18n.KindMapping)
	case sequenceNode:
		return i18n.M(i18n.KindList)
	}
	return i18n.M(i18n.KindEmpty)
}

type entry struct {
	key    string
	keyPos Pos
	value  *node
}

// Pos is where a value came from: a file's line and column, or a --set
// flag.
type Pos struct {
	File      string
	Line, Col int
	Set       string // "--set apps.client.count=10" when a flag set it
}

func (p Pos) String() string {
	if p.Set != "" {
		return p.Set
	}
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is a problem with a scenario: where, which field, what is wrong.
// The place and the field are the same in every language; the
// explanation is a message of the catalog (In).
type Error struct {
	Pos  Pos
	Path string // "apps.client.heartbeat.interval"
	Msg  i18n.Message
	// Err is the error this one places in the file, if any (a run's
	// *lab.BudgetError): errors.As finds it.
	Err error
}

func (e *Error) Error() string { return e.In(i18n.English) }
func (e *Error) Unwrap() error { return e.Err }

// In is "file:line:col: path: what is wrong", the explanation in l.
func (e *Error) In(l i18n.Lang) string {
	if e.Path == "" {
		return Printable(e.Pos.String() + ": " + e.Msg.In(l))
	}
	return Printable(e.Pos.String() + ": " + e.Path + ": " + e.Msg.In(l))
}

// Printable makes text safe to print as one line of a terminal: control
// characters, the Unicode controls that reorder text (a file name with a
// right-to-left override reads backwards) and bytes that are not UTF-8 are
// escaped as Go writes them (\n, \u202e, \xff); a word (a run of
// characters without a space) longer than maxWord characters keeps its
// first and last ones around a "…", so that a megabyte of key does not
// fill the screen.
func Printable(s string) string {
	var b strings.Builder
	for _, word := range words(s) {
		if n := utf8.RuneCountInString(word); n > maxWord {
			runes := []rune(word)
			word = string(runes[:keepStart]) + "…" + string(runes[n-keepEnd:])
		}
		for len(word) > 0 {
			r, size := utf8.DecodeRuneInString(word)
			switch {
			case r == utf8.RuneError && size == 1:
				fmt.Fprintf(&b, `\x%02x`, word[0])
			case unprintable(r):
				q := strconv.QuoteRune(r)
				b.WriteString(q[1 : len(q)-1])
			default:
				b.WriteString(word[:size])
			}
			word = word[size:]
		}
	}
	return b.String()
}

// words splits s after each space, and after the punctuation Chinese text
// separates its words with (a list "a、b、c" is not one long word).
func words(s string) []string {
	var out []string
	for len(s) > 0 {
		i := strings.IndexFunc(s, func(r rune) bool { return r == ' ' || strings.ContainsRune("、，：；（）。！？", r) })
		if i < 0 {
			return append(out, s)
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		out = append(out, s[:i+size])
		s = s[i+size:]
	}
	return out
}

// The cut of a long word in a message: over maxWord characters, it keeps
// keepStart of them, "…", and keepEnd.
const (
	maxWord   = 120
	keepStart = 80
	keepEnd   = 30
)

// duplicateKey recognises goccy's message for a key given twice.
//
//i18n:ok goccy's messages, matched, not shown
var duplicateKey = regexp.MustCompile(`mapping key (".*") already defined at \[(\d+):\d+\]`)

// parseYAML reads a YAML document into a node tree.
func parseYAML(file string, data []byte) (*node, error) {
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		var se *yaml.SyntaxError
		if errors.As(err, &se) && se.Token != nil && se.Token.Position != nil {
			msg := i18n.M(i18n.ScenarioYAMLSyntax, "Detail", se.Message)
			switch m := duplicateKey.FindStringSubmatch(se.Message); {
			case m != nil:
				msg = i18n.M(i18n.ScenarioKeyTwice, "Key", m[1], "Line", m[2])
			case strings.Contains(se.Message, "'\t'"):
				msg = i18n.M(i18n.ScenarioYAMLTab)
			case strings.Contains(se.Message, "not allowed in this context"): //i18n:ok goccy's message, matched
				msg = i18n.M(i18n.ScenarioYAMLIndent, "Detail", se.Message)
			case strings.Contains(se.Message, "must be specified"): //i18n:ok goccy's message, matched
				msg = i18n.M(i18n.ScenarioYAMLOpen, "Detail", se.Message)
			}
			return nil, &Error{Pos: Pos{File: file, Line: se.Token.Position.Line, Col: se.Token.Position.Column}, Msg: msg}
		}
		return nil, &Error{Pos: Pos{File: file}, Msg: i18n.M(i18n.ScenarioYAMLSyntax, "Detail", firstLine(err.Error()))}
	}
	var docs []*ast.DocumentNode
	for _, d := range f.Docs {
		if d.Body != nil {
			docs = append(docs, d)
		}
	}
	switch {
	case len(docs) == 0:
		return nil, &Error{Pos: Pos{File: file}, Msg: i18n.M(i18n.ScenarioEmptyFile)}
	case len(docs) > 1:
		pos := at(file, docs[1].Body)
		if t := docs[1].Start; t != nil && t.Position != nil {
			pos = Pos{File: file, Line: t.Position.Line, Col: t.Position.Column}
		}
		return nil, &Error{Pos: pos, Msg: i18n.M(i18n.ScenarioTwoDocuments)}
	}
	return convert(file, docs[0].Body)
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func at(file string, n ast.Node) Pos {
	switch m := n.(type) {
	case *ast.MappingNode:
		if !m.IsFlowStyle && len(m.Values) > 0 {
			n = m.Values[0].Key // a block mapping starts at its first key (its token is the colon)
		}
	case *ast.MappingValueNode:
		n = m.Key
	}
	if t := n.GetToken(); t != nil && t.Position != nil {
		return Pos{File: file, Line: t.Position.Line, Col: t.Position.Column}
	}
	return Pos{File: file}
}

// convert turns goccy's AST into a node tree, refusing what a scenario has
// no use for (anchors, aliases, tags, merge keys) with a clear message.
func convert(file string, n ast.Node) (*node, error) {
	pos := at(file, n)
	switch n := n.(type) {
	case *ast.MappingNode:
		out := &node{kind: mappingNode, pos: pos}
		for _, mv := range n.Values {
			if err := addEntry(file, out, mv); err != nil {
				return nil, err
			}
		}
		return out, nil
	case *ast.MappingValueNode:
		out := &node{kind: mappingNode, pos: pos}
		return out, addEntry(file, out, n)
	case *ast.SequenceNode:
		out := &node{kind: sequenceNode, pos: pos}
		for _, v := range n.Values {
			item, err := convert(file, v)
			if err != nil {
				return nil, err
			}
			out.items = append(out.items, item)
		}
		return out, nil
	case *ast.NullNode:
		return &node{kind: nullNode, pos: pos}, nil
	case *ast.StringNode:
		return &node{kind: scalarNode, value: n.Value, pos: pos, text: true}, nil
	case *ast.LiteralNode:
		return &node{kind: scalarNode, value: n.Value.Value, pos: pos, text: true}, nil
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return &node{kind: scalarNode, value: n.GetToken().Value, pos: pos}, nil
	case *ast.AnchorNode, *ast.AliasNode:
		return nil, &Error{Pos: pos, Msg: i18n.M(i18n.ScenarioAnchors)}
	case *ast.TagNode:
		return nil, &Error{Pos: pos, Msg: i18n.M(i18n.ScenarioTags)}
	case *ast.CommentGroupNode, *ast.CommentNode:
		return &node{kind: nullNode, pos: pos}, nil
	}
	return nil, &Error{Pos: pos, Msg: i18n.M(i18n.ScenarioConstruct, "Type", n.Type())}
}

func addEntry(file string, m *node, mv *ast.MappingValueNode) error {
	if mv.Key.IsMergeKey() {
		return &Error{Pos: at(file, mv.Key), Msg: i18n.M(i18n.ScenarioMergeKeys)}
	}
	key := mv.Key.GetToken().Value
	if s, ok := mv.Key.(*ast.StringNode); ok {
		key = s.Value
	}
	for _, e := range m.entries {
		if e.key == key {
			return &Error{Pos: at(file, mv.Key), Msg: i18n.M(i18n.ScenarioKeyTwice, "Key", strconv.Quote(key), "Line", e.keyPos.Line)}
		}
	}
	v, err := convert(file, mv.Value)
	if err != nil {
		return err
	}
	m.entries = append(m.entries, &entry{key: key, keyPos: at(file, mv.Key), value: v})
	return nil
}

// get returns the value of key in a mapping, or nil.
func (n *node) get(key string) *node {
	if n == nil || n.kind != mappingNode {
		return nil
	}
	for _, e := range n.entries {
		if e.key == key {
			return e.value
		}
	}
	return nil
}

// lookup finds the node at a path like "apps.client.heartbeat.interval" or
// "links[1].latency", and returns the deepest node it reached: a path to a
// field the file does not set points at its closest ancestor.
func (n *node) lookup(path string) *node {
	cur := n
	for _, seg := range splitPath(path) {
		var next *node
		if i, err := strconv.Atoi(seg); err == nil && cur.kind == sequenceNode {
			if i >= 0 && i < len(cur.items) {
				next = cur.items[i]
			}
		} else if cur.kind == mappingNode {
			for _, e := range cur.entries {
				if e.key == seg {
					next = e.value
				}
			}
		} else if cur.kind == sequenceNode {
			next = cur.findLink(seg)
		}
		if next == nil {
			return cur
		}
		cur = next
	}
	return cur
}

// keyPos is where the last key of path is written (or where its closest
// ancestor is).
func (n *node) keyPos(path string) Pos {
	segs := splitPath(path)
	if len(segs) == 0 {
		return n.pos
	}
	parent := n.lookup(strings.Join(segs[:len(segs)-1], "."))
	for _, e := range parent.entries {
		if e.key == segs[len(segs)-1] {
			return e.keyPos
		}
	}
	return parent.pos
}

// findLink finds, in the links list, the one "a-b" names.
func (n *node) findLink(name string) *node {
	for _, item := range n.items {
		b := item.get("between")
		if b == nil || b.kind != sequenceNode || len(b.items) != 2 {
			continue
		}
		x, y := b.items[0].value, b.items[1].value
		if name == x+"-"+y || name == y+"-"+x {
			return item
		}
	}
	return nil
}

// splitPath splits "links[1].latency" into "links", "1", "latency".
func splitPath(path string) []string {
	var out []string
	for _, part := range strings.Split(path, ".") {
		for {
			i := strings.IndexByte(part, '[')
			if i < 0 {
				break
			}
			j := strings.IndexByte(part[i:], ']')
			if j < 0 {
				break
			}
			if i > 0 {
				out = append(out, part[:i])
			}
			out = append(out, part[i+1:i+j])
			part = part[i+j+1:]
		}
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}
