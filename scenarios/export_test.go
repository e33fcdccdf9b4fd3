package scenarios

import (
	"bytes"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"

	"github.com/socklab/socklab/netsim"
)

// export runs a built-in and writes its capture; it returns the file and
// the number of connections the capture host opened or accepted.
func export(t *testing.T, name string) (path string, conns int, packets int) {
	t.Helper()
	sc, err := Load(name)
	if err != nil {
		t.Fatal(err)
	}
	at := sc.CaptureHost()
	var buf bytes.Buffer
	refused := map[string]bool{} // connections whose every SYN a full accept queue dropped
	n, _, err := sc.Export(0, at, &buf, func(e netsim.Event) {
		if s, ok := e.(*netsim.StateEvent); ok && s.Host == at && !strings.Contains(s.Conn, "*") &&
			(s.To == netsim.SynSent && s.From == netsim.Closed || s.To == netsim.SynReceived && s.From == netsim.Listen) {
			conns++
		}
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Where == at && s.Why == netsim.WhyBacklogFull {
			refused[s.Packet.Src.String()] = true
		}
	})
	conns += len(refused)
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), name+".pcap")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, conns, n
}

// The capture decodes: Ethernet, IPv4 and TCP with valid checksums, one
// frame per packet the host saw.
func TestExportDecodes(t *testing.T) {
	path, _, n := export(t, "power-loss-heartbeat")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := pcapgo.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	src := gopacket.NewPacketSource(r, r.LinkType())
	count := 0
	for p := range src.Packets() {
		count++
		if p.ErrorLayer() != nil {
			t.Fatalf("packet %d: %v", count, p.ErrorLayer().Error())
		}
		ip, _ := p.Layer(layers.LayerTypeIPv4).(*layers.IPv4)
		tcp, _ := p.Layer(layers.LayerTypeTCP).(*layers.TCP)
		if ip == nil || tcp == nil {
			t.Fatalf("packet %d is not IPv4/TCP: %v", count, p)
		}
	}
	if count != n || count < 10 {
		t.Errorf("read %d packets, wrote %d", count, n)
	}
}

// tshark runs Wireshark's dissector on a capture with a display filter and
// returns the fields of the matching packets, one line each.
func tshark(t *testing.T, path, filter string, fields ...string) []string {
	t.Helper()
	args := []string{"-r", path, "-Y", filter, "-T", "fields",
		// Wireshark checks no checksum unless told to.
		"-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE"}
	for _, f := range fields {
		args = append(args, "-e", f)
	}
	out, err := exec.Command("tshark", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("tshark %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if l != "" && !strings.HasPrefix(l, "Running as user") {
			lines = append(lines, l)
		}
	}
	return lines
}

// Wireshark reads the exports: nothing malformed, keepalive probes and
// retransmissions recognised as such, one TCP stream per connection.
// .ci/run installs tshark and sets SOCKLAB_REQUIRE_TSHARK so that CI cannot
// skip this; elsewhere it runs when tshark is installed.
func TestExportWithWireshark(t *testing.T) {
	if _, err := exec.LookPath("tshark"); err != nil {
		if os.Getenv("SOCKLAB_REQUIRE_TSHARK") != "" {
			t.Fatal("tshark is required (apt-get install tshark)")
		}
		t.Skip("tshark is not installed (apt-get install tshark; .ci/run does)")
	}
	for _, tc := range []struct {
		name   string
		filter string // packets that must be there
		// strays are TCP streams of segments the capture host answers
		// with a RST, not connections it opened or accepted.
		strays int
		quiet  bool // nothing to warn of but resets (on a lossy link, a capture misses segments)
	}{
		{"handshake", "tcp.flags.syn == 1 && tcp.flags.ack == 1", 0, false},
		{"keepalive-tuned", "tcp.analysis.keep_alive", 0, false},
		{"power-loss-heartbeat", "tcp.len > 0", 0, false},
		{"lossy-link", "tcp.analysis.retransmission", 0, false},
		{"nat-idle-rst", "ip.ttl == 63", 0, false}, // the server sees the client's packets through the NAT
		// nat-d lets two segments out untranslated, from the private
		// address, and passes the server's RSTs back to it.
		{"nat-conntrack", "ip.src == 192.168.4.10 && tcp.len > 0 && ip.ttl == 63", 2, false},
		{"nat-conntrack", "ip.dst == 192.168.4.10 && tcp.flags.reset == 1", 2, false},
		// The socket scripts' lessons: what each teaches is on the wire.
		{"write-after-close", "tcp.flags.reset == 1 && tcp.flags.ack == 0", 0, true},
		{"close-unread", "tcp.flags.reset == 1 && tcp.flags.ack == 1 && tcp.len == 0", 0, true},
		{"linger-zero", "http.response && tcp.flags.reset == 0", 0, true},
		{"half-close", "tcp.flags.fin == 1", 0, true},
		{"listen-backlog", "tcp.flags.syn == 1 && tcp.analysis.retransmission", 0, true}, // the SYNs a full queue drops
		{"read-deadline", "tcp.flags.fin == 1 && tcp.analysis.retransmission", 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, conns, _ := export(t, tc.name)
			if bad := tshark(t, path, "_ws.malformed || _ws.expert.severity == error || tcp.checksum.status != 1 || ip.checksum.status != 1", "frame.number"); len(bad) > 0 {
				t.Errorf("malformed or bad-checksum frames: %v", bad)
			}
			// Nothing to warn of but the resets the lessons are about: no
			// segment out of order, unseen, or acknowledging what was not
			// sent.
			if tc.quiet {
				if odd := tshark(t, path, "_ws.expert.severity == warning && !tcp.connection.rst", "frame.number", "_ws.expert.message"); len(odd) > 0 {
					t.Errorf("Wireshark warns of: %v", odd)
				}
			}
			if got := tshark(t, path, tc.filter, "frame.number"); len(got) == 0 {
				t.Errorf("no frame matches %q", tc.filter)
			}
			streams := map[string]bool{}
			for _, s := range tshark(t, path, "tcp", "tcp.stream") {
				streams[s] = true
			}
			if len(streams) != conns+tc.strays {
				t.Errorf("%d TCP streams, want %d (the connections the capture host opened or accepted) and %d strays", len(streams), conns, tc.strays)
			}
			t.Logf("%s: %d streams, %s", tc.name, len(streams), strconv.Itoa(len(tshark(t, path, tc.filter, "frame.number")))+" frames match "+tc.filter)
		})
	}
}

// A packet's bytes (netsim's Packet.AppendWire, which the export and the
// packet inspector share) are the bytes gopacket builds from the same
// header fields, checksums included.
func TestWireBytesMatchGopacket(t *testing.T) {
	a, b := netip.MustParseAddrPort("10.0.0.2:47659"), netip.MustParseAddrPort("10.0.0.1:8080")
	for _, p := range []netsim.Packet{
		{Proto: netsim.TCP, Src: a, Dst: b, Flags: netsim.SYN, Seq: 132062164, Win: 64240, Opts: &netsim.Options{MSS: 1460}, TTL: 64, IPID: 7179},
		{Proto: netsim.TCP, Src: b, Dst: a, Flags: netsim.PSH | netsim.ACK, Seq: 7, Ack: 99, Win: 501, TTL: 63, IPID: 40000,
			Payload: []byte{1, 12, 0, 0, 0, 6, 0, 0, 0, 14, 0xf, 0x42, 0x40, 0x7}}, // 14 bytes
		{Proto: netsim.TCP, Src: b, Dst: a, Flags: netsim.ACK, Seq: 1, Ack: 2, Win: 1, TTL: 64, Payload: []byte("odd")},
		{Proto: netsim.TCP, Src: a, Dst: b, Flags: netsim.RST, Seq: 0xffffffff, TTL: 128},
		{Proto: netsim.UDP, Src: a, Dst: b, TTL: 64, Payload: []byte("ping #6")},
	} {
		t.Run(p.Flags.String()+"/"+p.Proto.String(), func(t *testing.T) {
			want := gopacketBytes(t, &p)
			got := p.AppendWire(nil)
			if !bytes.Equal(got, want) {
				t.Errorf("AppendWire\n got %x\nwant %x", got, want)
			}
			ip, tr := p.Checksums()
			if w := uint16(want[10])<<8 | uint16(want[11]); ip != w {
				t.Errorf("IPv4 checksum %#04x, want %#04x", ip, w)
			}
			at := 20 + 16
			if p.Proto == netsim.UDP {
				at = 20 + 6
			}
			if w := uint16(want[at])<<8 | uint16(want[at+1]); tr != w {
				t.Errorf("transport checksum %#04x, want %#04x", tr, w)
			}
			if p.WireSize() != len(want) {
				t.Errorf("WireSize %d, want %d", p.WireSize(), len(want))
			}
		})
	}
}

// gopacketBytes serialises p's headers with gopacket, as a reference.
func gopacketBytes(t *testing.T, p *netsim.Packet) []byte {
	src, dst := p.Src.Addr().As4(), p.Dst.Addr().As4()
	ip := &layers.IPv4{Version: 4, TTL: p.TTL, Id: p.IPID, Flags: layers.IPv4DontFragment, SrcIP: src[:], DstIP: dst[:]}
	var tr gopacket.SerializableLayer
	if p.Proto == netsim.TCP {
		ip.Protocol = layers.IPProtocolTCP
		tcp := &layers.TCP{SrcPort: layers.TCPPort(p.Src.Port()), DstPort: layers.TCPPort(p.Dst.Port()),
			Seq: p.Seq, Ack: p.Ack, Window: p.Win,
			SYN: p.Flags&netsim.SYN != 0, ACK: p.Flags&netsim.ACK != 0, FIN: p.Flags&netsim.FIN != 0,
			RST: p.Flags&netsim.RST != 0, PSH: p.Flags&netsim.PSH != 0}
		if p.Opts != nil && p.Opts.MSS != 0 {
			mss := p.Opts.MSS
			tcp.Options = []layers.TCPOption{{OptionType: layers.TCPOptionKindMSS, OptionLength: 4,
				OptionData: []byte{byte(mss >> 8), byte(mss)}}}
		}
		tcp.SetNetworkLayerForChecksum(ip)
		tr = tcp
	} else {
		ip.Protocol = layers.IPProtocolUDP
		udp := &layers.UDP{SrcPort: layers.UDPPort(p.Src.Port()), DstPort: layers.UDPPort(p.Dst.Port())}
		udp.SetNetworkLayerForChecksum(ip)
		tr = udp
	}
	buf := gopacket.NewSerializeBuffer()
	opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	if err := gopacket.SerializeLayers(buf, opts, ip, tr, gopacket.Payload(p.Payload)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
