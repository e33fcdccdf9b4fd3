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
// RelSeq and RelAck, ID, Msg, Story, NAT) are the simulator's own
// knowledge (which segment is a keepalive probe, which application message
// it carries) and never cross the wire.
type Packet struct {
	// The small fields come first, side by side, where the header's order
	// left padding between them: a Packet is 248 bytes, in Go's 256-byte
	// size class, whose objects each lie on four whole cache lines, all
	// of which a packet's arrival asks for (prefetchPacket,
	// TestPrefetchCoversPacket). In 280 bytes it lay on five.

	Proto    Proto
	Flags    Flags  // TCP only
	Win      uint16 // TCP only: the advertised receive window
	Seq, Ack uint32 // TCP only
	MSS      uint16 // TCP only: the MSS option of a SYN, 0 if absent
	// The other TCP options (wire.go writes them in Linux's order):
	// SACK permitted and the window scale of a SYN (RFC 2018, RFC 7323
	// 2), timestamps (RFC 7323 3) and SACK blocks (RFC 2018 3).
	SackOK    bool
	HasWScale bool
	WScale    uint8
	HasTS     bool
	NSack     uint8 // blocks in SACK
	// TTL is the IPv4 time to live as on this wire: the sender's default
	// (Profile.TTL), less one for each middlebox that forwarded it.
	TTL          uint8
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
	Rel      bool
	Src, Dst netip.AddrPort
	SACK     [4]SackBlock // the first NSack are the option's
	// RelSeq and RelAck are Seq and Ack relative to the initial sequence
	// numbers of the connection, as Wireshark shows them; for a segment
	// sent without connection state they equal Seq and Ack.
	RelSeq, RelAck uint32
	Payload        []byte

	// ID names the packet for the whole of its journey; the sent,
	// delivered and dropped events of one packet share it.
	ID uint64
	// Msg is the application's name for the message whose first byte the
	// payload carries ("heartbeat", "data"); empty for pure control.
	Msg string
	// Story says why the packet was sent: the trigger, its number, and
	// the packets it answers and acknowledges.
	Story Story
	// NAT is the rewrite a NAT made on the way, nil if none did: the
	// addresses as the sender wrote them.
	NAT *Rewrite

	origin node // the node that built the packet
	// from is the connection that sent the segment, and to the one its
	// sender last heard from: the receiving host takes to without a
	// lookup if its table still holds it for the segment's addresses
	// (Host.connFor). Neither leaves netsim: events and a Peer's copies
	// drop them.
	from, to *Conn
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
