package scenarios

import (
	"io"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/script"
	"github.com/socklab/socklab/netsim"
)

// CaptureEpoch is the wall-clock time a capture's simulated time 0 maps to,
// fixed so that the same run gives the same file.
var CaptureEpoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// CaptureHost is the default capture point: the host the scenario names
// (capture:), else the host of the first client, a script that connects
// included (clients retransmit, probe and reconnect: their side shows the
// most), else the first host.
func (sc *Scenario) CaptureHost() string {
	if sc.Capture != "" {
		return sc.Capture
	}
	for _, a := range sc.Config.Apps {
		if a.Kind == lab.KindClient || a.Kind == lab.KindPoller || a.Kind == lab.KindScript && script.Connects(a.Steps) {
			return a.Host
		}
	}
	return sc.Config.Hosts[0].Name
}

// pcapWriter writes what one host's network interface sees, as tcpdump on
// it would: every packet the host sends, when it sends it, and every packet
// delivered to it, when it arrives, with the addresses as on its wire.
// Frames are Ethernet with made-up MACs (02:00 followed by the IPv4
// address) around the packet's own bytes (netsim's Packet.AppendWire: the
// headers, checksums and payload the packet inspector shows too).
type pcapWriter struct {
	w    *pcapgo.Writer
	host string
	n    int
	buf  []byte
	err  error
}

func newPcapWriter(out io.Writer, host string) (*pcapWriter, error) {
	w := pcapgo.NewWriterNanos(out)
	if err := w.WriteFileHeader(65535, layers.LinkTypeEthernet); err != nil {
		return nil, err
	}
	return &pcapWriter{w: w, host: host}, nil
}

// observe writes a segment event's packet if this capture point sees it:
// what the host sent, what was delivered to it, and what its own stack
// dropped after it arrived (a SYN for a full accept queue, a datagram for a
// closed port), which tcpdump on the host sees as well.
func (c *pcapWriter) observe(e netsim.Event) {
	s, ok := e.(*netsim.SegmentEvent)
	if !ok || c.err != nil || s.Where != c.host {
		return
	}
	if s.Fate == netsim.FateDropped && s.Why != netsim.WhyBacklogFull && s.Why != netsim.WhyPortClosed {
		return
	}
	c.buf = ethernetFrame(c.buf[:0], &s.Packet)
	ci := gopacket.CaptureInfo{Timestamp: CaptureEpoch.Add(s.At), CaptureLength: len(c.buf), Length: len(c.buf)}
	if err := c.w.WritePacket(ci, c.buf); err != nil {
		c.err = err
		return
	}
	c.n++
}

// ethernetFrame appends a packet's Ethernet frame to buf: destination and
// source MAC (02:00 and the IPv4 address), EtherType IPv4, the packet.
func ethernetFrame(buf []byte, p *netsim.Packet) []byte {
	src, dst := p.Src.Addr().As4(), p.Dst.Addr().As4()
	buf = append(buf, 0x02, 0x00, dst[0], dst[1], dst[2], dst[3])
	buf = append(buf, 0x02, 0x00, src[0], src[1], src[2], src[3])
	buf = append(buf, 0x08, 0x00)
	return p.AppendWire(buf)
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
	res, err := sc.RunSession(sess, until, func(e netsim.Event) {
		pw.observe(e)
		if events != nil {
			events(e)
		}
	})
	if err != nil {
		return pw.n, res, err
	}
	return pw.n, res, pw.err
}
