package sweep

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
)

// Sweep is a scenario and the grid to run it over.
type Sweep struct {
	// Scenario names the scenario (a built-in's name or a file) for the
	// outputs.
	Scenario string
	// Load reads the scenario with the --set flags of a point added to the
	// command's own; the sweep calls it from many goroutines.
	Load func(sets []string) (*scenarios.Scenario, error)
	Grid Grid
	// Until stops each run at this simulated time (the scenario's
	// duration when 0); Budget bounds each run's events (the scenario's
	// budget when 0).
	Until  time.Duration
	Budget uint64
	// Workers is how many runs go at once (GOMAXPROCS when 0).
	Workers int
}

// Result is a sweep's outcome: what it measured, at every point.
type Result struct {
	Scenario string
	Grid     Grid
	Measures []Measure
	// Seeds are the seeds each point ran with: the scenario's, then the
	// next ones.
	Seeds  []uint64
	Points []Point
	// Stopped says the sweep was stopped (Ctrl-C) before all its runs:
	// the points not Done have no numbers.
	Stopped bool
}

// Point is one point's runs and their summary.
type Point struct {
	Index int
	// At is the value index of each axis; Sets the --set flags that made
	// the point.
	At   []int
	Sets []string
	// Runs holds one Sample per seed, in the order of Result.Seeds.
	Runs []Sample
	// Stats summarizes the runs, measure by measure.
	Stats []Stat
	Done  bool
}

// Progress is how far a sweep has got: runs done of all its runs, and
// points done (every seed of them run) of all its points.
type Progress struct {
	Done, Total int
	Points, Of  int
}

// Run runs every point of the sweep, each seed of each point a session of
// its own, on Workers goroutines. The result's order is the grid's,
// whatever the order the runs finish in, so that the same sweep gives the
// same output byte for byte on one core or many.
//
// progress, if not nil, is called after each run, from one goroutine at a
// time. When ctx is cancelled the runs under way stop between two steps
// and no new one starts; Run returns what was done (Stopped set) and
// ctx's error.
//
// Before anything runs, every value of every parameter is checked by
// loading the scenario with it, and each run's estimate against its
// budget: a bad value or a run too large is an error naming its flag, and
// nothing has run.
func (s *Sweep) Run(ctx context.Context, progress func(Progress)) (*Result, error) {
	workers := s.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	loaded, err := s.check(workers)
	if err != nil {
		return nil, err
	}
	first := loaded[0]
	g := s.Grid
	res := &Result{Scenario: s.Scenario, Grid: g, Measures: MeasuresOf(first)}
	for k := range g.Seeds {
		res.Seeds = append(res.Seeds, first.Config.Seed+uint64(k))
	}
	n := g.Points()
	res.Points = make([]Point, n)
	for i := range res.Points {
		res.Points[i] = Point{Index: i, At: g.At(i), Sets: g.Sets(i), Runs: make([]Sample, g.Seeds)}
	}

	total := n * g.Seeds
	jobs := make(chan int)
	type outcome struct {
		job    int
		sample Sample
		err    error
	}
	results := make(chan outcome)
	var stop atomic.Bool
	var wg sync.WaitGroup
	for range min(workers, total) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range jobs {
				var sc *scenarios.Scenario
				if job%g.Seeds == 0 {
					sc = loaded[job/g.Seeds] // nil when check did not load it
				}
				sample, err := s.runOne(res, job, sc, &stop)
				results <- outcome{job, sample, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for job := range total {
			select {
			case jobs <- job:
			case <-ctx.Done():
				stop.Store(true)
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	stopWatch := context.AfterFunc(ctx, func() { stop.Store(true) })
	defer stopWatch()

	done := make([]int, n) // runs done per point
	finished, pointsDone := 0, 0
	var firstErr error
	firstJob := total
	for o := range results {
		if o.err != nil {
			// Keep the error of the earliest run, whichever failed first:
			// every run before it was started, and fails or not the same
			// way on every machine.
			if o.job < firstJob && !errors.Is(o.err, errStopped) {
				firstErr, firstJob = o.err, o.job
			}
			stop.Store(true)
			continue
		}
		p := &res.Points[o.job/g.Seeds]
		p.Runs[o.job%g.Seeds] = o.sample
		done[p.Index]++
		if done[p.Index] == g.Seeds {
			p.Done = true
			p.Stats = summarize(res.Measures, p.Runs)
			pointsDone++
		}
		finished++
		if progress != nil {
			progress(Progress{Done: finished, Total: total, Points: pointsDone, Of: n})
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	if finished < total {
		res.Stopped = true
		for i := range res.Points {
			if !res.Points[i].Done {
				res.Points[i].Runs = nil
			}
		}
		return res, ctx.Err()
	}
	return res, nil
}

// errStopped ends a run that the sweep stopped.
var errStopped = errors.New("sweep: stopped") //i18n:ok never shown: the runs the sweep stopped are left out

// runOne runs one seed of one point and measures it: sc is the point's
// scenario when check loaded it (for its first seed), else nil and runOne
// loads it.
func (s *Sweep) runOne(res *Result, job int, sc *scenarios.Scenario, stop *atomic.Bool) (Sample, error) {
	if stop.Load() {
		return nil, errStopped
	}
	point, seed := job/s.Grid.Seeds, job%s.Grid.Seeds
	if sc == nil {
		var err error
		if sc, err = s.load(res.Points[point].Sets); err != nil {
			return nil, &PointError{Sets: res.Points[point].Sets, Err: err}
		}
	}
	sc.Config.Seed = res.Seeds[seed]
	sess, err := sc.NewSession()
	if err != nil {
		return nil, &PointError{Sets: res.Points[point].Sets, Err: err}
	}
	sess.Watch(func(lab.Progress) error {
		if stop.Load() {
			return errStopped
		}
		return nil
	})
	rec := newRecorder(sc, res.Measures)
	r, err := sc.RunSession(sess, s.Until, rec.observe)
	switch {
	case errors.Is(err, errStopped):
		return nil, errStopped
	case err != nil:
		return nil, &PointError{Sets: res.Points[point].Sets, Err: err}
	}
	return rec.sample(r, sess.Now()), nil
}

// load reads the scenario for a point, with the sweep's until and budget.
func (s *Sweep) load(sets []string) (*scenarios.Scenario, error) {
	sc, err := s.Load(sets)
	if err != nil {
		return nil, err
	}
	if s.Until > 0 {
		sc.Duration = s.Until
	}
	if s.Budget > 0 {
		sc.Budget.Events = s.Budget
	}
	return sc, nil
}

// check loads the scenario with every value of every parameter (the other
// axes at their first values) and checks each one's estimate against the
// budget, before anything runs; on workers goroutines, the first error in
// the grid's order wins. It returns the scenarios it loaded by point (nil
// for the points it did not load): each is used once, for the point's
// first seed, so that a sweep of one parameter loads each point once.
func (s *Sweep) check(workers int) ([]*scenarios.Scenario, error) {
	g := s.Grid
	type probe struct{ k, j, point int }
	var probes []probe
	seen := map[int]bool{}
	for k, a := range g.Axes {
		for j := range a.Len() {
			at := make([]int, len(g.Axes))
			at[k] = j
			if i := g.index(at); !seen[i] {
				seen[i] = true
				probes = append(probes, probe{k, j, i})
			}
		}
	}
	loaded := make([]*scenarios.Scenario, g.Points())
	errs := make([]error, len(probes))
	next := atomic.Int64{}
	var wg sync.WaitGroup
	for range min(workers, len(probes)) {
		wg.Go(func() {
			for n := int(next.Add(1) - 1); n < len(probes); n = int(next.Add(1) - 1) {
				p := probes[n]
				sc, err := s.load(g.Sets(p.point))
				if err == nil {
					err = sc.CheckBudget(0)
				}
				if err != nil {
					errs[n] = s.blame(err, p.k, p.j)
					continue
				}
				loaded[p.point] = sc
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return loaded, nil
}

// blame names the flag whose value j of axis k a load refused.
func (s *Sweep) blame(err error, k, j int) error {
	a := s.Grid.Axes[k]
	for _, p := range a.Params {
		var se *scenarios.Error
		if errors.As(err, &se) && se.Path == p.Path {
			flag := "--vary " + p.Path + "=" + p.Spec
			if p.Path != a.Main().Path {
				flag = "--with " + p.Path + "=" + p.Spec
			}
			return &FlagError{Flag: flag, Err: &ValueError{Set: p.Path + "=" + p.Values[j].Text, Err: se}}
		}
	}
	at := make([]int, len(s.Grid.Axes))
	at[k] = j
	return &PointError{Sets: s.Grid.Sets(s.Grid.index(at)), Err: err}
}

// index is the point whose value indexes are at.
func (g Grid) index(at []int) int {
	i := 0
	for k, a := range g.Axes {
		i = i*a.Len() + at[k]
	}
	return i
}

// ValueError is a value the scenario refused: "PATH=VALUE: what is
// wrong" (the scenario's error without its position, which is the flag).
type ValueError struct {
	Set string
	Err *scenarios.Error
}

func (e *ValueError) Error() string { return e.In(i18n.English) }

// In renders the error in l.
func (e *ValueError) In(l i18n.Lang) string { return e.Set + ": " + e.Err.Msg.In(l) }

func (e *ValueError) Unwrap() error { return e.Err }

// PointError is an error of one point's run: "the point PATH=VALUE …:
// what is wrong".
type PointError struct {
	Sets []string
	Err  error
}

func (e *PointError) Error() string { return e.In(i18n.English) }

// In renders the error in l.
func (e *PointError) In(l i18n.Lang) string {
	return l.T(i18n.SweepPoint, "Sets", strings.Join(e.Sets, " ")) + ": " + i18n.ErrorText(e.Err, l)
}

func (e *PointError) Unwrap() error { return e.Err }
