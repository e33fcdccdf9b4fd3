package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The check over the sources: no text for people is built outside the
// catalog. It reads every non-test .go file of the module (skipping
// testdata/ and hidden directories), except netsim/ (which speaks only in
// codes) and this package (the catalog itself), and reports
//
//  1. a string literal that reads as prose: it holds a Chinese character,
//     or at least two English words, a word being a field between white
//     space that, stripped of the punctuation around it (,.;:!?()[]{}"'`),
//     is two or more ASCII letters and not all capitals ("SYN",
//     "ESTABLISHED" are tokens, not words; "%s is gone: %s" is prose,
//     "tcp %s > %s" and "seq=%d" are not);
//
//  2. a call i18n.M(id, …), i18n.NewError(id, …) or lang.T(id, …) whose
//     argument names are not string literals, or differ from the
//     placeholders of the message id (this package's calls included).
//
// Not reported: import paths, struct tags, the argument of panic (a bug,
// for developers), and literals marked as exceptions: a comment (// or
// /* */) beginning "i18n:ok" on the literal's line or alone on the line
// above it, or in the doc comment of the declaration that holds it (the
// whole declaration is then exempt). The comment says why: `//i18n:ok a
// YAML key, not prose`.
//
// Files not yet moved to the catalog are listed in pending; the list only
// shrinks (an entry that matches no file with prose is reported, so it is
// removed).
func TestNoTextOutsideTheCatalog(t *testing.T) {
	root := moduleRoot(t)
	consts := idConstants(t, ".")
	pendingUsed := map[string]bool{}
	scanned := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || rel == "netsim") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") {
			return nil
		}
		scanned++
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		checkCalls(t, fset, f, rel, consts)
		if rel == "lab/i18n" || strings.HasPrefix(rel, "lab/i18n/") {
			return nil
		}
		prose := proseLiterals(fset, f)
		if p, ok := isPending(rel); ok {
			pendingUsed[p] = pendingUsed[p] || len(prose) > 0
		} else {
			for _, p := range prose {
				t.Errorf("%s:%d: text outside the catalog: %s (use an i18n message, or mark it //i18n:ok with a reason)", rel, p.line, p.text)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if scanned < 20 {
		t.Fatalf("only %d files scanned from %s: is the module root right?", scanned, root)
	}
	for _, p := range pending {
		if !pendingUsed[p] {
			t.Errorf("pending lists %s, but no file there has text outside the catalog: remove it", p)
		}
	}
}

// pending lists what is not yet moved to the catalog, relative to the
// module root: a file, a directory's whole tree ("ui/"), or a pattern of
// path.Match ("*.go": package main, being rewritten).
var pending = []string{}

// TestProse pins down what reads as prose.
func TestProse(t *testing.T) {
	for s, want := range map[string]bool{
		"%-9s %-8s %s is gone: %s":     true,
		"lost power. It sends nothing": true,
		"unknown field %q":             true,
		"断电":                           true,
		"tcp %s > %s":                  false,
		"seq=%d ack=%d":                false,
		"SYN|ACK":                      false,
		"ESTABLISHED SYN_SENT":         false,
		"host:port":                    false,
		"heartbeat_timeout":            false,
		"heartbeat":                    false,
		"%s (%s)":                      false,
		"application/json":             false,
		"q quit":                       false, // one word: single words are not caught
		"press q to quit":              true,
		"RST, ACK":                     false,
	} {
		if got := isProse(s); got != want {
			t.Errorf("isProse(%q) = %v, want %v", s, got, want)
		}
	}
}

// isPending reports the entry of pending that covers rel, if one does.
func isPending(rel string) (string, bool) {
	for _, p := range pending {
		if ok, _ := path.Match(p, rel); ok || strings.HasSuffix(p, "/") && strings.HasPrefix(rel, p) {
			return p, true
		}
	}
	return "", false
}

func isProse(s string) bool { return hasHan(s) || len(proseWords(s)) >= 2 }

// proseWords returns the words of s (see TestNoTextOutsideTheCatalog).
func proseWords(s string) []string {
	var words []string
	for _, field := range strings.Fields(s) {
		w := strings.Trim(field, ",.;:!?()[]{}\"'`")
		if len(w) < 2 || strings.ToUpper(w) == w {
			continue
		}
		if strings.IndexFunc(w, func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') }) < 0 {
			words = append(words, w)
		}
	}
	return words
}

type proseLiteral struct {
	line int
	text string
}

// proseLiterals finds the string literals of f that read as prose and are
// not exempt.
func proseLiterals(fset *token.FileSet, f *ast.File) []proseLiteral {
	marked := map[int]bool{} // lines a marker exempts
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if isMarker(c.Text) {
				line := fset.Position(c.Slash).Line
				marked[line], marked[line+1] = true, true
			}
		}
	}
	var found []proseLiteral
	tags := map[*ast.BasicLit]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ImportSpec:
			return false
		case *ast.Field:
			if n.Tag != nil {
				tags[n.Tag] = true
			}
		case *ast.FuncDecl:
			return !hasMarker(n.Doc)
		case *ast.GenDecl:
			return !hasMarker(n.Doc)
		case *ast.CallExpr:
			if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return false
			}
		case *ast.BasicLit:
			if n.Kind != token.STRING || tags[n] {
				return false
			}
			line := fset.Position(n.Pos()).Line
			s, err := strconv.Unquote(n.Value)
			if err != nil || marked[line] || !isProse(s) {
				return false
			}
			found = append(found, proseLiteral{line, n.Value})
		}
		return true
	})
	return found
}

func hasMarker(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	for _, c := range doc.List {
		if isMarker(c.Text) {
			return true
		}
	}
	return false
}

// isMarker reports whether a comment (// or /* */) begins "i18n:ok".
func isMarker(comment string) bool {
	text := strings.TrimPrefix(strings.TrimPrefix(comment, "//"), "/*")
	return strings.HasPrefix(strings.TrimSpace(text), "i18n:ok")
}

// checkCalls compares the argument names of every call that makes a
// message with the placeholders of its message.
func checkCalls(t *testing.T, fset *token.FileSet, f *ast.File, rel string, consts map[string]ID) {
	t.Helper()
	inPackage := strings.HasPrefix(rel, "lab/i18n/")
	local := "" // the name this file imports lab/i18n under
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == "github.com/socklab/socklab/lab/i18n" {
			local = "i18n"
			if imp.Name != nil {
				local = imp.Name.Name
			}
		}
	}
	if local == "" && !inPackage {
		return
	}
	// idOf resolves an argument naming an ID constant (i18n.NarratePowerOff,
	// or NarratePowerOff inside this package).
	idOf := func(e ast.Expr) (ID, bool) {
		switch e := e.(type) {
		case *ast.SelectorExpr:
			if x, ok := e.X.(*ast.Ident); ok && x.Name == local {
				id, ok := consts[e.Sel.Name]
				return id, ok
			}
		case *ast.Ident:
			if inPackage {
				id, ok := consts[e.Name]
				return id, ok
			}
		}
		return "", false
	}
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		var fn string
		switch fun := call.Fun.(type) {
		case *ast.SelectorExpr:
			fn = fun.Sel.Name
		case *ast.Ident:
			fn = fun.Name
		}
		if fn != "M" && fn != "NewError" && fn != "T" {
			return true
		}
		id, ok := idOf(call.Args[0])
		if !ok {
			return true
		}
		pos := fset.Position(call.Pos())
		where := rel + ":" + strconv.Itoa(pos.Line)
		if call.Ellipsis.IsValid() {
			return true // arguments passed on from elsewhere: checked where they are made
		}
		var names []string
		for i := 1; i < len(call.Args); i += 2 {
			lit, ok := call.Args[i].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: %s(%s, …): argument names must be string literals", where, fn, id)
				return true
			}
			name, _ := strconv.Unquote(lit.Value)
			names = append(names, name)
		}
		slices.Sort(names)
		e := catalog[id]
		want := placeholders(t, id, e.En+e.EnOne+e.Zh)
		if !slices.Equal(names, want) {
			t.Errorf("%s: %s(%s, …) passes %v; the message uses %v", where, fn, id, names, want)
		}
		return true
	})
}

// moduleRoot is the directory of go.mod above this package.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, _ := filepath.Abs(".")
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the package")
		}
		dir = parent
	}
}

// dynamicPrefixes are the IDs made from a name at run time rather than
// named in the code: ID("timer." + kind), and the descriptions of
// netsim's names, whose tables hold them as codes (ID(cause.Doc())). Their
// own tests (lab's TestEveryTimerHasALabel, TestNamesAreDocumented) check
// that every name finds its message.
var dynamicPrefixes = []string{"timer.", "doc."}

// TestEveryMessageIsUsed keeps the catalog to what is said: every ID
// constant is named somewhere in the module's non-test code (as i18n.Name,
// or inside this package outside the catalog's own tables, cat_*.go), or
// is one of dynamicPrefixes. A message
// nobody shows is a translation nobody checks.
func TestEveryMessageIsUsed(t *testing.T) {
	root := moduleRoot(t)
	consts := idConstants(t, ".")
	used := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") {
			return nil
		}
		inPackage := strings.HasPrefix(rel, "lab/i18n/")
		if inPackage && strings.HasPrefix(d.Name(), "cat_") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok && x.Name == "i18n" {
					used[n.Sel.Name] = true
				}
			case *ast.Ident:
				if inPackage {
					used[n.Name] = true
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, id := range consts {
		if used[name] || slices.ContainsFunc(dynamicPrefixes, func(p string) bool { return strings.HasPrefix(string(id), p) }) {
			continue
		}
		t.Errorf("%s (%q) is in the catalog but nothing says it: use it or remove it", name, id)
	}
}
