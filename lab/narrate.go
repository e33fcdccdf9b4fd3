package lab

import (
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/slack"
	"github.com/socklab/socklab/netsim"
)

// Narrations explain what just happened, and above all who knows it and
// who does not: the lesson of every scenario is in that difference. They
// are messages of the catalog (lab/i18n, cat_narrate.go), rendered in the
// reader's language by whoever shows them.

// narrateAction explains a fault or change as it is applied.
func narrateAction(s *Session, a Action) i18n.Message {
	switch a.Do {
	case PowerOff:
		return narratePowerOff(s, a.Target)
	case PowerOn:
		return i18n.M(i18n.NarratePowerOn, "Host", a.Target)
	case Crash:
		return i18n.M(i18n.NarrateCrash, "App", a.Target)
	case Restart:
		return i18n.M(i18n.NarrateRestart, "App", a.Target)
	case Stop:
		return i18n.M(i18n.NarrateStop, "App", a.Target)
	case Freeze:
		return i18n.M(i18n.NarrateFreeze, "App", a.Target)
	case Thaw:
		return i18n.M(i18n.NarrateThaw, "App", a.Target)
	case LinkDown:
		return i18n.M(i18n.NarrateLinkDown, "Link", a.Target)
	case LinkUp:
		return i18n.M(i18n.NarrateLinkUp, "Link", a.Target)
	case Loss:
		p, _ := strconv.ParseFloat(a.Value, 64) // checked by checkAction
		return i18n.M(i18n.NarrateLoss, "Link", a.Target, "Loss", i18n.Percent(p))
	case Latency:
		d, _ := time.ParseDuration(a.Value) // checked by checkAction
		return i18n.M(i18n.NarrateLatency, "Link", a.Target, "Latency", d)
	case Partition:
		return i18n.M(i18n.NarratePartition, "Side", a.Target, "Other", a.Value)
	case Heal:
		return i18n.M(i18n.NarrateHeal)
	case Expire:
		m := s.sim.Middlebox(a.Target)
		return i18n.M(i18n.NarrateExpire, "Box", a.Target, "Next", nextStray(m.Config()))
	case Set:
		if turnsOff(a.Target, a.Value) {
			return i18n.M(i18n.NarrateSetOff, "Path", a.Target)
		}
		return i18n.M(i18n.NarrateSet, "Path", a.Target, "Value", a.Value)
	}
	return i18n.Message{}
}

// narratePowerOff explains a power cut by what is true of it at that
// moment: the connections other hosts still hold to the host (by its
// address, or by the address a NAT showed them), which nobody tells; or
// none, and then no connection is left to find out.
func narratePowerOff(s *Session, host string) i18n.Message {
	states := peerStates(s, s.sim.Host(host))
	switch {
	case len(states) == 0:
		return i18n.M(i18n.NarratePowerOffAlone, "Host", host)
	case len(states) == 1 && states[0] == netsim.Established.String():
		return i18n.M(i18n.NarratePowerOff, "Host", host)
	}
	return i18n.M(i18n.NarratePowerOffStates, "Host", host, "States", i18n.List(states))
}

// peerStates are the states of the connections other hosts hold to h,
// each once, in the order first met.
func peerStates(s *Session, h *netsim.Host) []string {
	mapped := map[netip.AddrPort]bool{} // the NATs' mappings of h's flows
	for _, m := range s.sim.Middleboxes() {
		for _, f := range m.Flows() {
			if f.Mapped.IsValid() && f.Inside.Addr() == h.Addr() {
				mapped[f.Mapped] = true
			}
		}
	}
	var out []string
	for _, o := range s.sim.Hosts() {
		if o == h || !o.Powered() {
			continue
		}
		for _, c := range o.Conns() {
			r := c.RemoteAddr()
			if (r.Addr() == h.Addr() || mapped[r]) && c.State() != netsim.Closed && !slices.Contains(out, c.State().String()) {
				out = append(out, c.State().String())
			}
		}
	}
	return out
}

// narrateFlowExpired explains a middlebox forgetting an idle flow.
func narrateFlowExpired(s *Session, f *netsim.FlowEvent) i18n.Message {
	if f.Proto != netsim.TCP {
		return i18n.M(i18n.NarrateUDPFlowExpired, "Box", f.Box, "Inside", f.Inside, "Outside", f.Outside, "Idle", netsim.Shown(f.Idle))
	}
	m := s.sim.Middlebox(f.Box)
	if m == nil || f.Idle < m.Config().IdleTimeout {
		return i18n.Message{}
	}
	if st, ok := insideState(s, f); ok && st != netsim.Established {
		// a connection that never got going (SYNs the box let out and
		// nothing came back), not the established one the lessons show
		next := nextStray(m.Config())
		if fate, _ := m.Config().Stray(); st == netsim.SynSent && fate != netsim.StrayRSTBoth {
			next = i18n.M(i18n.NarrateNextSYN) // a SYN is a new flow to every box
		}
		return i18n.M(i18n.NarrateFlowExpiredIn, "Box", f.Box, "Inside", f.Inside, "Outside", f.Outside, "Idle", netsim.Shown(f.Idle), "State", st.String(), "Next", next)
	}
	return i18n.M(i18n.NarrateFlowExpired, "Box", f.Box, "Inside", f.Inside, "Outside", f.Outside, "Idle", netsim.Shown(f.Idle), "Next", nextStray(m.Config()))
}

// insideState is the state of the forgotten flow's inside end, if its
// socket is still there.
func insideState(s *Session, f *netsim.FlowEvent) (netsim.State, bool) {
	h := s.sim.HostOf(f.Inside.Addr())
	if h == nil {
		return 0, false
	}
	c := h.Conn(f.Inside, f.Outside)
	if c == nil {
		return 0, false
	}
	return c.State(), true
}

// nextStray says what a middlebox will do with a forgotten flow's next
// segment from the inside (netsim's Stray: conntrack and the ruleset, or a
// gateway's policy).
func nextStray(cfg netsim.MiddleboxConfig) i18n.Message {
	fate, rule := cfg.Stray()
	id := map[netsim.StrayFate]i18n.ID{
		netsim.StrayDropped:   i18n.NarrateNextDropped,
		netsim.StrayPickedUp:  i18n.NarrateNextPickedUp,
		netsim.StrayUntracked: i18n.NarrateNextUntracked,
		netsim.StrayRST:       i18n.NarrateNextRST,
		netsim.StrayRSTBoth:   i18n.NarrateNextRSTBoth,
	}[fate]
	switch {
	case fate == netsim.StrayDropped && rule == netsim.DropInvalid:
		id = i18n.NarrateNextDroppedInvalid
	case fate == netsim.StrayPickedUp && cfg.Kind == netsim.NAT && cfg.Ports == netsim.PortRandom:
		id = i18n.NarrateNextNewNATPort
	case fate == netsim.StrayUntracked && cfg.Kind == netsim.NAT:
		id = i18n.NarrateNextUntranslated
	}
	return i18n.M(id)
}

// who names the side that acts: its host, or its app on its host when the
// two differ ("tight (on home)"), as a message argument.
func who(host, app string) any {
	if app == "" || app == host {
		return host
	}
	return i18n.M(i18n.NarrateWho, "App", app, "Host", host)
}

// side says who detected and what it does next.
type side struct {
	host, app string
	cfg       *AppConfig   // its settings: the heartbeat's and idle timeout's limits
	conn      *netsim.Conn // its connection (nil over UDP): TCP's own rules
	client    bool         // a client (reconnects), or a server's handler
	udp       bool         // no connection: a UDP peer
	reconnect bool         // the client will reconnect
	script    bool         // a script, told only at its next call
	// missed is the unanswered ping that made the heartbeat give up (nil:
	// the peer was silent too long): the rule that fired.
	missed *missedPing
}

// keepalive is TCP keepalive's bare rule, idle + interval × count (0: not
// known): the narration tells it from the kernel's timer slack.
func (sd side) keepalive() time.Duration {
	if sd.conn == nil {
		return 0
	}
	idle, intvl, cnt, ok := sd.conn.Keepalive()
	if !ok {
		return 0
	}
	return idle + time.Duration(cnt)*intvl
}

// retries tells a give-up of retransmission from the rule, where the
// kernel's timer slack moved it (lab/slack; zero: nothing to tell).
func (sd side) retries() i18n.Message {
	m, _ := slack.Retries(sd.conn)
	return m
}

// narrateDetect explains a detection: what the side noticed and how; the
// heartbeat's and the idle timeout's say rule, the rule that fired.
func narrateDetect(sd side, peer string, cause netsim.Cause, silent time.Duration, rule i18n.Message) i18n.Message {
	me := who(sd.host, sd.app)
	then := i18n.NarrateThenClose
	switch {
	case sd.script:
		then = i18n.NarrateThenScript
	case sd.udp && sd.client:
		then = i18n.NarrateThenUDPClient
	case sd.udp:
		then = i18n.NarrateThenUDPServer
	case sd.client && sd.reconnect:
		then = i18n.NarrateThenReconnect
	}
	switch cause {
	case netsim.CauseFIN:
		return i18n.M(i18n.NarrateDetectFIN, "Who", me, "Peer", peer, "Then", i18n.M(then))
	case netsim.CauseRST:
		return i18n.M(i18n.NarrateDetectRST, "Who", me, "Peer", peer, "Then", i18n.M(then))
	case netsim.CauseKeepalive:
		if rule := sd.keepalive(); rule > 0 && netsim.Shown(silent) > rule {
			return i18n.M(i18n.NarrateDetectKASlack, "Who", me, "Silent", netsim.Shown(silent), "Peer", peer,
				"Rule", rule, "Slack", netsim.Shown(silent)-rule, "Then", i18n.M(then))
		}
		return i18n.M(i18n.NarrateDetectKeepalive, "Who", me, "Silent", netsim.Shown(silent), "Peer", peer, "Then", i18n.M(then))
	case netsim.CauseRetransmitTimeout:
		if retries := sd.retries(); !retries.IsZero() {
			return i18n.M(i18n.NarrateDetectRetriesSlack, "Who", me, "Silent", netsim.Shown(silent), "Peer", peer,
				"Rule", retries, "Then", i18n.M(then))
		}
		return i18n.M(i18n.NarrateDetectRetries, "Who", me, "Silent", netsim.Shown(silent), "Peer", peer, "Then", i18n.M(then))
	case netsim.CauseUserTimeout:
		return i18n.M(i18n.NarrateDetectUserTime, "Who", me, "Silent", netsim.Shown(silent), "Peer", peer, "Then", i18n.M(then))
	case netsim.CauseHeartbeatTimeout:
		id := i18n.NarrateDetectHeartbeat
		switch {
		case sd.missed != nil && sd.missed.missed > 1:
			id = i18n.NarrateDetectMissedRun
		case sd.missed != nil:
			id = i18n.NarrateDetectMissed
		case sd.udp:
			id = i18n.NarrateDetectHBUDP
		}
		return i18n.M(id, "Who", me, "Peer", peer, "Rule", rule, "Then", i18n.M(then))
	case netsim.CauseIdleTimeout:
		return i18n.M(i18n.NarrateDetectIdle, "Who", me, "Peer", peer, "Rule", rule, "Then", i18n.M(then))
	}
	return i18n.M(i18n.NarrateDetectOther, "Who", me, "Peer", peer, "Cause", cause, "Then", i18n.M(then))
}

// narrateConnectFailed explains a failed connect attempt.
func narrateConnectFailed(c *client, cause netsim.Cause) i18n.Message {
	me := who(c.cfg.Host, c.name)
	switch cause {
	case netsim.CauseRefused:
		return i18n.M(i18n.NarrateRefused, "Who", me, "Target", c.target)
	case netsim.CauseConnectTimeout:
		if c.conn != nil && c.conn.State() == netsim.Closed {
			took := c.s.Now() - c.conn.ConnectStart()
			if rule, ok := slack.Connect(c.conn, took); ok {
				return i18n.M(i18n.NarrateConnectSlack, "Who", me, "Target", c.target, "Took", netsim.Shown(took), "Rule", rule)
			}
		}
		return i18n.M(i18n.NarrateConnectTimeout, "Who", me, "Target", c.target)
	}
	return i18n.M(i18n.NarrateConnectFailed, "Who", me, "Target", c.target, "Cause", cause)
}

// narrateCallFailed explains a connect call that failed on its own host.
func narrateCallFailed(c *client, errno netsim.Errno) i18n.Message {
	return i18n.M(i18n.NarrateCallFailed, "Who", who(c.cfg.Host, c.name), "Target", c.target, "Errno", errno.Name())
}

// narrateNoReconnect explains that a client stops trying.
func narrateNoReconnect(c *client) i18n.Message {
	me := who(c.cfg.Host, c.name)
	if c.cfg.Reconnect.Policy == BackoffNone {
		return i18n.M(i18n.NarrateNoReconnect, "Who", me)
	}
	return i18n.M(i18n.NarrateGiveUp, "Who", me, "Count", c.bo.attempt)
}

// narrateAccept explains a new connection on a server.
func narrateAccept(srv *server, c *netsim.Conn) i18n.Message {
	return i18n.M(i18n.NarrateAccept, "Who", who(srv.cfg.Host, srv.cfg.Name), "Remote", c.RemoteAddr(), "Conn", c.Name(), "Port", srv.cfg.Port)
}

// narrateReconnected explains a successful reconnection.
func narrateReconnected(c *client) i18n.Message {
	me := who(c.cfg.Host, c.name)
	if c.lostAt > 0 {
		return i18n.M(i18n.NarrateReconnectedIn, "Who", me, "Attempt", c.bo.attempt, "Down", netsim.Shown(c.s.Now()-c.lostAt))
	}
	return i18n.M(i18n.NarrateReconnected, "Who", me, "Attempt", c.bo.attempt)
}

// Lesson is the narration at the start of a scenario: its teaching text,
// in one language or both, each folded onto one line.
func Lesson(text i18n.Text) i18n.Message {
	return i18n.M(i18n.NarrateLesson, "Text", i18n.Text{En: oneLine(text.En), Zh: oneLine(text.Zh)})
}

// Teaches folds a scenario's teaching text onto one line, as Lesson does.
func Teaches(text string) string { return oneLine(text) }

// oneLine folds a paragraph onto one line: runs of white space become one
// space, except where Chinese is set without one (joinsTight): a Chinese
// sentence broken across lines of a file joins up again without a gap.
func oneLine(s string) string {
	var b strings.Builder
	for _, f := range strings.Fields(s) {
		if b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(f)
			if !joinsTight(last, first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(f)
	}
	return b.String()
}

// joinsTight reports whether a line ending in last and the next beginning
// with first join without a space: two wide characters; full-width
// punctuation beside anything; and the punctuation Chinese shares with
// English (—— … “ ”) beside a Chinese character.
func joinsTight(last, first rune) bool {
	shared := func(r rune) bool { return strings.ContainsRune("—…“”‘’·", r) }
	return wide(last) && wide(first) || fullWidthPunct(last) || fullWidthPunct(first) ||
		shared(last) && wide(first) || wide(last) && shared(first)
}

// fullWidthPunct reports whether r is CJK or full-width punctuation (、，。：（）…).
func fullWidthPunct(r rune) bool {
	return 0x3000 <= r && r <= 0x303f || 0xff00 <= r && r <= 0xff0f || 0xff1a <= r && r <= 0xff20
}

// wide reports whether r is a character of Chinese text: a Han character
// or full-width punctuation, written without spaces between them.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || 0x3000 <= r && r <= 0x303f || 0xff00 <= r && r <= 0xffef
}
