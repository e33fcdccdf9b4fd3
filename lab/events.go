package lab

import (
	"fmt"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// AppEvent records an application message sent or received.
type AppEvent struct {
	At    time.Duration
	Host  string
	App   string
	Conn  string
	Dir   string // send, recv
	Msg   string // heartbeat, heartbeat_ack, data, poll, poll_response, push, goaway
	Bytes int
	Seq   uint32 // a heartbeat's sequence number (0 when it has none)
	// A poll response or push received: how many news items it brought,
	// the sum of their latencies (publication to arrival) and the
	// largest, the numbers a poller's PollStats add up.
	Items      int
	Latency    time.Duration
	MaxLatency time.Duration
	// Offset is, on a TCP connection, where the message's first byte is
	// in the stream it travels (the bytes this side wrote before it, or
	// received before it): 0 for the first message each way. A reader
	// checks with it that no byte arrives twice or out of order. Over UDP
	// there is no stream: Stream is false.
	Offset uint64
	Stream bool
}

func (e *AppEvent) When() time.Duration { return e.At }
func (e *AppEvent) Kind() string        { return "app" }
func (e *AppEvent) Line() string {
	arrow := "→"
	if e.Dir == "recv" {
		arrow = "←"
	}
	s := fmt.Sprintf("%-9s %-8s %s %s %s (%d B)", "app", e.Host, arrow, e.Msg, e.Conn, e.Bytes)
	if e.Seq != 0 {
		s += fmt.Sprintf(" #%d", e.Seq)
	}
	return s
}
func (e *AppEvent) AppendFields(f *netsim.Fields) {
	f.Str("host", e.Host)
	f.Str("conn", e.Conn)
	f.Str("dir", e.Dir)
	f.Str("msg", e.Msg)
	f.Int("bytes", int64(e.Bytes))
	f.Str("app", e.App)
	if e.Seq != 0 {
		f.Uint("seq", uint64(e.Seq))
	}
	if e.Stream {
		f.Uint("offset", e.Offset)
	}
	if e.Items != 0 {
		f.Int("items", int64(e.Items))
		f.Dur("latency_ns", e.Latency)
		f.Dur("max_latency_ns", e.MaxLatency)
	}
}

// DetectEvent is the moment a side concludes that its peer, or its
// connection, is gone.
type DetectEvent struct {
	At    time.Duration
	Host  string
	App   string
	Conn  string
	Peer  string // the peer's address as this side sees it
	Cause netsim.Cause
	// Silent is how long this side had heard nothing from the peer.
	Silent time.Duration
	// Rule is the rule that fired, with its numbers (i18n.Rule*: "ping #6
	// unanswered within 2s"), for people; the JSON stream has the cause.
	// A DetectEvent made without one says its cause's code.
	Rule i18n.Message
}

func (e *DetectEvent) When() time.Duration { return e.At }
func (e *DetectEvent) Kind() string        { return "detect" }
func (e *DetectEvent) Line() string        { return e.LineIn(i18n.English) }

// LineIn is the line in l.
func (e *DetectEvent) LineIn(l i18n.Lang) string {
	return fmt.Sprintf("%-9s %-8s %s", "detect", e.Host, e.Message().In(l))
}

// Message is what the line says after its host: "10.0.0.2:50312 is gone:
// silent for 45s ≥ heartbeat.expect 45s", "cannot connect to
// 10.0.0.1:8080: no SYN-ACK within 3s".
func (e *DetectEvent) Message() i18n.Message {
	if e.Cause.ConnectFailure() {
		return i18n.M(i18n.EventCannotConnect, "Peer", e.Peer, "Rule", e.rule())
	}
	return i18n.M(i18n.EventGone, "Peer", e.Peer, "Rule", e.rule())
}

// ShortMessage is Message without the peer, for a narrow row whose port
// column names the connection: "gone, silent for 45s ≥ heartbeat.expect
// 45s", "cannot connect, no SYN-ACK within 3s".
func (e *DetectEvent) ShortMessage() i18n.Message {
	if e.Cause.ConnectFailure() {
		return i18n.M(i18n.EventCannotConnectShort, "Rule", e.rule())
	}
	return i18n.M(i18n.EventGoneShort, "Rule", e.rule())
}

// rule is the rule that fired, or the cause's code for an event made
// without one.
func (e *DetectEvent) rule() any {
	if e.Rule.IsZero() {
		return e.Cause
	}
	return e.Rule
}

func (e *DetectEvent) AppendFields(f *netsim.Fields) {
	f.Str("host", e.Host)
	f.Str("conn", e.Conn)
	f.Str("peer", e.Peer)
	f.Str("cause", e.Cause.String())
	f.Str("app", e.App)
	f.Dur("silent_ns", e.Silent)
}

// Reconnect outcomes.
const (
	ReconnectScheduled = "scheduled"
	ReconnectConnected = "connected"
	ReconnectFailed    = "failed"
)

// ReconnectEvent records a step of a client's reconnection.
type ReconnectEvent struct {
	At      time.Duration
	Host    string
	App     string
	Attempt int
	Delay   time.Duration // for scheduled: the wait before the attempt
	Outcome string
	Conn    string // for connected: the new connection
	Error   string // for failed: why, as a code (ETIMEDOUT's cause, an errno)
	// Rule is, for a failed attempt that reached the network, the rule by
	// which it failed, for people ("no SYN-ACK within 3s"); the event
	// stream keeps Error's code.
	Rule i18n.Message
}

func (e *ReconnectEvent) When() time.Duration { return e.At }
func (e *ReconnectEvent) Kind() string        { return "reconnect" }
func (e *ReconnectEvent) Line() string        { return e.LineIn(i18n.English) }

// LineIn is the line in l.
func (e *ReconnectEvent) LineIn(l i18n.Lang) string {
	return fmt.Sprintf("%-9s %-8s %s", "reconnect", e.Host, e.Message().In(l))
}

// Message is what the line says after its host: "attempt 3 in 4s", …
func (e *ReconnectEvent) Message() i18n.Message {
	switch e.Outcome {
	case ReconnectScheduled:
		return i18n.M(i18n.EventAttemptIn, "Attempt", e.Attempt, "Delay", netsim.Shown(e.Delay))
	case ReconnectConnected:
		return i18n.M(i18n.EventAttemptConnected, "Attempt", e.Attempt, "Conn", e.Conn)
	}
	if !e.Rule.IsZero() {
		return i18n.M(i18n.EventAttemptFailed, "Attempt", e.Attempt, "Error", e.Rule)
	}
	return i18n.M(i18n.EventAttemptFailed, "Attempt", e.Attempt, "Error", e.Error)
}

// ShortMessage is Message for a narrow row whose port column names the
// connection: a connected attempt leaves its 5-tuple out ("attempt 4
// connected"); the others are short already.
func (e *ReconnectEvent) ShortMessage() i18n.Message {
	if e.Outcome == ReconnectConnected {
		return i18n.M(i18n.EventAttemptConnectedShort, "Attempt", e.Attempt)
	}
	return e.Message()
}

// EchoesDetect says the event restates the detect event emitted just
// before, at the same instant: a failed attempt that reached the network
// failed by the detection's rule ("no SYN-ACK within 3s"). A view that
// shows the detection shows one fact once and leaves the event out; the
// event stream and `socklab run` keep it.
func (e *ReconnectEvent) EchoesDetect() bool {
	return e.Outcome == ReconnectFailed && !e.Rule.IsZero()
}

func (e *ReconnectEvent) AppendFields(f *netsim.Fields) {
	f.Str("host", e.Host)
	f.Int("attempt", int64(e.Attempt))
	f.Dur("delay_ns", e.Delay)
	f.Str("outcome", e.Outcome)
	f.Str("app", e.App)
	f.OptStr("conn", e.Conn)
	f.OptStr("error", e.Error)
}

// NarrationEvent explains, in plain language, what just happened. It
// carries its message unrendered: whoever shows it renders it in its
// reader's language (LineIn, AppendFieldsIn).
type NarrationEvent struct {
	At  time.Duration
	Msg i18n.Message
}

// Narration makes the narration event of m at time at.
func Narration(at time.Duration, m i18n.Message) *NarrationEvent {
	return &NarrationEvent{At: at, Msg: m}
}

func (e *NarrationEvent) When() time.Duration           { return e.At }
func (e *NarrationEvent) Kind() string                  { return "narration" }
func (e *NarrationEvent) Line() string                  { return e.LineIn(i18n.English) }
func (e *NarrationEvent) AppendFields(f *netsim.Fields) { e.AppendFieldsIn(f, i18n.English) }

// LineIn is the line in l.
func (e *NarrationEvent) LineIn(l i18n.Lang) string {
	return fmt.Sprintf("%-9s %s", "narration", e.Msg.In(l))
}

// AppendFieldsIn writes the text in l, then the message's stable id.
func (e *NarrationEvent) AppendFieldsIn(f *netsim.Fields, l i18n.Lang) {
	f.Str("text", e.Msg.In(l))
	f.Str("id", string(e.Msg.ID))
}

// ParamEvent records a parameter changed while the lab runs.
type ParamEvent struct {
	At    time.Duration
	Path  string
	Value string
}

func (e *ParamEvent) When() time.Duration { return e.At }
func (e *ParamEvent) Kind() string        { return "param" }
func (e *ParamEvent) Line() string        { return fmt.Sprintf("%-9s %s = %s", "param", e.Path, e.Value) }
func (e *ParamEvent) AppendFields(f *netsim.Fields) {
	f.Str("path", e.Path)
	f.Str("value", e.Value)
}
