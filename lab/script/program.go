package script

import (
	"net/netip"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// Env is what a program needs from the lab around it.
type Env interface {
	// Now is the simulated time.
	Now() time.Duration
	// Emit puts an event into the run's stream (when anyone listens).
	Emit(e netsim.Event)
	// Narrate explains what just happened, in plain words.
	Narrate(m i18n.Message)
	// Resolve is the address of a host or NAT by name (or an IPv4 address
	// written out); ok is false when there is none.
	Resolve(name string) (netip.Addr, bool)
	// TraceStates says whether state changes are events (StateEvent).
	TraceStates() bool
	// Close closes c for the program on host (close(2)): a socket left
	// behind as an orphan, still retransmitting its FIN, is the lab's to
	// narrate when the kernel gives up on it.
	Close(host string, c *netsim.Conn)
	// GaveUp tells the lab that the kernel gave up on c (a timeout) while
	// the program app on host held it without being in a call on it: the
	// program learns it only at its next call, and the lab narrates it.
	GaveUp(host, app string, c *netsim.Conn)
}

// Program is a script running in one process: a single-threaded program
// that makes its calls one after the other, waiting where they block.
//
// The steps without on: are its sequence. A step is due when the one
// before it has returned, and its at or after time has come. A call that
// blocks (connect, accept, read; write, on a full send buffer) holds the
// sequence until it returns.
// After each call returns, the program looks at its reactions: when the
// call failed (on: error, or on: its errno) or a read returned 0 (on:
// eof), the reactions for that event replace the rest of the sequence,
// and run in their turn, like a program's error handling; a failure or
// EOF that no reaction names is returned to the sequence, which goes on
// (as a program that does not check). Results inside reactions are not
// matched again; reconnect runs the sequence again from the start.
type Program struct {
	env       Env
	proc      *netsim.Process
	host, app string
	steps     []Step
	main      []int // the sequence: indices into steps

	state    State
	seq      []int // what runs now: main, or the reactions to an event
	pc       int   // the step of seq that runs or is due next
	reps     int   // calls made so far by the step at pc (accept N)
	reacting bool
	lastDone time.Duration // when the last step returned
	startAt  time.Duration // nothing runs before

	fds      map[int]*sock
	cur, lst int // the current socket, the last listening one (0: none)
	block    *pending
	wake     *netsim.Timer
	calls    int
	last     *SyscallEvent    // the last call, for log
	said     map[i18n.ID]bool // the narrations made (say)
}

// sock is an open socket of the program.
type sock struct {
	fd       int
	conn     *netsim.Conn     // a connection: connecting, connected or failed
	l        *netsim.Listener // a listening socket
	opts     netsim.SockOpts  // what setsockopt set
	rcvTimeo time.Duration    // SO_RCVTIMEO
	told     told             // what the narration has explained already
}

// told remembers what has been narrated about a socket, so that each
// lesson is said once.
type told struct {
	eof       bool // its first EOF
	errOnce   bool // an error was reported on it
	afterSaid bool // what follows an error (EPIPE, EOF)
}

// pending is the call a program is blocked in.
type pending struct {
	call     string // connect, accept, read, write
	fd       int
	since    time.Duration
	args     string
	deadline time.Duration // SO_RCVTIMEO's end, 0 if none
	taken    int           // of a write: what the send buffer has taken so far
}

// New makes the program of a script in process proc (on host, named app).
// Nothing runs until Start.
func New(env Env, proc *netsim.Process, host, app string, steps []Step) *Program {
	p := &Program{env: env, proc: proc, host: host, app: app, steps: steps, fds: map[int]*sock{}}
	for i, st := range steps {
		if st.On == "" {
			p.main = append(p.main, i)
		}
	}
	p.wake = proc.NewTimer(p.onWake)
	return p
}

// Start runs the script from its first step, which is due no earlier than
// at (a group's stagger) and, when it says so, at its own time.
func (p *Program) Start(at time.Duration) {
	p.startAt = max(at, p.env.Now())
	p.seq, p.pc, p.lastDone = p.main, 0, p.startAt
	p.run()
}

// Down tells the program that its process is gone (crashed, stopped, its
// host off): it does nothing more.
func (p *Program) Down() {
	p.wake.Stop()
	p.block = nil
	p.become(Down)
}

// State is the program's state.
func (p *Program) State() State { return p.state }

// run makes the due steps' calls, one after the other, until one blocks,
// one is not due yet, or none is left.
func (p *Program) run() {
	for p.proc.Alive() && p.block == nil {
		if p.pc >= len(p.seq) {
			p.wake.Stop()
			p.become(Done)
			return
		}
		st := &p.steps[p.seq[p.pc]]
		if p.reps == 0 {
			if due := p.due(st); due > p.env.Now() {
				p.wake.Reset(due)
				p.become(Waiting)
				return
			}
		}
		if p.calls >= MaxCalls {
			p.wake.Stop()
			p.env.Narrate(i18n.M(i18n.NarrateScriptLimit, "Who", p.who(), "Max", MaxCalls))
			p.pc = len(p.seq)
			p.become(Done)
			return
		}
		if st.Call == Sleep {
			if st.Sleep == 0 {
				p.next()
				continue
			}
			p.reps = 1
			p.wake.Reset(p.env.Now() + st.Sleep)
			p.become(Waiting)
			return
		}
		p.exec(st)
	}
	if p.block != nil {
		p.become(Blocked)
	}
}

// due is when a step may run.
func (p *Program) due(st *Step) time.Duration {
	if st.HasAt {
		return max(st.At, p.startAt)
	}
	return p.lastDone + st.After
}

// next moves past the current step, which has returned.
func (p *Program) next() {
	p.pc++
	p.reps = 0
	p.lastDone = p.env.Now()
}

// onWake: the time of the step at pc has come, or a sleep ended, or a
// read's SO_RCVTIMEO expired.
func (p *Program) onWake() {
	if b := p.block; b != nil {
		if b.call == "read" && b.deadline > 0 {
			p.block = nil
			s := p.fds[b.fd]
			p.finish(s, &SyscallEvent{Call: "read", FD: b.fd, Args: b.args, Ret: -1, Errno: netsim.EAGAIN,
				Blocked: p.env.Now() - b.since}, true)
		}
		p.run()
		return
	}
	if p.pc < len(p.seq) && p.steps[p.seq[p.pc]].Call == Sleep && p.reps > 0 {
		p.next() // the sleep is over
	}
	p.run()
}

// stepNumber is the step the program is at, from 1 (0 past the last).
func (p *Program) stepNumber() int {
	if p.pc < len(p.seq) {
		return p.seq[p.pc] + 1
	}
	return 0
}

// who names the program for a narration by the naming rule
// (docs/interface.md), as lab names its apps: the host when the app
// shares its name ("server"), else the app on its host ("to-abort (on
// client)").
func (p *Program) who() any {
	if p.app == "" || p.app == p.host {
		return p.host
	}
	return i18n.M(i18n.NarrateWho, "App", p.app, "Host", p.host)
}

// emit completes a call's event and sends it.
func (p *Program) emit(s *sock, e *SyscallEvent) {
	e.At, e.Host, e.App = p.env.Now(), p.host, p.app
	if s != nil && e.Conn == "" {
		e.Conn = s.name()
	}
	p.calls++
	p.last = e
	p.env.Emit(e)
}

// returned records a call of the current step that has returned, explains
// it, and lets a reaction take over when one waits for its result. It
// reports whether one did.
func (p *Program) returned(s *sock, e *SyscallEvent) bool {
	p.emit(s, e)
	p.explain(s, e)
	return p.react(e)
}

// finish records a call of the current step that has returned and, unless
// a reaction took over, ends the step when done says so.
func (p *Program) finish(s *sock, e *SyscallEvent, done bool) {
	if !p.returned(s, e) && done {
		p.next()
	}
}

// react replaces the rest of the sequence with the reactions to e's
// result, if any wait for it: those naming its errno, else those waiting
// for any error; or, for a read that returned 0, those waiting for eof.
func (p *Program) react(e *SyscallEvent) bool {
	if p.reacting || (!e.Failed() && !e.EOF()) {
		return false
	}
	var exact, any []int
	for i, st := range p.steps {
		switch {
		case st.On == "":
		case e.Failed() && st.On == e.Errno.Name():
			exact = append(exact, i)
		case e.Failed() && st.On == OnError, e.EOF() && st.On == OnEOF:
			any = append(any, i)
		}
	}
	if len(exact) == 0 {
		exact = any
	}
	if len(exact) == 0 {
		return false
	}
	p.block = nil
	p.wake.Stop()
	p.seq, p.pc, p.reps, p.reacting, p.lastDone = exact, 0, 0, true, p.env.Now()
	return true
}

// name is the socket's 5-tuple, or "" before it has one.
func (s *sock) name() string {
	switch {
	case s.conn != nil:
		return s.conn.Name()
	case s.l != nil:
		return s.l.Name()
	}
	return ""
}

// kernelAddr is the address a host or NAT name stands for.
func (p *Program) resolve(host string, port uint16) netip.AddrPort {
	a, _ := p.env.Resolve(host)
	return netip.AddrPortFrom(a, port)
}
