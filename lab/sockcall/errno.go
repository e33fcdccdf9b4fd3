package sockcall

import (
	"errors"

	"github.com/socklab/socklab/netsim"
)

// ErrnoOf is the errno a call reports for a netsim error: the error itself
// when it is one, EINVAL otherwise.
func ErrnoOf(err error) netsim.Errno {
	var e netsim.Errno
	if errors.As(err, &e) {
		return e
	}
	return netsim.EINVAL
}

// Unconnected is what a call reports on a TCP socket that has no
// connection (never connected, listening, or closed), as Linux returns it:
// write EPIPE (tcp_sendmsg: sk_stream_wait_connect outside SYN_SENT and
// SYN_RECV), read ENOTCONN (tcp_recvmsg on a listener or a closed
// socket), shutdown ENOTCONN (inet_shutdown on a closed socket); accept on
// a socket that is not listening EINVAL (inet_accept).
func Unconnected(call string) netsim.Errno {
	switch call {
	case "write":
		return netsim.EPIPE
	case "accept":
		return netsim.EINVAL
	}
	return netsim.ENOTCONN
}
