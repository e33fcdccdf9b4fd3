package sockcall

import "github.com/socklab/socklab/netsim"

// Connect is where a connect() that began the handshake on c stands (the
// caller dialled with Process.Dial): not done while the handshake is under
// way (SYN_SENT, SYN_RECEIVED: __inet_stream_connect waits in
// inet_wait_for_connect). Once it is over: 0 if the connection was
// established, whatever came after; else the error its failure left,
// taken as sock_error takes it (ECONNREFUSED, ETIMEDOUT, …), or
// ECONNABORTED if none was left.
func Connect(c *netsim.Conn) (netsim.Errno, bool) {
	switch st := c.State(); {
	case st == netsim.SynSent || st == netsim.SynReceived:
		return 0, false
	case st != netsim.Closed:
		return 0, true
	}
	if e := c.TakeError(); e != 0 {
		return e, true
	}
	return netsim.ECONNABORTED, true
}

// Read is what a read() on c returns now: everything waiting (the caller
// hands it out as the call asks); at EOF, nothing and no error; or the
// pending error, once (tcp_recvmsg_locked's order: netsim's Conn.Read).
// Not done while nothing waits: a blocking read waits for the socket's
// next notice, a non-blocking one returns EAGAIN.
func Read(c *netsim.Conn) (data []byte, e netsim.Errno, done bool) {
	data, err := c.Read()
	switch {
	case err == netsim.EOF:
		return nil, 0, true
	case err != nil:
		return nil, ErrnoOf(err), true
	}
	return data, 0, data != nil
}

// Accept takes the first connection queued on l; nil while none is: a
// blocking accept waits for the listener's notice (OnAcceptable), a
// non-blocking one returns EAGAIN.
func Accept(l *netsim.Listener) *netsim.Conn { return l.Accept() }

// Write is a write() of p on c of which taken bytes went into the send
// buffer already (a write that blocked and was woken): it queues what fits
// now and returns how much of p is taken in all, and whether the call
// returns, and with what (tcp_sendmsg_locked):
//
//   - the connection failed (or was shut for writing): what was taken, or
//     if nothing was, the error (a pending one once, then EPIPE);
//   - everything is taken: len(p);
//   - non-blocking: what was taken, or if nothing was, EAGAIN;
//   - else not done: the call waits for the socket's next notice
//     (netsim's Writable) and is made again with what it took so far.
//
// Without SO_SNDBUF netsim's send queue takes everything at once.
func Write(c *netsim.Conn, p []byte, taken int, nonblock bool, msg string) (n int, e netsim.Errno, done bool) {
	k, err := c.Send(p[taken:], msg)
	n = taken + k
	switch {
	case err != nil && n == 0:
		return 0, ErrnoOf(err), true
	case err != nil, n == len(p):
		return n, 0, true
	case nonblock && n == 0:
		return 0, netsim.EAGAIN, true
	case nonblock:
		return n, 0, true
	}
	return n, 0, false
}

// Shutdown is shutdown() on a socket, the sides it shuts: on a listener
// l, shutting reading stops it listening and shutting writing does
// nothing (inet_shutdown); on a connection c, each side as netsim's Conn
// does it; on a socket with neither, or whose connection is over,
// ENOTCONN.
func Shutdown(l *netsim.Listener, c *netsim.Conn, rd, wr bool) netsim.Errno {
	switch {
	case l != nil:
		if rd {
			l.Close()
		}
		return 0
	case c == nil || c.State() == netsim.Closed:
		return Unconnected("shutdown")
	}
	if rd {
		c.ShutdownRead() // fails only on a closed connection
	}
	if wr {
		c.Shutdown()
	}
	return 0
}
