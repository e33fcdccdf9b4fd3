package lab

import (
	"net/netip"
	"time"

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
	Flows       []FlowView
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
	Tuple    string // "tcp 10.0.0.2:50312 > 10.0.0.1:8080", local first
	State    string // the TCP state; "UDP" for a datagram peer
	AppState string // "alive", "2 pings unanswered", "reconnecting", ...
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
	Name            string // "next ping", "keepalive", "rto", "reconnect backoff", ...
	Start, Deadline time.Duration
	Detail          string
}

// AppView sums up an app.
type AppView struct {
	Name    string
	Kind    string
	Host    string
	Summary string // "3 of 3 connected", "listening on :8080, 3 clients"
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
			if d, ok := s.facts.detected[h.Name()+" "+c.Name()]; ok {
				cv.Detected = &d
			}
			snap.Conns = append(snap.Conns, cv)
			for _, t := range c.Timers() {
				snap.Timers = append(snap.Timers, TimerView{Host: h.Name(), App: app, Conn: c.Name(),
					Name: t.Kind.String(), Start: t.Start, Deadline: t.Deadline, Detail: t.Detail})
			}
		}
	}
	for _, m := range s.sim.Middleboxes() {
		cfg := m.Config()
		bv := BoxView{Name: m.Name(), Kind: cfg.Kind.String(), IdleTimeout: cfg.IdleTimeout, Policy: cfg.OnExpired.String()}
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
	av.Summary = itoa(connected) + " of " + itoa(len(g.clients)) + " connected"
	if g.cfg.Kind == KindPoller && len(g.clients) > 0 && g.clients[0].poll != nil {
		st := g.clients[0].poll.stats
		av.Poll = &st
	}
	snap.Apps = append(snap.Apps, av)
}

// annotate sets a client's application state on its connection's row and
// lists its application timers.
func (c *client) annotate(snap *Snapshot) {
	state := c.state.String()
	if c.hb != nil && len(c.hb.pending) > 0 {
		state = itoa(len(c.hb.pending)) + " ping(s) unanswered"
	} else if c.state == ClientConnected {
		state = "alive"
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
			snap.Timers = append(snap.Timers, TimerView{Host: c.cfg.Host, App: c.name, Conn: name,
				Name: t.name, Start: t.start, Deadline: t.deadline, Detail: t.detail})
		}
	}
	if c.retryTimer != nil && c.retryTimer.Armed() {
		snap.Timers = append(snap.Timers, TimerView{Host: c.cfg.Host, App: c.name, Name: "reconnect backoff",
			Start: c.retryTimer.ArmedAt(), Deadline: c.retryTimer.Deadline(),
			Detail: "attempt " + itoa(c.bo.attempt+1) + ", " + c.cfg.Reconnect.Policy})
	}
	if c.connectTimer != nil && c.connectTimer.Armed() {
		snap.Timers = append(snap.Timers, TimerView{Host: c.cfg.Host, App: c.name, Conn: name, Name: "connect timeout",
			Start: c.connectTimer.ArmedAt(), Deadline: c.connectTimer.Deadline()})
	}
}

// view adds a server's state.
func (srv *server) view(now time.Duration, snap *Snapshot) {
	av := AppView{Name: srv.cfg.Name, Kind: srv.cfg.Kind, Host: srv.cfg.Host, Connected: len(srv.handlers) + len(srv.peers)}
	switch {
	case !srv.up:
		av.Summary = "down"
	case srv.cfg.Proto == "udp":
		av.Summary = "udp :" + itoa(int(srv.cfg.Port)) + ", " + itoa(len(srv.peers)) + " peers"
	default:
		av.Summary = "listening :" + itoa(int(srv.cfg.Port)) + ", " + itoa(len(srv.handlers)) + " clients"
	}
	snap.Apps = append(snap.Apps, av)
	for _, h := range srv.handlers {
		state := "alive"
		if len(h.hb.pending) > 0 {
			state = itoa(len(h.hb.pending)) + " ping(s) unanswered"
		}
		if row := snap.conn(srv.cfg.Host, h.conn.Name()); row != nil {
			row.AppState = state
		}
		for _, t := range h.hb.timers() {
			snap.Timers = append(snap.Timers, TimerView{Host: srv.cfg.Host, App: srv.cfg.Name, Conn: h.conn.Name(),
				Name: t.name, Start: t.start, Deadline: t.deadline, Detail: t.detail})
		}
	}
	for _, p := range srv.peers {
		name := srv.udp.Name() + " > " + p.addr.String()
		snap.Conns = append(snap.Conns, ConnView{Host: srv.cfg.Host, App: srv.cfg.Name, Tuple: name, State: "UDP",
			AppState: "alive", LastHeard: now - p.hb.lastRecv, Heard: true})
		for _, t := range p.hb.timers() {
			snap.Timers = append(snap.Timers, TimerView{Host: srv.cfg.Host, App: srv.cfg.Name, Conn: name,
				Name: t.name, Start: t.start, Deadline: t.deadline, Detail: t.detail})
		}
	}
}
