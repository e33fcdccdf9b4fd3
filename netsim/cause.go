package netsim

// Cause says why a side concluded that its peer, or its connection, is
// gone: the "cause" of the contract's detect event. The stack gives the
// TCP causes when it ends a connection (Conn.FailCause); the application
// models above give the others (a FIN read as EOF, a heartbeat or idle
// timeout, their own connect timeout). The whole set is declared here, the
// lowest layer that produces any of it.
type Cause uint8

// Causes of a detection.
const (
	CauseFIN               Cause = iota + 1 // the peer closed: its FIN read as EOF
	CauseRST                                // a RST arrived: ECONNRESET (EPIPE in CLOSE_WAIT)
	CauseKeepalive                          // keepalive probes went unanswered
	CauseRetransmitTimeout                  // tcp_retries2 ran out
	CauseUserTimeout                        // TCP_USER_TIMEOUT ran out
	CauseHeartbeatTimeout                   // an application heartbeat went unanswered
	CauseIdleTimeout                        // an application heard nothing for its idle timeout
	CauseConnectTimeout                     // a connect attempt timed out (SYN retries, or the app's own limit)
	CauseRefused                            // a RST answered our SYN: ECONNREFUSED
)

var causeNames = []Named{
	CauseFIN:               {"fin", "the peer closed the connection: its FIN was read as EOF, at once"},
	CauseRST:               {"rst", "a RST arrived (the peer rebooted, or a middlebox reset the flow): ECONNRESET at once"},
	CauseKeepalive:         {"keepalive", "TCP keepalive probes went unanswered: after idle + interval × count, the kernel sends a RST and reports ETIMEDOUT"},
	CauseRetransmitTimeout: {"retransmit_timeout", "unacknowledged data was resent until tcp_retries2 ran out: ETIMEDOUT, no RST"},
	CauseUserTimeout:       {"user_timeout", "data (or keepalive probes) stayed unacknowledged for TCP_USER_TIMEOUT: ETIMEDOUT"},
	CauseHeartbeatTimeout:  {"heartbeat_timeout", "the application heartbeat: a ping went unanswered, or the peer was silent longer than expected"},
	CauseIdleTimeout:       {"idle_timeout", "the application received nothing for its idle timeout (Netty's reader idle)"},
	CauseConnectTimeout:    {"connect_timeout", "a connect attempt failed: no SYN-ACK before the SYN retries (or the client's own connect timeout) ran out"},
	CauseRefused:           {"refused", "a connect attempt failed: the host answered the SYN with a RST, nothing listens on the port (ECONNREFUSED)"},
}

// String is the contract's name: "heartbeat_timeout" ("" for no cause).
func (c Cause) String() string { return nameOf(causeNames, c) }

// Doc is the one-sentence description of the cause.
func (c Cause) Doc() string { return docOf(causeNames, c) }

// ConnectFailure reports whether the cause ends a connect attempt rather
// than an established connection.
func (c Cause) ConnectFailure() bool { return c == CauseConnectTimeout || c == CauseRefused }

// ParseCause reads a cause by its name.
func ParseCause(name string) (Cause, bool) { return parseName[Cause](causeNames, name) }

// Causes lists every cause, in the order the documentation shows them.
func Causes() []Cause { return valuesOf[Cause](causeNames) }
