package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui"
)

// newPlayCmd builds `socklab play SCENARIO`: the live lab on a scenario;
// `socklab play FILE.pkt`: a packetdrill script's run on the ladder.
func newPlayCmd(lang i18n.Lang) *cobra.Command {
	var (
		sf scenarioFlags
		df drillFlags
	)
	cmd := &cobra.Command{
		Use:   "play SCENARIO",
		Short: lang.T(i18n.CLIPlayShort),
		Long:  lang.T(i18n.CLIPlayLong),
		Example: /*i18n:ok commands, typed as they are*/ `
socklab play power-loss-heartbeat
socklab play lesson.yaml --set apps.client.heartbeat.interval=5s
socklab play thundering-herd --seed 7
socklab play testdata/drill/own/last-ack.pkt
socklab play blocking-accept.pkt --init_scripts ../common/defaults.sh`,
		Args:              oneScenario,
		ValidArgsFunction: completeScenario("yaml", "yml", "pkt"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if isDrill(args[0]) {
				return playDrill(cmd, args[0], &sf, &df, lang)
			}
			if df.set() {
				return fmt.Errorf("%s: %w", cmd.Name(), i18n.NewError(i18n.CLIPlayDrillOnly))
			}
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
	df.register(cmd, lang)
	cmd.SetFlagErrorFunc(runOnly)
	return cmd
}

// playDrill is `socklab play FILE.pkt`: the script is read and run first,
// so that a bad script or an unsupported construct is one line and exit 2
// whether or not there is a terminal; then its run opens on the ladder.
// Of the scenario flags only --seed applies; drill's flags do too.
func playDrill(cmd *cobra.Command, file string, sf *scenarioFlags, df *drillFlags, lang i18n.Lang) error {
	if len(sf.sets) > 0 || sf.until > 0 || sf.budget > 0 {
		return fmt.Errorf("%s: %w", cmd.Name(), i18n.NewError(i18n.CLIPlayDrillFlags))
	}
	sc, err := readDrill(file)
	if err != nil {
		return err
	}
	cfg := df.config()
	if sf.seed != nil {
		cfg.Seed = *sf.seed
	}
	run, err := ui.RunDrill(sc, cfg)
	if err != nil {
		return err
	}
	if !hasTerminal(cmd) {
		return i18n.NewError(i18n.CLIPlayDrillTerm, "Path", file)
	}
	if err := ui.PlayDrill(file, run, lang); err != nil {
		return fmt.Errorf("play: %w", err)
	}
	return nil
}
