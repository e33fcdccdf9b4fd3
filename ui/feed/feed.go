package feed

import (
	"strings"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/script"
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
	RowState                    // a TCP state change of one end
	RowLog                      // an application wrote a line to its log
	RowNotice                   // an application told its user
	RowSyscall                  // a socket call of a script and its result, on its host's lane
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
	Why      netsim.Why  // drop reason
	Where    string      // where it was delivered or dropped: a node or a link "a-b"
	Flags    netsim.Flags
	Seq, Ack uint32 // relative to each side's initial sequence number, like Wireshark
	Length   int
	Note     netsim.Note
	Msg      string
	Beat     uint32 // a heartbeat's number, 0 when unknown
	Tuple    string // "10.0.0.2:50312 > 10.0.0.1:8080" as on this wire

	// Port tags the connection a row belongs to: the port of its client
	// end as on this wire (0 for a row of no connection), so that two
	// connections sharing a lane can be told apart. The connections pane
	// shows the same port in its 5-tuples.
	Port uint16

	// A TCP state change: whose end (Host, as Src), from and to.
	From, To netsim.State

	// Owners name the application instances a row belongs to: for a
	// packet, the owners of its sending and its receiving socket (as the
	// tcp_state events name them; "" when unknown); for a state change,
	// its socket's; for a detection, a reconnection, a log line or a
	// notice, who did it. The filter matches on them.
	Owners [2]string

	// Any other row: its text, a message rendered in the reader's
	// language, and how many rows like it (the same words, other numbers:
	// a thousand clients reconnecting) were folded into it. A detection's
	// or reconnection's row also has who (its application instance, else
	// its host) and what it says, apart: Text is the two together.
	Text i18n.Message
	More int
	Who  string
	Says i18n.Message
	// Short is what a detection's or reconnection's row says when its
	// words do not fit a narrow wire: without the peer, whom the port
	// column names (zero: the row has no shorter words).
	Short i18n.Message
}

// Entry is one paragraph of "what is happening": its message, to render
// in the reader's language, and its text in English.
type Entry struct {
	At      time.Duration
	Msg     i18n.Message // rendered in the reader's language
	Teaches bool         // the scenario's lesson, shown first
	More    int          // narrations like it folded into this one
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
	LastInteresting i18n.Message

	inflight map[uint64]uint64    // packet ID → wire row sequence number
	beats    map[string][]beatTag // connection tuple → heartbeats written, not yet seen on the wire
	conns    map[pair]connInfo    // what the wire has shown of each connection
	owners   map[string]string    // host + " " + socket's tuple → the process that owns it

	// keep, when set, decides which rows the wire keeps (a filtered
	// feed: NewFiltered); held are packets whose row waits for their fate
	// to be decided on.
	keep Filter
	held map[uint64]Row

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

// New makes the feed of a run whose scenario teaches the given text (in
// one language or both): the lesson is the log's first entry.
func New(teaches i18n.Text) *Feed {
	f := &Feed{
		Wire:     NewRing[Row](WireCapacity),
		Log:      NewRing[Entry](LogCapacity),
		inflight: map[uint64]uint64{},
		beats:    map[string][]beatTag{},
		conns:    map[pair]connInfo{},
		owners:   map[string]string{},
		held:     map[uint64]Row{},
		wireFold: map[string]uint64{},
		logFold:  map[string]uint64{},
	}
	if !teaches.IsZero() {
		f.Log.Push(Entry{Msg: lab.Lesson(teaches), Teaches: true})
	}
	return f
}

// NewFiltered makes a feed whose wire keeps only the rows filter matches
// (its log keeps everything): fed a run from its start, its wire holds the
// rows of the whole run that match, not only those the full wire still
// holds.
func NewFiltered(teaches i18n.Text, filter Filter) *Feed {
	f := New(teaches)
	f.keep = filter
	return f
}

// Filter is the filter the feed's wire keeps rows by (the zero Filter for
// a full feed).
func (f *Feed) Filter() Filter { return f.keep }

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
		if e.Msg.ID != i18n.NarrateLesson { // the lesson is the log's first entry already
			f.narrate(e)
		}
	case *netsim.StateEvent:
		f.Interesting++
		f.LastInteresting = StateText(e)
		f.state(e)
	case *netsim.FaultEvent:
		f.Interesting++
		f.LastInteresting = FaultText(e)
		f.textRow(RowFault, e, f.LastInteresting, 0)
	case *lab.DetectEvent:
		f.Interesting++
		f.Detects++
		f.LastInteresting = DetectText(e)
		f.actorRow(RowDetect, e, Who(e.Host, e.App), e.Message(), e.ShortMessage(), f.portOf(e.Conn))
	case *lab.ReconnectEvent:
		if !e.EchoesDetect() { // the detection's row says it: one fact, one row
			f.actorRow(RowReconnect, e, Who(e.Host, e.App), e.Message(), e.ShortMessage(), f.portOf(e.Conn))
		}
	case *lab.LogEvent:
		if !e.EchoesDetect() {
			f.actorRow(RowLog, e, Who(e.Host, e.App), e.Msg, i18n.Message{}, f.portOf(e.Conn))
		}
	case *lab.NoticeEvent:
		f.actorRow(RowNotice, e, Who(e.Host, e.App), i18n.M(i18n.UIRowNotice, "Text", e.Msg), i18n.Message{}, 0)
	case *netsim.FlowEvent:
		if e.Action == netsim.FlowExpired || e.Action == netsim.FlowPickedUp {
			f.textRow(RowFlow, e, FlowText(e), f.portOf(e.Inside.String()+" > "+e.Outside.String()))
		}
	case *script.SyscallEvent:
		f.syscall(e)
	case *lab.ParamEvent:
		// Never folded: each change is a row, so the value that holds now
		// is the newest row's.
		f.push(Row{Kind: RowParam, At: e.At, Event: e, Text: ParamText(e)})
	}
}

// push adds a row to the wire, if the feed keeps it, and returns its
// sequence number (ok false when it did not keep it).
func (f *Feed) push(r Row) (seq uint64, ok bool) {
	if f.keep.active() && !f.keep.Match(&r) {
		return 0, false
	}
	return f.Wire.Push(r), true
}

// state adds a TCP state change's row, or folds it into a recent one of
// the same host and change (a thousand clients connecting).
func (f *Feed) state(e *netsim.StateEvent) {
	f.own(e)
	port := f.portOf(e.Conn)
	r := Row{Kind: RowState, At: e.At, Event: e, Src: e.Host, From: e.From, To: e.To,
		Tuple: e.Conn, Port: port, Owners: [2]string{e.Proc}}
	key := "s" + e.Host + e.From.String() + e.To.String()
	if f.keep.active() {
		if !f.keep.Match(&r) {
			return
		}
		key += e.Proc // a filtered wire folds only the rows it keeps
	}
	if f.fold(key, RowState, e.At) {
		return
	}
	f.wireFold[key] = f.Wire.Push(r)
}

// own remembers which process owns a socket, from its state changes, until
// it is closed.
func (f *Feed) own(e *netsim.StateEvent) {
	k := e.Host + " " + e.Conn
	switch {
	case e.To == netsim.Closed:
		delete(f.owners, k)
	case e.Proc != "":
		if len(f.owners) > 1<<16 {
			clear(f.owners) // a safety net: closed sockets are forgotten as they go
		}
		f.owners[k] = e.Proc
	}
}

// ownerOf is the process owning host's socket of the packet: the one it
// left from, or (reverse) the one it arrives at; "" when unknown.
func (f *Feed) ownerOf(host string, p *netsim.Packet, reverse bool) string {
	if host == "" || p.Proto != netsim.TCP {
		return ""
	}
	if reverse {
		return f.owners[host+" tcp "+p.Dst.String()+" > "+p.Src.String()]
	}
	return f.owners[host+" tcp "+p.Src.String()+" > "+p.Dst.String()]
}

// syscall adds a script's call as a row on its host's lane, "[app] "
// before it when the app is not named after its host. The same call by
// other apps folds into one row (a thousand clients connecting); a
// program's own successive calls never do: each is a step of the program
// (write-after-close's second EPIPE is a write of its own).
func (f *Feed) syscall(e *script.SyscallEvent) {
	text := SyscallText(e, false)
	r := Row{Kind: RowSyscall, At: e.At, Event: e, Src: e.Host, Text: text, Port: f.portOf(e.Conn), Owners: [2]string{e.App}}
	if f.keep.active() && !f.keep.Match(&r) {
		return
	}
	key := "c" + e.Host + Shape(text.String())
	if seq, ok := f.wireFold[key]; ok {
		if last := f.Wire.At(seq); last != nil && last.Owners[0] == e.App {
			delete(f.wireFold, key) // the same program again: a row of its own
		}
	}
	if f.fold(key, RowSyscall, e.At) {
		return
	}
	f.wireFold[key] = f.Wire.Push(r)
}

// SyscallText is a script's call as its row says it: "[clients#3]
// connect(3, 10.0.0.1:8080) = -1 ETIMEDOUT <133.9 s>". Short keeps only
// the descriptor of the arguments, "connect(3, …) = -1 ETIMEDOUT <133.9
// s>", for a row too narrow for them: the port column and the connections
// pane name the peer.
func SyscallText(e *script.SyscallEvent, short bool) i18n.Message {
	call := e.Text()
	if short {
		if fd, rest, ok := strings.Cut(e.Args, ", "); ok && rest != "" {
			c := *e
			c.Args = fd + ", …"
			call = c.Text()
		}
	}
	if e.App != e.Host {
		return i18n.M(i18n.ScriptRowApp, "App", e.App, "Call", call)
	}
	return i18n.M(i18n.ScriptRow, "Call", call)
}

// textRow adds a row that is not a packet, or folds it into a recent row
// like it (alike in English, so in every language).
func (f *Feed) textRow(kind RowKind, e netsim.Event, text i18n.Message, port uint16) {
	key := string(rune('0'+kind)) + Shape(text.String())
	if f.fold(key, kind, e.When()) {
		return
	}
	if seq, ok := f.push(Row{Kind: kind, At: e.When(), Event: e, Text: text, Port: port}); ok {
		f.wireFold[key] = seq
	}
}

// actorRow adds a row of who's doing (a detection, a reconnection), or
// folds it into a recent row like it.
func (f *Feed) actorRow(kind RowKind, e netsim.Event, who string, msg, short i18n.Message, port uint16) {
	text := i18n.M(i18n.UIRowActor, "Who", who, "What", msg)
	r := Row{Kind: kind, At: e.When(), Event: e, Text: text, Who: who, Says: msg, Port: port, Owners: [2]string{who}}
	if port != 0 {
		r.Short = short
	}
	key := string(rune('0'+kind)) + Shape(text.String())
	if f.keep.active() {
		if !f.keep.Match(&r) {
			return
		}
		key += who
	}
	if f.fold(key, kind, e.When()) {
		return
	}
	f.wireFold[key] = f.Wire.Push(r)
}

// fold counts a row of kind at time at into the recent row folded under
// key, if there is one within FoldWindow; false means the caller pushes a
// new row and files it under key.
func (f *Feed) fold(key string, kind RowKind, at time.Duration) bool {
	if seq, ok := f.wireFold[key]; ok {
		if r := f.Wire.At(seq); r != nil && r.Kind == kind && at-r.At <= FoldWindow {
			r.More++
			return true
		}
	}
	if len(f.wireFold) > 256 {
		clear(f.wireFold)
	}
	return false
}

// narrate adds a narration to the log, or folds it into a recent one like
// it. A setting's new value is never folded: the newest entry says the
// value that holds now.
func (f *Feed) narrate(e *lab.NarrationEvent) {
	if settings[e.Msg.ID] {
		f.Log.Push(Entry{At: e.At, Msg: e.Msg})
		return
	}
	key := Shape(e.Msg.String())
	if seq, ok := f.logFold[key]; ok {
		if l := f.Log.At(seq); l != nil && e.At-l.At <= FoldWindow {
			l.More++
			return
		}
	}
	if len(f.logFold) > 256 {
		clear(f.logFold)
	}
	f.logFold[key] = f.Log.Push(Entry{At: e.At, Msg: e.Msg})
}

// settings are the narrations of a value set live, each its own entry.
var settings = map[i18n.ID]bool{i18n.NarrateSet: true, i18n.NarrateSetOff: true, i18n.NarrateLoss: true, i18n.NarrateLatency: true}

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
			Fate: netsim.FateSent, Flags: p.Flags, Length: len(p.Payload),
			Note: p.Note, Msg: e.Msg, Tuple: p.Src.String() + " > " + p.Dst.String()}
		row.Seq, row.Ack, row.Port = f.relative(p)
		if row.Src == "" {
			row.Src = e.Where
		}
		row.Beat = f.beatOf(e)
		row.Owners = [2]string{f.ownerOf(e.Where, p, false), f.ownerOf(e.DstHost, p, true)}
		if f.keep.active() && f.keep.NeedsFate() {
			if len(f.held) > WireCapacity {
				clear(f.held) // packets that never arrived: forget them
			}
			f.held[p.ID] = row
			return
		}
		seq, ok := f.push(row)
		if !ok {
			return
		}
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
	if row, ok := f.held[p.ID]; ok {
		delete(f.held, p.ID)
		f.complete(&row, e)
		f.push(row)
		return
	}
	seq, ok := f.inflight[p.ID]
	if !ok {
		return
	}
	delete(f.inflight, p.ID)
	if row := f.Wire.At(seq); row != nil && row.ID == p.ID {
		f.complete(row, e)
	}
}

// complete writes a packet's fate into its row.
func (f *Feed) complete(row *Row, e *netsim.SegmentEvent) {
	row.Fate, row.Why, row.Where, row.End = e.Fate, e.Why, e.Where, e
	if row.Owners[1] == "" && e.Fate == netsim.FateDelivered {
		row.Owners[1] = f.ownerOf(e.Where, &e.Packet, true)
	}
}

// FindPacket finds the row of the packet numbered id among the wire's
// rows: its sequence number in the ring.
func (f *Feed) FindPacket(id uint64) (uint64, bool) {
	w := f.Wire
	if w.Len() == 0 {
		return 0, false
	}
	for seq := w.Total() - 1; ; seq-- {
		if r := w.At(seq); r != nil && r.Kind == RowSegment && r.ID == id {
			return seq, true
		}
		if seq == w.First() {
			return 0, false
		}
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
func (f *Feed) beatOf(e *netsim.SegmentEvent) uint32 {
	p := &e.Packet
	if p.Note != 0 || (e.Msg != "heartbeat" && e.Msg != "heartbeat_ack") {
		return 0
	}
	key := p.Tuple()
	q := f.beats[key]
	for i, b := range q {
		if b.msg == e.Msg {
			f.beats[key] = append(q[:i:i], q[i+1:]...)
			return b.seq
		}
	}
	return 0
}
