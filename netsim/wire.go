package netsim

import "encoding/binary"

// The bytes of a packet on the wire: what a capture holds and what the
// packet inspector shows. One implementation serves both (the pcap export
// wraps these bytes in an Ethernet frame), so the inspector's TTL, ID,
// lengths and checksums are the capture's.
//
// The IPv4 header is 20 bytes without options (Linux sends none): version
// 4, header length 5 words, TOS 0, DF set and no fragment offset (Linux
// sets DF on TCP, and on UDP with its default path MTU discovery "want",
// ip_dont_fragment), the packet's TTL and ID. The TCP header carries the
// options the stack puts on the segment (tcp_options.go), padded to a
// multiple of 4 bytes as tcp_options_write does: MSS, timestamps
// (SACK-permitted folded into their padding), SACK-permitted alone, window
// scale, SACK blocks, each preceded by the NOPs Linux writes.

// IPv4 and transport constants (RFC 791, RFC 9293, RFC 768).
const (
	IPv4HeaderLen = 20
	UDPHeaderLen  = 8
	tcpBaseLen    = 20

	ipProtoTCP = 6
	ipProtoUDP = 17
	ipFlagDF   = 0x4000

	tcpOptEnd    = 0
	tcpOptNOP    = 1
	tcpOptMSS    = 2
	tcpOptWScale = 3
	tcpOptSackOK = 4
	tcpOptSACK   = 5
	tcpOptTS     = 8
)

// TCPOption is one option of a TCP header, as the inspector lists them
// and as they are on the wire, NOPs included.
type TCPOption struct {
	Kind  uint8  // the option's kind (RFC 9293 3.1): 1 NOP, 2 MSS, 3 window scale, 4 SACK permitted, 5 SACK, 8 timestamps
	Name  string // as packetdrill and tcpdump write it: "nop", "mss", "wscale", "sackOK", "sack", "TS"
	Value uint32 // the MSS in bytes, the window scale shift, the TSval
	Ecr   uint32 // the TSecr
	// Blocks are a SACK option's blocks.
	Blocks []SackBlock
}

// Len is the option's length in bytes on the wire.
func (o TCPOption) Len() int {
	switch o.Kind {
	case tcpOptNOP, tcpOptEnd:
		return 1
	case tcpOptMSS:
		return 4
	case tcpOptWScale:
		return 3
	case tcpOptSackOK:
		return 2
	case tcpOptTS:
		return 10
	case tcpOptSACK:
		return 2 + 8*len(o.Blocks)
	}
	return 0
}

var nop = TCPOption{Kind: tcpOptNOP, Name: "nop"}

// TCPOptions lists the options the segment carries, in the order and with
// the padding Linux writes them (tcp_options_write): MSS; timestamps,
// behind SACK-permitted when both go (a SYN's "sackOK,TS") or behind two
// NOPs; SACK-permitted alone behind two NOPs; a NOP and the window scale;
// two NOPs and the SACK blocks.
func (p *Packet) TCPOptions() []TCPOption {
	if p.Proto != TCP {
		return nil
	}
	var out []TCPOption
	o := p.options()
	if o.MSS != 0 {
		out = append(out, TCPOption{Kind: tcpOptMSS, Name: "mss", Value: uint32(o.MSS)})
	}
	ts := TCPOption{Kind: tcpOptTS, Name: "TS", Value: p.TSVal, Ecr: p.TSEcr}
	sackOK := TCPOption{Kind: tcpOptSackOK, Name: "sackOK"}
	switch {
	case p.HasTS && o.SackOK:
		out = append(out, sackOK, ts)
	case p.HasTS:
		out = append(out, nop, nop, ts)
	case o.SackOK:
		out = append(out, nop, nop, sackOK)
	}
	if o.HasWScale {
		out = append(out, nop, TCPOption{Kind: tcpOptWScale, Name: "wscale", Value: uint32(o.WScale)})
	}
	if o.NSack > 0 {
		out = append(out, nop, nop, TCPOption{Kind: tcpOptSACK, Name: "sack", Blocks: o.SACK[:o.NSack]})
	}
	return out
}

// TransportHeaderLen is the length of the TCP header (20 bytes and the
// options) or of the UDP header (8). Each option comes with the NOPs that
// Linux writes before it (TCPOptions), so each takes a multiple of 4
// bytes and the header needs no padding beyond them (tcp_options_write).
func (p *Packet) TransportHeaderLen() int {
	if p.Proto == UDP {
		return UDPHeaderLen
	}
	n := tcpBaseLen
	if p.HasTS {
		n += 12 // two NOPs or SACK-permitted, and the 10 bytes of timestamps
	}
	if o := p.Opts; o != nil {
		if o.MSS != 0 {
			n += 4
		}
		if o.SackOK && !p.HasTS {
			n += 4
		}
		if o.HasWScale {
			n += 4
		}
		if o.NSack > 0 {
			n += 4 + 8*int(o.NSack)
		}
	}
	return n
}

// WireSize is the packet's size on the wire in bytes: the IPv4 total
// length (header, TCP or UDP header, payload).
func (p *Packet) WireSize() int { return IPv4HeaderLen + p.TransportHeaderLen() + len(p.Payload) }

// Checksums are the IPv4 header checksum and the TCP or UDP checksum the
// packet carries on this wire (RFC 1071 one's complement sums; the
// transport's over the RFC 9293 3.1 pseudo-header).
func (p *Packet) Checksums() (ip, transport uint16) {
	var hdr [IPv4HeaderLen + 60]byte
	b := p.appendHeaders(hdr[:0])
	return binary.BigEndian.Uint16(b[10:]), binary.BigEndian.Uint16(b[IPv4HeaderLen+p.transportChecksumAt():])
}

// AppendWire appends the packet's bytes on this wire to buf: the IPv4
// header, the TCP or UDP header, the payload.
func (p *Packet) AppendWire(buf []byte) []byte {
	return append(p.appendHeaders(buf), p.Payload...)
}

// transportChecksumAt is the checksum's offset in the transport header.
func (p *Packet) transportChecksumAt() int {
	if p.Proto == UDP {
		return 6
	}
	return 16
}

// appendHeaders appends the IPv4 and transport headers, checksums filled
// in (the transport's covers the payload, which it does not append).
func (p *Packet) appendHeaders(buf []byte) []byte {
	start := len(buf)
	tlen := p.TransportHeaderLen()
	total := IPv4HeaderLen + tlen + len(p.Payload)
	proto := byte(ipProtoTCP)
	if p.Proto == UDP {
		proto = ipProtoUDP
	}
	src, dst := p.Src.Addr().As4(), p.Dst.Addr().As4()
	buf = append(buf, 0x45, 0)
	buf = binary.BigEndian.AppendUint16(buf, uint16(total))
	buf = binary.BigEndian.AppendUint16(buf, p.IPID)
	buf = binary.BigEndian.AppendUint16(buf, ipFlagDF)
	buf = append(buf, p.TTL, proto, 0, 0)
	buf = append(buf, src[:]...)
	buf = append(buf, dst[:]...)
	binary.BigEndian.PutUint16(buf[start+10:], ^fold(sum16(0, buf[start:start+IPv4HeaderLen])))

	t := len(buf)
	buf = binary.BigEndian.AppendUint16(buf, p.Src.Port())
	buf = binary.BigEndian.AppendUint16(buf, p.Dst.Port())
	if p.Proto == UDP {
		buf = binary.BigEndian.AppendUint16(buf, uint16(tlen+len(p.Payload)))
		buf = append(buf, 0, 0)
	} else {
		buf = binary.BigEndian.AppendUint32(buf, p.Seq)
		buf = binary.BigEndian.AppendUint32(buf, p.Ack)
		// Our flag bits are the header's: FIN 0x01, SYN 0x02, RST 0x04,
		// PSH 0x08, ACK 0x10.
		buf = append(buf, byte(tlen/4)<<4, byte(p.Flags))
		buf = binary.BigEndian.AppendUint16(buf, p.Win)
		buf = append(buf, 0, 0, 0, 0) // checksum, urgent pointer
		for _, o := range p.TCPOptions() {
			buf = appendOption(buf, o)
		}
		for len(buf)-t < tlen {
			buf = append(buf, tcpOptEnd)
		}
	}
	// The pseudo-header: source, destination, zero, protocol, length.
	length := tlen + len(p.Payload)
	sum := sum16(0, src[:])
	sum = sum16(sum, dst[:])
	sum += uint32(proto) + uint32(length)
	sum = sum16(sum, buf[t:])
	sum = sum16(sum, p.Payload)
	csum := ^fold(sum)
	if p.Proto == UDP && csum == 0 {
		csum = 0xffff // RFC 768: a computed zero is sent as all ones
	}
	binary.BigEndian.PutUint16(buf[t+p.transportChecksumAt():], csum)
	return buf
}

// appendOption writes one option: kind, length, value.
func appendOption(buf []byte, o TCPOption) []byte {
	if o.Kind == tcpOptNOP || o.Kind == tcpOptEnd {
		return append(buf, o.Kind)
	}
	buf = append(buf, o.Kind, byte(o.Len()))
	switch o.Kind {
	case tcpOptMSS:
		buf = binary.BigEndian.AppendUint16(buf, uint16(o.Value))
	case tcpOptWScale:
		buf = append(buf, byte(o.Value))
	case tcpOptTS:
		buf = binary.BigEndian.AppendUint32(buf, o.Value)
		buf = binary.BigEndian.AppendUint32(buf, o.Ecr)
	case tcpOptSACK:
		for _, b := range o.Blocks {
			buf = binary.BigEndian.AppendUint32(buf, b.Left)
			buf = binary.BigEndian.AppendUint32(buf, b.Right)
		}
	}
	return buf
}

// sum16 adds b to a one's complement sum as 16-bit big-endian words, an
// odd last byte padded with zero (RFC 1071).
func sum16(sum uint32, b []byte) uint32 {
	for len(b) >= 2 {
		sum += uint32(b[0])<<8 | uint32(b[1])
		b = b[2:]
	}
	if len(b) == 1 {
		sum += uint32(b[0]) << 8
	}
	return sum
}

// fold reduces a 32-bit sum to 16 bits, carries added back.
func fold(sum uint32) uint16 {
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	return uint16(sum)
}
