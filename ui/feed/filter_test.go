package feed

import (
	"strconv"
	"testing"

	"github.com/socklab/socklab/netsim"
)

// The filter's words, each against the rows it keeps and the ones it
// does not.
func TestFilterWords(t *testing.T) {
	seg := func(flags netsim.Flags, note netsim.Note, msg string, port uint16, owners ...string) *Row {
		r := &Row{Kind: RowSegment, Src: "herd", Dst: "server", Flags: flags, Note: note, Msg: msg, Port: port,
			Tuple: "10.0.0.2:" + strconv.Itoa(int(port)) + " > 10.0.0.1:8080", Length: len(msg)}
		copy(r.Owners[:], owners)
		return r
	}
	syn := seg(netsim.SYN, 0, "", 47659, "clients#7")
	rst := seg(netsim.RST|netsim.ACK, 0, "", 50000, "", "clients#70")
	ping := seg(netsim.PSH|netsim.ACK, 0, "heartbeat", 47659, "clients#7", "server")
	probe := seg(netsim.ACK, netsim.NoteKeepalive, "", 47659, "server")
	dropped := seg(netsim.ACK, netsim.NoteRetransmission, "", 47659)
	dropped.Fate = netsim.FateDropped
	detect := &Row{Kind: RowDetect, Who: "clients#7", Port: 47659}
	for _, tc := range []struct {
		filter     string
		keep, drop []*Row
	}{
		{"client#7", []*Row{syn, ping, detect}, []*Row{rst, probe, dropped}},
		{"clients#7", []*Row{syn, ping, detect}, []*Row{rst}},
		{"clients", []*Row{syn, rst, ping, detect}, []*Row{probe, dropped}},
		{"server", []*Row{syn, rst, ping, probe}, []*Row{detect}},
		{"SYN", []*Row{syn}, []*Row{rst, ping, detect}},
		{"RST", []*Row{rst}, []*Row{syn, ping, probe}},
		{"keepalive", []*Row{probe}, []*Row{syn, ping}},
		{"retransmission", []*Row{dropped}, []*Row{probe}},
		{"heartbeat", []*Row{ping}, []*Row{syn}},
		{"dropped", []*Row{dropped}, []*Row{ping}},
		{"47659", []*Row{syn, ping, detect}, []*Row{rst}},
		{":50000", []*Row{rst}, []*Row{syn}},
		{"10.0.0.2:50000", []*Row{rst}, []*Row{syn}},
		{"client#7 SYN", []*Row{syn}, []*Row{ping, rst}},
	} {
		f := ParseFilter(tc.filter)
		for _, r := range tc.keep {
			if !f.Match(r) {
				t.Errorf("%q drops %+v", tc.filter, *r)
			}
		}
		for _, r := range tc.drop {
			if f.Match(r) {
				t.Errorf("%q keeps %+v", tc.filter, *r)
			}
		}
	}
	if !ParseFilter("dropped").NeedsFate() || ParseFilter("SYN").NeedsFate() {
		t.Error("only dropped waits for a packet's fate")
	}
	if ParseFilter("  ").Active() {
		t.Error("an empty filter filters")
	}
}
