package netsim

// Trigger says what made a node send a packet: an application's call, a
// timer of the stack, or an arriving packet it answers. It is the first
// line of a packet's story in the inspector and the "trigger" of a sent
// segment in the event stream. It refines the segment's Note: every
// trigger implies one note (most imply none), so the note a segment has
// always been given is derived from it (Trigger.Note).
type Trigger uint8

// Triggers of a packet.
const (
	TriggerWrite               Trigger = iota + 1 // the application's write(): data, sent when the windows allowed
	TriggerConnect                                // connect(): the SYN
	TriggerAnswerSYN                              // the SYN-ACK of a passive open (or a simultaneous one), answering a SYN
	TriggerSYNAgain                               // the SYN-ACK sent again because the client's SYN came again
	TriggerHandshake                              // the ACK that completes connect()'s three-way handshake
	TriggerClose                                  // close() or shutdown(SHUT_WR): a FIN without data
	TriggerSYNRetransmit                          // the SYN (or SYN-ACK) timer expired: retransmission #N
	TriggerRTO                                    // the retransmission timer expired: RTO retransmission #N
	TriggerTailLossProbe                          // a tail loss probe: the last segment sent again
	TriggerTailLossProbeNew                       // a tail loss probe carrying new data
	TriggerFastRetransmit                         // the third duplicate ACK
	TriggerPartialACK                             // an ACK in recovery that leaves a hole: the next lost segment
	TriggerZeroWindowProbe                        // the persist timer: zero-window probe #N
	TriggerKeepalive                              // the keepalive timer: probe #N of Of
	TriggerAckNow                                 // an ACK sent at once
	TriggerDelayedACK                             // the delayed-ACK timer expired
	TriggerDupACK                                 // an out-of-order segment arrived: an ACK reporting the gap
	TriggerUnacceptable                           // an ACK answering a segment outside the receive window
	TriggerChallengeACK                           // an ACK answering a suspicious RST or SYN (RFC 5961)
	TriggerWindowUpdate                           // the application's read opened the receive window
	TriggerResetUnread                            // close() with unread data: RST instead of FIN
	TriggerResetLinger                            // close() with SO_LINGER 0 (abort): RST
	TriggerResetKeepalive                         // keepalive gave up: RST, then ETIMEDOUT
	TriggerResetListenerClosed                    // the listening socket closed with the connection still queued
	TriggerResetNoSocket                          // a segment for no socket: RST in its name
	TriggerResetBadACK                            // a handshake segment acknowledging what was never sent: RST
	TriggerResetDataAfterClose                    // data for a socket the application has closed: RST
	TriggerMiddleboxReset                         // a middlebox refused a packet of a flow it does not know (policy rst)
	TriggerMiddleboxExpiry                        // a middlebox forgot an idle flow and reset both ends (policy rst-both)
)

var triggerNames = []Named{
	TriggerWrite:               {"write", "the application's write(): its bytes, sent as soon as the windows allowed"},
	TriggerConnect:             {"connect", "connect(): the SYN that opens the three-way handshake"},
	TriggerAnswerSYN:           {"answer-syn", "the SYN-ACK answering a SYN: the second step of the handshake"},
	TriggerSYNAgain:            {"syn-again", "the SYN-ACK sent again at once because the client's SYN came again"},
	TriggerHandshake:           {"handshake", "the ACK of the SYN-ACK that completes connect()'s three-way handshake"},
	TriggerClose:               {"close", "close() or shutdown(SHUT_WR): a FIN once the data queued before it has gone"},
	TriggerSYNRetransmit:       {"syn-retransmission", "the SYN (or SYN-ACK) timer expired without an answer: sent again, number N (tcp_retransmit_timer, reqsk_timer_handler)"},
	TriggerRTO:                 {"rto", "the retransmission timer expired: the oldest unacknowledged segment sent again, number N since the last progress (tcp_retransmit_timer)"},
	TriggerTailLossProbe:       {"tail-loss-probe", "a tail loss probe: the last segment sent again to draw an ACK before the RTO (RFC 8985 7)"},
	TriggerTailLossProbeNew:    {"tail-loss-probe-new", "a tail loss probe that carries new data rather than a copy (RFC 8985 7.3)"},
	TriggerFastRetransmit:      {"fast-retransmission", "the third duplicate ACK: the missing segment sent again without waiting for the timer (RFC 5681 3.2)"},
	TriggerPartialACK:          {"partial-ack", "an ACK during recovery that leaves a hole: the next missing segment sent again (RFC 6582 3.2)"},
	TriggerZeroWindowProbe:     {"zero-window-probe", "the persist timer: probe number N of a peer whose receive window is shut (tcp_probe_timer)"},
	TriggerKeepalive:           {"keepalive", "the keepalive timer: probe number N of the Of allowed before giving up (tcp_keepalive_timer)"},
	TriggerAckNow:              {"ack-now", "an ACK sent at once: Linux's quick-ACK mode, more than a segment unacknowledged, a FIN while closing, or a filled gap (__tcp_ack_snd_check)"},
	TriggerDelayedACK:          {"delayed-ack", "an ACK that waited for data to ride on, in vain, until the delayed-ACK timer expired (tcp_delack_timer_handler)"},
	TriggerDupACK:              {"dup-ack", "an out-of-order segment arrived: a duplicate ACK reports the gap at once (RFC 5681 4.2)"},
	TriggerUnacceptable:        {"unacceptable", "an ACK answering a segment outside the receive window, such as a keepalive probe or an old duplicate (RFC 9293 3.10.7.4)"},
	TriggerChallengeACK:        {"challenge-ack", "an ACK answering a RST or SYN whose sequence number is not exactly the expected one (RFC 5961 3.2, 4.2)"},
	TriggerWindowUpdate:        {"window-update", "the application read, and the receive window opened enough to say so (tcp_cleanup_rbuf)"},
	TriggerResetUnread:         {"reset-unread", "close() with data received and not read: a RST instead of a FIN (tcp_close, RFC 2525 2.17)"},
	TriggerResetLinger:         {"reset-linger", "close() with SO_LINGER 0, an abort: a RST and no TIME_WAIT"},
	TriggerResetKeepalive:      {"reset-keepalive", "keepalive gave up after its unanswered probes: a RST, and ETIMEDOUT for the application"},
	TriggerResetListenerClosed: {"reset-listener-closed", "the listening socket closed while the connection waited in its accept queue (inet_csk_listen_stop)"},
	TriggerResetNoSocket:       {"reset-no-socket", "a segment arrived for no socket (nothing listens, or the host rebooted): a RST in its name (RFC 9293 3.10.7.1)"},
	TriggerResetBadACK:         {"reset-bad-ack", "a handshake segment acknowledged what was never sent: a RST (RFC 9293 3.10.7.3)"},
	TriggerResetDataAfterClose: {"reset-data-after-close", "data arrived for a socket the application had closed: a RST (tcp_rcv_state_process)"},
	TriggerMiddleboxReset:      {"middlebox-reset", "a middlebox met a packet of a flow it did not know and, by its policy rst, answered with a RST"},
	TriggerMiddleboxExpiry:     {"middlebox-expiry", "a middlebox forgot an idle flow and, by its policy rst-both, reset both ends"},
}

// String is the event stream's name: "rto" ("" for none).
func (t Trigger) String() string { return nameOf(triggerNames, t) }

// Doc is the one-sentence description of the trigger.
func (t Trigger) Doc() string { return docOf(triggerNames, t) }

// Triggers lists the triggers, in the order the documentation shows them.
func Triggers() []Trigger { return valuesOf[Trigger](triggerNames) }

// ParseTrigger reads a trigger by its name.
func ParseTrigger(name string) (Trigger, bool) { return parseName[Trigger](triggerNames, name) }

// triggerNotes is the note each trigger implies (0: a plain segment).
var triggerNotes = [...]Note{
	TriggerSYNAgain:        NoteRetransmission,
	TriggerSYNRetransmit:   NoteRetransmission,
	TriggerRTO:             NoteRetransmission,
	TriggerPartialACK:      NoteRetransmission,
	TriggerTailLossProbe:   NoteTailLossProbe,
	TriggerFastRetransmit:  NoteFastRetransmission,
	TriggerZeroWindowProbe: NoteZeroWindowProbe,
	TriggerKeepalive:       NoteKeepalive,
	TriggerChallengeACK:    NoteChallengeACK,
	TriggerWindowUpdate:    NoteWindowUpdate,
}

// Note is the segment note the trigger implies: NoteRetransmission for an
// RTO, NoteKeepalive for a keepalive probe, 0 for the app's write.
func (t Trigger) Note() Note {
	if int(t) < len(triggerNotes) {
		return triggerNotes[t]
	}
	return 0
}

// Story is what the simulator knows of why a packet was sent: what the
// capture cannot show. It travels with the packet and never crosses the
// wire. Its fate (delivered, or dropped where and why) is the packet's
// next segment event; a NAT's rewrite is Packet.NAT.
type Story struct {
	Trigger Trigger
	// N numbers the packet among those of its trigger: retransmission #N
	// (1 for the first since the last progress), probe #N; 0 otherwise.
	N uint16
	// Of is how many keepalive probes may go unanswered before the
	// connection is given up (TCP_KEEPCNT); 0 for any other trigger.
	Of uint16
	// Answers is the ID of the packet whose arrival made the node send
	// this one (the segment a RST refuses, the SYN a SYN-ACK answers, the
	// probe an ACK answers, the ACK that opened the window for data); 0
	// when it was sent by a call or a timer.
	Answers uint64
	// Acks is the ID of the packet whose arrival last moved the
	// acknowledgement number this segment carries: the segment it
	// acknowledges. 0 without an ACK, or for a reply made without
	// connection state.
	Acks uint64
}

// saturate16 caps a count at the largest uint16.
func saturate16(n int) uint16 { return uint16(min(max(n, 0), 1<<16-1)) }
