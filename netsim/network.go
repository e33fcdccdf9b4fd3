package netsim

import (
	"fmt"
	"net/netip"
	"slices"
)

// node is a place packets arrive at: a host or a middlebox.
type node interface {
	Name() string
	base() *nodeBase
	// receive takes a packet that arrived over link via.
	receive(p *Packet, via *Link)
}

// nodeBase is what hosts and middleboxes share: a name, the links attached
// and a cache of routes.
type nodeBase struct {
	name string
	// num is the node's number in the run, from 1 in the order nodes
	// were added (Sim.nodes): the packets it builds carry it
	// (Packet.origin).
	num    uint32
	links  []*Link
	routes map[node]*Link // next hop toward a node; rebuilt on topology change
	// lastDst and lastHop are the route last taken from here, to an
	// address (nil: none): a host sends nearly all its packets to one
	// address or two (a client host to its server's), and the two maps'
	// lookups of route cost more than the rest of a packet's trip.
	// lastDir is the direction lastHop takes from here (Link.send).
	lastDst netip.Addr
	lastDir int
	lastHop *Link
}

func (b *nodeBase) Name() string    { return b.name }
func (b *nodeBase) base() *nodeBase { return b }
func (b *nodeBase) Links() []*Link  { return b.links }
func (b *nodeBase) attach(l *Link)  { b.links = append(b.links, l) }

// addNode adds a node and its addresses; ipField names the setting the
// addresses come from, for errors.
func (s *Sim) addNode(n node, ipField string, ips ...netip.Addr) error {
	name := n.Name()
	if name == "" {
		return invalid("name", RuleNeeded)
	}
	if _, dup := s.byName[name]; dup {
		return invalid("name", RuleNameTaken, name)
	}
	for _, ip := range ips {
		if !ip.Is4() {
			return invalid(ipField, RuleNotIPv4, ip)
		}
		if other, dup := s.byIP[ip.As4()]; dup {
			return invalid(ipField, RuleAddressTaken, ip, other.Name())
		}
	}
	for _, ip := range ips {
		s.byIP[ip.As4()] = n
	}
	s.byName[name] = n
	s.nodes = append(s.nodes, n)
	s.nodeNames = append(s.nodeNames, name)
	n.base().num = uint32(len(s.nodes))
	return nil
}

// Hosts returns the hosts in the order they were added.
func (s *Sim) Hosts() []*Host { return s.hosts }

// Middleboxes returns the middleboxes in the order they were added.
func (s *Sim) Middleboxes() []*Middlebox { return s.middleboxes }

// Links returns the links in the order they were added.
func (s *Sim) Links() []*Link { return s.links }

// Host returns the host called name, or nil.
func (s *Sim) Host(name string) *Host {
	h, _ := s.byName[name].(*Host)
	return h
}

// Middlebox returns the middlebox called name, or nil.
func (s *Sim) Middlebox(name string) *Middlebox {
	m, _ := s.byName[name].(*Middlebox)
	return m
}

// Link returns the link between the nodes called a and b, or nil.
func (s *Sim) Link(a, b string) *Link {
	for _, l := range s.links {
		x, y := l.ends[0].Name(), l.ends[1].Name()
		if (x == a && y == b) || (x == b && y == a) {
			return l
		}
	}
	return nil
}

// HostOf returns the host that owns address ip, or nil.
func (s *Sim) HostOf(ip netip.Addr) *Host {
	h, _ := s.byIP[ip.As4()].(*Host)
	return h
}

// NodeName names the host or middlebox that owns address ip, or "".
func (s *Sim) NodeName(ip netip.Addr) string {
	// The two entries are tested in place: every segment event built
	// asks, and a range over the array copied it, then each entry.
	a := ip.As4()
	if k := &s.named[0]; k.ip == a && k.name != "" {
		return k.name
	}
	if k := &s.named[1]; k.ip == a && k.name != "" {
		return k.name
	}
	return s.nodeName(a)
}

// nodeName is NodeName for an address not among its last two answers.
func (s *Sim) nodeName(a [4]byte) string {
	n, ok := s.byIP[a]
	if !ok {
		return ""
	}
	s.named[1], s.named[0] = s.named[0], namedAddr{a, n.Name()}
	return s.named[0].name
}

// namedAddr is an address and the name of the node that owns it: Sim.named
// remembers the last two NodeName found (a segment event names its
// destination, and a run's segments go to few addresses, two in a
// client-server run). An address's owner never changes.
type namedAddr struct {
	ip   [4]byte
	name string
}

// route returns the link on which from forwards a packet for dst, found by
// breadth-first search over the links in the order they were added (so the
// choice is deterministic), and cached until the topology changes.
func (s *Sim) route(from node, dst netip.Addr) (*Link, bool) {
	b, ip := from.base(), dst.As4()
	if b.lastHop != nil && b.lastDst == dst {
		return b.lastHop, true
	}
	to, ok := s.byIP[ip]
	if !ok || to == from {
		return nil, false
	}
	if l, ok := b.routes[to]; ok {
		if l != nil {
			b.lastDst, b.lastHop, b.lastDir = dst, l, l.dirFrom(from)
		}
		return l, l != nil
	}
	if b.routes == nil {
		b.routes = make(map[node]*Link)
	}
	first := map[node]*Link{from: nil}
	frontier := []node{from}
	for len(frontier) > 0 && first[to] == nil {
		var next []node
		for _, n := range frontier {
			for _, l := range n.base().links {
				m := l.other(n)
				if _, seen := first[m]; seen {
					continue
				}
				if n == from {
					first[m] = l
				} else {
					first[m] = first[n]
				}
				next = append(next, m)
			}
		}
		frontier = next
	}
	l := first[to]
	b.routes[to] = l
	if l != nil {
		b.lastDst, b.lastHop, b.lastDir = dst, l, l.dirFrom(from)
	}
	return l, l != nil
}

// Path lists the links a packet from the node called from takes to the
// node that owns address to, in order (nil when none leads there).
func (s *Sim) Path(from string, to netip.Addr) []*Link {
	n := s.byName[from]
	var out []*Link
	for n != nil && len(out) <= len(s.links) {
		l, ok := s.route(n, to)
		if !ok {
			break
		}
		out = append(out, l)
		n = l.other(n)
	}
	if n == nil || s.byIP[to.As4()] != n {
		return nil
	}
	return out
}

func (s *Sim) topologyChanged() {
	for _, n := range s.nodes {
		b := n.base()
		b.routes, b.lastHop = nil, nil
	}
}

// partition separates two sets of hosts: nothing one side sends reaches the
// other, in either direction, until it is healed.
type partition struct {
	name string
	a, b []string
}

func (p partition) separates(x, y string) bool {
	return (slices.Contains(p.a, x) && slices.Contains(p.b, y)) ||
		(slices.Contains(p.b, x) && slices.Contains(p.a, y))
}

// Partition cuts the hosts of a from the hosts of b: packets that one side
// sends are dropped ("partition") when they reach the other. The name
// identifies the partition for Heal.
func (s *Sim) Partition(name string, a, b []string) error {
	for _, h := range append(slices.Clone(a), b...) {
		if s.byName[h] == nil {
			return fmt.Errorf("netsim: partition %s: no host or middlebox %q", name, h)
		}
	}
	for _, p := range s.partitions {
		if p.name == name {
			return fmt.Errorf("netsim: partition %q exists already", name)
		}
	}
	s.partitions = append(s.partitions, partition{name: name, a: slices.Clone(a), b: slices.Clone(b)})
	s.Emit(&FaultEvent{At: s.now, Action: FaultPartition, Target: name,
		Settings: []Setting{{"a", a}, {"b", b}}})
	return nil
}

// Partitions lists the names of the partitions in force, oldest first.
func (s *Sim) Partitions() []string {
	var out []string
	for _, p := range s.partitions {
		out = append(out, p.name)
	}
	return out
}

// Heal removes the partition called name; with name "" it removes them all.
func (s *Sim) Heal(name string) {
	s.partitions = slices.DeleteFunc(s.partitions, func(p partition) bool {
		return name == "" || p.name == name
	})
	target := name
	if target == "" {
		target = "all"
	}
	s.Emit(&FaultEvent{At: s.now, Action: FaultHeal, Target: target})
}

// Partitioned reports whether a partition separates the nodes called x
// and y.
func (s *Sim) Partitioned(x, y string) bool { return s.partitioned(x, y) }

func (s *Sim) partitioned(x, y string) bool {
	for _, p := range s.partitions {
		if p.separates(x, y) {
			return true
		}
	}
	return false
}

// forward sends p from node n toward its destination address, or drops it
// when no route leads there.
func (s *Sim) forward(n node, p *Packet) { s.forwardFrom(n, n.base(), p) }

// forwardFrom is forward from n, whose nodeBase is b: the route last taken
// from there, when p goes the same way, without a call of route
// (Host.send has the same test written out); routeFrom finds any other.
func (s *Sim) forwardFrom(n node, b *nodeBase, p *Packet) {
	if b.lastHop != nil && b.lastDst == p.Dst.Addr() {
		b.lastHop.send(p, b.lastDir)
		return
	}
	s.routeFrom(n, p)
}

// routeFrom sends p from n on the route to its destination, or drops it
// when there is none (forwardFrom, when p does not go the way the last
// packet went).
func (s *Sim) routeFrom(n node, p *Packet) {
	l, ok := s.route(n, p.Dst.Addr())
	if !ok {
		s.dropped(p, n.Name(), WhyNoRoute)
		s.release(p)
		return
	}
	l.send(p, l.dirFrom(n))
}
