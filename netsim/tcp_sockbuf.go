package netsim

import "math/bits"

// A socket's own buffers and segment size: SO_SNDBUF, SO_RCVBUF and
// TCP_MAXSEG, as Linux keeps and uses them.
//
// The send buffer bounds the send queue of writes through Send: SO_SNDBUF's
// (SockOpts.SndBuf), else, on a host with Profile.SndBufMax (Linux), the
// buffer every socket has: tcp_wmem[1], grown when the connection opens
// and, while SO_SNDBUF has not locked it, as a blocked writer's ACKs come
// with the congestion window not full (tcp_sndbuf_expand, from
// tcp_init_buffer_space and tcp_new_space). Writes through Write (the
// lab's built-in applications) are never bounded: a lesson's writes never
// block unless its program sets SO_SNDBUF or writes through Send.
//
// A bounded send queue is counted as the kernel counts sk_wmem_queued: the
// bytes queued (unacknowledged, then unsent) plus, for each buffer
// (sk_buff) that holds them, its overhead (skbOverhead). Buffers are cut
// as tcp_sendmsg_locked and the transmit path cut them: a write fills the
// unsent buffer at the tail up to the size goal (tcp_xmit_size_goal), then
// starts a new one only while the queue is below the send buffer
// (sk_stream_memory_free); a transmission that ends inside a buffer splits
// it (tso_fragment), the unsent rest a buffer of its own. An ACK frees the
// buffers it covers and trims the one it ends in (tcp_trim_head: data,
// not overhead). A writer that found the queue full is woken when the free
// space is at least half of what is queued (sk_stream_write_space:
// sk_stream_wspace >= sk_stream_min_wspace), after the ACK's own sending
// (tcp_data_snd_check, then tcp_check_space).
//
// PSH goes where Linux marks buffers (tcp_mark_push): the tail buffer at
// the end of a write, and before a write waits for room (tcp_push), if it
// still holds data unsent; and a full buffer with more of the write to
// come, when more than half the peer's largest window was written since
// the last mark (forced_push). A segment that ends a marked buffer carries
// PSH. The first bytes of a write appended to the tail buffer clear its
// mark; a later call of a writer that waited for room goes on with the
// same write (Send).
//
// Simplified: Linux also splits what it sends into GSO packets of at most
// half the congestion window (tcp_cwnd_test) and of tcp_tso_autosize's
// size, each a buffer of its own with its own overhead; the model splits
// a buffer only where a burst ends. Its queue therefore counts fewer
// buffers and a blocked writer may wake one ACK of a few segments earlier
// than Linux's (the kernel selftest tcp_blocking_blocking-write notes that
// an ACK of 35001 does not wake its writer; the model's would). Modelling
// the GSO packets needs the pacing rate tcp_tso_autosize sizes them by
// (from the smoothed RTT and the congestion window, tcp_update_pacing_rate)
// and tcp_tso_should_defer's waiting for bigger ones: not done. An
// unbounded queue (no SO_SNDBUF) keeps no buffers: PSH marks the segment
// that ends what is queued.

const (
	// skbOverhead is what each buffer of the send queue counts beyond its
	// data: the truesize of the head tcp_stream_alloc_skb allocates
	// (SKB_TRUESIZE of a MAX_TCP_HEADER head on x86-64: 704 bytes of
	// head, 256 of struct sk_buff, 320 of skb_shared_info). The
	// selftest tcp_blocking_blocking-write bounds it between 1000 and
	// 1333 bytes: its writer must wake at an ACK of 36001, with three
	// buffers and 24000 bytes queued, and not at 35001.
	skbOverhead = 1280
	// sockMinSndBuf and sockMinRcvBuf are the least SO_SNDBUF and
	// SO_RCVBUF set (SOCK_MIN_SNDBUF = 2 * TCP_SKB_MIN_TRUESIZE,
	// SOCK_MIN_RCVBUF = TCP_SKB_MIN_TRUESIZE = 2048 + 256).
	sockMinSndBuf = 4608
	sockMinRcvBuf = 2304
	// maxSizeGoal is the most a send buffer holds:
	// GSO_LEGACY_MAX_SIZE - 1 - MAX_TCP_HEADER (tcp_xmit_size_goal).
	maxSizeGoal = 65536 - 1 - 320
	// minMSS and maxUserMSS bound TCP_MAXSEG (TCP_MIN_MSS,
	// MAX_TCP_WINDOW: do_tcp_setsockopt); defaultMSS is what
	// getsockopt(TCP_MAXSEG) reads on a socket that has no connection
	// and no TCP_MAXSEG (tp->mss_cache = TCP_MSS_DEFAULT).
	minMSS     = 88
	maxUserMSS = 32767
	defaultMSS = 536
)

// SndBufFor is what setsockopt(SO_SNDBUF, v) leaves in sk_sndbuf
// (sock_setsockopt, __sock_set_sndbuf): v capped at net.core.wmem_max
// (a negative v, taken as unsigned, too), doubled for the kernel's
// bookkeeping, at least SOCK_MIN_SNDBUF.
func (p *Profile) SndBufFor(v int64) int32 {
	return sockBuf(v, p.WmemMax, sockMinSndBuf)
}

// RcvBufFor is what setsockopt(SO_RCVBUF, v) leaves in sk_rcvbuf
// (__sock_set_rcvbuf): v capped at net.core.rmem_max, doubled, at least
// SOCK_MIN_RCVBUF.
func (p *Profile) RcvBufFor(v int64) int32 {
	return sockBuf(v, p.RmemMax, sockMinRcvBuf)
}

func sockBuf(v int64, maxV, least int) int32 {
	if v < 0 || v > int64(maxV) {
		v = int64(maxV)
	}
	return int32(min(max(v*2, int64(least)), 1<<31-1))
}

// MaxSegOf is what getsockopt(TCP_MAXSEG) reads on a socket with options
// o and no connection (closed or listening): TCP_MAXSEG if set, else
// TCP_MSS_DEFAULT (do_tcp_getsockopt).
func MaxSegOf(o SockOpts) int {
	if o.MaxSeg != 0 {
		return int(o.MaxSeg)
	}
	return defaultMSS
}

// MaxSeg is what getsockopt(TCP_MAXSEG) reads on the connection: the MSS
// it sends with (tp->mss_cache; before the handshake, the most it may
// send with), or once closed its TCP_MAXSEG if set.
func (c *Conn) MaxSeg() int {
	if c.state == Closed && c.opts.MaxSeg != 0 {
		return int(c.opts.MaxSeg)
	}
	return int(c.mss)
}

// advMSS is the MSS a socket with options o advertises on its SYN or
// SYN-ACK, and the most it sends with: the host's, capped by TCP_MAXSEG
// (tcp_mss_clamp; the peer's MSS option caps it further, mss_clamp).
func advMSS(prof *Profile, o *SockOpts) int {
	if o.MaxSeg != 0 {
		return min(prof.MSS, int(o.MaxSeg))
	}
	return prof.MSS
}

// rcvSpace is the connection's receive buffer as window space: the host's
// (Profile.RcvBuf), or with SO_RCVBUF the part of sk_rcvbuf the kernel
// offers as window (tcp_win_from_space at TCP_DEFAULT_SCALING_RATIO:
// half; the rest is set aside for the buffers' overhead).
func (c *Conn) rcvSpace() int {
	if c.opts.RcvBuf > 0 {
		return int(c.opts.RcvBuf) / 2
	}
	return c.host.profile.RcvBuf
}

// initialWindow is the window the connection opens with (rcv_wnd after
// tcp_select_initial_window): the receive buffer's window space when it
// opens (tcp_full_space: with SO_RCVBUF, or on Linux, half of sk_rcvbuf),
// no more than the window clamp, rounded down to whole segments of the MSS
// we advertise when larger than one — less the timestamps on a SYN-ACK
// that grants them (tcp_openreq_init_rwin; tcp_connect_init deducts them
// only for a peer it has a timestamp of). Its SYN or SYN-ACK carries it
// capped at 65535 (tcp_make_synack, tcp_transmit_skb: min(rcv_wnd,
// 65535U)), rounded first and capped after: the 131072 bytes of the stock
// tcp_rmem[1] offer 64240, the 540000 of the selftests' defaults.sh 65535.
// The peer may fill all of it before our first window update.
func (c *Conn) initialWindow() uint32 {
	prof := &c.host.profile
	space := c.rcvSpace() // with SO_RCVBUF, half of it already
	switch {
	case c.opts.RcvBuf == 0 && prof.LinuxReceiver:
		space = prof.RcvBuf / 2
	case c.opts.RcvBuf == 0:
		space = min(space, 65535) // the window the model offers later
	}
	space = min(space, c.windowClamp())
	adv := advMSS(prof, &c.opts)
	if c.tsOK {
		adv -= tsOptionLen
	}
	if space > adv {
		space -= space % adv
	}
	return uint32(space)
}

// windowClamp is the largest window the connection may ever offer, which
// bounds its window scale (tcp_select_initial_window): with SO_RCVBUF the
// buffer's window space (tcp_connect_init, tcp_openreq_init_rwin: a
// locked buffer clamps the window to tcp_full_space); otherwise no bound
// below the protocol's.
func (c *Conn) windowClamp() int {
	if c.opts.RcvBuf > 0 {
		return c.rcvSpace()
	}
	return 65535 << maxWScale
}

// setPeerWindow takes the peer's window, remembering the largest
// (tcp_ack_update_window: tp->max_window).
func (c *Conn) setPeerWindow(w uint32) {
	c.sndWnd = w
	c.sndMaxWnd = max(c.sndMaxWnd, w)
}

// sendBuffers is a bounded send queue's bookkeeping.
type sendBuffers struct {
	// ends are where the queue's buffers end, oldest first; the first
	// starts at sndBufSeq.
	ends []uint32
	// pushed are the ends of the buffers marked PSH (tcp_mark_push),
	// oldest first: a segment that ends there carries PSH.
	pushed []uint32
	// pushedSeq is where the queue ended at the last mark (tp->pushed_seq).
	pushedSeq uint32
	// size is sk_sndbuf when SO_SNDBUF did not set it: tcp_wmem[1] as
	// tcp_sndbuf_expand grew it.
	size int
	// noSpace says a writer found the queue full and waits (SOCK_NOSPACE).
	noSpace bool
}

// bounded says whether the send queue is bounded (SO_SNDBUF set, or the
// host bounds every socket's), and makes its bookkeeping when it is new:
// what the queue already holds (SO_SNDBUF came after a write) is one
// buffer.
func (c *Conn) bounded() bool {
	if c.opts.SndBuf == 0 && c.host.profile.SndBufMax == 0 {
		return false
	}
	if c.sb == nil {
		// Every write so far ended pushed (tcp_push), pushed_seq with it.
		c.sb = &sendBuffers{pushedSeq: c.writeSeq(), size: c.SndBuf()}
		c.sndBounded = true
		if len(c.sndBuf) > 0 {
			c.sb.ends = append(c.sb.ends, c.writeSeq())
			c.sb.pushed = append(c.sb.pushed, c.writeSeq())
		}
	}
	return true
}

// writeSeq is where the send queue ends (tp->write_seq).
func (c *Conn) writeSeq() uint32 { return c.sndBufSeq + uint32(len(c.sndBuf)) }

// markPush marks the buffer at the tail PSH (tcp_mark_push).
func (c *Conn) markPush() {
	sb := c.sb
	end := sb.ends[len(sb.ends)-1]
	if n := len(sb.pushed); n == 0 || sb.pushed[n-1] != end {
		sb.pushed = append(sb.pushed, end)
	}
	sb.pushedSeq = c.writeSeq()
}

// forcedPush says more than half the peer's largest window was written
// since the last mark (forced_push).
func (c *Conn) forcedPush() bool {
	return seqGT(c.writeSeq(), c.sb.pushedSeq+c.sndMaxWnd>>1)
}

// growTail adds n bytes to the buffer at the tail. Its PSH mark moves to
// its new end, unless these are a write's first bytes, which clear it
// (tcp_sendmsg_locked: "if (!copied) ... &= ~TCPHDR_PSH").
func (c *Conn) growTail(n int, first bool) {
	sb := c.sb
	last := len(sb.ends) - 1
	k := len(sb.pushed) - 1
	// (A buffer just started ends where the one before it does.)
	marked := k >= 0 && sb.pushed[k] == sb.ends[last] && sb.ends[last] != c.skbStart(last)
	sb.ends[last] += uint32(n)
	switch {
	case marked && first:
		sb.pushed = sb.pushed[:k]
	case marked:
		sb.pushed[k] = sb.ends[last]
	}
}

// pushedEnd says whether a buffer marked PSH ends in (seq, end].
func (c *Conn) pushedEnd(seq, end uint32) bool {
	for _, e := range c.sb.pushed {
		if seqGT(e, seq) && seqLE(e, end) {
			return true
		}
	}
	return false
}

// wmemQueued is sk_wmem_queued: the bytes queued and their buffers'
// overhead.
func (c *Conn) wmemQueued() int { return len(c.sndBuf) + skbOverhead*len(c.sb.ends) }

// memoryFree is sk_stream_memory_free: the queue is below the send buffer,
// so a write may start a new buffer.
func (c *Conn) memoryFree() bool { return c.wmemQueued() < c.SndBuf() }

// Sizes of the kernel's buffers on x86-64, as tcp_sndbuf_expand counts a
// segment: MAX_TCP_HEADER (L1_CACHE_ALIGN(128 + MAX_HEADER)),
// SKB_DATA_ALIGN(sizeof(struct skb_shared_info)) and of struct sk_buff;
// and tp->reordering's start (sysctl_tcp_reordering, TCP_FASTRETRANS_THRESH).
const (
	maxTCPHeader  = 320
	skbSharedInfo = 320
	skbStruct     = 256
	tcpReordering = 3
)

// SndBuf is sk_sndbuf, what getsockopt(SO_SNDBUF) reads: SO_SNDBUF's;
// else, on a host that bounds every socket's (Profile.SndBufMax), once
// the connection has opened, tcp_wmem[1] grown by tcp_sndbuf_expand (to
// 87040 bytes for segments of 1460); else tcp_wmem[1].
func (c *Conn) SndBuf() int {
	prof := &c.host.profile
	switch {
	case c.opts.SndBuf > 0:
		return int(c.opts.SndBuf)
	case c.sb != nil && c.sb.size > 0:
		return c.sb.size
	case prof.SndBufMax > 0 && c.sndUna != c.iss: // tcp_init_buffer_space
		return max(prof.SndBuf, c.sndMem())
	}
	return prof.SndBuf
}

// sndMem is what tcp_sndbuf_expand makes room for, at most tcp_wmem[2]:
// twice (no congestion control of the model's has sndbuf_expand) the
// congestion window, at least the initial one (TCP_INIT_CWND) and
// reordering + 1, in segments each counted as the kernel would allocate it
// without GSO — a head rounded up to a power of two, and a struct
// sk_buff. (Linux counts the larger of the peer's MSS option and
// the MSS in use; the model keeps the MSS in use, with the timestamps'
// 12 bytes it gave up.)
func (c *Conn) sndMem() int {
	mss := c.mss
	if c.tsOK {
		mss += tsOptionLen
	}
	perMSS := 1<<bits.Len(uint(mss+maxTCPHeader+skbSharedInfo-1)) + skbStruct
	segs := max(c.host.profile.InitCwnd, int(c.cwnd/max(c.mss, 1)), tcpReordering+1)
	return min(2*segs*perMSS, c.host.profile.SndBufMax)
}

// sizeGoal is how much a write puts in one buffer (tcp_xmit_size_goal):
// the most a GSO packet takes, bounded by half the largest window the peer
// offered (tcp_bound_to_half_wnd), in whole segments, at least one.
func (c *Conn) sizeGoal() int {
	goal := maxSizeGoal
	if half := int(c.sndMaxWnd) >> 1; c.sndMaxWnd > defaultMSS && half < goal {
		goal = half
	}
	mss := int(c.mss)
	return max(goal/mss*mss, mss)
}

// Send queues what of p the send buffer takes now and returns how much:
// all of it when the send queue is not bounded (Write); with SO_SNDBUF, as
// tcp_sendmsg_locked copies (see the top of this file), each full buffer
// pushed out as it fills (tcp_push_one). When not all of p fit, the
// connection remembers a writer waits (SOCK_NOSPACE) and sends the
// Writable notice once an ACK frees enough room. Errors are Write's.
func (c *Conn) Send(p []byte, msg string) (int, error) {
	if !c.bounded() {
		if err := c.Write(p, msg); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	if err := c.takeError(); err != 0 {
		return 0, err
	}
	if c.errReported || c.finQueued || !c.state.canSend() {
		c.reportError(EPIPE)
		return 0, EPIPE
	}
	sb := c.sb
	goal := c.sizeGoal()
	// A writer that waited for room goes on with the same write. (So does,
	// here, a non-blocking one that calls again after a short write: the
	// model cannot tell them apart.)
	first := !sb.noSpace
	copied := 0
	for copied < len(p) {
		n := 0 // room in the unsent buffer at the tail
		if last := len(sb.ends) - 1; last >= 0 && seqGE(c.skbStart(last), c.sndNxt) {
			n = goal - int(sb.ends[last]-c.skbStart(last))
		}
		if n <= 0 {
			if !c.memoryFree() {
				break
			}
			sb.ends = append(sb.ends, c.writeSeq())
			n = goal
		}
		n = min(n, len(p)-copied)
		if copied == 0 {
			c.marks = append(c.marks, msgMark{seq: c.writeSeq(), msg: c.host.sim.msgID(msg)})
		}
		c.sndBuf = append(c.sndBuf, p[copied:copied+n]...)
		c.growTail(n, first && copied == 0)
		copied += n
		if last := len(sb.ends) - 1; int(sb.ends[last]-c.skbStart(last)) >= goal && copied < len(p) {
			// A full buffer with more to copy: pushed out, marked PSH
			// when more than half the peer's largest window was written
			// since the last mark (forced_push, tcp_push_one).
			if c.forcedPush() {
				c.markPush()
			}
			c.output()
		}
	}
	// What was copied and not sent is pushed, marked PSH: at the end of
	// the write, or before waiting for room (tcp_push, also before
	// sk_stream_wait_memory). With all of it sent already (it stopped for
	// room right after a full buffer left) there is nothing to mark.
	if copied > 0 && seqLT(c.sndNxt, c.writeSeq()) {
		c.markPush()
	}
	c.account()
	c.output()
	sb.noSpace = copied < len(p)
	return copied, nil
}

// skbStart is where the send queue's buffer i starts.
func (c *Conn) skbStart(i int) uint32 {
	if i == 0 {
		return c.sndBufSeq
	}
	return c.sb.ends[i-1]
}

// splitSent cuts the buffer a transmission just ended inside at sndNxt
// (tso_fragment): the unsent rest becomes a buffer of its own.
func (c *Conn) splitSent() {
	ends := c.sb.ends
	for i, end := range ends {
		if seqGT(end, c.sndNxt) {
			if seqGT(c.sndNxt, c.skbStart(i)) {
				ends = append(ends[:i+1], ends[i:]...)
				ends[i] = c.sndNxt
				c.sb.ends = ends
			}
			return
		}
	}
}

// freeAcked drops the buffers an ACK covered; the one it ends inside
// keeps its overhead (tcp_trim_head). (Inlined: an unbounded queue has
// none.)
func (c *Conn) freeAcked() {
	if c.sndBounded && c.sb != nil {
		c.sb.freeAcked(c.sndBufSeq)
	}
}

// freeAcked drops the buffers that end at or before seq.
func (sb *sendBuffers) freeAcked(seq uint32) {
	sb.ends = dropCovered(sb.ends, seq)
	sb.pushed = dropCovered(sb.pushed, seq)
}

// dropCovered removes the leading sequence numbers of seqs that seq
// covers (at or before it), in place.
func dropCovered(seqs []uint32, seq uint32) []uint32 {
	i := 0
	for i < len(seqs) && seqLE(seqs[i], seq) {
		i++
	}
	if i == 0 {
		return seqs
	}
	return append(seqs[:0], seqs[i:]...)
}

// checkSpace wakes a writer the full queue blocked once the free space
// is at least half of what is queued (tcp_check_space,
// sk_stream_write_space, __sk_stream_is_writeable). (Inlined: most
// sockets have no writer waiting.)
func (c *Conn) checkSpace() {
	if c.sndBounded && c.sb != nil && c.sb.noSpace {
		c.newSpace()
	}
}

// newSpace is checkSpace with a writer waiting.
func (c *Conn) newSpace() {
	// tcp_new_space: the buffer grows first, unless SO_SNDBUF locked it
	// or the congestion window is full (tcp_should_expand_sndbuf).
	if c.opts.SndBuf == 0 && len(c.sent) < int(c.cwnd/max(c.mss, 1)) {
		c.sb.size = max(c.sb.size, c.sndMem())
	}
	q, buf := c.wmemQueued(), c.SndBuf()
	if buf-q >= q>>1 && q < buf {
		c.sb.noSpace = false
		c.notify(Writable)
	}
}
