package netsim

// Errno is an error a socket reports, named as Linux names it.
type Errno uint8

// Socket errors. EOF is not an errno but is reported the same way: it is
// what a read returns once the peer's FIN (or a reported error) has been
// consumed.
const (
	ECONNRESET Errno = iota + 1
	ECONNREFUSED
	ETIMEDOUT
	EPIPE
	EOF
	EADDRINUSE
	ENOTCONN
	EINVAL
	EADDRNOTAVAIL
	// EAGAIN: a read on a socket with a receive timeout (SO_RCVTIMEO)
	// found nothing before it expired (tcp_recvmsg_locked: "if (!timeo)
	// copied = -EAGAIN").
	EAGAIN
	// EBADF: the call named a file descriptor the process has not open.
	// Not a socket's error but the process's; the socket scripts of lab
	// report it as Linux does.
	EBADF
	// ECONNABORTED: a connect whose connection closed without an error
	// to report (__inet_stream_connect: sock_error, else -ECONNABORTED).
	ECONNABORTED
)

var errnoNames = [...]struct{ name, text string }{
	ECONNRESET:    {"ECONNRESET", "connection reset by peer"},
	ECONNREFUSED:  {"ECONNREFUSED", "connection refused"},
	ETIMEDOUT:     {"ETIMEDOUT", "connection timed out"},
	EPIPE:         {"EPIPE", "broken pipe"},
	EOF:           {"EOF", "end of file"},
	EADDRINUSE:    {"EADDRINUSE", "address already in use"},
	ENOTCONN:      {"ENOTCONN", "transport endpoint is not connected"},
	EINVAL:        {"EINVAL", "invalid argument"},
	EADDRNOTAVAIL: {"EADDRNOTAVAIL", "cannot assign requested address"},
	EAGAIN:        {"EAGAIN", "resource temporarily unavailable"},
	EBADF:         {"EBADF", "bad file descriptor"},
	ECONNABORTED:  {"ECONNABORTED", "software caused connection abort"},
}

// Name is the errno's symbol: "ECONNRESET".
func (e Errno) Name() string {
	if int(e) < len(errnoNames) && errnoNames[e].name != "" {
		return errnoNames[e].name
	}
	return "E?"
}

// Error reads like the C library's strerror: "netsim: connection reset by
// peer".
func (e Errno) Error() string {
	if int(e) < len(errnoNames) && errnoNames[e].text != "" {
		return "netsim: " + errnoNames[e].text
	}
	return "netsim: unknown error"
}

// ParseErrno finds an errno by its symbol ("ECONNRESET"); EOF is not one.
func ParseErrno(name string) (Errno, bool) {
	for e, n := range errnoNames {
		if n.name != "" && n.name == name && Errno(e) != EOF {
			return Errno(e), true
		}
	}
	return 0, false
}

// Errnos lists the errnos by symbol, in a fixed order (EOF, which is no
// errno, left out).
func Errnos() []Errno {
	var out []Errno
	for e, n := range errnoNames {
		if n.name != "" && Errno(e) != EOF {
			out = append(out, Errno(e))
		}
	}
	return out
}
