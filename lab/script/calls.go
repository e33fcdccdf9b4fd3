package script

import (
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/sockcall"
	"github.com/socklab/socklab/netsim"
)

// exec makes the calls of the step at pc: all of them when none blocks,
// else up to the one that does (p.block is then set, and a notice or the
// wake timer carries on).
func (p *Program) exec(st *Step) {
	switch st.Call {
	case Connect:
		p.connect(st)
	case Listen:
		p.listen(st)
	case Accept:
		p.accept(st)
	case Write:
		p.write(st)
	case Read:
		p.read(st)
	case Shutdown:
		p.shutdown(st)
	case Close:
		p.closeSock(st)
	case Setsockopt:
		s := p.target(st, true)
		for _, o := range st.Opts {
			p.setsockopt(s, o)
		}
		p.next()
	case Log:
		text := st.Text
		if text == "" && p.last != nil {
			text = p.last.Text()
		}
		p.env.Narrate(i18n.M(i18n.NarrateScriptLog, "Who", p.who(), "Text", text))
		p.next()
	case Reconnect:
		if s := p.fds[p.cur]; s != nil && s.l == nil {
			p.closeFD(s)
		}
		p.seq, p.pc, p.reps, p.reacting, p.lastDone = p.main, 0, 0, false, p.env.Now()
	case Exit:
		p.env.Narrate(i18n.M(i18n.NarrateScriptExit, "Who", p.who(), "Open", len(p.fds)))
		p.wake.Stop()
		p.proc.Exit()
		p.fds = map[int]*sock{}
		p.pc = len(p.seq)
		p.become(Exited)
	}
}

// target is the socket a step acts on: the one it names, else the current
// one; with fresh, a new socket when there is none open (setsockopt before
// connect or listen). nil when that descriptor is not open (the current
// one was closed, or there never was one).
func (p *Program) target(st *Step, fresh bool) *sock {
	if s := p.fds[p.named(st)]; s != nil {
		return s
	}
	if fresh && st.FD == 0 {
		return p.socket()
	}
	return nil
}

// named is the descriptor a step names: its fd:, else the current socket's
// (still its number after it was closed, as in a program that uses a
// variable after close()), else -1, as a program's unset variable.
func (p *Program) named(st *Step) int {
	switch {
	case st.FD != 0:
		return st.FD
	case p.cur != 0:
		return p.cur
	}
	return -1
}

// socket makes a new socket (socket(2)) on the lowest free descriptor from
// 3, as Linux hands them out (0, 1 and 2 are the standard streams).
func (p *Program) socket() *sock {
	fd := 3
	for p.fds[fd] != nil {
		fd++
	}
	s := &sock{fd: fd}
	p.fds[fd] = s
	p.cur = fd
	p.emit(s, &SyscallEvent{Call: "socket", FD: fd, Args: "AF_INET, SOCK_STREAM, IPPROTO_TCP", Ret: int64(fd)})
	return s
}

// fresh is the current socket if it is neither connected nor listening
// (options were set on it), else a new one.
func (p *Program) fresh() *sock {
	if s := p.fds[p.cur]; s != nil && s.conn == nil && s.l == nil {
		return s
	}
	return p.socket()
}

// badFD answers a call on a descriptor that is not open: EBADF. more
// are the call's arguments after the descriptor, if any.
func (p *Program) badFD(call string, fd int, more ...string) {
	args := strings.Join(append([]string{strconv.Itoa(fd)}, more...), ", ")
	p.finish(nil, &SyscallEvent{Call: call, FD: fd, Args: args, Ret: -1, Errno: netsim.EBADF}, true)
}

func (p *Program) connect(st *Step) {
	s := p.fresh()
	to := p.resolve(st.Host, st.Port)
	args := strconv.Itoa(s.fd) + ", " + to.String()
	c, err := p.proc.Dial(to, s.opts)
	if err != nil {
		p.finish(s, &SyscallEvent{Call: "connect", FD: s.fd, Args: args, Ret: -1, Errno: sockcall.ErrnoOf(err)}, true)
		return
	}
	s.conn = c
	c.OnNotice(func(n netsim.Notice) { p.onNotice(s, n) })
	p.block = &pending{call: "connect", fd: s.fd, since: p.env.Now(), args: args}
}

func (p *Program) listen(st *Step) {
	s := p.fresh()
	fd := strconv.Itoa(s.fd)
	l, err := p.proc.Listen(st.Port, st.Backlog, s.opts)
	bind := &SyscallEvent{Call: "bind", FD: s.fd, Args: fd + ", 0.0.0.0:" + strconv.Itoa(int(st.Port))}
	if err != nil {
		bind.Ret, bind.Errno = -1, sockcall.ErrnoOf(err)
		p.finish(s, bind, true)
		return
	}
	s.l = l
	p.emit(s, bind)
	p.lst = s.fd
	l.OnAcceptable(func() { p.onAcceptable(s) })
	p.finish(s, &SyscallEvent{Call: "listen", FD: s.fd, Args: fd + ", " + strconv.Itoa(st.Backlog)}, true)
}

func (p *Program) accept(st *Step) {
	fd := st.FD
	if fd == 0 {
		fd = p.lst
	}
	s := p.fds[fd]
	switch {
	case s == nil && fd == 0:
		p.badFD("accept", -1)
		return
	case s == nil:
		p.badFD("accept", fd)
		return
	case s.l == nil:
		p.finish(s, &SyscallEvent{Call: "accept", FD: fd, Args: strconv.Itoa(fd), Ret: -1, Errno: sockcall.Unconnected("accept")}, true)
		return
	}
	if !p.acceptOne(s, p.env.Now()) {
		p.block = &pending{call: "accept", fd: s.fd, since: p.env.Now()}
	}
}

// acceptOne takes a connection from s's queue, if one waits: a new
// descriptor, the current socket from now on.
func (p *Program) acceptOne(s *sock, since time.Duration) bool {
	c := sockcall.Accept(s.l)
	if c == nil {
		return false
	}
	n := p.socketFor(c)
	p.reps++
	done := p.reps >= p.steps[p.seq[p.pc]].Count
	p.finish(n, &SyscallEvent{Call: "accept", FD: s.fd, Args: strconv.Itoa(s.fd) + ", " + c.RemoteAddr().String(),
		Ret: int64(n.fd), Blocked: p.env.Now() - since}, done)
	return true
}

// socketFor gives an accepted connection its descriptor.
func (p *Program) socketFor(c *netsim.Conn) *sock {
	fd := 3
	for p.fds[fd] != nil {
		fd++
	}
	s := &sock{fd: fd, conn: c, opts: c.Options()}
	p.fds[fd] = s
	p.cur = fd
	c.OnNotice(func(n netsim.Notice) { p.onNotice(s, n) })
	return s
}

func (p *Program) write(st *Step) {
	data, shown := payload(st)
	s := p.target(st, false)
	if s == nil {
		p.badFD("write", p.named(st), shown)
		return
	}
	args := strconv.Itoa(s.fd) + ", " + shown
	if s.conn == nil {
		p.finish(s, &SyscallEvent{Call: "write", FD: s.fd, Args: args, Ret: -1, Errno: sockcall.Unconnected("write")}, true)
		return
	}
	b := &pending{call: "write", fd: s.fd, since: p.env.Now(), args: args}
	if !p.writeSome(s, b, data) {
		p.block = b
	}
}

// writeSome hands the send buffer what it takes of a write b, and reports
// whether the write returned (sockcall.Write).
func (p *Program) writeSome(s *sock, b *pending, data []byte) bool {
	n, errno, done := sockcall.Write(s.conn, data, b.taken, false, "data")
	b.taken = n
	if !done {
		return false
	}
	e := &SyscallEvent{Call: "write", FD: s.fd, Args: b.args, Ret: int64(n), Blocked: p.env.Now() - b.since}
	if errno != 0 {
		e.Ret, e.Errno = -1, errno
	}
	p.finish(s, e, true)
	return true
}

func (p *Program) read(st *Step) {
	s := p.target(st, false)
	if s == nil {
		p.badFD("read", p.named(st))
		return
	}
	if s.conn == nil {
		p.finish(s, &SyscallEvent{Call: "read", FD: s.fd, Args: strconv.Itoa(s.fd), Ret: -1, Errno: sockcall.Unconnected("read")}, true)
		return
	}
	if p.readOnce(s, st, p.env.Now()) {
		return
	}
	b := &pending{call: "read", fd: s.fd, since: p.env.Now(), args: strconv.Itoa(s.fd)}
	if s.rcvTimeo > 0 {
		b.deadline = p.env.Now() + s.rcvTimeo
		p.wake.Reset(b.deadline)
	}
	p.block = b
}

// readOnce reads what waits on s, if anything does (data, EOF, an
// error), and reports whether the read returned.
func (p *Program) readOnce(s *sock, st *Step, since time.Duration) bool {
	data, errno, done := sockcall.Read(s.conn)
	if !done {
		return false
	}
	e := &SyscallEvent{Call: "read", FD: s.fd, Args: strconv.Itoa(s.fd), Ret: int64(len(data)),
		Blocked: p.env.Now() - since}
	if errno != 0 {
		e.Ret, e.Errno = -1, errno
	}
	again := st.UntilEOF && len(data) > 0
	if again {
		p.reps++
	}
	p.finish(s, e, !again)
	return true
}

func (p *Program) shutdown(st *Step) {
	s := p.target(st, false)
	if s == nil {
		p.badFD("shutdown", p.named(st))
		return
	}
	e := &SyscallEvent{Call: "shutdown", FD: s.fd, Args: strconv.Itoa(s.fd) + ", " + st.How.String()}
	if errno := sockcall.Shutdown(s.l, s.conn, st.How != ShutWR, st.How != ShutRD); errno != 0 {
		e.Ret, e.Errno = -1, errno
	}
	p.finish(s, e, true)
}

func (p *Program) closeSock(st *Step) {
	s := p.target(st, false)
	if s == nil {
		p.badFD("close", p.named(st))
		return
	}
	for _, o := range st.Opts {
		p.setsockopt(s, o)
	}
	p.closeFD(s)
	p.next()
}

// closeFD closes a socket (close(2)): the stack finishes the connection
// (FIN, or RST with unread data or SO_LINGER 0); a listener resets what
// waits in its queue.
func (p *Program) closeFD(s *sock) {
	// What tcp_close will send: a RST with unread data or SO_LINGER 0 on a
	// synchronized connection, else a FIN (or nothing, if it is over).
	var st netsim.State
	if s.conn != nil {
		st = s.conn.State()
	}
	unread := 0
	if s.conn != nil {
		unread = s.conn.Unread()
		p.env.Close(p.host, s.conn)
	}
	if s.l != nil {
		s.l.Close()
	}
	delete(p.fds, s.fd)
	if p.lst == s.fd {
		p.lst = 0
	}
	e := &SyscallEvent{Call: "close", FD: s.fd, Args: strconv.Itoa(s.fd)}
	p.emit(s, e)
	switch {
	case !st.Synchronized():
	case unread > 0 || s.opts.LingerZero:
		p.closing(e, unread, s.opts.LingerZero, false)
	case st == netsim.Established || st == netsim.CloseWait:
		p.closing(e, 0, false, st == netsim.CloseWait)
	}
}

func (p *Program) setsockopt(s *sock, o Opt) {
	e := &SyscallEvent{Call: "setsockopt", FD: s.fd,
		Args: strconv.Itoa(s.fd) + ", " + o.Name.Level() + ", " + o.Name.String() + ", " + o.arg()}
	if o.Name == SORcvTimeo {
		s.rcvTimeo = time.Duration(o.Value)
	} else {
		o.apply(&s.opts, p.proc.Host().Profile())
		switch {
		case s.conn != nil:
			s.conn.SetOptions(s.opts)
		case s.l != nil:
			s.l.SetOptions(s.opts)
		}
	}
	p.emit(s, e)
}

// payload is what a write step writes and how its arguments show it: N
// bytes of a pattern Wireshark shows plainly, or the step's text.
func payload(st *Step) ([]byte, string) {
	if st.Text != "" {
		shown := st.Text
		if len(shown) > 32 {
			shown = shown[:32] + "..."
		}
		return []byte(st.Text), strconv.Quote(shown) + ", " + strconv.Itoa(len(st.Text))
	}
	b := make([]byte, st.Count)
	for i := range b {
		b[i] = 'a' + byte(i%26)
	}
	return b, strconv.Itoa(st.Count)
}

// onNotice: something changed on a socket; a call blocked on it may
// return. A connection the kernel gave up on while no call waited on it
// is the lab's to narrate: the program learns it at its next call.
func (p *Program) onNotice(s *sock, n netsim.Notice) {
	if p.fds[s.fd] != s {
		return
	}
	b := p.block
	if b == nil || b.fd != s.fd {
		if n == netsim.Failed {
			p.env.GaveUp(p.host, p.app, s.conn)
		}
		return
	}
	switch b.call {
	case "connect":
		errno, done := sockcall.Connect(s.conn)
		if !done {
			return // still connecting
		}
		p.block = nil
		e := &SyscallEvent{Call: "connect", FD: s.fd, Args: b.args, Blocked: p.env.Now() - b.since}
		if errno != 0 {
			e.Ret, e.Errno = -1, errno
		}
		p.finish(s, e, true)
	case "read":
		st := &p.steps[p.seq[p.pc]]
		if !p.readOnce(s, st, b.since) {
			return
		}
		p.block = nil
		p.wake.Stop()
	case "write":
		data, _ := payload(&p.steps[p.seq[p.pc]])
		if !p.writeSome(s, b, data) {
			return
		}
		p.block = nil
	default:
		return
	}
	p.run()
}

// onAcceptable: a connection waits in s's accept queue.
func (p *Program) onAcceptable(s *sock) {
	b := p.block
	if b == nil || b.call != "accept" || b.fd != s.fd || p.fds[s.fd] != s {
		return
	}
	p.block = nil
	if !p.acceptOne(s, b.since) {
		p.block = b
		return
	}
	p.run()
}
