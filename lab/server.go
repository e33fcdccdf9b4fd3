package lab

import (
	"net/netip"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// server is a server or feed app: it listens, accepts each client into a
// handler of its own and keeps listening; each handler answers pings,
// watches its client with the server's heartbeat settings, and closes
// clients it declares dead.
type server struct {
	s         *Session
	cfg       *AppConfig
	proc      *netsim.Process
	listeners []*netsim.Listener // one per port, from cfg.Port on
	udp       *netsim.UDPConn
	handlers  []*handler
	peers     []*udpPeer
	peerAt    map[netip.AddrPort]*udpPeer // the peers by address
	accept    *netsim.Timer
	up        bool
	feed      *feed
	accepted  uint64
}

func newServer(s *Session, cfg *AppConfig) *server {
	srv := &server{s: s, cfg: cfg}
	if cfg.Kind == KindFeed {
		srv.feed = &feed{srv: srv}
	}
	return srv
}

func (srv *server) name() string       { return srv.cfg.Name }
func (srv *server) config() *AppConfig { return srv.cfg }

// start runs the server's process: listen and serve.
func (srv *server) start() {
	h := srv.s.host(srv.cfg.Host)
	p, err := h.NewProcess(srv.cfg.Name)
	if err != nil {
		return
	}
	srv.proc, srv.handlers, srv.peers, srv.peerAt = p, nil, nil, nil
	if srv.cfg.Proto == "udp" {
		srv.startUDP()
		return
	}
	srv.listeners = srv.listeners[:0]
	for i := range srv.cfg.Ports {
		port := srv.cfg.Port + uint16(i)
		l, err := p.Listen(port, srv.cfg.Backlog, sockOpts(srv.cfg))
		if err != nil {
			srv.s.narrate(i18n.M(i18n.NarrateCannotListen, "Server", srv.cfg.Name, "Port", port, "Err", err))
			return
		}
		l.OnAcceptable(func() { srv.onAcceptable(l) })
		srv.listeners = append(srv.listeners, l)
	}
	srv.up = true
	srv.accept = p.NewTimer(srv.acceptQueued)
	if srv.feed != nil {
		srv.feed.start(p)
	}
}

// onAcceptable takes connections off l's accept queue: all at once, or
// one per AcceptDelay (the time the application needs per connection).
func (srv *server) onAcceptable(l *netsim.Listener) {
	if srv.cfg.AcceptDelay == 0 {
		for srv.acceptOne(l); l.Queued() > 0 && srv.up; {
			srv.acceptOne(l)
		}
		return
	}
	if !srv.accept.Armed() {
		srv.accept.Reset(srv.s.Now() + srv.cfg.AcceptDelay)
	}
}

// acceptQueued accepts one connection after AcceptDelay: from the first
// listener with one waiting, and arms the delay again while any waits.
func (srv *server) acceptQueued() {
	for _, l := range srv.listeners {
		if l.Queued() > 0 {
			srv.acceptOne(l)
			break
		}
	}
	for _, l := range srv.listeners {
		if srv.up && l.Queued() > 0 {
			srv.accept.Reset(srv.s.Now() + srv.cfg.AcceptDelay)
			return
		}
	}
}

func (srv *server) acceptOne(l *netsim.Listener) {
	if !srv.up {
		return
	}
	c := l.Accept()
	if c == nil {
		return
	}
	srv.accepted++
	h := &handler{srv: srv, conn: c}
	srv.handlers = append(srv.handlers, h)
	if len(srv.handlers) <= 3 {
		// The first few accepts are the lesson; a herd of them is noise.
		srv.s.narrate(narrateAccept(srv, c))
	}
	h.start()
}

// reconfigure applies live parameter changes to every handler.
func (srv *server) reconfigure() {
	for _, h := range srv.handlers {
		setOptions(h.conn, srv.cfg)
		h.beat.rearm()
	}
	for _, p := range srv.peers {
		p.hb.rearm()
	}
}

// down: the server's process is gone; its handlers with it.
func (srv *server) down() {
	srv.up = false
	for _, h := range srv.handlers {
		h.beat.stop()
	}
	for _, p := range srv.peers {
		p.hb.stop()
	}
	srv.handlers, srv.peers, srv.peerAt, srv.listeners, srv.udp = nil, nil, nil, nil, nil
	if srv.feed != nil {
		srv.feed.stop()
	}
}

func (srv *server) remove(h *handler) {
	for i, x := range srv.handlers {
		if x == h {
			srv.handlers = append(srv.handlers[:i], srv.handlers[i+1:]...)
			return
		}
	}
}

// handler serves one client connection.
type handler struct {
	// What an answer visits: these fields, then what its heartbeat's
	// received and wrote touch, the heartbeat's first 24 bytes, all in its
	// first cache line (layout_test.go), which the handler names to the
	// simulator's prefetch (Conn.SetHint, in start).
	srv    *server // its Session and settings too: srv.s, srv.cfg (the server's line, which every answer reads)
	conn   *netsim.Conn
	sent   uint64 // bytes written: the next message's offset
	dec    decoder
	closed bool
	beat   heartbeat

	held     []byte // what dec holds
	strikes  int
	lastPing time.Duration
	sub      *subscription
	_        [48]byte // to 448 bytes: a size class whose objects start on a cache line
}

func (h *handler) start() {
	srv := h.srv
	initHeartbeat(&h.beat, srv.proc, srv.cfg, h, h.conn)
	h.beat.start()
	h.conn.OnNoticeTo(h) // h itself (Notice): a closure would be a line more a notice
	h.conn.SetHint(netsim.HintSpan(h, &h.beat.npend))
	h.Notice(h.conn, netsim.Readable) // what came with the handshake
}

// Notice is what the handler's connection tells it (Conn.OnNoticeTo):
// whatever it is, the handler drains the socket as the client's does,
// until the handler closes or its process dies. (Here rather than in a
// readAll of its own: one call less a notice.)
func (h *handler) Notice(*netsim.Conn, netsim.Notice) {
	s, cfg := h.srv.s, h.srv.cfg
	var f frame
	for !h.closed && h.conn.Readable() && h.srv.proc.Alive() { // the socket first, as the client's
		data, err := h.conn.Read()
		if len(data) == 0 {
			if err != nil {
				h.onError(err)
			}
			return
		}
		h.beat.received(s.Now())
		in := h.dec.read(data, &h.held)
		for len(in) > 0 {
			var ok bool
			if in, ok = h.dec.short(in, &f); !ok {
				if in, ok = h.dec.next(in, &f); !ok {
					break
				}
			}
			if h.closed {
				break
			}
			s.connAppEvent(cfg, cfg.Name, h.conn, "recv", &f)
			switch f.typ {
			case framePing:
				// answered at once (here rather than in a function of
				// its own: a call less a ping), unless pings come too
				// often for the server's enforcement policy (gRPC)
				if cfg.Heartbeat.MinPingInterval > 0 && h.struck() {
					break
				}
				if !cfg.Heartbeat.NoAnswer {
					size := cfg.Heartbeat.Size // loaded once: the write's call would have it loaded again
					h.write(s.frame(framePong, f.seq, f.sentAt, size), framePong, f.seq)
					s.totals.HeartbeatAcks++
					s.totals.HeartbeatBytes += uint64(size)
				}
			case frameRequest:
				h.srv.feed.request(h, &f)
			}
		}
		h.dec.keep(in, &h.held)
	}
}

// struck counts a ping against the server's enforcement policy (gRPC's
// minimum ping interval, which is set): too many pings too close, and it
// sends GOAWAY too_many_pings and closes. It reports whether it closed.
func (h *handler) struck() bool {
	s, cfg := h.srv.s, h.srv.cfg
	now, min := s.Now(), cfg.Heartbeat.MinPingInterval
	if h.lastPing > 0 && now-h.lastPing < min {
		h.strikes++
	}
	h.lastPing = now
	if h.strikes <= cfg.Heartbeat.MaxPingStrikes {
		return false
	}
	h.write(s.frame(frameGoAway, 0, now, 53), frameGoAway, 0)
	s.narrate(i18n.M(i18n.NarrateGoAwayServer, "Server", cfg.Name, "Min", min, "Count", h.strikes))
	h.close()
	return true
}

// Fire is the handler's heartbeat's ping timer (initHeartbeat,
// netsim.SetTimerTo).
func (h *handler) Fire() { h.beat.onPingTimer(h) }

func (h *handler) sendPing(seq uint32) {
	s, cfg := h.srv.s, h.srv.cfg
	h.write(s.frame(framePing, seq, s.Now(), cfg.Heartbeat.Size), framePing, seq)
	s.totals.Heartbeats++
	s.totals.HeartbeatBytes += uint64(cfg.Heartbeat.Size)
}

func (h *handler) write(b []byte, t frameType, seq uint32) {
	if h.closed {
		return
	}
	s, cfg := h.srv.s, h.srv.cfg
	s.sentAppEvent(cfg, cfg.Name, h.conn, t, seq, len(b), h.sent)
	h.beat.wrote(s.Now())
	if err := h.conn.Write(b, t.msgName()); err != nil {
		h.onError(err)
		return
	}
	h.sent += uint64(len(b))
}

// onError: the stack ended the connection (FIN, RST, a TCP timeout); the
// silence is counted from the last segment the connection received.
func (h *handler) onError(err error) {
	cause := h.conn.FailCause()
	switch {
	case err == netsim.EOF:
		cause = netsim.CauseFIN
	case cause == 0:
		cause = netsim.CauseRST
	}
	h.lost(cause, h.srv.s.Now()-h.conn.LastReceived())
}

func (h *handler) peerDead(cause netsim.Cause, silent time.Duration) { h.lost(cause, silent) }

// lost: the handler concludes its client is gone, and closes.
func (h *handler) lost(cause netsim.Cause, silent time.Duration) {
	if h.closed {
		return
	}
	s, cfg := h.srv.s, h.srv.cfg
	s.totals.Detections++
	peer := h.conn.RemoteAddr().String()
	rule := s.detect(side{host: cfg.Host, app: cfg.Name, cfg: cfg, conn: h.conn, missed: h.beat.fired()}, h.conn.Name(), peer, cause, silent)
	h.close()
	h.logLost(peer, rule, silent)
}

func (h *handler) close() {
	if h.closed {
		return
	}
	h.closed = true
	h.beat.stop()
	if h.sub != nil {
		h.srv.feed.unsubscribe(h)
	}
	h.srv.s.closeConn(h.srv.cfg.Host, h.conn)
	h.srv.remove(h)
}
