package drill

import (
	"cmp"
	"net/netip"
	"slices"
	"strconv"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/sockcall"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
)

// socket is a file descriptor of the script: a TCP socket not yet
// connected, a listener or a connection.
type socket struct {
	fd       int64
	opts     netsim.SockOpts
	port     uint16 // bound
	nonblock bool
	listener *netsim.Listener
	conn     *netsim.Conn
	// unread holds what a read took from the socket and the script did
	// not ask for yet (the model hands over its whole buffer at once).
	unread []byte
	eof    bool
	err    netsim.Errno // an error read() must report next
	// written is how much of a blocked write the send buffer has taken.
	written int
}

// pendingCall is a blocking call waiting to return.
type pendingCall struct {
	index int
	call  *Syscall
	sock  *socket
	end   time.Duration
	kind  TimeKind
}

// result is what a call returned: a value, or -1 and an errno.
type result struct {
	ret   int64
	errno string
	// wantVal and gotVal are the value getsockopt was to read and the
	// one it read.
	wantVal, gotVal string
}

func (x result) String() string {
	if x.errno != "" {
		return strconv.FormatInt(x.ret, 10) + " " + x.errno
	}
	return strconv.FormatInt(x.ret, 10)
}

func ok(v int64) result            { return result{ret: v} }
func failed(e netsim.Errno) result { return result{ret: -1, errno: e.Name()} }
func errno(name string) result     { return result{ret: -1, errno: name} }

// syscalls are the calls the runner models; any other is refused. Each
// returns its result, the socket it used, and whether it blocks (it is
// called again when its socket changes, until it does not).
var syscalls map[string]func(r *runner, c *Syscall) (result, *socket, bool)

func init() { // a map literal would refer to itself through wake
	syscalls = map[string]func(r *runner, c *Syscall) (result, *socket, bool){
		"socket":     (*runner).socketCall,
		"bind":       (*runner).bind,
		"listen":     (*runner).listen,
		"accept":     (*runner).accept,
		"connect":    (*runner).connect,
		"write":      (*runner).write,
		"send":       (*runner).write,
		"read":       (*runner).read,
		"recv":       (*runner).read,
		"close":      (*runner).closeCall,
		"shutdown":   (*runner).shutdown,
		"setsockopt": (*runner).setsockopt,
		"getsockopt": (*runner).getsockopt,
		"fcntl":      (*runner).fcntl,
	}
}

// arity is how many arguments each call takes, as Linux's (fcntl: 2, or 3
// with F_SETFL).
var arity = map[string]int{
	"socket": 3, "bind": 3, "listen": 2, "accept": 3, "connect": 3, "write": 3, "send": 4, "read": 3,
	"recv": 4, "close": 1, "shutdown": 2, "setsockopt": 5, "getsockopt": 5, "fcntl": 2,
}

// checkCall refuses a call, or an argument, the runner does not model.
func checkCall(c *Syscall) error {
	unsupported := func(what string) error {
		return &scenarios.Error{Pos: c.Pos, Msg: i18n.M(i18n.DrillUnsupported, "What", what)}
	}
	if syscalls[c.Name] == nil {
		return unsupported(c.Name)
	}
	want := arity[c.Name]
	if c.Name == "fcntl" && len(c.Args) > 1 && c.Args[1].Text == "F_SETFL" {
		want = 3
	}
	if len(c.Args) != want {
		return &scenarios.Error{Pos: c.Pos, Msg: i18n.M(i18n.DrillCallArgs, "Call", c.Name, "Count", want, "Got", len(c.Args))}
	}
	arg := func(i int) Expr {
		if i < len(c.Args) {
			return c.Args[i]
		}
		return Expr{}
	}
	switch c.Name {
	case "socket":
		if t := arg(1); t.Kind != ExprWord || t.Text != "SOCK_STREAM" {
			return unsupported("socket " + t.String())
		}
	case "setsockopt", "getsockopt":
		name := arg(2).Text
		if _, known := sockopts[name]; !known {
			return unsupported(c.Name + " " + arg(2).String())
		}
	case "fcntl":
		if cmd := arg(1).Text; cmd != "F_SETFL" && cmd != "F_GETFL" {
			return unsupported("fcntl " + arg(1).String())
		}
	case "send", "recv":
		if f := arg(3); f.Kind != ExprInt || f.Int != 0 {
			return unsupported(c.Name + " " + f.String())
		}
	}
	switch c.Name {
	case "write", "send", "read", "recv":
		// The model holds what is written: a length is a count of bytes,
		// at most MaxIOSize.
		if n := arg(2); n.Kind == ExprInt && (n.Int < 0 || n.Int > MaxIOSize) {
			return &scenarios.Error{Pos: n.Pos, Msg: i18n.M(i18n.DrillCallLength, "Call", c.Name, "Text", n.Int, "Hi", MaxIOSize)}
		}
	case "shutdown":
		switch arg(1).Text {
		case "SHUT_RD", "SHUT_WR", "SHUT_RDWR":
		default:
			return unsupported("shutdown " + arg(1).String())
		}
	}
	return nil
}

// call runs a system call line; a blocking one is left pending.
func (r *runner) call(c *Syscall, end time.Duration) *Failure {
	var (
		res   result
		sock  *socket
		block bool
	)
	r.sim.Do(func() { res, sock, block = syscalls[c.Name](r, c) })
	// The socket under test, whose tcp_info a %{ }% block reads: the
	// one the call made (socket, accept) or used.
	if fd, isInt := intArg(c, 0); isInt && c.Name != "socket" {
		r.lastFd = fd
	}
	if (c.Name == "socket" || c.Name == "accept") && res.errno == "" && !block {
		r.lastFd = res.ret
	}
	if block {
		if !c.Blocking {
			return &Failure{Msg: i18n.M(i18n.DrillBlocked, "Call", c.Name)}
		}
		r.pending = append(r.pending, &pendingCall{index: r.cur, call: c, sock: sock, end: end, kind: r.sc.Events[r.cur].Kind})
		return nil
	}
	if c.Blocking {
		if f := r.timing(Absolute, i18n.DrillWhatReturn, end, end, r.sim.Now()); f != nil {
			return f
		}
	}
	return r.judge(c, res)
}

// judge compares a call's result with the script's.
func (r *runner) judge(c *Syscall, res result) *Failure {
	want := c.Ret
	if want.Kind == ExprInt && want.Int != res.ret {
		return &Failure{Msg: i18n.M(i18n.DrillCallResult, "Call", c.Name, "Want", want.Int, "Got", res.String())}
	}
	if c.Errno != "" && c.Errno != res.errno || c.Errno == "" && res.errno != "" && want.Kind != ExprEllipsis {
		return &Failure{Msg: i18n.M(i18n.DrillCallErrno, "Call", c.Name, "Want", cmp.Or(c.Errno, "-"), "Got", res.String())}
	}
	if res.wantVal != "" && res.wantVal != res.gotVal {
		return &Failure{Msg: i18n.M(i18n.DrillCallValue, "Call", c.Name, "Want", res.wantVal, "Got", res.gotVal)}
	}
	return nil
}

// wake returns the blocking calls whose socket now has an answer, in the
// order they were made. It runs after every step of the simulation.
func (r *runner) wake() {
	for i := 0; i < len(r.pending); i++ {
		p := r.pending[i]
		var (
			res   result
			block bool
		)
		res, _, block = syscalls[p.call.Name](r, p.call)
		if block {
			continue
		}
		r.pending = slices.Delete(r.pending, i, i+1)
		i--
		r.res.At[p.index] = r.sim.Now()
		f := r.timing(p.kind, i18n.DrillWhatReturn, p.end, p.end, r.sim.Now())
		if f == nil {
			f = r.judge(p.call, res)
		}
		if f != nil {
			r.fail(p.index, f)
		}
	}
}

func intArg(c *Syscall, i int) (int64, bool) {
	if i < len(c.Args) && c.Args[i].Kind == ExprInt {
		return c.Args[i].Int, true
	}
	return 0, false
}

// fd finds the socket the call's first argument names.
func (r *runner) fd(c *Syscall) *socket {
	fd, _ := intArg(c, 0)
	return r.fds[fd]
}

func (r *runner) sortedFds() []*socket {
	out := make([]*socket, 0, len(r.fds))
	for _, s := range r.fds {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b *socket) int { return cmp.Compare(a.fd, b.fd) })
	return out
}

// socketCall: the descriptor is the one the script expects (packetdrill
// maps the script's numbers onto the live ones the same way).
func (r *runner) socketCall(c *Syscall) (result, *socket, bool) {
	fd := c.Ret.Int
	if c.Ret.Kind != ExprInt || fd < 0 {
		fd = r.nextFd()
	}
	s := &socket{fd: fd}
	r.fds[fd] = s
	return ok(fd), s, false
}

func (r *runner) nextFd() int64 {
	fd := int64(3)
	for r.fds[fd] != nil {
		fd++
	}
	return fd
}

func (r *runner) bind(c *Syscall) (result, *socket, bool) {
	s := r.fd(c)
	if s == nil {
		return failed(netsim.EBADF), nil, false
	}
	s.port = scriptPort
	return ok(0), s, false
}

func (r *runner) listen(c *Syscall) (result, *socket, bool) {
	s := r.fd(c)
	if s == nil {
		return failed(netsim.EBADF), nil, false
	}
	backlog, _ := intArg(c, 1)
	if s.listener != nil { // listen() again changes the backlog
		s.listener.SetBacklog(int(backlog))
		return ok(0), s, false
	}
	l, err := r.proc.Listen(cmp.Or(s.port, scriptPort), int(backlog), s.opts)
	if err != nil {
		return errResult(err), s, false
	}
	s.listener = l
	l.OnAcceptable(r.wake)
	return ok(0), s, false
}

// errResult is the result of a call netsim refused, with the errno
// socket scripts report for it (sockcall.ErrnoOf).
func errResult(err error) result { return failed(sockcall.ErrnoOf(err)) }

// accept takes a connection from the queue; the new descriptor is the one
// the script expects.
func (r *runner) accept(c *Syscall) (result, *socket, bool) {
	s := r.fd(c)
	if s == nil || s.listener == nil {
		return failed(sockcall.Unconnected("accept")), s, false
	}
	conn := sockcall.Accept(s.listener)
	if conn == nil {
		if s.nonblock {
			return failed(netsim.EAGAIN), s, false
		}
		return result{}, s, true
	}
	fd := c.Ret.Int
	if c.Ret.Kind != ExprInt || fd < 0 || r.fds[fd] != nil {
		fd = r.nextFd()
	}
	n := &socket{fd: fd, opts: conn.Options(), conn: conn}
	r.fds[fd] = n
	conn.OnNotice(func(netsim.Notice) { r.wake() })
	return ok(fd), n, false
}

func (r *runner) connect(c *Syscall) (result, *socket, bool) {
	s := r.fd(c)
	if s == nil {
		return failed(netsim.EBADF), nil, false
	}
	if s.conn == nil {
		conn, err := r.proc.Dial(netip.AddrPortFrom(RemoteAddr, scriptPort), s.opts)
		if err != nil {
			return errResult(err), s, false
		}
		s.conn = conn
		r.localPort, r.peerPort = conn.LocalAddr().Port(), scriptPort
		conn.OnNotice(func(netsim.Notice) { r.wake() })
		if s.nonblock {
			return errno("EINPROGRESS"), s, false
		}
	}
	e, done := sockcall.Connect(s.conn)
	switch {
	case !done && s.nonblock:
		return errno("EALREADY"), s, false
	case !done:
		return result{}, s, true
	case e != 0:
		return failed(e), s, false
	}
	return ok(0), s, false
}

func (r *runner) write(c *Syscall) (result, *socket, bool) {
	s := r.fd(c)
	if s == nil {
		return failed(netsim.EBADF), s, false
	}
	if s.conn == nil {
		return failed(sockcall.Unconnected("write")), s, false
	}
	n, _ := intArg(c, 2)
	if int64(len(r.zeros)) < n {
		r.zeros = make([]byte, n) // a blocked write is made again after every step: once is enough
	}
	taken, e, done := sockcall.Write(s.conn, r.zeros[:n], s.written, s.nonblock, "data")
	switch {
	case !done:
		s.written = taken
		return result{}, s, true
	case e != 0:
		s.written = 0
		return failed(e), s, false
	}
	s.written = 0
	return ok(int64(taken)), s, false
}

func (r *runner) read(c *Syscall) (result, *socket, bool) {
	s := r.fd(c)
	if s == nil {
		return failed(netsim.EBADF), s, false
	}
	if s.conn == nil {
		return failed(sockcall.Unconnected("read")), s, false
	}
	want, _ := intArg(c, 2)
	if len(s.unread) == 0 && !s.eof && s.err == 0 {
		b, e, done := sockcall.Read(s.conn)
		switch {
		case e != 0:
			s.err = e
		case done && b == nil:
			s.eof = true
		default:
			s.unread = append(s.unread, b...)
		}
	}
	switch {
	case len(s.unread) > 0:
		n := min(int(want), len(s.unread))
		s.unread = s.unread[n:]
		return ok(int64(n)), s, false
	case s.err != 0:
		e := s.err
		s.err = 0
		return failed(e), s, false
	case s.eof:
		return ok(0), s, false
	case s.nonblock:
		return failed(netsim.EAGAIN), s, false
	}
	return result{}, s, true
}

func (r *runner) closeCall(c *Syscall) (result, *socket, bool) {
	s := r.fd(c)
	if s == nil {
		return failed(netsim.EBADF), nil, false
	}
	delete(r.fds, s.fd)
	switch {
	case s.conn != nil:
		s.conn.Close()
	case s.listener != nil:
		s.listener.Close()
	}
	return ok(0), s, false
}

func (r *runner) shutdown(c *Syscall) (result, *socket, bool) {
	s := r.fd(c)
	if s == nil {
		return failed(netsim.EBADF), nil, false
	}
	how := c.Args[1].Text
	if e := sockcall.Shutdown(s.listener, s.conn, how != "SHUT_WR", how != "SHUT_RD"); e != 0 {
		return failed(e), s, false
	}
	return ok(0), s, false
}

func (r *runner) fcntl(c *Syscall) (result, *socket, bool) {
	s := r.fd(c)
	if s == nil {
		return failed(netsim.EBADF), nil, false
	}
	if c.Args[1].Text == "F_GETFL" {
		if s.nonblock {
			return ok(oNonblock | oRdwr), s, false
		}
		return ok(oRdwr), s, false
	}
	s.nonblock = hasWord(c.Args[2], "O_NONBLOCK")
	return ok(0), s, false
}

// O_RDWR and O_NONBLOCK as Linux numbers them (asm-generic/fcntl.h).
const (
	oRdwr     = 02
	oNonblock = 04000
)

func hasWord(e Expr, w string) bool {
	if e.Kind == ExprWord {
		return e.Text == w
	}
	for _, x := range e.Items {
		if hasWord(x, w) {
			return true
		}
	}
	return false
}
