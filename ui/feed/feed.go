package feed

import (
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/netsim"
)

// Capacities of the feed's buffers: what the wire and the log can scroll
// back through. They bound the memory of a long run and, with rendering
// that reads only the rows on screen, the cost of a frame.
const (
	WireCapacity = 4096
	LogCapacity  = 512
)

// FoldWindow is how close in simulated time similar rows must come to be
// folded into one.
const FoldWindow = time.Second

// RowKind says what a wire row shows.
type RowKind uint8

const (
	RowSegment   RowKind = iota // a packet between two lanes
	RowFault                    // a fault or repair
	RowDetect                   // a side concludes its peer is gone
	RowReconnect                // a reconnection step
	RowFlow                     // a middlebox forgot or picked up a flow
	RowParam                    // a parameter changed live
)

// Row is one line of the ladder diagram. A segment's row is added when the
// packet is sent and completed when it is delivered or dropped.
type Row struct {
	Kind RowKind
	At   time.Duration
	// Event is the event the row was made from: for a packet, its sent
	// event (End is its delivery or drop, nil while in flight).
	Event netsim.Event
	End   *netsim.SegmentEvent

	// A segment.
	ID       uint64
	Proto    netsim.Proto
	Src, Dst string      // nodes: the sender, and the receiver (tentative until delivered)
	Fate     netsim.Fate // netsim.FateSent while in flight
	Why      string      // drop reason
	Where    string      // where it was delivered or dropped: a node or a link "a-b"
	Flags    netsim.Flags
	Seq, Ack uint32 // relative, like Wireshark
	Length   int
	Note     netsim.Note
	Msg      string
	Beat     uint32 // a heartbeat's number, 0 when unknown
	Tuple    string // "10.0.0.2:50312 > 10.0.0.1:8080" as on this wire

	// Any other row: its text, and how many rows like it (the same words,
	// other numbers: a thousand clients reconnecting) were folded into it.
	Text string
	More int
}

// Entry is one paragraph of "what is happening".
type Entry struct {
	At      time.Duration
	Text    string
	Teaches bool // the scenario's lesson, shown first
	More    int  // narrations like it folded into this one
}

// Feed receives the session's events (it is the session's observer) and
// keeps what the interface shows of them. It is shared by pointer between
// copies of a Bubble Tea model: events arrive while the model steps the
// session.
type Feed struct {
	Wire *Ring[Row]
	Log  *Ring[Entry]

	Events      uint64 // every event seen
	Interesting uint64 // detections, faults and TCP state changes seen
	Detects     uint64
	// LastInteresting words the latest interesting event, for the note a
	// jump leaves on the status line.
	LastInteresting string

	inflight map[uint64]uint64    // packet ID → wire row sequence number
	beats    map[string][]beatTag // connection tuple → heartbeats written, not yet seen on the wire

	teaches string // the scenario's lesson, to skip if the lab narrates it too

	// Rows and narrations that differ only in their numbers and come
	// within FoldWindow of the first are folded into it: shape → the
	// sequence number of the row (or log entry) that holds them.
	wireFold, logFold map[string]uint64
}

// beatTag is a heartbeat the application wrote, waiting for its segment.
type beatTag struct {
	msg string
	seq uint32
}

// New makes the feed of a run whose scenario teaches the given text: the
// lesson is the log's first entry.
func New(teaches string) *Feed {
	f := &Feed{
		Wire:     NewRing[Row](WireCapacity),
		Log:      NewRing[Entry](LogCapacity),
		inflight: map[uint64]uint64{},
		beats:    map[string][]beatTag{},
		wireFold: map[string]uint64{},
		logFold:  map[string]uint64{},
		teaches:  lab.Teaches(teaches),
	}
	if f.teaches != "" {
		f.Log.Push(Entry{Text: f.teaches, Teaches: true})
	}
	return f
}

// Observe takes one event of the run. It is called by the session, in
// order, and must stay cheap: it runs for every event of the simulation.
func (f *Feed) Observe(e netsim.Event) {
	f.Events++
	switch e := e.(type) {
	case *netsim.SegmentEvent:
		f.segment(e)
	case *lab.AppEvent:
		f.app(e)
	case *lab.NarrationEvent:
		if e.Text != f.teaches {
			f.narrate(e)
		}
	case *netsim.StateEvent:
		f.Interesting++
		f.LastInteresting = e.Host + " " + e.From.String() + " → " + e.To.String()
	case *netsim.FaultEvent:
		f.Interesting++
		f.LastInteresting = FaultText(e)
		f.textRow(RowFault, e, f.LastInteresting)
	case *lab.DetectEvent:
		f.Interesting++
		f.Detects++
		f.LastInteresting = DetectText(e)
		f.textRow(RowDetect, e, f.LastInteresting)
	case *lab.ReconnectEvent:
		f.textRow(RowReconnect, e, ReconnectText(e))
	case *netsim.FlowEvent:
		if e.Action == netsim.FlowExpired || e.Action == netsim.FlowPickedUp {
			f.textRow(RowFlow, e, FlowText(e))
		}
	case *lab.ParamEvent:
		f.textRow(RowParam, e, e.Path+" = "+e.Value)
	}
}

// textRow adds a row that is not a packet, or folds it into a recent row
// like it.
func (f *Feed) textRow(kind RowKind, e netsim.Event, text string) {
	at := e.When()
	key := string(rune('0'+kind)) + Shape(text)
	if seq, ok := f.wireFold[key]; ok {
		if r := f.Wire.At(seq); r != nil && r.Kind == kind && at-r.At <= FoldWindow {
			r.More++
			return
		}
	}
	if len(f.wireFold) > 256 {
		clear(f.wireFold)
	}
	f.wireFold[key] = f.Wire.Push(Row{Kind: kind, At: at, Event: e, Text: text})
}

// narrate adds a narration to the log, or folds it into a recent one like
// it.
func (f *Feed) narrate(e *lab.NarrationEvent) {
	key := Shape(e.Text)
	if seq, ok := f.logFold[key]; ok {
		if l := f.Log.At(seq); l != nil && e.At-l.At <= FoldWindow {
			l.More++
			return
		}
	}
	if len(f.logFold) > 256 {
		clear(f.logFold)
	}
	f.logFold[key] = f.Log.Push(Entry{At: e.At, Text: e.Text})
}

// Shape is text with every run of digits replaced by one '#': what stays
// the same when a thousand clients do the same thing.
func Shape(text string) string {
	b := make([]byte, 0, len(text))
	digits := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= '0' && c <= '9' {
			if !digits {
				b = append(b, '#')
			}
			digits = true
			continue
		}
		digits = false
		b = append(b, c)
	}
	return string(b)
}

// segment adds a packet's row when it is sent and completes it when the
// packet arrives or dies.
func (f *Feed) segment(e *netsim.SegmentEvent) {
	p := &e.Packet
	if e.Fate == netsim.FateSent {
		row := Row{Kind: RowSegment, At: e.At, Event: e, ID: p.ID, Proto: p.Proto, Src: e.SrcHost, Dst: e.DstHost,
			Fate: netsim.FateSent, Flags: p.Flags, Seq: p.Seq, Ack: p.Ack, Length: len(p.Payload),
			Note: p.Note, Msg: p.Msg, Tuple: p.Src.String() + " > " + p.Dst.String()}
		if p.Rel {
			row.Seq, row.Ack = p.RelSeq, p.RelAck
		}
		if row.Src == "" {
			row.Src = e.Where
		}
		row.Beat = f.beatOf(p)
		seq := f.Wire.Push(row)
		if old := f.Wire.First(); len(f.inflight) > WireCapacity {
			// Packets whose rows scrolled away: forget them.
			for id, s := range f.inflight {
				if s < old {
					delete(f.inflight, id)
				}
			}
		}
		f.inflight[p.ID] = seq
		return
	}
	seq, ok := f.inflight[p.ID]
	if !ok {
		return
	}
	delete(f.inflight, p.ID)
	if row := f.Wire.At(seq); row != nil && row.ID == p.ID {
		row.Fate, row.Why, row.Where, row.End = e.Fate, e.Why.String(), e.Where, e
	}
}

// app remembers the number of each heartbeat written, so that the segment
// carrying it can be named "ping #7".
func (f *Feed) app(e *lab.AppEvent) {
	if e.Dir != "send" || e.Seq == 0 || (e.Msg != "heartbeat" && e.Msg != "heartbeat_ack") {
		return
	}
	if len(f.beats) > 4096 {
		clear(f.beats) // connections come and go: keep the map small
	}
	q := f.beats[e.Conn]
	if len(q) >= 16 {
		q = q[1:]
	}
	f.beats[e.Conn] = append(q, beatTag{msg: e.Msg, seq: e.Seq})
}

// beatOf pops the heartbeat number a first transmission carries.
func (f *Feed) beatOf(p *netsim.Packet) uint32 {
	if p.Note != 0 || (p.Msg != "heartbeat" && p.Msg != "heartbeat_ack") {
		return 0
	}
	key := p.Tuple()
	q := f.beats[key]
	for i, b := range q {
		if b.msg == p.Msg {
			f.beats[key] = append(q[:i:i], q[i+1:]...)
			return b.seq
		}
	}
	return 0
}
