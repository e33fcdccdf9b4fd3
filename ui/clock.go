package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// frame is the interval between ticks: about 30 frames a second. Each tick
// advances the simulation by frame × speed of simulated time: the advance
// is computed, never measured, so the same messages give the same run.
const frame = time.Second / 30

// speeds are the speeds -/+ step through: slow motion to a hundred
// thousand times real time.
var speeds = []float64{0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000}

// speedOne is the index of ×1 in speeds, the speed a lab starts at.
const speedOne = 3

// Budgets keep one Update short whatever the scenario: a tick runs at most
// frameBudget events (the clock then lags behind until it catches up), and
// a step or a jump at most searchBudget events or searchHorizon of
// simulated time.
const (
	frameBudget   = 20_000
	searchBudget  = 2_000_000
	searchHorizon = 48 * time.Hour
)

// tickMsg asks the lab to advance one frame. Its tag is the clock's tag when
// the tick was scheduled; pausing, resuming and changing speed bump the tag
// so that ticks already on their way are dropped.
type tickMsg struct{ tag int }

// clock is the lab's notion of running: paused or not, at which speed.
type clock struct {
	paused bool
	speed  int // index into speeds
	tag    int
	// behind says the last tick ran out of budget before reaching its
	// target time.
	behind bool
}

// factor is the speed as a multiple of real time.
func (c clock) factor() float64 { return speeds[c.speed] }

// perFrame is the simulated time one tick advances.
func (c clock) perFrame() time.Duration {
	return time.Duration(float64(frame) * c.factor())
}

// retag invalidates pending ticks and returns the tick that continues the
// clock, or nil when paused.
func (c *clock) retag() tea.Cmd {
	c.tag++
	if c.paused {
		return nil
	}
	return tick(c.tag)
}

// tick schedules the next frame.
func tick(tag int) tea.Cmd {
	return tea.Tick(frame, func(time.Time) tea.Msg { return tickMsg{tag: tag} })
}
