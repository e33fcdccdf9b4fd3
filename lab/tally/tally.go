package tally

import (
	"slices"
	"strings"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/netsim"
)

// Class is what a segment is for, as the ledger counts it.
type Class uint8

// Classes of segments.
const (
	Data Class = iota
	Heartbeat
	Keepalive
	ACK
	Retransmission
	Control
	NumClasses
)

var classNames = [NumClasses]string{"data", "heartbeat", "keepalive", "ack", "retransmission", "control"}

// String is the class's code: "keepalive".
func (c Class) String() string {
	if c < NumClasses {
		return classNames[c]
	}
	return "class?"
}

// AttemptStep is the width of an attempts series' steps.
const AttemptStep = 100 * time.Millisecond

// memoryLimit bounds the segments remembered to class the ACKs of them.
const memoryLimit = 1 << 13

// Tally is the ledger of one run: feed it every event with Observe.
type Tally struct {
	conns   map[connKey]*Conn
	apps    map[string]*App
	order   []*App            // apps in the order they appeared
	kinds   map[uint64]Class  // heartbeat and keepalive segments by packet ID: what their ACKs are
	pending map[connKey]Count // a SYN delivered before its passive open's socket existed
	last    time.Duration     // the time of the latest event
}

type connKey struct{ host, tuple string }

// New returns an empty ledger.
func New() *Tally {
	return &Tally{conns: map[connKey]*Conn{}, apps: map[string]*App{}, kinds: map[uint64]Class{},
		pending: map[connKey]Count{}}
}

// Now is the time of the latest event observed.
func (t *Tally) Now() time.Duration { return t.last }

// Conn is the ledger of a live connection end, nil if there is none.
func (t *Tally) Conn(host, tuple string) *Conn { return t.conns[connKey{host, tuple}] }

// Conns lists the ledgers of the connection ends open now, by host and
// 5-tuple.
func (t *Tally) Conns() []*Conn {
	out := make([]*Conn, 0, len(t.conns))
	for _, c := range t.conns {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b *Conn) int {
		if c := strings.Compare(a.Host, b.Host); c != 0 {
			return c
		}
		return strings.Compare(a.Tuple, b.Tuple)
	})
	return out
}

// App is the ledger of an app ("clients" for every clients#n), nil if it
// has done nothing yet.
func (t *Tally) App(name string) *App { return t.apps[name] }

// Apps lists the apps in the order they first appeared.
func (t *Tally) Apps() []*App { return slices.Clone(t.order) }

// Base is an app's name without a group's "#17".
func Base(name string) string {
	if i := strings.LastIndexByte(name, '#'); i >= 0 {
		return name[:i]
	}
	return name
}

func (t *Tally) app(name string) *App {
	base := Base(name)
	a := t.apps[base]
	if a == nil {
		a = &App{Name: base}
		t.apps[base] = a
		t.order = append(t.order, a)
	}
	return a
}

// Observe takes one event of the run, in order.
func (t *Tally) Observe(e netsim.Event) {
	t.last = e.When()
	switch e := e.(type) {
	case *netsim.SegmentEvent:
		t.segment(e)
	case *netsim.StateEvent:
		t.state(e)
	case *lab.AppEvent:
		t.appEvent(e)
	case *lab.DetectEvent:
		if !e.Cause.ConnectFailure() {
			t.app(e.App).detected(e.Silent)
		}
	}
}

// state follows a connection's life: it appears with its first state
// (owned by the process the event names), is established, and is gone.
func (t *Tally) state(e *netsim.StateEvent) {
	if e.From == netsim.Listen && e.To == netsim.Closed || e.To == netsim.Listen {
		return // a listening socket
	}
	k := connKey{e.Host, e.Conn}
	c := t.conns[k]
	if c == nil {
		if e.To == netsim.Closed || e.Proc == "" {
			return
		}
		c = &Conn{Host: e.Host, Tuple: e.Conn, Proc: e.Proc, app: t.app(e.Proc)}
		t.conns[k] = c
		if n, ok := t.pending[k]; ok {
			delete(t.pending, k)
			c.count(&c.Recv, Control, n)
		}
	}
	switch {
	case e.To == netsim.Established:
		c.since, c.up = e.At, true
	case c.up:
		c.app.established += e.At - c.since
		c.up = false
	}
	if e.To == netsim.Closed || e.To == netsim.TimeWait {
		delete(t.conns, k)
	}
}

// segment counts a packet sent by, or delivered to, a host's socket.
func (t *Tally) segment(e *netsim.SegmentEvent) {
	p := &e.Packet
	if p.Proto != netsim.TCP || e.Fate == netsim.FateDropped || e.Where == "" {
		return
	}
	class := t.classOf(e)
	n := Count{Segments: 1, Bytes: uint64(p.WireSize())}
	if e.Fate == netsim.FateSent {
		if e.Where != e.SrcHost {
			return
		}
		c := t.conns[connKey{e.Where, p.Tuple()}]
		if c == nil {
			return
		}
		c.count(&c.Sent, class, n)
		if p.Story.Trigger == netsim.TriggerConnect {
			c.app.Attempts.Add(e.At, 1)
		}
		return
	}
	k := connKey{e.Where, "tcp " + p.Dst.String() + " > " + p.Src.String()}
	c := t.conns[k]
	if c == nil {
		if p.Flags&(netsim.SYN|netsim.ACK) == netsim.SYN {
			if len(t.pending) >= memoryLimit {
				clear(t.pending)
			}
			t.pending[k] = n
		}
		return
	}
	c.count(&c.Recv, class, n)
}

// classOf says what a segment is for, and remembers heartbeats and
// keepalive probes so that the ACKs of them count with them.
func (t *Tally) classOf(e *netsim.SegmentEvent) Class {
	p := &e.Packet
	switch p.Note {
	case netsim.NoteRetransmission, netsim.NoteTailLossProbe, netsim.NoteFastRetransmission:
		return Retransmission
	case netsim.NoteKeepalive:
		t.remember(p.ID, Keepalive)
		return Keepalive
	case netsim.NoteZeroWindowProbe:
		return Control
	}
	switch {
	case len(p.Payload) > 0 && (e.Msg == "heartbeat" || e.Msg == "heartbeat_ack"):
		t.remember(p.ID, Heartbeat)
		return Heartbeat
	case len(p.Payload) > 0:
		return Data
	case p.Flags&(netsim.SYN|netsim.FIN|netsim.RST) != 0:
		return Control
	}
	if c, ok := t.kinds[p.Story.Answers]; ok && p.Story.Answers != 0 {
		return c
	}
	if c, ok := t.kinds[p.Story.Acks]; ok && p.Story.Acks != 0 {
		return c
	}
	return ACK
}

func (t *Tally) remember(id uint64, c Class) {
	if len(t.kinds) >= memoryLimit {
		clear(t.kinds)
	}
	t.kinds[id] = c
}

// appEvent counts a poller's requests and news.
func (t *Tally) appEvent(e *lab.AppEvent) {
	switch {
	case e.Dir == "send" && e.Msg == "poll":
		p := t.app(e.App).poll()
		p.Requests++
		p.BytesSent += uint64(e.Bytes)
	case e.Dir == "recv" && (e.Msg == "poll_response" || e.Msg == "push"):
		p := t.app(e.App).poll()
		p.BytesRecv += uint64(e.Bytes)
		p.Items += uint64(e.Items)
		p.Latency += e.Latency
		p.MaxLatency = max(p.MaxLatency, e.MaxLatency)
	}
}
