package engine

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// Frame is the interval between ticks: about 30 frames a second. Each tick
// advances the simulation by Frame × speed of simulated time: the advance
// is computed, never measured, so the same messages give the same run.
const Frame = time.Second / 30

// Speeds are the speeds -/+ step through: slow motion to a hundred
// thousand times real time.
var Speeds = []float64{0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000}

// SpeedOne is the index of ×1 in Speeds, the speed a lab starts at.
const SpeedOne = 3

// Budgets keep one Update short whatever the scenario: a tick runs at most
// FrameBudget events (the clock then lags behind until it catches up), and
// a step or a jump at most SearchBudget events or SearchHorizon of
// simulated time.
const (
	FrameBudget   = 20_000
	SearchBudget  = 2_000_000
	SearchHorizon = 48 * time.Hour
)

// TickMsg asks the lab to advance one frame. Its Tag is the clock's tag when
// the tick was scheduled; pausing, resuming and changing speed bump the tag
// so that ticks already on their way are dropped.
type TickMsg struct{ Tag int }

// Clock is the lab's notion of running: paused or not, at which speed.
type Clock struct {
	Paused bool
	Speed  int // index into Speeds
	Tag    int
	// Behind says the last tick ran out of budget before reaching its
	// target time.
	Behind bool
}

// Factor is the speed as a multiple of real time.
func (c Clock) Factor() float64 { return Speeds[c.Speed] }

// PerFrame is the simulated time one tick advances.
func (c Clock) PerFrame() time.Duration {
	return time.Duration(float64(Frame) * c.Factor())
}

// Retag invalidates pending ticks and returns the tick that continues the
// clock, or nil when paused.
func (c *Clock) Retag() tea.Cmd {
	c.Tag++
	if c.Paused {
		return nil
	}
	return Tick(c.Tag)
}

// Tick schedules the next frame.
func Tick(tag int) tea.Cmd {
	return tea.Tick(Frame, func(time.Time) tea.Msg { return TickMsg{Tag: tag} })
}
