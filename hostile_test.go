package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/cockroachdb/datadriven"
)

// TestHostile runs the hostile corpus (testdata/hostile/cases.txt): each
// case is a command line that gives socklab bad input — a broken scenario
// or recording, a file that is not one, a flag out of range, a run beyond
// the work budget, no terminal — run by bash as a separate process, as a
// person would, with standard input from /dev/null. Each must exit 2 with
// one line on standard error and nothing on standard output, and the line
// is held to the file (`go test . -run Hostile -rewrite` regenerates it).
// Every file of the corpus must have its case. .ci/hostile.sh runs the
// same lines through the built binary under memory and time limits.
//
// The corpus's "not a file" cases read $FIFO: a named pipe with no writer,
// made for the run (git keeps no FIFO) in a directory of the test's own,
// so that a .ci/hostile.sh running in the same tree meanwhile (it makes
// its own) can neither remove it nor be left without one. Standard error
// names it $FIFO in the file.
func TestHostile(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	seen := map[string]bool{}
	cases := 0
	datadriven.RunTest(t, "testdata/hostile/cases.txt", func(t *testing.T, d *datadriven.TestData) string {
		if d.Cmd != "sh" {
			d.Fatalf(t, "a case is sh and a command line, not %q", d.Cmd)
		}
		line := strings.TrimSpace(d.Input)
		args, ok := strings.CutPrefix(line, "socklab")
		if !ok || strings.Contains(line, "\n") {
			d.Fatalf(t, "a case is one command line starting with socklab: %q", line)
		}
		cases++
		for _, f := range strings.Fields(args) {
			seen[f] = true
		}
		cmd := exec.Command("bash", "-c", `exec "$SOCKLAB"`+args)
		// LC_CTYPE: bash reads $'\u202e' as the character only in a UTF-8
		// locale (socklab's language comes from LC_ALL, LC_MESSAGES, LANG).
		cmd.Env = append(os.Environ(), "SOCKLAB_AS_MAIN=1", "SOCKLAB="+os.Args[0], "LC_CTYPE=C.UTF-8", "FIFO="+fifo)
		var out, errOut bytes.Buffer
		cmd.Stdin, cmd.Stdout, cmd.Stderr = null, &out, &errOut
		code := exitOf(t, cmd.Run())
		if code != 2 || out.Len() != 0 || strings.Count(errOut.String(), "\n") != 1 || !strings.HasSuffix(errOut.String(), "\n") {
			t.Errorf("%s: exit %d, %d bytes on standard output, standard error %q; want exit 2, nothing, one line", line, code, out.Len(), errOut.String())
		}
		return transcript(code, out.String(), strings.ReplaceAll(errOut.String(), fifo, "$FIFO"))
	})
	if cases < 150 {
		t.Errorf("the corpus has %d cases; it promises at least 150", cases)
	}
	for _, dir := range []string{"testdata/hostile/scenarios", "testdata/hostile/recordings"} {
		files, err := filepath.Glob(dir + "/*")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if !seen[f] {
				t.Errorf("%s has no case in testdata/hostile/cases.txt", f)
			}
		}
	}
}

// TestHostileReadsNoSharedFixture: a case reads the repository's files, or
// a path that is not there (and its answer says so), or a fixture its
// runner makes in a directory of its own ($FIFO). A fixture made at run
// time inside the tree is shared by every runner in it: TestHostile and a
// .ci/hostile.sh running at once took turns making and removing
// testdata/hostile/fifo, and a case of one found the other's gone.
func TestHostileReadsNoSharedFixture(t *testing.T) {
	data, err := os.ReadFile("testdata/hostile/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	saysMissing := func(answer string) bool {
		return strings.Contains(answer, "no such") || strings.Contains(answer, "there is no") || strings.Contains(answer, "not a directory")
	}
	var missing []string
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "socklab ") {
			missing = missing[:0]
			for _, f := range strings.Fields(line) {
				f = strings.Trim(f, `"'`)
				if !strings.HasPrefix(f, "testdata/") || strings.ContainsAny(f, "$\\") {
					continue
				}
				if _, err := os.Lstat(f); err != nil {
					missing = append(missing, f)
				}
			}
		}
		if answer, ok := strings.CutPrefix(line, "stderr: "); ok && len(missing) > 0 && !saysMissing(answer) {
			t.Errorf("a case reads %s, which is not in the repository, and its answer does not say so: %s", strings.Join(missing, ", "), answer)
		}
	}
}
