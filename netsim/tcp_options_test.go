package netsim_test

import (
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
