package netsim_test

import (
	"net/netip"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socklab/socklab/netsim"
)

// optionText writes a segment's options as packetdrill and tcpdump do,
// with its window field and header length.
func optionText(p *netsim.Packet) string {
	var parts []string
	for _, o := range p.TCPOptions() {
		switch o.Name {
		case "mss", "wscale":
			parts = append(parts, o.Name+" "+strconv.Itoa(int(o.Value)))
		case "TS":
			parts = append(parts, "TS") // the clock's value varies with the seed
		case "sack":
			s := "sack"
			for _, b := range o.Blocks {
				s += " " + strconv.Itoa(int(b.Left)) + ":" + strconv.Itoa(int(b.Right))
			}
			parts = append(parts, s)
		default:
			parts = append(parts, o.Name)
		}
	}
	return p.Flags.String() + " win " + strconv.Itoa(int(p.Win)) + " hdr " + strconv.Itoa(p.TransportHeaderLen()) +
		" len " + strconv.Itoa(p.Len()) + " <" + strings.Join(parts, ",") + ">"
}

// The options two Linux hosts exchange, as Linux writes them
// (tcp_options_write, tcp_synack_options, tcp_established_options): the
// SYN's window is 65535 in whole 1460-byte segments, the SYN-ACK's in
// 1448-byte ones (timestamps agreed), later windows are shifted by the
// scale 7 that tcp_rmem[2] asks for and rounded up (65160 → 65280 → 510),
// and data fills 1448 bytes a segment.
func TestLinuxOptions(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(ms(10))
	w.sim.Do(func() { _ = c.Write(make([]byte, 2000), "data") })
	w.sim.RunUntil(ms(20))
	var got []string
	for _, e := range w.events {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Fate == netsim.FateSent {
			got = append(got, s.SrcHost+" "+optionText(&s.Packet))
		}
	}
	want := []string{
		"client SYN win 64240 hdr 40 len 0 <mss 1460,sackOK,TS,nop,wscale 7>",
		"server SYN|ACK win 65160 hdr 40 len 0 <mss 1460,sackOK,TS,nop,wscale 7>",
		"client ACK win 510 hdr 32 len 0 <nop,nop,TS>",
		"client ACK win 510 hdr 32 len 1448 <nop,nop,TS>",
		"client PSH|ACK win 510 hdr 32 len 552 <nop,nop,TS>",
		"server ACK win 510 hdr 32 len 0 <nop,nop,TS>",
		"server ACK win 510 hdr 32 len 0 <nop,nop,TS>",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("segments (-want +got):\n%s", diff)
	}
}

// Each option can be turned off per host, as the sysctls tcp_sack,
// tcp_timestamps and tcp_window_scaling do: a SYN then offers the rest,
// and an option one side does not offer is not used by either.
func TestOptionsOff(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(1)})
	cp := w.client.Profile()
	cp.Timestamps, cp.WindowScaling = false, false
	w.listen(8080, 128, netsim.SockOpts{}, nil)
	w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(ms(10))
	var got []string
	for _, e := range w.events {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Fate == netsim.FateSent {
			got = append(got, s.SrcHost+" "+optionText(&s.Packet))
		}
	}
	want := []string{
		"client SYN win 64240 hdr 28 len 0 <mss 1460,nop,nop,sackOK>",
		"server SYN|ACK win 64240 hdr 28 len 0 <mss 1460,nop,nop,sackOK>",
		"client ACK win 64240 hdr 20 len 0 <>",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("segments (-want +got):\n%s", diff)
	}
}

// The options are in the event stream, each field only when the segment
// carries the option: a SYN's mss, sack_ok, wscale and timestamps, an
// ACK's SACK blocks as [left, right] pairs, a bare segment none of them.
func TestOptionsInJSON(t *testing.T) {
	a, b := netip.MustParseAddrPort("10.0.0.2:40000"), netip.MustParseAddrPort("10.0.0.1:8080")
	syn := &netsim.SegmentEvent{Fate: netsim.FateDelivered, Packet: netsim.Packet{Proto: netsim.TCP, Src: a, Dst: b, Flags: netsim.SYN,
		Opts: &netsim.Options{MSS: 1460, SackOK: true, HasWScale: true, WScale: 7}, HasTS: true, TSVal: 100, TSEcr: 0}}
	ack := &netsim.SegmentEvent{Fate: netsim.FateDelivered, Packet: netsim.Packet{Proto: netsim.TCP, Src: b, Dst: a, Flags: netsim.ACK,
		HasTS: true, TSVal: 7, TSEcr: 5, Opts: &netsim.Options{NSack: 2, SACK: [4]netsim.SackBlock{{Left: 3001, Right: 4001}, {Left: 1001, Right: 2001}}}}}
	bare := &netsim.SegmentEvent{Fate: netsim.FateDelivered, Packet: netsim.Packet{Proto: netsim.TCP, Src: a, Dst: b, Flags: netsim.ACK}}
	for _, c := range []struct {
		e          *netsim.SegmentEvent
		want, none []string
	}{
		{syn, []string{`"mss":1460,"sack_ok":true,"wscale":7,"ts_val":100,"ts_ecr":0`}, []string{`"sack":`}},
		{ack, []string{`"ts_val":7,"ts_ecr":5,"sack":[[3001,4001],[1001,2001]]`}, []string{`"mss"`, `"sack_ok"`, `"wscale"`}},
		{bare, nil, []string{`"mss"`, `"sack_ok"`, `"wscale"`, `"ts_val"`, `"sack"`}},
	} {
		got := string(netsim.AppendJSON(nil, c.e))
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %s", got, w)
			}
		}
		for _, n := range c.none {
			if strings.Contains(got, n) {
				t.Errorf("%s has %s", got, n)
			}
		}
	}
}
