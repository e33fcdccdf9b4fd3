package inspector

import (
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/feed"
	"github.com/socklab/socklab/ui/format"
)

// Model is the packet inspector: one wire row opened, its story first,
// then its headers and payload, scrolled when they do not fit.
type Model struct {
	c      *common.Common
	feed   *feed.Feed
	seq    uint64 // the row's sequence number in the feed's wire
	w, h   int
	scroll common.Scroll
}

// New opens the row numbered seq of f's wire.
func New(c *common.Common, f *feed.Feed, seq uint64) Model {
	return Model{c: c, feed: f, seq: seq}
}

// Seq is the sequence number of the row the inspector shows.
func (m Model) Seq() uint64 { return m.seq }

// SetSize gives the inspector w×h cells.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Scroll moves the content n lines up (n < 0: down).
func (m *Model) Scroll(n int) { m.scroll.By(n, len(m.content()), m.h) }

// Row is the row shown, nil when it has left the wire.
func (m Model) Row() *feed.Row { return m.feed.Wire.At(m.seq) }

// Acks is the packet the shown one acknowledges (its ID), 0 if none.
func (m Model) Acks() uint64 { return m.story().Acks }

// Answers is the packet the shown one answers (its ID), 0 if none.
func (m Model) Answers() uint64 { return m.story().Answers }

func (m Model) story() netsim.Story {
	if p := m.packet(); p != nil {
		return p.Story
	}
	return netsim.Story{}
}

// packet is the shown row's packet as it was sent, nil for a row that is
// not a packet.
func (m Model) packet() *netsim.Packet {
	r := m.Row()
	if r == nil || r.Kind != feed.RowSegment {
		return nil
	}
	if e, ok := r.Event.(*netsim.SegmentEvent); ok {
		return &e.Packet
	}
	return nil
}

// Title is the inspector's title: "packet #57 · ping #6 · client → server".
func (m Model) Title() string {
	r := m.Row()
	if r == nil || r.Kind != feed.RowSegment {
		return m.c.T(i18n.UIInspectTitle, "ID", "—")
	}
	t := m.c.T(i18n.UIInspectTitle, "ID", r.ID)
	if l := feed.MessageLabel(r, m.c.Lang); l != "" {
		t += " · " + l
	}
	return t + " · " + r.Src + " → " + r.Dst
}

// Lines renders the part of the content that fits, from the scroll.
func (m Model) Lines() []string {
	all := m.content()
	from, to := m.scroll.Window(len(all), m.h)
	return all[from:to]
}

// View is Lines, one a line.
func (m Model) View() string { return strings.Join(m.Lines(), "\n") }

// content is everything the inspector has to say, one screen line each.
func (m Model) content() []string {
	st := m.c.Styles
	r, p := m.Row(), m.packet()
	if r == nil || p == nil {
		return []string{st.Dim.Render(m.c.T(i18n.UIInspectNotPacket))}
	}
	w := max(20, m.w)
	var out []string
	add := func(indent int, text string) {
		for _, l := range format.Wrap(text, w-indent) {
			out = append(out, strings.Repeat(" ", indent)+l)
		}
	}
	head := func(label string) {
		out = append(out, st.Strong.Render(label))
	}

	head(m.c.T(i18n.UIInspectStory))
	for _, l := range m.storyLines(r, p) {
		add(2, l)
	}
	head("IPv4  " + p.Src.Addr().String() + " → " + p.Dst.Addr().String())
	ipSum, sum := p.Checksums()
	add(6, m.c.T(i18n.UIInspectIPv4, "TTL", int(p.TTL), "Len", p.WireSize(),
		"IPID", fmt.Sprintf("%d (0x%04x)", p.IPID, p.IPID), "Sum", fmt.Sprintf("0x%04x", ipSum)))
	if p.Proto == netsim.UDP {
		head("UDP   " + strconv.Itoa(int(p.Src.Port())) + " → " + strconv.Itoa(int(p.Dst.Port())))
		add(6, m.c.T(i18n.UIInspectUDP, "Len", netsim.UDPHeaderLen+len(p.Payload), "Sum", fmt.Sprintf("0x%04x", sum)))
	} else {
		head("TCP   " + strconv.Itoa(int(p.Src.Port())) + " → " + strconv.Itoa(int(p.Dst.Port())))
		add(6, m.c.T(i18n.UIInspectSeq, "Seq", r.Seq, "AbsSeq", p.Seq, "Ack", r.Ack, "AbsAck", p.Ack))
		add(6, m.c.T(i18n.UIInspectFlags, "Hex", fmt.Sprintf("0x%03x", uint8(p.Flags)), "Names", p.Flags.String(), "Bits", flagBits(p.Flags)))
		add(6, m.c.T(i18n.UIInspectTCP, "Hdr", p.TransportHeaderLen(), "Win", p.Win, "Sum", fmt.Sprintf("0x%04x", sum)))
		if opts := p.TCPOptions(); len(opts) > 0 {
			parts := make([]string, len(opts))
			for i, o := range opts {
				parts[i] = optionText(o)
			}
			add(6, m.c.T(i18n.UIInspectOptions, "Options", strings.Join(parts, ", ")))
		} else {
			add(6, m.c.T(i18n.UIInspectNoOptions))
		}
	}
	if len(p.Payload) == 0 {
		head(m.c.T(i18n.UIInspectNoPayload))
		return out
	}
	what := feed.MessageLabel(r, m.c.Lang)
	if what == "" {
		what = "—"
	}
	head(m.c.T(i18n.UIInspectPayload, "Len", len(p.Payload), "What", what))
	out = append(out, hexDump(p.Payload, w, m.c)...)
	return out
}

// storyLines tell why the packet was sent, what became of it, what it
// acknowledges and answers.
func (m Model) storyLines(r *feed.Row, p *netsim.Packet) []string {
	wide := m.w >= 100
	at := func(t time.Duration) string { return format.Stamp(t, wide) }
	lines := []string{m.c.T(i18n.UIInspectSent, "At", at(r.At), "Who", r.Src, "Why", m.why(p))}
	switch e := r.End; {
	case e == nil:
		lines = append(lines, m.c.T(i18n.UIInspectInFlight, "Where", r.Dst))
	case e.Fate == netsim.FateDropped:
		lines = append(lines, m.c.T(i18n.UIInspectDropped, "Why", feed.WhyLabel(e.Why, m.c.Lang), "Where", e.Where, "At", at(e.At)))
		if e.Rule != 0 {
			lines = append(lines, m.c.T(i18n.UIInspectDropRule, "Rule", m.c.T(i18n.ID(e.Rule.Doc()))))
		}
	default:
		lines = append(lines, m.c.T(i18n.UIInspectDelivered, "Where", e.Where, "At", at(e.At), "After", format.Dur(e.At-r.At)))
	}
	if e := r.End; e != nil && e.Packet.NAT != nil {
		n := e.Packet.NAT
		lines = append(lines, m.c.T(i18n.UIInspectNAT, "Box", n.Box, "From", n.Src, "To", n.Dst,
			"NewFrom", e.Packet.Src, "NewTo", e.Packet.Dst, "TTL", int(e.Packet.TTL)))
	}
	if id := p.Story.Acks; id != 0 {
		lines = append(lines, m.c.T(i18n.UIInspectAcks, "ID", id, "What", m.describe(id)))
	}
	if id := p.Story.Answers; id != 0 && id != p.Story.Acks {
		lines = append(lines, m.c.T(i18n.UIInspectAnswers, "ID", id, "What", m.describe(id)))
	}
	return lines
}

// describe names another packet by what the wire shows of it: "pong #5
// [PSH|ACK] from server".
func (m Model) describe(id uint64) string {
	seq, ok := m.feed.FindPacket(id)
	if !ok {
		return m.c.T(i18n.UIInspectOffWire)
	}
	r := m.feed.Wire.At(seq)
	what := "[" + r.Flags.String() + "]"
	if r.Proto == netsim.UDP {
		what = "udp"
	}
	if l := feed.MessageLabel(r, m.c.Lang); l != "" {
		what = l + " " + what
	}
	if r.Note != 0 {
		what = r.Note.String() + " " + what
	}
	return m.c.T(i18n.UIInspectFrom, "What", what, "Who", r.Src)
}

// triggerIDs words each trigger; a retransmission's and a probe's number
// fill in .N and .Of.
var triggerIDs = map[netsim.Trigger]i18n.ID{
	netsim.TriggerWrite: i18n.UITriggerWrite, netsim.TriggerConnect: i18n.UITriggerConnect,
	netsim.TriggerAnswerSYN: i18n.UITriggerAnswerSYN, netsim.TriggerSYNAgain: i18n.UITriggerSYNAgain,
	netsim.TriggerHandshake: i18n.UITriggerHandshake, netsim.TriggerClose: i18n.UITriggerClose,
	netsim.TriggerSYNRetransmit: i18n.UITriggerSYNRetransmit, netsim.TriggerRTO: i18n.UITriggerRTO,
	netsim.TriggerTailLossProbe: i18n.UITriggerTLP, netsim.TriggerTailLossProbeNew: i18n.UITriggerTLPNew,
	netsim.TriggerFastRetransmit: i18n.UITriggerFast, netsim.TriggerPartialACK: i18n.UITriggerPartialACK,
	netsim.TriggerZeroWindowProbe: i18n.UITriggerZeroWindow, netsim.TriggerKeepalive: i18n.UITriggerKeepalive,
	netsim.TriggerAckNow: i18n.UITriggerAckNow, netsim.TriggerDelayedACK: i18n.UITriggerDelayedACK,
	netsim.TriggerDupACK: i18n.UITriggerDupACK, netsim.TriggerUnacceptable: i18n.UITriggerUnacceptable,
	netsim.TriggerChallengeACK: i18n.UITriggerChallengeACK, netsim.TriggerWindowUpdate: i18n.UITriggerWindowUpdate,
	netsim.TriggerResetUnread: i18n.UITriggerResetUnread, netsim.TriggerResetLinger: i18n.UITriggerResetLinger,
	netsim.TriggerResetKeepalive: i18n.UITriggerResetKeepalive, netsim.TriggerResetListenerClosed: i18n.UITriggerResetListener,
	netsim.TriggerResetNoSocket: i18n.UITriggerResetNoSocket, netsim.TriggerResetBadACK: i18n.UITriggerResetBadACK,
	netsim.TriggerResetDataAfterClose: i18n.UITriggerResetAfter, netsim.TriggerMiddleboxReset: i18n.UITriggerBoxReset,
	netsim.TriggerMiddleboxExpiry: i18n.UITriggerBoxExpiry,
}

// why words what sent the packet.
func (m Model) why(p *netsim.Packet) string {
	id, ok := triggerIDs[p.Story.Trigger]
	if !ok {
		return m.c.T(i18n.UITriggerUnknown)
	}
	switch p.Story.Trigger {
	case netsim.TriggerSYNRetransmit, netsim.TriggerRTO, netsim.TriggerZeroWindowProbe:
		return m.c.T(id, "N", int(p.Story.N))
	case netsim.TriggerKeepalive:
		return m.c.T(id, "N", int(p.Story.N), "Of", int(p.Story.Of))
	}
	return m.c.T(id)
}

// flagBits lists every flag bit of the header, as Wireshark does: set (1)
// or not (0).
func flagBits(f netsim.Flags) string {
	bit := func(name string, set bool) string {
		if set {
			return name + "=1"
		}
		return name + "=0"
	}
	return strings.Join([]string{
		bit("CWR", false), bit("ECE", false), bit("URG", false),
		bit("ACK", f&netsim.ACK != 0), bit("PSH", f&netsim.PSH != 0), bit("RST", f&netsim.RST != 0),
		bit("SYN", f&netsim.SYN != 0), bit("FIN", f&netsim.FIN != 0),
	}, " ")
}

// maxDumpLines bounds the payload's hex dump; the rest is counted.
const maxDumpLines = 16

// hexDump renders b as an offset, bytes in hexadecimal and as text, 16 a
// line when the width allows, else 8.
func hexDump(b []byte, w int, c *common.Common) []string {
	per := 16
	if w < 2+6+16*3+1+16 {
		per = 8
	}
	var out []string
	for off := 0; off < len(b); off += per {
		if len(out) == maxDumpLines {
			out = append(out, "  "+c.Styles.Dim.Render(c.T(i18n.UIInspectMore, "Count", len(b)-off)))
			break
		}
		chunk := b[off:min(off+per, len(b))]
		hx := hex.EncodeToString(chunk)
		var pairs []string
		for i := 0; i < len(hx); i += 2 {
			pairs = append(pairs, hx[i:i+2])
		}
		text := make([]byte, len(chunk))
		for i, x := range chunk {
			text[i] = '.'
			if x >= 0x20 && x < 0x7f {
				text[i] = x
			}
		}
		line := fmt.Sprintf("  %04x  %-*s %s", off, per*3-1, strings.Join(pairs, " "), text)
		out = append(out, c.Styles.Dim.Render(line[:8])+line[8:])
	}
	return out
}

// optionText writes a TCP option as tcpdump and packetdrill write it: "mss
// 1460", "sackOK", "TS val 100 ecr 0", "nop", "wscale 7", "sack 1 {1001:2001}".
// The words are the tools' notation, the same in every language.
func optionText(o netsim.TCPOption) string {
	switch o.Name {
	case "mss", "wscale":
		return fmt.Sprintf("%s %d", o.Name, o.Value)
	case "TS":
		return fmt.Sprintf("TS val %d ecr %d", o.Value, o.Ecr) //i18n:ok tcpdump's notation
	case "sack":
		blocks := make([]string, len(o.Blocks))
		for i, b := range o.Blocks {
			blocks[i] = fmt.Sprintf("{%d:%d}", b.Left, b.Right)
		}
		return fmt.Sprintf("sack %d %s", len(o.Blocks), strings.Join(blocks, "")) //i18n:ok tcpdump's notation
	}
	return o.Name
}
