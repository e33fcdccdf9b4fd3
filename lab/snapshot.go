package lab

import (
	"net/netip"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// Snapshot is the state of the lab at one instant, for display: what the
// interface draws in its hosts, connections and timers panes.
type Snapshot struct {
	Now    time.Duration
	Seed   uint64
	Hosts  []HostView
	Boxes  []BoxView
	Links  []LinkView
	Conns  []ConnView
	Timers []TimerView
	Apps   []AppView
	Totals Counters

	connIndex map[string]int // host + " " + tuple → index in Conns
}

// conn finds a connection's row.
func (snap *Snapshot) conn(host, tuple string) *ConnView {
	if i, ok := snap.connIndex[host+" "+tuple]; ok {
		return &snap.Conns[i]
	}
	return nil
}

// HostView is a host.
type HostView struct {
	Name      string
	IP        netip.Addr
	OS        string
	Powered   bool
	Processes []ProcView
	Listening []ListenView
}

// ProcView is a process: "running", "frozen" or "dead".
type ProcView struct {
	Name  string
	State string
}

// ListenView is a listening socket.
type ListenView struct {
	App      string // the app that listens
	Addr     netip.AddrPort
	Queued   int
	Backlog  int
	HalfOpen int
	Drops    uint64
}

// BoxView is a middlebox and its flow table.
type BoxView struct {
	Name        string
	Kind        string
	IdleTimeout time.Duration
	Policy      string
	// Conntrack is the box's Linux conntrack and ruleset, when it runs
	// them (Tracked): a firewall or NAT whose policy is not rst or
	// rst-both. Explicit: set apart (conntrack:), not by Policy's
	// shorthand.
	Conntrack netsim.Conntrack
	Tracked   bool
	Explicit  bool
	// Counts counts the packets of no known flow dropped, by rule, and
	// passed untracked.
	Counts netsim.MiddleboxCounts
	Flows  []FlowView
}

// FlowView is one flow of a middlebox.
type FlowView struct {
	Proto                   string
	Inside, Outside, Mapped netip.AddrPort
	Idle, Timeout           time.Duration
}

// LinkView is a link.
type LinkView struct {
	Name    string
	Up      bool
	Latency time.Duration
	Loss    float64
	Packets uint64
	Bytes   uint64
}

// ConnView is a TCP connection (or a UDP peer), as one of its ends sees it.
type ConnView struct {
	Host     string
	App      string
	Tuple    string       // "tcp 10.0.0.2:50312 > 10.0.0.1:8080", local first
	State    string       // the TCP state; "UDP" for a datagram peer
	AppState i18n.Message // "alive", "2 ping(s) unanswered", "waiting", ...
	// LastHeard is how long ago the last segment arrived; Heard says one
	// has (a SYN_SENT socket has heard nothing: LastHeard is then the time
	// since 0, and means nothing).
	LastHeard   time.Duration
	Heard       bool
	BytesIn     uint64
	BytesOut    uint64
	Retransmits uint64

	// Truth is what the simulator knows of the peer, beside what this end
	// believes (State, AppState, LastHeard).
	Truth Truth
	// HalfOpen marks an end whose application still holds a connection
	// its peer no longer has, undetected.
	HalfOpen bool
	// Detected is this end's conclusion that its peer is gone, once its
	// application has come to it (nil before).
	Detected *Detection
}

// TimerView is a live timer: a TCP timer of a connection, or an
// application's.
type TimerView struct {
	Host, App, Conn string
	// Name is the timer's identity: its catalog ID ("timer.next_ping",
	// "timer.rto"); Label words it, Detail says more (when it has more to
	// say).
	Name            i18n.ID
	Label, Detail   i18n.Message
	Start, Deadline time.Duration
}

// timerView makes the view of a timer named by its catalog ID.
func timerView(host, app, conn string, name i18n.ID, start, deadline time.Duration, detail i18n.Message) TimerView {
	return TimerView{Host: host, App: app, Conn: conn, Name: name, Label: i18n.M(name), Detail: detail,
		Start: start, Deadline: deadline}
}

// tcpTimerView makes the view of a connection's TCP timer.
func tcpTimerView(host, app, conn string, t netsim.TimerInfo) TimerView {
	var detail i18n.Message
	switch {
	case t.Kind == netsim.TimerRTO && t.Retries > 0:
		detail = i18n.M(i18n.TimerRetryRTO, "N", t.Retries, "RTO", t.RTO)
	case t.Retries > 0:
		detail = i18n.M(i18n.TimerRetry, "N", t.Retries)
	case t.MaxProbes > 0:
		detail = i18n.M(i18n.TimerProbesOf, "N", t.Probes, "Max", t.MaxProbes)
	case t.Kind == netsim.TimerZeroWindowProbe:
		detail = i18n.M(i18n.TimerProbe, "N", t.Probes)
	}
	return timerView(host, app, conn, i18n.ID("timer."+t.Kind.String()), t.Start, t.Deadline, detail)
}

// AppView sums up an app.
type AppView struct {
	Name    string
	Kind    string
	Host    string
	Summary i18n.Message // "3 of 3 connected", "listening :8080, 3 clients"
	// Connected counts a client app's connected clients (of Total), or a
	// server's clients.
	Connected, Total int
	Poll             *PollStats
}

// Snapshot takes the state of the lab now.
func (s *Session) Snapshot() *Snapshot {
	now := s.Now()
	snap := &Snapshot{Now: now, Seed: s.cfg.Seed, Totals: s.totals}
	appOf := map[*netsim.Process]string{}
	for _, a := range s.apps {
		for _, p := range s.processes(a.name()) {
			appOf[p] = a.name()
		}
	}
	for _, h := range s.sim.Hosts() {
		hv := HostView{Name: h.Name(), IP: h.Addr(), OS: h.Profile().Name, Powered: h.Powered()}
		for _, p := range h.Processes() {
			st := "running"
			if p.Frozen() {
				st = "frozen"
			} else if !p.Alive() {
				st = "dead"
			}
			hv.Processes = append(hv.Processes, ProcView{Name: p.Name(), State: st})
		}
		for _, l := range h.Listeners() {
			hv.Listening = append(hv.Listening, ListenView{App: l.Owner(), Addr: l.Addr(), Queued: l.Queued(),
				Backlog: l.Backlog(), HalfOpen: l.HalfOpen(), Drops: l.Drops()})
		}
		snap.Hosts = append(snap.Hosts, hv)
		for _, c := range h.Conns() {
			app := ""
			if c.Process() != nil {
				app = appOf[c.Process()]
			}
			st := c.Stats()
			cv := ConnView{Host: h.Name(), App: app, Tuple: c.Name(), State: c.State().String(),
				LastHeard: now - c.LastReceived(), Heard: st.SegsIn > 0, BytesIn: st.BytesIn, BytesOut: st.BytesOut, Retransmits: st.Retransmits,
				Truth: s.truthOf(h, c)}
			cv.HalfOpen = halfOpen(c, cv.Truth)
			if d, ok := s.facts.detected[h.Name()+" "+c.Name()]; ok && d.At >= st.Established {
				cv.Detected = &d // not a detection of an older connection on the same ports
			}
			snap.Conns = append(snap.Conns, cv)
			for _, t := range c.Timers() {
				snap.Timers = append(snap.Timers, tcpTimerView(h.Name(), app, c.Name(), t))
			}
		}
	}
	for _, m := range s.sim.Middleboxes() {
		cfg := m.Config()
		bv := BoxView{Name: m.Name(), Kind: cfg.Kind.String(), IdleTimeout: cfg.IdleTimeout, Policy: cfg.OnExpired.String()}
		bv.Conntrack, bv.Tracked = cfg.Tracking()
		bv.Explicit, bv.Counts = cfg.Conntrack != nil, m.Counts()
		for _, f := range m.Flows() {
			bv.Flows = append(bv.Flows, FlowView{Proto: f.Proto.String(), Inside: f.Inside, Outside: f.Outside,
				Mapped: f.Mapped, Idle: now - f.LastSeen, Timeout: f.Timeout})
		}
		snap.Boxes = append(snap.Boxes, bv)
	}
	for _, l := range s.sim.Links() {
		cfg := l.Config()
		pk, by := l.Counters()
		snap.Links = append(snap.Links, LinkView{Name: l.Name(), Up: l.Up(), Latency: cfg.Latency, Loss: cfg.Loss,
			Packets: pk[0] + pk[1], Bytes: by[0] + by[1]})
	}
	snap.connIndex = make(map[string]int, len(snap.Conns))
	for i, c := range snap.Conns {
		snap.connIndex[c.Host+" "+c.Tuple] = i
	}
	tcpTimers := len(snap.Timers)
	for _, a := range s.apps {
		a.view(now, snap)
	}
	// A connection's TCP timers belong to the application instance the
	// views just named on its row ("clients#3", not the group "clients").
	for i := range snap.Timers[:tcpTimers] {
		t := &snap.Timers[i]
		if row := snap.conn(t.Host, t.Conn); row != nil && row.App != "" {
			t.App = row.App
		}
	}
	return snap
}

// view adds a client group's state: its application state on each
// connection and its application timers.
func (g *clientGroup) view(now time.Duration, snap *Snapshot) {
	connected := 0
	for _, c := range g.clients {
		if c.state == ClientConnected {
			connected++
		}
		c.annotate(snap)
	}
	av := AppView{Name: g.cfg.Name, Kind: g.cfg.Kind, Host: g.cfg.Host, Connected: connected, Total: len(g.clients)}
	av.Summary = i18n.M(i18n.SummaryClients, "N", connected, "Total", len(g.clients))
	if g.cfg.Kind == KindPoller && len(g.clients) > 0 && g.clients[0].poll != nil {
		st := g.clients[0].poll.stats
		av.Poll = &st
	}
	snap.Apps = append(snap.Apps, av)
}

// annotate sets a client's application state on its connection's row and
// lists its application timers.
func (c *client) annotate(snap *Snapshot) {
	state := i18n.M(clientStateLabels[c.state])
	if c.hb != nil && c.hb.npend > 0 {
		state = i18n.M(i18n.StateUnanswered, "N", int(c.hb.npend))
	} else if c.state == ClientConnected {
		state = i18n.M(i18n.StateAlive)
	}
	name := c.connName()
	if row := snap.conn(c.cfg.Host, name); row != nil {
		row.AppState, row.App = state, c.name
	} else if c.udp != nil && c.hb != nil {
		snap.Conns = append(snap.Conns, ConnView{Host: c.cfg.Host, App: c.name, Tuple: name, State: "UDP",
			AppState: state, LastHeard: snap.Now - c.hb.lastRecv, Heard: true})
	}
	if c.hb != nil {
		for _, t := range c.hb.timers() {
			snap.Timers = append(snap.Timers, timerView(c.cfg.Host, c.name, name, t.name, t.start, t.deadline, t.detail))
		}
	}
	if c.retryTimer != nil && c.retryTimer.Armed() {
		snap.Timers = append(snap.Timers, timerView(c.cfg.Host, c.name, "", i18n.TimerBackoff,
			c.retryTimer.ArmedAt(), c.retryTimer.Deadline(),
			i18n.M(i18n.TimerAttempt, "N", c.bo.attempt+1, "Policy", c.cfg.Reconnect.Policy)))
	}
	if c.connectTimer != nil && c.connectTimer.Armed() {
		snap.Timers = append(snap.Timers, timerView(c.cfg.Host, c.name, name, i18n.TimerConnect,
			c.connectTimer.ArmedAt(), c.connectTimer.Deadline(), i18n.Message{}))
	}
}

// view adds a server's state.
func (srv *server) view(now time.Duration, snap *Snapshot) {
	av := AppView{Name: srv.cfg.Name, Kind: srv.cfg.Kind, Host: srv.cfg.Host, Connected: len(srv.handlers) + len(srv.peers)}
	switch {
	case !srv.up:
		av.Summary = i18n.M(i18n.SummaryDown)
	case srv.cfg.Proto == "udp":
		av.Summary = i18n.M(i18n.SummaryUDP, "Port", srv.cfg.Port, "N", len(srv.peers))
	default:
		av.Summary = i18n.M(i18n.SummaryListening, "Port", srv.cfg.Port, "N", len(srv.handlers))
	}
	snap.Apps = append(snap.Apps, av)
	for _, h := range srv.handlers {
		state := i18n.M(i18n.StateAlive)
		if h.beat.npend > 0 {
			state = i18n.M(i18n.StateUnanswered, "N", int(h.beat.npend))
		}
		if row := snap.conn(srv.cfg.Host, h.conn.Name()); row != nil {
			row.AppState = state
		}
		for _, t := range h.beat.timers() {
			snap.Timers = append(snap.Timers, timerView(srv.cfg.Host, srv.cfg.Name, h.conn.Name(), t.name, t.start, t.deadline, t.detail))
		}
	}
	for _, p := range srv.peers {
		name := srv.udp.Name() + " > " + p.addr.String()
		snap.Conns = append(snap.Conns, ConnView{Host: srv.cfg.Host, App: srv.cfg.Name, Tuple: name, State: "UDP",
			AppState: i18n.M(i18n.StateAlive), LastHeard: now - p.hb.lastRecv, Heard: true})
		for _, t := range p.hb.timers() {
			snap.Timers = append(snap.Timers, timerView(srv.cfg.Host, srv.cfg.Name, name, t.name, t.start, t.deadline, t.detail))
		}
	}
}
