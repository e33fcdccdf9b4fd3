package netsim

import (
	"cmp"
	"fmt"
	"slices"
)

type procState uint8

const (
	procRunning procState = iota
	procFrozen
	procDead
)

// Process is an application on a host: it owns sockets and timers. It can
// crash (the OS then closes its sockets, as exit() does) or freeze (it stops
// reading and its timers stop, but the kernel goes on ACKing and answering
// keepalive probes for its connections).
type Process struct {
	host  *Host
	name  string
	state procState
	held  []func() // what fell due while frozen, run in order at thaw

	listeners []*Listener
	conns     map[*Conn]struct{}
	udp       []*UDPConn
}

// NewProcess starts a process on a powered host.
func (h *Host) NewProcess(name string) (*Process, error) {
	if !h.powered {
		return nil, fmt.Errorf("netsim: host %s is powered off", h.name)
	}
	p := &Process{host: h, name: name}
	h.procs = append(h.procs, p)
	return p, nil
}

// Name is the process's name.
func (p *Process) Name() string { return p.name }

// Host is the host the process runs on.
func (p *Process) Host() *Host { return p.host }

// Alive reports whether the process runs (frozen or not).
func (p *Process) Alive() bool { return p.state != procDead }

// AllRunning reports whether every process of the run is running: none
// frozen, none dead. While it holds, an application need not ask a process
// of its own whether it is alive: with 100,000 clients, each its own
// process, that question reads a cache line a ping, where this one reads
// the simulator's.
func (s *Sim) AllRunning() bool { return s.notRunning == 0 }

// Frozen reports whether the process is frozen.
func (p *Process) Frozen() bool { return p.state == procFrozen }

// NewTimer returns a stopped timer owned by the process: while the process
// is frozen a firing is held and runs at thaw; once it is dead, never.
func (p *Process) NewTimer(fn func()) *Timer {
	return &Timer{sim: p.host.sim, owner: funcTimer(fn), proc: p}
}

// SetTimer makes *t a stopped timer of p's that calls fn when it fires, as
// NewTimer does, in place: an application that holds its timers among the
// fields of its own state (where its Hint covers them) makes them with it.
// It panics if t is armed: the queue holds an armed timer's place.
func (p *Process) SetTimer(t *Timer, fn func()) {
	if t.Armed() {
		panic("netsim: SetTimer of an armed timer")
	}
	*t = Timer{sim: p.host.sim, owner: funcTimer(fn), proc: p}
}

// SetTimerTo makes *t a stopped timer of p's that calls f.Fire when it
// fires, as SetTimer does with a function: held while p is frozen, never
// once it is dead. A method rather than a closure: with a pointer f, the
// timer's owner is f itself, where a closure is an object of its own,
// whose cache line a firing reads before the state it captured (with
// 10,000 clients, a line a ping). It panics if t is armed.
func SetTimerTo[F Firer](p *Process, t *Timer, f F) {
	if t.Armed() {
		panic("netsim: SetTimerTo of an armed timer")
	}
	*t = Timer{sim: p.host.sim, owner: firing[F]{f}, proc: p}
}

// fire runs the process's timer t, which fell due while some process of
// the run is frozen or dead (Sim.run, which while every process runs
// calls t's owner without reading p's state: with 100,000 clients, each
// its own process, that is a cache line a ping).
// It runs t's owner now while p runs, holds it while p is frozen (a
// function as it is, a Firer's call in a closure, made only then), and
// drops it once p is dead, as run does.
func (p *Process) fire(t *Timer) {
	switch o := t.owner; p.state {
	case procRunning:
		o.fire(t)
	case procFrozen:
		if fn, ok := o.(funcTimer); ok {
			p.held = append(p.held, fn)
		} else {
			p.held = append(p.held, func() { o.fire(t) })
		}
	}
}

// setState moves the process to st, keeping Sim.notRunning.
func (p *Process) setState(st procState) {
	p.host.sim.notRunning += b2i(st != procRunning) - b2i(p.state != procRunning)
	p.state = st
}

// run calls fn unless the process is dead; while it is frozen, later.
func (p *Process) run(fn func()) {
	switch p.state {
	case procRunning:
		fn()
	case procFrozen:
		p.held = append(p.held, fn)
	}
}

// notify delivers a socket notification after the current step.
func (p *Process) notify(fn func()) {
	s := p.host.sim
	s.deferred = append(s.deferred, deferredCall{proc: p, fn: fn})
}

// Freeze stops the application: it reads nothing and its timers hold. The
// kernel keeps its connections alive.
func (p *Process) Freeze() {
	if p.state != procRunning {
		return
	}
	p.setState(procFrozen)
	p.host.sim.Emit(&FaultEvent{At: p.host.sim.now, Action: FaultFreeze, Target: p.host.name + "/" + p.name})
}

// Thaw resumes a frozen application; what fell due meanwhile runs now, in
// order.
func (p *Process) Thaw() {
	if p.state != procFrozen {
		return
	}
	p.setState(procRunning)
	p.host.sim.Emit(&FaultEvent{At: p.host.sim.now, Action: FaultThaw, Target: p.host.name + "/" + p.name})
	held := p.held
	p.held = nil
	for _, fn := range held {
		p.notify(fn)
	}
}

// Crash kills the process. The OS closes its sockets as close() would:
// FIN, or RST where unread data remains; listeners close and their
// unaccepted connections are reset.
func (p *Process) Crash() {
	if p.state == procDead {
		return
	}
	p.host.sim.Emit(&FaultEvent{At: p.host.sim.now, Action: FaultCrash, Target: p.host.name + "/" + p.name})
	p.Exit()
}

// Exit ends the process the way a normal exit does: the OS closes whatever
// sockets it still holds (the same as a crash, without the fault event).
func (p *Process) Exit() {
	if p.state == procDead {
		return
	}
	p.setState(procDead)
	p.held = nil
	for _, l := range p.listeners {
		l.Close()
	}
	conns := make([]*Conn, 0, len(p.conns))
	for c := range p.conns {
		conns = append(conns, c)
	}
	slices.SortFunc(conns, func(a, b *Conn) int { return cmp.Compare(a.id, b.id) })
	for _, c := range conns {
		c.Close()
	}
	for _, u := range p.udp {
		u.Close()
	}
	p.listeners, p.conns, p.udp = nil, nil, nil
}

func (p *Process) adopt(c *Conn) {
	c.proc, c.owned, c.owner = p, true, p.name
	if p.conns == nil {
		p.conns = make(map[*Conn]struct{})
	}
	p.conns[c] = struct{}{}
}

func (p *Process) disown(c *Conn) {
	delete(p.conns, c)
	c.proc, c.owned = nil, false
}
