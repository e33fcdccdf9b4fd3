package lab

import (
	"net/netip"
	"slices"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// UDP heartbeats: a client pings a server over UDP and the server answers.
// There is no connection: the server keeps a table of the peers it has
// heard from and forgets one silent for its heartbeat timeout; the client
// declares the server dead when its pings go unanswered, and goes on
// pinging (a later answer finds it alive again).

// udpPeer is one client in a UDP server's table.
type udpPeer struct {
	srv  *server
	addr netip.AddrPort
	name string // the socket's name, with the peer's address
	hb   *heartbeat
	beat heartbeat
}

func (srv *server) startUDP() {
	u, err := srv.proc.ListenUDP(srv.cfg.Port)
	if err != nil {
		return
	}
	srv.udp, srv.up = u, true
	u.OnReadable(srv.readUDP)
}

func (srv *server) readUDP() {
	s, cfg := srv.s, srv.cfg
	for srv.up {
		d, ok := srv.udp.ReadFrom()
		if !ok {
			return
		}
		peer := srv.peer(d.From)
		peer.hb.received(s.Now())
		for f := range datagramFrames(d.Payload) {
			s.appEvent(cfg.Host, cfg.Name, peer.name, "recv", f)
			if f.typ == framePing && !cfg.Heartbeat.NoAnswer {
				b := s.frame(framePong, f.seq, f.sentAt, cfg.Heartbeat.Size)
				s.appEvent(cfg.Host, cfg.Name, peer.name, "send", &frame{typ: framePong, seq: f.seq, size: len(b)})
				srv.udp.WriteTo(b, d.From, framePong.msgName())
				s.totals.HeartbeatAcks++
				s.totals.HeartbeatBytes += uint64(len(b))
			}
		}
	}
}

// peer finds or adds a client in the table.
func (srv *server) peer(addr netip.AddrPort) *udpPeer {
	if p := srv.peerAt[addr]; p != nil {
		return p // by the index: a table of 100,000 clients is not searched for each datagram
	}
	p := &udpPeer{srv: srv, addr: addr, name: srv.udp.Name() + " > " + addr.String()}
	p.hb = &p.beat
	initHeartbeat(p.hb, srv.proc, srv.cfg, p, nil)
	p.hb.start()
	srv.peers = append(srv.peers, p)
	if srv.peerAt == nil {
		srv.peerAt = map[netip.AddrPort]*udpPeer{}
	}
	srv.peerAt[addr] = p
	return p
}

// Fire is the peer's heartbeat's ping timer (initHeartbeat,
// netsim.SetTimerTo).
func (p *udpPeer) Fire() { p.beat.onPingTimer(p) }

// sendPing pings the client.
func (p *udpPeer) sendPing(seq uint32) {
	s, cfg := p.srv.s, p.srv.cfg
	b := s.frame(framePing, seq, s.Now(), cfg.Heartbeat.Size)
	s.appEvent(cfg.Host, cfg.Name, p.name, "send", &frame{typ: framePing, seq: seq, size: len(b)})
	p.srv.udp.WriteTo(b, p.addr, framePing.msgName())
}

// peerDead: the client fell silent; the server forgets it.
func (p *udpPeer) peerDead(cause netsim.Cause, silent time.Duration) {
	srv := p.srv
	s, cfg := srv.s, srv.cfg
	s.totals.Detections++
	s.detect(side{host: cfg.Host, app: cfg.Name, cfg: cfg, udp: true, missed: p.hb.fired()}, p.name, p.addr.String(), cause, silent)
	srv.peers = slices.DeleteFunc(srv.peers, func(x *udpPeer) bool { return x == p })
	delete(srv.peerAt, p.addr)
}

// connectUDP "connects" a UDP client: it binds a socket and starts
// pinging at once.
func (c *client) connectUDP() {
	u, err := c.proc.ListenUDP(0)
	if err != nil {
		c.callFailed(err)
		return
	}
	c.udp, c.udpName = u, u.Name()+" > "+c.target.String()
	c.become(ClientConnected)
	c.everConnected = true
	u.OnReadable(func() {
		for {
			d, ok := u.ReadFrom()
			if !ok {
				return
			}
			if c.state == ClientWaiting {
				c.reviveUDP()
			}
			c.hb.received(c.s.Now())
			for f := range datagramFrames(d.Payload) {
				c.s.appEvent(c.cfg.Host, c.name, c.connName(), "recv", f)
				if f.typ == framePing {
					c.answer(f)
				}
			}
		}
	})
	c.hb = &c.beat
	initHeartbeat(c.hb, c.proc, c.cfg, c, nil)
	c.hb.start()
}

// serverSilent: the server stopped answering. There is no connection to
// close: the client says so and keeps pinging.
func (c *client) serverSilent(cause netsim.Cause, silent time.Duration) {
	s := c.s
	if c.state != ClientWaiting {
		s.totals.Detections++
		s.detect(side{host: c.cfg.Host, app: c.name, cfg: c.cfg, client: true, udp: true, missed: c.hb.fired()}, c.connName(), c.target.String(), cause, silent)
		c.become(ClientWaiting)
	}
	initHeartbeat(c.hb, c.proc, c.cfg, c, nil) // in place of the one that gave up
	c.hb.start()
}

// reviveUDP: an answer came back after the server was declared dead.
func (c *client) reviveUDP() {
	c.become(ClientConnected)
	c.s.narrate(i18n.M(i18n.NarrateUDPRevived, "Client", c.name, "Peer", c.target))
}

func (c *client) writeUDP(b []byte, t frameType, seq uint32) {
	if c.udp == nil {
		return
	}
	c.s.appEvent(c.cfg.Host, c.name, c.connName(), "send", &frame{typ: t, seq: seq, size: len(b)})
	if c.hb != nil {
		c.hb.wrote(c.s.Now())
	}
	c.udp.WriteTo(b, c.target, t.msgName())
}
