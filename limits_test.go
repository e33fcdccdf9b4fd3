package main

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// self is this test binary run as socklab (TestMain's SOCKLAB_AS_MAIN),
// with args.
func self(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "SOCKLAB_AS_MAIN=1")
	return cmd
}

// exitOf is a finished command's exit code.
func exitOf(t *testing.T, err error) int {
	t.Helper()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitCode()
	}
	t.Fatal(err)
	return -1
}

// The interface needs a terminal, and /dev/null is a character device but
// not a terminal: with it as standard input and output, each command that
// opens the interface says what to run instead (exit 2), rather than
// failing to open a TTY.
func TestNoTerminalOnDevNull(t *testing.T) {
	rec := filepath.Join(t.TempDir(), "run.json")
	if code, _, errOut := cli(t, "run", "handshake", "--quiet", "--record", rec); code != 0 {
		t.Fatalf("run --record: exit %d: %s", code, errOut)
	}
	null, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "socklab: no terminal for the interface; use `socklab run SCENARIO` to run headless (socklab list shows the scenarios)\n"},
		{[]string{"play", "handshake"}, "socklab: play needs a terminal; use `socklab run handshake` to run headless\n"},
		{[]string{"replay", rec}, "socklab: replay needs a terminal; use `socklab export " + rec + " --jsonl events.jsonl` for its event stream\n"},
	} {
		cmd := self(tc.args...)
		var errOut bytes.Buffer
		cmd.Stdin, cmd.Stdout, cmd.Stderr = null, null, &errOut
		code := exitOf(t, cmd.Run())
		if code != 2 || errOut.String() != tc.want {
			t.Errorf("socklab %s: exit %d, stderr %q; want exit 2, %q", strings.Join(tc.args, " "), code, errOut.String(), tc.want)
		}
	}
}

// Ctrl-C stops a headless run between two steps: what was judged so far
// and a summary at the time it stopped are on standard output, one line
// on standard error says it was interrupted, and the exit code is 130 (as
// a shell reports a command SIGINT ended).
func TestInterruptStopsARunCleanly(t *testing.T) {
	cmd := self("run", "bench-pingpong", "--set", "apps.clients.count=2000", "--until", "1h")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	lines.Buffer(nil, 1<<20)
	var last string
	for n := 0; lines.Scan(); n++ {
		last = lines.Text()
		if n == 10000 { // well into the run: interrupt it
			if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
		}
	}
	code := exitOf(t, cmd.Wait())
	if code != 130 {
		t.Errorf("exit %d, want 130 (stderr %q)", code, errOut.String())
	}
	if want := "socklab: interrupted: the run stopped where Ctrl-C found it, after the expectations judged so far\n"; errOut.String() != want {
		t.Errorf("stderr %q, want %q", errOut.String(), want)
	}
	if !strings.Contains(last, "summary") || strings.HasPrefix(last, "01:00:00") {
		t.Errorf("the last line is not a summary before the end: %q", last)
	}
}
