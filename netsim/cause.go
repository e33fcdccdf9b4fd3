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
	CauseFIN:               {"fin", "doc.cause.fin"},
	CauseRST:               {"rst", "doc.cause.rst"},
	CauseKeepalive:         {"keepalive", "doc.cause.keepalive"},
	CauseRetransmitTimeout: {"retransmit_timeout", "doc.cause.retransmit_timeout"},
	CauseUserTimeout:       {"user_timeout", "doc.cause.user_timeout"},
	CauseHeartbeatTimeout:  {"heartbeat_timeout", "doc.cause.heartbeat_timeout"},
	CauseIdleTimeout:       {"idle_timeout", "doc.cause.idle_timeout"},
	CauseConnectTimeout:    {"connect_timeout", "doc.cause.connect_timeout"},
	CauseRefused:           {"refused", "doc.cause.refused"},
}

// String is the contract's name: "heartbeat_timeout" ("" for no cause).
func (c Cause) String() string { return nameOf(causeNames, c) }

// Doc is the ID of the cause's description in lab/i18n's catalog.
func (c Cause) Doc() string { return docOf(causeNames, c) }

// ConnectFailure reports whether the cause ends a connect attempt rather
// than an established connection.
func (c Cause) ConnectFailure() bool { return c == CauseConnectTimeout || c == CauseRefused }

// ParseCause reads a cause by its name.
func ParseCause(name string) (Cause, bool) { return parseName[Cause](causeNames, name) }

// Causes lists every cause, in the order the documentation shows them.
func Causes() []Cause { return valuesOf[Cause](causeNames) }
