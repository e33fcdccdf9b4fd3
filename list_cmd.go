package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
)

// newListCmd builds `socklab list`: the built-in lessons, one a line;
// with --all, then the built-ins that are not lessons (the benchmark),
// which run by name all the same.
func newListCmd(lang i18n.Lang) *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: lang.T(i18n.CLIListShort),
		Long:  lang.T(i18n.CLIListLong),
		Example: /*i18n:ok commands, typed as they are*/ `
socklab list
socklab list | grep keepalive
socklab list --all`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return i18n.NewError(i18n.CLITakesNoArguments, "Command", "list")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			var list, others []scenarios.Info
			for _, s := range scenarios.List() {
				if s.Lesson > 0 {
					list = append(list, s)
				} else if all {
					others = append(others, s)
				}
			}
			list = append(list, others...)
			width := 0
			for _, s := range list {
				width = max(width, len(s.Name))
			}
			var b bytes.Buffer
			for _, s := range list {
				fmt.Fprintf(&b, "%-*s  %s\n", width, s.Name, s.Title.In(lang))
			}
			if _, err := cmd.OutOrStdout().Write(b.Bytes()); err != nil {
				return fmt.Errorf("list: %w", err)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, lang.T(i18n.CLIFlagListAll))
	return cmd
}
