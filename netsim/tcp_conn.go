package netsim

import (
	"net/netip"
	"time"
)

// Conn is a TCP connection endpoint: a socket after connect() or accept().
// Its methods are the socket calls of an application; the stack drives the
// rest from arriving segments and timers.
//
// An application learns of changes through the notice it sets with
// OnNotice (a function) or OnNoticeTo (a method), called after the step
// that caused them (never from inside the stack), and only while its
// process runs.
type Conn struct {
	// The fields a segment of the steady state reads or writes (sending,
	// receiving, acknowledging, re-arming the timers) come first, packed
	// together: with 100,000 connections each event finds its end out of
	// the processor's caches, and every cache line it touches is a miss of
	// its own. layout_internal_test.go holds them to their lines; the
	// fields of the handshake, the close, the rare paths and the
	// inspector's questions come after the timers. So do those the
	// steady state would only find empty, nil or zero (the process, the
	// out-of-order queue, a bounded send queue's buffers, the counts of
	// retransmissions, duplicate ACKs and probes): a flag of the hot part
	// says whether there is anything to see or zero there (owned,
	// oooHeld, sndBounded, counting): 4 bytes where those fields took 56.
	//
	// Of those lines, a bare ACK's arrival (input with no payload: the
	// ACK of a ping's answer) touches the first connAckLines, up to and
	// with the retransmission timer, which fills a line of its own: the
	// fields after the timer are those only data, sent or received,
	// touches (the delayed-ACK engine, the ID of the packet to
	// acknowledge, the counts of what was sent, the bytes unacknowledged)
	// and opts, whose hot fields a bare ACK does not read either
	// (mayOutput reads sndBounded in place of opts.SndBuf). The queue
	// asks for only those lines ahead of a bare ACK (prefetchSteps, steps
	// 3 and 4).

	host *Host
	// peer is the connection this one last received a segment from: its
	// segments carry it to their receiving host (Packet.to), which then
	// need not look it up. nil once this one has left its host's table.
	peer *Conn
	// notice is what the application hears through (OnNoticeTo), or a
	// plain function (OnNotice, behind noticeFunc): an interface, whose
	// data word points straight at the application's state (or at the
	// function's closure), which the queue asks for ahead (prefetch.go).
	notice Noticer
	// hint is the application's state for this connection (SetHint),
	// which the queue asks for with notice (prefetch.go).
	hint Hint

	sndBuf []byte    // data from sndBufSeq on: unacknowledged, then unsent
	marks  []msgMark // application message names by sequence number
	rcvBuf []byte    // received in order, not yet read
	sent   []sentSeg // segments in flight, oldest first

	// key is the connection's ports and its peer's address, as the host's
	// table files it (its own address is its host's): 8 bytes where two
	// netip.AddrPorts take 64.
	key connKey

	// Send sequence space (RFC 9293 3.3.1).
	iss, sndUna, sndNxt uint32
	sndWnd              uint32 // the peer's advertised window
	sndWL1, sndWL2      uint32 // segment seq and ack of the last window update
	sndBufSeq           uint32
	sndSml              uint32 // the end of the last segment sent shorter than an MSS (tp->snd_sml)
	// Receive sequence space.
	irs, rcvNxt    uint32
	rcvWup, advWnd uint32 // rcvNxt when we last advertised a window, and the window
	// TCP options agreed in the handshake: SACK (RFC 2018), timestamps
	// (RFC 7323 3) and window scaling (RFC 7323 2), each only when both
	// ends offered it. sndWScale scales the peer's windows, rcvWScale
	// ours; tsRecent is the peer's TSval to echo (RFC 7323 4.3). (The
	// offset of the connection's timestamp clock is computed: tsOffset.)
	tsRecent uint32

	// The sizes and counts below (and rcvUnacked, after the timer, and
	// the counts of the cold part) are 32 bits wide, as tcp_sock's are
	// (u32 mss_cache, snd_cwnd, snd_ssthresh, snd_cwnd_cnt, sacked_out;
	// icsk_retransmits and icsk_probes_out are u8), and signed, as the
	// model's arithmetic on them is.
	mss int32
	// Congestion control: Reno slow start and congestion avoidance
	// (RFC 5681) with NewReno recovery (RFC 6582). In bytes, not in
	// segments as the kernel's. (What only congestion avoidance and
	// recovery touch is in the cold part: cwndAcked, dupAcks,
	// fastRecovery, recover.)
	cwnd, ssthresh int32
	// Retransmission (RFC 6298; Linux net/ipv4/tcp_timer.c). (The counts
	// of RTO expiries and of probes unanswered are in the cold part,
	// behind counting.)
	sndMaxWnd uint32        // the largest window the peer advertised (tp->max_window)
	rttSeq    uint32        // the Linux estimator's rtt_seq (kest): snd_nxt when this round trip began
	rto       time.Duration // backoff included
	kest      kernelRTT     // the Linux estimator's state
	// What every segment in counts (Stats; what every segment out counts
	// is after the timer, which a bare ACK does not touch): the segments
	// in 32 bits, as the kernel counts them (tcp_sock's u32 segs_in and
	// segs_out), the bytes in 64 (u64 bytes_received, bytes_sent).
	// lastHeard is keepalive's idle clock too.
	bytesIn   uint64
	lastHeard time.Duration
	segsIn    uint32

	state   State
	rtxKind TimerKind
	// ipID is the IPv4 ID of the next packet (inet_id): the kernel draws
	// it at random when the socket connects or is accepted
	// (get_random_u16); the model derives it from the random ISS, so that
	// no extra draw changes the run.
	ipID      uint16
	sndWScale uint8
	rcvWScale uint8
	tsOK      bool
	// sndBounded is opts.SndBuf != 0 (SO_SNDBUF set) or sb != nil (the
	// send queue is bounded, or was), kept by newConn, SetOptions and
	// bounded: mayOutput, which every segment's arrival calls, reads it
	// here, where opts lies on a line a bare ACK need not touch, and the
	// tests of sb on the way of every segment read it first, sb lying in
	// the cold part.
	sndBounded bool
	finQueued  bool // the application has closed its sending side
	finSent    bool
	finRcvd    bool // the peer's FIN is in sequence
	rdShut     bool // shutdown(SHUT_RD): reads end in EOF instead of waiting
	// owned is proc != nil (adopt, disown, vanish): notify and deliver,
	// which every segment with data calls, test it here, proc lying in
	// the cold part.
	owned bool
	// oooHeld is len(ooo) > 0 (queueOutOfOrder, drainOutOfOrder): every
	// segment sent and every one with data received tests it, ooo lying
	// in the cold part.
	oooHeld bool
	// counting says that one of the counts of trouble (dupAcks,
	// retransmits, probes, probesOut, in the cold part) may be other
	// than 0: set where one of them counts up, it spares the ACKs that
	// zero them (inputAck, onAckAdvance) a write to a cold line when, as
	// nearly always, there is nothing to zero.
	counting bool
	ackOwed  bool // an ACK is due (now or when the delayed-ACK timer fires)
	ackNow   bool // the ACK owed must not wait
	delackOn bool // delack is armed, or armLater armed it for the step's end
	// The delayed-ACK engine's small fields (ackEngine): the quick ACKs
	// left (icsk_ack.quick, u8) and the interactive mode.
	quickAcks uint8
	pingpong  bool
	// Recovery: after an RTO or in fast recovery, until recover is
	// acknowledged.
	inRecovery              bool
	hasRTT, retransStampSet bool
	tlpOut                  bool
	tlpNew                  bool // a tail loss probe is sending new data (the story of output's segments)
	// What the application has (or has not yet) been told.
	err         Errno // set by the stack, reported once
	errReported bool  // after it: writes fail with EPIPE, reads return EOF
	readPending bool
	// accounted is what the connection's buffers add to Sim.Buffered (-1
	// once it has left its host's table: it adds nothing any more). 32
	// bits, as the kernel's counts of a socket's queued bytes are (struct
	// sock's int sk_wmem_queued, atomic_t sk_rmem_alloc), in the last
	// word of the flags: the hot part has no other room, the fields
	// before the timer fill their lines to the byte. A connection holds
	// less than 2 GiB: the receive queue is bounded by the window, and the
	// send queue, which Write fills past SO_SNDBUF, by its callers (lab's
	// budget stops a run at 256 MiB buffered in all, MaxBuffered, checked
	// after every step).
	accounted int32
	// dataOut counts the packets alive (on a wire, in a middlebox) whose
	// payload is a slice of sndBuf: while there are none, an ACK of the
	// whole queue lets the next write reuse its memory (onAckAdvance).
	dataOut uint32

	// rtx is the retransmission timer: SYN, RTO, tail loss probe or
	// zero-window probe. Its 64 bytes start on a line (the fields before
	// it end where one does): the last line a bare ACK touches
	// (onAckAdvance stops it), whole.
	rtx Timer

	// The fields a segment with data, sent or received, touches and a
	// bare ACK does not (see above): one line with opts' hot fields.
	acks       ackEngine
	rcvNxtBy   uint64        // the ID of the packet that last moved rcvNxt: what our ACK acknowledges
	bytesOut   uint64        // Stats, as bytesIn
	lastSent   time.Duration // Stats, as lastHeard
	segsOut    uint32        // Stats, as segsIn
	rcvUnacked int32         // bytes received since the last ACK we sent

	// opts ends the hot part: its first fields (the flags, MaxSeg,
	// SndBuf, RcvBuf) are read by every segment, the keepalive settings
	// after them are not.
	opts SockOpts

	// delack is the delayed-ACK timer, in the cold part: the steady state
	// arms it and cancels it in one step, which writes only delackOn
	// (Sim.armLater).
	delack Timer

	// The rest: what a long run's steady state does not touch.

	owner    string    // the name of the process it belongs (or belonged) to; a passive open's is its listener's
	proc     *Process  // nil once the application has closed it (owned says so on a hot line)
	listener *Listener // a passive open not yet accepted
	id       uint64
	name     string // "tcp 10.0.0.2:50312 > 10.0.0.1:8080"

	ooo []oooSeg // received out of order, sorted by seq (oooHeld says whether any)
	// sb is the send queue's buffers, made once SO_SNDBUF bounds it, or
	// once Send is called on a host that bounds every socket's
	// (tcp_sockbuf.go); never other than nil without sndBounded.
	sb *sendBuffers

	finSeq  uint32 // our FIN's sequence number, read once it is sent
	recover uint32 // NewReno's recovery point (RFC 6582), read in recovery only
	tlpHigh uint32 // snd_nxt when a tail loss probe went out, read while one is out
	// cwndAcked is the bytes acknowledged toward the next
	// congestion-avoidance increase, which a connection still in slow
	// start, as a ping-pong's is (ssthresh starts arbitrarily high),
	// never touches.
	cwndAcked int32
	// The counts of trouble, other than 0 only after counting was set
	// (onAckAdvance zeroes them all, inputAck the probes).
	dupAcks     int32  // duplicate ACKs in a row
	retransmits int32  // RTO expiries since the last forward progress (icsk_retransmits)
	probes      int32  // zero-window probes unanswered
	probesOut   int32  // keepalive probes unanswered (tcp_keepalive_timer)
	retransSegs uint32 // Stats' Retransmits: tp->total_retrans, u32
	// eofReported: the application has been told EOF.
	eofReported bool
	cause       Cause // why the stack ended the connection
	// passive: a passive open (Listener), which only the handshake reads
	// (nextIPID asks for it in SYN_RECEIVED alone).
	passive bool
	// wsOK: window scaling was agreed (agree), which only the handshake
	// reads afterwards (synOptions); the scales themselves are hot.
	wsOK bool
	// sackOK: SACK was agreed (agree), which a segment reads only while
	// data waits out of order (xmit's SACK blocks, behind oooHeld).
	sackOK bool
	// fastRecovery: the recovery under way (inRecovery) is a fast
	// recovery (RFC 6582), read in recovery only.
	fastRecovery bool
	// rcvClosed: the application closed, nothing more will be read. Data
	// arriving tests it only once owned is false (Close disowns first).
	rcvClosed bool

	// srtt and rttvar are the RFC 6298 estimator's; the Linux
	// estimator's are kest's (smoothedRTT).
	srtt           time.Duration
	rttvar         time.Duration
	totalRTO       int           // RTO expiries of this connection (tp->total_rto)
	retransStamp   time.Duration // time of the first RTO retransmission (tp->retrans_stamp)
	stampRTO       time.Duration // the RTO armed by that first retransmission (for RetriesRule)
	gaveUpAt       time.Duration // when retransmission gave up (for RetriesRule)
	persistBackoff int           // zero-window probe interval doublings
	connectStart   time.Duration
	// The rest of Stats.
	establishedAt   time.Duration
	keepaliveProbes uint64

	// Last, the two timers a connection in the steady state of a long run
	// does not touch.
	keepalive Timer
	wait      Timer // TIME_WAIT, or FIN_WAIT_2 of an orphan
}

// msgMark names the application message that starts at seq, by its
// number in the run's table of names (Sim.msgID).
type msgMark struct {
	seq uint32
	msg uint16
}

type oooSeg struct {
	seq  uint32
	data []byte
	fin  bool
	id   uint64 // the packet that brought it
}

// Notice tells an application that something about its socket changed.
type Notice uint8

// Notices.
const (
	// Connected: the handshake of connect() completed.
	Connected Notice = iota + 1
	// Readable: data, the peer's FIN or an error waits to be read.
	Readable
	// Failed: the connection failed; Err or the next Read or Write says
	// how (ECONNRESET, ETIMEDOUT, ECONNREFUSED, EPIPE).
	Failed
	// Writable: a send buffer that was full has room again (Send).
	Writable
)

// SockOpts are the socket options of a connection. Zero values mean "the
// host's default" (its Profile).
type SockOpts struct {
	// The flags and the small numbers come first, side by side: a Conn
	// holds its options, and must fit its size class (layout_internal_test).

	KeepAlive bool // SO_KEEPALIVE
	// LingerZero is SO_LINGER with a zero timeout: close() sends RST.
	LingerZero bool
	// NoDelay is TCP_NODELAY: a small write leaves at once even while an
	// earlier small segment waits for its ACK. Without it Nagle's
	// algorithm holds it back (Linux's default; see output).
	NoDelay bool
	// MaxSeg is TCP_MAXSEG (tp->rx_opt.user_mss): set before connect or
	// listen, it caps the MSS the socket advertises and sends with. Zero:
	// none.
	MaxSeg uint16
	// SndBuf and RcvBuf are SO_SNDBUF and SO_RCVBUF as the kernel keeps
	// them (sk_sndbuf, sk_rcvbuf: Profile.SndBufFor and RcvBufFor turn
	// what setsockopt asks into them). Zero: the socket's buffers are
	// the host's — the receive buffer Profile.RcvBuf, the send buffer not
	// bounded (see Send).
	SndBuf, RcvBuf int32

	KeepIdle  time.Duration // TCP_KEEPIDLE
	KeepIntvl time.Duration // TCP_KEEPINTVL
	KeepCnt   int           // TCP_KEEPCNT
	// UserTimeout is TCP_USER_TIMEOUT: when set, it alone decides when
	// unacknowledged data or unanswered keepalive probes abort the
	// connection (tcp_retries2 and TCP_KEEPCNT no longer do).
	UserTimeout time.Duration
	// SynRetries is TCP_SYNCNT.
	SynRetries int
}

// Validate reports the first option out of its range as a *ConfigError
// naming it as scenario files do ("keepalive.idle").
func (o SockOpts) Validate() error {
	switch {
	case o.KeepIdle < 0:
		return invalid("keepalive.idle", RuleNotNegative, o.KeepIdle)
	case o.KeepIntvl < 0:
		return invalid("keepalive.interval", RuleNotNegative, o.KeepIntvl)
	case o.KeepCnt < 0:
		return invalid("keepalive.count", RuleNotNegative, o.KeepCnt)
	case o.UserTimeout < 0:
		return invalid("user_timeout", RuleNotNegative, o.UserTimeout)
	case o.SynRetries < 0 || o.SynRetries > 127:
		return invalid("syn_retries", RuleBetween, o.SynRetries, 0, 127) // TCP_SYNCNT limit MAX_TCP_SYNCNT
	case o.MaxSeg != 0 && (o.MaxSeg < minMSS || o.MaxSeg > maxUserMSS):
		return invalid("maxseg", RuleBetween, o.MaxSeg, minMSS, maxUserMSS) // do_tcp_setsockopt TCP_MAXSEG
	case o.SndBuf < 0 || o.SndBuf > 0 && o.SndBuf < sockMinSndBuf:
		return invalid("sndbuf", RuleAtLeast, o.SndBuf, sockMinSndBuf)
	case o.RcvBuf < 0 || o.RcvBuf > 0 && o.RcvBuf < sockMinRcvBuf:
		return invalid("rcvbuf", RuleAtLeast, o.RcvBuf, sockMinRcvBuf)
	}
	return nil
}

// ConnStats counts what a connection sent and received. The counts of
// segments wrap at 2³², as the kernel's do (tcp_info's tcpi_segs_out,
// tcpi_segs_in and tcpi_total_retrans are 32 bits wide).
type ConnStats struct {
	SegsOut, SegsIn     uint64
	BytesOut, BytesIn   uint64 // payload bytes, retransmissions included
	Retransmits         uint64 // RTO, fast and tail-loss-probe retransmissions
	KeepaliveProbes     uint64
	LastSent, LastHeard time.Duration
	Established         time.Duration
}

func (h *Host) newConn(p *Process, local, remote netip.AddrPort, opts SockOpts) *Conn {
	h.nextConn++
	prof := &h.profile
	c := &Conn{
		host: h,
		id:   h.nextConn,
		key:  keyOf(local.Port(), remote),
		name: "tcp " + local.String() + " > " + remote.String(),
		opts: opts,
		// sndBounded mirrors opts.SndBuf, there being no sb yet
		// (SetOptions and bounded keep it).
		sndBounded: opts.SndBuf != 0,
		iss:        h.sim.rng.Uint32(),
		mss:        int32(advMSS(prof, &opts)),
		rto:        prof.InitialRTO,
		cwnd:       int32(prof.InitCwnd * prof.MSS),
		// RFC 5681 3.1: ssthresh starts arbitrarily high.
		ssthresh: 1 << 30,
	}
	c.sndUna, c.sndNxt = c.iss, c.iss
	c.sndBufSeq = c.iss + 1
	c.ipID = uint16(c.iss>>16 ^ c.iss)
	if prof.WindowScaling {
		c.rcvWScale = windowScale(min(max(prof.RcvBufMax, prof.RmemMax), c.windowClamp()))
	}
	h.sim.ownTimer(&c.rtx, c)
	h.sim.ownTimer(&c.delack, c)
	h.sim.ownTimer(&c.keepalive, c)
	h.sim.ownTimer(&c.wait, c)
	if p != nil {
		p.adopt(c)
	}
	return c
}

// Dial opens a connection to raddr: it sends a SYN and returns at once, in
// SYN_SENT. The Connected notice, or Failed with ECONNREFUSED or ETIMEDOUT,
// follows.
func (p *Process) Dial(raddr netip.AddrPort, opts SockOpts) (*Conn, error) {
	h := p.host
	if !p.Alive() || !h.powered {
		return nil, EINVAL
	}
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	port, err := h.ephemeralPort(raddr)
	if err != nil {
		return nil, err
	}
	c := h.newConn(p, netip.AddrPortFrom(h.ip, port), raddr, opts)
	h.link(keyOf(port, raddr), c)
	c.connectStart = h.sim.now
	c.setState(SynSent)
	c.sendSYN()
	return c, nil
}

// ID numbers the host's connections in creation order.
func (c *Conn) ID() uint64 { return c.id }

// Host is the host the connection lives on.
func (c *Conn) Host() *Host { return c.host }

// Process is the process that owns the socket; nil once it closed it.
func (c *Conn) Process() *Process { return c.proc }

// Pending is the listener whose queues hold this passive open until the
// application accepts it, or nil (an accepted or active connection).
func (c *Conn) Pending() *Listener { return c.listener }

// Owner names the process the socket belongs to, or belonged to before it
// was closed (a passive open not yet accepted: the listener's process).
func (c *Conn) Owner() string { return c.owner }

// LocalAddr and RemoteAddr are the two ends as this host sees them.
func (c *Conn) LocalAddr() netip.AddrPort  { return netip.AddrPortFrom(c.host.ip, c.key.port()) }
func (c *Conn) RemoteAddr() netip.AddrPort { return c.key.peer() }

// Name is the 5-tuple, local side first: "tcp 10.0.0.2:50312 > 10.0.0.1:8080".
func (c *Conn) Name() string { return c.name }

// State is the TCP state.
func (c *Conn) State() State { return c.state }

// Stats returns the connection's counters.
func (c *Conn) Stats() ConnStats {
	return ConnStats{
		SegsOut: uint64(c.segsOut), SegsIn: uint64(c.segsIn), BytesOut: c.bytesOut, BytesIn: c.bytesIn,
		Retransmits: uint64(c.retransSegs), KeepaliveProbes: c.keepaliveProbes,
		LastSent: c.lastSent, LastHeard: c.lastHeard, Established: c.establishedAt,
	}
}

// Options returns the socket options as set.
func (c *Conn) Options() SockOpts { return c.opts }

// RTO is the current retransmission timeout, backoff included.
func (c *Conn) RTO() time.Duration { return c.rto }

// SRTT is the smoothed round-trip time (0 before the first sample).
func (c *Conn) SRTT() time.Duration { return c.smoothedRTT() }

// Retransmits counts RTO expiries since the last forward progress.
func (c *Conn) Retransmits() int { return int(c.retransmits) }

// KeepaliveProbesOut counts keepalive probes sent and not answered.
func (c *Conn) KeepaliveProbesOut() int { return int(c.probesOut) }

// LastReceived is when the last segment arrived (keepalive's idle clock).
func (c *Conn) LastReceived() time.Duration { return c.lastHeard }

// Unread is the number of received bytes the application has not read.
func (c *Conn) Unread() int { return len(c.rcvBuf) }

// Unacked is the number of bytes (and SYN/FIN) sent and not yet
// acknowledged.
func (c *Conn) Unacked() int { return int(c.sndNxt - c.sndUna) }

// Err is the error the stack has set and not yet reported (0 if none).
func (c *Conn) Err() Errno { return c.err }

// OnNotice sets the function told about the connection's changes (nil:
// none).
func (c *Conn) OnNotice(fn func(Notice)) {
	c.notice = nil
	if fn != nil {
		c.notice = noticeFunc(fn)
	}
}

// Noticer is what an application hears a connection's notices through
// (OnNoticeTo): Notice(c, n) tells it that n happened to c.
type Noticer interface{ Notice(c *Conn, n Notice) }

// OnNoticeTo sets what is told about the connection's changes (nil:
// none), as OnNotice does, through a method rather than a closure. With
// many connections this is a cache line less a notice: an interface's
// data word points at the application's state itself (when it is a
// pointer), where a closure is an object of its own, whose line is read
// before the state it captured.
func (c *Conn) OnNoticeTo(n Noticer) { c.notice = n }

// noticeFunc is a function set by OnNotice, as a Noticer.
type noticeFunc func(Notice)

func (f noticeFunc) Notice(_ *Conn, n Notice) { f(n) }

// Write queues p for sending, naming its message msg (for the trace). Like
// a write() on a blocking socket with room in its send buffer, it returns
// at once: it takes all of p even past SO_SNDBUF (Send honours it). A
// pending error is returned (once); after it, or after shutdown, EPIPE.
func (c *Conn) Write(p []byte, msg string) error {
	if err := c.takeError(); err != 0 {
		return err
	}
	if c.errReported || c.finQueued || !c.state.canSend() {
		c.reportError(EPIPE)
		return EPIPE
	}
	if len(p) == 0 {
		return nil
	}
	c.marks = append(c.marks, msgMark{seq: c.sndBufSeq + uint32(len(c.sndBuf)), msg: c.host.sim.msgID(msg)})
	c.sndBuf = append(c.sndBuf, p...)
	if c.sndBounded && c.sb != nil { // SO_SNDBUF is set: Write ignores it, the queue's count holds
		c.sb.ends = append(c.sb.ends, c.writeSeq())
		c.markPush()
	}
	c.account()
	c.output()
	return nil
}

// Read returns every byte received and not yet read; the slice is the
// socket's buffer, valid until the next Read. With nothing to read it
// returns, in tcp_recvmsg_locked's order: EOF once the peer's FIN has come
// (SOCK_DONE: even with an error pending, as after a RST in CLOSE_WAIT,
// which the next write reports); else a pending error, once; else EOF if
// the connection is over or reading was shut down (RCV_SHUTDOWN); else
// nil, nil (it would block).
func (c *Conn) Read() ([]byte, error) {
	if len(c.rcvBuf) > 0 {
		b := c.rcvBuf
		c.rcvBuf = b[:0]
		c.account()
		c.ackOnRead()
		c.windowMayOpen()
		return b, nil
	}
	if !c.finRcvd {
		if err := c.takeError(); err != 0 {
			return nil, err
		}
	}
	if c.finRcvd || c.errReported || c.state == Closed || c.rdShut {
		if !c.eofReported {
			c.eofReported = true
			c.reportError(EOF)
		}
		return nil, EOF
	}
	return nil, nil
}

// Readable reports whether Read would return anything: data, EOF or an
// error. It is false exactly when Read would return (nil, nil), and
// changes nothing: an application that drains the socket after a notice
// tests it rather than make a last Read that finds nothing.
func (c *Conn) Readable() bool {
	return len(c.rcvBuf) > 0 || c.finRcvd || c.err != 0 || c.errReported || c.state == Closed || c.rdShut
}

// TakeError returns the error the stack has set and not yet reported, and
// marks it reported, as the kernel's sock_error does when a blocking
// connect() fails or getsockopt(SO_ERROR) is called; 0 if none. After it,
// writes fail with EPIPE and reads return EOF.
func (c *Conn) TakeError() Errno { return c.takeError() }

// takeError returns the pending error and marks it reported.
func (c *Conn) takeError() Errno {
	e := c.err
	if e != 0 {
		c.err = 0
		c.errReported = true
	}
	return e
}

// reportError emits a socket_error event for an error an application call
// returned.
func (c *Conn) reportError(e Errno) {
	s := c.host.sim
	s.count(KindSocketError)
	if s.wanted&KindSocketError != 0 {
		s.hand(&SocketErrorEvent{At: s.now, Host: c.host.name, Conn: c.name, Err: e})
	}
}

// SetOptions changes the socket options (setsockopt). Turning keepalive on,
// or changing its idle time, re-arms its timer as Linux does.
func (c *Conn) SetOptions(o SockOpts) error {
	if err := o.Validate(); err != nil {
		return err
	}
	was := c.opts
	c.opts, c.sndBounded = o, o.SndBuf != 0 || c.sb != nil
	if o.KeepAlive && (!was.KeepAlive || was.KeepIdle != o.KeepIdle) && c.state.Synchronized() {
		// tcp_sock_set_keepidle / SO_KEEPALIVE: the timer restarts from
		// the idle time left, counted from the last segment received.
		c.armKeepalive()
	}
	if !o.KeepAlive && c.keepalive.Armed() {
		c.stopTimer(&c.keepalive, TimerKeepalive)
	}
	if o.NoDelay && !was.NoDelay {
		c.output() // tcp_sock_set_nodelay pushes what Nagle held back
	}
	if o.SndBuf != was.SndBuf {
		c.checkSpace() // sock_setsockopt: sk_write_space wakes a writer the new size makes room for
	}
	return nil
}

// Close closes the socket (close()): with unread data or SO_LINGER 0 it
// sends RST; otherwise FIN after any data still queued. The socket becomes
// an orphan the kernel finishes closing; the application hears nothing more.
func (c *Conn) Close() {
	if c.proc == nil {
		return
	}
	c.proc.disown(c)
	c.notice = nil
	c.rcvClosed = true
	switch {
	case c.state == Closed:
		return
	case c.state == SynSent:
		c.becomeClosed()
	case len(c.rcvBuf) > 0 || c.opts.LingerZero:
		// tcp_close(): "data_was_unread" (the in-order receive queue; the
		// out-of-order queue does not count) or SO_LINGER 0 → send an
		// active reset instead of a FIN (RFC 2525 2.17).
		tr := TriggerResetUnread
		if len(c.rcvBuf) == 0 {
			tr = TriggerResetLinger
		}
		c.sendRST(tr)
		c.becomeClosed()
	default:
		c.closeSending()
		if c.state == FinWait2 {
			c.host.armTCPTimer(&c.wait, c.host.profile.FinTimeout)
			c.traceTimer(TimerFinWait2, TimerArmed, c.wait.Deadline())
		}
	}
}

// Shutdown closes the sending direction (shutdown(SHUT_WR)): a FIN after
// queued data; reading goes on.
func (c *Conn) Shutdown() {
	if c.state == SynSent {
		// inet_shutdown: a connect in progress is abandoned
		// (disconnect; no segment, as nothing was established).
		c.finQueued = true
		c.becomeClosed()
		return
	}
	if c.state.canSend() && !c.finQueued {
		c.closeSending()
	}
}

// ShutdownRead shuts the receiving direction (shutdown(SHUT_RD)): no
// segment is sent and the peer is not told; data already received, and
// data that still arrives, can be read, after which reads return EOF
// instead of waiting (tcp_recvmsg_locked's RCV_SHUTDOWN). Once the
// sending direction is shut too, data arriving is answered with a RST
// (tcp_rcv_state_process in FIN_WAIT_1 and FIN_WAIT_2). Shutting a socket
// that is not connected fails with ENOTCONN (inet_shutdown).
func (c *Conn) ShutdownRead() error {
	if c.state == Closed {
		return ENOTCONN
	}
	c.rdShut = true
	if c.state == SynSent {
		c.Shutdown() // inet_shutdown disconnects a connect in progress
	}
	c.notify(Readable) // a blocked reader wakes up to its EOF
	return nil
}

// Abort resets the connection (close() with SO_LINGER 0): RST now, no
// TIME_WAIT.
func (c *Conn) Abort() {
	c.opts.LingerZero = true
	c.Close()
}

// closeSending queues our FIN and makes the transition close() or
// shutdown() makes (tcp_close_state).
func (c *Conn) closeSending() {
	switch c.state {
	case Established, SynReceived:
		c.setState(FinWait1)
	case CloseWait:
		c.setState(LastAck)
	default:
		return
	}
	c.finQueued = true
	c.output()
}

// notify tells the application, after the current step.
func (c *Conn) notify(n Notice) {
	if !c.owned || c.notice == nil {
		return
	}
	if n == Readable {
		if c.readPending {
			return
		}
		c.readPending = true
	}
	s := c.host.sim
	s.deferred = append(s.deferred, deferredCall{conn: c, notice: n})
}

// deliver hands a notice to the application, unless it closed the socket
// meanwhile; a frozen process gets it at thaw.
func (c *Conn) deliver(n Notice) {
	if !c.owned { // (proc, on a cold line, is read only below)
		return
	}
	if c.host.sim.notRunning != 0 { // some process is frozen or dead: is p? (p's state is a line of its own)
		p := c.proc
		switch p.state {
		case procFrozen:
			p.held = append(p.held, func() { c.deliver(n) })
			return
		case procDead:
			return
		}
	}
	if n == Readable {
		c.readPending = false
	}
	if f, ok := c.notice.(noticeFunc); ok { // OnNotice's, called without the method between
		f(n)
	} else if c.notice != nil {
		c.notice.Notice(c, n)
	}
}

// FailCause says why the stack ended the connection (0 if it did not):
// CauseRST, CauseRefused, CauseKeepalive, CauseRetransmitTimeout,
// CauseUserTimeout or CauseConnectTimeout.
func (c *Conn) FailCause() Cause { return c.cause }

// fail ends the connection with an error the application will see
// (tcp_done with sk_err set).
func (c *Conn) fail(e Errno, cause Cause) {
	c.cause = cause
	c.becomeClosed()
	if c.proc == nil {
		return
	}
	c.err = e
	c.reportError(e)
	c.notify(Failed)
}

// setState records a state change and emits it. Illegal transitions are
// bugs in the model and panic.
func (c *Conn) setState(to State) {
	from := c.state
	if from == to {
		return
	}
	if !legal[[2]State{from, to}] && !(from == Closed && to == Listen) {
		panic("netsim: invalid transition [" + from.String() + " -> " + to.String() + "] on " + c.name)
	}
	c.state = to
	if to == Established {
		c.establishedAt = c.host.sim.now
	}
	c.host.sim.stateChanged(c.host.name, c.name, c.owner, from, to)
}

// becomeClosed moves to CLOSED, stops every timer and forgets the
// connection in the host's tables.
func (c *Conn) becomeClosed() {
	c.stopTimer(&c.rtx, c.rtxKind)
	if c.delackOn {
		c.stopDelack()
	}
	c.stopTimer(&c.keepalive, TimerKeepalive)
	c.stopTimer(&c.wait, c.waitKind())
	c.setState(Closed)
	c.unlink()
}

// unlink removes the connection from the host's demultiplexing table and
// from a listener's queues.
func (c *Conn) unlink() {
	key := c.key
	if c.host.conns[key] == c {
		delete(c.host.conns, key)
		c.dropAccount()
	}
	if l := c.listener; l != nil {
		l.forget(c)
	}
}

// vanish forgets the connection without a trace, as a power cut does: no
// event, no segment; the object left behind is closed for good.
func (c *Conn) vanish() {
	c.rtx.Stop()
	if c.delackOn {
		c.dropDelack()
	}
	c.keepalive.Stop()
	c.wait.Stop()
	c.notice = nil
	c.proc, c.owned = nil, false
	c.state = Closed
	c.errReported = true
}

// stopTimer cancels t, tracing it as kind. A timer that is not armed
// costs one test, inlined.
func (c *Conn) stopTimer(t *Timer, kind TimerKind) {
	if t.Armed() {
		c.cancelTimer(t, kind)
	}
}

// cancelTimer is stopTimer for an armed timer.
func (c *Conn) cancelTimer(t *Timer, kind TimerKind) {
	t.Stop()
	c.traceTimer(kind, TimerCancelled, 0)
}

// traceTimer raises a timer event, when timers are traced: a connection's
// name lies in its cold part, which the steady state does not visit.
func (c *Conn) traceTimer(kind TimerKind, action string, deadline time.Duration) {
	if s := c.host.sim; s.traceTimers {
		s.timer(c.host.name, c.name, kind, action, deadline)
	}
}

// waitKind is what the wait timer counts: TIME_WAIT, or an orphan's
// FIN_WAIT_2.
func (c *Conn) waitKind() TimerKind {
	if c.state == FinWait2 {
		return TimerFinWait2
	}
	return TimerTimeWait
}

// TimerInfo describes a live timer of a connection, for display. The
// counts are what the layers above word for people ("retry 3, rto 1.6s",
// "probe 2 of 9 unanswered"): netsim speaks in numbers.
type TimerInfo struct {
	Kind     TimerKind
	Start    time.Duration // when it was armed (the start of its period)
	Deadline time.Duration
	// Retries counts the retransmissions so far (syn, syn-ack, rto), RTO
	// is the current retransmission timeout (rto).
	Retries int
	RTO     time.Duration
	// Probes counts the probes sent and unanswered (keepalive,
	// zero-window-probe); MaxProbes is keepalive's count.
	Probes, MaxProbes int
}

// Timers lists the connection's armed timers, in a fixed order.
func (c *Conn) Timers() []TimerInfo {
	if s := c.host.sim; c.delackOn && len(s.queue.later) > 0 {
		s.fileLater() // asked within the step that armed it: armed for good
	}
	var out []TimerInfo
	if c.rtx.Armed() {
		ti := TimerInfo{Kind: c.rtxKind, Start: c.rtx.armedAt, Deadline: c.rtx.at}
		switch c.rtxKind {
		case TimerSYN, TimerSYNACK:
			ti.Retries = int(c.retransmits)
		case TimerRTO:
			ti.Retries, ti.RTO = int(c.retransmits), c.rto
		case TimerZeroWindowProbe:
			ti.Probes = int(c.probes)
		}
		out = append(out, ti)
	}
	if c.opts.KeepAlive && c.keepalive.Armed() && c.state.Synchronized() {
		idle, _, cnt := c.keepaliveParams()
		ti := TimerInfo{Kind: TimerKeepalive, Start: c.lastHeard, Deadline: c.lastHeard + idle}
		if c.probesOut > 0 {
			ti.Start, ti.Deadline = c.keepalive.armedAt, c.keepalive.at
			ti.Probes, ti.MaxProbes = int(c.probesOut), cnt
		} else if ti.Deadline < c.host.sim.now {
			ti.Start, ti.Deadline = c.keepalive.armedAt, c.keepalive.at
		}
		out = append(out, ti)
	}
	if c.delack.Armed() {
		out = append(out, TimerInfo{Kind: TimerDelayedACK, Start: c.delack.armedAt, Deadline: c.delack.at})
	}
	if c.wait.Armed() {
		out = append(out, TimerInfo{Kind: c.waitKind(), Start: c.wait.armedAt, Deadline: c.wait.at})
	}
	return out
}

// Buffered is the bytes in the connection's buffers: written and not
// acknowledged, received and not read.
func (c *Conn) Buffered() int { return len(c.sndBuf) + len(c.rcvBuf) }

// account brings the connection's share of Sim.Buffered up to date after
// its buffers changed.
func (c *Conn) account() {
	a := int(c.accounted) // widened once: the test and the sum read one register
	if a < 0 {
		return
	}
	n := c.Buffered()
	c.host.sim.buffered += n - a
	c.accounted = int32(n)
}

// link puts c in the host's table under key, in place of any connection
// there.
func (h *Host) link(key connKey, c *Conn) {
	if old := h.conns[key]; old != nil {
		old.dropAccount()
	}
	h.conns[key] = c
}

// dropAccount takes the connection out of Sim.Buffered: it has left its
// host's table.
func (c *Conn) dropAccount() {
	if c.accounted > 0 {
		c.host.sim.buffered -= int(c.accounted)
	}
	c.accounted, c.peer = -1, nil
}

// inTable reports whether the connection is in its host's table, under
// its own port and peer's address (Host.link, dropAccount).
func (c *Conn) inTable() bool { return c.accounted >= 0 }
