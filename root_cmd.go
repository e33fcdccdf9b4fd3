package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui"
)

func init() {
	// The help lists the commands in the order the root adds them, the
	// everyday ones first.
	cobra.EnableCommandSorting = false
}

// newRootCmd builds socklab's command tree, speaking lang. Without a
// command, socklab opens the picker.
func newRootCmd(lang i18n.Lang) *cobra.Command {
	info, _ := debug.ReadBuildInfo()
	root := &cobra.Command{
		Use:     "socklab",
		Version: version(info),
		Short:   lang.T(i18n.CLIRootShort),
		Long:    lang.T(i18n.CLIRootLong),
		Example: lang.T(i18n.CLIRootExample),
		Args:    noSuchCommand,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !hasTerminal(cmd) {
				return i18n.NewError(i18n.CLINoTerminal)
			}
			return ui.Pick(lang)
		},
	}
	root.PersistentFlags().Var(langFlag{new(bool)}, "lang", lang.T(i18n.CLILangFlag))
	root.SetFlagErrorFunc(flagError)
	root.SetHelpCommand(newHelpCmd(lang))
	root.SetVersionTemplate("{{.Version}}\n")
	root.AddCommand(
		newPlayCmd(lang),
		newRunCmd(lang),
		newListCmd(lang),
		newReplayCmd(lang),
		newExportCmd(lang),
		newSweepCmd(lang),
		newDrillCmd(lang),
		newServeCmd(lang),
		newManCmd(lang),
		newCompletionCmd(lang),
	)
	completeFlag(root, "lang", completeLang)
	// Cobra adds these when a command runs; added now, every help and the
	// manual list the same commands and flags whichever command runs.
	root.InitDefaultHelpCmd()
	root.InitDefaultVersionFlag()
	root.Flags().Lookup("version").Usage = lang.T(i18n.CLIVersionFlag, "Name", root.Name())
	w := helpWidth()
	for _, c := range allCommands(root) {
		c.InitDefaultHelpFlag()
		c.Flags().Lookup("help").Usage = lang.T(i18n.CLIHelpFlag, "Name", c.Name())
		wrapLong(c, w)
	}
	return root
}

// allCommands lists root and every command under it, depth first, in the
// order they were added.
func allCommands(root *cobra.Command) []*cobra.Command {
	out := []*cobra.Command{root}
	for _, c := range root.Commands() {
		out = append(out, allCommands(c)...)
	}
	return out
}

// noSuchCommand is the root's argument check: an argument there is a
// command socklab does not have.
func noSuchCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return unknownCommand(cmd, args[0])
}

// unknownCommand says name is not a command of parent, suggesting the
// nearest: those it begins, else those one edit away, else two.
func unknownCommand(parent *cobra.Command, name string) error {
	var names []string
	for _, c := range parent.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	help := strings.TrimSpace("socklab help" + strings.TrimPrefix(parent.CommandPath(), "socklab")) //i18n:ok a command, typed as it is
	hint := i18n.M(i18n.CLIHintCommands, "Names", i18n.List(names), "Help", help)
	for d := range 3 {
		parent.SuggestionsMinimumDistance = d
		if near := parent.SuggestionsFor(name); len(near) > 0 {
			hint = i18n.M(i18n.CLIHintDidYouMean, "Near", i18n.Or(near), "Hint", hint)
			break
		}
	}
	err := error(i18n.NewError(i18n.CLIUnknownCommand, "Name", name, "Hint", hint))
	if parent.HasParent() {
		err = fmt.Errorf("%s: %w", parent.Name(), err)
	}
	return err
}

// flagError words pflag's errors as Go's flag package did (socklab's first
// parser; scripts and the tests match its messages), after the command's
// name: "run: --seed: "x" is not a whole number".
func flagError(cmd *cobra.Command, err error) error {
	var (
		unknown *pflag.NotExistError
		missing *pflag.ValueRequiredError
		invalid *pflag.InvalidValueError
	)
	switch {
	case errors.As(err, &unknown):
		err = i18n.NewError(i18n.CLIUndefinedFlag, "Name", cmp.Or(unknown.GetSpecifiedShortnames(), unknown.GetSpecifiedName()))
	case errors.As(err, &missing):
		err = i18n.NewError(i18n.CLIFlagNeedsValue, "Name", cmp.Or(missing.GetSpecifiedShortnames(), missing.GetSpecifiedName()))
	case errors.As(err, &invalid) && invalid.GetFlag().Value.Type() == "bool":
		err = fmt.Errorf("--%s: %w", invalid.GetFlag().Name, i18n.NewError(i18n.ConfigNotBool, "Value", invalid.GetValue()))
	case errors.As(err, &invalid):
		err = fmt.Errorf("--%s: %w", invalid.GetFlag().Name, errors.Unwrap(invalid))
	default:
		err = errors.New(err.Error()) // pflag's own words, whole
	}
	if cmd.HasParent() {
		err = fmt.Errorf("%s: %w", cmd.Name(), err)
	}
	return err
}

// unknownFlag reports whether err is about a flag cmd does not have, one
// of names.
func unknownFlag(err error, names ...string) bool {
	var unknown *pflag.NotExistError
	if !errors.As(err, &unknown) {
		return false
	}
	for _, n := range names {
		if unknown.GetSpecifiedName() == n {
			return true
		}
	}
	return false
}

// goStyleFlags rewrites -name and -name=value as --name and --name=value
// where name is a long flag of the command args call: Go's flag package,
// which socklab used first, took both, and so does socklab.
func goStyleFlags(root *cobra.Command, args []string) []string {
	cmd, _, err := root.Find(args)
	if err != nil {
		return args
	}
	out := make([]string, 0, len(args))
	for i, a := range args {
		if a == "--" {
			return append(out, args[i:]...)
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(a, "-"), "=")
		if strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--") && len(name) > 1 && cmd.Flag(name) != nil {
			a = "-" + a
		}
		out = append(out, a)
	}
	return out
}

// hasTerminal reports whether cmd reads from and writes to a terminal, as
// the interface needs.
func hasTerminal(cmd *cobra.Command) bool {
	in, _ := cmd.InOrStdin().(*os.File)
	out, _ := cmd.OutOrStdout().(*os.File)
	return isTerminal(in) && isTerminal(out)
}

// isTerminal reports whether f is a terminal: a character device is not
// necessarily one (/dev/null is one too), so it asks the terminal driver
// (isatty, TCGETS).
func isTerminal(f *os.File) bool {
	return f != nil && term.IsTerminal(f.Fd())
}

// version is what socklab --version prints: the module's version, the
// revision it was built from, and the Go that built it.
//
//	socklab v0.0.0-20260101120000-0bab167c1a2b+dirty
//	revision 0bab167c1a2b… (2026-01-01T12:00:00Z, modified)
//	built with go1.26.0 for linux/amd64
func version(info *debug.BuildInfo) string {
	if info == nil {
		return "socklab (no build information)" //i18n:ok --version's output, read by scripts
	}
	setting := map[string]string{}
	for _, s := range info.Settings {
		setting[s.Key] = s.Value
	}
	var b strings.Builder
	fmt.Fprintf(&b, "socklab %s", cmp.Or(info.Main.Version, "(devel)"))
	if rev := setting["vcs.revision"]; rev != "" {
		fmt.Fprintf(&b, "\nrevision %s", rev)
		var notes []string
		if t := setting["vcs.time"]; t != "" {
			notes = append(notes, t)
		}
		if setting["vcs.modified"] == "true" {
			notes = append(notes, "modified")
		}
		if len(notes) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(notes, ", "))
		}
	}
	fmt.Fprintf(&b, "\nbuilt with %s", info.GoVersion) //i18n:ok --version's output, read by scripts
	if goos, goarch := setting["GOOS"], setting["GOARCH"]; goos != "" {
		fmt.Fprintf(&b, " for %s/%s", goos, goarch)
	}
	return b.String()
}

// langFlag is --lang in the command tree, where it is checked: langOf has
// read it already.
type langFlag struct{ given *bool }

func (langFlag) String() string { return "" } // the default is the locale's
func (langFlag) Type() string   { return "LANG" }
func (f langFlag) Set(s string) error {
	if *f.given {
		return errTwice // which would win?
	}
	*f.given = true
	_, err := i18n.Parse(s)
	return err
}

// langOf is the language args ask for with --lang, else the locale's
// (i18n.FromEnv). It reads args before the command tree is built, so that
// the help and the errors are in that language too; the tree's parsing
// then checks the flag, and a bad value is its error to report.
func langOf(args []string, getenv func(string) string) i18n.Lang {
	fs := pflag.NewFlagSet("socklab", pflag.ContinueOnError)
	fs.ParseErrorsAllowlist.UnknownFlags = true
	fs.SetOutput(io.Discard)
	fs.BoolP("help", "h", false, "") // or pflag stops at --help
	lang := fs.String("lang", "", "")
	goStyle := make([]string, len(args))
	for i, a := range args {
		if a == "-lang" || strings.HasPrefix(a, "-lang=") { // as goStyleFlags will read it
			a = "-" + a
		}
		goStyle[i] = a
	}
	_ = fs.Parse(goStyle)
	l, err := i18n.Resolve(*lang, getenv)
	if err != nil {
		return i18n.FromEnv(getenv)
	}
	return l
}
