// Package conns is the connections pane: each end of each connection, as
// that end sees it — who, the 5-tuple (local side first), the TCP state in
// its colour, what it believes (its application's state, how long ago it
// last heard from its peer) — beside the truth the simulator knows of the
// peer (lab.Truth): a half-open mark while the end believes in a
// connection its peer no longer has, then its detection; and each
// listening socket as a row of its own. Narrower than 120 cells the truth
// goes under its end, on two lines when one does not hold it (a
// detection's rule is read whole). When they do not all fit, the
// first line counts the ends by state. A cursor selects an entry: enter
// on a connection filters the wire on it.
//
//	server tcp 10.0.0.1:8080 LISTEN  listening · 0 of 129 waiting for accept() · 0 half-open · 0 SYNs dropped
//	server tcp 10.0.0.1:8080 ⇄ 10.0.0.2:47659 ESTABLISHED alive · heard 35s ago ⚠ half-open: client powered off at 01:05.000
package conns
