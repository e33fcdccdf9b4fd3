// Package ladder is the wire pane: a ladder (sequence) diagram with one
// lane per node and one row per packet, drawn as an arrow from the
// sender's lane to where the packet arrived or died, labelled with what it
// is:
//
//	time      client                  fw                    server
//	00:09.000 │── ping #3 [PSH|ACK] seq=25 ack=25 len=8 ─┼──────────▶│
//	00:09.001 │◀────────── pong #3 [PSH|ACK] ... ─────────┼───────────│
//	00:10.000 ✖ client lost power
//	00:12.000 │           ◀──── ping #4 ... ──────────────┼─────✗ host-down
//
// A packet still in flight is dashed. A TCP state change and a socket
// script's call are drawn at their host's lane, the words towards the
// middle:
//
//	00:02.000 ├» write(3, 100) = 100
//	00:03.000 ├» write(3, 100) = -1 EPIPE
//
// Faults, detections, reconnects, middlebox flow changes and parameter
// changes are rows of their own, in words; words that do not fit one line
// continue under the first (at most maxRowLines lines), so a detection's
// rule is read whole at 80 columns:
//
//	02:45.400 :47659 ! ssh: gone, ping #10 unanswered within 15s, 3 in a row
//	                   (heartbeat.max_missed)
//
// The rows are the feed's (ui/feed); the pane draws only those on screen,
// laid out from the bottom up (window).
//
// # Files
//
//	model.go   Model: the pane, its size and scrolling
//	render.go  one row of the diagram: arrows, labels, colours
//	lanes.go   where each lane goes across the width
//	topo.go    NodeOrder (clients left, servers right) and Paths
//	rows.go    Rows: rows drawn outside the pane (a drill run's)
package ladder
