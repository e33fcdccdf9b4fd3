package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/scenarios/drill"
)

// newDrillCmd builds `socklab drill FILE.pkt`: a packetdrill script run
// against the simulated Linux stack, each event marked as it held, the
// first mismatch reported as packetdrill reports it.
func newDrillCmd(lang i18n.Lang) *cobra.Command {
	var (
		seed *uint64
		df   drillFlags
	)
	cmd := &cobra.Command{
		Use:   "drill FILE.pkt",
		Short: lang.T(i18n.CLIDrillShort),
		Long:  lang.T(i18n.CLIDrillLong),
		Example: /*i18n:ok commands, typed as they are*/ `
socklab drill testdata/drill/own/close-fin-wait-2.pkt
socklab drill tcp_basic_client.pkt --tolerance_usecs 10000
socklab drill blocking-accept.pkt --init_scripts ../common/defaults.sh`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return fmt.Errorf("%s: %w", cmd.Name(), i18n.NewError(i18n.CLIDrillOneFile))
			}
			return nil
		},
		ValidArgsFunction: completeFiles("pkt"),
		RunE: func(cmd *cobra.Command, args []string) error {
			file := args[0]
			sc, err := readDrill(file)
			if err != nil {
				return err
			}
			cfg := df.config()
			if seed != nil {
				cfg.Seed = *seed
			}
			res, err := drill.Run(sc, cfg)
			if err != nil {
				return err
			}
			var out bytes.Buffer
			for i, ev := range sc.Events {
				mark := "✔"
				switch res.Status[i] {
				case drill.NotRun:
					continue
				case drill.Failed:
					mark = "✘"
				}
				fmt.Fprintf(&out, "%s %11s %4d  %s\n", mark, strconv.FormatFloat(res.At[i].Seconds(), 'f', 6, 64), ev.Pos.Line, ev.Text)
			}
			if res.Failure == nil {
				fmt.Fprintln(&out, lang.T(i18n.DrillPassed, "File", file, "Count", len(sc.Events), "Sim", res.Sim))
			}
			if _, err := cmd.OutOrStdout().Write(out.Bytes()); err != nil {
				return fmt.Errorf("drill: %w", err)
			}
			if res.Failure != nil {
				fmt.Fprintln(cmd.ErrOrStderr(), res.Failure.In(lang, file))
				return errFailed
			}
			return nil
		},
	}
	fs := cmd.Flags()
	fs.Var(seedFlag{&seed}, "seed", lang.T(i18n.CLIFlagSeed))
	completeFlag(cmd, "seed", cobra.NoFileCompletions)
	df.register(cmd, lang)
	return cmd
}

// drillFlags are packetdrill's flags that drill (and play, for a script)
// take: --tolerance_usecs and --init_scripts.
type drillFlags struct {
	tol   time.Duration
	inits []string
}

// register adds the flags to cmd, with their completions and help in lang.
func (f *drillFlags) register(cmd *cobra.Command, lang i18n.Lang) {
	fs := cmd.Flags()
	fs.Var(toleranceFlag{&f.tol}, "tolerance_usecs", lang.T(i18n.CLIFlagTolerance))
	fs.Var(initScriptsFlag{&f.inits}, "init_scripts", lang.T(i18n.CLIFlagInitScripts))
	completeFlag(cmd, "tolerance_usecs", cobra.NoFileCompletions)
	completeFlag(cmd, "init_scripts", cobra.NoFileCompletions)
}

// set says whether any of the flags was given.
func (f *drillFlags) set() bool { return f.tol != 0 || len(f.inits) > 0 }

// config is the run's configuration the flags ask for.
func (f *drillFlags) config() drill.Config {
	return drill.Config{Tolerance: f.tol, InitScripts: f.inits}
}

// initScriptsFlag is --init_scripts FILE[,FILE], packetdrill's flag: the
// suites' defaults.sh, applied before the script.
type initScriptsFlag struct{ inits *[]string }

func (f initScriptsFlag) Type() string   { return "FILE[,FILE]" }
func (f initScriptsFlag) String() string { return strings.Join(*f.inits, ",") }
func (f initScriptsFlag) Set(v string) error {
	for _, name := range strings.Split(v, ",") {
		if !drill.IsInitScript(name) {
			return i18n.NewError(i18n.CLIDrillInitScript, "Name", name)
		}
		*f.inits = append(*f.inits, name)
	}
	return nil
}

// readDrill reads and parses the packetdrill script file: its errors are
// one line at file:line:col.
func readDrill(file string) (*drill.Script, error) {
	src, err := scenarios.ReadFile(file, drill.MaxScriptSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, i18n.NewError(i18n.FileMissing, "Path", file)
	}
	if err != nil {
		return nil, err
	}
	return drill.Parse(file, src)
}

// isDrill says whether name is a packetdrill script, which play opens on
// its page rather than as a scenario.
func isDrill(name string) bool { return strings.HasSuffix(name, ".pkt") }

// toleranceFlag is --tolerance_usecs N, packetdrill's flag: how far an
// event may be from its time.
type toleranceFlag struct{ tol *time.Duration }

func (f toleranceFlag) Type() string { return "N" }
func (f toleranceFlag) String() string {
	if *f.tol == 0 {
		return ""
	}
	return strconv.FormatInt(int64(*f.tol/time.Microsecond), 10)
}
func (f toleranceFlag) Set(v string) error {
	if *f.tol != 0 {
		return errTwice
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 || n > 10_000_000 {
		return i18n.NewError(i18n.CLIDrillTolerance, "Value", v)
	}
	*f.tol = time.Duration(n) * time.Microsecond
	return nil
}
