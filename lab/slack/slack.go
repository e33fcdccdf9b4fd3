package slack

import (
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// Connect tells a connect() that timed out after took (since the first
// SYN) from the SYN schedule's rule (Conn.SynRule), when the kernel's
// timer slack made it later.
func Connect(c *netsim.Conn, took time.Duration) (i18n.Message, bool) {
	if c == nil || !c.OnTheWheel() {
		return i18n.Message{}, false
	}
	rule, took := c.SynRule(), netsim.Shown(took)
	if took <= rule {
		return i18n.Message{}, false
	}
	return i18n.M(i18n.NarrateSynRule, "Rule", rule, "Slack", took-rule), true
}

// Retries tells a give-up of retransmission (tcp_retries2) from the rule
// (Conn.RetriesRule), when the kernel's timer slack changed when it came
// or after how many retransmissions.
func Retries(c *netsim.Conn) (i18n.Message, bool) {
	if c == nil || !c.OnTheWheel() {
		return i18n.Message{}, false
	}
	g, ok := c.RetriesRule()
	took := netsim.Shown(g.Elapsed)
	if !ok || (took == g.RuleElapsed && g.Count == g.RuleCount) {
		return i18n.Message{}, false
	}
	return i18n.M(i18n.NarrateRetriesRule, "Retries", g.Retries, "Budget", g.Budget, "RuleMade", g.RuleCount,
		"Rule", g.RuleElapsed, "Made", g.Count, "Took", took), true
}
