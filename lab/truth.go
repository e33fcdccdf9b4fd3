package lab

import (
	"net/netip"
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// Belief and truth. A socket believes what its segments have told it: its
// TCP state, and its application's view ("alive, heard 26 m ago"). The
// simulator knows more: that the peer's host has no power, that its
// process crashed or froze, that a middlebox forgot the flow, that the
// peer's socket is gone. The snapshot shows both for each connection end,
// and marks the end that believes in a connection its peer no longer has
// — a half-open connection — until it detects it.

// TruthKind is what the simulator knows of a connection end's peer.
type TruthKind uint8

// What can be true of a peer, most serious first where several hold.
const (
	TruthUnknown       TruthKind = iota // the peer is outside the lab (no node owns its address), or a connecting end's peer has no socket for it yet
	TruthPoweredOff                     // the peer's host has no power: its socket vanished with it
	TruthPeerGone                       // the peer's host runs, but has no socket for this connection (it rebooted, or forgot it)
	TruthCrashed                        // the peer's process crashed: its OS closed the socket (FIN, or RST)
	TruthFrozen                         // the peer's application is frozen: its kernel answers, it does not
	TruthFlowForgotten                  // a middlebox on the path forgot the flow: the next packet meets its policy
	TruthLinkDown                       // a cable on the path is pulled
	TruthPartitioned                    // the two hosts are partitioned
	TruthPeerClosed                     // the peer's application closed its socket (the OS finishes the close)
	TruthAlive                          // the peer's socket is there and its application runs
)

var truthNames = [...]string{
	TruthUnknown: "unknown", TruthPoweredOff: "powered_off", TruthPeerGone: "peer_gone",
	TruthCrashed: "crashed", TruthFrozen: "frozen", TruthFlowForgotten: "flow_forgotten",
	TruthLinkDown: "link_down", TruthPartitioned: "partitioned", TruthPeerClosed: "peer_closed",
	TruthAlive: "alive",
}

// String is the truth's code: "powered_off".
func (k TruthKind) String() string {
	if int(k) < len(truthNames) {
		return truthNames[k]
	}
	return "truth?"
}

// Truth is what the simulator knows of one connection end's peer.
type Truth struct {
	Kind TruthKind
	// Peer names the peer's host; for a forgotten flow, the middlebox; for
	// a pulled cable, the link.
	Peer string
	// PeerState is the peer socket's TCP state, when it has one.
	PeerState string
	// Since is when the truth began (the power cut, the crash, the flow
	// forgotten), when the session saw it happen; 0 when unknown.
	Since time.Duration
}

// Detection is a connection end's conclusion that its peer is gone.
type Detection struct {
	At     time.Duration
	Cause  netsim.Cause
	Silent time.Duration
	Rule   i18n.Message // the rule that fired, with its numbers
}

// facts are the faults the session has seen, with their times: the
// "since" of a truth. Flow expiries are seen only in a traced session.
type facts struct {
	poweredOff map[string]time.Duration // host → when it lost power
	crashed    map[string]time.Duration // "host/process" → when it crashed
	frozen     map[string]time.Duration // "host/process" → when it froze
	linkDown   map[string]time.Duration // link → when its cable was pulled
	forgotten  map[string]time.Duration // flowKey → when the middlebox forgot it
	detected   map[string]Detection     // host + " " + tuple → the detection of its end
}

func (f *facts) set(m *map[string]time.Duration, key string, at time.Duration) {
	if *m == nil {
		*m = map[string]time.Duration{}
	}
	(*m)[key] = at
}

// maxDetections bounds the detections remembered for the snapshot: a herd
// reconnecting for a day must not grow the map for ever. When full, those
// of connections that no longer exist are forgotten.
const maxDetections = 1 << 14

// noteDetect remembers the detection of an established connection's loss
// for the snapshot's rows (a failed connect attempt's socket is gone at
// once), and emits it.
func (s *Session) noteDetect(e *DetectEvent) {
	if e.Conn != "" && !e.Cause.ConnectFailure() {
		if s.facts.detected == nil {
			s.facts.detected = map[string]Detection{}
		}
		if len(s.facts.detected) >= maxDetections {
			s.pruneDetections()
		}
		s.facts.detected[e.Host+" "+e.Conn] = Detection{At: e.At, Cause: e.Cause, Silent: e.Silent, Rule: e.Rule}
	}
	s.emit(e)
}

func (s *Session) pruneDetections() {
	live := map[string]bool{}
	for _, h := range s.sim.Hosts() {
		for _, c := range h.Conns() {
			live[h.Name()+" "+c.Name()] = true
		}
	}
	for k := range s.facts.detected {
		if !live[k] {
			delete(s.facts.detected, k)
		}
	}
}

// noteAction remembers the time of a fault the session is about to apply
// (and forgets it when a repair undoes it). An action that will change
// nothing changes no time.
func (s *Session) noteAction(a Action) {
	now := s.Now()
	f := &s.facts
	switch a.Do {
	case PowerOff:
		if s.sim.Host(a.Target).Powered() {
			f.set(&f.poweredOff, a.Target, now)
		}
	case PowerOn:
		delete(f.poweredOff, a.Target)
	case Crash, Freeze, Thaw:
		host := s.byName[a.Target].config().Host
		for _, p := range s.processes(a.Target) {
			key := host + "/" + p.Name()
			switch {
			case a.Do == Crash:
				f.set(&f.crashed, key, now)
			case a.Do == Freeze && !p.Frozen():
				f.set(&f.frozen, key, now)
			case a.Do == Thaw:
				delete(f.frozen, key)
			}
		}
	case Restart:
		host := s.byName[a.Target].config().Host
		for key := range f.crashed {
			if name, ok := strings.CutPrefix(key, host+"/"); ok && (name == a.Target || strings.HasPrefix(name, a.Target+"#")) {
				delete(f.crashed, key)
			}
		}
	case LinkDown:
		if s.link(a.Target).Up() {
			f.set(&f.linkDown, a.Target, now)
		}
	case LinkUp:
		delete(f.linkDown, a.Target)
	}
}

// noteFlow remembers when a middlebox forgot a flow (traced sessions),
// under both its inside and its public address.
func (s *Session) noteFlow(f *netsim.FlowEvent) {
	if f.Action != netsim.FlowExpired && f.Action != netsim.FlowRemoved {
		return
	}
	s.facts.set(&s.facts.forgotten, flowKey(f.Box, f.Inside, f.Outside), f.At)
	if f.Mapped.IsValid() {
		s.facts.set(&s.facts.forgotten, flowKey(f.Box, f.Mapped, f.Outside), f.At)
	}
}

func flowKey(box string, inside, outside netip.AddrPort) string {
	return box + " " + inside.String() + " " + outside.String()
}

// truthOf works out what is true of the peer of connection c on host h.
func (s *Session) truthOf(h *netsim.Host, c *netsim.Conn) Truth {
	sim := s.sim
	local, remote := c.LocalAddr(), c.RemoteAddr()
	owner := sim.NodeName(remote.Addr())
	if owner == "" {
		return Truth{Kind: TruthUnknown}
	}
	// Walk the path to the owner of the remote address: a pulled cable, a
	// flow a middlebox forgot, a NAT's mapping of the host behind it.
	peerHost, peerLocal, peerRemote := owner, remote, local
	prev := h.Name()
	for _, l := range sim.Path(h.Name(), remote.Addr()) {
		if !l.Up() {
			return Truth{Kind: TruthLinkDown, Peer: l.Name(), Since: s.facts.linkDown[l.Name()]}
		}
		from, next := l.Ends()
		if next == prev {
			from, next = next, from
		}
		prev = next
		m := sim.Middlebox(next)
		if m == nil || m.Config().Kind == netsim.Router {
			continue
		}
		// From inside, the flow is (our address, the remote one); from
		// outside, (the remote address as it appears here, ours).
		outside := from == m.Config().Outside
		near, far := local, remote
		if outside {
			near, far = remote, local
		}
		fi, ok := m.FlowOf(netsim.TCP, near, far)
		if !ok {
			return Truth{Kind: TruthFlowForgotten, Peer: next, Since: s.facts.forgotten[flowKey(next, near, far)]}
		}
		if m.Config().Kind == netsim.NAT {
			if outside { // the peer is behind the NAT: its socket has the inside address
				peerLocal, peerHost = fi.Inside, sim.NodeName(fi.Inside.Addr())
			} else { // we are behind it: the peer sees our mapped address
				peerRemote = fi.Mapped
			}
		}
	}
	ph := sim.Host(peerHost)
	if ph == nil {
		return Truth{Kind: TruthUnknown}
	}
	t := Truth{Peer: peerHost}
	if !ph.Powered() {
		t.Kind, t.Since = TruthPoweredOff, s.facts.poweredOff[peerHost]
		return t
	}
	if sim.Partitioned(h.Name(), peerHost) {
		t.Kind = TruthPartitioned
		return t
	}
	pc := ph.Conn(peerLocal, peerRemote)
	if pc == nil && !c.State().Synchronized() {
		// Still connecting: the peer never had a socket for it (the SYN
		// is on its way, or a full queue dropped it). Nothing is gone;
		// the end believes nothing yet that the truth could contradict.
		return Truth{Kind: TruthUnknown}
	}
	if pc == nil {
		t.Kind = TruthPeerGone
		return t
	}
	t.PeerState = pc.State().String()
	key := peerHost + "/" + pc.Owner()
	p := pc.Process()
	if l := pc.Pending(); l != nil { // not accepted yet: its listener's process will
		p = l.Process()
	}
	switch {
	case p != nil && p.Frozen():
		t.Kind, t.Since = TruthFrozen, s.facts.frozen[key]
	case p != nil:
		t.Kind = TruthAlive
	default:
		if at, ok := s.facts.crashed[key]; ok {
			t.Kind, t.Since = TruthCrashed, at
		} else {
			t.Kind = TruthPeerClosed
		}
	}
	return t
}

// halfOpen says whether an end believes in a connection its peer no longer
// has: its application still holds it open, undetected, and the peer's
// side has no state for it.
func halfOpen(c *netsim.Conn, t Truth) bool {
	if c.Process() == nil {
		return false // its application closed it: it knows
	}
	switch c.State() {
	case netsim.Established, netsim.CloseWait:
	default:
		return false
	}
	return t.Kind == TruthPoweredOff || t.Kind == TruthPeerGone
}
