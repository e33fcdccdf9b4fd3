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
	TriggerWrite:               {"write", "doc.trigger.write"},
	TriggerConnect:             {"connect", "doc.trigger.connect"},
	TriggerAnswerSYN:           {"answer-syn", "doc.trigger.answer_syn"},
	TriggerSYNAgain:            {"syn-again", "doc.trigger.syn_again"},
	TriggerHandshake:           {"handshake", "doc.trigger.handshake"},
	TriggerClose:               {"close", "doc.trigger.close"},
	TriggerSYNRetransmit:       {"syn-retransmission", "doc.trigger.syn_retransmission"},
	TriggerRTO:                 {"rto", "doc.trigger.rto"},
	TriggerTailLossProbe:       {"tail-loss-probe", "doc.trigger.tail_loss_probe"},
	TriggerTailLossProbeNew:    {"tail-loss-probe-new", "doc.trigger.tail_loss_probe_new"},
	TriggerFastRetransmit:      {"fast-retransmission", "doc.trigger.fast_retransmission"},
	TriggerPartialACK:          {"partial-ack", "doc.trigger.partial_ack"},
	TriggerZeroWindowProbe:     {"zero-window-probe", "doc.trigger.zero_window_probe"},
	TriggerKeepalive:           {"keepalive", "doc.trigger.keepalive"},
	TriggerAckNow:              {"ack-now", "doc.trigger.ack_now"},
	TriggerDelayedACK:          {"delayed-ack", "doc.trigger.delayed_ack"},
	TriggerDupACK:              {"dup-ack", "doc.trigger.dup_ack"},
	TriggerUnacceptable:        {"unacceptable", "doc.trigger.unacceptable"},
	TriggerChallengeACK:        {"challenge-ack", "doc.trigger.challenge_ack"},
	TriggerWindowUpdate:        {"window-update", "doc.trigger.window_update"},
	TriggerResetUnread:         {"reset-unread", "doc.trigger.reset_unread"},
	TriggerResetLinger:         {"reset-linger", "doc.trigger.reset_linger"},
	TriggerResetKeepalive:      {"reset-keepalive", "doc.trigger.reset_keepalive"},
	TriggerResetListenerClosed: {"reset-listener-closed", "doc.trigger.reset_listener_closed"},
	TriggerResetNoSocket:       {"reset-no-socket", "doc.trigger.reset_no_socket"},
	TriggerResetBadACK:         {"reset-bad-ack", "doc.trigger.reset_bad_ack"},
	TriggerResetDataAfterClose: {"reset-data-after-close", "doc.trigger.reset_data_after_close"},
	TriggerMiddleboxReset:      {"middlebox-reset", "doc.trigger.middlebox_reset"},
	TriggerMiddleboxExpiry:     {"middlebox-expiry", "doc.trigger.middlebox_expiry"},
}

// String is the event stream's name: "rto" ("" for none).
func (t Trigger) String() string { return nameOf(triggerNames, t) }

// Doc is the ID of the trigger's description in lab/i18n's catalog.
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

// numbered says whether a segment of the trigger is counted among its
// trigger's (Story.N): a retransmission or a probe.
func (t Trigger) numbered() bool {
	// A bit of a mask, not four comparisons: every segment sent asks
	// (xmit).
	const mask uint64 = 1<<TriggerSYNRetransmit | 1<<TriggerRTO | 1<<TriggerZeroWindowProbe | 1<<TriggerKeepalive
	return t < 64 && mask>>t&1 != 0
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
