package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
)

// newCompletionCmd builds `socklab completion SHELL`: the script that
// teaches a shell to complete socklab's commands, lessons, files,
// parameter paths, hosts and languages. The scripts are cobra's; they ask
// socklab itself (its hidden __complete command) what fits.
func newCompletionCmd(lang i18n.Lang) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "completion",
		Short:   lang.T(i18n.CLICompShort),
		Long:    lang.T(i18n.CLICompLong),
		Example: lang.T(i18n.CLICompExample),
		Args:    noSuchCommand,
		RunE:    func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	for _, sh := range []struct {
		name, short string
		gen         func(root *cobra.Command, w io.Writer) error
	}{
		{"bash", lang.T(i18n.CLICompShellFor, "Shell", "bash"), func(root *cobra.Command, w io.Writer) error { return root.GenBashCompletionV2(w, true) }},
		{"zsh", lang.T(i18n.CLICompShellFor, "Shell", "zsh"), (*cobra.Command).GenZshCompletion},
		{"fish", lang.T(i18n.CLICompShellFor, "Shell", "fish"), func(root *cobra.Command, w io.Writer) error { return root.GenFishCompletion(w, true) }},
		{"powershell", lang.T(i18n.CLICompShellFor, "Shell", "PowerShell"), (*cobra.Command).GenPowerShellCompletionWithDesc},
	} {
		cmd.AddCommand(&cobra.Command{
			Use:   sh.name,
			Short: sh.short,
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				if err := sh.gen(cmd.Root(), cmd.OutOrStdout()); err != nil {
					return fmt.Errorf("completion: %w", err)
				}
				return nil
			},
		})
	}
	return cmd
}

// completeFlag registers how to complete a flag of cmd.
func completeFlag(cmd *cobra.Command, flag string, f cobra.CompletionFunc) {
	if err := cmd.RegisterFlagCompletionFunc(flag, f); err != nil {
		panic("socklab: " + err.Error()) // no such flag, or registered twice: a bug
	}
}

// completeOne completes the first argument with f, and nothing after it.
func completeOne(f cobra.CompletionFunc) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return f(cmd, args, toComplete)
	}
}

// completeScenario completes SCENARIO: the built-in lessons (with their
// titles), then the directories and the files with one of exts there.
func completeScenario(exts ...string) cobra.CompletionFunc {
	return completeOne(func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, s := range scenarios.List() {
			if strings.HasPrefix(s.Name, toComplete) {
				out = append(out, cobra.CompletionWithDesc(s.Name, s.Title.In(i18n.FromEnv(os.Getenv))))
			}
		}
		out = append(out, filesLike(toComplete, exts)...)
		directive := cobra.ShellCompDirectiveNoFileComp
		if len(out) == 1 && strings.HasSuffix(out[0], "/") {
			directive |= cobra.ShellCompDirectiveNoSpace // into the directory
		}
		return out, directive
	})
}

// filesLike lists what toComplete may become: the directories and the
// files with one of exts in the directory it names, hidden ones only when
// asked for.
func filesLike(toComplete string, exts []string) []cobra.Completion {
	dir, base := filepath.Split(toComplete)
	entries, err := os.ReadDir(cmp.Or(dir, "."))
	if err != nil {
		return nil
	}
	var out []cobra.Completion
	for _, e := range entries {
		name := e.Name()
		switch {
		case !strings.HasPrefix(name, base), strings.HasPrefix(name, ".") && !strings.HasPrefix(base, "."):
		case e.IsDir():
			out = append(out, dir+name+"/")
		case slices.Contains(exts, strings.TrimPrefix(filepath.Ext(name), ".")):
			out = append(out, dir+name)
		}
	}
	return out
}

// completeFiles completes a file name by the shell's own means, offering
// directories and the files with one of exts.
func completeFiles(exts ...string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return exts, cobra.ShellCompDirectiveFilterFileExt
	}
}

// named loads the scenario args name for a completion, without --set:
// nil when there is none yet, or it does not load.
func named(args []string) *scenarios.Scenario {
	if len(args) == 0 {
		return nil
	}
	sc, err := scenarios.Load(args[0])
	if err != nil {
		return nil
	}
	return sc
}

// completeSet completes --set PATH=VALUE one section at a time, from the
// scenario named: "apps." lists its apps, "apps.client." their keys, and a
// whole path gets its "=".
func completeSet(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	sc := named(args)
	if sc == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, p := range scenarios.Paths(sc) {
		rest, ok := strings.CutPrefix(p, toComplete)
		if !ok {
			continue
		}
		next := p + "="
		if i := strings.IndexByte(rest, '.'); i >= 0 {
			next = p[:len(p)-len(rest)+i+1]
		}
		if !slices.Contains(out, next) {
			out = append(out, next)
		}
	}
	return out, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
}

// completeHosts completes --at with the hosts of the scenario named.
func completeHosts(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var out []cobra.Completion
	if sc := named(args); sc != nil {
		for _, h := range sc.Config.Hosts {
			if strings.HasPrefix(h.Name, toComplete) {
				out = append(out, cobra.CompletionWithDesc(h.Name, h.IP.String()))
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeLang completes --lang.
func completeLang(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var out []cobra.Completion
	for _, l := range i18n.Langs {
		out = append(out, cobra.CompletionWithDesc(l.String(), l.T(i18n.LangName)))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
