package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template"
	"text/template/parse"
	"unicode"
)

// TestEveryMessageInBothLanguages fails when a message exists in one
// language only, when its languages use different placeholders, when its
// Chinese is English in disguise, or when it does not render.
func TestEveryMessageInBothLanguages(t *testing.T) {
	if len(catalog) == 0 {
		t.Fatal("the catalog is empty")
	}
	for _, id := range sortedIDs() {
		e := catalog[id]
		if strings.TrimSpace(e.En) == "" {
			t.Errorf("%s has no English", id)
		}
		if strings.TrimSpace(e.Zh) == "" {
			t.Errorf("%s has no Chinese", id)
		}
		want := placeholders(t, id, e.En)
		if e.EnOne != "" {
			if got := placeholders(t, id, e.EnOne); !slices.Equal(got, want) {
				t.Errorf("%s: English singular uses %v, plural %v", id, got, want)
			}
			if !slices.Contains(want, "Count") {
				t.Errorf("%s has a singular form but no {{.Count}} to choose it", id)
			}
		}
		if got := placeholders(t, id, e.Zh); !slices.Equal(got, want) {
			t.Errorf("%s: Chinese uses placeholders %v, English %v", id, got, want)
		}
		if !hasHan(e.Zh) && len(proseWords(stripActions(e.Zh))) > 0 {
			t.Errorf("%s: the Chinese text is English: %q", id, e.Zh)
		}
		args := make([]any, 0, 2*len(want))
		for _, name := range want {
			args = append(args, name, 2)
		}
		for _, l := range Langs {
			if got := M(id, args...).In(l); got == "" || strings.Contains(got, "<no value>") || got == "["+string(id)+"]" {
				t.Errorf("%s does not render in %v: %q", id, l, got)
			}
		}
	}
}

// TestChineseTypography keeps the Chinese consistent: full-width
// punctuation next to Chinese characters, and a space between a Chinese
// character and a Latin letter or a digit written in the text (as Chinese
// technical writing does: "2 小时", "保活 SO_KEEPALIVE").
func TestChineseTypography(t *testing.T) {
	for _, id := range sortedIDs() {
		zh := []rune(stripActions(catalog[id].Zh))
		for i := 1; i < len(zh); i++ {
			a, b := zh[i-1], zh[i]
			switch {
			case isHan(a) && strings.ContainsRune(",;:!?()", b), isHan(b) && strings.ContainsRune(",;:!?()", a):
				t.Errorf("%s: ASCII punctuation %q next to Chinese in %q: use full-width (，；：！？（）)", id, string([]rune{a, b}), catalog[id].Zh)
			case isHan(a) && isLatin(b), isLatin(a) && isHan(b):
				t.Errorf("%s: no space between %q in %q", id, string([]rune{a, b}), catalog[id].Zh)
			}
		}
	}
}

// TestEveryIDIsDeclaredOnce: each message has one identity, an ID
// constant of this package, and each constant is in the catalog.
func TestEveryIDIsDeclaredOnce(t *testing.T) {
	consts := idConstants(t, ".")
	values := map[ID]string{}
	for name, id := range consts {
		if other, dup := values[id]; dup {
			t.Errorf("%s and %s are both %q", name, other, id)
		}
		values[id] = name
		if _, ok := catalog[id]; !ok {
			t.Errorf("%s (%q) is not in the catalog", name, id)
		}
	}
	for id := range catalog {
		if _, ok := values[id]; !ok {
			t.Errorf("catalog entry %q has no ID constant", id)
		}
	}
}

func sortedIDs() []ID {
	ids := make([]ID, 0, len(catalog))
	for id := range catalog {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// placeholders lists the fields a message text uses ({{.Host}} → Host),
// sorted, without repeats.
func placeholders(t *testing.T, id ID, text string) []string {
	t.Helper()
	tmpl, err := template.New(string(id)).Parse(text)
	if err != nil {
		t.Errorf("%s: %v", id, err)
		return nil
	}
	var names []string
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			for _, c := range n.Cmds {
				walk(c)
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.FieldNode:
			names = append(names, n.Ident[0])
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		}
	}
	walk(tmpl.Tree.Root)
	slices.Sort(names)
	return slices.Compact(names)
}

// stripActions removes the {{…}} of a template, leaving its own text.
func stripActions(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			return b.String() + s
		}
		b.WriteString(s[:i])
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			return b.String()
		}
		s = s[i+j+2:]
	}
}

func isHan(r rune) bool   { return unicode.Is(unicode.Han, r) }
func isLatin(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

func hasHan(s string) bool { return strings.IndexFunc(s, isHan) >= 0 }

// idConstants reads the ID constants declared in the non-test Go files of
// dir: name → value.
func idConstants(t *testing.T, dir string) map[string]ID {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	consts := map[string]ID{}
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				if typ, ok := vs.Type.(*ast.Ident); !ok || typ.Name != "ID" {
					continue
				}
				for i, name := range vs.Names {
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok {
						t.Errorf("%s: ID %s must be a string literal", path, name.Name)
						continue
					}
					v, _ := strconv.Unquote(lit.Value)
					consts[name.Name] = ID(v)
				}
			}
		}
	}
	if len(consts) == 0 {
		t.Fatal("no ID constants found")
	}
	return consts
}
