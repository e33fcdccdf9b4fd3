package lab

import (
	"fmt"
	"time"

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
}

func (e *DetectEvent) When() time.Duration { return e.At }
func (e *DetectEvent) Kind() string        { return "detect" }
func (e *DetectEvent) Line() string {
	if e.Cause.ConnectFailure() {
		return fmt.Sprintf("%-9s %-8s cannot connect to %s: %s", "detect", e.Host, e.Peer, e.Cause)
	}
	s := fmt.Sprintf("%-9s %-8s %s is gone: %s", "detect", e.Host, e.Peer, e.Cause)
	if e.Silent >= time.Millisecond {
		s += " (silent for " + netsim.FormatDuration(e.Silent.Round(time.Millisecond)) + ")"
	}
	return s
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
	Error   string // for failed: why
}

func (e *ReconnectEvent) When() time.Duration { return e.At }
func (e *ReconnectEvent) Kind() string        { return "reconnect" }
func (e *ReconnectEvent) Line() string {
	switch e.Outcome {
	case ReconnectScheduled:
		return fmt.Sprintf("%-9s %-8s attempt %d in %s", "reconnect", e.Host, e.Attempt, netsim.FormatDuration(e.Delay.Round(time.Millisecond)))
	case ReconnectConnected:
		return fmt.Sprintf("%-9s %-8s attempt %d connected: %s", "reconnect", e.Host, e.Attempt, e.Conn)
	}
	return fmt.Sprintf("%-9s %-8s attempt %d failed: %s", "reconnect", e.Host, e.Attempt, e.Error)
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

// NarrationEvent explains, in plain language, what just happened.
type NarrationEvent struct {
	At   time.Duration
	Text string
}

func (e *NarrationEvent) When() time.Duration           { return e.At }
func (e *NarrationEvent) Kind() string                  { return "narration" }
func (e *NarrationEvent) Line() string                  { return fmt.Sprintf("%-9s %s", "narration", e.Text) }
func (e *NarrationEvent) AppendFields(f *netsim.Fields) { f.Str("text", e.Text) }

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
