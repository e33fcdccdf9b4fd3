package netsim

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"net/netip"
	"slices"
	"time"
)

// Host is a machine with one IPv4 address, an OS profile, a TCP and a UDP
// stack, and the processes that use them.
//
// Powering a host off loses all of its state at once, silently: no FIN and
// no RST leave it, and packets sent to it are dropped ("host-down"). Powering
// it on gives a fresh, empty stack that answers any segment of an old
// connection with RST.
type Host struct {
	nodeBase
	sim     *Sim
	ip      netip.Addr
	profile Profile
	powered bool
	boots   int

	// The kernel clock (timer_wheel.go): the jiffy counter's phase,
	// drawn from the run's seed, and the jiffy in which one of the
	// host's TCP timers last ran (-1: none yet); JiffyOrigin's last
	// answer, and the tick it was for.
	phase              uint64
	timerJiffy         int64
	origin, originTick time.Duration

	procs     []*Process
	listeners map[uint16]*Listener
	conns     map[connKey]*Conn
	udp       map[uint16]*UDPConn
	nextConn  uint64
}

// connKey finds a connection from an arriving segment: our port and the
// peer's IPv4 address and port, packed in one word so that the lookup every
// segment makes hashes and compares a single integer.
type connKey uint64

func keyOf(port uint16, peer netip.AddrPort) connKey {
	ip := peer.Addr().As16() // an IPv4 address is its last 4 bytes (As4 would also check it is one)
	return connKey(port)<<48 | connKey(peer.Port())<<32 | connKey(binary.BigEndian.Uint32(ip[12:]))
}

// port is the key's own port.
func (k connKey) port() uint16 { return uint16(k >> 48) }

// peer is the key's peer address and port.
func (k connKey) peer() netip.AddrPort {
	var ip [4]byte
	binary.BigEndian.PutUint32(ip[:], uint32(k)) // (a word's store and load: no byte-by-byte shifts)
	return netip.AddrPortFrom(netip.AddrFrom4(ip), uint16(k>>32))
}

// AddHost adds a powered-on host.
func (s *Sim) AddHost(name string, ip netip.Addr, profile Profile) (*Host, error) {
	if err := profile.Validate(); err != nil {
		return nil, fmt.Errorf("netsim: host %s: %w", name, err)
	}
	h := &Host{nodeBase: nodeBase{name: name}, sim: s, ip: ip, profile: profile, powered: true,
		phase: jiffyPhase(s.seed, name), timerJiffy: -1}
	h.resetStack()
	if err := s.addNode(h, "ip", ip); err != nil {
		return nil, fmt.Errorf("netsim: host %s: %w", name, err)
	}
	s.hosts = append(s.hosts, h)
	return h, nil
}

func (h *Host) resetStack() {
	for _, c := range h.conns { // a sum: the order does not matter
		c.dropAccount()
	}
	h.listeners = make(map[uint16]*Listener)
	h.conns = make(map[connKey]*Conn)
	h.udp = make(map[uint16]*UDPConn)
	h.procs = nil
}

// Addr is the host's IPv4 address.
func (h *Host) Addr() netip.Addr { return h.ip }

// Sim is the world the host lives in.
func (h *Host) Sim() *Sim { return h.sim }

// Profile is the host's live TCP settings; changes apply from the next time
// the stack reads them (a new socket, the next timer).
func (h *Host) Profile() *Profile { return &h.profile }

// Powered reports whether the host is on.
func (h *Host) Powered() bool { return h.powered }

// Boots counts the power-ons after the first start.
func (h *Host) Boots() int { return h.boots }

// Processes returns the host's processes, in start order.
func (h *Host) Processes() []*Process { return h.procs }

// Conns returns the host's TCP connections (not listeners), oldest first.
func (h *Host) Conns() []*Conn {
	out := make([]*Conn, 0, len(h.conns))
	for _, c := range h.conns {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b *Conn) int { return cmp.Compare(a.id, b.id) })
	return out
}

// Conn returns the connection whose local and remote ends are as given,
// or nil (a listener is no connection).
func (h *Host) Conn(local, remote netip.AddrPort) *Conn {
	if local.Addr() != h.ip {
		return nil
	}
	return h.conns[keyOf(local.Port(), remote)]
}

// ConnCount is the number of the host's TCP connections (Conns, without
// the copy).
func (h *Host) ConnCount() int { return len(h.conns) }

// Listeners returns the host's listening sockets by port.
func (h *Host) Listeners() []*Listener {
	out := make([]*Listener, 0, len(h.listeners))
	for _, l := range h.listeners {
		out = append(out, l)
	}
	slices.SortFunc(out, func(a, b *Listener) int { return int(a.port) - int(b.port) })
	return out
}

// UDPSockets returns the host's UDP sockets by port.
func (h *Host) UDPSockets() []*UDPConn {
	out := make([]*UDPConn, 0, len(h.udp))
	for _, u := range h.udp {
		out = append(out, u)
	}
	slices.SortFunc(out, func(a, b *UDPConn) int { return int(a.port) - int(b.port) })
	return out
}

// PowerOff cuts the power: every process dies without a word, every socket
// vanishes, no segment is sent. Timers of the old stack fire into nothing.
func (h *Host) PowerOff() {
	if !h.powered {
		return
	}
	h.sim.Emit(&FaultEvent{At: h.sim.now, Action: FaultPowerOff, Target: h.name})
	h.powered = false
	for _, p := range h.procs {
		p.setState(procDead)
	}
	for _, c := range h.Conns() {
		c.vanish()
	}
	h.resetStack()
}

// PowerOn boots the host with an empty stack. Processes must be started
// again by whoever models them.
func (h *Host) PowerOn() {
	if h.powered {
		return
	}
	h.powered = true
	h.boots++
	h.sim.Emit(&FaultEvent{At: h.sim.now, Action: FaultPowerOn, Target: h.name})
}

// send hands a packet built on this host to the network. A host without
// power sends nothing.
func (h *Host) send(p *Packet) {
	s := h.sim
	if !h.powered {
		s.release(p)
		return
	}
	s.nextSegID++
	p.ID = s.nextSegID
	p.origin = h.num
	p.TTL = uint8(h.profile.TTL)
	if s.countSegment(FateSent) { // segment, inlined
		s.buildSegment(p, FateSent, h.name, "", 0, 0)
	}
	// forwardFrom, written out: a host sends nearly every packet on the
	// route it last took, and forwardFrom, two calls, is too large to be
	// inlined.
	if b := &h.nodeBase; b.lastHop != nil && b.lastDst == p.Dst.Addr() {
		b.lastHop.send(p, b.lastDir)
		return
	}
	s.routeFrom(h, p)
}

// receive takes a packet off the wire; it is recycled afterwards. What the
// stack sends while it handles the packet answers it (Story.Answers).
func (h *Host) receive(p *Packet, via *Link) {
	s := h.sim
	s.arriving = p.ID
	switch {
	case !h.powered:
		s.dropped(p, h.name, WhyHostDown)
	case p.Dst.Addr() != h.ip:
		s.dropped(p, h.name, WhyNoRoute)
	case len(s.partitions) > 0 && p.origin != 0 && s.partitioned(s.originOf(p).Name(), h.name):
		s.dropped(p, h.name, WhyPartition)
	case p.Proto == TCP:
		h.tcpInput(p)
	case p.Proto == UDP:
		h.udpInput(p)
	}
	s.arriving = 0
	s.release(p)
}

// ephemeralPort picks a free local port for a connection to peer, from a
// random start in the profile's range (Linux also starts from a
// pseudo-random offset; its exact hash is not modelled). With every port of
// the range taken toward peer, connect() fails with EADDRNOTAVAIL, as
// __inet_hash_connect returns.
func (h *Host) ephemeralPort(peer netip.AddrPort) (uint16, error) {
	lo, hi := int(h.profile.EphemeralLow), int(h.profile.EphemeralHigh)
	n := hi - lo + 1
	start := h.sim.rng.IntN(n)
	for i := range n {
		port := uint16(lo + (start+i)%n)
		if _, used := h.conns[keyOf(port, peer)]; used {
			continue
		}
		if _, used := h.listeners[port]; used {
			continue
		}
		return port, nil
	}
	return 0, EADDRNOTAVAIL
}
