package lab

import (
	"testing"
	"time"
)

// Every frame size an app may be given encodes to exactly that many bytes
// and decodes back, with its sequence number and time when the body holds
// them — 130 and 16387 too, which no shortest varint fits (found by
// TestStreamsUnderFaults: a 130-byte data message overran its buffer).
func TestEveryFrameSizeRoundTrips(t *testing.T) {
	for size := 2; size <= 20000; size++ {
		b := encodeFrame(frameData, 7, 3*time.Second, size)
		if len(b) != size {
			t.Fatalf("size %d: encoded to %d bytes", size, len(b))
		}
		var d decoder
		var held []byte
		var f frame
		var fs []frame
		for in := d.read(b, &held); len(in) > 0; {
			var ok bool
			if in, ok = d.short(in, &f); !ok { // as the client and the handler read
				if in, ok = d.next(in, &f); !ok {
					break
				}
			}
			fs = append(fs, f)
		}
		if len(fs) != 1 || fs[0].size != size || fs[0].typ != frameData {
			t.Fatalf("size %d: decoded %+v", size, fs)
		}
		if n, _ := bodyLen(size); n >= 12 && (fs[0].seq != 7 || fs[0].sentAt != 3*time.Second) {
			t.Fatalf("size %d: seq %d at %v, want 7 at 3s", size, fs[0].seq, fs[0].sentAt)
		}
	}
}

// The session writes a frame of every size as encodeFrame does, the small
// ones (a heartbeat's) without it, in a scratch buffer that held a longer
// frame before.
func TestSessionFrameIsEncodeFrame(t *testing.T) {
	s := &Session{}
	for size := 2; size <= 300; size++ {
		for _, t0 := range []frameType{framePing, frameData} {
			s.frame(frameData, 0xffffffff, -1, 299) // leaves its bytes in the scratch buffer
			got := s.frame(t0, 7, 3*time.Second, size)
			if want := encodeFrame(t0, 7, 3*time.Second, size); string(got) != string(want) {
				t.Fatalf("size %d: % x, want % x", size, got, want)
			}
		}
	}
}

// A stream of frames read in pieces of any size decodes to the same
// frames, at the same offsets, as read whole: the decoder holds the start
// of a frame that a piece cuts, and reads it on when the rest comes.
func TestDecoderReadsFramesInPieces(t *testing.T) {
	var stream []byte
	for i, size := range []int{14, 2, 300, 14, 130, 16387, 14} {
		stream = append(stream, encodeFrame(frameData, uint32(i), time.Duration(i)*time.Second, size)...)
	}
	decode := func(piece int) (out []frame) {
		var d decoder
		var held []byte
		var f frame
		for at := 0; at < len(stream); at += piece {
			in := d.read(stream[at:min(at+piece, len(stream))], &held)
			for len(in) > 0 {
				var ok bool
				if in, ok = d.short(in, &f); !ok { // as the client and the handler read
					if in, ok = d.next(in, &f); !ok {
						break
					}
				}
				out = append(out, f)
			}
			d.keep(in, &held)
		}
		return out
	}
	whole := decode(len(stream))
	if len(whole) != 7 {
		t.Fatalf("read whole: %d frames, want 7", len(whole))
	}
	for _, piece := range []int{1, 2, 3, 13, 14, 15, 64, 1000} {
		got := decode(piece)
		if len(got) != len(whole) {
			t.Fatalf("in pieces of %d: %d frames, want %d", piece, len(got), len(whole))
		}
		for i := range got {
			if g, w := got[i], whole[i]; g.typ != w.typ || g.size != w.size || g.seq != w.seq || g.sentAt != w.sentAt || g.offset != w.offset {
				t.Errorf("in pieces of %d: frame %d is %+v, want %+v", piece, i, g, w)
			}
		}
	}
}
