package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
)

// newListCmd builds `socklab list`: the built-in lessons, one a line.
func newListCmd(lang i18n.Lang) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: lang.T(i18n.CLIListShort),
		Long:  lang.T(i18n.CLIListLong),
		Example: /*i18n:ok commands, typed as they are*/ `
socklab list
socklab list | grep keepalive`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return i18n.NewError(i18n.CLITakesNoArguments, "Command", "list")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			list := scenarios.List()
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
}
