package netsim

// Conntrack is how a Linux firewall or NAT treats a TCP packet of a flow it
// does not know (one it forgot after the idle timeout, or never saw): two
// separate things decide, the connection tracker and the ruleset.
//
// Conntrack classifies the packet (tcp_new in
// net/netfilter/nf_conntrack_proto_tcp.c, from the tcp_conntracks table's
// row for a flow in state NONE): a SYN is NEW; an ACK (with or without
// data) is NEW when nf_conntrack_tcp_loose is on ("We are in the middle of
// a connection, its history is lost for us"), INVALID when it is off
// ("Don't try to pick up connections"); a FIN, a RST or a SYN-ACK is
// INVALID either way. The ruleset then decides: a NEW flow is admitted and
// tracked (a NAT maps it) unless the ruleset admits new flows only by a
// SYN; an INVALID packet is dropped if the ruleset says so, and otherwise
// passes untracked — through a NAT untranslated, with its private source
// address.
//
//	loose  new_needs_syn  drop_invalid   the next segment of a forgotten flow
//	on     on             any            dropped: "new without SYN"
//	on     off            any            picked up: the flow continues
//	off    any            on             dropped: "invalid"
//	off    any            off            passes untracked (a NAT: untranslated)
//
// The rulesets are those a policy of ACCEPT with up to two DROP rules makes
// (`ct state new tcp flags != syn drop`, `ct state invalid drop`); a
// stateful firewall (policy DROP, accepting established flows and SYNs)
// behaves as both rules on.
type Conntrack struct {
	// Loose is net.netfilter.nf_conntrack_tcp_loose (Linux's default:
	// on): a mid-stream segment of an unknown flow starts a NEW one.
	Loose bool
	// NewNeedsSYN: the ruleset admits a NEW flow only by its SYN.
	NewNeedsSYN bool
	// DropInvalid: the ruleset drops INVALID packets.
	DropInvalid bool
}

// Conntrack settings the on_expired shorthands stand for.
var (
	// ConntrackStateful is a stateful firewall (on_expired drop): Linux's
	// loose default, NEW flows only by SYN, INVALID dropped.
	ConntrackStateful = Conntrack{Loose: true, NewNeedsSYN: true, DropInvalid: true}
	// ConntrackPermissive is loose pickup behind a permissive ruleset
	// (on_expired pickup): the flow is re-created from its next segment.
	ConntrackPermissive = Conntrack{Loose: true, DropInvalid: true}
)

// Tracking is the conntrack settings the middlebox runs with: explicit, or
// those of its on_expired shorthand. A router, or a box whose policy is
// rst or rst-both (a cloud gateway, not conntrack), has none.
func (c MiddleboxConfig) Tracking() (Conntrack, bool) {
	switch {
	case c.Kind == Router:
		return Conntrack{}, false
	case c.Conntrack != nil:
		return *c.Conntrack, true
	}
	switch c.OnExpired {
	case ExpiryDrop:
		return ConntrackStateful, true
	case ExpiryPickup:
		return ConntrackPermissive, true
	}
	return Conntrack{}, false
}

// ctClass is conntrack's class of a TCP packet of no known flow.
type ctClass uint8

const (
	ctNew     ctClass = iota + 1 // a SYN
	ctPickup                     // a mid-stream ACK that loose pickup takes for NEW
	ctInvalid                    // INVALID
)

// classify is tcp_new's verdict on p, a TCP packet of no known flow:
// tcp_conntracks[0][get_conntrack_index(th)][TCP_CONNTRACK_NONE] is
// SYN_SENT for a SYN, ESTABLISHED for an ACK (picked up only with loose
// on), invalid for a SYN-ACK, FIN, RST or a segment without flags.
func (ct Conntrack) classify(p *Packet) ctClass {
	switch {
	case p.Flags&RST != 0:
		return ctInvalid
	case p.Flags&SYN != 0:
		if p.Flags&ACK != 0 {
			return ctInvalid
		}
		return ctNew
	case p.Flags&FIN != 0, p.Flags&ACK == 0:
		return ctInvalid
	case ct.Loose:
		return ctPickup
	}
	return ctInvalid
}

// verdict is the ruleset's word on a packet conntrack classified: admit it
// and track its flow (open), drop it by rule, or — neither — let it pass
// untracked.
func (ct Conntrack) verdict(class ctClass) (open bool, rule DropRule) {
	switch class {
	case ctNew:
		return true, 0
	case ctPickup:
		if ct.NewNeedsSYN {
			return false, DropNewWithoutSYN
		}
		return true, 0
	}
	if ct.DropInvalid {
		return false, DropInvalid
	}
	return false, 0
}

// StrayFate is what a middlebox does with the next segment an inside host
// sends on a flow the box has forgotten: a mid-stream ACK, with or without
// data.
type StrayFate uint8

// Fates of a stray segment.
const (
	StrayDropped   StrayFate = iota + 1 // dropped silently, by a rule
	StrayPickedUp                       // the flow is re-created and the segment passes
	StrayUntracked                      // passes untracked; through a NAT, untranslated
	StrayRST                            // dropped and answered with a RST (rst)
	StrayRSTBoth                        // rst-both: both ends were reset when the flow expired
)

// Stray is what the middlebox does with a forgotten flow's next segment
// from the inside, and the rule that drops it.
func (c MiddleboxConfig) Stray() (StrayFate, DropRule) {
	ct, tracking := c.Tracking()
	if !tracking {
		if c.OnExpired == ExpiryRSTBoth {
			return StrayRSTBoth, DropNoFlow
		}
		return StrayRST, DropNoFlow
	}
	open, rule := ct.verdict(ct.classify(&Packet{Proto: TCP, Flags: ACK}))
	switch {
	case open:
		return StrayPickedUp, 0
	case rule != 0:
		return StrayDropped, rule
	}
	return StrayUntracked, 0
}

// DropRule says which rule made a middlebox drop a packet: the "rule" of a
// segment event dropped "firewall".
type DropRule uint8

// Drop rules.
const (
	// DropNewWithoutSYN: conntrack took a mid-stream segment for a NEW
	// flow (loose pickup), and the ruleset admits new flows only by a SYN.
	DropNewWithoutSYN DropRule = iota + 1
	// DropInvalid: conntrack found the packet INVALID and the ruleset
	// drops INVALID packets.
	DropInvalid
	// DropNoFlow: no flow admits it and no conntrack rule applies: a
	// datagram from outside that opens no flow, a packet to a NAT's
	// address with no mapping, or a cloud gateway's refusal (rst,
	// rst-both).
	DropNoFlow
)

var dropRules = []Named{
	DropNewWithoutSYN: {"new-without-syn", "doc.drop_rule.new_without_syn"},
	DropInvalid:       {"invalid", "doc.drop_rule.invalid"},
	DropNoFlow:        {"no-flow", "doc.drop_rule.no_flow"},
}

// String is the rule's name in the event stream: "invalid".
func (r DropRule) String() string { return nameOf(dropRules, r) }

// Doc is the ID of the rule's description in lab/i18n's catalog.
func (r DropRule) Doc() string { return docOf(dropRules, r) }

// DropRules lists the rules, in the order the documentation shows them.
func DropRules() []DropRule { return valuesOf[DropRule](dropRules) }

// MiddleboxCounts counts what a middlebox did with packets of no known
// flow: dropped by each rule (Linux's nft counters on the rules, or
// conntrack's "invalid" statistic), and passed untracked.
type MiddleboxCounts struct {
	NewWithoutSYN uint64
	Invalid       uint64
	NoFlow        uint64
	// Untracked counts INVALID packets the ruleset let through untracked
	// (a NAT forwards them untranslated).
	Untracked uint64
}

// Dropped is the number of packets dropped, whatever the rule.
func (c MiddleboxCounts) Dropped() uint64 { return c.NewWithoutSYN + c.Invalid + c.NoFlow }
