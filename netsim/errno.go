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
