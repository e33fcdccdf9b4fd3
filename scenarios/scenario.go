package scenarios

import (
	"errors"
	"strings"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
)

// Scenario is a parsed, validated scenario: a lab configuration, what it
// teaches, how long it runs, and what must happen.
type Scenario struct {
	// Name is the built-in name ("power-loss-heartbeat") or the file's
	// base name without extension.
	Name string
	// Title is one line for lists, in one language or both.
	Title i18n.Text
	// Teaches is the paragraph shown at the start: the point of the
	// lesson, in one language or both.
	Teaches i18n.Text
	// Source names where it came from: "builtin:NAME" or the file path.
	Source string
	// Text is the scenario's full text, as read (recordings embed it).
	Text []byte
	// Duration is how long `socklab run` simulates.
	Duration time.Duration
	// Capture names the host whose interface export captures by default
	// (the key capture:), where the lesson's point shows; "" for the
	// first client's host (CaptureHost).
	Capture string
	// Config is the lab to build, defaults applied.
	Config lab.Config
	// Expect lists what must happen.
	Expect []Expectation
	// Budget bounds the work of a run (lab.DefaultBudget unless the
	// command line raises it): Run refuses a run estimated beyond it, and
	// every session the scenario builds stops if it goes beyond it anyway.
	Budget lab.Budget

	// root is the file as parsed (with the --set flags applied), for the
	// place of a refusal found after the parse: a run's cost.
	root *node
}

// Info names a built-in scenario.
type Info struct {
	Name  string
	Title i18n.Text
	// Lesson is the scenario's number in teaching order (Lessons), 0 for
	// a built-in that is not a lesson.
	Lesson int
}

// NewSession builds a fresh lab session for the scenario, with its budget.
func (sc *Scenario) NewSession() (*lab.Session, error) {
	s, err := lab.New(sc.Config)
	if err != nil {
		return nil, err
	}
	s.SetBudget(sc.Budget)
	return s, nil
}

// CheckBudget refuses a run to until (the scenario's duration when 0)
// that its estimate puts beyond the budget: at once, before anything
// runs, naming what drives it, at the place the file names the costliest
// app, or at the --set flag that made it so (a *Error, "file:line:col: a
// run of …").
func (sc *Scenario) CheckBudget(until time.Duration) error {
	if until <= 0 {
		until = sc.Duration
	}
	err := sc.Config.Check(until, sc.Budget)
	var be *lab.BudgetError
	if errors.As(err, &be) && be.App != "" && sc.root != nil {
		return &Error{Pos: sc.costPlace(be), Msg: be.Msg, Err: be} // the message names the app and its settings
	}
	return err
}

// costPlace is where a run refused for its cost points: the --set flag
// that gave a setting driving it, else where the file names the app.
func (sc *Scenario) costPlace(be *lab.BudgetError) Pos {
	app := "apps." + be.App
	for _, p := range be.Params {
		name, _, _ := strings.Cut(p, "=")
		if pos := sc.root.lookup(app + "." + name).pos; pos.Set != "" {
			return pos
		}
	}
	return sc.root.keyPos(app)
}
