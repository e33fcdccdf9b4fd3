package script

import (
	"strings"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/slack"
	"github.com/socklab/socklab/netsim"
)

// explain narrates a call that returned, when its result teaches
// something: a connect's outcome, an accept, the first EOF, each error,
// the errors that follow one (EPIPE and EOF), a shutdown, a close — each
// lesson once per program. Writes and reads of data, socket, bind,
// listen and setsockopt speak for themselves on their row.
func (p *Program) explain(s *sock, e *SyscallEvent) {
	var t told
	if s != nil {
		t = s.told
	}
	m := p.message(s, e, &t)
	if s != nil {
		s.told = t
	}
	p.say(m)
}

// say narrates m unless the program has said it already: a program
// that reconnects in a loop explains its refusal once, not each time.
func (p *Program) say(m i18n.Message) {
	if m.IsZero() || p.said[m.ID] {
		return
	}
	if p.said == nil {
		p.said = map[i18n.ID]bool{}
	}
	p.said[m.ID] = true
	p.env.Narrate(m)
}

// message is the narration of e, if it has one; t is updated with what it
// explains.
func (p *Program) message(s *sock, e *SyscallEvent, t *told) i18n.Message {
	who, call := p.who(), e.Text()
	m := func(id i18n.ID, args ...any) i18n.Message {
		return i18n.M(id, append([]any{"Who", who, "Call", call}, args...)...)
	}
	if e.Failed() {
		first := !t.errOnce && e.Errno != netsim.EAGAIN && e.Errno != netsim.EBADF
		if first {
			t.errOnce = true
		}
		switch {
		case e.Errno == netsim.EAGAIN:
			return m(i18n.NarrateScriptDeadline, "Timeout", s.rcvTimeo)
		case e.Call == "connect" && e.Errno == netsim.ECONNREFUSED:
			return m(i18n.NarrateScriptRefused)
		case e.Call == "connect" && e.Errno == netsim.ETIMEDOUT:
			if rule, ok := slack.Connect(s.conn, e.Blocked); ok {
				return m(i18n.NarrateScriptConnectSlack, "Blocked", netsim.Shown(e.Blocked), "Rule", rule)
			}
			return m(i18n.NarrateScriptConnectTimeout, "Blocked", netsim.Shown(e.Blocked))
		case e.Errno == netsim.EPIPE && first && s.conn != nil && s.conn.FailCause() == netsim.CauseRST:
			return m(i18n.NarrateScriptEPIPEReset)
		case e.Errno == netsim.EPIPE && !first:
			return p.afterError(m, t)
		case e.Errno == netsim.ECONNRESET:
			return m(i18n.NarrateScriptReset)
		case e.Errno == netsim.ETIMEDOUT:
			if rule, ok := slack.Retries(s.conn); ok {
				return m(i18n.NarrateScriptTimedOutSlack, "Cause", s.conn.FailCause(), "Rule", rule)
			}
			return m(i18n.NarrateScriptTimedOut, "Cause", s.conn.FailCause())
		}
		return m(i18n.NarrateScriptCallFailed, "Errno", e.Errno.Name())
	}
	switch e.Call {
	case "connect":
		return m(i18n.NarrateScriptConnected, "Blocked", netsim.Shown(e.Blocked))
	case "accept":
		return m(i18n.NarrateScriptAccepted)
	case "read":
		if !e.EOF() {
			return i18n.Message{}
		}
		if t.errOnce {
			return p.afterError(m, t)
		}
		if t.eof {
			return i18n.Message{}
		}
		t.eof = true
		if s.conn.State() != netsim.CloseWait {
			return m(i18n.NarrateScriptEOFBoth)
		}
		return m(i18n.NarrateScriptEOF)
	case "shutdown":
		for _, how := range []struct {
			name string
			id   i18n.ID
		}{{"SHUT_RDWR", i18n.NarrateScriptShutRDWR}, {"SHUT_RD", i18n.NarrateScriptShutRD}, {"SHUT_WR", i18n.NarrateScriptShutWR}} {
			if strings.HasSuffix(e.Args, how.name) {
				return m(how.id)
			}
		}
	}
	return i18n.Message{}
}

// closing narrates a close: a RST instead of a FIN (unread data, or
// SO_LINGER 0), or the FIN the kernel sends on its own, first or second
// (the peer's FIN came already: no TIME_WAIT here).
func (p *Program) closing(e *SyscallEvent, unread int, linger, second bool) {
	who, call := p.who(), e.Text()
	switch {
	case unread > 0:
		p.say(i18n.M(i18n.NarrateScriptCloseUnread, "Who", who, "Call", call, "Count", unread))
	case linger:
		p.say(i18n.M(i18n.NarrateScriptCloseLinger, "Who", who, "Call", call))
	case second:
		p.say(i18n.M(i18n.NarrateScriptCloseLast, "Who", who, "Call", call))
	default:
		p.say(i18n.M(i18n.NarrateScriptClose, "Who", who, "Call", call))
	}
}

// afterError says, once per socket, what follows a reported error.
func (p *Program) afterError(m func(i18n.ID, ...any) i18n.Message, t *told) i18n.Message {
	if t.afterSaid {
		return i18n.Message{}
	}
	t.afterSaid = true
	return m(i18n.NarrateScriptAfterError)
}
