// Package timers is the timers pane: every live timer of the lab (TCP's
// retransmission, keepalive, TIME_WAIT, SYN timers; the applications'
// next ping, answer and idle timeouts, reconnect backoff) as a countdown
// bar with its time left, in a stable order (by node, then connection) so
// that bars do not jump around as they re-arm. When they do not all fit,
// the first line counts them by name.
package timers
