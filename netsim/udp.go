package netsim

import (
	"net/netip"
)

// UDPConn is a UDP socket bound to a port. Datagrams are delivered whole or
// not at all. ICMP is not modelled: a datagram for a port nobody listens on
// is dropped ("port-closed") where a real host would answer ICMP port
// unreachable.
type UDPConn struct {
	host   *Host
	proc   *Process
	port   uint16
	name   string
	queue  []Datagram
	notice func()
	closed bool
	stats  UDPStats
}

// Datagram is one received UDP datagram.
type Datagram struct {
	From    netip.AddrPort
	Payload []byte
	Msg     string
	At      int64 // arrival time in nanoseconds
}

// UDPStats counts a UDP socket's traffic.
type UDPStats struct {
	Sent, Received           uint64
	BytesSent, BytesReceived uint64
}

// ListenUDP binds a UDP socket to port; port 0 picks an ephemeral one.
func (p *Process) ListenUDP(port uint16) (*UDPConn, error) {
	h := p.host
	if !p.Alive() || !h.powered {
		return nil, EINVAL
	}
	if port == 0 {
		lo, hi := int(h.profile.EphemeralLow), int(h.profile.EphemeralHigh)
		n := hi - lo + 1
		start := h.sim.rng.IntN(n)
		for i := range n {
			cand := uint16(lo + (start+i)%n)
			if h.udp[cand] == nil {
				port = cand
				break
			}
		}
	}
	if port == 0 || h.udp[port] != nil {
		return nil, EADDRINUSE
	}
	u := &UDPConn{host: h, proc: p, port: port, name: "udp " + netip.AddrPortFrom(h.ip, port).String()}
	h.udp[port] = u
	p.udp = append(p.udp, u)
	return u, nil
}

// LocalAddr is the socket's address.
func (u *UDPConn) LocalAddr() netip.AddrPort { return netip.AddrPortFrom(u.host.ip, u.port) }

// Name is "udp 10.0.0.2:5000".
func (u *UDPConn) Name() string { return u.name }

// Stats returns the socket's counters.
func (u *UDPConn) Stats() UDPStats { return u.stats }

// OnReadable sets the function told that datagrams wait.
func (u *UDPConn) OnReadable(fn func()) { u.notice = fn }

// WriteTo sends one datagram to addr, naming its message msg.
func (u *UDPConn) WriteTo(p []byte, addr netip.AddrPort, msg string) error {
	if u.closed {
		return EINVAL
	}
	u.stats.Sent++
	u.stats.BytesSent += uint64(len(p))
	// An unconnected socket has no IPv4 ID of its own: with DF set, Linux
	// sends 0 (ip_select_ident_segs).
	u.host.send(&Packet{Proto: UDP, Src: u.LocalAddr(), Dst: addr, Payload: append([]byte(nil), p...), msg: u.host.sim.msgID(msg),
		Story: Story{Trigger: TriggerWrite}})
	return nil
}

// ReadFrom takes the oldest datagram waiting, if any.
func (u *UDPConn) ReadFrom() (Datagram, bool) {
	if len(u.queue) == 0 {
		return Datagram{}, false
	}
	d := u.queue[0]
	u.queue = u.queue[1:]
	return d, true
}

// Close unbinds the socket.
func (u *UDPConn) Close() {
	if u.closed {
		return
	}
	u.closed = true
	if u.host.udp[u.port] == u {
		delete(u.host.udp, u.port)
	}
}

func (h *Host) udpInput(p *Packet) {
	u := h.udp[p.Dst.Port()]
	if u == nil {
		h.sim.dropped(p, h.name, WhyPortClosed)
		return
	}
	h.sim.segment(p, FateDelivered, h.name, 0)
	u.stats.Received++
	u.stats.BytesReceived += uint64(len(p.Payload))
	u.queue = append(u.queue, Datagram{From: p.Src, Payload: p.Payload, Msg: h.sim.msgName(p), At: int64(h.sim.now)})
	if u.notice != nil && u.proc != nil && len(u.queue) == 1 {
		u.proc.notify(u.notice)
	}
}
