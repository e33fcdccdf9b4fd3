package main

import (
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
)

// TestCLI runs the transcripts of testdata/cli: each case is a command line
// as a person types it, and what socklab answers — the exit code, standard
// output, and standard error (each line of it marked "stderr:"). The files
// read as the documentation of the command line's behaviour;
// `go test . -run CLI -rewrite` regenerates them.
func TestCLI(t *testing.T) {
	datadriven.Walk(t, "testdata/cli", func(t *testing.T, path string) {
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			if d.Cmd != "socklab" {
				d.Fatalf(t, "a case starts with socklab, not %q", d.Cmd)
			}
			var args []string
			for _, a := range d.CmdArgs {
				args = append(args, a.String())
			}
			code, out, errOut := cli(t, args...)
			return transcript(code, out, errOut)
		})
	})
}

// transcript renders what a command did: its exit code, its output, its
// errors.
func transcript(code int, stdout, stderr string) string {
	var b strings.Builder
	b.WriteString("exit ")
	b.WriteString(string(rune('0' + code)))
	b.WriteByte('\n')
	b.WriteString(stdout)
	for line := range strings.Lines(stderr) {
		b.WriteString("stderr: ")
		b.WriteString(line)
	}
	return b.String()
}
