package drill

import (
	"math"
	"strconv"
	"time"

	"github.com/socklab/socklab/netsim"
)

// sockopt is a socket option the model has: how setsockopt's value sets it
// and what getsockopt reads back.
type sockopt struct {
	set func(r *runner, o *netsim.SockOpts, v int64, e Expr)
	get func(r *runner, s *socket) int64
}

// sockopts are the options scripts set that the model has, by name; every
// other one is refused as unsupported. SO_REUSEADDR changes nothing the
// model has (no port is ever in TIME_WAIT's way of a bind).
var sockopts = map[string]sockopt{
	"SO_REUSEADDR": {set: func(*runner, *netsim.SockOpts, int64, Expr) {}, get: func(*runner, *socket) int64 { return 1 }},
	"SO_KEEPALIVE": {
		set: func(_ *runner, o *netsim.SockOpts, v int64, _ Expr) { o.KeepAlive = v != 0 },
		get: func(_ *runner, s *socket) int64 { return int64(b2i(s.opts.KeepAlive)) },
	},
	"SO_LINGER": {
		// {onoff=1, linger=0}: close() sends RST. A linger time above
		// zero (close blocking until the data is acknowledged) is not
		// modelled: checkLinger refuses it.
		set: func(_ *runner, o *netsim.SockOpts, _ int64, e Expr) {
			on, _ := e.Field("onoff")
			secs, _ := e.Field("linger")
			o.LingerZero = on.Int != 0 && secs.Int == 0
		},
	},
	"TCP_NODELAY": {
		set: func(_ *runner, o *netsim.SockOpts, v int64, _ Expr) { o.NoDelay = v != 0 },
		get: func(_ *runner, s *socket) int64 { return int64(b2i(s.opts.NoDelay)) },
	},
	"TCP_KEEPIDLE": {
		set: func(_ *runner, o *netsim.SockOpts, v int64, _ Expr) { o.KeepIdle = time.Duration(v) * time.Second },
		get: func(r *runner, s *socket) int64 {
			return int64(orDefault(s.opts.KeepIdle, r.host.Profile().KeepIdle) / time.Second)
		},
	},
	"TCP_KEEPINTVL": {
		set: func(_ *runner, o *netsim.SockOpts, v int64, _ Expr) { o.KeepIntvl = time.Duration(v) * time.Second },
		get: func(r *runner, s *socket) int64 {
			return int64(orDefault(s.opts.KeepIntvl, r.host.Profile().KeepIntvl) / time.Second)
		},
	},
	"TCP_KEEPCNT": {
		set: func(_ *runner, o *netsim.SockOpts, v int64, _ Expr) { o.KeepCnt = int(v) },
		get: func(r *runner, s *socket) int64 { return int64(orDefault(s.opts.KeepCnt, r.host.Profile().KeepCnt)) },
	},
	"TCP_USER_TIMEOUT": { // milliseconds (tcp_sock_set_user_timeout)
		set: func(_ *runner, o *netsim.SockOpts, v int64, _ Expr) {
			o.UserTimeout = time.Duration(v) * time.Millisecond
		},
		get: func(_ *runner, s *socket) int64 { return int64(s.opts.UserTimeout / time.Millisecond) },
	},
	"TCP_SYNCNT": {
		set: func(_ *runner, o *netsim.SockOpts, v int64, _ Expr) { o.SynRetries = int(v) },
		get: func(r *runner, s *socket) int64 {
			return int64(orDefault(s.opts.SynRetries, r.host.Profile().SynRetries))
		},
	},
	// SO_SNDBUF and SO_RCVBUF store twice what is asked, capped and
	// floored as sock_setsockopt does (netsim's SndBufFor, RcvBufFor);
	// getsockopt reads what is stored, or when the socket set nothing the
	// host's tcp_rmem[1], and tcp_wmem[1] as the connection grew it
	// (netsim's Conn.SndBuf: tcp_sndbuf_expand).
	"SO_SNDBUF": {
		set: func(r *runner, o *netsim.SockOpts, v int64, _ Expr) { o.SndBuf = r.host.Profile().SndBufFor(v) },
		get: func(r *runner, s *socket) int64 {
			if s.conn != nil && s.opts.SndBuf == 0 {
				return int64(s.conn.SndBuf())
			}
			return int64(orDefault(int(s.opts.SndBuf), r.host.Profile().SndBuf))
		},
	},
	"SO_RCVBUF": {
		set: func(r *runner, o *netsim.SockOpts, v int64, _ Expr) { o.RcvBuf = r.host.Profile().RcvBufFor(v) },
		get: func(r *runner, s *socket) int64 { return int64(orDefault(int(s.opts.RcvBuf), r.host.Profile().RcvBuf)) },
	},
	// TCP_MAXSEG: 0, or 88 to 32767 (else EINVAL, as do_tcp_setsockopt);
	// getsockopt reads the MSS a connection sends with, or what was set.
	"TCP_MAXSEG": {
		set: func(_ *runner, o *netsim.SockOpts, v int64, _ Expr) {
			if v < 0 || v > math.MaxUint16 {
				v = math.MaxUint16 // out of range either way: Validate refuses it
			}
			o.MaxSeg = uint16(v)
		},
		get: func(_ *runner, s *socket) int64 {
			if s.conn != nil {
				return int64(s.conn.MaxSeg())
			}
			return int64(netsim.MaxSegOf(s.opts))
		},
	},
	"SO_ERROR": {
		get: func(_ *runner, s *socket) int64 { return 0 }, // read through soError
	},
}

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// value is an option's value as written: [1], 1, or {…} for SO_LINGER.
func value(e Expr) int64 {
	if e.Kind == ExprList && !e.Brace && len(e.Items) == 1 {
		return e.Items[0].Int
	}
	return e.Int
}

func (r *runner) setsockopt(c *Syscall) (result, *socket, bool) {
	s := r.fd(c)
	if s == nil {
		return failed(netsim.EBADF), nil, false
	}
	opt := sockopts[c.Args[2].Text]
	if opt.set == nil {
		return errno("ENOPROTOOPT"), s, false
	}
	o := s.opts
	opt.set(r, &o, value(c.Args[3]), c.Args[3])
	if err := o.Validate(); err != nil {
		return failed(netsim.EINVAL), s, false
	}
	s.opts = o
	switch {
	case s.conn != nil:
		s.conn.SetOptions(o) // validated above
	case s.listener != nil:
		s.listener.SetOptions(o)
	}
	return ok(0), s, false
}

// getsockopt reads an option back; the script's value, [N], must match
// (SO_ERROR takes the socket's pending error, as sock_error does).
func (r *runner) getsockopt(c *Syscall) (result, *socket, bool) {
	s := r.fd(c)
	if s == nil {
		return failed(netsim.EBADF), nil, false
	}
	name := c.Args[2].Text
	opt := sockopts[name]
	if opt.get == nil {
		return errno("ENOPROTOOPT"), s, false
	}
	var got int64
	var gotErr string
	if name == "SO_ERROR" {
		if s.conn != nil {
			if e := s.conn.Err(); e != 0 {
				gotErr = e.Name()
			}
		}
	} else {
		got = opt.get(r, s)
	}
	want := c.Args[3]
	if want.Kind == ExprList && len(want.Items) == 1 {
		want = want.Items[0]
	}
	res := ok(0)
	if name == "SO_ERROR" {
		res.gotVal = orDefault(gotErr, "0")
	} else {
		res.gotVal = strconv.FormatInt(got, 10)
	}
	if want.Kind == ExprInt || want.Kind == ExprWord {
		res.wantVal = want.String()
	}
	return res, s, false
}
