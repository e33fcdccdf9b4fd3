package script

import (
	"fmt"
	"time"

	"github.com/socklab/socklab/netsim"
)

// State is where a program is in its life (the diagram of doc.go). Every
// change goes through Program.become, which checks it against transitions
// and, when the lab traces states, records it as a StateEvent.
type State uint8

// Program states. The zero state is Down: a program whose process has not
// started is as down as one whose host lost power.
const (
	Down    State = iota // its process does not run: not started, crashed, powered off, stopped
	Waiting              // for the time its next step is due (at, after, sleep)
	Blocked              // in a call that waits: connect, accept, read
	Done                 // past its last step: it waits for ever, its sockets open (pause())
	Exited               // it ran exit: its OS closed its sockets
)

var stateNames = [...]string{Down: "down", Waiting: "waiting", Blocked: "blocked", Done: "done", Exited: "exited"}

// String is the state's code, as the script_state event shows it.
func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("State(%d)", s)
}

// transitions lists the changes a program makes, besides going down, which
// any state may. A program runs its steps at once until one waits or
// blocks, so from any running state it may reach any other.
var transitions = map[[2]State]bool{
	{Down, Waiting}:    true, // started: its first step is not due yet
	{Down, Blocked}:    true, // started, and its first call waits
	{Down, Done}:       true, // started, and ran every step at once
	{Down, Exited}:     true, // ... the last being exit
	{Waiting, Blocked}: true, // the step came due, and its call waits
	{Waiting, Done}:    true,
	{Waiting, Exited}:  true,
	{Blocked, Waiting}: true, // the call returned; the next step is not due yet
	{Blocked, Done}:    true,
	{Blocked, Exited}:  true,
}

// become moves the program to state to: a change of the table, or to down
// from anywhere. Staying in the same state is no change (a call returning
// and the next one blocking again).
func (p *Program) become(to State) {
	from := p.state
	if from == to {
		return
	}
	if to != Down && !transitions[[2]State{from, to}] {
		panic("script: invalid transition [" + from.String() + " -> " + to.String() + "] of " + p.app)
	}
	p.state = to
	if p.env.TraceStates() {
		p.env.Emit(&StateEvent{At: p.env.Now(), Host: p.host, App: p.app, From: from, To: to, Step: p.stepNumber()})
	}
}

// StateEvent records a program's change of state (kind "script_state";
// only when the lab traces states).
type StateEvent struct {
	At       time.Duration
	Host     string
	App      string
	From, To State
	// Step is the step it is at, from 1 (0 when it is past its last).
	Step int
}

func (e *StateEvent) When() time.Duration { return e.At }
func (e *StateEvent) Kind() string        { return "script_state" }
func (e *StateEvent) Line() string {
	return fmt.Sprintf("%-9s %-8s %s %s → %s (step %d)", "script", e.Host, e.App, e.From, e.To, e.Step)
}
func (e *StateEvent) AppendFields(f *netsim.Fields) {
	f.Str("host", e.Host)
	f.Str("app", e.App)
	f.Str("from", e.From.String())
	f.Str("to", e.To.String())
	f.Int("step", int64(e.Step))
}
