package script

import (
	"strconv"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// View is what the interface shows of a program: its state in words, its
// open sockets and its timers.
type View struct {
	State   State
	Summary i18n.Message
	// Sockets are the open descriptors, in order, with their 5-tuples
	// ("" for a socket not yet connected or listening).
	Sockets []SocketView
	Timers  []TimerView
}

// SocketView is an open descriptor.
type SocketView struct {
	FD   int
	Conn string
}

// TimerView is a timer of the program: when its next step is due, or
// when its read gives up (SO_RCVTIMEO).
type TimerView struct {
	Name            i18n.ID
	Start, Deadline time.Duration
}

// View takes the program's view now.
func (p *Program) View() View {
	v := View{State: p.state}
	now := p.env.Now()
	switch p.state {
	case Down:
		v.Summary = i18n.M(i18n.ScriptStateDown)
	case Exited:
		v.Summary = i18n.M(i18n.ScriptStateExited)
	case Done:
		v.Summary = i18n.M(i18n.ScriptStateDone)
	case Blocked:
		b := p.block
		v.Summary = i18n.M(i18n.ScriptStateBlocked, "Call", b.call+"("+strconv.Itoa(b.fd)+")", "For", netsim.Shown(now-b.since))
		if b.deadline > 0 {
			v.Timers = append(v.Timers, TimerView{Name: i18n.ScriptTimerRcvTimeo, Start: b.since, Deadline: b.deadline})
		}
	case Waiting:
		v.Summary = i18n.M(i18n.ScriptStateWaiting, "Step", p.stepNumber(), "Steps", len(p.steps), "At", p.wake.Deadline())
		v.Timers = append(v.Timers, TimerView{Name: i18n.ScriptTimerStep, Start: p.wake.ArmedAt(), Deadline: p.wake.Deadline()})
	}
	for fd := 3; len(v.Sockets) < len(p.fds); fd++ {
		if s := p.fds[fd]; s != nil {
			v.Sockets = append(v.Sockets, SocketView{FD: fd, Conn: s.name()})
		}
	}
	return v
}
