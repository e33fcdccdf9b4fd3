package netsim

import (
	"encoding/hex"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// Fate is what became of a packet: the "fate" of a segment event. (A
// small integer rather than a string keeps the most frequent event small.)
type Fate uint8

// Fates of a packet.
const (
	FateSent Fate = iota + 1
	FateDelivered
	FateDropped
)

var fateNames = [...]string{FateSent: "sent", FateDelivered: "delivered", FateDropped: "dropped"}

func (f Fate) String() string {
	if int(f) < len(fateNames) && fateNames[f] != "" {
		return fateNames[f]
	}
	return "fate?"
}

// Why says why a packet was dropped: the "why" of a segment event (0 for a
// packet that was not).
type Why uint8

// Reasons a packet is dropped.
const (
	WhyLoss        Why = iota + 1 // the link lost it (random or burst loss)
	WhyLinkDown                   // the cable is pulled
	WhyHostDown                   // the receiving host has no power
	WhyFirewall                   // a middlebox refused it (no flow, and policy drop)
	WhyNoRoute                    // no path leads to the destination address
	WhyBacklogFull                // the listener's accept queue is full
	WhyPartition                  // sender and receiver are partitioned
	WhyPortClosed                 // a UDP datagram for a port nobody listens on
)

var whyNames = []Named{
	WhyLoss:        {"loss", "doc.why.loss"},
	WhyLinkDown:    {"link-down", "doc.why.link_down"},
	WhyHostDown:    {"host-down", "doc.why.host_down"},
	WhyFirewall:    {"firewall", "doc.why.firewall"},
	WhyNoRoute:     {"no-route", "doc.why.no_route"},
	WhyBacklogFull: {"backlog-full", "doc.why.backlog_full"},
	WhyPartition:   {"partition", "doc.why.partition"},
	WhyPortClosed:  {"port-closed", "doc.why.port_closed"},
}

// String is the contract's name ("" for no reason).
func (w Why) String() string {
	if int(w) < len(whyNames) {
		return whyNames[w].Name
	}
	return "why?"
}

// Doc is the ID of the reason's description in lab/i18n's catalog.
func (w Why) Doc() string { return docOf(whyNames, w) }

// DropReasons lists the reasons a packet is dropped, in the order the
// documentation shows them.
func DropReasons() []Why { return valuesOf[Why](whyNames) }

// SegmentEvent records one fate of a packet: sent by its origin, delivered
// to a host, or dropped on the way. A packet has one sent event and then
// one delivered or dropped event; they share the packet's ID.
type SegmentEvent struct {
	At   time.Duration
	Fate Fate
	Why  Why // for a drop
	// Rule says which of a middlebox's rules dropped it (Why is
	// WhyFirewall); 0 otherwise.
	Rule DropRule
	// Where names the node (or "a-b" link) where this fate happened: the
	// sender, the receiver, or the place it was dropped.
	Where string
	// SrcHost is the node that built the packet; DstHost the node that
	// owns its destination address as written on this wire.
	SrcHost, DstHost string
	// Msg is the application's name for the message whose first byte the
	// payload carries ("heartbeat", "data"); empty for pure control. (The
	// packet carries it as a number in the run's table of names.)
	Msg    string
	Packet Packet
}

func (e *SegmentEvent) When() time.Duration { return e.At }
func (e *SegmentEvent) Kind() string        { return "segment" }

func (e *SegmentEvent) Line() string {
	p := &e.Packet
	s := fmt.Sprintf("%-9s %-8s %s %s", e.Fate, e.Where, p.Tuple(), describeHeader(p))
	if p.Note != 0 {
		s += " " + p.Note.String()
	} else if e.Msg != "" {
		s += " " + e.Msg
	}
	if e.Why != 0 {
		s += " (" + e.Why.String()
		if e.Rule != 0 {
			s += ": " + e.Rule.String()
		}
		s += ")"
	}
	return s
}

// describeHeader renders flags, sequence numbers and length as a trace
// shows them: relative sequence numbers, like Wireshark.
func describeHeader(p *Packet) string {
	if p.Proto == UDP {
		return "len=" + strconv.Itoa(len(p.Payload))
	}
	seq, ack := p.Seq, p.Ack
	if p.Rel {
		seq, ack = p.RelSeq, p.RelAck
	}
	s := "[" + p.Flags.String() + "] seq=" + strconv.FormatUint(uint64(seq), 10)
	if p.Flags&ACK != 0 {
		s += " ack=" + strconv.FormatUint(uint64(ack), 10)
	}
	return s + " len=" + strconv.Itoa(len(p.Payload))
}

func (e *SegmentEvent) AppendFields(f *Fields) {
	p := &e.Packet
	f.Uint("id", p.ID)
	f.Str("proto", p.Proto.String())
	f.Str("from", p.Src.String())
	f.Str("to", p.Dst.String())
	if p.Proto == TCP {
		f.Str("flags", p.Flags.String())
		f.Uint("seq", uint64(p.Seq))
		f.Uint("ack", uint64(p.Ack))
	}
	f.Int("len", int64(len(p.Payload)))
	f.Str("fate", e.Fate.String())
	f.OptStr("why", e.Why.String())
	f.OptStr("rule", e.Rule.String())
	f.OptStr("note", p.Note.String())
	f.OptStr("msg", e.Msg)
	f.Str("at", e.Where)
	f.Str("src_host", e.SrcHost)
	f.OptStr("dst_host", e.DstHost)
	if p.Proto == TCP {
		f.Uint("win", uint64(p.Win))
		if p.Rel {
			f.Uint("rel_seq", uint64(p.RelSeq))
			f.Uint("rel_ack", uint64(p.RelAck))
		}
	}
	f.Int("size", int64(p.WireSize()))
	e.appendDetails(f)
}

// appendDetails writes what the packet inspector shows beyond the
// contract's fields: the headers as on this wire, and the packet's story
// (on its sent event) or the NAT's rewrite (on its fate after one).
func (e *SegmentEvent) appendDetails(f *Fields) {
	p := &e.Packet
	ipSum, sum := p.Checksums()
	f.Uint("ttl", uint64(p.TTL))
	f.Uint("ip_id", uint64(p.IPID))
	f.Uint("ip_csum", uint64(ipSum))
	f.Uint("hdr_len", uint64(p.TransportHeaderLen()))
	f.Uint("csum", uint64(sum))
	if o := p.options(); o.MSS != 0 {
		f.Uint("mss", uint64(o.MSS))
	}
	appendOptions(f, p)
	if e.Fate == FateSent {
		st := &p.Story
		f.OptStr("trigger", st.Trigger.String())
		if st.N != 0 {
			f.Uint("trigger_n", uint64(st.N))
		}
		if st.Of != 0 {
			f.Uint("trigger_of", uint64(st.Of))
		}
		if st.Answers != 0 {
			f.Uint("answers_id", st.Answers)
		}
		if st.Acks != 0 {
			f.Uint("acks_id", st.Acks)
		}
		if len(p.Payload) > 0 {
			f.key("payload_hex")
			f.buf = append(f.buf, '"')
			f.buf = hex.AppendEncode(f.buf, p.Payload)
			f.buf = append(f.buf, '"')
		}
		return
	}
	if r := p.NAT; r != nil {
		f.Str("nat", r.Box)
		f.Str("orig_from", r.Src.String())
		f.Str("orig_to", r.Dst.String())
	}
}

// appendOptions writes the TCP options beyond the MSS, each only when the
// segment carries it: SACK-permitted, the window scale, the timestamps
// and the SACK blocks (absolute sequence numbers, [left, right) pairs,
// in the order on the wire).
func appendOptions(f *Fields, p *Packet) {
	o := p.options()
	if o.SackOK {
		f.Bool("sack_ok", true)
	}
	if o.HasWScale {
		f.Uint("wscale", uint64(o.WScale))
	}
	if p.HasTS {
		f.Uint("ts_val", uint64(p.TSVal))
		f.Uint("ts_ecr", uint64(p.TSEcr))
	}
	if o.NSack > 0 {
		f.key("sack")
		f.buf = append(f.buf, '[')
		for i, b := range o.SACK[:o.NSack] {
			if i > 0 {
				f.buf = append(f.buf, ',')
			}
			f.buf = append(f.buf, '[')
			f.buf = strconv.AppendUint(f.buf, uint64(b.Left), 10)
			f.buf = append(f.buf, ',')
			f.buf = strconv.AppendUint(f.buf, uint64(b.Right), 10)
			f.buf = append(f.buf, ']')
		}
		f.buf = append(f.buf, ']')
	}
}

// StateEvent records a TCP state change of one connection (RFC 9293
// names).
type StateEvent struct {
	At       time.Duration
	Host     string
	Conn     string // "tcp 10.0.0.2:50312 > 10.0.0.1:8080", local side first
	From, To State
	// Proc names the process the socket belongs to, or belonged to
	// before its application closed it (for a passive open not yet
	// accepted, the listener's process).
	Proc string
}

func (e *StateEvent) When() time.Duration { return e.At }
func (e *StateEvent) Kind() string        { return "tcp_state" }
func (e *StateEvent) Line() string {
	return fmt.Sprintf("%-9s %-8s %s %s → %s", "state", e.Host, e.Conn, e.From, e.To)
}
func (e *StateEvent) AppendFields(f *Fields) {
	f.Str("host", e.Host)
	f.Str("conn", e.Conn)
	f.Str("from", e.From.String())
	f.Str("to", e.To.String())
	f.OptStr("proc", e.Proc)
}

// SocketErrorEvent records an error a socket reports to its application:
// set by the stack (ECONNRESET, ETIMEDOUT, ECONNREFUSED, EPIPE after a RST
// in CLOSE_WAIT) or returned by a call (EPIPE on a write after the error,
// EOF on the first read after the peer's FIN).
type SocketErrorEvent struct {
	At   time.Duration
	Host string
	Conn string
	Err  Errno
}

func (e *SocketErrorEvent) When() time.Duration { return e.At }
func (e *SocketErrorEvent) Kind() string        { return "socket_error" }
func (e *SocketErrorEvent) Line() string {
	return fmt.Sprintf("%-9s %-8s %s %s (%s)", "error", e.Host, e.Conn, e.Err.Name(), e.Err.Error())
}
func (e *SocketErrorEvent) AppendFields(f *Fields) {
	f.Str("host", e.Host)
	f.Str("conn", e.Conn)
	f.Str("error", e.Err.Name())
}

// Setting is one named setting of a fault or change, in the order given.
// Values are strings, string lists, integers, floats or booleans.
type Setting struct {
	Key   string
	Value any
}

// FaultEvent records a fault or a change of the world: power, links,
// partitions, loss, middlebox flows.
type FaultEvent struct {
	At       time.Duration
	Action   string // Fault*: power_off, power_on, crash, freeze, thaw, link_down, ...
	Target   string // the host, link, middlebox or partition acted on
	Settings []Setting
}

func (e *FaultEvent) When() time.Duration { return e.At }
func (e *FaultEvent) Kind() string        { return "fault" }
func (e *FaultEvent) Line() string {
	s := fmt.Sprintf("%-9s %-8s %s", "fault", e.Target, e.Action)
	for _, st := range e.Settings {
		s += " " + st.Key + "=" + formatSetting(st.Value)
	}
	return s
}
func (e *FaultEvent) AppendFields(f *Fields) {
	f.Str("action", e.Action)
	f.Str("target", e.Target)
	for _, st := range e.Settings {
		switch v := st.Value.(type) {
		case string:
			f.Str(st.Key, v)
		case int:
			f.Int(st.Key, int64(v))
		case int64:
			f.Int(st.Key, v)
		case uint64:
			f.Uint(st.Key, v)
		case float64:
			f.Float(st.Key, v)
		case bool:
			f.Bool(st.Key, v)
		case time.Duration:
			f.Dur(st.Key, v)
		case []string:
			f.key(st.Key)
			f.buf = append(f.buf, '[')
			for i, x := range v {
				if i > 0 {
					f.buf = append(f.buf, ',')
				}
				f.buf = appendJSONString(f.buf, x)
			}
			f.buf = append(f.buf, ']')
		default:
			panic(fmt.Sprintf("netsim: setting %s has unsupported type %T", st.Key, v))
		}
	}
}

func formatSetting(v any) string {
	switch v := v.(type) {
	case []string:
		return strings.Join(v, ",")
	case time.Duration:
		return FormatDuration(v)
	}
	return fmt.Sprint(v)
}

// Fault actions of a FaultEvent that netsim does (lab adds its verbs
// stop and restart).
const (
	FaultPowerOff    = "power_off"
	FaultPowerOn     = "power_on"
	FaultCrash       = "crash"
	FaultFreeze      = "freeze"
	FaultThaw        = "thaw"
	FaultLinkDown    = "link_down"
	FaultLinkUp      = "link_up"
	FaultLinkConfig  = "link_config" // a link's latency, loss, … set
	FaultLoss        = "loss"        // a link's loss set
	FaultPartition   = "partition"
	FaultHeal        = "heal"
	FaultIdleTimeout = "idle_timeout"    // a middlebox's idle timeout set
	FaultExpireFlows = "firewall_expire" // a middlebox forgets its flows
)

// Timer actions of a TimerEvent.
const (
	TimerArmed     = "armed"
	TimerFired     = "fired"
	TimerCancelled = "cancelled"
)

// TimerEvent records a stack timer armed, fired or cancelled (only when
// Sim.TraceTimers is on).
type TimerEvent struct {
	At       time.Duration
	Host     string
	Conn     string
	Timer    TimerKind
	Action   string
	Deadline time.Duration // for armed: when it will fire
}

func (e *TimerEvent) When() time.Duration { return e.At }
func (e *TimerEvent) Kind() string        { return "timer" }
func (e *TimerEvent) Line() string {
	s := fmt.Sprintf("%-9s %-8s %s %s %s", "timer", e.Host, e.Conn, e.Timer, e.Action)
	if e.Action == TimerArmed {
		s += " for " + FormatTime(e.Deadline)
	}
	return s
}
func (e *TimerEvent) AppendFields(f *Fields) {
	f.Str("host", e.Host)
	f.Str("conn", e.Conn)
	f.Str("timer", e.Timer.String())
	f.Str("action", e.Action)
	if e.Action == TimerArmed {
		f.Dur("deadline_ns", e.Deadline)
	}
}

// Flow actions of a FlowEvent.
const (
	FlowCreated  = "created"   // a SYN (or a UDP datagram) opened it
	FlowPickedUp = "picked-up" // re-created from a mid-stream packet
	FlowExpired  = "expired"   // idle longer than the timeout: forgotten
	FlowRemoved  = "removed"   // a RST passed, or the flow was expired by a fault
)

// FlowEvent records a change in a middlebox's flow table. Neither end of the
// connection sees it.
type FlowEvent struct {
	At      time.Duration
	Box     string
	Action  string
	Proto   Proto
	Inside  netip.AddrPort // the inside end (a private address behind a NAT)
	Outside netip.AddrPort // the outside end
	Mapped  netip.AddrPort // the NAT's public address and port; invalid for a firewall
	Idle    time.Duration  // for expired: how long it had been idle
}

func (e *FlowEvent) When() time.Duration { return e.At }
func (e *FlowEvent) Kind() string        { return "flow" }
func (e *FlowEvent) Line() string {
	s := fmt.Sprintf("%-9s %-8s %s %s %s > %s", "flow", e.Box, e.Action, e.Proto, e.Inside, e.Outside)
	if e.Mapped.IsValid() {
		s += " as " + e.Mapped.String()
	}
	if e.Action == FlowExpired {
		s += " after " + FormatDuration(e.Idle) + " idle"
	}
	return s
}
func (e *FlowEvent) AppendFields(f *Fields) {
	f.Str("box", e.Box)
	f.Str("action", e.Action)
	f.Str("proto", e.Proto.String())
	f.Str("inside", e.Inside.String())
	f.Str("outside", e.Outside.String())
	if e.Mapped.IsValid() {
		f.Str("mapped", e.Mapped.String())
	}
	if e.Action == FlowExpired {
		f.Dur("idle_ns", e.Idle)
	}
}

// segment raises a segment event for p: counted, and built for the
// observers that ask for its kind.
func (s *Sim) segment(p *Packet, fate Fate, where string, why Why) {
	if s.countSegment(fate) {
		s.buildSegment(p, fate, where, "", why, 0)
	}
}

// segmentBy raises a segment event for p, naming the middlebox rule that
// dropped it.
func (s *Sim) segmentBy(p *Packet, fate Fate, where string, why Why, rule DropRule) {
	if s.countSegment(fate) {
		s.buildSegment(p, fate, where, "", why, rule)
	}
}

// delivered raises the event of p delivered to h, its destination: a
// host takes only what is addressed to it (Host.receive), so the event
// names it without looking its address up.
func (s *Sim) delivered(p *Packet, h *Host) {
	if s.countSegment(FateDelivered) {
		s.buildSegment(p, FateDelivered, h.name, h.name, 0, 0)
	}
}

// countSegment counts a segment event of fate and reports whether an
// observer asks for it built (buildSegment). It is inlined, where segment
// cannot be (its call of the builder alone is most of the inliner's
// budget): the sending host and the receiving stack, which raise two
// events of every segment, call the two themselves, so that an event
// nobody asks for costs its count and no call.
func (s *Sim) countSegment(fate Fate) bool {
	s.counted[(fate-FateSent)%numKinds]++ // the index of kindOfFate(fate), bounds check left out
	if s.wanted&kindOfFate(fate) != 0 {
		return true
	}
	s.unwanted++
	return false
}

// buildSegment builds p's segment event for the observers of its kind.
// dst names p's destination when the caller knows it (delivered), else
// it is "" and the destination's address is looked up (NodeName).
func (s *Sim) buildSegment(p *Packet, fate Fate, where, dst string, why Why, rule DropRule) {
	e := &s.segmentEvent
	if !s.EventsOnLoan() {
		e = new(SegmentEvent)
	}
	// Field by field: a composite literal would be built aside, then
	// copied (the packet twice).
	e.At, e.Fate, e.Why, e.Rule, e.Where = s.now, fate, why, rule, where
	e.Packet = *p
	e.Packet.from, e.Packet.to = nil, nil
	e.SrcHost = ""
	if p.origin != 0 { // originOf(p).Name(), without the interface call
		e.SrcHost = s.nodeNames[p.origin-1]
	}
	e.Msg = s.msgName(p)
	if dst == "" {
		dst = s.NodeName(p.Dst.Addr())
	}
	e.DstHost = dst
	s.hand(e)
}

// stateChanged raises a state event.
func (s *Sim) stateChanged(host, conn, proc string, from, to State) {
	s.count(KindState)
	if s.wanted&KindState == 0 {
		return
	}
	e := &s.stateEvent
	if !s.EventsOnLoan() {
		e = new(StateEvent)
	}
	*e = StateEvent{At: s.now, Host: host, Conn: conn, From: from, To: to, Proc: proc}
	s.hand(e)
}

// timer raises a timer event, when timers are traced.
func (s *Sim) timer(host, conn string, kind TimerKind, action string, deadline time.Duration) {
	if !s.traceTimers {
		return
	}
	s.count(KindTimer)
	if s.wanted&KindTimer == 0 {
		return
	}
	e := &s.timerEvent
	if !s.EventsOnLoan() {
		e = new(TimerEvent)
	}
	*e = TimerEvent{At: s.now, Host: host, Conn: conn, Timer: kind, Action: action, Deadline: deadline}
	s.hand(e)
}

// dropped records that p died at where, for the reason why.
func (s *Sim) dropped(p *Packet, where string, why Why) { s.segment(p, FateDropped, where, why) }

// refused records that middlebox where dropped p by rule.
func (s *Sim) refused(p *Packet, where string, rule DropRule) {
	s.segmentBy(p, FateDropped, where, WhyFirewall, rule)
}
