package lab

import (
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// An app that closes a connection its peer no longer answers leaves an
// orphan behind: a socket no application owns, still retransmitting its
// FIN. On Linux it gives up by tcp_orphan_retries, not tcp_retries2, and
// frees itself without a word (no RST, no one to tell): the wire shows
// the retransmissions and a last state change to CLOSED, and the
// narration says why then.

// orphanKey names a socket by its host and its 5-tuple, as its state
// events do.
type orphanKey struct{ host, conn string }

// closeConn closes c for an app on host. If it stays behind as an orphan
// (its FIN not yet acknowledged), the session remembers it until it is
// closed, to narrate a give-up — only while someone observes the run.
func (s *Session) closeConn(host string, c *netsim.Conn) {
	c.Close()
	if !s.tracing || c.State() == netsim.Closed {
		return
	}
	if s.orphans == nil {
		s.orphans = map[orphanKey]*netsim.Conn{}
	}
	s.orphans[orphanKey{host, c.Name()}] = c
}

// orphanClosed forgets an orphan that e closed, and narrates its give-up
// when retransmission ended it.
func (s *Session) orphanClosed(e *netsim.StateEvent) {
	k := orphanKey{e.Host, e.Conn}
	c := s.orphans[k]
	if c == nil {
		return
	}
	delete(s.orphans, k)
	if g, ok := c.OrphanRule(); ok {
		s.narrate(narrateOrphanGaveUp(e.Host, c, g))
	}
}

// forgetOrphans forgets the orphans of a host whose power went off: its
// sockets vanished without a state change.
func (s *Session) forgetOrphans(host string) {
	for k := range s.orphans {
		if k.host == host {
			delete(s.orphans, k)
		}
	}
}

// narrateOrphanGaveUp says how an orphan gave up: its retransmissions,
// the time since the first, and tcp_orphan_retries' budget.
func narrateOrphanGaveUp(host string, c *netsim.Conn, g netsim.OrphanGiveUp) i18n.Message {
	rule := i18n.M(i18n.NarrateOrphanRule, "Retries", g.Retries, "Budget", g.Budget)
	if g.Sysctl == 0 {
		rule = i18n.M(i18n.NarrateOrphanRuleZero, "Retries", g.Retries, "Budget", g.Budget)
	}
	return i18n.M(i18n.NarrateOrphanGaveUp, "Host", host, "Peer", c.RemoteAddr(), "Count", g.Count,
		"Took", netsim.Shown(g.Elapsed), "Rule", rule)
}
