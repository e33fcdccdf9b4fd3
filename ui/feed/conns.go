package feed

import (
	"net/netip"
	"strings"

	"github.com/socklab/socklab/netsim"
)

// pair names a connection as it appears on one wire: its two ends, the
// lower first, whichever way a segment goes.
type pair struct{ lo, hi netip.AddrPort }

func pairOf(a, b netip.AddrPort) pair {
	if b.Compare(a) < 0 {
		a, b = b, a
	}
	return pair{a, b}
}

// connInfo is what the wire has shown of a connection: which end is the
// client (it sent the first SYN) and each end's initial sequence number,
// so that sequence numbers read relative to each side's own, as Wireshark
// shows them.
type connInfo struct {
	client         netip.AddrPort
	isnLo, isnHi   uint32
	seenLo, seenHi bool
}

// relative returns p's sequence and acknowledgment numbers relative to
// each side's initial sequence number, and its connection's port tag. It
// learns the initial numbers from the SYNs it sees. A segment sent with
// connection state comes with netsim's relative numbers (Packet.Rel); one
// sent without (a RST answering a SYN, or a segment of a connection its
// host forgot) is made relative here, from what the wire showed before: a
// RST answering a SYN reads ack 1, not the client's ISN + 1.
func (f *Feed) relative(p *netsim.Packet) (seq, ack uint32, port uint16) {
	if p.Proto != netsim.TCP {
		return p.Seq, p.Ack, f.portOf(p.Src.String() + " > " + p.Dst.String())
	}
	k := pairOf(p.Src, p.Dst)
	c := f.conns[k]
	if p.Flags&netsim.SYN != 0 {
		if p.Flags&netsim.ACK == 0 {
			c = connInfo{client: p.Src} // a new connection on this pair
		}
		if p.Src == k.lo {
			c.isnLo, c.seenLo = p.Seq, true
		} else {
			c.isnHi, c.seenHi = p.Seq, true
		}
		if len(f.conns) > 4096 {
			clear(f.conns) // connections come and go: keep the map small
		}
		f.conns[k] = c
	}
	port = clientPort(k, c)
	if p.Rel {
		return p.RelSeq, p.RelAck, port
	}
	isnSrc, seenSrc, isnDst, seenDst := c.isnLo, c.seenLo, c.isnHi, c.seenHi
	if p.Src != k.lo {
		isnSrc, seenSrc, isnDst, seenDst = c.isnHi, c.seenHi, c.isnLo, c.seenLo
	}
	seq, ack = p.Seq, p.Ack
	if seenSrc {
		seq -= isnSrc
	}
	if seenDst && p.Flags&netsim.ACK != 0 {
		ack -= isnDst
	}
	return seq, ack, port
}

// portOf is the port tag of the connection named by tuple ("[tcp ]A >
// B"), or 0 when tuple names none.
func (f *Feed) portOf(tuple string) uint16 {
	tuple = strings.TrimPrefix(strings.TrimPrefix(tuple, "tcp "), "udp ")
	a, b, ok := strings.Cut(tuple, " > ")
	if !ok {
		return 0
	}
	pa, err1 := netip.ParseAddrPort(a)
	pb, err2 := netip.ParseAddrPort(b)
	if err1 != nil || err2 != nil {
		return 0
	}
	k := pairOf(pa, pb)
	return clientPort(k, f.conns[k])
}

// clientPort is the port of the connection's client end: the one that
// sent its first SYN, or, for a connection whose start the wire did not
// show (UDP, or one made before), the higher port, which is the ephemeral
// one of the two.
func clientPort(k pair, c connInfo) uint16 {
	if c.client.IsValid() {
		return c.client.Port()
	}
	return max(k.lo.Port(), k.hi.Port())
}
