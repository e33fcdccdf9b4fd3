package scenarios

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/socklab/socklab/lab/i18n"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/broken and testdata/broken-set")

// TestBrokenBases checks that the scenarios the broken files are made from
// are valid, so that each broken file is broken for the one reason it
// states in its first line.
func TestBrokenBases(t *testing.T) {
	for _, path := range []string{"testdata/valid.yaml", "testdata/valid-firewall.yaml"} {
		if _, err := Load(path); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
}

// TestBroken loads every file of testdata/broken, each with one problem,
// and compares the error with NAME.golden: one line, file:line:column:
// path: what is wrong. `go test ./scenarios -run Broken -update` rewrites
// the golden files.
func TestBroken(t *testing.T) {
	files, err := filepath.Glob("testdata/broken/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 25 {
		t.Fatalf("only %d broken files in testdata/broken", len(files))
	}
	seen := map[string]bool{}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			_, err := Load(path)
			checkGolden(t, "testdata/broken/"+name+".golden", path, err)
		})
	}
	checkStale(t, "testdata/broken", seen)
}

// brokenSets are valid files with a --set flag that is malformed, names
// an unknown key or gives a bad value.
var brokenSets = []struct {
	name string
	file string
	sets []string
}{
	{"malformed", "valid.yaml", []string{"apps.client.heartbeat.interval"}},
	{"empty-path", "valid.yaml", []string{"=10s"}},
	{"unknown-key", "valid.yaml", []string{"apps.client.heartbeat.intervl=5s"}},
	{"unknown-app", "valid.yaml", []string{"apps.laptop.port=80"}},
	{"bad-duration", "valid.yaml", []string{"apps.client.heartbeat.interval=fast"}},
	{"negative-duration", "valid.yaml", []string{"apps.client.heartbeat.interval=-5s"}},
	{"empty-value", "valid.yaml", []string{"apps.client.heartbeat.interval="}},
	{"port-range", "valid.yaml", []string{"apps.client.port=65536"}},
	{"count-float", "valid.yaml", []string{"apps.client.count=1.5"}},
	{"link-loss", "valid.yaml", []string{"links.client-server.loss=2"}},
	{"unknown-link", "valid.yaml", []string{"links.client-router.loss=0.1"}},
	{"index-range", "valid.yaml", []string{"timeline[3].at=1m"}},
	{"through-value", "valid.yaml", []string{"title.text=x"}},
	{"section", "valid.yaml", []string{"apps.client=5"}},
	{"timeline-after-duration", "valid.yaml", []string{"timeline[0].at=10m"}},
	{"idle-timeout-zero", "valid-firewall.yaml", []string{"middleboxes.fw.idle_timeout=0s"}},
	{"second-of-two", "valid.yaml", []string{"apps.client.heartbeat.interval=5s", "apps.server.kind=proxy"}},
}

// TestBrokenSet applies each bad --set to a valid file and compares the
// error with testdata/broken-set/NAME.golden: it names the flag.
func TestBrokenSet(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range brokenSets {
		seen[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			_, err := Load("testdata/"+c.file, c.sets...)
			checkGolden(t, "testdata/broken-set/"+c.name+".golden", "--set "+c.sets[len(c.sets)-1], err)
		})
	}
	checkStale(t, "testdata/broken-set", seen)
}

// checkGolden checks that err is one line starting with prefix (the file,
// or the --set flag) and equals the golden file's, or rewrites it; the
// same in Chinese against NAME.zh.golden, which must name the same place
// and field and explain in Chinese.
func checkGolden(t *testing.T, golden, prefix string, err error) {
	t.Helper()
	if err == nil {
		t.Fatalf("loads without error; it must fail")
	}
	for _, l := range i18n.Langs {
		msg, file := i18n.ErrorText(err, l), golden
		if l != i18n.English {
			file = strings.TrimSuffix(golden, ".golden") + "." + l.String() + ".golden"
			checkPlace(t, err, msg)
		}
		if strings.ContainsAny(msg, "\r\n") {
			t.Errorf("the error spans more than one line:\n%s", msg)
		}
		if !strings.HasPrefix(msg, prefix) {
			t.Errorf("the error does not start with %q:\n%s", prefix, msg)
		}
		compareGolden(t, file, msg)
	}
}

// checkPlace checks that a translated error names the same place and
// field as the English one, and explains in Chinese.
func checkPlace(t *testing.T, err error, msg string) {
	t.Helper()
	var se *Error
	if !errors.As(err, &se) {
		return
	}
	place := se.Pos.String() + ": "
	if se.Path != "" {
		place += se.Path + ": "
	}
	if !strings.HasPrefix(msg, place) || !strings.HasPrefix(err.Error(), place) {
		t.Errorf("the place and field %q differ between languages:\n%s\n%s", place, err.Error(), msg)
	}
	if !strings.ContainsFunc(strings.TrimPrefix(msg, place), func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		t.Errorf("the explanation is not in Chinese: %s", msg)
	}
}

// compareGolden compares msg with a golden file, or rewrites it.
func compareGolden(t *testing.T, golden, msg string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(msg+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, rerr := os.ReadFile(golden)
	if errors.Is(rerr, fs.ErrNotExist) {
		t.Fatalf("no %s (run go test ./scenarios -run Broken -update); the error is:\n%s", golden, msg)
	} else if rerr != nil {
		t.Fatal(rerr)
	}
	if got := msg + "\n"; got != string(want) {
		t.Errorf("the error changed (go test ./scenarios -run Broken -update to accept it):\n got: %s want: %s", got, want)
	}
}

// checkStale fails on (or, with -update, removes) a golden file whose case
// is gone.
func checkStale(t *testing.T, dir string, seen map[string]bool) {
	t.Helper()
	goldens, err := filepath.Glob(filepath.Join(dir, "*.golden"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range goldens {
		name := strings.TrimSuffix(filepath.Base(g), ".golden")
		if seen[name] || seen[strings.TrimSuffix(name, ".zh")] {
			continue
		}
		if *update {
			if err := os.Remove(g); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("%s has no case: remove it, or run with -update", g)
	}
}
