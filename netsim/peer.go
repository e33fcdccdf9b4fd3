package netsim

import (
	"fmt"
	"net/netip"
)

// Peer is a scripted end of the network: it has no stack. It sends the
// packets it is handed, exactly as they are, and hands every packet that
// reaches it to its receiver, answering nothing. It is the remote end of a
// packetdrill script (what packetdrill's tun device is to a real kernel):
// the script injects the peer's segments and checks the stack's.
type Peer struct {
	nodeBase
	sim  *Sim
	ip   netip.Addr
	recv func(Packet)
}

// AddPeer adds a scripted peer with address ip.
func (s *Sim) AddPeer(name string, ip netip.Addr) (*Peer, error) {
	p := &Peer{nodeBase: nodeBase{name: name}, sim: s, ip: ip}
	if err := s.addNode(p, "ip", ip); err != nil {
		return nil, fmt.Errorf("netsim: peer %s: %w", name, err)
	}
	return p, nil
}

// Addr is the peer's IPv4 address.
func (p *Peer) Addr() netip.Addr { return p.ip }

// OnReceive sets the function that is given each packet that reaches the
// peer (a copy: the payload is the receiver's to keep).
func (p *Peer) OnReceive(fn func(Packet)) { p.recv = fn }

// Send puts a copy of pkt on the wire now, from the peer. Its source
// address is the peer's whatever pkt says; its TTL is 64 unless set. It
// returns the ID the packet carries in its segment events.
func (p *Peer) Send(pkt Packet) uint64 {
	s := p.sim
	q := s.newPacket()
	*q = pkt
	q.Src = netip.AddrPortFrom(p.ip, pkt.Src.Port())
	q.Payload = append([]byte(nil), pkt.Payload...)
	q.NAT, q.Rel, q.from, q.to = nil, false, nil, nil
	if q.TTL == 0 {
		q.TTL = 64
	}
	s.nextSegID++
	q.ID = s.nextSegID
	q.origin = p.num
	id := q.ID
	s.segment(q, FateSent, p.name, 0)
	s.forward(p, q)
	return id
}

func (p *Peer) receive(pkt *Packet, via *Link) {
	s := p.sim
	s.segment(pkt, FateDelivered, p.name, 0)
	if p.recv != nil {
		c := *pkt
		c.Payload = append([]byte(nil), pkt.Payload...)
		c.origin, c.msg, c.from, c.to = 0, 0, nil, nil
		p.recv(c)
	}
	s.release(pkt)
}
