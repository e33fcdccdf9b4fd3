package lab

import (
	"bytes"
	"fmt"
	"net/netip"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/socklab/socklab/netsim"
)

// TestStreamsUnderFaults is the property test of the lab: over random
// worlds (latency, jitter, loss, traffic of many sizes, heartbeats on both
// sides, groups of clients behind a firewall) and random faults (power
// cuts, crashes, freezes, cables pulled, loss changes, partitions, the
// firewall forgetting its flows), every run keeps four promises:
//
//   - no application reads a byte twice or out of order on one connection:
//     the offsets of the app events chain, and each message read is the
//     one its peer wrote at that offset (docs/events.md);
//   - no segment leaves a host that is powered off;
//   - every detection follows a fault, a close (FIN or RST) or a drop on
//     its connection, since that connection began: none comes of delay
//     alone;
//   - the same world run twice gives the same events, byte for byte.
//
// rapid draws the worlds from its seed: `go test ./lab -run
// StreamsUnderFaults -rapid.checks=2000` tries more of them, and a
// failure prints the seed that reproduces it.
func TestStreamsUnderFaults(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		cfg := drawWorld(rt)
		first := runWorld(rt, cfg)
		checkStreams(rt, first.events)
		checkPower(rt, first.events)
		checkDetections(rt, first.events)
		if again := runWorld(rt, cfg); !bytes.Equal(first.jsonl, again.jsonl) {
			rt.Fatalf("the same world gave different events the second time (%d and %d bytes)", len(first.jsonl), len(again.jsonl))
		}
	})
}

// drawWorld draws a world: a server behind a firewall, one or two client
// apps (a group of up to two clients each), and a timeline of faults.
func drawWorld(t *rapid.T) Config {
	link := func(a, b string) LinkConfig {
		return LinkConfig{A: a, B: b,
			Latency: time.Duration(rapid.IntRange(1, 80).Draw(t, a+"-"+b+" latency ms")) * time.Millisecond,
			Jitter:  time.Duration(rapid.IntRange(0, 20).Draw(t, a+"-"+b+" jitter ms")) * time.Millisecond,
			Loss:    float64(rapid.IntRange(0, 15).Draw(t, a+"-"+b+" loss %")) / 100,
		}
	}
	onExpired := rapid.SampledFrom([]string{"drop", "rst", "rst-both", "pickup"}).Draw(t, "on_expired")
	cfg := Config{
		Seed: rapid.Uint64Range(1, 1<<40).Draw(t, "seed"),
		Hosts: []HostConfig{
			{Name: "server", IP: netip.MustParseAddr("10.0.0.1")},
			{Name: "alpha", IP: netip.MustParseAddr("192.168.1.2")},
			{Name: "beta", IP: netip.MustParseAddr("192.168.1.3")},
		},
		Middleboxes: []MiddleboxConfig{{Name: "fw", Kind: "firewall", Outside: "server",
			IdleTimeout: time.Duration(rapid.IntRange(30, 600).Draw(t, "idle_timeout s")) * time.Second, OnExpired: onExpired}},
		Links: []LinkConfig{link("alpha", "fw"), link("beta", "fw"), link("fw", "server")},
	}
	server := AppConfig{Name: "server", Kind: KindServer, Host: "server", Port: 8080}
	if rapid.Bool().Draw(t, "server pings") {
		server.Heartbeat.Interval = time.Duration(rapid.IntRange(2, 30).Draw(t, "server ping s")) * time.Second
	}
	cfg.Apps = append(cfg.Apps, server)
	apps := []string{"server"}
	for _, host := range []string{"alpha", "beta"} {
		if host == "beta" && !rapid.Bool().Draw(t, "beta has clients") {
			break
		}
		c := AppConfig{Name: host + "-app", Kind: KindClient, Host: host, Connect: "server", Port: 8080,
			Count:   rapid.IntRange(1, 2).Draw(t, host+" count"),
			Stagger: time.Duration(rapid.IntRange(0, 500).Draw(t, host+" stagger ms")) * time.Millisecond,
		}
		c.Heartbeat.Interval = time.Duration(rapid.IntRange(1, 20).Draw(t, host+" ping s")) * time.Second
		c.Heartbeat.MaxMissed = rapid.IntRange(1, 3).Draw(t, host+" max_missed")
		if rapid.Bool().Draw(t, host+" sends data") {
			c.Traffic = TrafficConfig{
				Interval: time.Duration(rapid.IntRange(200, 5000).Draw(t, host+" data ms")) * time.Millisecond,
				Size:     rapid.IntRange(16, 6000).Draw(t, host+" data bytes"),
			}
		}
		c.Reconnect = BackoffConfig{Policy: rapid.SampledFrom([]string{BackoffFixed, BackoffExponential, BackoffFullJitter}).Draw(t, host+" reconnect"),
			Base: time.Duration(rapid.IntRange(100, 3000).Draw(t, host+" reconnect ms")) * time.Millisecond, Max: 30 * time.Second}
		cfg.Apps = append(cfg.Apps, c)
		apps = append(apps, c.Name)
	}
	cfg.Timeline = drawFaults(t, apps)
	return cfg
}

// faultsDuration is how long a world runs: faults happen in its first
// three quarters, so that the last has time to show its effect.
const faultsDuration = 3 * time.Minute

// drawFaults draws up to eight faults, each with its undoing where there
// is one (power_on after power_off, restart after crash, ...).
func drawFaults(t *rapid.T, apps []string) []TimedAction {
	hosts := []string{"server", "alpha", "beta"}
	links := []string{"alpha-fw", "beta-fw", "fw-server"}
	var tl []TimedAction
	n := rapid.IntRange(0, 8).Draw(t, "faults")
	for i := range n {
		at := time.Duration(rapid.Int64Range(1, int64(faultsDuration*3/4/time.Millisecond)).Draw(t, fmt.Sprint("fault ", i, " ms"))) * time.Millisecond
		undo := at + time.Duration(rapid.IntRange(1, 120).Draw(t, fmt.Sprint("fault ", i, " lasts s")))*time.Second
		add := func(at time.Duration, do Verb, target, value string) {
			tl = append(tl, TimedAction{At: at, Action: Action{Do: do, Target: target, Value: value}})
		}
		switch kind := rapid.IntRange(0, 6).Draw(t, fmt.Sprint("fault ", i)); kind {
		case 0:
			h := rapid.SampledFrom(hosts).Draw(t, "host")
			add(at, PowerOff, h, "")
			add(undo, PowerOn, h, "")
		case 1:
			a := rapid.SampledFrom(apps).Draw(t, "app")
			add(at, rapid.SampledFrom([]Verb{Crash, Stop}).Draw(t, "how"), a, "")
			add(undo, Restart, a, "")
		case 2:
			a := rapid.SampledFrom(apps).Draw(t, "app")
			add(at, Freeze, a, "")
			add(undo, Thaw, a, "")
		case 3:
			l := rapid.SampledFrom(links).Draw(t, "link")
			add(at, LinkDown, l, "")
			add(undo, LinkUp, l, "")
		case 4:
			l := rapid.SampledFrom(links).Draw(t, "link")
			add(at, Loss, l, fmt.Sprint(float64(rapid.IntRange(0, 100).Draw(t, "loss %"))/100))
		case 5:
			h := rapid.SampledFrom(hosts[1:]).Draw(t, "host")
			add(at, Partition, h, "server")
			add(undo, Heal, h+"|server", "")
		case 6:
			add(at, Expire, "fw", "")
		}
	}
	return tl
}

// fataler is a test, rapid's or Go's.
type fataler interface {
	Fatalf(format string, args ...any)
	Logf(format string, args ...any)
}

// TestClientLostWhileReading is a world TestStreamsUnderFaults found: a
// client read a ping and more behind it at once, lost its connection
// answering the ping (the write failed: the firewall resets the flows it
// forgets), and went on to the frames behind it, whose app events named a
// connection already let go (a nil pointer: the run panicked). A client
// now reads no further frame of a connection it has given up on.
func TestClientLostWhileReading(t *testing.T) {
	link := func(a, b string, latency, jitter, loss int) LinkConfig {
		return LinkConfig{A: a, B: b, Latency: time.Duration(latency) * time.Millisecond,
			Jitter: time.Duration(jitter) * time.Millisecond, Loss: float64(loss) / 100}
	}
	at := func(ms int) time.Duration { return time.Duration(ms) * time.Millisecond }
	cfg := Config{
		Seed: 0x316,
		Hosts: []HostConfig{
			{Name: "server", IP: netip.MustParseAddr("10.0.0.1")},
			{Name: "alpha", IP: netip.MustParseAddr("192.168.1.2")},
			{Name: "beta", IP: netip.MustParseAddr("192.168.1.3")},
		},
		Middleboxes: []MiddleboxConfig{{Name: "fw", Kind: "firewall", Outside: "server", IdleTimeout: 30 * time.Second, OnExpired: "rst"}},
		Links:       []LinkConfig{link("alpha", "fw", 15, 17, 13), link("beta", "fw", 4, 12, 7), link("fw", "server", 3, 3, 15)},
		Apps: []AppConfig{
			{Name: "server", Kind: KindServer, Host: "server", Port: 8080, Heartbeat: HeartbeatConfig{Interval: 2 * time.Second}},
			{Name: "alpha-app", Kind: KindClient, Host: "alpha", Connect: "server", Port: 8080, Count: 2, Stagger: at(169),
				Heartbeat: HeartbeatConfig{Interval: 2 * time.Second, MaxMissed: 3},
				Traffic:   TrafficConfig{Interval: at(620), Size: 229},
				Reconnect: BackoffConfig{Policy: BackoffFixed, Base: at(3000), Max: 30 * time.Second}},
		},
		Timeline: []TimedAction{
			{At: at(109286), Action: Action{Do: Stop, Target: "server"}},
			{At: at(109286) + 35*time.Second, Action: Action{Do: Restart, Target: "server"}},
			{At: at(6477), Action: Action{Do: Expire, Target: "fw"}},
			{At: at(135000), Action: Action{Do: PowerOff, Target: "beta"}},
			{At: at(135000) + 43*time.Second, Action: Action{Do: PowerOn, Target: "beta"}},
			{At: at(6287), Action: Action{Do: Freeze, Target: "alpha-app"}},
			{At: at(6287) + 2*time.Second, Action: Action{Do: Thaw, Target: "alpha-app"}},
		},
	}
	w := runWorld(t, cfg)
	checkStreams(t, w.events)
	checkPower(t, w.events)
	checkDetections(t, w.events)
}

// world is a run's events and their JSON Lines.
type world struct {
	events []netsim.Event
	jsonl  []byte
}

// runWorld runs cfg for faultsDuration with every event kept.
func runWorld(t fataler, cfg Config) world {
	s, err := New(cfg)
	if err != nil {
		t.Fatalf("the world is not valid: %v", err)
	}
	s.TraceStates(true)
	var w world
	s.Observe(func(e netsim.Event) {
		w.events = append(w.events, e)
		w.jsonl = append(netsim.AppendJSON(w.jsonl, e), '\n')
	})
	s.RunUntil(faultsDuration)
	if err := s.Err(); err != nil {
		t.Fatalf("the run stopped: %v", err)
	}
	return w
}

// reverse is a connection's name as its other end writes it.
func reverse(conn string) string {
	proto, ends, _ := strings.Cut(conn, " ")
	local, remote, _ := strings.Cut(ends, " > ")
	return proto + " " + remote + " > " + local
}

// sentAt is a message written at an offset.
type sentAt struct {
	msg   string
	bytes int
	seq   uint32
}

// checkStreams holds the app events of each connection to their offsets:
// each end's sends and reads run from 0 without a gap or an overlap, and
// what one end reads at an offset is what the other wrote there.
func checkStreams(t fataler, events []netsim.Event) {
	type end struct{ host, conn string }
	next := map[end][2]uint64{}            // the next send and read offsets
	sent := map[string]map[uint64]sentAt{} // by connection (the writer's name), offset
	reads := 0
	for _, e := range events {
		switch e := e.(type) {
		case *netsim.StateEvent:
			if e.To == netsim.SynSent || e.To == netsim.SynReceived && e.From == netsim.Listen {
				// A connection begins: its offsets start from 0.
				delete(next, end{e.Host, e.Conn})
				delete(sent, e.Conn)
			}
		case *AppEvent:
			if !e.Stream {
				continue
			}
			k := end{e.Host, e.Conn}
			off := next[k]
			i := 0
			if e.Dir == "recv" {
				i = 1
			}
			if e.Offset != off[i] {
				t.Fatalf("%v %s %s: %s %s at offset %d, but %d bytes went before it", e.At, e.Host, e.Conn, e.Dir, e.Msg, e.Offset, off[i])
			}
			off[i] += uint64(e.Bytes)
			next[k] = off
			if e.Dir == "send" {
				if sent[e.Conn] == nil {
					sent[e.Conn] = map[uint64]sentAt{}
				}
				sent[e.Conn][e.Offset] = sentAt{e.Msg, e.Bytes, e.Seq}
				continue
			}
			reads++
			w, ok := sent[reverse(e.Conn)][e.Offset]
			if want := (sentAt{e.Msg, e.Bytes, e.Seq}); !ok || w != want {
				t.Fatalf("%v %s %s: read %+v at offset %d; the peer wrote %+v there (found: %v)", e.At, e.Host, e.Conn, want, e.Offset, w, ok)
			}
		}
	}
	t.Logf("%d messages read in order", reads)
}

// checkPower: between a host's power_off and its power_on, no segment
// leaves it.
func checkPower(t fataler, events []netsim.Event) {
	off := map[string]bool{}
	for _, e := range events {
		switch e := e.(type) {
		case *netsim.FaultEvent:
			switch e.Action {
			case "power_off":
				off[e.Target] = true
			case "power_on":
				off[e.Target] = false
			}
		case *netsim.SegmentEvent:
			if e.Fate == netsim.FateSent && off[e.SrcHost] {
				t.Fatalf("%v: %s sent %s while powered off", e.At, e.SrcHost, e.Line())
			}
		}
	}
}

// checkDetections: a detection on a connection follows, since the
// connection began, a fault, a FIN or RST, or a dropped segment of that
// connection. Heartbeats that time out for delay alone would be a bug:
// the worlds' timeouts are far above their latency and jitter.
func checkDetections(t fataler, events []netsim.Event) {
	// What could explain a detection on each connection (by either end's
	// name) since it began; "" for nothing yet.
	type cause struct{ reason string }
	conns := map[string]*cause{}
	lastFault := ""
	// The faults in effect: a connection that begins while a host is
	// powered off, an app frozen, a cable pulled or a partition up may
	// hear nothing from its peer without a drop or a close of its own.
	lasting := map[string]string{}
	undo := map[string]string{"power_on": "power_off", "thaw": "freeze", "link_up": "link_down", "heal": "partition"}
	note := func(conn, reason string) {
		for _, c := range []string{conn, reverse(conn)} {
			if k := conns[c]; k != nil && k.reason == "" {
				k.reason = reason
			}
		}
	}
	for _, e := range events {
		switch e := e.(type) {
		case *netsim.FaultEvent:
			lastFault = e.Line()
			switch e.Action {
			case "power_off", "freeze", "link_down", "partition":
				lasting[e.Action+" "+e.Target] = lastFault
			case "power_on", "thaw", "link_up", "heal":
				delete(lasting, undo[e.Action]+" "+e.Target)
			}
			for _, k := range conns {
				if k.reason == "" {
					k.reason = lastFault
				}
			}
		case *netsim.StateEvent:
			if e.To == netsim.SynSent || e.To == netsim.SynReceived && e.From == netsim.Listen {
				if _, ok := conns[reverse(e.Conn)]; ok && e.To == netsim.SynReceived {
					continue // the other end of a connection already begun
				}
				k := &cause{}
				for _, f := range lasting {
					k.reason = f
				}
				conns[e.Conn] = k
				delete(conns, reverse(e.Conn))
			}
		case *netsim.SegmentEvent:
			p := &e.Packet
			if p.Proto != netsim.TCP {
				continue
			}
			switch {
			case e.Fate == netsim.FateDropped:
				note(p.Tuple(), e.Line())
			case p.Flags&(netsim.FIN|netsim.RST) != 0:
				note(p.Tuple(), e.Line())
			}
		case *DetectEvent:
			k := conns[e.Conn]
			if k == nil {
				k = conns[reverse(e.Conn)]
			}
			if k == nil || k.reason == "" {
				t.Fatalf("%v %s detected %s on %s with no fault, close or drop before it (last fault: %q)", e.At, e.Host, e.Cause, e.Conn, lastFault)
			}
		}
	}
}
