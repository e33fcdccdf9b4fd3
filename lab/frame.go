package lab

import (
	"encoding/binary"
	"iter"
	"slices"
	"time"
)

// The lab's applications speak one small binary protocol over TCP (and
// UDP). Every message is a frame:
//
//	+------+----------------+------------------------------+
//	| type | length (1-3 B) | body (length bytes)          |
//	+------+----------------+------------------------------+
//
// The length is a varint as in MQTT's "remaining length" (7 bits a byte),
// so a frame's size can match a real protocol's message byte for byte: an
// MQTT PINGREQ is a 2-byte frame with an empty body. A heartbeat's body
// holds its sequence number (4 bytes) and send time (8 bytes, ns) when the
// configured size leaves room, and zero padding.
type frameType byte

const (
	framePing     frameType = 1 // heartbeat
	framePong     frameType = 2 // heartbeat answer
	frameData     frameType = 3 // application data
	frameGoAway   frameType = 4 // the server refuses the client (gRPC too_many_pings)
	frameRequest  frameType = 5 // an HTTP poll request
	frameResponse frameType = 6 // an HTTP poll response, with events
	frameEvent    frameType = 7 // a pushed event
)

// frameHeartbeatSize is the default heartbeat: type, length, sequence
// number and timestamp.
const frameHeartbeatSize = 14

// msgName is the contract's name of a frame type ("heartbeat", ...).
func (t frameType) msgName() string { return msgNames[t] }

// msgNames are the frame types' names, by type, and "unknown" for every
// other byte: a write's name (Conn.Write) is one load, with no test.
var msgNames = func() (names [256]string) {
	for i := range names {
		names[i] = "unknown"
	}
	names[framePing] = "heartbeat"
	names[framePong] = "heartbeat_ack"
	names[frameData] = "data"
	names[frameGoAway] = "goaway"
	names[frameRequest] = "poll"
	names[frameResponse] = "poll_response"
	names[frameEvent] = "push"
	return names
}()

// frame is one decoded message.
type frame struct {
	typ    frameType
	seq    uint32
	sentAt time.Duration
	size   int       // bytes on the stream, header included
	events []feedRef // a response's or push's events (for other types, stale: decoder.short leaves them)
	// offset is where the frame starts in its TCP stream (stream is set):
	// the bytes before it, that way.
	offset uint64
	stream bool
}

// feedRef names an event of a feed: its number and when it happened.
type feedRef struct {
	id uint32
	at time.Duration
}

func varintLen(n int) int {
	switch {
	case n < 1<<7:
		return 1
	case n < 1<<14:
		return 2
	default:
		return 3
	}
}

// bodyLen is the body length that makes a frame exactly size bytes, and
// the length h of the varint that says it. A size no shortest varint fits
// (130: a body of 128 needs two bytes, one of 127 leaves a byte over) gets
// the varint one byte longer than its shortest form.
func bodyLen(size int) (body, h int) {
	for h := 1; h <= 3; h++ {
		if b := size - 1 - h; b >= 0 && varintLen(b) <= h {
			return b, h
		}
	}
	return max(size-2, 0), 1
}

// appendVarint appends n as a uvarint of exactly h bytes (at least its
// shortest form), padded with continuation bytes of zeros, which
// binary.Uvarint reads as the same number.
func appendVarint(b []byte, n uint64, h int) []byte {
	start := len(b)
	b = binary.AppendUvarint(b, n)
	for len(b)-start < h {
		b[len(b)-1] |= 0x80
		b = append(b, 0)
	}
	return b
}

// encodeFrame builds a frame of exactly size bytes (at least 2).
func encodeFrame(t frameType, seq uint32, sentAt time.Duration, size int) []byte {
	return appendFrame(make([]byte, 0, size), t, seq, sentAt, size)
}

// appendFrame appends a frame of exactly size bytes (at least 2) to b.
func appendFrame(b []byte, t frameType, seq uint32, sentAt time.Duration, size int) []byte {
	n := size - 2
	if n < 0 || n >= 1<<7 {
		var h int
		n, h = bodyLen(size)
		b = append(b, byte(t))
		b = appendVarint(b, uint64(n), h)
	} else {
		b = append(b, byte(t), byte(n)) // a one-byte length: a heartbeat's
	}
	start := len(b)
	b = slices.Grow(b, n)[:start+n]
	body := b[start:]
	clear(body)
	if n >= 12 {
		binary.BigEndian.PutUint32(body, seq)
		binary.BigEndian.PutUint64(body[4:], uint64(sentAt))
	}
	return b
}

// frame builds a frame in the session's scratch buffer (small, for a
// small frame), valid until the next one is built: the sockets copy what
// they are given (Conn.Write, UDPConn.WriteTo), so a ping or an answer
// allocates nothing. A frame of at most smallFrame bytes (a heartbeat's)
// is written in a few stores, without the general encoder.
func (s *Session) frame(t frameType, seq uint32, sentAt time.Duration, size int) []byte {
	if size < 2 || size > smallFrame {
		s.scratch = appendFrame(s.scratch[:0], t, seq, sentAt, size)
		return s.scratch
	}
	s.small = [smallFrame]byte{byte(t), byte(size - 2)} // type, a one-byte length, zeros: a clear and two bytes
	b := s.small[:]
	if size-2 >= 12 {
		binary.BigEndian.PutUint32(b[2:], seq)
		binary.BigEndian.PutUint64(b[6:], uint64(sentAt))
	}
	return b[:size]
}

// smallFrame is the largest frame Session.frame writes without the
// general encoder: two words, a body of at most 14 bytes (a one-byte
// length).
const smallFrame = 16

// encodeEvents builds a response or push frame carrying events, each
// eventSize bytes, behind header bytes of HTTP headers (0 for a push). The
// body starts with the number of events and their size.
func encodeEvents(t frameType, events []feedRef, eventSize, header int) []byte {
	recSize := max(eventSize, 12)
	body := make([]byte, 4, 4+header+len(events)*recSize)
	binary.BigEndian.PutUint16(body, uint16(len(events)))
	binary.BigEndian.PutUint16(body[2:], uint16(recSize))
	for _, e := range events {
		rec := make([]byte, recSize)
		binary.BigEndian.PutUint32(rec, e.id)
		binary.BigEndian.PutUint64(rec[4:], uint64(e.at))
		body = append(body, rec...)
	}
	body = append(body, make([]byte, header)...)
	b := []byte{byte(t)}
	b = binary.AppendUvarint(b, uint64(len(body)))
	return append(b, body...)
}

// decodeFrame reads the frame at the start of in into f and returns its
// size, or 0 when in does not hold a whole frame (yet). It leaves f's
// place in a stream (offset, stream) alone.
func decodeFrame(in []byte, f *frame) int {
	if len(in) < 2 {
		return 0
	}
	body, k := uint64(in[1]), 1 // a one-byte length: a heartbeat's
	if body >= 0x80 {
		if body, k = binary.Uvarint(in[1:]); k <= 0 || body > uint64(len(in)) {
			return 0 // the length, or the body, is not complete yet
		}
	}
	n := 1 + k + int(body)
	if len(in) < n {
		return 0
	}
	f.typ, f.size, f.seq, f.sentAt, f.events = frameType(in[0]), n, 0, 0, nil
	switch b := in[1+k : n]; {
	case f.typ == frameResponse || f.typ == frameEvent:
		f.events = decodeEvents(b)
	case len(b) >= 12:
		f.seq = binary.BigEndian.Uint32(b)
		f.sentAt = time.Duration(binary.BigEndian.Uint64(b[4:]))
	}
	return n
}

// datagramFrames yields the frames a datagram carries. A datagram is no
// stream: the frames have no offset, and a rest too short to be a frame
// is dropped.
func datagramFrames(p []byte) iter.Seq[*frame] {
	return func(yield func(*frame) bool) {
		var f frame
		for {
			n := decodeFrame(p, &f)
			if n == 0 || !yield(&f) {
				return
			}
			p = p[n:]
		}
	}
}

// decoder splits a byte stream into frames. It holds only the start of a
// frame not yet complete: a heartbeat's frames come whole, and are read
// where the bytes are. It is one word, among the hot fields of a client
// and a handler: the bytes it holds are its owner's (held, among its cold
// fields, which read and keep are handed), and its top bit says whether
// there are any.
type decoder struct {
	// pos is the offset in the stream of the next frame, below 2⁶³ (an
	// exabyte), with heldBit when held holds the start of a frame.
	pos uint64
}

// heldBit, in decoder.pos, says that the owner's held bytes are the start
// of a frame not yet complete.
const heldBit = 1 << 63

// Reading a stream's bytes p (no iterator: a range over a function keeps
// state of its own at every frame, which a heartbeat's one frame a read
// would pay for in full):
//
//	for in := d.read(p, &held); len(in) > 0; {
//		var ok bool
//		if in, ok = d.short(in, &f); !ok { // a heartbeat's frame, without a call
//			if in, ok = d.next(in, &f); !ok {
//				break
//			}
//		}
//		... f ...
//	}
//	d.keep(in, &held)
//
// reads the complete frames that p finishes, each with its offset in the
// stream, and keeps the start of an incomplete one for the bytes that
// finish it. short and next hand back the bytes after the frame they
// read, rather than its size for the loop to cut in off: they have in and
// the size in registers, where the loop has in in its stack frame (its
// work calls functions) and would load it, check the cut and store it
// back. A heartbeat's read is one frame, and short hands back nil for the
// frame that ends in, with no cut at all.

// read adds p to the stream, after the bytes held: the bytes to read
// frames from.
func (d *decoder) read(p []byte, held *[]byte) []byte {
	if d.pos&heldBit != 0 {
		*held = append(*held, p...)
		return *held
	}
	return p
}

// short reads the frame at the start of in into f, with its offset in the
// stream, if it is a frame with a one-byte length and no events, whole in
// in (a heartbeat's), and returns the bytes after it (nil when it ends in)
// and true; in and false for any other (next reads it). It calls nothing
// and stores no pointer, so that it is a leaf with no stack frame of its
// own: a heartbeat's frame costs the few loads and stores it takes. It
// leaves f.events alone (they are a response's or a push's only, and next
// sets them for those).
func (d *decoder) short(in []byte, f *frame) ([]byte, bool) {
	if len(in) < 2 || in[1] >= 0x80 || len(in) < 2+int(in[1]) || hasEvents(frameType(in[0])) {
		return in, false
	}
	n := 2 + int(in[1])
	f.typ, f.size, f.seq, f.sentAt = frameType(in[0]), n, 0, 0
	if n >= 14 {
		f.seq = binary.BigEndian.Uint32(in[2:])
		f.sentAt = time.Duration(binary.BigEndian.Uint64(in[6:]))
	}
	f.offset, f.stream = d.pos&^heldBit, true
	d.pos += uint64(n)
	if n == len(in) { // a read's last frame, a heartbeat's only one: no cut
		return nil, true
	}
	return in[n:], true
}

// next reads the frame at the start of in into f, with its offset in the
// stream, and returns the bytes after it and true; in and false when in
// holds no whole frame.
func (d *decoder) next(in []byte, f *frame) ([]byte, bool) {
	n := decodeFrame(in, f)
	if n == 0 {
		return in, false
	}
	f.offset, f.stream = d.pos&^heldBit, true
	d.pos += uint64(n)
	return in[n:], true
}

// hasEvents reports whether frames of type t carry events (decodeEvents).
func hasEvents(t frameType) bool { return t == frameResponse || t == frameEvent }

// keep keeps in, the start of a frame not yet complete, in held for the
// bytes that finish it (in may be held's own bytes).
func (d *decoder) keep(in []byte, held *[]byte) {
	switch {
	case len(in) > 0:
		*held = append((*held)[:0], in...)
		d.pos |= heldBit
	case d.pos&heldBit != 0:
		*held = (*held)[:0]
		d.pos &^= heldBit
	}
}

func decodeEvents(body []byte) []feedRef {
	if len(body) < 4 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(body))
	rec := max(int(binary.BigEndian.Uint16(body[2:])), 12)
	var out []feedRef
	for i := range n {
		off := 4 + i*rec
		if off+12 > len(body) {
			break
		}
		out = append(out, feedRef{
			id: binary.BigEndian.Uint32(body[off:]),
			at: time.Duration(binary.BigEndian.Uint64(body[off+4:])),
		})
	}
	return out
}
