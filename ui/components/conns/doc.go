// Package conns is the connections pane: each end of each connection, as
// that end sees it — who, the 5-tuple (local side first), the TCP state in
// its colour, the application's state, and how long ago it last heard from
// its peer. When they do not all fit, the first line counts them by state.
package conns
