package netsim

import (
	"testing"
	"time"
)

// TestHotFlagsMirrorTheirFields: the flags of a connection's hot part
// stand for fields that lie in its cold part (tcp_conn.go), and the
// steady state reads the flag alone, so a flag that fell out of step
// would change what the stack does with no other test to show it. A run
// that goes through every one of them — data reordered and lost, a
// bounded send queue, retransmissions, windows closed and probed,
// keepalive probes, a close and a power cut — holds them to their fields
// after every step:
//
//   - owned is proc != nil;
//   - oooHeld is len(ooo) > 0;
//   - sndBounded is opts.SndBuf != 0 || sb != nil;
//   - without counting, the counts of trouble are all 0.
//
// It also counts that each flag was seen set, so that it cannot pass on
// a run that never sets them.
func TestHotFlagsMirrorTheirFields(t *testing.T) {
	link := LinkConfig{Latency: 10 * time.Millisecond, Jitter: 8 * time.Millisecond, Loss: 0.1, Bandwidth: 2e6}
	w := newPairWorld(t, link, SockOpts{KeepAlive: true, KeepIdle: 5 * time.Second, KeepIntvl: time.Second, KeepCnt: 5})
	s := w.s
	data := make([]byte, 3000)
	var clients []*Conn
	for i, opts := range []SockOpts{{}, {SndBuf: 8192}, {NoDelay: true}} {
		c := w.dial(t, opts)
		c.OnNotice(func(Notice) { c.Read() })
		clients = append(clients, c)
		tick := w.cp.NewTimer(nil)
		w.cp.SetTimer(tick, func() {
			if i == 0 {
				c.Send(data, "bulk") // the host's default bound (SndBufMax): sb without SO_SNDBUF
			} else {
				c.Write(data, "bulk")
			}
			tick.ResetAfter(300 * time.Millisecond)
		})
		s.Do(func() { tick.ResetAfter(time.Duration(i+1) * 100 * time.Millisecond) })
	}
	seen := map[string]bool{}
	check := func() {
		for _, h := range []*Host{w.srv, w.cli} {
			for _, c := range h.conns {
				if c.owned != (c.proc != nil) {
					t.Fatalf("%s at %v: owned %v with proc %v", c.name, s.Now(), c.owned, c.proc)
				}
				if c.oooHeld != (len(c.ooo) > 0) {
					t.Fatalf("%s at %v: oooHeld %v with %d segments out of order", c.name, s.Now(), c.oooHeld, len(c.ooo))
				}
				if c.sndBounded != (c.opts.SndBuf != 0 || c.sb != nil) {
					t.Fatalf("%s at %v: sndBounded %v with SO_SNDBUF %d and sb %v", c.name, s.Now(), c.sndBounded, c.opts.SndBuf, c.sb != nil)
				}
				if !c.counting && c.dupAcks|c.retransmits|c.probes|c.probesOut != 0 {
					t.Fatalf("%s at %v: counting unset with dupAcks %d, retransmits %d, probes %d, probesOut %d",
						c.name, s.Now(), c.dupAcks, c.retransmits, c.probes, c.probesOut)
				}
				seen["owned"] = seen["owned"] || c.owned
				seen["not owned"] = seen["not owned"] || !c.owned
				seen["oooHeld"] = seen["oooHeld"] || c.oooHeld
				seen["sb"] = seen["sb"] || c.sb != nil && c.opts.SndBuf == 0
				seen["counting"] = seen["counting"] || c.counting
				seen["probesOut"] = seen["probesOut"] || c.probesOut > 0
				seen["probes"] = seen["probes"] || c.probes > 0
			}
		}
	}
	for s.Now() < 60*time.Second && s.Step() {
		// The server answers on the last connection alone; the first two
		// it never reads, and their windows close (zero-window probes).
		switch {
		case w.accepted != nil && w.accepted.notice == nil:
			a := w.accepted
			a.OnNotice(func(Notice) {
				if b, _ := a.Read(); len(b) > 0 {
					a.Write(b[:min(len(b), 500)], "echo")
				}
			})
		case s.Now() > 20*time.Second && clients[2].proc != nil:
			clients[2].Close()
		case s.Now() > 30*time.Second && w.cli.powered:
			w.cli.PowerOff() // the server's ends retransmit, then probe, into silence
		}
		check()
	}
	for _, what := range []string{"owned", "not owned", "oooHeld", "sb", "counting", "probesOut", "probes"} {
		if !seen[what] {
			t.Errorf("the run never had a connection with %s: it does not test that flag", what)
		}
	}
}
