// Command socklab is a terminal lab that makes the behaviour of socket
// connections visible: a deterministic network simulator, scenario scripts
// and a live interface. See README.md and CONTRACT.md.
//
//	socklab                      the scenario picker, then the lab
//	socklab play SCENARIO        the lab on a scenario
//	socklab run SCENARIO         headless: the timeline, expectations, summary
//	socklab replay FILE          a recording in the lab, with a timeline to seek
//	socklab list                 the built-in scenarios
//	socklab export SCENARIO --pcap FILE   the packets, for Wireshark
//
// Exit codes: 0 ran and every expectation held; 1 an expectation failed;
// 2 bad input (unknown scenario, invalid file, bad flag), with one message
// on standard error.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError is bad input: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func run(args []string, stdout, stderr io.Writer) int {
	code, err := dispatch(args, stdout, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "socklab: "+oneLine(err.Error()))
		var ue *usageError
		if errors.As(err, &ue) || code == 0 {
			return 2
		}
	}
	return code
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func dispatch(args []string, stdout, stderr io.Writer) (int, error) {
	if len(args) == 0 {
		if !isTerminal(os.Stdin) || !isTerminal(os.Stdout) {
			return 2, &usageError{"no terminal for the interface; use `socklab run SCENARIO` to run headless (socklab list shows the scenarios)"}
		}
		return 0, ui.Pick()
	}
	switch args[0] {
	case "list":
		return cmdList(args[1:], stdout)
	case "run":
		return cmdRun(args[1:], stdout)
	case "play":
		return cmdPlay(args[1:])
	case "replay":
		return cmdReplay(args[1:])
	case "export":
		return cmdExport(args[1:], stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0, nil
	}
	return 2, &usageError{fmt.Sprintf("unknown command %q (commands: list, run, play, replay, export; socklab help)", args[0])}
}

const usage = `socklab — a terminal lab that makes socket connections visible

  socklab                        open the scenario picker, then the lab
  socklab play SCENARIO [flags]  open the lab on a scenario
  socklab run SCENARIO [flags]   run headless: print the timeline, check expectations
                                 (--record FILE also writes a recording of the run)
  socklab replay FILE            replay a recording in the lab: seek, then branch live
  socklab list                   list the built-in scenarios
  socklab export SCENARIO --pcap FILE [--jsonl FILE] [--at HOST]
                                 write the packets one host sees as a pcap
                                 (Wireshark opens it), and the event stream

SCENARIO is a built-in name (socklab list) or a path to a scenario file.

Flags of run (and play, where they make sense):
  --seed N             override the scenario's seed
  --until DURATION     stop at this simulated time (90s, 2h15m)
  --set PATH=VALUE     override one parameter (repeatable): apps.client.heartbeat.interval=5s
  --json               JSON Lines on standard output (see CONTRACT.md)
  --quiet              print only the summary
  --no-segments        leave segment events out of the text timeline

Exit codes: 0 every expectation held; 1 an expectation failed; 2 bad input.
`

func cmdList(args []string, stdout io.Writer) (int, error) {
	if len(args) > 0 {
		return 2, &usageError{"list takes no arguments"}
	}
	list := scenarios.List()
	width := 0
	for _, s := range list {
		width = max(width, len(s.Name))
	}
	for _, s := range list {
		fmt.Fprintf(stdout, "%-*s  %s\n", width, s.Name, s.Title)
	}
	return 0, nil
}

// runFlags are the flags of run and play.
type runFlags struct {
	seed       *uint64
	until      time.Duration
	sets       []string
	json       bool
	quiet      bool
	noSegments bool
	pcap       string // export
	jsonl      string // export
	at         string // export: the capture host
	record     string // run: write a recording
}

// flagValueError is the flag package's message for a bad value.
var flagValueError = regexp.MustCompile(`^invalid value ".*" for flag -([a-z-]+): (.*)$`)

// parseRunFlags reads SCENARIO and the flags, in any order.
func parseRunFlags(cmd string, args []string) (string, *runFlags, error) {
	rf := &runFlags{}
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Func("seed", "", func(v string) error {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return fmt.Errorf("%q is not a whole number", v)
		}
		rf.seed = &n
		return nil
	})
	fs.Func("until", "", func(v string) error {
		d, err := time.ParseDuration(v)
		switch {
		case err != nil:
			return fmt.Errorf("%q is not a duration (like 90s or 2h15m)", v)
		case d <= 0:
			return fmt.Errorf("%q must be positive", v)
		case d > scenarios.MaxDuration:
			return fmt.Errorf("%q is longer than the limit of %v", v, scenarios.MaxDuration)
		}
		rf.until = d
		return nil
	})
	fs.Func("set", "", func(v string) error {
		if !strings.Contains(v, "=") {
			return fmt.Errorf("%q must be PATH=VALUE", v)
		}
		rf.sets = append(rf.sets, v)
		return nil
	})
	fs.BoolVar(&rf.json, "json", false, "")
	fs.BoolVar(&rf.quiet, "quiet", false, "")
	fs.BoolVar(&rf.noSegments, "no-segments", false, "")
	if cmd == "run" {
		fs.StringVar(&rf.record, "record", "", "")
	}
	if cmd == "export" {
		fs.StringVar(&rf.pcap, "pcap", "", "")
		fs.StringVar(&rf.jsonl, "jsonl", "", "")
		fs.StringVar(&rf.at, "at", "", "")
	}
	var positional []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			msg := err.Error()
			if m := flagValueError.FindStringSubmatch(msg); m != nil {
				msg = "--" + m[1] + ": " + m[2]
			}
			return "", nil, &usageError{cmd + ": " + msg}
		}
		args = fs.Args()
		if len(args) > 0 {
			positional = append(positional, args[0])
			args = args[1:]
		}
	}
	switch len(positional) {
	case 0:
		return "", nil, &usageError{cmd + ": name a scenario (socklab list shows the built-in ones)"}
	case 1:
		return positional[0], rf, nil
	}
	return "", nil, &usageError{fmt.Sprintf("%s: one scenario at a time, not %q", cmd, positional)}
}

// load reads the scenario with the flags applied.
func (rf *runFlags) load(name string) (*scenarios.Scenario, error) {
	sc, err := scenarios.Load(name, rf.sets...)
	if err != nil {
		return nil, &usageError{err.Error()}
	}
	if rf.seed != nil {
		sc.Config.Seed = *rf.seed
	}
	return sc, nil
}

func cmdRun(args []string, stdout io.Writer) (int, error) {
	name, rf, err := parseRunFlags("run", args)
	if err != nil {
		return 2, err
	}
	sc, err := rf.load(name)
	if err != nil {
		return 2, err
	}
	w := bufio.NewWriterSize(stdout, 1<<16)
	defer w.Flush()
	var line []byte
	out := func(e netsim.Event) {
		_, summary := e.(*scenarios.SummaryEvent)
		switch {
		case rf.quiet && !summary:
			return
		case rf.noSegments && e.Kind() == "segment":
			return
		case rf.json:
			line = netsim.AppendJSON(line[:0], e)
			line = append(line, '\n')
			w.Write(line)
		default:
			w.WriteString(netsim.Format(e))
			w.WriteByte('\n')
		}
	}
	res, err := sc.Run(rf.until, out)
	if err != nil {
		return 2, &usageError{err.Error()}
	}
	if rf.record != "" {
		rec := scenarios.NewRecording(sc, rf.sets, res.Session.Inputs(), res.Session.Now())
		if err := os.WriteFile(rf.record, rec.Marshal(), 0o644); err != nil {
			return 2, &usageError{"run: --record: " + err.Error()}
		}
	}
	if res.Failed > 0 {
		return 1, nil
	}
	return 0, nil
}

func cmdPlay(args []string) (int, error) {
	name, rf, err := parseRunFlags("play", args)
	if err != nil {
		return 2, err
	}
	if rf.json || rf.quiet || rf.noSegments {
		return 2, &usageError{"play: --json, --quiet and --no-segments are flags of run"}
	}
	sc, err := rf.load(name)
	if err != nil {
		return 2, err
	}
	if !isTerminal(os.Stdin) || !isTerminal(os.Stdout) {
		return 2, &usageError{"play needs a terminal; use `socklab run " + name + "` to run headless"}
	}
	if err := ui.Play(sc, rf.sets); err != nil {
		return 1, err
	}
	return 0, nil
}

// cmdReplay opens a recording (from run --record or the lab's record key)
// in the interface.
func cmdReplay(args []string) (int, error) {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		return 2, &usageError{"replay: name one recording file, and no flags (socklab run SCENARIO --record FILE writes one)"}
	}
	path := args[0]
	data, err := os.ReadFile(path)
	if err != nil {
		return 2, &usageError{"replay: " + err.Error()}
	}
	rec, err := scenarios.ReadRecording(path, data)
	if err != nil {
		return 2, &usageError{err.Error()}
	}
	if !isTerminal(os.Stdin) || !isTerminal(os.Stdout) {
		return 2, &usageError{"replay needs a terminal; use `socklab export " + path + " --jsonl events.jsonl` for its event stream"}
	}
	if err := ui.Replay(rec); err != nil {
		return 1, err
	}
	return 0, nil
}

func cmdExport(args []string, stdout io.Writer) (int, error) {
	name, rf, err := parseRunFlags("export", args)
	if err != nil {
		return 2, err
	}
	switch {
	case rf.pcap == "" && rf.jsonl == "":
		return 2, &usageError{"export: say where to write: --pcap FILE and/or --jsonl FILE"}
	case rf.json || rf.quiet || rf.noSegments:
		return 2, &usageError{"export: --json, --quiet and --no-segments are flags of run"}
	}
	sc, sess, err := rf.loadOrReplay(name)
	if err != nil {
		return 2, err
	}
	var pcap bytes.Buffer
	var jsonl bytes.Buffer
	var line []byte
	var events func(netsim.Event)
	if rf.jsonl != "" {
		events = func(e netsim.Event) {
			line = netsim.AppendJSON(line[:0], e)
			jsonl.Write(append(line, '\n'))
		}
	}
	n, res, err := sc.ExportSession(sess, rf.until, rf.at, &pcap, events)
	if err != nil {
		return 2, &usageError{"export: " + err.Error()}
	}
	at := rf.at
	if at == "" {
		at = sc.CaptureHost()
	}
	if rf.pcap != "" {
		if err := os.WriteFile(rf.pcap, pcap.Bytes(), 0o644); err != nil {
			return 2, &usageError{"export: " + err.Error()}
		}
		fmt.Fprintf(stdout, "%s: %d packets as seen by %s, %s simulated\n", rf.pcap, n, at, netsim.FormatDuration(res.Session.Now()))
	}
	if rf.jsonl != "" {
		if err := os.WriteFile(rf.jsonl, jsonl.Bytes(), 0o644); err != nil {
			return 2, &usageError{"export: " + err.Error()}
		}
		fmt.Fprintf(stdout, "%s: %d events\n", rf.jsonl, res.Events+1)
	}
	return 0, nil
}

// loadOrReplay reads SCENARIO, or a recording (a JSON file) with its inputs
// queued on the session.
func (rf *runFlags) loadOrReplay(name string) (*scenarios.Scenario, *lab.Session, error) {
	if data, err := os.ReadFile(name); err == nil && bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
		if len(rf.sets) > 0 || rf.seed != nil {
			return nil, nil, &usageError{"--set and --seed cannot change a recording"}
		}
		rec, err := scenarios.ReadRecording(name, data)
		if err != nil {
			return nil, nil, &usageError{err.Error()}
		}
		sc, sess, err := rec.Session()
		if err != nil {
			return nil, nil, &usageError{err.Error()}
		}
		if rf.until == 0 {
			rf.until = rec.Until()
		}
		return sc, sess, nil
	}
	sc, err := rf.load(name)
	if err != nil {
		return nil, nil, err
	}
	sess, err := sc.NewSession()
	if err != nil {
		return nil, nil, &usageError{err.Error()}
	}
	return sc, sess, nil
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
