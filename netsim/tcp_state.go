package netsim

import "fmt"

// State is a TCP connection state (RFC 9293 section 3.3.2).
//
//	                            +---------+ ---------\      active OPEN
//	                            |  CLOSED |            \    -----------
//	                            +---------+<---------\   \   create TCB
//	                              |     ^              \   \  snd SYN
//	                 passive OPEN |     |   CLOSE        \   \
//	                 ------------ |     | ----------       \   \
//	                  create TCB  |     | delete TCB         \   \
//	                              V     |                      \   \
//	          rcv RST (note 1)  +---------+            CLOSE    |    \
//	       -------------------->|  LISTEN |          ---------- |     |
//	      /                     +---------+          delete TCB |     |
//	     /           rcv SYN      |     |     SEND              |     |
//	    /           -----------   |     |    -------            |     V
//	+--------+      snd SYN,ACK  /       \   snd SYN          +--------+
//	|        |<-----------------           ------------------>|        |
//	|  SYN   |                    rcv SYN                     |  SYN   |
//	|  RCVD  |<-----------------------------------------------|  SENT  |
//	|        |                  snd SYN,ACK                   |        |
//	|        |------------------           -------------------|        |
//	+--------+   rcv ACK of SYN  \       /  rcv SYN,ACK       +--------+
//	   |         --------------   |     |   -----------
//	   |                x         |     |     snd ACK
//	   |                          V     V
//	   |  CLOSE                 +---------+
//	   | -------                |  ESTAB  |
//	   | snd FIN                +---------+
//	   |                 CLOSE    |     |    rcv FIN
//	   V                -------   |     |    -------
//	+---------+         snd FIN  /       \   snd ACK         +---------+
//	|  FIN    |<----------------          ------------------>|  CLOSE  |
//	| WAIT-1  |------------------                            |   WAIT  |
//	+---------+          rcv FIN  \                          +---------+
//	  | rcv ACK of FIN   -------   |                          CLOSE  |
//	  | --------------   snd ACK   |                         ------- |
//	  V        x                   V                         snd FIN V
//	+---------+               +---------+                    +---------+
//	|FINWAIT-2|               | CLOSING |                    | LAST-ACK|
//	+---------+               +---------+                    +---------+
//	  |              rcv ACK of FIN |                 rcv ACK of FIN |
//	  |  rcv FIN     -------------- |    Timeout=2MSL -------------- |
//	  |  -------            x       V    ------------        x       V
//	   \ snd ACK              +---------+delete TCB          +---------+
//	     -------------------->|TIME-WAIT|------------------->| CLOSED  |
//	                          +---------+                    +---------+
type State uint8

// TCP states.
const (
	Closed State = iota
	Listen
	SynSent
	SynReceived
	Established
	FinWait1
	FinWait2
	CloseWait
	Closing
	LastAck
	TimeWait
)

var stateNames = [...]string{
	Closed:      "CLOSED",
	Listen:      "LISTEN",
	SynSent:     "SYN_SENT",
	SynReceived: "SYN_RECEIVED",
	Established: "ESTABLISHED",
	FinWait1:    "FIN_WAIT_1",
	FinWait2:    "FIN_WAIT_2",
	CloseWait:   "CLOSE_WAIT",
	Closing:     "CLOSING",
	LastAck:     "LAST_ACK",
	TimeWait:    "TIME_WAIT",
}

// String is the RFC name as the contract spells it: "SYN_SENT".
func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("State(%d)", s)
}

// Synchronized reports whether the connection has completed its handshake
// (RFC 9293's synchronized states).
func (s State) Synchronized() bool { return s >= Established }

// canSend reports whether the application may still queue data.
func (s State) canSend() bool {
	return s == Established || s == CloseWait || s == SynSent || s == SynReceived
}

// legal lists the transitions the model makes. Anything else is a bug in
// the model, and setState panics on it, as etcd raft does for its roles.
var legal = map[[2]State]bool{
	{Closed, SynSent}:          true, // connect()
	{Listen, SynReceived}:      true, // a child created by a listener
	{SynSent, SynReceived}:     true, // simultaneous open
	{SynSent, Established}:     true,
	{SynSent, Closed}:          true, // RST, timeout, close()
	{SynReceived, Established}: true,
	{SynReceived, FinWait1}:    true, // close() before the handshake completes
	{SynReceived, Closed}:      true, // RST, SYN-ACK retries exhausted
	{Established, FinWait1}:    true,
	{Established, CloseWait}:   true,
	{Established, Closed}:      true, // RST, abort, timeout
	{FinWait1, FinWait2}:       true,
	{FinWait1, Closing}:        true,
	{FinWait1, TimeWait}:       true,
	{FinWait1, Closed}:         true,
	{FinWait2, TimeWait}:       true,
	{FinWait2, Closed}:         true, // orphan timeout, RST
	{CloseWait, LastAck}:       true,
	{CloseWait, Closed}:        true,
	{Closing, TimeWait}:        true,
	{Closing, Closed}:          true,
	{LastAck, Closed}:          true,
	{TimeWait, Closed}:         true,
}
