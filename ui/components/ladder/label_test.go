package ladder

import (
	"testing"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/ui/feed"
)

func TestSegLabel(t *testing.T) {
	cases := []struct {
		name          string
		row           feed.Row
		full, compact string
	}{
		{"syn", feed.Row{Proto: netsim.TCP, Flags: netsim.SYN}, "[SYN] seq=0 len=0", "[S] 0"},
		{"heartbeat", feed.Row{Proto: netsim.TCP, Flags: netsim.PSH | netsim.ACK, Seq: 1, Ack: 1, Length: 14, Msg: "heartbeat", Beat: 7},
			"ping #7 [PSH|ACK] seq=1 ack=1 len=14", "ping #7 [P.] 1:15 ack 1"},
		{"answer", feed.Row{Proto: netsim.TCP, Flags: netsim.PSH | netsim.ACK, Seq: 1, Ack: 15, Length: 14, Msg: "heartbeat_ack", Beat: 7},
			"pong #7 [PSH|ACK] seq=1 ack=15 len=14", "pong #7 [P.] 1:15 ack 15"},
		{"retransmission", feed.Row{Proto: netsim.TCP, Flags: netsim.FIN | netsim.ACK, Seq: 85, Ack: 85, Note: netsim.NoteRetransmission},
			"↻ retransmission [FIN|ACK] seq=85 ack=85 len=0", "↻ [F.] 85 ack 85"},
		{"keepalive", feed.Row{Proto: netsim.TCP, Flags: netsim.ACK, Seq: 0, Ack: 1, Note: netsim.NoteKeepalive},
			"keepalive probe [ACK] seq=0 ack=1 len=0", "keepalive [.] 0 ack 1"},
		{"udp", feed.Row{Proto: netsim.UDP, Length: 8, Msg: "heartbeat", Beat: 2}, "ping #2 udp len=8", "ping #2 udp len=8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := segLabel(&c.row, false, i18n.English); got != c.full {
				t.Errorf("full: got %q, want %q", got, c.full)
			}
			if got := segLabel(&c.row, true, i18n.English); got != c.compact {
				t.Errorf("compact: got %q, want %q", got, c.compact)
			}
		})
	}
}
