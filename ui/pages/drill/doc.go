// Package drill is the page of `socklab play FILE.pkt`: a packetdrill
// script's run (scenarios/drill) on the ladder, each line of the script
// beside what it did on the wire.
//
//	   line  script                    time      port   local       remote
//	✔    11  +0 < S 0:0(0) win 65535   00:00.000 :40000  │◀── [S] 0 ──────│
//	✔    12  +0 > S. 0:0(0) ack 1      00:00.000 :40000  │── [S.] 0 ack 1 ▶│
//	         (a row the script does not name: a state change)
//	✘    20  +0 > F. 1:1(0) ack 2 win  00:00.201 :40000  │── [F.] 1 ack 2 ▶│
//
// A packet line sits beside the segment it injected or was held against
// (by the segment's ID, netsim.Packet.ID); any other line — a system call,
// a sysctl, an assertion — beside an empty ladder at its time; rows of the
// run that no line names (state changes, a segment the stack sent that
// the script never expected) come in time order between them, the script
// column empty. The first mismatch is ✘, the lines after it not run (·);
// the pane under the list says, for the line under the cursor, when it
// held, or packetdrill's report of the mismatch: the script line, the
// expected and the actual packet.
//
// The run is over before the page opens (a script runs in simulated time,
// in milliseconds): the page only reads its Result and the feed that
// watched it.
//
// # Files
//
//	model.go  Model: the keys, the cursor
//	lines.go  the script's events and the feed's rows merged in time order
//	view.go   View: title, the script beside the ladder, the detail, keys
package drill
