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
		Short: "Open the lab on a scenario",
		Long:  "play opens the live lab on the scenario, paused, with what it teaches under \"what is happening\": space runs it, f injects a fault, e edits a parameter, ? lists the keys. It needs a terminal.",
		Example: `
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
				return fmt.Errorf("play needs a terminal; use `socklab run %s` to run headless", args[0])
			}
			if err := ui.Play(sc, sf.sets, lang); err != nil {
				return fmt.Errorf("play: %w", err)
			}
			return nil
		},
	}
	sf.register(cmd)
	cmd.SetFlagErrorFunc(runOnly)
	return cmd
}
