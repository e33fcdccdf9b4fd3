package scenarios

import (
	"fmt"
	"io"
	"net"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// CaptureEpoch is the wall-clock time a capture's simulated time 0 maps to,
// fixed so that the same run gives the same file.
var CaptureEpoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// CaptureHost is the default capture point: the host of the first client
// (clients retransmit, probe and reconnect: their side shows the most), or
// else the first host.
func (sc *Scenario) CaptureHost() string {
	for _, a := range sc.Config.Apps {
		if a.Kind == lab.KindClient || a.Kind == lab.KindPoller {
			return a.Host
		}
	}
	return sc.Config.Hosts[0].Name
}

// pcapWriter writes what one host's network interface sees, as tcpdump on
// it would: every packet the host sends, when it sends it, and every packet
// delivered to it, when it arrives, with the addresses as on its wire.
// Frames are Ethernet with made-up MACs (02:00 followed by the IPv4
// address); IPv4 and TCP or UDP headers carry real checksums, the MSS
// option on SYNs, and the application's bytes as payload.
type pcapWriter struct {
	w    *pcapgo.Writer
	host string
	n    int
	buf  gopacket.SerializeBuffer
	err  error
}

func newPcapWriter(out io.Writer, host string) (*pcapWriter, error) {
	w := pcapgo.NewWriterNanos(out)
	if err := w.WriteFileHeader(65535, layers.LinkTypeEthernet); err != nil {
		return nil, err
	}
	return &pcapWriter{w: w, host: host, buf: gopacket.NewSerializeBuffer()}, nil
}

func mac(ip [4]byte) net.HardwareAddr {
	return net.HardwareAddr{0x02, 0x00, ip[0], ip[1], ip[2], ip[3]}
}

// observe writes a segment event's packet if this capture point sees it.
func (c *pcapWriter) observe(e netsim.Event) {
	s, ok := e.(*netsim.SegmentEvent)
	if !ok || c.err != nil || s.Where != c.host || s.Fate == netsim.FateDropped {
		return
	}
	data, err := encodePacket(c.buf, &s.Packet)
	if err != nil {
		c.err = err
		return
	}
	ci := gopacket.CaptureInfo{Timestamp: CaptureEpoch.Add(s.At), CaptureLength: len(data), Length: len(data)}
	if err := c.w.WritePacket(ci, data); err != nil {
		c.err = err
		return
	}
	c.n++
}

// encodePacket builds the bytes of a packet on an Ethernet wire.
func encodePacket(buf gopacket.SerializeBuffer, p *netsim.Packet) ([]byte, error) {
	src, dst := p.Src.Addr().As4(), p.Dst.Addr().As4()
	eth := &layers.Ethernet{SrcMAC: mac(src), DstMAC: mac(dst), EthernetType: layers.EthernetTypeIPv4}
	ip := &layers.IPv4{Version: 4, TTL: 64, Id: uint16(p.ID), SrcIP: src[:], DstIP: dst[:]}
	var transport gopacket.SerializableLayer
	switch p.Proto {
	case netsim.TCP:
		ip.Protocol = layers.IPProtocolTCP
		ip.Flags = layers.IPv4DontFragment // Linux sets DF on TCP (path MTU discovery)
		tcp := &layers.TCP{
			SrcPort: layers.TCPPort(p.Src.Port()), DstPort: layers.TCPPort(p.Dst.Port()),
			Seq: p.Seq, Ack: p.Ack, Window: p.Win,
			SYN: p.Flags&netsim.SYN != 0, ACK: p.Flags&netsim.ACK != 0, FIN: p.Flags&netsim.FIN != 0,
			RST: p.Flags&netsim.RST != 0, PSH: p.Flags&netsim.PSH != 0,
		}
		if p.MSS != 0 {
			tcp.Options = []layers.TCPOption{{OptionType: layers.TCPOptionKindMSS, OptionLength: 4,
				OptionData: []byte{byte(p.MSS >> 8), byte(p.MSS)}}}
		}
		tcp.SetNetworkLayerForChecksum(ip)
		transport = tcp
	case netsim.UDP:
		ip.Protocol = layers.IPProtocolUDP
		udp := &layers.UDP{SrcPort: layers.UDPPort(p.Src.Port()), DstPort: layers.UDPPort(p.Dst.Port())}
		udp.SetNetworkLayerForChecksum(ip)
		transport = udp
	default:
		panic(fmt.Sprintf("scenarios: packet %d: unknown protocol %v", p.ID, p.Proto)) // netsim has two
	}
	opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	if err := gopacket.SerializeLayers(buf, opts, eth, ip, transport, gopacket.Payload(p.Payload)); err != nil {
		return nil, fmt.Errorf("packet %d: %v", p.ID, err)
	}
	return buf.Bytes(), nil
}

// Export runs the scenario to until (its Duration when 0) and writes what
// the host at sees (CaptureHost when empty) to pcap as a pcap file, and
// every event to events (when not nil). It returns the number of packets
// written and the run's result.
func (sc *Scenario) Export(until time.Duration, at string, pcap io.Writer, events func(netsim.Event)) (int, *Result, error) {
	sess, err := sc.NewSession()
	if err != nil {
		return 0, nil, err
	}
	return sc.ExportSession(sess, until, at, pcap, events)
}

// ExportSession is Export on a session the caller built.
func (sc *Scenario) ExportSession(sess *lab.Session, until time.Duration, at string, pcap io.Writer, events func(netsim.Event)) (int, *Result, error) {
	if at == "" {
		at = sc.CaptureHost()
	}
	known := false
	for _, h := range sc.Config.Hosts {
		known = known || h.Name == at
	}
	if !known {
		return 0, nil, i18n.NewError(i18n.ExportNoHost, "Name", at)
	}
	pw, err := newPcapWriter(pcap, at)
	if err != nil {
		return 0, nil, err
	}
	res := sc.RunSession(sess, until, func(e netsim.Event) {
		pw.observe(e)
		if events != nil {
			events(e)
		}
	})
	return pw.n, res, pw.err
}
