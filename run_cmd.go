package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
)

// newRunCmd builds `socklab run SCENARIO`: the scenario headless, as fast
// as the machine allows — the timeline, each expectation as it is judged,
// a summary; exit 1 when an expectation failed.
func newRunCmd(lang i18n.Lang) *cobra.Command {
	var (
		sf                      scenarioFlags
		json, quiet, noSegments bool
		record                  string
	)
	cmd := &cobra.Command{
		Use:   "run SCENARIO",
		Short: "Run a scenario headless, check expectations",
		Long: `run simulates the scenario to its end (or --until) as fast as the machine allows and prints every event, one line each, as the interface shows them: segments, TCP states, timers, detections, reconnects, narrations; then each expectation as it is judged, and a summary.

Exit codes: 0 every expectation held; 1 one failed; 2 bad input.`,
		Example: `
socklab run power-loss-heartbeat
socklab run power-loss-heartbeat --set apps.client.heartbeat.interval=5s
# The event stream, one JSON object a line (docs/events.md):
socklab run power-loss-heartbeat --json > events.jsonl
# A recording that socklab replay opens:
socklab run keepalive-tuned --record run.json`,
		Args:              oneScenario,
		ValidArgsFunction: completeScenario("yaml", "yml"),
		RunE: func(cmd *cobra.Command, args []string) error {
			sc, err := sf.load(args[0])
			if err != nil {
				return err
			}
			w := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
			var line []byte
			out := func(e netsim.Event) {
				_, summary := e.(*scenarios.SummaryEvent)
				switch {
				case quiet && !summary:
					return
				case noSegments && e.Kind() == "segment":
					return
				case json:
					line = lab.AppendJSON(line[:0], e, lang)
					line = append(line, '\n')
					w.Write(line)
				default:
					w.WriteString(lab.Format(e, lang))
					w.WriteByte('\n')
				}
			}
			res, err := sc.Run(sf.until, out)
			if err != nil {
				return err
			}
			if err := w.Flush(); err != nil { // the first error writing, if any
				return fmt.Errorf("run: writing the timeline: %w", err)
			}
			if record != "" {
				rec := scenarios.NewRecording(sc, sf.sets, res.Session.Inputs(), res.Session.Now())
				if err := os.WriteFile(record, rec.Marshal(), 0o644); err != nil {
					return fmt.Errorf("run: --record: %w", err)
				}
			}
			if res.Failed > 0 {
				return errFailed
			}
			return nil
		},
	}
	sf.register(cmd)
	fs := cmd.Flags()
	fs.BoolVar(&json, "json", false, "print the events as JSON Lines (docs/events.md)")
	fs.BoolVar(&quiet, "quiet", false, "print only the summary")
	fs.BoolVar(&noSegments, "no-segments", false, "leave segments out of the text timeline")
	fs.Var(fileFlag{&record}, "record", "also write a recording of the run to this file")
	completeFlag(cmd, "record", completeFiles("json"))
	return cmd
}

// scenarioFlags are the flags of run, play and export that choose and
// change the scenario.
type scenarioFlags struct {
	seed  *uint64
	until time.Duration
	sets  []string
}

// register adds the flags to cmd, with their completions.
func (f *scenarioFlags) register(cmd *cobra.Command) {
	fs := cmd.Flags()
	fs.Var(seedFlag{&f.seed}, "seed", "override the scenario's seed (a whole number)")
	fs.Var(untilFlag{&f.until}, "until", "stop at this simulated time: 90s, 2h15m (at most a week)")
	fs.Var(setFlag{&f.sets}, "set", "change a parameter: PATH=VALUE, as in the file (repeatable)")
	completeFlag(cmd, "seed", cobra.NoFileCompletions)
	completeFlag(cmd, "until", cobra.NoFileCompletions)
	completeFlag(cmd, "set", completeSet)
}

// load reads the scenario name with the flags applied.
func (f *scenarioFlags) load(name string) (*scenarios.Scenario, error) {
	sc, err := scenarios.Load(name, f.sets...)
	if err != nil {
		return nil, err
	}
	if f.seed != nil {
		sc.Config.Seed = *f.seed
	}
	if f.until > 0 {
		sc.Duration = f.until
	}
	return sc, nil
}

// oneScenario checks that a command was given one SCENARIO.
func oneScenario(cmd *cobra.Command, args []string) error {
	switch len(args) {
	case 0:
		return fmt.Errorf("%s: name a scenario (socklab list shows the built-in ones)", cmd.Name())
	case 1:
		return nil
	}
	return fmt.Errorf("%s: one scenario at a time, not %q", cmd.Name(), args)
}

// runOnly is the flag error of play and export: it names the flags that
// are run's alone.
func runOnly(cmd *cobra.Command, err error) error {
	if unknownFlag(err, "json", "quiet", "no-segments") {
		return fmt.Errorf("%s: --json, --quiet and --no-segments are flags of run", cmd.Name())
	}
	return flagError(cmd, err)
}

// seedFlag is --seed N.
type seedFlag struct{ seed **uint64 }

func (f seedFlag) Type() string { return "N" }
func (f seedFlag) String() string {
	if *f.seed == nil {
		return ""
	}
	return strconv.FormatUint(**f.seed, 10)
}
func (f seedFlag) Set(v string) error {
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		return fmt.Errorf("%q is not a whole number", v)
	}
	*f.seed = &n
	return nil
}

// untilFlag is --until DURATION.
type untilFlag struct{ until *time.Duration }

func (f untilFlag) Type() string { return "DURATION" }
func (f untilFlag) String() string {
	if *f.until == 0 {
		return ""
	}
	return f.until.String()
}
func (f untilFlag) Set(v string) error {
	d, err := time.ParseDuration(v)
	switch {
	case err != nil:
		return fmt.Errorf("%q is not a duration (like 90s or 2h15m)", v)
	case d <= 0:
		return fmt.Errorf("%q must be positive", v)
	case d > scenarios.MaxDuration:
		return fmt.Errorf("%q is longer than the limit of %v", v, scenarios.MaxDuration)
	}
	*f.until = d
	return nil
}

// fileFlag is a flag naming a file.
type fileFlag struct{ path *string }

func (f fileFlag) Type() string       { return "FILE" }
func (f fileFlag) String() string     { return *f.path }
func (f fileFlag) Set(v string) error { *f.path = v; return nil }

// setFlag is --set PATH=VALUE, repeatable; scenarios checks the path and
// the value.
type setFlag struct{ sets *[]string }

func (f setFlag) Type() string   { return "PATH=VALUE" }
func (f setFlag) String() string { return "" }
func (f setFlag) Set(v string) error {
	if !strings.Contains(v, "=") {
		return fmt.Errorf("%q must be PATH=VALUE", v)
	}
	*f.sets = append(*f.sets, v)
	return nil
}
