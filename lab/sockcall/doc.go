// Package sockcall holds the rules of Linux's socket calls on netsim's
// sockets that every caller of them shares — socket scripts (lab/script)
// and packetdrill's system calls (scenarios/drill) —, so that a call means
// the same in a lesson and in a drill:
//
//   - which errno a call reports (ErrnoOf, Unconnected);
//   - when a call that blocks returns, and with what: connect once the
//     handshake is over (Connect), read once data, EOF or an error waits
//     (Read), accept once a connection is queued (Accept), write once the
//     send buffer has taken everything (Write); and what the same calls
//     return on a non-blocking socket;
//   - what shutdown does to a listener and to a connection (Shutdown).
//
// Each caller keeps its own bookkeeping — descriptors, events, when to
// call again —: a call that blocks is made again when its socket's notice
// (or the listener's) comes, until it is done.
//
//	errno.go  ErrnoOf, Unconnected: the errnos
//	calls.go  Connect, Read, Accept, Write, Shutdown: when a call returns
package sockcall
