package serve

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/ui/engine"
)

// A lab's frame costs what its scenario's state costs to draw: a lesson's
// under a millisecond, a herd of 10,000 clients more, whatever its
// events. The cores are
// the class's, so a session paces its lab: after a frame that took more
// than FrameShare, the next tick waits paceFactor times as long as that
// frame took. Such a lab takes at most a tenth of a core; it draws fewer
// frames, and its simulated clock, which advances a frame's worth per
// tick, runs slower than its speed says. A lesson's frames never wait.
const (
	// FrameShare is what a frame may cost before the next one waits: two
	// cores shared by 40 students at 30 frames a second give each 1.7 ms
	// a frame; a lab may take twice that and more before it is paced.
	FrameShare = 4 * time.Millisecond
	// paceFactor is how many times a costly frame's time the next tick
	// waits: the lab then has at most 1/(1+paceFactor) of a core.
	paceFactor = 9
)

// pacer times a session's frames: a tick's Update and the View that
// follows it (Bubble Tea draws right after Update, in the same
// goroutine). It paces the next tick, and tells Config.Frames, when set.
type pacer struct {
	report      func(work, interval time.Duration)
	start, prev time.Time
	last        time.Duration // the last frame's time
}

// pacedTick is a tick the pacer held back; it goes to the lab as it is.
type pacedTick struct{ engine.TickMsg }

// hold returns the command that delivers tick later, when the last frame
// cost more than its share; nil when the tick may go now.
func (p *pacer) hold(tick engine.TickMsg) tea.Cmd {
	if p.last <= FrameShare {
		return nil
	}
	wait := p.last * paceFactor
	p.last = 0
	return tea.Tick(wait, func(time.Time) tea.Msg { return pacedTick{tick} })
}

// tick notes that a tick's Update begins.
func (p *pacer) tick() { p.start = time.Now() }

// drawn notes that the View after it is done.
func (p *pacer) drawn() {
	if p.start.IsZero() {
		return
	}
	p.last = time.Since(p.start)
	if p.report != nil {
		var interval time.Duration
		if !p.prev.IsZero() {
			interval = p.start.Sub(p.prev)
		}
		p.report(p.last, interval)
	}
	p.prev, p.start = p.start, time.Time{}
}
