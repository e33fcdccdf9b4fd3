package netsim

import (
	"net/netip"
	"strings"
)

// Proto is the transport protocol of a packet or socket.
type Proto uint8

// Transport protocols.
const (
	TCP Proto = iota + 1
	UDP
)

func (p Proto) String() string {
	switch p {
	case TCP:
		return "tcp"
	case UDP:
		return "udp"
	}
	return "proto?"
}

// Note says what a segment is for the stack: the "note" of a segment event.
// (A SYN or SYN-ACK sent again is a retransmission like any other: its
// flags tell it apart.)
type Note uint8

// Segment notes.
const (
	NoteKeepalive          Note = iota + 1 // tcp_keepalive_timer's probe
	NoteRetransmission                     // tcp_retransmit_timer (data, FIN, SYN, SYN-ACK)
	NoteTailLossProbe                      // tcp_send_loss_probe (RFC 8985 7)
	NoteFastRetransmission                 // three duplicate ACKs (RFC 5681 3.2)
	NoteZeroWindowProbe                    // tcp_probe_timer (RFC 9293 3.8.6.1)
	NoteWindowUpdate                       // tcp_cleanup_rbuf's window update
	NoteChallengeACK                       // RFC 5961 3.2, 4.2
)

var noteNames = []Named{
	NoteKeepalive:          {"keepalive", "doc.note.keepalive"},
	NoteRetransmission:     {"retransmission", "doc.note.retransmission"},
	NoteTailLossProbe:      {"tail-loss-probe", "doc.note.tail_loss_probe"},
	NoteFastRetransmission: {"fast-retransmission", "doc.note.fast_retransmission"},
	NoteZeroWindowProbe:    {"zero-window-probe", "doc.note.zero_window_probe"},
	NoteWindowUpdate:       {"window-update", "doc.note.window_update"},
	NoteChallengeACK:       {"challenge-ack", "doc.note.challenge_ack"},
}

// String is the contract's name ("" for a plain segment).
func (n Note) String() string { return nameOf(noteNames, n) }

// Doc is the ID of the note's description in lab/i18n's catalog.
func (n Note) Doc() string { return docOf(noteNames, n) }

// Notes lists the segment notes, in the order the documentation shows them.
func Notes() []Note { return valuesOf[Note](noteNames) }

// Flags are TCP header flags (RFC 9293 section 3.1).
type Flags uint8

// TCP flags.
const (
	FIN Flags = 1 << iota
	SYN
	RST
	PSH
	ACK
)

// String renders flags as the contract spells them, in a fixed order:
// "SYN", "SYN|ACK", "PSH|ACK", "FIN|PSH|ACK", "RST", "RST|ACK".
func (f Flags) String() string {
	if f == 0 {
		return "none"
	}
	var parts [5]string
	n := 0
	for _, x := range []struct {
		f    Flags
		name string
	}{{SYN, "SYN"}, {RST, "RST"}, {FIN, "FIN"}, {PSH, "PSH"}, {ACK, "ACK"}} {
		if f&x.f != 0 {
			parts[n] = x.name
			n++
		}
	}
	return strings.Join(parts[:n], "|")
}

// Has reports whether every flag of g is set in f.
func (f Flags) Has(g Flags) bool { return f&g == g }

// Packet is one IPv4 datagram carrying a TCP segment or a UDP datagram.
// Header fields are what a capture shows; the annotations (Note, Rel,
// RelSeq and RelAck, ID, the message name, Story, NAT) are the simulator's
// own knowledge (which segment is a keepalive probe, which application
// message it carries) and never cross the wire.
type Packet struct {
	// A Packet is 192 bytes, in Go's 192-byte size class, whose objects
	// each lie on three whole cache lines, all of which a packet's
	// arrival asks for (prefetchSteps, TestPrefetchCoversPacket). What
	// few segments carry lies aside, behind Opts: the options of a SYN
	// and the SACK blocks. The application's message name and the node
	// that built the packet are small numbers into the run's tables
	// (msg, origin). The small fields come first, side by side, where the
	// header's order left padding between them. At 248 bytes, with those
	// inline, a packet lay on four lines (the 256-byte class), and in 280
	// on five.

	Proto    Proto
	Flags    Flags  // TCP only
	Win      uint16 // TCP only: the advertised receive window
	Seq, Ack uint32 // TCP only
	// HasTS says the segment carries the timestamps option (RFC 7323 3),
	// TSVal and TSEcr: a SYN that offers it, and every segment of a
	// connection that agreed on it (the other options are in Opts).
	HasTS bool
	// TTL is the IPv4 time to live as on this wire: the sender's default
	// (Profile.TTL), less one for each middlebox that forwarded it.
	TTL uint8
	// msg is the application's name for the message whose first byte the
	// payload carries ("heartbeat", "data"), as its number in the run's
	// table of names (Sim.msgID; SegmentEvent.Msg has the name); 0, the
	// empty name, for pure control.
	msg          uint16
	TSVal, TSEcr uint32
	// IPID is the IPv4 identification field, as Linux sets it on a packet
	// with DF (ip_select_ident_segs): a connection's own counter, one more
	// for each segment it sends; 0 from a socket that has none (a SYN-ACK
	// sent before the child socket exists, a RST in the name of no socket,
	// a UDP datagram from an unconnected socket).
	IPID uint16
	// Note says what the segment is for the stack (a keepalive probe, a
	// retransmission, ...); 0 for a plain segment.
	Note Note
	// Rel says RelSeq and RelAck are meaningful.
	Rel bool
	// RelSeq and RelAck are Seq and Ack relative to the initial sequence
	// numbers of the connection, as Wireshark shows them; for a segment
	// sent without connection state they equal Seq and Ack.
	RelSeq, RelAck uint32
	// origin is the node that built the packet, as its number in the
	// run's nodes (nodeBase.num; Sim.originOf); 0 for none (a Peer's
	// copies).
	origin   uint32
	Src, Dst netip.AddrPort
	// Opts are the TCP options but the timestamps, nil when the segment
	// carries none: a SYN's and a SYN-ACK's, and the SACK blocks of an
	// ACK sent while data is held out of order. Nothing changes them once
	// the packet is sent: an event's copy of the packet shares them.
	Opts    *Options
	Payload []byte

	// ID names the packet for the whole of its journey; the sent,
	// delivered and dropped events of one packet share it.
	ID uint64
	// Story says why the packet was sent: the trigger, its number, and
	// the packets it answers and acknowledges.
	Story Story
	// NAT is the rewrite a NAT made on the way, nil if none did: the
	// addresses as the sender wrote them.
	NAT *Rewrite

	// from is the connection that sent the segment, and to the one its
	// sender last heard from: the receiving host takes to without a
	// lookup if its table still holds it for the segment's addresses
	// (Host.connFor). Neither leaves netsim: events and a Peer's copies
	// drop them.
	from, to *Conn
}

// Options are the TCP options a segment carries rarely (wire.go writes
// them, with the timestamps, in Linux's order): the MSS, SACK permitted
// and window scale of a SYN or SYN-ACK (RFC 9293 3.7.1, RFC 2018 2,
// RFC 7323 2) and SACK blocks (RFC 2018 3). A packet points to them
// (Packet.Opts), so that the other segments, nearly all, do not carry
// their 38 bytes.
type Options struct {
	MSS       uint16 // the MSS option of a SYN, 0 if absent
	SackOK    bool
	HasWScale bool
	WScale    uint8
	NSack     uint8        // blocks in SACK
	SACK      [4]SackBlock // the first NSack are the option's
}

// noOptions are the options of a packet without Opts.
var noOptions Options

// options are p's options but the timestamps: Opts, or none. The caller
// only reads them.
func (p *Packet) options() *Options {
	if p.Opts != nil {
		return p.Opts
	}
	return &noOptions
}

// setOptions are p's options to write, made if p has none yet: a packet
// is given them before it is sent.
func (p *Packet) setOptions() *Options {
	if p.Opts == nil {
		p.Opts = new(Options)
	}
	return p.Opts
}

// SackBlock is one block of a SACK option: the sequence numbers from Left
// up to, not including, Right were received (RFC 2018 3).
type SackBlock struct{ Left, Right uint32 }

// Rewrite is a NAT's rewrite of a packet: the middlebox, and the addresses
// as the sender wrote them (Src and Dst of the packet are the rewritten
// ones). A packet that crosses two NATs keeps the first rewrite: its
// original addresses.
type Rewrite struct {
	Box      string
	Src, Dst netip.AddrPort
}

// Len is the payload length: the segment's length in sequence space minus
// its SYN and FIN.
func (p *Packet) Len() int { return len(p.Payload) }

// seqLen is the sequence space the segment occupies (RFC 9293 SEG.LEN):
// payload plus one for SYN and one for FIN.
func (p *Packet) seqLen() uint32 {
	n := uint32(len(p.Payload))
	if p.Flags&SYN != 0 {
		n++
	}
	if p.Flags&FIN != 0 {
		n++
	}
	return n
}

// Tuple renders the packet's addresses as "tcp 10.0.0.2:50312 > 10.0.0.1:8080".
func (p *Packet) Tuple() string {
	return p.Proto.String() + " " + p.Src.String() + " > " + p.Dst.String()
}

// msgID is the number of the application's message name in the run's
// table (Packet.msg), which enters a name the first time: 0 for "". It
// is asked at each write (two a ping), and a run's applications name a
// few kinds of message ("heartbeat", "heartbeat_ack", "data"): the last
// two names it found answer most writes without a look into the table.
// More than 65,535 names is a fault of the model.
func (s *Sim) msgID(name string) uint16 {
	r := &s.msgRecent
	if name == r[0].name {
		return r[0].id
	}
	if name == r[1].name {
		return r[1].id
	}
	if name == "" { // r's until two names are found
		return 0
	}
	id, ok := s.msgIDs[name]
	if !ok {
		if len(s.msgNames) == 1<<16-1 {
			panic("netsim: more than 65,535 message names in one run")
		}
		if s.msgIDs == nil {
			s.msgIDs = make(map[string]uint16)
		}
		s.msgNames = append(s.msgNames, name)
		id = uint16(len(s.msgNames))
		s.msgIDs[name] = id
	}
	r[1], r[0] = r[0], msgEntry{name, id}
	return id
}

// msgEntry is a message name and its number (Sim.msgRecent).
type msgEntry struct {
	name string
	id   uint16
}

// msgName is the application's message name that p carries ("" for none).
func (s *Sim) msgName(p *Packet) string {
	if p.msg == 0 {
		return ""
	}
	return s.msgNames[p.msg-1]
}

// originOf is the node that built p, nil for none.
func (s *Sim) originOf(p *Packet) node {
	if p.origin == 0 {
		return nil
	}
	return s.nodes[p.origin-1]
}

// newPacket takes a packet from the run's free list, a zero one (release
// zeroes what it takes back). Packets live from a send to their delivery
// or drop, and are then recycled with release: events copy what they
// show, so nothing keeps a pointer to one.
func (s *Sim) newPacket() *Packet {
	if n := len(s.freePackets); n > 0 {
		p := s.freePackets[n-1]
		s.freePackets = s.freePackets[:n-1]
		return p
	}
	return &Packet{}
}

func (s *Sim) release(p *Packet) {
	if p.from != nil && len(p.Payload) > 0 {
		p.from.dataOut-- // its payload was a slice of the sender's queue
	}
	*p = Packet{}
	s.freePackets = append(s.freePackets, p)
}
