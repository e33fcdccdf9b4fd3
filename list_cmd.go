package main

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
)

// newListCmd builds `socklab list`: the built-in lessons, one a line.
func newListCmd(lang i18n.Lang) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the built-in lessons",
		Long:  "list prints the built-in lessons, one a line: the name that run, play and export take, and what the lesson shows.",
		Example: `
socklab list
socklab list | grep keepalive`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return errors.New("list takes no arguments")
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
