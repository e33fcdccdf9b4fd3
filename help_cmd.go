package main

import (
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/format"
)

// newHelpCmd builds `socklab help [COMMAND]`: a command's help, as its
// --help flag shows it; an unknown command is bad input.
func newHelpCmd(lang i18n.Lang) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: lang.T(i18n.CLIHelpShort),
		Example: /*i18n:ok commands, typed as they are*/ `
socklab help run
socklab help completion bash`,
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			parent, rest, err := cmd.Root().Find(args)
			var out []cobra.Completion
			if err == nil && len(rest) == 0 {
				for _, c := range parent.Commands() {
					if c.IsAvailableCommand() && strings.HasPrefix(c.Name(), toComplete) {
						out = append(out, cobra.CompletionWithDesc(c.Name(), c.Short))
					}
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			target, rest, err := cmd.Root().Find(args)
			if err != nil {
				return err
			}
			if len(rest) > 0 {
				return unknownCommand(target, rest[0])
			}
			return target.Help()
		},
	}
}

// helpWidth is the width fang lays a command's help out in (its help.go,
// width): the terminal's on standard output, at most 120 columns; 120
// when standard output is not a terminal; __FANG_TEST_WIDTH when set (the
// tests pin 80).
func helpWidth() int {
	if s := os.Getenv("__FANG_TEST_WIDTH"); s != "" {
		if w, err := strconv.Atoi(s); err == nil {
			return w
		}
	}
	w, _, err := term.GetSize(os.Stdout.Fd())
	if err != nil {
		return 120
	}
	return min(w, 120)
}

// longKey is the annotation that keeps a command's description (Long)
// unwrapped, for the manual page, which sets its own lines.
const longKey = "socklab.long"

// wrapLong wraps c's description for its help, w columns wide. fang wraps
// it too (lipgloss), but breaks a word at a hyphen when the word does not
// fit, and Chinese runs on without spaces: "加上 --all，后面…" came out as
// "--" at a line's end and "all，后面…" on the next. Wrapped here at
// word boundaries (format.Wrap: at spaces and between Chinese characters,
// never inside "--all" or "bench-pingpong"), every line fits fang's width
// (less its indent of two) and fang's wrap has nothing to do.
func wrapLong(c *cobra.Command, w int) {
	if c.Long == "" {
		return
	}
	if c.Annotations == nil {
		c.Annotations = map[string]string{}
	}
	c.Annotations[longKey] = c.Long
	lines := strings.Split(c.Long, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(format.Wrap(l, w-2), "\n")
	}
	c.Long = strings.Join(lines, "\n")
}

// longText is c's description as written, unwrapped (wrapLong).
func longText(c *cobra.Command) string {
	if l, ok := c.Annotations[longKey]; ok {
		return l
	}
	return c.Long
}
