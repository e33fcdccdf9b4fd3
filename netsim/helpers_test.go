package netsim_test

import (
	"net/netip"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

var (
	clientIP = netip.MustParseAddr("10.0.0.2")
	serverIP = netip.MustParseAddr("10.0.0.1")
)

// world is a client and a server joined by one link, with every event
// recorded.
type world struct {
	t      *testing.T
	sim    *netsim.Sim
	client *netsim.Host
	server *netsim.Host
	link   *netsim.Link
	events []netsim.Event
}

func newWorld(t *testing.T, seed uint64, link netsim.LinkConfig) *world {
	t.Helper()
	w := &world{t: t, sim: netsim.New(seed)}
	w.sim.Observe(func(e netsim.Event) { w.events = append(w.events, e) })
	var err error
	if w.client, err = w.sim.AddHost("client", clientIP, netsim.Linux()); err != nil {
		t.Fatal(err)
	}
	if w.server, err = w.sim.AddHost("server", serverIP, netsim.Linux()); err != nil {
		t.Fatal(err)
	}
	if w.link, err = w.sim.AddLink("client", "server", link); err != nil {
		t.Fatal(err)
	}
	return w
}

func must[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func ms(n float64) time.Duration { return time.Duration(n * float64(time.Millisecond)) }

// segments renders the segments with the given fate sent by host (or by
// anyone when host is ""), as "time flags seq ack len note".
func (w *world) segments(fate netsim.Fate, host string) []string {
	var out []string
	for _, e := range w.events {
		s, ok := e.(*netsim.SegmentEvent)
		if !ok || s.Fate != fate || (host != "" && s.SrcHost != host) {
			continue
		}
		out = append(out, netsim.FormatTime(s.At)+" "+s.SrcHost+" "+segText(&s.Packet))
	}
	return out
}

// segText renders a segment with relative sequence numbers, or absolute
// ones for a segment sent without connection state (a stateless RST).
func segText(p *netsim.Packet) string {
	seq, ack := p.Seq, p.Ack
	if p.Rel {
		seq, ack = p.RelSeq, p.RelAck
	}
	s := p.Flags.String() + " seq=" + strconv.FormatUint(uint64(seq), 10) + " ack=" + strconv.FormatUint(uint64(ack), 10) + " len=" + strconv.Itoa(len(p.Payload))
	if p.Note != 0 {
		s += " " + p.Note.String()
	}
	return s
}

// states renders the state changes of one host as "time from>to".
func (w *world) states(host string) []string {
	var out []string
	for _, e := range w.events {
		if s, ok := e.(*netsim.StateEvent); ok && s.Host == host && !strings.Contains(s.Conn, "*") {
			out = append(out, netsim.FormatTime(s.At)+" "+s.From.String()+">"+s.To.String())
		}
	}
	return out
}

// errors renders the socket errors of one host as "time ERRNO".
func (w *world) errors(host string) []string {
	var out []string
	for _, e := range w.events {
		if s, ok := e.(*netsim.SocketErrorEvent); ok && s.Host == host {
			out = append(out, netsim.FormatTime(s.At)+" "+s.Err.Name())
		}
	}
	return out
}

// app is the server-side application of a test: it accepts every
// connection and hands each read to a callback.
type app struct {
	proc  *netsim.Process
	conns []*netsim.Conn
	reads []string
}

func (w *world) listen(port uint16, backlog int, opts netsim.SockOpts, onData func(c *netsim.Conn, data []byte, err error)) (*app, *netsim.Listener) {
	w.t.Helper()
	a := &app{proc: must[*netsim.Process](w.t)(w.server.NewProcess("server"))}
	l := must[*netsim.Listener](w.t)(a.proc.Listen(port, backlog, opts))
	l.OnAcceptable(func() {
		for c := l.Accept(); c != nil; c = l.Accept() {
			a.conns = append(a.conns, c)
			c.OnNotice(func(n netsim.Notice) { a.drain(c, onData) })
			a.drain(c, onData)
		}
	})
	return a, l
}

func (a *app) drain(c *netsim.Conn, onData func(c *netsim.Conn, data []byte, err error)) {
	for {
		data, err := c.Read()
		if data == nil && err == nil {
			return
		}
		if data != nil {
			a.reads = append(a.reads, string(data))
		}
		if onData != nil {
			onData(c, data, err)
		}
		if err != nil {
			return
		}
	}
}

// dial connects from the client to the server's port.
func (w *world) dial(port uint16, opts netsim.SockOpts, onNotice func(c *netsim.Conn, n netsim.Notice)) *netsim.Conn {
	w.t.Helper()
	p := must[*netsim.Process](w.t)(w.client.NewProcess("client"))
	var c *netsim.Conn
	w.sim.Do(func() {
		c = must[*netsim.Conn](w.t)(p.Dial(netip.AddrPortFrom(serverIP, port), opts))
	})
	if onNotice != nil {
		c.OnNotice(func(n netsim.Notice) { onNotice(c, n) })
	}
	return c
}

// exactTimers turns the timer wheel off on both hosts: their TCP timers
// fire at the bare rule's deadlines. Tests of a rule's figures use it; the
// wheel's slack has tests of its own (timer_wheel_test.go).
func (w *world) exactTimers() {
	w.client.Profile().Timers = netsim.TimersExact
	w.server.Profile().Timers = netsim.TimersExact
}

// kernelClock is a host's jiffy clock as a test derives it: the kernel
// time at the run's start and the jiffy. With tick 0 it is the exact clock.
type kernelClock struct{ origin, tick time.Duration }

func clockOf(h *netsim.Host) kernelClock {
	if h.Profile().Timers != netsim.TimersWheel {
		return kernelClock{}
	}
	return kernelClock{h.JiffyOrigin(), h.Profile().TimerTick}
}

func (k kernelClock) jiffies(t time.Duration) int64 { return int64((t + k.origin) / k.tick) }

// fire is when a TCP timer armed at t for d runs: at t + d on the exact
// clock; on the wheel, the rule of kernel/time/timer.c's calc_wheel_index,
// written out here from its comments: d in whole jiffies, rounded up; the
// level is the first whose range holds d (HZ 250: below 63 jiffies, 504,
// 4032, 32256, …, each level 8 times coarser); the timer runs at the first
// multiple of its level's granule strictly after its expiry. inHandler
// says the timer is armed while another timer of its host runs in the
// same jiffy: the wheel's clock is then one jiffy ahead.
func (k kernelClock) fire(t, d time.Duration, inHandler bool) time.Duration {
	if k.tick == 0 {
		return t + d
	}
	now := k.jiffies(t)
	expires := now + int64((d+k.tick-1)/k.tick)
	delta := expires - now
	if inHandler {
		delta--
	}
	gran := int64(1)
	for limit := int64(63); delta >= limit && gran < 1<<24; limit *= 8 {
		gran *= 8
	}
	bucket := (expires/gran + 1) * gran
	return time.Duration(bucket)*k.tick - k.origin
}
