package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// readmeSweep is the sweep README.md shows: its command line and output.
var readmeSweep = regexp.MustCompile("(?s)```\n\\$ (socklab sweep [^\n]*)\n(.*?)```")

// The sweep in README.md and README.zh.md is the command's output, byte
// for byte, and its picture (docs/sweep-heartbeat.svg, .zh.svg) the plot
// the command draws: neither can go stale.
func TestReadmeSweep(t *testing.T) {
	for _, name := range []string{"README.md", "README.zh.md"} {
		t.Run(name, func(t *testing.T) { checkReadmeSweep(t, name) })
	}
}

func checkReadmeSweep(t *testing.T, name string) {
	readme, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	m := readmeSweep.FindSubmatch(readme)
	if m == nil {
		t.Fatalf("%s shows no sweep", name)
	}
	args := strings.Fields(string(m[1]))[1:]
	picture := ""
	for i, a := range args {
		if a == "--plot" && i+1 < len(args) {
			picture, args[i+1] = args[i+1], filepath.Join(t.TempDir(), "sweep.svg")
		}
	}
	if picture == "" {
		t.Fatalf("%s's sweep draws no picture (--plot)", name)
	}
	var stdout, stderr bytes.Buffer
	if !slices.Contains(args, "--lang") {
		args = append(args, "--lang", "en")
	}
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("%s: exit %d: %s", m[1], code, stderr.String())
	}
	if !bytes.Equal(stdout.Bytes(), m[2]) {
		t.Errorf("%s shows\n%s\nthe command prints\n%s", name, m[2], stdout.Bytes())
	}
	want, err := os.ReadFile(picture)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(args[slices.Index(args, "--plot")+1])
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not the plot the command draws: run %s", picture, m[1])
	}
}

// sweepDoc is the sweep docs/sweep.md opens with: its command (over two
// lines) and the first rows of its table, cut with "…".
var sweepDoc = regexp.MustCompile("(?s)```sh\n(socklab sweep [^`]*?)\n```\n\n```\n(.*?)…\n```")

// The first rows docs/sweep.md shows are the command's, byte for byte.
func TestSweepDocRows(t *testing.T) {
	doc, err := os.ReadFile("docs/sweep.md")
	if err != nil {
		t.Fatal(err)
	}
	m := sweepDoc.FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/sweep.md opens with no sweep and its rows")
	}
	args := strings.Fields(strings.ReplaceAll(string(m[1]), "\\\n", " "))[1:]
	for _, flag := range []string{"--csv", "--plot"} { // files: left out
		if i := slices.Index(args, flag); i >= 0 {
			args = slices.Delete(args, i, i+2)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run(append(args, "--lang", "en"), &stdout, &stderr); code != 0 {
		t.Fatalf("%s: exit %d: %s", m[1], code, stderr.String())
	}
	if !bytes.HasPrefix(stdout.Bytes(), m[2]) {
		t.Errorf("docs/sweep.md shows\n%s\nthe command prints\n%s", m[2], stdout.Bytes())
	}
}
