package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
)

// cli runs the command line in process.
func cli(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// list names the lessons, one a line, name then title; --all adds the
// built-ins that are not lessons (the benchmark) after them. Both run by
// name.
func TestList(t *testing.T) {
	line := func(s scenarios.Info) string { return s.Name + " " }
	_, lessons, _ := cli(t, "list")
	code, all, _ := cli(t, "list", "--all")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var want []string
	for _, s := range scenarios.List() {
		if !strings.Contains(all, s.Name) || !strings.Contains(all, s.Title.In(i18n.English)) {
			t.Errorf("list --all lacks %s (%s):\n%s", s.Name, s.Title.In(i18n.English), all)
		}
		if s.Lesson > 0 {
			want = append(want, line(s))
		}
		if listed := strings.Contains(lessons, line(s)); listed != (s.Lesson > 0) {
			t.Errorf("list shows %s: %v, want %v (lesson %d)", s.Name, listed, s.Lesson > 0, s.Lesson)
		}
	}
	if n := strings.Count(lessons, "\n"); n != len(want) {
		t.Errorf("list has %d lines, want one for each of the %d lessons", n, len(want))
	}
	if !strings.HasPrefix(all, lessons) || !strings.HasPrefix(strings.TrimPrefix(all, lessons), "bench-pingpong ") {
		t.Errorf("list --all: want the lessons, then bench-pingpong; got\n%s", all)
	}
}

// writeScenario writes a scenario file for a test.
func writeScenario(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lesson.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const tiny = `title: a client and a server
duration: 1m
hosts:
  server: {ip: 10.0.0.1}
  client: {ip: 10.0.0.2}
links:
  - {between: [client, server], latency: 5ms}
apps:
  server: {kind: server, host: server, port: 80}
  client: {kind: client, host: client, connect: server, port: 80}
expect:
  - state: {host: server, state: %s, at: 30s}
`

func TestExitCodes(t *testing.T) {
	pass := writeScenario(t, strings.Replace(tiny, "%s", "ESTABLISHED", 1))
	fail := writeScenario(t, strings.Replace(tiny, "%s", "CLOSE_WAIT", 1))
	for _, tc := range []struct {
		name    string
		args    []string
		code    int
		stderr  string // a part of the one-line message
		summary bool
	}{
		{"expectations hold", []string{"run", pass, "--quiet"}, 0, "", true},
		{"an expectation fails", []string{"run", fail, "--quiet"}, 1, "", true},
		{"unknown scenario", []string{"run", "no-such-lesson"}, 2, "no-such-lesson: no such built-in scenario", false},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`, false},
		{"no scenario", []string{"run"}, 2, "name a scenario", false},
		{"bad --until", []string{"run", pass, "--until", "soon"}, 2, `--until: "soon" is not a duration`, false},
		{"negative --until", []string{"run", pass, "--until", "-5s"}, 2, "must be positive", false},
		{"bad --seed", []string{"run", pass, "--seed", "x"}, 2, `--seed: "x" is not a whole number`, false},
		{"bad --set value", []string{"run", pass, "--set", "apps.client.heartbeat.interval=often"}, 2,
			`--set apps.client.heartbeat.interval=often: apps.client.heartbeat.interval: must be a duration`, false},
		{"bad --set path", []string{"run", pass, "--set", "apps.client.hartbeat.interval=5s"}, 2, `did you mean "heartbeat"`, false},
		{"unknown flag", []string{"run", pass, "--colour"}, 2, "flag provided but not defined: -colour", false},
		{"no terminal", nil, 2, "use `socklab run SCENARIO`", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := cli(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, errOut)
			}
			if tc.stderr != "" && (!strings.Contains(errOut, tc.stderr) || strings.Count(errOut, "\n") != 1) {
				t.Errorf("stderr %q, want one line containing %q", errOut, tc.stderr)
			}
			if tc.stderr == "" && errOut != "" {
				t.Errorf("stderr %q, want nothing", errOut)
			}
			if tc.summary && (strings.Count(out, "\n") != 1 || !strings.Contains(out, "summary")) {
				t.Errorf("--quiet printed %q, want the summary line alone", out)
			}
		})
	}
}

// The same scenario twice, and with GOMAXPROCS 1 and 2, gives the same
// JSON, byte for byte.
func TestRunIsDeterministic(t *testing.T) {
	for _, name := range []string{"power-loss-heartbeat", "thundering-herd"} {
		var outs []string
		for _, procs := range []int{1, 2, 2} {
			prev := runtime.GOMAXPROCS(procs)
			_, out, errOut := cli(t, "run", name, "--json", "--until", "2m")
			runtime.GOMAXPROCS(prev)
			if errOut != "" {
				t.Fatal(errOut)
			}
			outs = append(outs, out)
		}
		if outs[0] != outs[1] || outs[1] != outs[2] || len(outs[0]) < 1000 {
			t.Errorf("%s: the runs differ (%d, %d, %d bytes)", name, len(outs[0]), len(outs[1]), len(outs[2]))
		}
	}
}

func TestSeedChangesTheRun(t *testing.T) {
	_, a, _ := cli(t, "run", "power-loss-heartbeat", "--json", "--seed", "1")
	_, b, _ := cli(t, "run", "power-loss-heartbeat", "--json", "--seed", "2")
	if a == b {
		t.Error("seeds 1 and 2 gave the same stream (initial sequence numbers and ports come from the seed)")
	}
}

// replay reads and checks the recording before it asks for a terminal:
// every way it can fail is exit 2 with one line.
func TestReplayExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "run.json")
	if code, _, errOut := cli(t, "run", "power-loss-heartbeat", "--quiet", "--record", good); code != 0 {
		t.Fatalf("run --record: exit %d (%s)", code, errOut)
	}
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(dir, "cut.json")
	if err := os.WriteFile(truncated, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	scenario := writeScenario(t, strings.Replace(tiny, "%s", "ESTABLISHED", 1))
	for _, tc := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no file", []string{"replay"}, "replay: name one recording file"},
		{"two files", []string{"replay", good, good}, "replay: name one recording file"},
		{"a flag of run", []string{"replay", "--seed", "2", good}, "replay: --set and --seed cannot change a recording"},
		{"an unknown flag", []string{"replay", "--colour", good}, "replay: flag provided but not defined: -colour"},
		{"missing file", []string{"replay", filepath.Join(dir, "nope.json")}, filepath.Join(dir, "nope.json") + ": no such file"},
		{"truncated", []string{"replay", truncated}, "the recording stops here, unfinished: the file was cut short"},
		{"a scenario, not a recording", []string{"replay", scenario}, scenario + ": not a socklab recording"},
		{"no terminal", []string{"replay", good}, "replay needs a terminal; use `socklab export " + good + " --jsonl events.jsonl`"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := cli(t, tc.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stderr %q)", code, errOut)
			}
			if !strings.Contains(errOut, tc.stderr) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("stderr %q, want one line containing %q", errOut, tc.stderr)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
		})
	}
}

// TestGCPercentFor: the heap may grow by 100 MB beyond what is live, at
// most Go's default of 100 %, at least 25 %.
func TestGCPercentFor(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 100}, {3 << 20, 100}, {45 << 20, 100}, {100 << 20, 100},
		{200 << 20, 50}, {300 << 20, 33}, {400 << 20, 25}, {650 << 20, 25}, {4 << 30, 25},
	} {
		if got := gcPercentFor(c.live); got != c.want {
			t.Errorf("live heap %d MB: GOGC %d, want %d", c.live>>20, got, c.want)
		}
	}
}
