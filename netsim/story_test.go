package netsim_test

import (
	"net/netip"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/socklab/socklab/netsim"
)

// stories renders every packet sent as "#id host flags trigger [n[/of]]
// [answers #a] [acks #b]", with packet IDs as the run numbers them. (No
// times: the timers' model has its own tests.)
func (w *world) stories() []string {
	var out []string
	for _, e := range w.events {
		s, ok := e.(*netsim.SegmentEvent)
		if !ok || s.Fate != netsim.FateSent {
			continue
		}
		p := &s.Packet
		st := p.Story
		line := "#" + strconv.FormatUint(p.ID, 10) + " " + s.Where + " " + p.Flags.String() + " " + st.Trigger.String()
		if st.N != 0 {
			line += " " + strconv.Itoa(int(st.N))
			if st.Of != 0 {
				line += "/" + strconv.Itoa(int(st.Of))
			}
		}
		if st.Answers != 0 {
			line += " answers #" + strconv.FormatUint(st.Answers, 10)
		}
		if st.Acks != 0 {
			line += " acks #" + strconv.FormatUint(st.Acks, 10)
		}
		out = append(out, line)
	}
	return out
}

// Keepalive on the server, the client's power cut at 40 s: every packet
// says why it left. The probes count 1/3, 2/3, 3/3; the client's kernel
// answers the first (an ACK outside the window, answering the probe); the
// RST that ends it is keepalive's.
func TestStoryOfAKeepaliveDeath(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(10)})
	w.listen(8080, 128, netsim.SockOpts{KeepAlive: true, KeepIdle: 30 * time.Second, KeepIntvl: 5 * time.Second, KeepCnt: 3}, nil)
	w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(40 * time.Second)
	w.sim.Do(w.client.PowerOff)
	w.sim.RunUntil(2 * time.Minute)
	want := []string{
		"#1 client SYN connect",
		"#2 server SYN|ACK answer-syn answers #1 acks #1",
		"#3 client ACK handshake answers #2 acks #2",
		"#4 server ACK keepalive 1/3 acks #1",
		"#5 client ACK unacceptable answers #4 acks #2",
		"#6 server ACK keepalive 1/3 acks #1",
		"#7 server ACK keepalive 2/3 acks #1",
		"#8 server ACK keepalive 3/3 acks #1",
		"#9 server RST|ACK reset-keepalive acks #1",
	}
	if diff := cmp.Diff(want, w.stories()); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
}

// Data into a pulled cable: the tail loss probe, then RTO retransmissions
// numbered 1, 2, 3 ...; the data that made it first was acknowledged at
// once (quick-ACK mode), answering it.
func TestStoryOfRetransmissions(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(10)})
	w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	w.sim.Do(func() { c.Write([]byte("hello"), "data") })
	w.sim.RunUntil(2 * time.Second)
	w.sim.Do(func() { w.link.SetUp(false) })
	w.sim.Do(func() { c.Write([]byte("lost"), "data") })
	w.sim.RunUntil(10 * time.Second)
	want := []string{
		"#1 client SYN connect",
		"#2 server SYN|ACK answer-syn answers #1 acks #1",
		"#3 client ACK handshake answers #2 acks #2",
		"#4 client PSH|ACK write acks #2",
		"#5 server ACK ack-now answers #4 acks #4",
		"#6 client PSH|ACK write acks #2",
		"#7 client PSH|ACK tail-loss-probe acks #2",
		"#8 client PSH|ACK rto 1 acks #2",
		"#9 client PSH|ACK rto 2 acks #2",
		"#10 client PSH|ACK rto 3 acks #2",
		"#11 client PSH|ACK rto 4 acks #2",
		"#12 client PSH|ACK rto 5 acks #2",
	}
	if diff := cmp.Diff(want, w.stories()); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
}

// The IPv4 header as Linux fills it (measured in docs/kernel-check): each
// connection numbers its packets from its own start, one more each time; a
// SYN-ACK and a RST from no socket carry ID 0; the TTL is the profile's.
// A packet's acknowledgement names the segment it acknowledges.
func TestIPv4HeaderFields(t *testing.T) {
	w := newWorld(t, 1, netsim.LinkConfig{Latency: ms(10)})
	w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	w.sim.Do(func() { c.Write([]byte("hello"), "data") })
	w.sim.RunUntil(2 * time.Second)
	w.dial(9, netsim.SockOpts{}, nil) // nobody listens: RST|ACK
	w.sim.RunUntil(3 * time.Second)
	var got []string
	for _, e := range w.events {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Fate == netsim.FateSent {
			got = append(got, s.Where+" "+s.Packet.Flags.String()+" ttl="+strconv.Itoa(int(s.Packet.TTL))+" id="+strconv.Itoa(int(s.Packet.IPID)))
		}
	}
	first := 0 // the SYN's: drawn per connection
	for _, e := range w.events {
		if s, ok := e.(*netsim.SegmentEvent); ok {
			first = int(s.Packet.IPID)
			break
		}
	}
	id := func(n int) string { return strconv.Itoa(first + n) }
	second := 0
	for _, e := range w.events {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Fate == netsim.FateSent && s.Where == "server" && s.Packet.IPID != 0 {
			second = int(s.Packet.IPID)
			break
		}
	}
	syn2 := 0
	for _, e := range w.events {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Fate == netsim.FateSent && s.Packet.Dst.Port() == 9 {
			syn2 = int(s.Packet.IPID)
		}
	}
	want := []string{
		"client SYN ttl=64 id=" + id(0),
		"server SYN|ACK ttl=64 id=0",
		"client ACK ttl=64 id=" + id(1),
		"client PSH|ACK ttl=64 id=" + id(2),
		"server ACK ttl=64 id=" + strconv.Itoa(second),
		"client SYN ttl=64 id=" + strconv.Itoa(syn2),
		"server RST|ACK ttl=64 id=0",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("headers (-want +got):\n%s", diff)
	}
}

// Through a NAT: the server sees the packet one hop older (TTL 63), from
// the NAT's address; the delivered packet keeps the NAT's rewrite, with
// the addresses its sender wrote.
func TestNATRewriteIsRecorded(t *testing.T) {
	public := netip.MustParseAddr("203.0.113.1")
	w := newPathWorld(t, netsim.MiddleboxConfig{Kind: netsim.NAT, Outside: "server", PublicIP: public,
		IdleTimeout: time.Hour, Ports: netsim.PortPreserve})
	w.listen(8080, 128, netsim.SockOpts{}, nil)
	c := w.dial(8080, netsim.SockOpts{}, nil)
	w.sim.RunUntil(time.Second)
	var got []string
	for _, e := range w.events {
		s, ok := e.(*netsim.SegmentEvent)
		if !ok || s.Fate != netsim.FateDelivered {
			continue
		}
		p := &s.Packet
		line := s.Where + " " + p.Flags.String() + " " + p.Src.String() + " > " + p.Dst.String() + " ttl=" + strconv.Itoa(int(p.TTL))
		if r := p.NAT; r != nil {
			line += " nat " + r.Box + ": " + r.Src.String() + " > " + r.Dst.String()
		}
		got = append(got, line)
	}
	local := c.LocalAddr()
	mapped := netip.AddrPortFrom(public, local.Port())
	want := []string{
		"server SYN " + mapped.String() + " > 10.0.0.1:8080 ttl=63 nat fw: " + local.String() + " > 10.0.0.1:8080",
		"client SYN|ACK 10.0.0.1:8080 > " + local.String() + " ttl=63 nat fw: 10.0.0.1:8080 > " + mapped.String(),
		"server ACK " + mapped.String() + " > 10.0.0.1:8080 ttl=63 nat fw: " + local.String() + " > 10.0.0.1:8080",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("delivered (-want +got):\n%s", diff)
	}
}
