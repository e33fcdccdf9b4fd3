package scenarios

import (
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
}

// Info names a built-in scenario.
type Info struct {
	Name  string
	Title i18n.Text
	// Lesson is the scenario's number in teaching order (Lessons), 0 for
	// a built-in that is not a lesson.
	Lesson int
}

// NewSession builds a fresh lab session for the scenario.
func (sc *Scenario) NewSession() (*lab.Session, error) {
	return lab.New(sc.Config)
}
