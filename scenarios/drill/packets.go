package drill

import (
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
)

// flagLetters are the TCP flags a script writes, in the order packetdrill
// prints them (tcp_flags_to_string); "." is ACK.
var flagLetters = []struct {
	c byte
	f netsim.Flags
}{{'F', netsim.FIN}, {'S', netsim.SYN}, {'R', netsim.RST}, {'P', netsim.PSH}, {'.', netsim.ACK}}

// checkPacket refuses the flags socklab does not model (ECN's E, W and
// AccECN's A, urgent's U, C).
func checkPacket(p *Packet) error {
	if _, bad := parseFlags(p.Flags); bad != "" {
		return &scenarios.Error{Pos: p.Pos, Msg: i18n.M(i18n.DrillUnsupported, "What", bad)}
	}
	return nil
}

// parseFlags turns "S." into SYN|ACK; bad is the first letter it cannot.
func parseFlags(s string) (netsim.Flags, string) {
	var f netsim.Flags
	if s == "-" {
		return 0, ""
	}
	for i := range len(s) {
		found := false
		for _, x := range flagLetters {
			if s[i] == x.c {
				f |= x.f
				found = true
			}
		}
		if !found {
			return 0, s[i : i+1]
		}
	}
	return f, ""
}

// flagString writes flags as packetdrill does: "S.", "P.", "F.", "R", ".".
func flagString(f netsim.Flags) string {
	var b strings.Builder
	for _, x := range flagLetters {
		if f&x.f != 0 {
			b.WriteByte(x.c)
		}
	}
	if b.Len() == 0 {
		return "-"
	}
	return b.String()
}

// inject sends the remote end's segment: sequence numbers as written (the
// remote end's initial sequence number is 0, as packetdrill's is), its ACK
// shifted by the stack's initial sequence number.
func (r *runner) inject(sp *Packet) {
	flags, _ := parseFlags(sp.Flags)
	if flags&netsim.SYN != 0 && flags&netsim.ACK == 0 && r.localPort == 0 {
		// The remote end opens a connection: to the port the script
		// listens on.
		r.localPort, r.peerPort = r.listenPort(), remotePort
	}
	src, dst := r.peerPort, r.localPort
	if sp.SrcPort != 0 {
		src, dst = sp.SrcPort, sp.DstPort
	}
	p := netsim.Packet{
		Proto: netsim.TCP,
		Src:   netip.AddrPortFrom(RemoteAddr, src),
		Dst:   netip.AddrPortFrom(LocalAddr, dst),
		Flags: flags, Seq: sp.Seq, Payload: make([]byte, sp.Len),
	}
	if sp.Win >= 0 {
		p.Win = uint16(sp.Win)
	}
	if flags&netsim.ACK != 0 {
		p.Ack = sp.Ack + r.isn[src]
	}
	var opts netsim.Options // all but the timestamps, Opts if any
	for _, o := range sp.Options {
		switch o.Kind {
		case OptMSS:
			opts.MSS = uint16(o.Value)
		case OptSackOK:
			opts.SackOK = true
		case OptWScale:
			opts.HasWScale, opts.WScale = true, uint8(o.Value)
		case OptTS:
			p.HasTS, p.TSVal, p.TSEcr = true, o.Val, o.Ecr
		case OptSACK:
			for _, b := range o.Blocks {
				if int(opts.NSack) < len(opts.SACK) {
					opts.SACK[opts.NSack] = netsim.SackBlock{Left: b[0], Right: b[1]}
					opts.NSack++
				}
			}
		}
	}
	if opts != (netsim.Options{}) {
		p.Opts = &opts
	}
	r.sim.Do(func() { r.res.Packet[r.cur] = r.peer.Send(p) })
}

// listenPort is the port of the script's listening socket, else 8080.
func (r *runner) listenPort() uint16 {
	for _, s := range r.sortedFds() {
		if s.listener != nil {
			return s.listener.Addr().Port()
		}
	}
	return scriptPort
}

// expectPacket waits for the stack's next segment and holds it against the
// script's: its time, flags, sequence numbers, length, window and options.
func (r *runner) expectPacket(ev *Event, at, end time.Duration) *Failure {
	sp := ev.Packet
	deadline := max(at, end) + r.tol + maxWait
	for len(r.out) == 0 && r.res.Failure == nil {
		next, ok := r.sim.NextAt()
		if !ok || next > deadline {
			break
		}
		r.sim.Step()
	}
	if r.res.Failure != nil {
		return nil
	}
	if len(r.out) == 0 {
		r.advance(deadline)
		return &Failure{Msg: i18n.M(i18n.DrillNoPacket, "By", secs(deadline)), Script: r.scriptPacket(sp, at)}
	}
	got := r.out[0]
	r.out = r.out[1:]
	if got.p.Len() < sp.Len {
		got = r.gso(got, sp.Len)
	}
	r.live, r.res.At[r.cur], r.res.Packet[r.cur] = got.at, got.at, got.p.ID
	flags, _ := parseFlags(sp.Flags)
	if got.p.Flags&netsim.SYN != 0 {
		r.isn[got.p.Dst.Port()] = got.p.Seq - sp.Seq
	}
	if r.localPort == 0 || got.p.Flags&netsim.SYN != 0 && got.p.Flags&netsim.ACK == 0 {
		r.localPort, r.peerPort = got.p.Src.Port(), got.p.Dst.Port()
	}
	fail := func(id i18n.ID, args ...any) *Failure {
		return &Failure{Msg: i18n.M(id, args...), Script: r.scriptPacket(sp, at), Actual: r.actualPacket(got)}
	}
	if f := r.timing(ev.Kind, i18n.DrillWhatOutbound, at, end, got.at); f != nil {
		f.Script, f.Actual = r.scriptPacket(sp, at), r.actualPacket(got)
		return f
	}
	for _, x := range []struct {
		f    netsim.Flags
		name string
	}{{netsim.FIN, "tcp_fin"}, {netsim.SYN, "tcp_syn"}, {netsim.RST, "tcp_rst"}, {netsim.PSH, "tcp_psh"}, {netsim.ACK, "tcp_ack"}} {
		want, have := flags&x.f != 0, got.p.Flags&x.f != 0
		if want != have {
			return fail(i18n.DrillPacketField, "Field", x.name, "Want", b2i(want), "Got", b2i(have))
		}
	}
	if sp.SrcPort != 0 && (got.p.Src.Port() != sp.SrcPort || got.p.Dst.Port() != sp.DstPort) {
		return fail(i18n.DrillPacketField, "Field", "tcp_ports", "Want", ports(sp.SrcPort, sp.DstPort), "Got", ports(got.p.Src.Port(), got.p.Dst.Port()))
	}
	if seq := got.p.Seq - r.isn[got.p.Dst.Port()]; seq != sp.Seq {
		return fail(i18n.DrillPacketField, "Field", "tcp_seq", "Want", hexed(sp.Seq), "Got", hexed(seq))
	}
	if flags&netsim.ACK != 0 && got.p.Ack != sp.Ack {
		return fail(i18n.DrillPacketField, "Field", "tcp_ack_seq", "Want", hexed(sp.Ack), "Got", hexed(got.p.Ack))
	}
	if got.p.Len() != sp.Len {
		return fail(i18n.DrillPacketField, "Field", "tcp_payload_len", "Want", sp.Len, "Got", got.p.Len())
	}
	if sp.Win >= 0 && int(got.p.Win) != sp.Win {
		return fail(i18n.DrillPacketField, "Field", "tcp_window", "Want", hexed(uint32(sp.Win)), "Got", hexed(uint32(got.p.Win)))
	}
	if have := actualOptions(got.p); !sp.AnyOptions && !sameOptions(sp.Options, have) {
		return fail(i18n.DrillPacketOptions, "Want", FormatOptions(sp.Options), "Got", FormatOptions(have))
	}
	return nil
}

// gso joins to got the segments the stack sent right behind it at the
// same instant, up to want bytes: a kernel hands packetdrill's tun device
// one large packet where the model sends segments of one MSS each (TSO
// and GSO: tcp_write_xmit builds an skb of several MSS, tcp_tso_autosize),
// so a script expects `P. 1:2001(2000)` where the model sent 1:1001 and
// 1001:2001. The joined packet has the last segment's flags (PSH or FIN),
// window and options, as the GSO segments' common header would.
func (r *runner) gso(got captured, want int) captured {
	if got.p.Flags&(netsim.SYN|netsim.FIN|netsim.RST) != 0 {
		return got
	}
	for got.p.Len() < want {
		if len(r.out) == 0 {
			if next, ok := r.sim.NextAt(); !ok || next > got.at || r.res.Failure != nil {
				return got
			}
			r.sim.Step()
			continue
		}
		n := r.out[0]
		if n.at != got.at || n.p.Src != got.p.Src || n.p.Dst != got.p.Dst || n.p.Flags&(netsim.SYN|netsim.RST) != 0 ||
			n.p.Seq != got.p.Seq+uint32(got.p.Len()) || got.p.Len()+n.p.Len() > want {
			return got
		}
		r.out = r.out[1:]
		payload := append(got.p.Payload, n.p.Payload...)
		id, seq := got.p.ID, got.p.Seq
		got.p = n.p
		got.p.ID, got.p.Seq, got.p.Payload = id, seq, payload
	}
	return got
}

// actualOptions are the TCP options of a segment the stack sent, in the
// order it wrote them, NOPs included.
func actualOptions(p netsim.Packet) []TCPOption {
	var out []TCPOption
	for _, o := range p.TCPOptions() {
		switch o.Name {
		case "nop":
			out = append(out, TCPOption{Kind: OptNOP})
		case "mss":
			out = append(out, TCPOption{Kind: OptMSS, Value: o.Value})
		case "wscale":
			out = append(out, TCPOption{Kind: OptWScale, Value: o.Value})
		case "sackOK":
			out = append(out, TCPOption{Kind: OptSackOK})
		case "TS":
			out = append(out, TCPOption{Kind: OptTS, Val: o.Value, Ecr: o.Ecr})
		case "sack":
			x := TCPOption{Kind: OptSACK}
			for _, b := range o.Blocks {
				x.Blocks = append(x.Blocks, [2]uint32{b.Left, b.Right})
			}
			out = append(out, x)
		}
	}
	return out
}

// sameOptions compares the script's options with the stack's, one by one.
// A timestamp's TSval is not compared: it is the stack's clock, which the
// script cannot know (packetdrill checks it only when told the clock's
// rate); its TSecr is, for it echoes the remote end's TSval.
func sameOptions(want, have []TCPOption) bool {
	if len(want) != len(have) {
		return false
	}
	for i, w := range want {
		h := have[i]
		if w.Kind == OptTS && h.Kind == OptTS {
			h.Val = w.Val
		}
		if w.String() != h.String() {
			return false
		}
	}
	return true
}

func ports(src, dst uint16) string {
	return strconv.Itoa(int(src)) + ">" + strconv.Itoa(int(dst))
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// hexed writes a field as packetdrill does: "1001 (0x3e9)".
func hexed(v uint32) string {
	return strconv.FormatUint(uint64(v), 10) + " (0x" + strconv.FormatUint(uint64(v), 16) + ")"
}

// scriptPacket writes the script's packet as packetdrill's report does.
func (r *runner) scriptPacket(sp *Packet, at time.Duration) string {
	var b strings.Builder
	b.WriteString(secs(at) + " " + sp.Flags + " " + seqRange(sp.Seq, sp.Len))
	if sp.HasAck {
		b.WriteString(" ack " + strconv.FormatUint(uint64(sp.Ack), 10))
	}
	if sp.Win >= 0 {
		b.WriteString(" win " + strconv.Itoa(sp.Win))
	}
	switch {
	case sp.AnyOptions:
		b.WriteString(" <...>")
	case len(sp.Options) > 0:
		b.WriteString(" " + FormatOptions(sp.Options))
	}
	return b.String()
}

// actualPacket writes a captured segment the same way, its sequence
// number relative to the stack's initial one.
func (r *runner) actualPacket(c captured) string {
	p := c.p
	var b strings.Builder
	b.WriteString(secs(c.at) + " " + flagString(p.Flags) + " " + seqRange(p.Seq-r.isn[p.Dst.Port()], p.Len()))
	if p.Flags&netsim.ACK != 0 {
		b.WriteString(" ack " + strconv.FormatUint(uint64(p.Ack), 10))
	}
	b.WriteString(" win " + strconv.Itoa(int(p.Win)))
	if opts := actualOptions(p); len(opts) > 0 {
		b.WriteString(" " + FormatOptions(opts))
	}
	return b.String()
}

func seqRange(seq uint32, n int) string {
	return strconv.FormatUint(uint64(seq), 10) + ":" + strconv.FormatUint(uint64(seq+uint32(n)), 10) + "(" + strconv.Itoa(n) + ")"
}
