package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui"
)

// newPlayCmd builds `socklab play SCENARIO`: the live lab on a scenario.
func newPlayCmd(lang i18n.Lang) *cobra.Command {
	var sf scenarioFlags
	cmd := &cobra.Command{
		Use:   "play SCENARIO",
		Short: lang.T(i18n.CLIPlayShort),
		Long:  lang.T(i18n.CLIPlayLong),
		Example: /*i18n:ok commands, typed as they are*/ `
socklab play power-loss-heartbeat
socklab play lesson.yaml --set apps.client.heartbeat.interval=5s
socklab play thundering-herd --seed 7`,
		Args:              oneScenario,
		ValidArgsFunction: completeScenario("yaml", "yml"),
		RunE: func(cmd *cobra.Command, args []string) error {
			sc, err := sf.load(args[0])
			if err != nil {
				return err
			}
			if !hasTerminal(cmd) {
				return i18n.NewError(i18n.CLIPlayTerminal, "Name", args[0])
			}
			if err := ui.Play(sc, sf.sets, lang); err != nil {
				return fmt.Errorf("play: %w", err)
			}
			return nil
		},
	}
	sf.register(cmd, lang)
	cmd.SetFlagErrorFunc(runOnly)
	return cmd
}
