package netsim

import (
	"cmp"
	"fmt"
	"net/netip"
	"slices"
	"time"
)

// MiddleboxKind says what a middlebox does to the packets it forwards.
type MiddleboxKind uint8

// Kinds of middlebox.
const (
	// Router forwards and keeps no state.
	Router MiddleboxKind = iota + 1
	// Firewall is stateful: it admits a TCP flow by its SYN and forgets
	// it after an idle timeout.
	Firewall
	// NAT is a stateful firewall that also rewrites the inside host's
	// address and port to its public address (source NAT, masquerade).
	NAT
)

var middleboxKinds = []Named{
	Router:   {"router", "doc.middlebox.router"},
	Firewall: {"firewall", "doc.middlebox.firewall"},
	NAT:      {"nat", "doc.middlebox.nat"},
}

// String is the kind's name in scenario files: "router", "firewall", "nat".
func (k MiddleboxKind) String() string { return nameOf(middleboxKinds, k) }

// Doc is the ID of the kind's description in lab/i18n's catalog.
func (k MiddleboxKind) Doc() string { return docOf(middleboxKinds, k) }

// MiddleboxKinds lists the kinds, in the order the documentation shows
// them.
func MiddleboxKinds() []MiddleboxKind { return valuesOf[MiddleboxKind](middleboxKinds) }

// ParseMiddleboxKind reads a kind by its name; the error names the setting
// "kind" and the names it takes.
func ParseMiddleboxKind(name string) (MiddleboxKind, error) {
	return parseSetting[MiddleboxKind](middleboxKinds, "kind", name)
}

// ExpiryPolicy is what a middlebox does with a TCP packet that belongs to no
// flow it knows: a flow it forgot after the idle timeout, or never saw. The
// zero value means the default, ExpiryDrop.
type ExpiryPolicy uint8

// Expiry policies.
const (
	// ExpiryDrop drops it silently: a stateful firewall that admits new
	// flows only by SYN (Linux conntrack with "ct state new" requiring
	// SYN). To the sender it is a black hole.
	ExpiryDrop ExpiryPolicy = iota + 1
	// ExpiryPickup re-creates the flow from the mid-stream packet (Linux
	// conntrack's nf_conntrack_tcp_loose = 1).
	ExpiryPickup
	// ExpiryRST answers the packet with a RST in the name of its
	// destination (as an AWS NAT gateway does).
	ExpiryRST
	// ExpiryRSTBoth sends a RST to both ends when the idle timeout
	// passes, as Azure's load balancer does with "TCP reset on idle"; a
	// later stray packet is answered with a RST.
	ExpiryRSTBoth
)

var expiryPolicies = []Named{
	ExpiryDrop:    {"drop", "doc.on_expired.drop"},
	ExpiryPickup:  {"pickup", "doc.on_expired.pickup"},
	ExpiryRST:     {"rst", "doc.on_expired.rst"},
	ExpiryRSTBoth: {"rst-both", "doc.on_expired.rst_both"},
}

// String is the policy's name in scenario files: "drop", "rst-both".
func (p ExpiryPolicy) String() string { return nameOf(expiryPolicies, p) }

// Doc is the ID of the policy's description in lab/i18n's catalog.
func (p ExpiryPolicy) Doc() string { return docOf(expiryPolicies, p) }

// ExpiryPolicies lists the policies, in the order the documentation shows
// them.
func ExpiryPolicies() []ExpiryPolicy { return valuesOf[ExpiryPolicy](expiryPolicies) }

// ParseExpiryPolicy reads a policy by its name; the error names the
// setting "on_expired" and the names it takes.
func ParseExpiryPolicy(name string) (ExpiryPolicy, error) {
	return parseSetting[ExpiryPolicy](expiryPolicies, "on_expired", name)
}

// PortPolicy is how a NAT picks the public port of a new mapping. The zero
// value means the default, PortPreserve.
type PortPolicy uint8

// Port policies.
const (
	// PortPreserve keeps the inside port when it is free (Linux
	// masquerade): a flow re-created after expiry gets the same port and
	// silently continues.
	PortPreserve PortPolicy = iota + 1
	// PortRandom draws a port for every mapping (masquerade
	// --random-fully): a re-created flow shows the server a new 4-tuple.
	PortRandom
)

var portPolicies = []Named{
	PortPreserve: {"preserve", "doc.ports.preserve"},
	PortRandom:   {"random", "doc.ports.random"},
}

// String is the policy's name in scenario files: "preserve", "random".
func (p PortPolicy) String() string { return nameOf(portPolicies, p) }

// Doc is the ID of the policy's description in lab/i18n's catalog.
func (p PortPolicy) Doc() string { return docOf(portPolicies, p) }

// PortPolicies lists the port policies, in the order the documentation
// shows them.
func PortPolicies() []PortPolicy { return valuesOf[PortPolicy](portPolicies) }

// ParsePortPolicy reads a port policy by its name; the error names the
// setting "ports" and the names it takes.
func ParsePortPolicy(name string) (PortPolicy, error) {
	return parseSetting[PortPolicy](portPolicies, "ports", name)
}

// MiddleboxConfig sets up a middlebox.
type MiddleboxConfig struct {
	Kind MiddleboxKind
	// Outside names the neighbour on the middlebox's outside (toward the
	// servers); every other link is inside. Required for Firewall and NAT.
	Outside string
	// IdleTimeout forgets a TCP flow idle this long. Every packet that
	// passes resets it: data, pure ACKs and keepalive probes alike.
	IdleTimeout time.Duration
	// UDPIdleTimeout forgets a UDP flow idle this long (0: IdleTimeout).
	UDPIdleTimeout time.Duration
	// OnExpired is the policy for TCP packets of unknown flows (default
	// ExpiryDrop): drop and pickup stand for Linux conntrack settings,
	// rst and rst-both for cloud gateways.
	OnExpired ExpiryPolicy
	// Conntrack sets Linux's connection tracking and ruleset apart
	// (conntrack.go), and replaces OnExpired's shorthand; nil: those
	// OnExpired stands for. It cannot go with rst or rst-both.
	Conntrack *Conntrack
	// PublicIP is a NAT's outside address.
	PublicIP netip.Addr
	// Ports is a NAT's port policy (default PortPreserve); PortLow..PortHigh
	// the range it draws from (default 1024-65535, as masquerade's).
	Ports             PortPolicy
	PortLow, PortHigh uint16
}

// WithDefaults fills the settings left zero with their defaults: for a
// firewall or NAT the ExpiryDrop policy, for a NAT the PortPreserve policy
// and the ports 1024-65535. AddMiddlebox applies them; callers that
// validate a configuration before adding it apply them first.
func (c MiddleboxConfig) WithDefaults() MiddleboxConfig {
	if c.Kind == Router {
		return c
	}
	if c.OnExpired == 0 {
		c.OnExpired = ExpiryDrop
	}
	if c.Kind == NAT {
		if c.Ports == 0 {
			c.Ports = PortPreserve
		}
		if c.PortLow == 0 && c.PortHigh == 0 {
			c.PortLow, c.PortHigh = 1024, 65535
		}
	}
	return c
}

// Validate reports the first setting that makes no sense, naming it.
func (c MiddleboxConfig) Validate() error {
	switch {
	case c.Kind.String() == "":
		return invalid("kind", RuleOneOf, tableNames(middleboxKinds))
	case c.Kind != NAT && c.PublicIP.IsValid():
		return invalid("public_ip", RuleOnlyNATAddress)
	case c.Kind == Router && c.Conntrack != nil:
		return invalid("conntrack", RuleNotWith, "kind", c.Kind.String())
	case c.Kind == Router:
		return nil
	}
	switch {
	case c.Outside == "":
		return invalid("outside", RuleOutsideNeeded)
	case c.IdleTimeout <= 0:
		return invalid("idle_timeout", RulePositive, c.IdleTimeout)
	case c.UDPIdleTimeout < 0:
		return invalid("udp_idle_timeout", RuleNotNegative, c.UDPIdleTimeout)
	}
	if c.OnExpired.String() == "" {
		return invalid("on_expired", RuleOneOf, tableNames(expiryPolicies))
	}
	if c.Conntrack != nil && (c.OnExpired == ExpiryRST || c.OnExpired == ExpiryRSTBoth) {
		return invalid("conntrack", RuleNotWith, "on_expired", c.OnExpired.String())
	}
	if c.Kind == NAT {
		if !c.PublicIP.Is4() {
			return invalid("public_ip", RuleNATNeedsAddress)
		}
		if c.Ports.String() == "" {
			return invalid("ports", RuleOneOf, tableNames(portPolicies))
		}
		if c.PortLow > c.PortHigh {
			return invalid("ports", RuleEmptyRange, c.PortLow, c.PortHigh)
		}
	}
	return nil
}

// Middlebox is a router, stateful firewall or NAT on the path between
// hosts. Its flow table is invisible to both ends: when it forgets a flow,
// nobody is told.
type Middlebox struct {
	nodeBase
	sim      *Sim
	cfg      MiddleboxConfig
	outside  *Link
	flows    map[flowKey]*flow // by inside address
	mapped   map[flowKey]*flow // by public (mapped) address
	nextFlow uint64
	counts   MiddleboxCounts
}

type flowKey struct {
	proto      Proto
	near, peer netip.AddrPort // the inside (or mapped) end, the outside end
}

type flow struct {
	id                      uint64
	proto                   Proto
	inside, outside, mapped netip.AddrPort
	created, lastSeen       time.Duration
	timer                   *Timer
	// The next sequence number each side will send, as seen passing: a
	// RST the middlebox makes in a side's name must carry it.
	nextIn, nextOut uint32
	seenIn, seenOut bool
	// rewrites are a NAT's records of its rewrites, outbound and inbound
	// (Packet.NAT), made when first needed.
	rewrites [2]*Rewrite
}

// AddMiddlebox adds a middlebox. Link it to its neighbours with AddLink.
func (s *Sim) AddMiddlebox(name string, cfg MiddleboxConfig) (*Middlebox, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("netsim: middlebox %s: %w", name, err)
	}
	m := &Middlebox{nodeBase: nodeBase{name: name}, sim: s, cfg: cfg,
		flows: make(map[flowKey]*flow), mapped: make(map[flowKey]*flow)}
	var ips []netip.Addr
	if cfg.Kind == NAT {
		ips = append(ips, cfg.PublicIP)
	}
	if err := s.addNode(m, "public_ip", ips...); err != nil {
		return nil, fmt.Errorf("netsim: middlebox %s: %w", name, err)
	}
	s.middleboxes = append(s.middleboxes, m)
	return m, nil
}

// Config returns the middlebox's settings.
func (m *Middlebox) Config() MiddleboxConfig { return m.cfg }

// SetIdleTimeout changes the TCP (and, unless set apart, UDP) idle timeout
// from now on; flows already idle longer are forgotten at once.
func (m *Middlebox) SetIdleTimeout(d time.Duration) error {
	if d <= 0 {
		return fmt.Errorf("netsim: middlebox %s: %w", m.name, invalid("idle_timeout", RulePositive, d))
	}
	m.cfg.IdleTimeout = d
	m.sim.Emit(&FaultEvent{At: m.sim.now, Action: FaultIdleTimeout, Target: m.name, Settings: []Setting{{"idle_timeout_ns", int64(d)}}})
	for _, f := range m.sortedFlows() {
		f.timer.Reset(f.lastSeen + m.timeout(f))
	}
	return nil
}

// SetExpiryPolicy changes what happens to packets of unknown flows; the
// shorthand replaces any conntrack settings given apart.
func (m *Middlebox) SetExpiryPolicy(p ExpiryPolicy) error {
	cfg := m.cfg
	cfg.OnExpired, cfg.Conntrack = p, nil
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("netsim: middlebox %s: %w", m.name, err)
	}
	m.cfg = cfg
	return nil
}

// SetConntrack changes the connection tracking and ruleset from now on
// (sysctl net.netfilter.nf_conntrack_tcp_loose, a ruleset reloaded).
func (m *Middlebox) SetConntrack(ct Conntrack) error {
	cfg := m.cfg
	cfg.Conntrack = &ct
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("netsim: middlebox %s: %w", m.name, err)
	}
	m.cfg = cfg
	return nil
}

// Dropped counts packets the middlebox refused.
func (m *Middlebox) Dropped() uint64 { return m.counts.Dropped() }

// Counts counts what the middlebox did with packets of no known flow.
func (m *Middlebox) Counts() MiddleboxCounts { return m.counts }

// FlowInfo describes one entry of a flow table, for display.
type FlowInfo struct {
	Proto                   Proto
	Inside, Outside, Mapped netip.AddrPort
	Created, LastSeen       time.Duration
	Timeout                 time.Duration
}

// Flows lists the flow table, oldest first.
func (m *Middlebox) Flows() []FlowInfo {
	var out []FlowInfo
	for _, f := range m.sortedFlows() {
		fi := FlowInfo{Proto: f.proto, Inside: f.inside, Outside: f.outside,
			Created: f.created, LastSeen: f.lastSeen, Timeout: m.timeout(f)}
		if m.cfg.Kind == NAT {
			fi.Mapped = f.mapped
		}
		out = append(out, fi)
	}
	return out
}

// FlowOf finds a flow by its two ends as a connection's sockets name them:
// near is the inside end, as the inside host writes it or as the outside
// sees it (a NAT's public address and port); far is the outside end.
func (m *Middlebox) FlowOf(proto Proto, near, far netip.AddrPort) (FlowInfo, bool) {
	f := m.flows[flowKey{proto, near, far}]
	if f == nil {
		f = m.mapped[flowKey{proto, near, far}]
	}
	if f == nil {
		return FlowInfo{}, false
	}
	fi := FlowInfo{Proto: f.proto, Inside: f.inside, Outside: f.outside,
		Created: f.created, LastSeen: f.lastSeen, Timeout: m.timeout(f)}
	if m.cfg.Kind == NAT {
		fi.Mapped = f.mapped
	}
	return fi, true
}

func (m *Middlebox) sortedFlows() []*flow {
	out := make([]*flow, 0, len(m.flows))
	for _, f := range m.flows {
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b *flow) int { return cmp.Compare(a.id, b.id) })
	return out
}

// ExpireAll forgets every flow now, as if each had been idle past its
// timeout (a fault: "the firewall forgot us").
func (m *Middlebox) ExpireAll() {
	m.sim.Emit(&FaultEvent{At: m.sim.now, Action: FaultExpireFlows, Target: m.name})
	for _, f := range m.sortedFlows() {
		m.expire(f)
	}
}

func (m *Middlebox) timeout(f *flow) time.Duration {
	if f.proto == UDP && m.cfg.UDPIdleTimeout > 0 {
		return m.cfg.UDPIdleTimeout
	}
	return m.cfg.IdleTimeout
}

func (m *Middlebox) isOutside(via *Link) bool {
	if m.outside == nil {
		for _, l := range m.links {
			if l.other(m).Name() == m.cfg.Outside {
				m.outside = l
			}
		}
	}
	return via == m.outside
}

func (m *Middlebox) receive(p *Packet, via *Link) {
	p.TTL-- // every forwarding node does (ip_forward's ip_decrease_ttl); topologies are too small to reach 0
	if m.cfg.Kind == Router {
		m.sim.forward(m, p)
		return
	}
	if m.isOutside(via) {
		m.inbound(p)
	} else {
		m.outbound(p)
	}
}

// newFlowPacket reports whether p may open a flow: a TCP SYN (without ACK)
// or any UDP datagram.
func newFlowPacket(p *Packet) bool {
	return p.Proto == UDP || p.Flags&(SYN|ACK|RST) == SYN
}

// outbound handles a packet from the inside.
func (m *Middlebox) outbound(p *Packet) {
	f := m.flows[flowKey{p.Proto, p.Src, p.Dst}]
	if f == nil {
		var pass bool
		if f, pass = m.stray(p, p.Src, p.Dst, true); f == nil {
			if pass {
				m.sim.forward(m, p) // untracked: a NAT leaves its source as it is
			}
			return
		}
	}
	m.pass(f, p, true)
	if f.mapped != p.Src {
		m.rewrote(p, f, 0)
		p.Src = f.mapped
	}
	m.sim.forward(m, p)
}

// inbound handles a packet from the outside.
func (m *Middlebox) inbound(p *Packet) {
	f := m.mapped[flowKey{p.Proto, p.Dst, p.Src}]
	if f == nil {
		var pass bool
		if f, pass = m.stray(p, p.Dst, p.Src, false); f == nil {
			if pass {
				m.sim.forward(m, p)
			}
			return
		}
	}
	m.pass(f, p, false)
	if f.inside != p.Dst {
		m.rewrote(p, f, 1)
		p.Dst = f.inside
	}
	m.sim.forward(m, p)
}

// stray decides what becomes of p, a packet of no flow the box knows, from
// the inside (outbound) or the outside: a new flow, passing untracked
// (pass, without a flow), or refused (dropped here). A UDP datagram from
// inside opens a flow. For TCP, Linux's conntrack classifies the packet
// and the ruleset decides (Conntrack); a gateway with the rst or rst-both
// policy refuses all but a SYN. A NAT maps only flows from the inside, and
// its own address takes nothing from outside that no mapping expects (its
// INPUT chain is closed, as a home router's); a packet from outside for an
// inside address (a reply to a segment that left untranslated) passes
// untranslated when the ruleset lets it.
func (m *Middlebox) stray(p *Packet, inside, outside netip.AddrPort, outbound bool) (f *flow, pass bool) {
	transit := !outbound && m.cfg.Kind == NAT // not for the box's address: mapped ones are looked up first
	if p.Proto != TCP {
		if outbound {
			return m.openOrRefuse(p, inside, outside, FlowCreated), false
		}
		m.refuse(p, DropNoFlow)
		return nil, false
	}
	if transit && p.Dst.Addr() == m.cfg.PublicIP {
		m.refuse(p, DropNoFlow)
		return nil, false
	}
	ct, tracking := m.cfg.Tracking()
	if !tracking {
		if newFlowPacket(p) && !transit {
			return m.openOrRefuse(p, inside, outside, FlowCreated), false
		}
		m.refuse(p, DropNoFlow)
		return nil, false
	}
	class := ct.classify(p)
	open, rule := ct.verdict(class)
	switch {
	case rule != 0:
		m.refuse(p, rule)
		return nil, false
	case open && !transit:
		how := FlowCreated
		if class == ctPickup {
			how = FlowPickedUp
		}
		return m.openOrRefuse(p, inside, outside, how), false
	}
	m.counts.Untracked++ // INVALID let through, or a NAT's transit: untranslated
	return nil, true
}

// openOrRefuse opens a flow for p, or refuses p when a NAT has no port
// left for it.
func (m *Middlebox) openOrRefuse(p *Packet, inside, outside netip.AddrPort, how string) *flow {
	f := m.open(p.Proto, inside, outside, how)
	if f == nil {
		m.refuse(p, DropNoFlow)
	}
	return f
}

// rewrote notes, before a NAT rewrites p (outbound, dir 0, or inbound, 1),
// the addresses its sender wrote: the first NAT's, if it crosses two. Only
// an observed run needs it; each flow makes its two rewrites once.
func (m *Middlebox) rewrote(p *Packet, f *flow, dir int) {
	if p.NAT != nil || !m.sim.Tracing() {
		return
	}
	if f.rewrites[dir] == nil {
		f.rewrites[dir] = &Rewrite{Box: m.name, Src: p.Src, Dst: p.Dst}
	}
	p.NAT = f.rewrites[dir]
}

// pass records a packet of flow f going through: the idle clock restarts,
// the sequence numbers are noted, a RST ends the flow.
func (m *Middlebox) pass(f *flow, p *Packet, fromInside bool) {
	f.lastSeen = m.sim.now
	if p.Proto != TCP {
		return
	}
	next := p.Seq + p.seqLen()
	if fromInside {
		if !f.seenIn || seqGT(next, f.nextIn) {
			f.nextIn, f.seenIn = next, true
		}
	} else if !f.seenOut || seqGT(next, f.nextOut) {
		f.nextOut, f.seenOut = next, true
	}
	if p.Flags&RST != 0 {
		m.remove(f, FlowRemoved)
	}
}

// refuse drops a packet of no known flow, counting it under the rule that
// dropped it; with the rst or rst-both policy the sender gets a RST in the
// name of the address it wrote to.
func (m *Middlebox) refuse(p *Packet, rule DropRule) {
	switch rule {
	case DropNewWithoutSYN:
		m.counts.NewWithoutSYN++
	case DropInvalid:
		m.counts.Invalid++
	default:
		m.counts.NoFlow++
	}
	m.sim.refused(p, m.name, rule)
	if p.Proto == TCP && p.Flags&RST == 0 && (m.cfg.OnExpired == ExpiryRST || m.cfg.OnExpired == ExpiryRSTBoth) && m.cfg.Conntrack == nil {
		m.send(resetFor(p, TriggerMiddleboxReset))
	}
	m.sim.release(p)
}

// send emits a packet the middlebox itself makes.
func (m *Middlebox) send(p *Packet) {
	s := m.sim
	s.nextSegID++
	p.ID = s.nextSegID
	p.origin = m.num
	p.TTL = 64 // the model's middleboxes are Linux boxes: net.ipv4.ip_default_ttl
	s.segment(p, FateSent, m.name, 0)
	s.forward(m, p)
}

// open creates a flow (and, for a NAT, a mapping).
func (m *Middlebox) open(proto Proto, inside, outside netip.AddrPort, how string) *flow {
	mapped := inside
	if m.cfg.Kind == NAT {
		port, ok := m.pickPort(proto, inside, outside)
		if !ok {
			return nil
		}
		mapped = netip.AddrPortFrom(m.cfg.PublicIP, port)
	}
	m.nextFlow++
	f := &flow{id: m.nextFlow, proto: proto, inside: inside, outside: outside, mapped: mapped,
		created: m.sim.now, lastSeen: m.sim.now}
	f.timer = m.sim.NewTimer(func() { m.checkIdle(f) })
	f.timer.Reset(m.sim.now + m.timeout(f))
	m.flows[flowKey{proto, inside, outside}] = f
	m.mapped[flowKey{proto, mapped, outside}] = f
	m.flowEvent(f, how, 0)
	return f
}

// pickPort chooses a NAT's public port for a new mapping.
func (m *Middlebox) pickPort(proto Proto, inside, outside netip.AddrPort) (uint16, bool) {
	free := func(port uint16) bool {
		_, used := m.mapped[flowKey{proto, netip.AddrPortFrom(m.cfg.PublicIP, port), outside}]
		return !used
	}
	if m.cfg.Ports == PortPreserve && free(inside.Port()) {
		return inside.Port(), true
	}
	lo, hi := int(m.cfg.PortLow), int(m.cfg.PortHigh)
	n := hi - lo + 1
	start := m.sim.rng.IntN(n)
	for i := range n {
		if port := uint16(lo + (start+i)%n); free(port) {
			return port, true
		}
	}
	return 0, false
}

// checkIdle runs when a flow may have been idle for its timeout. The
// timer is lazy (packets do not re-arm it): if traffic passed meanwhile,
// it sleeps for the rest.
func (m *Middlebox) checkIdle(f *flow) {
	if m.flows[flowKey{f.proto, f.inside, f.outside}] != f {
		return
	}
	if due := f.lastSeen + m.timeout(f); due > m.sim.now {
		f.timer.Reset(due)
		return
	}
	m.expire(f)
}

// expire forgets a flow; with rst-both it first resets both ends, in the
// name of the other, as Azure's load balancer does.
func (m *Middlebox) expire(f *flow) {
	m.remove(f, FlowExpired)
	if m.cfg.OnExpired != ExpiryRSTBoth || f.proto != TCP {
		return
	}
	if f.seenOut {
		m.send(&Packet{Proto: TCP, Src: f.outside, Dst: f.inside, Flags: RST, Seq: f.nextOut, RelSeq: f.nextOut,
			Story: Story{Trigger: TriggerMiddleboxExpiry}})
	}
	if f.seenIn {
		m.send(&Packet{Proto: TCP, Src: f.mapped, Dst: f.outside, Flags: RST, Seq: f.nextIn, RelSeq: f.nextIn,
			Story: Story{Trigger: TriggerMiddleboxExpiry}})
	}
}

func (m *Middlebox) remove(f *flow, how string) {
	delete(m.flows, flowKey{f.proto, f.inside, f.outside})
	delete(m.mapped, flowKey{f.proto, f.mapped, f.outside})
	f.timer.Stop()
	m.flowEvent(f, how, m.sim.now-f.lastSeen)
}

func (m *Middlebox) flowEvent(f *flow, action string, idle time.Duration) {
	s := m.sim
	s.count(KindFlow)
	if s.wanted&KindFlow == 0 {
		return
	}
	e := &FlowEvent{At: s.now, Box: m.name, Action: action, Proto: f.proto,
		Inside: f.inside, Outside: f.outside, Idle: idle}
	if m.cfg.Kind == NAT {
		e.Mapped = f.mapped
	}
	s.hand(e)
}
