package ui

import (
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios/drill"
	"github.com/socklab/socklab/ui/feed"
	drillpage "github.com/socklab/socklab/ui/pages/drill"
)

// DrillRun is a packetdrill script's run, watched for the interface: its
// result, and the wire rows of what happened.
type DrillRun struct {
	Result *drill.Result
	feed   *feed.Feed
	starts []drillpage.Start
}

// RunDrill runs the script sc (drill.Parse's) with cfg, a feed watching
// every event; its error is drill.Run's (a construct refused before
// anything ran).
func RunDrill(sc *drill.Script, cfg drill.Config) (*DrillRun, error) {
	f := feed.New(i18n.Text{})
	starts := make([]drillpage.Start, len(sc.Events))
	cfg.Observe = f.Observe
	cfg.Starting = func(i int, at time.Duration) { starts[i] = drillpage.Start{Rows: f.Wire.Total(), At: at} }
	res, err := drill.Run(sc, cfg)
	if err != nil {
		return nil, err
	}
	return &DrillRun{Result: res, feed: f, starts: starts}, nil
}

// PlayDrill opens run, the run of the script file, on the ladder, each line
// of the script beside what it did, in language l, and returns when the
// user quits. It needs a terminal.
func PlayDrill(file string, run *DrillRun, l i18n.Lang) error {
	return runProgram(drillpage.New(terminal(l), file, run.Result, run.feed, run.starts))
}
