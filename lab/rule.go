package lab

import (
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// detect reports that a side has given up on its peer: the detect event
// and its narration, both naming the rule that fired with its numbers.
// conn is the connection (or "udp > peer") it gave up. It returns the
// rule, for the side's log line to say in the same words.
func (s *Session) detect(sd side, conn, peer string, cause netsim.Cause, silent time.Duration) i18n.Message {
	rule := sd.rule(cause, silent)
	s.noteDetect(&DetectEvent{At: s.Now(), Host: sd.host, App: sd.app, Conn: conn, Peer: peer, Cause: cause, Silent: silent, Rule: rule})
	s.narrate(narrateDetect(sd, peer, cause, silent, rule))
	return rule
}

// rule is the rule by which the side gave up for cause after silent
// without a word from its peer (i18n.Rule*): "ping #6 unanswered within
// 2s", "silent for 45s ≥ heartbeat.expect 45s".
func (sd side) rule(cause netsim.Cause, silent time.Duration) i18n.Message {
	silent = netsim.Shown(silent)
	switch cause {
	case netsim.CauseFIN:
		return i18n.M(i18n.RuleFIN)
	case netsim.CauseRST:
		return i18n.M(i18n.RuleRST)
	case netsim.CauseKeepalive:
		if sd.conn != nil {
			if idle, intvl, cnt, ok := sd.conn.Keepalive(); ok {
				return i18n.M(i18n.RuleKeepalive, "Silent", silent, "Idle", idle, "Probes", cnt, "Interval", intvl)
			}
		}
	case netsim.CauseRetransmitTimeout:
		return i18n.M(i18n.RuleRetries, "Silent", silent)
	case netsim.CauseUserTimeout:
		if sd.conn != nil {
			return i18n.M(i18n.RuleUserTimeout, "Limit", sd.conn.Options().UserTimeout)
		}
	case netsim.CauseHeartbeatTimeout:
		switch m := sd.missed; {
		case m != nil && m.missed > 1:
			return i18n.M(i18n.RuleMissedRun, "Ping", m.seq, "Timeout", netsim.Shown(m.timeout), "Missed", m.missed)
		case m != nil:
			return i18n.M(i18n.RuleMissed, "Ping", m.seq, "Timeout", netsim.Shown(m.timeout))
		}
		return i18n.M(i18n.RuleSilent, "Silent", silent, "Limit", sd.cfg.Heartbeat.Expect)
	case netsim.CauseIdleTimeout:
		return i18n.M(i18n.RuleIdle, "Silent", silent, "Limit", sd.cfg.IdleTimeout)
	}
	return i18n.M(i18n.RuleOther, "Cause", cause)
}

// connectRule is the rule by which a connect attempt failed, begun
// elapsed ago: "refused (a RST answered the SYN)", "no SYN-ACK within 3s".
func connectRule(cause netsim.Cause, elapsed time.Duration) i18n.Message {
	if cause == netsim.CauseRefused {
		return i18n.M(i18n.RuleRefused)
	}
	return i18n.M(i18n.RuleConnectTimeout, "Limit", netsim.Shown(elapsed))
}
