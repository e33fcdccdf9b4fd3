package scenarios

import (
	"bytes"
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
	n, _, err := sc.Export(0, at, &buf, func(e netsim.Event) {
		if s, ok := e.(*netsim.StateEvent); ok && s.Host == at && !strings.Contains(s.Conn, "*") &&
			(s.To == netsim.SynSent && s.From == netsim.Closed || s.To == netsim.SynReceived && s.From == netsim.Listen) {
			conns++
		}
	})
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
	args := []string{"-r", path, "-Y", filter, "-T", "fields"}
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
	}{
		{"handshake", "tcp.flags.syn == 1 && tcp.flags.ack == 1"},
		{"keepalive-tuned", "tcp.analysis.keep_alive"},
		{"power-loss-heartbeat", "tcp.len > 0"},
		{"lossy-link", "tcp.analysis.retransmission"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, conns, _ := export(t, tc.name)
			if bad := tshark(t, path, "_ws.malformed || _ws.expert.severity == error || tcp.checksum.status == 0 || ip.checksum.status == 0", "frame.number"); len(bad) > 0 {
				t.Errorf("malformed or bad-checksum frames: %v", bad)
			}
			if got := tshark(t, path, tc.filter, "frame.number"); len(got) == 0 {
				t.Errorf("no frame matches %q", tc.filter)
			}
			streams := map[string]bool{}
			for _, s := range tshark(t, path, "tcp", "tcp.stream") {
				streams[s] = true
			}
			if len(streams) != conns {
				t.Errorf("%d TCP streams, want %d (the connections the capture host opened or accepted)", len(streams), conns)
			}
			t.Logf("%s: %d streams, %s", tc.name, len(streams), strconv.Itoa(len(tshark(t, path, tc.filter, "frame.number")))+" frames match "+tc.filter)
		})
	}
}
