package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/progress"
	"github.com/spf13/cobra"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/scenarios/hugeheap"
	"github.com/socklab/socklab/scenarios/sweep"
	"github.com/socklab/socklab/ui"
)

// newSweepCmd builds `socklab sweep SCENARIO --vary PATH=SPEC`: the
// scenario run once per point of a grid of parameters (and per seed), on
// every core, measured; a table, a chart, CSV, JSON and a plot.
func newSweepCmd(lang i18n.Lang) *cobra.Command {
	var (
		f    sweepFlags
		list bool
	)
	cmd := &cobra.Command{
		Use:               "sweep SCENARIO",
		Short:             lang.T(i18n.CLISweepShort),
		Long:              lang.T(i18n.CLISweepLong),
		Example:           lang.T(i18n.CLISweepExample),
		ValidArgsFunction: completeSweep,
		Args: func(cmd *cobra.Command, args []string) error {
			if list {
				if len(args) > 0 || cmd.Flags().NFlag() > 1 {
					return fmt.Errorf("sweep: %w", i18n.NewError(i18n.SweepListWithOthers))
				}
				return nil
			}
			return oneScenario(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if list {
				return listSweeps(cmd.OutOrStdout(), lang)
			}
			return f.run(cmd, args[0], lang)
		},
	}
	fs := cmd.Flags()
	fs.Var(varyFlag{&f.vary, false}, "vary", lang.T(i18n.CLIFlagVary))
	fs.Var(varyFlag{&f.vary, true}, "with", lang.T(i18n.CLIFlagWith))
	fs.Var(seedsFlag{&f.seeds}, "seeds", lang.T(i18n.CLIFlagSeeds))
	fs.Var(setFlag{&f.sets}, "set", lang.T(i18n.CLIFlagSet))
	fs.Var(untilFlag{&f.until}, "until", lang.T(i18n.CLIFlagUntil))
	fs.Var(budgetFlag{&f.budget}, "budget", lang.T(i18n.CLIFlagBudget))
	fs.Var(fileFlag{&f.csv}, "csv", lang.T(i18n.CLIFlagCSV))
	fs.BoolVar(&f.json, "json", false, lang.T(i18n.CLIFlagSweepJSON))
	fs.Var(plotFlag{&f.plot}, "plot", lang.T(i18n.CLIFlagPlot))
	fs.Var(measureFlag{&f.measures}, "measure", lang.T(i18n.CLIFlagMeasure))
	fs.BoolVar(&list, "list", false, lang.T(i18n.CLIFlagSweepList))
	for _, name := range []string{"vary", "with", "set"} {
		completeFlag(cmd, name, completeSet)
	}
	for _, name := range []string{"seeds", "until", "budget", "measure"} {
		completeFlag(cmd, name, cobra.NoFileCompletions)
	}
	completeFlag(cmd, "csv", completeFiles("csv"))
	completeFlag(cmd, "plot", completeFiles("svg", "png"))
	return cmd
}

// sweepFlags are sweep's flags but --list.
type sweepFlags struct {
	vary     []varied
	seeds    int
	sets     []string
	until    time.Duration
	budget   uint64
	csv      string
	json     bool
	plot     string
	measures []string
}

// varied is one --vary or --with, in the order given.
type varied struct {
	spec string
	with bool
}

// run runs the sweep of name (a built-in sweep, a lesson or a file) and
// writes what was asked.
func (f *sweepFlags) run(cmd *cobra.Command, name string, lang i18n.Lang) error {
	if f.json && f.csv == "-" {
		return fmt.Errorf("sweep: %w", i18n.NewError(i18n.SweepStdoutTwice))
	}
	scenario, sets, vary, with, show := name, f.sets, []string(nil), []bool(nil), f.measures
	if b, ok := sweep.FindBuiltin(name); ok {
		scenario, sets = b.Scenario, append(append([]string(nil), b.Sets...), f.sets...)
		vary, with = b.Vary, b.With
		if len(show) == 0 {
			show = b.Show
		}
	}
	if len(f.vary) > 0 {
		vary, with = nil, nil
		for _, v := range f.vary {
			vary, with = append(vary, v.spec), append(with, v.with)
		}
	}
	sc, err := scenarios.Load(scenario, sets...)
	if err != nil {
		return err
	}
	picked, err := sweep.Pick(sweep.MeasuresOf(sc), show)
	if err != nil {
		return fmt.Errorf("sweep: %w", err)
	}
	seeds := max(f.seeds, 1)
	grid, err := sweep.NewGrid(vary, with, seeds)
	if err != nil {
		return fmt.Errorf("sweep: %w", err)
	}
	s := &sweep.Sweep{
		Scenario: name, Grid: grid, Until: f.until, Budget: f.budget,
		Load: func(point []string) (*scenarios.Scenario, error) {
			return scenarios.Load(scenario, append(append([]string(nil), sets...), point...)...)
		},
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
	defer stop()
	defer hugeheap.Follow(hugePagesEvery)()
	errOut, _ := cmd.ErrOrStderr().(*os.File)
	bar := newProgressLine(errOut, lang)
	res, err := s.Run(ctx, bar.show)
	bar.clear()
	interrupted := errors.Is(err, context.Canceled)
	if err != nil && !interrupted {
		return fmt.Errorf("sweep: %w", err)
	}
	if len(show) == 0 {
		picked = res.Shown()
	}
	if err := f.write(cmd, res, picked, lang); err != nil {
		return err
	}
	if interrupted {
		done := 0
		for _, p := range res.Points {
			if p.Done {
				done++
			}
		}
		return codedError{fmt.Errorf("sweep: %w", i18n.NewError(i18n.SweepInterrupted, "Done", done, "Total", len(res.Points))), exitInterrupted}
	}
	return nil
}

// write writes the sweep's outputs: the files asked for, then on standard
// output the JSON document, or the chart (a terminal) and the table.
func (f *sweepFlags) write(cmd *cobra.Command, res *sweep.Result, show []int, lang i18n.Lang) error {
	stdout := cmd.OutOrStdout()
	toStdout := false
	if f.csv != "" {
		var b bytes.Buffer
		if err := sweep.WriteCSV(&b, res); err != nil {
			return err
		}
		if f.csv == "-" {
			toStdout = true
			if _, err := stdout.Write(b.Bytes()); err != nil {
				return fmt.Errorf("sweep: --csv: %w", err)
			}
		} else if err := os.WriteFile(f.csv, b.Bytes(), 0o644); err != nil {
			return fmt.Errorf("sweep: --csv: %w", err)
		}
	}
	if f.plot != "" {
		var b bytes.Buffer
		if err := sweep.WritePlot(&b, res, show, sweep.PlotFormat(f.plot), lang); err != nil {
			return fmt.Errorf("sweep: --plot: %w", err)
		}
		if err := os.WriteFile(f.plot, b.Bytes(), 0o644); err != nil {
			return fmt.Errorf("sweep: --plot: %w", err)
		}
	}
	w := bufio.NewWriter(stdout)
	switch {
	case f.json:
		if err := sweep.WriteJSON(w, res, lang); err != nil {
			return err
		}
	case toStdout:
	default:
		if hasTerminal(cmd) && !res.Stopped {
			if err := f.chart(res, show, lang); err != nil {
				return fmt.Errorf("sweep: %w", err)
			}
		}
		if err := sweep.WriteTable(w, res, show, lang); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("sweep: %w", i18n.NewError(i18n.CLIWritingTimeline, "Err", err))
	}
	return nil
}

// chart opens the sweep's chart; enter on a point opens its run in the
// lab, and quitting the lab comes back to the chart.
func (f *sweepFlags) chart(res *sweep.Result, show []int, lang i18n.Lang) error {
	at := 0
	for {
		choice, err := ui.SweepChart(res, show, at, lang)
		if err != nil || choice.Point < 0 {
			return err
		}
		at = choice.Point
		sc, sets, err := f.pointScenario(res, choice.Point)
		if err != nil {
			return err
		}
		sc.Config.Seed = res.Seeds[0]
		if err := ui.Play(sc, sets, choice.Lang); err != nil {
			return err
		}
		lang = choice.Lang
	}
}

// pointScenario loads the scenario of a point, as the sweep ran it.
func (f *sweepFlags) pointScenario(res *sweep.Result, i int) (*scenarios.Scenario, []string, error) {
	scenario, sets := res.Scenario, f.sets
	if b, ok := sweep.FindBuiltin(res.Scenario); ok {
		scenario, sets = b.Scenario, append(append([]string(nil), b.Sets...), f.sets...)
	}
	sets = append(append([]string(nil), sets...), res.Points[i].Sets...)
	sc, err := scenarios.Load(scenario, sets...)
	if err != nil {
		return nil, nil, err
	}
	if f.until > 0 {
		sc.Duration = f.until
	}
	if f.budget > 0 {
		sc.Budget.Events = f.budget
	}
	return sc, sets, nil
}

// listSweeps writes the built-in sweeps: name, then title.
func listSweeps(w io.Writer, lang i18n.Lang) error {
	width := 0
	for _, b := range sweep.Builtins() {
		width = max(width, len(b.Name))
	}
	var buf bytes.Buffer
	for _, b := range sweep.Builtins() {
		fmt.Fprintf(&buf, "%-*s  %s\n", width, b.Name, b.Title.In(lang))
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("sweep: %w", err)
	}
	return nil
}

// completeSweep completes SCENARIO: the built-in sweeps, then what
// completes a scenario.
func completeSweep(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, b := range sweep.Builtins() {
		if strings.HasPrefix(b.Name, toComplete) {
			out = append(out, cobra.CompletionWithDesc(b.Name, b.Title.En))
		}
	}
	more, dir := completeScenario("yaml", "yml")(cmd, args, toComplete)
	return append(out, more...), dir
}

// varyFlag is --vary PATH=SPEC (or --with), repeatable; both go to one
// list, in the order given (a --with ties to the --vary before it).
// sweep.ParseParam reads them.
type varyFlag struct {
	list *[]varied
	with bool
}

func (f varyFlag) Type() string   { return "PATH=SPEC" }
func (f varyFlag) String() string { return "" }
func (f varyFlag) Set(v string) error {
	*f.list = append(*f.list, varied{v, f.with})
	return nil
}

// seedsFlag is --seeds N.
type seedsFlag struct{ n *int }

func (f seedsFlag) Type() string { return "N" }
func (f seedsFlag) String() string {
	if *f.n == 0 {
		return ""
	}
	return strconv.Itoa(*f.n)
}
func (f seedsFlag) Set(v string) error {
	if *f.n != 0 {
		return errTwice
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > sweep.MaxSeeds {
		return i18n.NewError(i18n.SweepSeeds, "Max", sweep.MaxSeeds)
	}
	*f.n = n
	return nil
}

// plotFlag is --plot FILE.svg or FILE.png.
type plotFlag struct{ path *string }

func (f plotFlag) Type() string   { return "FILE" }
func (f plotFlag) String() string { return *f.path }
func (f plotFlag) Set(v string) error {
	if err := (fileFlag{f.path}).Set(v); err != nil {
		return err
	}
	if sweep.PlotFormat(v) == "" {
		*f.path = ""
		return i18n.NewError(i18n.SweepPlotFormat, "Value", v)
	}
	return nil
}

// measureFlag is --measure ID[,ID…], repeatable.
type measureFlag struct{ ids *[]string }

func (f measureFlag) Type() string   { return "ID" }
func (f measureFlag) String() string { return "" }
func (f measureFlag) Set(v string) error {
	for id := range strings.SplitSeq(v, ",") {
		if id = strings.TrimSpace(id); id == "" {
			return errEmpty
		}
		*f.ids = append(*f.ids, id)
	}
	return nil
}

// progressLine shows a sweep's progress on standard error when it is a
// terminal: a bar (bubbles/progress), the points done and the time left,
// redrawn at most every tenth of a second on one line it clears at the
// end.
type progressLine struct {
	out   *os.File
	lang  i18n.Lang
	bar   progress.Model
	start time.Time
	last  time.Time
	shown bool
}

func newProgressLine(out *os.File, lang i18n.Lang) *progressLine {
	if !isTerminal(out) {
		return &progressLine{}
	}
	return &progressLine{out: out, lang: lang, bar: progress.New(progress.WithDefaultGradient(), progress.WithWidth(30)), start: time.Now()}
}

func (p *progressLine) show(pr sweep.Progress) {
	if p.out == nil {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 100*time.Millisecond && pr.Done < pr.Total {
		return
	}
	p.last, p.shown = now, true
	frac := float64(pr.Done) / float64(pr.Total)
	left := time.Duration(float64(now.Sub(p.start)) * (1 - frac) / frac).Round(time.Second)
	fmt.Fprintf(p.out, "\r\x1b[K%s %s", p.bar.ViewAs(frac),
		p.lang.T(i18n.CLISweepProgress, "Done", pr.Points, "Count", pr.Of, "Left", left))
}

func (p *progressLine) clear() {
	if p.shown {
		fmt.Fprint(p.out, "\r\x1b[K")
	}
}
