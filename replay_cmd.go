package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui"
)

// errReplayUsage is replay's answer to anything but one recording file
// as its argument.
var errReplayUsage = i18n.NewError(i18n.CLIReplayUsage)

// newReplayCmd builds `socklab replay FILE`: a recording (from run
// --record or the lab's record key) in the lab, with a timeline to seek.
func newReplayCmd(lang i18n.Lang) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "replay FILE",
		Short: lang.T(i18n.CLIReplayShort),
		Long:  lang.T(i18n.CLIReplayLong),
		Example: /*i18n:ok commands, typed as they are*/ `
socklab run power-loss-heartbeat --record run.json
socklab replay run.json`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return errReplayUsage
			}
			return nil
		},
		ValidArgsFunction: completeOne(completeFiles("json")),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[0]
			rec, err := scenarios.OpenRecording(path)
			if err != nil {
				return err
			}
			if !hasTerminal(cmd) {
				return i18n.NewError(i18n.CLIReplayTerminal, "Path", path)
			}
			if err := ui.Replay(rec, lang); err != nil {
				return fmt.Errorf("replay: %w", err)
			}
			return nil
		},
	}
	cmd.SetFlagErrorFunc(replayFlagError)
	return cmd
}

// replayFlagError names the flag replay does not take, as every command
// does; --seed and --set, which run and export take, cannot change what
// a recording holds.
func replayFlagError(cmd *cobra.Command, err error) error {
	if unknownFlag(err, "seed", "set") {
		return fmt.Errorf("%s: %w", cmd.Name(), i18n.NewError(i18n.CLIRecordingFixed))
	}
	return flagError(cmd, err)
}
