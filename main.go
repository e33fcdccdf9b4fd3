// Command socklab is a terminal lab that makes the behaviour of socket
// connections visible: a deterministic network simulator, scenario scripts
// and a live interface. See README.md and docs/cli.md.
//
//	socklab                      the scenario picker, then the lab
//	socklab play SCENARIO        the lab on a scenario
//	socklab run SCENARIO         headless: the timeline, expectations, summary
//	socklab replay FILE          a recording in the lab, with a timeline to seek
//	socklab list                 the built-in scenarios
//	socklab export SCENARIO --pcap FILE   the packets, for Wireshark
//	socklab man                  the manual page
//	socklab completion SHELL     shell completion
//
// Exit codes: 0 ran and every expectation held; 1 an expectation failed;
// 2 bad input (unknown scenario, invalid file, bad flag) or trouble (an
// output that cannot be written, a terminal the interface cannot use),
// with one line on standard error.
//
// The command line is spf13/cobra's, styled by charmbracelet/fang. Each
// command is built by a constructor in its own file (list_cmd.go,
// run_cmd.go, …) from the language it speaks; root_cmd.go puts them
// together, and adding a command is one file and one line there. Nothing
// is package-level: run builds the whole tree for each invocation, which
// is how the tests call it.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"

	"github.com/charmbracelet/fang"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
)

func main() {
	if os.Getenv("GOGC") == "" {
		tuneGC()
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Unless the environment sets GOGC, socklab sets it after each collection
// from the heap left live: socklab's heap is nearly all the state of a run
// (connections, timers, the apps' own), which lives to its end, and a run
// allocates little per event. Go's default of 100 lets the heap grow to
// twice that state before it collects: right for a small run, whose
// collections it keeps few (a run of 10,000 clients spent 9 % of its CPU
// collecting at 25), but 1.3 GB for 100,000 clients, whose state is
// 650 MB. So the heap may grow by gcHeadroom beyond what is live, between
// gcMinPercent and gcMaxPercent of it: 100 up to 100 MB of state, 25 from
// 400 MB on (100,000 clients fit in 1 GB).
const (
	gcHeadroom   = 100 << 20
	gcMinPercent = 25
	gcMaxPercent = 100
)

// gcPercentFor is GOGC for a live heap of live bytes.
func gcPercentFor(live uint64) int {
	if live == 0 {
		return gcMaxPercent
	}
	return int(min(max(gcHeadroom*100/live, gcMinPercent), gcMaxPercent))
}

// gcTuner sets GOGC from its finalizer, which the collector runs after
// each collection (the tuner is unreachable, and the finalizer sets itself
// again).
type gcTuner struct {
	percent int
	live    uint64 // the live heap at the last collection
}

func tuneGC() { runtime.SetFinalizer(&gcTuner{percent: gcMaxPercent}, (*gcTuner).tune) }

func (t *gcTuner) tune() {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	t.live = live[0].Value.Uint64()
	if p := gcPercentFor(t.live); p != t.percent {
		t.percent = p
		debug.SetGCPercent(p)
	}
	runtime.SetFinalizer(t, (*gcTuner).tune)
}

// run is socklab given args, writing to stdout and stderr; it returns the
// exit code.
func run(args []string, stdout, stderr io.Writer) int {
	lang := langOf(args, os.Getenv)
	root := newRootCmd(lang)
	root.SetArgs(goStyleFlags(root, args))
	root.SetIn(os.Stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := fang.Execute(context.Background(), root,
		fang.WithVersion(root.Version),
		fang.WithoutManpage(), // man_cmd.go writes a fuller page, to the command's output
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) {
			if msg := i18n.ErrorText(err, lang); msg != "" {
				fmt.Fprintln(w, "socklab: "+oneLine(scenarios.Printable(msg)))
			}
		}),
	)
	return exitCode(err)
}

// The exit codes of the contract.
const (
	exitOK          = 0   // ran, and every expectation held
	exitFailed      = 1   // ran, and an expectation failed
	exitBadInput    = 2   // bad input or trouble, said on one line of standard error
	exitInterrupted = 130 // stopped by Ctrl-C (128 + SIGINT, as shells report it), after what was judged so far
)

// exitError ends socklab with its code and adds nothing to what the
// output has said (gum's internal/exit). Any other error is bad input or
// trouble: exit 2, its text on standard error.
type exitError int

func (exitError) Error() string { return "" }

// errFailed is a run in which an expectation failed.
const errFailed = exitError(exitFailed)

// codedError is an error with its own exit code: its text goes to
// standard error as any error's does.
type codedError struct {
	error
	code int
}

func (e codedError) Unwrap() error { return e.error }

// exitCode is the exit code for err.
func exitCode(err error) int {
	var (
		ee exitError
		ce codedError
	)
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		return int(ee)
	case errors.As(err, &ce):
		return ce.code
	}
	return exitBadInput
}

// oneLine folds a message onto one line (Printable has escaped the line
// breaks and controls of what the user wrote: what is left are a
// library's).
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
