package lab

import (
	"errors"
	"fmt"
	"math/bits"
	"net/netip"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// clientGroup is a client app: Count clients, each its own process with
// its own connection, heartbeat and reconnect policy.
type clientGroup struct {
	s       *Session
	cfg     *AppConfig
	clients []*client
}

func newClientGroup(s *Session, cfg *AppConfig) *clientGroup {
	g := &clientGroup{s: s, cfg: cfg, clients: make([]*client, cfg.Count)}
	// One block, in the order the clients start and ping: client i+1's
	// state lies right after client i's.
	all := make([]client, cfg.Count)
	for i := range all {
		name := cfg.Name
		if cfg.Count > 1 {
			name = fmt.Sprintf("%s#%d", cfg.Name, i+1)
		}
		all[i] = client{s: s, cfg: cfg, name: name, index: i,
			target: s.addrOf(cfg.Connect, cfg.Port+uint16(i%cfg.Ports))}
		g.clients[i] = &all[i]
	}
	return g
}

func (g *clientGroup) name() string       { return g.cfg.Name }
func (g *clientGroup) config() *AppConfig { return g.cfg }

func (g *clientGroup) start() {
	for _, c := range g.clients {
		c.boot()
	}
}

func (g *clientGroup) reconfigure() {
	for _, c := range g.clients {
		c.reconfigure()
	}
}

// client is one connecting application: it connects, watches the
// connection with its heartbeat, and reconnects after losing it.
type client struct {
	// What a ping and its answer visit: these fields, then the
	// heartbeat's hot fields, the client's first four cache lines
	// (layout_test.go). An answer visits the first two alone (these
	// fields, then what received touches and the answer timer's first
	// bytes, which its Stop reads); a ping all four, the last its ping
	// timer's, which the simulator's queue asks for as the timer's turn
	// nears. The client names the three before it to the simulator's
	// prefetch, and the first two as what its notice reads (Conn.SetHint,
	// Hint.Notice, in connect).
	s    *Session
	cfg  *AppConfig
	proc *netsim.Process
	conn *netsim.Conn
	hb   *heartbeat // &beat while a connection is watched, else nil
	sent uint64     // bytes written on conn: the next message's offset
	dec  decoder
	beat heartbeat

	name   string
	held   []byte // what dec holds
	udp    *netsim.UDPConn
	bo     *backoff
	state  ClientState
	index  int
	target netip.AddrPort
	// udpName is the UDP socket's name with the server's address, in
	// events, made once rather than for each datagram.
	udpName string

	// The timers are made when first armed (a nil one is stopped): most
	// clients never arm retryTimer or trafficTimer, and startTimer and
	// connectTimer are let go once done with. A herd of 100,000 clients
	// holds no timer it does not need.
	startTimer, retryTimer, connectTimer, trafficTimer *netsim.Timer

	everConnected bool
	lostAt        time.Duration
	attemptAt     time.Duration // when the connect attempt under way began
	pingScale     time.Duration // a gRPC client doubles its keepalive time after GOAWAY
	poll          *pollState
	_             [16]byte // to a whole number of cache lines: the clients of a group are one block
}

// boot starts the client's process and schedules its first connect.
func (c *client) boot() {
	h := c.s.host(c.cfg.Host)
	p, err := h.NewProcess(c.name)
	if err != nil {
		return // its host is off: it stays down
	}
	c.proc = p
	c.bo = newBackoff(c.cfg.Reconnect, c.s.sim.Rand())
	c.retryTimer, c.connectTimer, c.trafficTimer = nil, nil, nil
	c.become(ClientIdle)
	c.everConnected = false
	c.startTimer = p.NewTimer(c.start)
	c.startTimer.Reset(c.s.Now() + c.cfg.Start + time.Duration(c.index)*c.cfg.Stagger)
}

// start makes the first connection attempt; the start timer is done with.
func (c *client) start() {
	c.startTimer = nil
	c.connect()
}

// alive reports whether the client's process is alive (running or frozen).
// It asks the simulator first (Sim.AllRunning, a line every client reads)
// and the process only when some process of the run is frozen or dead:
// the process's state is a line of its own, a ping's at 10,000 clients.
func (c *client) alive() bool {
	return c.proc != nil && (c.s.sim.AllRunning() || c.proc.Alive())
}

// sockOpts are the socket options the app's configuration asks for. The
// application models set TCP_NODELAY, as the libraries they stand for do
// (Go's net package, gRPC, Netty, the ws WebSocket library): a heartbeat
// that shares an instant with a data message is not held back by Nagle's
// algorithm behind the peer's delayed ACK. Socket scripts start from
// Linux's default (Nagle on) instead.
func sockOpts(a *AppConfig) netsim.SockOpts {
	return netsim.SockOpts{
		KeepAlive: a.Keepalive.Enabled, KeepIdle: a.Keepalive.Idle,
		KeepIntvl: a.Keepalive.Interval, KeepCnt: a.Keepalive.Count,
		UserTimeout: a.UserTimeout, NoDelay: true,
	}
}

// setOptions gives a connection the socket options of a checked
// configuration (a live change of keepalive or user_timeout). The
// configuration's validation holds the same ranges as SockOpts.Validate,
// so a refusal is a bug of the model: it panics, as setParam does.
func setOptions(conn *netsim.Conn, a *AppConfig) {
	if err := conn.SetOptions(sockOpts(a)); err != nil {
		panic("lab: socket options of a checked configuration refused: " + err.Error())
	}
}

// connect makes one connection attempt.
func (c *client) connect() {
	if !c.alive() {
		return
	}
	s := c.s
	reconnect := c.everConnected || c.bo.attempt > 0
	timeout := c.bo.begin(s.Now())
	c.attemptAt = s.Now()
	if reconnect {
		s.totals.Reconnects++
	}
	if c.cfg.Proto == "udp" {
		c.connectUDP()
		return
	}
	conn, err := c.proc.Dial(c.target, sockOpts(c.cfg))
	if err != nil {
		c.callFailed(err)
		return
	}
	c.conn = conn
	c.become(ClientConnecting)
	c.dec, c.held, c.sent = decoder{}, nil, 0
	// The connection tells c itself (Notice): a closure would be an
	// object of its own, a cache line more a notice.
	conn.OnNoticeTo(c)
	conn.SetHint(netsim.HintSpan(c, &c.beat.fixedOn).Notice(2)) // the 3 lines before the ping timer (the queue asks for that one); an answer reads the first 2
	if timeout > 0 {
		armTimer(c.proc, &c.connectTimer, s.Now()+timeout, c.onConnectTimeout, conn)
	}
}

func (c *client) onConnected() {
	s := c.s
	c.connectTimer.Stop()
	c.connectTimer = nil // until the next attempt
	c.become(ClientConnected)
	s.totals.Connects++
	if c.everConnected || c.bo.attempt > 1 {
		s.emit(&ReconnectEvent{At: s.Now(), Host: c.cfg.Host, App: c.name, Attempt: c.bo.attempt,
			Outcome: ReconnectConnected, Conn: c.conn.Name()})
		s.narrate(narrateReconnected(c))
	}
	c.bo.reset()
	c.everConnected = true
	if c.pingScale == 0 {
		c.pingScale = 1
	}
	c.hb = &c.beat
	initHeartbeat(c.hb, c.proc, c.cfg, c, c.conn)
	c.hb.shift = uint8(bits.TrailingZeros64(uint64(c.pingScale))) // a power of two
	c.hb.start()
	if c.cfg.Traffic.Interval > 0 {
		armTimer(c.proc, &c.trafficTimer, s.Now()+c.cfg.Traffic.Interval, c.onTraffic, c.conn)
	}
	if c.cfg.Kind == KindPoller {
		c.startPolling()
	}
}

// Notice is what the client's connections tell it (Conn.OnNoticeTo):
// whatever it is, the client drains the socket: frames to the heartbeat
// and the poller, an error or EOF to the end of the connection. It stops
// when the connection is given up on, or the process dies, on the way.
// (The bytes are handled here rather than in a readAll of the notice's
// or a function of each message's: a call less a notice, and one less a
// message.)
func (c *client) Notice(conn *netsim.Conn, what netsim.Notice) {
	if conn != c.conn {
		return // a connection given up on
	}
	if what == netsim.Connected {
		c.onConnected()
	}
	var f frame
	// The socket is tested before the process: a notice's last test finds
	// nothing to read, and needs no other.
	for conn == c.conn && conn.Readable() && c.alive() {
		data, err := conn.Read()
		if len(data) == 0 {
			if err != nil {
				c.onError(err)
			}
			return
		}
		if c.hb != nil {
			c.hb.received(c.s.Now())
		}
		in := c.dec.read(data, &c.held)
		for len(in) > 0 {
			var ok bool
			if in, ok = c.dec.short(in, &f); !ok {
				if in, ok = c.dec.next(in, &f); !ok {
					break
				}
			}
			c.s.connAppEvent(c.cfg, c.name, c.conn, "recv", &f)
			switch f.typ {
			case framePing:
				c.answer(&f)
			case frameGoAway:
				c.onGoAway()
			case frameResponse, frameEvent:
				c.onFeed(&f)
			}
			if conn != c.conn {
				return // given up on (an answer's write failed): the rest is a dead connection's
			}
		}
		c.dec.keep(in, &c.held)
	}
}

// onError ends the connection the stack ended (or the peer closed).
func (c *client) onError(err error) {
	cause := c.conn.FailCause()
	switch {
	case err == netsim.EOF:
		c.lost(netsim.CauseFIN)
	case c.state == ClientConnecting && cause == 0:
		c.callFailed(err)
	case c.state == ClientConnecting:
		c.attemptFailed(cause)
	case cause == 0:
		c.lost(netsim.CauseRST)
	default:
		c.lost(cause)
	}
}

// Fire is the client's heartbeat's ping timer (initHeartbeat,
// netsim.SetTimerTo); the client's other timers call functions.
func (c *client) Fire() { c.beat.onPingTimer(c) }

func (c *client) sendPing(seq uint32) {
	s, size := c.s, c.cfg.Heartbeat.Size // loaded once: each call in between would have them loaded again
	c.write(s.frame(framePing, seq, s.Now(), size), framePing, seq)
	s.totals.Heartbeats++
	s.totals.HeartbeatBytes += uint64(size)
}

// answer replies to a ping at once, unless this side's heartbeat is
// one-way.
func (c *client) answer(f *frame) {
	if c.cfg.Heartbeat.NoAnswer {
		return
	}
	c.write(c.s.frame(framePong, f.seq, f.sentAt, c.cfg.Heartbeat.Size), framePong, f.seq)
	c.s.totals.HeartbeatAcks++
	c.s.totals.HeartbeatBytes += uint64(c.cfg.Heartbeat.Size)
}

func (c *client) write(b []byte, t frameType, seq uint32) {
	if c.conn == nil { // a UDP client has none: its connection is a datagram socket
		if c.cfg.Proto == "udp" {
			c.writeUDP(b, t, seq)
		}
		return
	}
	c.s.sentAppEvent(c.cfg, c.name, c.conn, t, seq, len(b), c.sent)
	if c.hb != nil {
		c.hb.wrote(c.s.Now())
	}
	if err := c.conn.Write(b, t.msgName()); err != nil {
		c.onError(err)
		return
	}
	c.sent += uint64(len(b))
}

func (c *client) onTraffic() {
	if c.state != ClientConnected || c.cfg.Traffic.Interval <= 0 {
		return
	}
	c.write(c.s.frame(frameData, 0, c.s.Now(), c.cfg.Traffic.Size), frameData, 0)
	if c.state == ClientConnected {
		c.trafficTimer.Reset(c.s.Now() + c.cfg.Traffic.Interval)
	}
}

// onGoAway: the server refused our pings as too frequent (gRPC): double
// the keepalive time, as gRPC clients do; the server closes next.
func (c *client) onGoAway() {
	if scaled(c.cfg.Heartbeat.Interval, c.pingScale) < MaxTime {
		c.pingScale *= 2
	}
	c.s.narrate(i18n.M(i18n.NarrateGoAwayClient, "Client", c.name, "Interval", scaled(c.cfg.Heartbeat.Interval, c.pingScale)))
}

// peerDead: the heartbeat gave up on the peer.
func (c *client) peerDead(cause netsim.Cause, silent time.Duration) {
	if c.cfg.Proto == "udp" {
		c.serverSilent(cause, silent)
		return
	}
	c.lostSilent(cause, silent)
}

// lost: the stack ended the connection (FIN, RST, a TCP timeout); the
// silence is counted from the last segment the connection received.
func (c *client) lost(cause netsim.Cause) {
	c.lostSilent(cause, c.s.Now()-c.conn.LastReceived())
}

// lostSilent ends a connection that was established: detect, close,
// reconnect.
func (c *client) lostSilent(cause netsim.Cause, silent time.Duration) {
	s := c.s
	if c.state != ClientConnected {
		return
	}
	s.totals.Detections++
	name, peer := c.connName(), c.target.String()
	rule := s.detect(side{host: c.cfg.Host, app: c.name, cfg: c.cfg, conn: c.conn, client: true, reconnect: c.cfg.Reconnect.Policy != BackoffNone, missed: c.hb.fired()}, name, peer, cause, silent)
	c.hangUp()
	c.logAndNotify(name, rule, silent)
	c.lostAt = s.Now()
	c.scheduleReconnect()
}

func (c *client) connName() string {
	if c.conn != nil {
		return c.conn.Name()
	}
	if c.udp != nil {
		return c.udpName
	}
	return ""
}

// hangUp closes the connection and stops what watched it.
func (c *client) hangUp() {
	if c.hb != nil {
		c.hb.stop()
		c.hb = nil
	}
	disarm(c.trafficTimer)
	disarm(c.connectTimer)
	if c.poll != nil {
		c.poll.stop()
	}
	if c.conn != nil {
		c.s.closeConn(c.cfg.Host, c.conn)
		c.conn = nil
	}
}

func (c *client) onConnectTimeout() {
	if c.state != ClientConnecting {
		return
	}
	c.attemptFailed(netsim.CauseConnectTimeout)
}

// attemptFailed: a connect attempt did not succeed: the peer refused it,
// or it timed out.
func (c *client) attemptFailed(cause netsim.Cause) {
	s := c.s
	s.totals.Detections++
	rule := connectRule(cause, s.Now()-c.attemptAt)
	s.noteDetect(&DetectEvent{At: s.Now(), Host: c.cfg.Host, App: c.name, Conn: c.connName(), Peer: c.target.String(), Cause: cause,
		Rule: rule})
	c.giveUpAttempt(cause.String(), rule, narrateConnectFailed(c, cause))
}

// callFailed: the connect call itself failed, on this host (no free
// local port: EADDRNOTAVAIL), before anything reached the peer. Nothing was
// learnt about the peer, so it is no detection; the attempt failed all the
// same.
func (c *client) callFailed(err error) {
	var errno netsim.Errno
	if !errors.As(err, &errno) {
		panic("lab: connect failed with a checked configuration: " + err.Error())
	}
	c.giveUpAttempt(errno.Name(), i18n.Message{}, narrateCallFailed(c, errno))
}

// giveUpAttempt ends a failed connect attempt: the reconnect event (for a
// reconnection), the narration, and the next attempt. why is the code the
// event stream carries; rule, if any, says it for people.
func (c *client) giveUpAttempt(why string, rule i18n.Message, narration i18n.Message) {
	s := c.s
	if c.everConnected || c.bo.attempt > 1 {
		s.emit(&ReconnectEvent{At: s.Now(), Host: c.cfg.Host, App: c.name, Attempt: c.bo.attempt,
			Outcome: ReconnectFailed, Error: why, Rule: rule})
	}
	s.narrate(narration)
	if c.conn != nil {
		c.conn.Abort()
		c.conn = nil
	}
	c.scheduleReconnect()
}

func (c *client) scheduleReconnect() {
	s := c.s
	if c.bo.exhausted() {
		c.become(ClientGaveUp)
		s.narrate(narrateNoReconnect(c))
		if c.cfg.Reconnect.Policy != BackoffNone {
			c.logGiveUp()
		}
		return
	}
	d := c.bo.delay(s.Now())
	c.become(ClientWaiting)
	s.emit(&ReconnectEvent{At: s.Now(), Host: c.cfg.Host, App: c.name, Attempt: c.bo.attempt + 1,
		Delay: d, Outcome: ReconnectScheduled})
	armTimer(c.proc, &c.retryTimer, s.Now()+d, c.connect, nil)
}

// reconfigure applies live parameter changes.
func (c *client) reconfigure() {
	if c.conn != nil {
		setOptions(c.conn, c.cfg)
	}
	if c.hb != nil {
		c.hb.rearm()
	}
	if c.bo != nil {
		c.bo.cfg = c.cfg.Reconnect
	}
}

// crashed: the client's process is gone (its host lost power, or it was
// crashed): it does nothing more until restarted.
func (c *client) crashed() {
	if c.hb != nil {
		c.hb.stop()
		c.hb = nil
	}
	c.conn, c.udp = nil, nil
	c.become(ClientDown)
}
