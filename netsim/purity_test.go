package netsim_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The core (netsim and lab) must be deterministic: no goroutines, no
// channels, no wall clock, no global random source, no I/O. This test reads
// their sources and fails on any of these.
func TestCoreIsPure(t *testing.T) {
	forbiddenImports := map[string]string{
		"math/rand":   "the global random source (use Sim.Rand)",
		"os":          "I/O",
		"io/ioutil":   "I/O",
		"net":         "real sockets (net/netip is fine)",
		"net/http":    "I/O",
		"syscall":     "I/O",
		"sync":        "concurrency",
		"sync/atomic": "concurrency",
		"runtime":     "the scheduler",
		"unsafe":      "unsafe memory",
		"log":         "I/O",
		"fmt":         "", // allowed, but Print* are not: checked below
	}
	wallClock := map[string]bool{
		"Now": true, "Since": true, "Until": true, "Sleep": true, "After": true,
		"AfterFunc": true, "Tick": true, "NewTicker": true, "NewTimer": true,
	}
	globalRand := map[string]bool{ // math/rand/v2 functions drawing from the global source
		"Int": true, "IntN": true, "Int32": true, "Int32N": true, "Int64": true, "Int64N": true,
		"Uint32": true, "Uint32N": true, "Uint64": true, "Uint64N": true, "UintN": true, "Uint": true,
		"Float32": true, "Float64": true, "Perm": true, "Shuffle": true, "N": true,
		"ExpFloat64": true, "NormFloat64": true,
	}
	checked := 0
	for _, dir := range coreDirs(t) {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			checked++
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			names := map[string]string{} // local name -> import path
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if why, bad := forbiddenImports[p]; bad && why != "" {
					t.Errorf("%s imports %q: %s is not allowed in the core", path, p, why)
				}
				name := filepath.Base(p)
				if p == "math/rand/v2" {
					name = "rand"
				}
				if imp.Name != nil {
					name = imp.Name.Name
				}
				names[name] = p
			}
			ast.Inspect(f, func(n ast.Node) bool {
				pos := func() string { return fset.Position(n.Pos()).String() }
				switch n := n.(type) {
				case *ast.GoStmt:
					t.Errorf("%s: a goroutine in the core", pos())
				case *ast.ChanType:
					t.Errorf("%s: a channel in the core", pos())
				case *ast.SelectStmt:
					t.Errorf("%s: a select in the core", pos())
				case *ast.SelectorExpr:
					pkg, ok := n.X.(*ast.Ident)
					if !ok {
						break
					}
					switch names[pkg.Name] {
					case "time":
						if wallClock[n.Sel.Name] {
							t.Errorf("%s: time.%s reads or waits on the wall clock", pos(), n.Sel.Name)
						}
					case "math/rand/v2":
						if globalRand[n.Sel.Name] {
							t.Errorf("%s: rand.%s draws from the global source (use Sim.Rand)", pos(), n.Sel.Name)
						}
					case "fmt":
						if strings.HasPrefix(n.Sel.Name, "Print") || strings.HasPrefix(n.Sel.Name, "Fprint") || n.Sel.Name == "Scan" {
							t.Errorf("%s: fmt.%s does I/O", pos(), n.Sel.Name)
						}
					}
				}
				return true
			})
		}
	}
	if checked == 0 {
		t.Fatal("no source files found to check")
	}
}

// coreDirs is every directory of the core's packages: netsim and lab and
// their sub-packages (what lies under testdata is no package), so that a
// package added under either is held to the same rules.
func coreDirs(t *testing.T) []string {
	var dirs []string
	for _, root := range []string{".", "../lab"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return err
			case d.IsDir() && d.Name() == "testdata":
				return filepath.SkipDir
			case d.IsDir():
				dirs = append(dirs, path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dirs
}
