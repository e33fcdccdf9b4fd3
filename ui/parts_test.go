package ui

import (
	"slices"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
)

func TestRingKeepsTheNewest(t *testing.T) {
	r := newRing[int](3)
	for i := range 5 {
		if got := r.push(i); got != uint64(i) {
			t.Fatalf("push %d: got sequence %d", i, got)
		}
	}
	if r.len() != 3 || r.first() != 2 {
		t.Fatalf("got len %d first %d, want 3 and 2", r.len(), r.first())
	}
	if r.at(1) != nil || *r.at(2) != 2 || *r.at(4) != 4 || r.at(5) != nil {
		t.Error("at: evicted or future items are not nil, or held ones are wrong")
	}
	if *r.fromEnd(0) != 4 || *r.fromEnd(2) != 2 || r.fromEnd(3) != nil {
		t.Error("fromEnd: wrong items")
	}
}

func TestSegLabel(t *testing.T) {
	cases := []struct {
		name          string
		row           wireRow
		full, compact string
	}{
		{"syn", wireRow{proto: netsim.TCP, flags: netsim.SYN}, "[SYN] seq=0 len=0", "[S] 0"},
		{"heartbeat", wireRow{proto: netsim.TCP, flags: netsim.PSH | netsim.ACK, seq: 1, ack: 1, length: 14, msg: "heartbeat", beat: 7},
			"ping #7 [PSH|ACK] seq=1 ack=1 len=14", "ping #7 [P.] 1:15 ack 1"},
		{"answer", wireRow{proto: netsim.TCP, flags: netsim.PSH | netsim.ACK, seq: 1, ack: 15, length: 14, msg: "heartbeat_ack", beat: 7},
			"pong #7 [PSH|ACK] seq=1 ack=15 len=14", "pong #7 [P.] 1:15 ack 15"},
		{"retransmission", wireRow{proto: netsim.TCP, flags: netsim.FIN | netsim.ACK, seq: 85, ack: 85, note: "retransmission"},
			"↻ retransmission [FIN|ACK] seq=85 ack=85 len=0", "↻ [F.] 85 ack 85"},
		{"keepalive", wireRow{proto: netsim.TCP, flags: netsim.ACK, seq: 0, ack: 1, note: "keepalive"},
			"keepalive probe [ACK] seq=0 ack=1 len=0", "keepalive [.] 0 ack 1"},
		{"udp", wireRow{proto: netsim.UDP, length: 8, msg: "heartbeat", beat: 2}, "ping #2 udp len=8", "ping #2 udp len=8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := segLabel(&c.row, false); got != c.full {
				t.Errorf("full: got %q, want %q", got, c.full)
			}
			if got := segLabel(&c.row, true); got != c.compact {
				t.Errorf("compact: got %q, want %q", got, c.compact)
			}
		})
	}
}

func TestFmtDur(t *testing.T) {
	cases := []struct {
		d    time.Duration
		want string
	}{
		{-time.Second, "0ms"}, {350 * time.Millisecond, "350ms"}, {4200 * time.Millisecond, "4.2s"},
		{12449 * time.Millisecond, "12.4s"}, {5 * time.Minute, "5m"}, {245 * time.Second, "4m05s"},
		{1845 * time.Second, "30m"}, {2 * time.Hour, "2h"}, {7080 * time.Second, "1h58m"}, {14 * time.Hour, "14h"},
		{50 * time.Hour, "2d02h"}, {5 * 24 * time.Hour, "5d00h"}, {12 * 24 * time.Hour, "12d"},
	}
	for _, c := range cases {
		if got := fmtDur(c.d); got != c.want {
			t.Errorf("fmtDur(%v): got %q, want %q", c.d, got, c.want)
		}
	}
}

func TestNodeOrderPutsClientsLeftAndServersRight(t *testing.T) {
	cases := []struct {
		scenario string
		want     []string
	}{
		{"power-loss-heartbeat", []string{"client", "server"}},
		{"firewall-idle-drop", []string{"client", "fw", "server"}},
		{"thundering-herd", []string{"herd", "server"}},
	}
	for _, c := range cases {
		sc, err := scenarios.Load(c.scenario)
		if err != nil {
			t.Fatal(err)
		}
		if got := nodeOrder(&sc.Config); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.scenario, got, c.want)
		}
	}
}

func TestLayoutFillsTheTerminal(t *testing.T) {
	for w := minWidth; w <= 220; w += 9 {
		for h := minHeight; h <= 70; h++ {
			for _, need := range [][3]int{{1, 1, 1}, {4, 3, 2}, {40, 3000, 2000}} {
				l := computeLayout(w, h, need[0], need[1], need[2])
				panes := 0
				for _, n := range []int{l.top, l.conns, l.wire, l.log} {
					if n > 0 {
						panes++
					}
				}
				if got := 3 + (panes - 1) + l.top + l.conns + l.wire + l.log; got != h {
					t.Fatalf("%d×%d %v: the panes take %d rows, want %d (%+v)", w, h, need, got, h, l)
				}
				if l.wire < 3 {
					t.Fatalf("%d×%d: the wire has %d rows, want at least 3", w, h, l.wire)
				}
			}
		}
	}
}
