package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/socklab/socklab/lab/i18n"
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
