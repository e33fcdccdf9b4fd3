package main

import (
	"bufio"
	"errors"
	"fmt"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/scenarios/hugeheap"
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
		Use:               "run SCENARIO",
		Short:             lang.T(i18n.CLIRunShort),
		Long:              lang.T(i18n.CLIRunLong),
		Example:           lang.T(i18n.CLIRunExample),
		Args:              oneScenario,
		ValidArgsFunction: completeScenario("yaml", "yml"),
		RunE: func(cmd *cobra.Command, args []string) error {
			sc, err := sf.load(args[0])
			if err != nil {
				return err
			}
			w := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
			var line []byte
			show := func(e netsim.Event) {
				switch {
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
			if err := sc.CheckBudget(sf.until); err != nil {
				return err // at once: a session of 100,000 clients takes a while to build
			}
			defer hugeheap.Follow(hugePagesEvery)()
			sess, err := sc.NewSession()
			if err != nil {
				return err
			}
			out := show
			if quiet {
				out = nil // the summary alone, printed below
			}
			stopped := watch(cmd, lang, sess, sc.Duration)
			res, err := sc.RunSession(sess, sf.until, out)
			stopped()
			if res == nil {
				return err
			}
			if quiet {
				show(res.Summary)
			}
			if err := w.Flush(); err != nil { // the first error writing, if any
				return fmt.Errorf("run: %w", i18n.NewError(i18n.CLIWritingTimeline, "Err", err))
			}
			if err != nil {
				return stopError(err)
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
	sf.register(cmd, lang)
	fs := cmd.Flags()
	fs.BoolVar(&json, "json", false, lang.T(i18n.CLIFlagJSON))
	fs.BoolVar(&quiet, "quiet", false, lang.T(i18n.CLIFlagQuiet))
	fs.BoolVar(&noSegments, "no-segments", false, lang.T(i18n.CLIFlagNoSegs))
	fs.Var(fileFlag{&record}, "record", lang.T(i18n.CLIFlagRecord))
	completeFlag(cmd, "record", completeFiles("json"))
	return cmd
}

// scenarioFlags are the flags of run, play and export that choose and
// change the scenario.
type scenarioFlags struct {
	seed   *uint64
	until  time.Duration
	sets   []string
	budget uint64
}

// register adds the flags to cmd, with their completions and help in lang.
func (f *scenarioFlags) register(cmd *cobra.Command, lang i18n.Lang) {
	fs := cmd.Flags()
	fs.Var(seedFlag{&f.seed}, "seed", lang.T(i18n.CLIFlagSeed))
	fs.Var(untilFlag{&f.until}, "until", lang.T(i18n.CLIFlagUntil))
	fs.Var(setFlag{&f.sets}, "set", lang.T(i18n.CLIFlagSet))
	fs.Var(budgetFlag{&f.budget}, "budget", lang.T(i18n.CLIFlagBudget))
	completeFlag(cmd, "seed", cobra.NoFileCompletions)
	completeFlag(cmd, "until", cobra.NoFileCompletions)
	completeFlag(cmd, "set", completeSet)
	completeFlag(cmd, "budget", cobra.NoFileCompletions)
}

// load reads the scenario name with the flags applied.
func (f *scenarioFlags) load(name string) (*scenarios.Scenario, error) {
	sc, err := scenarios.Load(name, f.sets...)
	if err != nil {
		return nil, err
	}
	f.apply(sc)
	return sc, nil
}

// apply sets what the flags change of a scenario once it is read: its
// seed, its duration, its budget.
func (f *scenarioFlags) apply(sc *scenarios.Scenario) {
	if f.seed != nil {
		sc.Config.Seed = *f.seed
	}
	if f.until > 0 {
		sc.Duration = f.until
	}
	if f.budget > 0 {
		sc.Budget.Events = f.budget
	}
}

// oneScenario checks that a command was given one SCENARIO.
func oneScenario(cmd *cobra.Command, args []string) error {
	switch len(args) {
	case 0:
		return fmt.Errorf("%s: %w", cmd.Name(), i18n.NewError(i18n.CLINameScenario))
	case 1:
		return nil
	}
	return fmt.Errorf("%s: %w", cmd.Name(), i18n.NewError(i18n.CLIOneScenario, "Args", fmt.Sprintf("%q", args)))
}

// runOnly is the flag error of play and export: it names the flags that
// are run's alone.
func runOnly(cmd *cobra.Command, err error) error {
	if unknownFlag(err, "json", "quiet", "no-segments") {
		return fmt.Errorf("%s: %w", cmd.Name(), i18n.NewError(i18n.CLIRunOnlyFlags))
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
	if *f.seed != nil {
		return errTwice
	}
	n, err := strconv.ParseUint(v, 10, 64)
	if errors.Is(err, strconv.ErrRange) {
		return i18n.NewError(i18n.FlagSeedRange, "Value", v, "Max", uint64(math.MaxUint64))
	} else if err != nil {
		return i18n.NewError(i18n.ConfigNotWhole, "Value", v)
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
	if *f.until != 0 {
		return errTwice
	}
	d, err := time.ParseDuration(v)
	switch {
	case err != nil && scenarios.DurationOverflows(v):
		return i18n.NewError(i18n.CLIOverLimit, "Value", v, "Limit", scenarios.MaxDuration.String())
	case err != nil:
		return i18n.NewError(i18n.CLINotDuration, "Value", v)
	case d <= 0:
		return i18n.NewError(i18n.CLIMustBePositive, "Value", v)
	case d > scenarios.MaxDuration:
		return i18n.NewError(i18n.CLIOverLimit, "Value", v, "Limit", scenarios.MaxDuration.String())
	}
	*f.until = d
	return nil
}

// fileFlag is a file a command writes (--record, --pcap, --jsonl). A path
// that cannot be a file there (a directory, or in a directory that does not
// exist) is refused when the flag is read, not after the run.
type fileFlag struct{ path *string }

func (f fileFlag) Type() string   { return "FILE" }
func (f fileFlag) String() string { return *f.path }
func (f fileFlag) Set(v string) error {
	switch {
	case *f.path != "":
		return errTwice
	case v == "":
		return errEmpty
	}
	if st, err := os.Stat(v); err == nil && st.IsDir() {
		return i18n.NewError(i18n.FlagOutputDir, "Path", v)
	} else if err != nil {
		if dir := filepath.Dir(v); !isDir(dir) {
			return i18n.NewError(i18n.FlagOutputNoDir, "Path", v, "Dir", dir)
		}
	}
	*f.path = v
	return nil
}

// isDir reports whether path is a directory.
func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// errTwice and errEmpty are a flag given twice (which one would win?) and
// a flag that names nothing.
var (
	errTwice = i18n.NewError(i18n.FlagTwice)
	errEmpty = i18n.NewError(i18n.FlagEmpty)
)

// budgetFlag is --budget N: a whole number of events, with an optional
// k, M or G (thousands, millions, billions).
type budgetFlag struct{ events *uint64 }

func (f budgetFlag) Type() string { return "EVENTS" }
func (f budgetFlag) String() string {
	if *f.events == 0 {
		return ""
	}
	return strconv.FormatUint(*f.events, 10)
}
func (f budgetFlag) Set(v string) error {
	if *f.events != 0 {
		return errTwice
	}
	n, ok := parseCount(v)
	if !ok || n < lab.MinBudget || n > lab.MaxBudget {
		return i18n.NewError(i18n.FlagBudget, "Value", v, "Min", uint64(lab.MinBudget), "Max", uint64(lab.MaxBudget))
	}
	*f.events = n
	return nil
}

// parseCount reads a whole number with an optional k, M or G.
func parseCount(v string) (uint64, bool) {
	scale := uint64(1)
	switch {
	case strings.HasSuffix(v, "k"):
		scale, v = 1e3, strings.TrimSuffix(v, "k")
	case strings.HasSuffix(v, "M"):
		scale, v = 1e6, strings.TrimSuffix(v, "M")
	case strings.HasSuffix(v, "G"):
		scale, v = 1e9, strings.TrimSuffix(v, "G")
	}
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil || n > math.MaxUint64/scale {
		return 0, false
	}
	return n * scale, true
}

// stopError is the error of a run that stopped before its end, after its
// output: Ctrl-C exits 130 (as a shell reports a command that SIGINT
// ended), the budget 2.
func stopError(err error) error {
	if errors.Is(err, errInterrupted) {
		return codedError{err, exitInterrupted}
	}
	return err
}

// errInterrupted is a run stopped by Ctrl-C.
var errInterrupted = i18n.NewError(i18n.RunInterrupted)

// hugePagesEvery is how often run and sweep ask for huge pages for the
// memory their heap has mapped since (scenarios/hugeheap): a big run's state
// is touched at random, and with 4 KB pages nearly every cache line it
// fetches is a TLB miss too.
const hugePagesEvery = 100 * time.Millisecond

// watch follows a headless run of sess to until: Ctrl-C stops it between
// two steps (the lab reads no signals; its watcher does), and when
// standard error is a terminal a line there shows how far it is —
// simulated time and events a second — every quarter of a second. The
// function it returns ends the watch and clears the line.
func watch(cmd *cobra.Command, lang i18n.Lang, sess *lab.Session, until time.Duration) func() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	var interrupted atomic.Bool
	done := make(chan struct{})
	go func() {
		select {
		case <-sigs:
			interrupted.Store(true)
		case <-done:
		}
	}()
	errOut, _ := cmd.ErrOrStderr().(*os.File)
	show := isTerminal(errOut)
	start := time.Now()
	last, lastEvents, shown := start, uint64(0), false
	sess.Watch(func(p lab.Progress) error {
		if interrupted.Load() {
			return errInterrupted
		}
		if now := time.Now(); show && now.Sub(last) >= 250*time.Millisecond {
			rate := float64(max(p.Events, p.Steps)-lastEvents) / now.Sub(last).Seconds()
			fmt.Fprintf(errOut, "\r\x1b[K%s", lang.T(i18n.RunProgress, "At", p.Now.Truncate(time.Second),
				"Until", until, "Rate", strconv.FormatFloat(rate/1e6, 'f', 2, 64)))
			last, lastEvents, shown = now, max(p.Events, p.Steps), true
		}
		return nil
	})
	return func() {
		signal.Stop(sigs)
		close(done)
		if shown {
			fmt.Fprint(errOut, "\r\x1b[K")
		}
	}
}

// setFlag is --set PATH=VALUE, repeatable; scenarios checks the path and
// the value.
type setFlag struct{ sets *[]string }

func (f setFlag) Type() string   { return "PATH=VALUE" }
func (f setFlag) String() string { return "" }
func (f setFlag) Set(v string) error {
	if !strings.Contains(v, "=") {
		return i18n.NewError(i18n.CLIMustBePathValue, "Value", v)
	}
	*f.sets = append(*f.sets, v)
	return nil
}
