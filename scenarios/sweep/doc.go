// Package sweep runs a scenario over ranges of its parameters and measures
// each point: the trade-off of a setting — detection time against what
// keeping watch costs — as a table, a CSV, a JSON document and a plot.
//
//	g, err := sweep.NewGrid([]string{"apps.client.heartbeat.interval=5s..60s/5s"}, []bool{false}, 1)
//	s := &sweep.Sweep{Scenario: "power-loss-heartbeat", Grid: g,
//		Load: func(sets []string) (*scenarios.Scenario, error) {
//			return scenarios.Load("power-loss-heartbeat", sets...)
//		}}
//	res, err := s.Run(ctx, nil)
//	sweep.WriteCSV(w, res)
//
// # Parameters
//
// A parameter is a path --set takes, and a SPEC of values: a list
// (5s,10s,30s; exponential,full-jitter), a range with a step (1s..60s/5s)
// or a log range (1s..1h*2), of durations, numbers or words (ParseParam).
// Each --vary is an axis; two make a grid (the last changing fastest). A
// --with ties a parameter to the axis before it: its i-th value goes with
// the axis's i-th (the watch of a heartbeat's silence that grows with its
// interval).
//
// # Runs
//
// Each point runs once per seed (the scenario's seed, then the next ones),
// each run a session of its own: lab and netsim are single-threaded and
// deterministic, and the sweep runs its sessions on GOMAXPROCS goroutines
// (a worker pool). Results are stored by the point's index, never in the
// order they finish, so that the output is the same byte for byte on one
// core or many. Before anything runs, every value is checked by loading
// the scenario with it and every run's estimate against the work budget.
//
// # Measures
//
// The measures come from each run's event stream (MeasuresOf lists them):
// the ledger of lab/tally counts the traffic by class and the connection
// attempts; the recorder (measure.go) adds what is relative to the first
// fault — the time each side took to detect the loss and by what, false
// alarms before it, reconnects and the time until every app had its
// connections back — and the expectations' verdicts. Over several seeds
// each measure is summarized by its median, least and most (Stat).
//
// # Outputs
//
// WriteTable (for people, in their language), WriteCSV and WriteJSON (for
// scripts: IDs and numbers that never change meaning), WritePlot (SVG or
// PNG with gonum/plot: a panel per measure against the first parameter,
// a line per value of the second, axes labelled with their units in the
// reader's language). The interactive chart is ui/pages/sweep's.
//
// # Files
//
//	spec.go       Param, Value, Kind: PATH=SPEC
//	grid.go       Axis, Grid: the points; FlagError; the limits
//	measure.go    Measure, MeasuresOf, Sample, the recorder
//	runner.go     Sweep, Run: the worker pool; Result, Point
//	aggregate.go  Stat: median, least, most over seeds
//	output.go     WriteCSV, WriteJSON
//	table.go      WriteTable, Shown, Pick, Cell, Short
//	plot.go       WritePlot
//	builtin.go    the built-in sweeps (Builtins, FindBuiltin)
package sweep
