package netsim

import "net/netip"

// Listener is a listening TCP socket (listen()). Connections it completes
// wait in its accept queue until the application accepts them; while the
// queue holds more than backlog connections, new SYNs and handshake ACKs are
// dropped without an answer (Linux sk_acceptq_is_full: backlog + 1 fit).
//
// SYN cookies are not modelled: the half-open queue has no limit of its
// own, as with Linux's tcp_syncookies = 1 where an overflow is answered
// with a cookie rather than dropped.
type Listener struct {
	host     *Host
	proc     *Process
	addr     netip.AddrPort
	name     string
	port     uint16
	backlog  int
	opts     SockOpts // inherited by accepted connections
	acceptQ  []*Conn
	halfOpen []*Conn
	notice   func()
	closed   bool
	drops    uint64
	accepted uint64
}

// Listen opens a listening socket on port with the given backlog (capped
// at the profile's somaxconn). opts are inherited by every connection it
// accepts, as Linux children inherit SO_KEEPALIVE and its parameters.
func (p *Process) Listen(port uint16, backlog int, opts SockOpts) (*Listener, error) {
	h := p.host
	switch {
	case !p.Alive() || !h.powered:
		return nil, EINVAL
	case backlog < 0:
		return nil, invalid("backlog", RuleNotNegative, backlog)
	case h.listeners[port] != nil:
		return nil, EADDRINUSE
	}
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	addr := netip.AddrPortFrom(h.ip, port)
	l := &Listener{
		host: h, proc: p, addr: addr, port: port, opts: opts,
		backlog: min(backlog, h.profile.SomaxConn),
		name:    "tcp " + addr.String() + " > *:*",
	}
	h.listeners[port] = l
	p.listeners = append(p.listeners, l)
	h.sim.stateChanged(h.name, l.name, p.name, Closed, Listen)
	return l, nil
}

// Addr is the listening address.
func (l *Listener) Addr() netip.AddrPort { return l.addr }

// Name is "tcp 10.0.0.1:8080 > *:*".
func (l *Listener) Name() string { return l.name }

// Process is the process that listens (and will accept).
func (l *Listener) Process() *Process { return l.proc }

// Owner names the process that listens.
func (l *Listener) Owner() string { return l.proc.name }

// Backlog is the accept queue's limit.
func (l *Listener) Backlog() int { return l.backlog }

// SetBacklog changes the limit, as a second listen() call does.
func (l *Listener) SetBacklog(n int) { l.backlog = min(max(n, 0), l.host.profile.SomaxConn) }

// Options returns the options accepted connections inherit.
func (l *Listener) Options() SockOpts { return l.opts }

// SetOptions changes the options that connections inherit from now on
// (setsockopt on the listening socket): a connection inherits them when
// its SYN arrives (tcp_create_openreq_child clones the listener), so one
// already half-open or queued keeps what it had.
func (l *Listener) SetOptions(o SockOpts) error {
	if err := o.Validate(); err != nil {
		return err
	}
	l.opts = o
	return nil
}

// Queued is the number of connections waiting for accept().
func (l *Listener) Queued() int { return len(l.acceptQ) }

// HalfOpen is the number of connections in SYN_RECEIVED.
func (l *Listener) HalfOpen() int { return len(l.halfOpen) }

// Drops counts SYNs and handshake ACKs dropped because the queue was full.
func (l *Listener) Drops() uint64 { return l.drops }

// Accepted counts connections handed to the application.
func (l *Listener) Accepted() uint64 { return l.accepted }

// OnAcceptable sets the function told that a connection waits in the accept
// queue.
func (l *Listener) OnAcceptable(fn func()) { l.notice = fn }

// Accept takes the oldest connection from the accept queue, or returns nil.
// The connection then belongs to the listener's process.
func (l *Listener) Accept() *Conn {
	if len(l.acceptQ) == 0 {
		return nil
	}
	c := l.acceptQ[0]
	l.acceptQ = l.acceptQ[1:]
	c.listener = nil
	l.proc.adopt(c)
	l.accepted++
	return c
}

func (l *Listener) full() bool { return len(l.acceptQ) > l.backlog }

// syn starts a passive open: a child connection in SYN_RECEIVED answers
// with SYN-ACK.
func (l *Listener) syn(p *Packet) {
	h := l.host
	c := h.newConn(nil, p.Dst, p.Src, l.opts)
	c.listener, c.passive, c.owner = l, true, l.proc.name
	now := h.sim.now
	c.irs, c.rcvNxt = p.Seq, p.Seq+1
	c.lastHeard = now
	c.segsIn++
	if o := p.options(); o.MSS != 0 {
		c.mss = min(c.mss, int32(o.MSS))
	}
	c.agree(p)
	c.setPeerWindow(uint32(p.Win))
	c.sndWL1 = p.Seq
	h.link(keyOf(p.Dst.Port(), p.Src), c)
	l.halfOpen = append(l.halfOpen, c)
	c.state = Listen // the RFC's TCB moves LISTEN → SYN-RECEIVED
	c.setState(SynReceived)
	c.rcvNxtBy = p.ID
	c.sendSYNACK()
	c.armRetransmit(TimerSYNACK, h.profile.InitialRTO)
}

// ready moves a child whose handshake completed to the accept queue.
func (l *Listener) ready(c *Conn) {
	l.removeHalfOpen(c)
	l.acceptQ = append(l.acceptQ, c)
	if l.notice != nil && !l.closed {
		fn := l.notice
		l.proc.notify(fn)
	}
}

// removeHalfOpen takes c out of the half-open list. Handshakes mostly
// complete in the order they began, so c is usually the oldest: then the
// list is resliced, not moved, and a herd of 100,000 connecting clients
// costs no more per connection than one.
func (l *Listener) removeHalfOpen(c *Conn) {
	for i, x := range l.halfOpen {
		if x != c {
			continue
		}
		if i == 0 {
			l.halfOpen[0] = nil
			l.halfOpen = l.halfOpen[1:]
		} else {
			l.halfOpen = append(l.halfOpen[:i], l.halfOpen[i+1:]...)
		}
		return
	}
}

// forget removes a child that closed before it was accepted.
func (l *Listener) forget(c *Conn) {
	l.removeHalfOpen(c)
	for i, x := range l.acceptQ {
		if x == c {
			l.acceptQ = append(l.acceptQ[:i], l.acceptQ[i+1:]...)
			return
		}
	}
}

// Close stops listening (inet_csk_listen_stop): connections still waiting
// in the accept queue are reset, half-open ones forgotten.
func (l *Listener) Close() {
	if l.closed {
		return
	}
	l.closed = true
	h := l.host
	if h.listeners[l.port] == l {
		delete(h.listeners, l.port)
	}
	for _, c := range append([]*Conn(nil), l.halfOpen...) {
		c.becomeClosed()
	}
	for _, c := range append([]*Conn(nil), l.acceptQ...) {
		c.sendRST(TriggerResetListenerClosed)
		c.becomeClosed()
	}
	l.halfOpen, l.acceptQ = nil, nil
	h.sim.stateChanged(h.name, l.name, l.proc.name, Listen, Closed)
}
