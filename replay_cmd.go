package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui"
)

// errReplayUsage is replay's answer to anything but one recording file.
var errReplayUsage = errors.New("replay: name one recording file, and no flags (socklab run SCENARIO --record FILE writes one)")

// newReplayCmd builds `socklab replay FILE`: a recording (from run
// --record or the lab's record key) in the lab, with a timeline to seek.
func newReplayCmd(lang i18n.Lang) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "replay FILE",
		Short: "Open a recording: seek, then branch live",
		Long:  "replay opens a recording (from socklab run --record, or the lab's w key) on the lab's screen with a timeline: the recorded live inputs replay at their times; seek with , and . or to the markers with < and >, and branch with b to go on live. It needs a terminal.",
		Example: `
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
				return fmt.Errorf("replay needs a terminal; use `socklab export %s --jsonl events.jsonl` for its event stream", path)
			}
			if err := ui.Replay(rec, lang); err != nil {
				return fmt.Errorf("replay: %w", err)
			}
			return nil
		},
	}
	cmd.SetFlagErrorFunc(func(*cobra.Command, error) error { return errReplayUsage })
	return cmd
}
