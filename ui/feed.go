package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/netsim"
)

// Capacities of the feed's buffers: what the wire and the log can scroll
// back through. They bound the memory of a long run and, with rendering
// that reads only the rows on screen, the cost of a frame.
const (
	wireCapacity = 4096
	logCapacity  = 512
)

// rowKind says what a wire row shows.
type rowKind uint8

const (
	rowSegment   rowKind = iota // a packet between two lanes
	rowFault                    // a fault or repair
	rowDetect                   // a side concludes its peer is gone
	rowReconnect                // a reconnection step
	rowFlow                     // a middlebox forgot or picked up a flow
	rowParam                    // a parameter changed live
)

// wireRow is one line of the ladder diagram. A segment's row is added when
// the packet is sent and completed when it is delivered or dropped.
type wireRow struct {
	kind rowKind
	at   time.Duration
	// A segment.
	id        uint64
	proto     netsim.Proto
	src, dst  string      // nodes: the sender, and the receiver (tentative until delivered)
	fate      netsim.Fate // netsim.FateSent while in flight
	why       string      // drop reason
	where     string      // where it was delivered or dropped: a node or a link "a-b"
	flags     netsim.Flags
	seq, ack  uint32 // relative, like Wireshark
	length    int
	note, msg string
	beat      uint32 // a heartbeat's number, 0 when unknown
	tuple     string // "10.0.0.2:50312 > 10.0.0.1:8080" as on this wire
	// Any other row: its text, and how many rows like it (the same words,
	// other numbers: a thousand clients reconnecting) were folded into it.
	text string
	more int
}

// logEntry is one paragraph of "what is happening".
type logEntry struct {
	at      time.Duration
	text    string
	teaches bool // the scenario's lesson, shown first
	more    int  // narrations like it folded into this one
}

// feed receives the session's events (it is the session's observer) and
// keeps what the interface shows of them. It is shared by pointer between
// copies of the Model: events arrive while the model steps the session.
type feed struct {
	wire *ring[wireRow]
	log  *ring[logEntry]

	inflight map[uint64]uint64    // packet ID → wire row sequence number
	beats    map[string][]beatTag // connection tuple → heartbeats written, not yet seen on the wire

	events      uint64 // every event seen
	interesting uint64 // detections, faults and TCP state changes seen
	detects     uint64
	// lastInteresting words the latest interesting event, for the note a
	// jump leaves on the status line.
	lastInteresting string

	teaches string // the scenario's lesson, to skip if the lab narrates it too

	// Rows and narrations that differ only in their numbers and come
	// within foldWindow of the first are folded into it: shape → the
	// sequence number of the row (or log entry) that holds them.
	wireFold, logFold map[string]uint64
}

// foldWindow is how close in simulated time similar rows must come to be
// folded into one.
const foldWindow = time.Second

// beatTag is a heartbeat the application wrote, waiting for its segment.
type beatTag struct {
	msg string
	seq uint32
}

func newFeed(teaches string) *feed {
	f := &feed{
		wire:     newRing[wireRow](wireCapacity),
		log:      newRing[logEntry](logCapacity),
		inflight: map[uint64]uint64{},
		beats:    map[string][]beatTag{},
		wireFold: map[string]uint64{},
		logFold:  map[string]uint64{},
		teaches:  lab.Teaches(teaches),
	}
	if f.teaches != "" {
		f.log.push(logEntry{text: f.teaches, teaches: true})
	}
	return f
}

// observe takes one event of the run. It is called by the session, in
// order, and must stay cheap: it runs for every event of the simulation.
func (f *feed) observe(e netsim.Event) {
	f.events++
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
		f.interesting++
		f.lastInteresting = e.Host + " " + e.From.String() + " → " + e.To.String()
	case *netsim.FaultEvent:
		f.interesting++
		f.lastInteresting = faultText(e)
		f.textRow(rowFault, e.At, f.lastInteresting)
	case *lab.DetectEvent:
		f.interesting++
		f.detects++
		f.lastInteresting = detectText(e)
		f.textRow(rowDetect, e.At, f.lastInteresting)
	case *lab.ReconnectEvent:
		f.textRow(rowReconnect, e.At, reconnectText(e))
	case *netsim.FlowEvent:
		if e.Action == netsim.FlowExpired || e.Action == netsim.FlowPickedUp {
			f.textRow(rowFlow, e.At, flowText(e))
		}
	case *lab.ParamEvent:
		f.textRow(rowParam, e.At, e.Path+" = "+e.Value)
	}
}

// textRow adds a row that is not a packet, or folds it into a recent row
// like it.
func (f *feed) textRow(kind rowKind, at time.Duration, text string) {
	key := string(rune('0'+kind)) + shape(text)
	if seq, ok := f.wireFold[key]; ok {
		if r := f.wire.at(seq); r != nil && r.kind == kind && at-r.at <= foldWindow {
			r.more++
			return
		}
	}
	if len(f.wireFold) > 256 {
		clear(f.wireFold)
	}
	f.wireFold[key] = f.wire.push(wireRow{kind: kind, at: at, text: text})
}

// narrate adds a narration to the log, or folds it into a recent one like
// it.
func (f *feed) narrate(e *lab.NarrationEvent) {
	key := shape(e.Text)
	if seq, ok := f.logFold[key]; ok {
		if l := f.log.at(seq); l != nil && e.At-l.at <= foldWindow {
			l.more++
			return
		}
	}
	if len(f.logFold) > 256 {
		clear(f.logFold)
	}
	f.logFold[key] = f.log.push(logEntry{at: e.At, text: e.Text})
}

// shape is text with every run of digits replaced by one '#': what stays
// the same when a thousand clients do the same thing.
func shape(text string) string {
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
func (f *feed) segment(e *netsim.SegmentEvent) {
	p := &e.Packet
	if e.Fate == netsim.FateSent {
		row := wireRow{kind: rowSegment, at: e.At, id: p.ID, proto: p.Proto, src: e.SrcHost, dst: e.DstHost,
			fate: netsim.FateSent, flags: p.Flags, seq: p.Seq, ack: p.Ack, length: len(p.Payload),
			note: p.Note.String(), msg: p.Msg, tuple: p.Src.String() + " > " + p.Dst.String()}
		if p.Rel {
			row.seq, row.ack = p.RelSeq, p.RelAck
		}
		if row.src == "" {
			row.src = e.Where
		}
		row.beat = f.beatOf(p)
		seq := f.wire.push(row)
		if old := f.wire.first(); len(f.inflight) > wireCapacity {
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
	if row := f.wire.at(seq); row != nil && row.id == p.ID {
		row.fate, row.why, row.where = e.Fate, e.Why.String(), e.Where
	}
}

// app remembers the number of each heartbeat written, so that the segment
// carrying it can be named "ping #7".
func (f *feed) app(e *lab.AppEvent) {
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
func (f *feed) beatOf(p *netsim.Packet) uint32 {
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

// faultText words a fault for the wire.
func faultText(e *netsim.FaultEvent) string {
	words := map[string]string{
		"power_off": "lost power", "power_on": "powered on", "crash": "crashed", "restart": "restarted",
		"freeze": "frozen", "thaw": "thawed", "link_down": "cable pulled", "link_up": "cable plugged in",
		"partition": "partitioned", "heal": "healed", "firewall_expire": "forgets its flows", "expire": "forgets its flows",
		"stop": "stopped", "link_config": "reconfigured", "idle_timeout": "idle timeout set", "loss": "loss set",
	}
	what, ok := words[e.Action]
	if !ok {
		what = strings.ReplaceAll(e.Action, "_", " ")
	}
	s := processName(e.Target) + " " + what
	for _, st := range e.Settings {
		if k, ok := strings.CutSuffix(st.Key, "_ns"); ok {
			if n, isInt := st.Value.(int64); isInt {
				s += " " + k + "=" + fmtDur(time.Duration(n))
				continue
			}
		}
		s += " " + st.Key + "=" + settingText(st.Value)
	}
	return s
}

func settingText(v any) string {
	switch v := v.(type) {
	case []string:
		return strings.Join(v, ",")
	case time.Duration:
		return netsim.FormatDuration(v)
	}
	return fmt.Sprint(v)
}

// detectText: "server: 10.0.0.2:50312 is gone (heartbeat timeout, silent 45.0s)".
func detectText(e *lab.DetectEvent) string {
	s := e.Host + ": " + e.Peer + " is gone (" + strings.ReplaceAll(e.Cause.String(), "_", " ")
	if e.Silent > 0 {
		s += ", silent " + fmtDur(e.Silent)
	}
	return s + ")"
}

func reconnectText(e *lab.ReconnectEvent) string {
	who := e.App
	if who == "" {
		who = e.Host
	}
	switch e.Outcome {
	case lab.ReconnectScheduled:
		return who + " will reconnect in " + fmtDur(e.Delay) + " (attempt " + itoa(e.Attempt) + ")"
	case lab.ReconnectConnected:
		return who + " reconnected (attempt " + itoa(e.Attempt) + ")"
	}
	return who + " reconnect attempt " + itoa(e.Attempt) + " failed: " + e.Error
}

func flowText(e *netsim.FlowEvent) string {
	if e.Action == netsim.FlowPickedUp {
		return e.Box + " picked up " + e.Inside.String() + " > " + e.Outside.String() + " mid-stream"
	}
	return e.Box + " forgot " + e.Inside.String() + " > " + e.Outside.String() + " after " + fmtDur(e.Idle) + " idle"
}

// processName renders a fault's "host/process" target as "process" when
// they share a name, "process (on host)" when not.
func processName(target string) string {
	host, proc, ok := strings.Cut(target, "/")
	switch {
	case !ok:
		return target
	case proc == host:
		return proc
	}
	return proc + " (on " + host + ")"
}
