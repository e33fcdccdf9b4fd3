package lab

import (
	"fmt"
	"strings"
	"time"

	"github.com/socklab/socklab/netsim"
)

// Narrations explain what just happened, and above all who knows it and
// who does not: the lesson of every scenario is in that difference.

func dur(d time.Duration) string { return netsim.FormatDuration(d.Round(time.Millisecond)) }

// narrateAction explains a fault or change as it is applied.
func narrateAction(s *Session, a Action) string {
	switch a.Do {
	case "power_off":
		return fmt.Sprintf("%s lost power. It sends nothing as it dies: no FIN, no RST. Its peers are not told, and their connections stay ESTABLISHED until something they send, or a timer, finds out.", a.Target)
	case "power_on":
		return fmt.Sprintf("%s is back on, with an empty TCP stack: it remembers no connection, and answers any segment of an old one with a RST.", a.Target)
	case "crash":
		return fmt.Sprintf("%s crashed. Its operating system closes its sockets for it: each peer gets a FIN (a RST where unread data remained) and knows at once.", a.Target)
	case "restart":
		return fmt.Sprintf("%s starts again.", a.Target)
	case "stop":
		return fmt.Sprintf("%s stops: it closes its sockets, so each peer gets a FIN and knows at once.", a.Target)
	case "freeze":
		return fmt.Sprintf("%s is frozen: it reads and sends nothing, but its kernel still acknowledges segments and answers keepalive probes. TCP keepalive will find it alive; only an application heartbeat can tell.", a.Target)
	case "thaw":
		return fmt.Sprintf("%s runs again and catches up with what it missed.", a.Target)
	case "link_down":
		return fmt.Sprintf("The cable %s is pulled: packets both ways are lost. Neither end is told; only a retransmission timeout, keepalive or heartbeat will notice.", a.Target)
	case "link_up":
		return fmt.Sprintf("The cable %s is plugged back in.", a.Target)
	case "loss":
		return fmt.Sprintf("Link %s now loses %s of its packets.", a.Target, percent(a.Value))
	case "latency":
		return fmt.Sprintf("Link %s now takes %s each way.", a.Target, a.Value)
	case "partition":
		return fmt.Sprintf("The network splits: %s can no longer reach %s, nor the other way. Nobody is told.", a.Target, a.Value)
	case "heal":
		return "The partition heals: packets flow again."
	case "expire":
		m := s.sim.Middlebox(a.Target)
		return fmt.Sprintf("%s forgets its flows. Neither end knows; the next packet meets its %q policy.", a.Target, m.Config().OnExpired)
	case "set":
		return fmt.Sprintf("%s is now %s; it takes effect from the next timer that reads it.", a.Target, a.Value)
	}
	return ""
}

func percent(v string) string {
	var p float64
	fmt.Sscan(v, &p)
	return fmt.Sprintf("%g %%", p*100)
}

// narrateFlowExpired explains a middlebox forgetting an idle flow.
func narrateFlowExpired(s *Session, f *netsim.FlowEvent) string {
	if f.Proto != netsim.TCP {
		return fmt.Sprintf("%s forgot the idle UDP flow %s → %s after %s: replies from outside no longer get in until the inside sends again.",
			f.Box, f.Inside, f.Outside, dur(f.Idle))
	}
	m := s.sim.Middlebox(f.Box)
	if m == nil || f.Idle < m.Config().IdleTimeout {
		return ""
	}
	cfg := m.Config()
	next := map[netsim.ExpiryPolicy]string{
		netsim.ExpiryDrop:    "the next segment will be dropped silently: to its sender, a black hole",
		netsim.ExpiryPickup:  "the next segment will re-create the flow, and nobody will notice",
		netsim.ExpiryRST:     "the next segment will be answered with a RST",
		netsim.ExpiryRSTBoth: "it resets both ends now",
	}[cfg.OnExpired]
	if cfg.Kind == netsim.NAT && cfg.Ports == netsim.PortRandom && cfg.OnExpired == netsim.ExpiryPickup {
		next = "the next segment will re-create the mapping on a new public port, and the server, seeing a 4-tuple it does not know, will answer it with a RST"
	}
	return fmt.Sprintf("%s forgot the flow %s → %s after %s idle. Both ends still think the connection is ESTABLISHED; %s.",
		f.Box, f.Inside, f.Outside, dur(f.Idle), next)
}

// who names the side that acts: its host, or its app on its host when the
// two differ ("tight (on home)").
func who(host, app string) string {
	if app == "" || app == host {
		return host
	}
	return app + " (on " + host + ")"
}

// side says who detected and what it does next.
type side struct {
	host, app string
	client    bool // a client (reconnects), or a server's handler
	udp       bool // no connection: a UDP peer
	reconnect bool // the client will reconnect
}

// narrateDetect explains a detection: what the side noticed and how.
func narrateDetect(sd side, peer string, cause netsim.Cause, silent time.Duration) string {
	me := who(sd.host, sd.app)
	then := "It closes the connection."
	switch {
	case sd.udp && sd.client:
		then = "Over UDP there is no connection to close: it keeps pinging, and an answer will find the peer alive again."
	case sd.udp:
		then = "Over UDP there is no connection to close: it forgets the peer."
	case sd.client && sd.reconnect:
		then = "It closes the connection and will reconnect."
	}
	switch cause {
	case netsim.CauseFIN:
		return fmt.Sprintf("%s read EOF: %s closed the connection with a FIN, and %s knew at once. %s", me, peer, sd.host, then)
	case netsim.CauseRST:
		return fmt.Sprintf("%s got a RST from %s: the other side has no such connection (it rebooted, or a middlebox reset it). The error is immediate: ECONNRESET. %s", me, peer, then)
	case netsim.CauseKeepalive:
		return fmt.Sprintf("%s's TCP keepalive probes went unanswered: the kernel reset the connection and reported ETIMEDOUT, %s after the last segment from %s (idle + interval × count). %s",
			me, dur(silent), peer, then)
	case netsim.CauseRetransmitTimeout:
		return fmt.Sprintf("%s retransmitted its unacknowledged data until tcp_retries2 ran out, and gave up: ETIMEDOUT, %s after the last segment from %s. No RST is sent. %s", me, dur(silent), peer, then)
	case netsim.CauseUserTimeout:
		return fmt.Sprintf("%s's TCP_USER_TIMEOUT passed with data still unacknowledged: ETIMEDOUT, %s after the last segment from %s. %s", me, dur(silent), peer, then)
	case netsim.CauseHeartbeatTimeout:
		tcp := " TCP alone would not have told it."
		if sd.udp {
			tcp = ""
		}
		return fmt.Sprintf("%s heard no heartbeat from %s for %s and declares it dead.%s %s", me, peer, dur(silent), tcp, then)
	case netsim.CauseIdleTimeout:
		return fmt.Sprintf("%s saw nothing from %s for %s (its idle timeout) and declares it gone. %s", me, peer, dur(silent), then)
	}
	return fmt.Sprintf("%s lost %s: %s. %s", me, peer, cause, then)
}

// narrateConnectFailed explains a failed connect attempt.
func narrateConnectFailed(c *client, cause netsim.Cause) string {
	me := who(c.cfg.Host, c.name)
	switch cause {
	case netsim.CauseRefused:
		return fmt.Sprintf("%s: connection to %s refused. The host is up but nothing listens on the port: it answered the SYN with a RST.", me, c.target)
	case netsim.CauseConnectTimeout:
		return fmt.Sprintf("%s: connecting to %s timed out: no SYN-ACK came back.", me, c.target)
	}
	return fmt.Sprintf("%s: connecting to %s failed: %s.", me, c.target, cause)
}

// narrateCallFailed explains a connect call that failed on its own host.
func narrateCallFailed(c *client, errno netsim.Errno) string {
	return fmt.Sprintf("%s: connect() to %s failed at once with %s, on its own host: no SYN left, and the peer knows nothing of it.",
		who(c.cfg.Host, c.name), c.target, errno.Name())
}

// narrateNoReconnect explains that a client stops trying.
func narrateNoReconnect(c *client) string {
	me := who(c.cfg.Host, c.name)
	if c.cfg.Reconnect.Policy == BackoffNone {
		return fmt.Sprintf("%s does not reconnect (reconnect policy none).", me)
	}
	attempts := "attempts"
	if c.bo.attempt == 1 {
		attempts = "attempt"
	}
	return fmt.Sprintf("%s gives up after %d %s (reconnect.max_attempts).", me, c.bo.attempt, attempts)
}

// narrateAccept explains a new connection on a server.
func narrateAccept(srv *server, c *netsim.Conn) string {
	return fmt.Sprintf("%s accepted %s: a new socket with its own 5-tuple (%s), served by a handler of its own, while the listening socket on port %d goes on listening for more.",
		who(srv.cfg.Host, srv.cfg.Name), c.RemoteAddr(), c.Name(), srv.cfg.Port)
}

// narrateReconnected explains a successful reconnection.
func narrateReconnected(c *client) string {
	down := ""
	if c.lostAt > 0 {
		down = fmt.Sprintf(", %s after the connection was lost", dur(c.s.Now()-c.lostAt))
	}
	return fmt.Sprintf("%s is connected again (attempt %d%s). The server sees a new connection: a new 5-tuple, a new port.",
		who(c.cfg.Host, c.name), c.bo.attempt, down)
}

// Teaches wraps a scenario's teaching text for the narration at the start.
func Teaches(text string) string { return strings.Join(strings.Fields(text), " ") }
