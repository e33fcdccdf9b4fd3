package lab

import (
	"fmt"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// The article's heartbeat recipe ends with "reconnect, log, notify the
// user": a client that concludes its peer is gone closes the connection,
// writes a line to its log, tells its user, and reconnects. A server's
// handler has no user; it logs. Both are events (log, notice) and a
// narration, so a lesson shows all three steps.

// Log levels of a LogEvent.
const (
	LogWarn  = "warn"  // something went wrong and the program copes (it reconnects)
	LogError = "error" // the program stopped trying
)

// LogEvent is a line an application writes to its log (kind "log").
type LogEvent struct {
	At    time.Duration
	Host  string
	App   string
	Conn  string // the connection it is about, if one
	Level string // LogWarn, LogError
	Msg   i18n.Message
}

func (e *LogEvent) When() time.Duration           { return e.At }
func (e *LogEvent) Kind() string                  { return "log" }
func (e *LogEvent) Line() string                  { return e.LineIn(i18n.English) }
func (e *LogEvent) AppendFields(f *netsim.Fields) { e.AppendFieldsIn(f, i18n.English) }

// LineIn is the line in l.
func (e *LogEvent) LineIn(l i18n.Lang) string {
	return fmt.Sprintf("%-9s %-8s %s [%s] %s", "log", e.Host, e.App, e.Level, e.Msg.In(l))
}

// EchoesDetect says the line restates the detect event its app emitted
// just before, at the same instant: a lost peer's line, which names the
// detection's rule. A view that shows the detection shows one fact once
// and leaves the line out; the event stream and `socklab run` keep it.
func (e *LogEvent) EchoesDetect() bool {
	switch e.Msg.ID {
	case i18n.LogPeerLost, i18n.LogPeerLostSilent, i18n.LogClientGone, i18n.LogClientSilent:
		return true
	}
	return false
}

// AppendFieldsIn writes the line's text in l and its message's stable id.
func (e *LogEvent) AppendFieldsIn(f *netsim.Fields, l i18n.Lang) {
	f.Str("host", e.Host)
	f.Str("app", e.App)
	f.OptStr("conn", e.Conn)
	f.Str("level", e.Level)
	f.Str("text", e.Msg.In(l))
	f.Str("id", string(e.Msg.ID))
}

// NoticeEvent is a message an application shows its user (kind
// "notice").
type NoticeEvent struct {
	At   time.Duration
	Host string
	App  string
	Msg  i18n.Message
}

func (e *NoticeEvent) When() time.Duration           { return e.At }
func (e *NoticeEvent) Kind() string                  { return "notice" }
func (e *NoticeEvent) Line() string                  { return e.LineIn(i18n.English) }
func (e *NoticeEvent) AppendFields(f *netsim.Fields) { e.AppendFieldsIn(f, i18n.English) }

// LineIn is the line in l.
func (e *NoticeEvent) LineIn(l i18n.Lang) string {
	return fmt.Sprintf("%-9s %-8s %s “%s”", "notice", e.Host, e.App, e.Msg.In(l))
}

// AppendFieldsIn writes the notice's text in l and its message's id.
func (e *NoticeEvent) AppendFieldsIn(f *netsim.Fields, l i18n.Lang) {
	f.Str("host", e.Host)
	f.Str("app", e.App)
	f.Str("text", e.Msg.In(l))
	f.Str("id", string(e.Msg.ID))
}

// logAndNotify is what a client does after closing a connection it lost
// by rule (the detection's): log it, tell its user, and say so. (A
// server's log line goes without a narration: the detection's says what
// matters, and a server has no user.)
func (c *client) logAndNotify(conn string, rule i18n.Message, silent time.Duration) {
	then, notice := i18n.LogThenReconnect, i18n.NoticeReconnecting
	if c.bo.exhausted() {
		then, notice = i18n.LogThenStop, i18n.NoticeLost
	}
	id := lostID(silent, i18n.LogPeerLost, i18n.LogPeerLostSilent)
	line := i18n.M(id, "Peer", c.target.String(), "Rule", rule, "Then", i18n.M(then))
	c.tell(conn, LogWarn, line, i18n.M(notice), i18n.NarrateLogNotify)
}

// logGiveUp is what a client does when it stops trying after
// reconnect.max_attempts.
func (c *client) logGiveUp() {
	c.tell("", LogError, i18n.M(i18n.LogGaveUp, "Peer", c.target.String(), "Count", c.bo.attempt), i18n.M(i18n.NoticeGaveUp), i18n.NarrateLogGiveUp)
}

// tell writes a log line and shows a notice, with the narration of both.
func (c *client) tell(conn, level string, line, notice i18n.Message, narration i18n.ID) {
	s := c.s
	if !s.tracing {
		return
	}
	now := s.Now()
	s.sim.Emit(&LogEvent{At: now, Host: c.cfg.Host, App: c.name, Conn: conn, Level: level, Msg: line})
	s.sim.Emit(&NoticeEvent{At: now, Host: c.cfg.Host, App: c.name, Msg: notice})
	s.narrate(i18n.M(narration, "Who", who(c.cfg.Host, c.name), "Notice", notice))
}

// logLost is a server handler's log line about a client it gave up on by
// rule (the detection's).
func (h *handler) logLost(peer string, rule i18n.Message, silent time.Duration) {
	s, cfg := h.srv.s, h.srv.cfg
	if !s.tracing {
		return
	}
	line := i18n.M(lostID(silent, i18n.LogClientGone, i18n.LogClientSilent), "Peer", peer, "Rule", rule)
	s.sim.Emit(&LogEvent{At: s.Now(), Host: cfg.Host, App: cfg.Name, Conn: h.conn.Name(), Level: LogWarn, Msg: line})
}

// lostID is the stable id of a lost peer's line: atOnce when the peer
// had been silent for less than a millisecond (a FIN, a RST), afterSilence
// otherwise, as the event stream has always told them apart. Both say the
// same words.
func lostID(silent time.Duration, atOnce, afterSilence i18n.ID) i18n.ID {
	if silent >= time.Millisecond {
		return afterSilence
	}
	return atOnce
}
