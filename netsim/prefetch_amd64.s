#include "textflag.h"
#include "go_asm.h"

// The prefetches of prefetch.go, each a PREFETCHT0, which waits for nothing,
// never faults (not even for nil) and changes nothing but the caches. The
// offsets and counts are go_asm.h's, which the compiler writes from the
// package's declarations.

// LINES4(n) asks for n lines from AX on (n at least 4): four a turn, then
// the rest one by one. It uses CX and moves AX.
#define LINES4(n, label4, label1, out) \
	MOVQ $((n)/4), CX \
label4: \
	PREFETCHT0 (AX) \
	PREFETCHT0 64(AX) \
	PREFETCHT0 128(AX) \
	PREFETCHT0 192(AX) \
	ADDQ $256, AX \
	DECQ CX \
	JNZ label4 \
	MOVQ $((n)%4), CX \
	TESTQ CX, CX \
	JEQ out \
label1: \
	PREFETCHT0 (AX) \
	ADDQ $64, AX \
	DECQ CX \
	JNZ label1

// func prefetchFunc(fn func()): the first line of fn's closure.
TEXT ·prefetchFunc(SB), NOSPLIT, $0-8
	MOVQ fn+0(FP), AX
	PREFETCHT0 (AX)
	RET

// func prefetchFlight(f *inFlight): the two lines from f on.
TEXT ·prefetchFlight(SB), NOSPLIT, $0-8
	MOVQ f+0(FP), AX
	PREFETCHT0 (AX)
	PREFETCHT0 64(AX)
	RET

// func prefetchPacket(p *Packet): packetPrefetchLines lines of p, one by
// one (LINES4 takes four at least); nothing for nil.
TEXT ·prefetchPacket(SB), NOSPLIT, $0-8
	MOVQ  p+0(FP), AX
	TESTQ AX, AX
	JEQ   done
	MOVQ  $const_packetPrefetchLines, CX
loop:
	PREFETCHT0 (AX)
	ADDQ  $64, AX
	DECQ  CX
	JNZ   loop
done:
	RET

// func prefetchReceiver(p *Packet): the hot part of the connection p is
// for and, if p carries data, the first line of its payload (a slice of
// the sender's send queue, which the receiver copies into its own) and the
// line of its sender's count of packets alive (dataOut, which the
// packet's release lowers: only a packet with data counts); of a bare
// ACK's connection, only the connAckLines lines its arrival touches;
// nothing for a nil p, to or from.
TEXT ·prefetchReceiver(SB), NOSPLIT, $0-8
	MOVQ  p+0(FP), DX
	TESTQ DX, DX
	JEQ   done
	MOVQ  Packet_to(DX), AX
	MOVQ  Packet_Payload+8(DX), CX
	TESTQ CX, CX
	JEQ   ack
	MOVQ  Packet_Payload(DX), CX
	PREFETCHT0 (CX)
	MOVQ  Packet_from(DX), BX
	TESTQ BX, BX
	JEQ   to
	PREFETCHT0 Conn_dataOut(BX)
to:
	TESTQ AX, AX
	JEQ   done
	LINES4(const_connPrefetchLines, four, one, done)
	RET
ack:
	TESTQ AX, AX
	JEQ   done
	// connAckLines (7: prefetch.go holds it to that) one by one, without
	// LINES4's loop.
	PREFETCHT0 (AX)
	PREFETCHT0 64(AX)
	PREFETCHT0 128(AX)
	PREFETCHT0 192(AX)
	PREFETCHT0 256(AX)
	PREFETCHT0 320(AX)
	PREFETCHT0 384(AX)
done:
	RET

// func prefetchChunk(k *chunk): k's lines; nothing for nil.
TEXT ·prefetchChunk(SB), NOSPLIT, $0-8
	MOVQ  k+0(FP), AX
	TESTQ AX, AX
	JEQ   done
	LINES4((chunk__size+63)/64, four, one, done)
done:
	RET

// func prefetchConn(c *Conn): c's hot part, connPrefetchLines lines;
// nothing for nil.
TEXT ·prefetchConn(SB), NOSPLIT, $0-8
	MOVQ  c+0(FP), AX
	TESTQ AX, AX
	JEQ   done
	LINES4(const_connPrefetchLines, four, one, done)
done:
	RET

// func prefetchSide(c *Conn): the first line of what c's hot lines point
// to and a segment visits (its buffers, its segments in flight, what its
// application's notice calls: the notice's data word, +8 in the
// interface, the application's state or OnNotice's closure); nothing for
// nil. An empty slice's pointer, and a notice's data word when there is
// none, is nil or the runtime's zero base: a prefetch of either is
// harmless.
TEXT ·prefetchSide(SB), NOSPLIT, $0-8
	MOVQ  c+0(FP), AX
	TESTQ AX, AX
	JEQ   done
	MOVQ  Conn_sndBuf(AX), BX
	MOVQ  Conn_rcvBuf(AX), CX
	MOVQ  Conn_sent(AX), DX
	MOVQ  (Conn_notice+8)(AX), SI
	PREFETCHT0 (BX)
	PREFETCHT0 (CX)
	PREFETCHT0 (DX)
	PREFETCHT0 (SI)
done:
	RET

// func prefetchSend(c *Conn): the first lines of c's send queue and of its
// segments in flight; nothing for nil.
TEXT ·prefetchSend(SB), NOSPLIT, $0-8
	MOVQ  c+0(FP), AX
	TESTQ AX, AX
	JEQ   done
	MOVQ  Conn_sndBuf(AX), BX
	MOVQ  Conn_sent(AX), DX
	PREFETCHT0 (BX)
	PREFETCHT0 (DX)
done:
	RET

// func prefetchArrival(p *Packet): step 4 of p's arrival, what the
// connection p is for (p.to, whose hot lines step 3 asked for) points to
// and this segment visits: its segments in flight (which an ACK of new
// data reads, and a reply's segment joins) and, if p carries data, the
// first line of its receive queue (the data is copied there) and what
// its application's notice calls (Readable: the notice's data word, as
// prefetchSide). Not its send queue's first line: in the 10k ping-pong
// (fetched.sh) asking for it fetched 0.94 lines a ping more and no step
// missed one fewer, so whatever a reply writes there finds it without.
// A bare ACK reads neither queue's bytes nor raises a notice
// (prefetchSide, for a timer's visit, asks for all four). Nothing for a
// nil p or to; a slice's pointer may be nil or the runtime's zero base,
// and a prefetch of either is harmless.
TEXT ·prefetchArrival(SB), NOSPLIT, $0-8
	MOVQ  p+0(FP), DX
	TESTQ DX, DX
	JEQ   done
	MOVQ  Packet_to(DX), AX
	TESTQ AX, AX
	JEQ   done
	MOVQ  Conn_sent(AX), BX
	PREFETCHT0 (BX)
	MOVQ  Packet_Payload+8(DX), CX
	TESTQ CX, CX
	JEQ   done
	MOVQ  Conn_rcvBuf(AX), BX
	MOVQ  (Conn_notice+8)(AX), SI
	PREFETCHT0 (BX)
	PREFETCHT0 (SI)
done:
	RET

// func prefetchApp(c *Conn, procs bool): the lines of c's hint (its low
// 48 bits the first line's address, its top byte the count) and, if
// procs, the line of c's process's state; nothing for nil.
TEXT ·prefetchApp(SB), NOSPLIT, $0-9
	MOVQ  c+0(FP), AX
	TESTQ AX, AX
	JEQ   done
	MOVBLZX procs+8(FP), DX
	TESTQ DX, DX
	JEQ   hint
	MOVQ  Conn_proc(AX), BX
	PREFETCHT0 Process_state(BX)
hint:
	MOVBQZX (Conn_hint+7)(AX), CX
	TESTQ CX, CX
	JEQ   done
	MOVQ  Conn_hint(AX), AX
	SHLQ  $16, AX
	SHRQ  $16, AX
loop:
	PREFETCHT0 (AX)
	ADDQ  $64, AX
	DECQ  CX
	JNZ   loop
done:
	RET

// func prefetchNotice(c *Conn, procs bool): as prefetchApp, but only the
// lines of c's hint that its notice reads (the count in the byte below
// the top one, Hint.Notice).
TEXT ·prefetchNotice(SB), NOSPLIT, $0-9
	MOVQ  c+0(FP), AX
	TESTQ AX, AX
	JEQ   done
	MOVBLZX procs+8(FP), DX
	TESTQ DX, DX
	JEQ   hint
	MOVQ  Conn_proc(AX), BX
	PREFETCHT0 Process_state(BX)
hint:
	MOVBQZX (Conn_hint+6)(AX), CX
	TESTQ CX, CX
	JEQ   done
	MOVQ  Conn_hint(AX), AX
	SHLQ  $16, AX
	SHRQ  $16, AX
loop:
	PREFETCHT0 (AX)
	ADDQ  $64, AX
	DECQ  CX
	JNZ   loop
done:
	RET

// func prefetchTimers(k *chunk, q *queue): the timer of each of k's
// entries that q's stale marks do not tell stale (its first and last
// bytes: a timer that is a field of a larger object may straddle two
// lines, and prefetchOwner reads its owner and visits; an entry whose
// number is below the window's floor has its timer read by takeLive), and
// the next chunk's lines; nothing for a nil k. liveIn's test, in stale.go.
TEXT ·prefetchTimers(SB), NOSPLIT, $0-16
	MOVQ  k+0(FP), AX
	MOVQ  q+8(FP), DI
	TESTQ AX, AX
	JEQ   done
	MOVQ  chunk_n(AX), CX
	MOVQ  AX, BX
	TESTQ CX, CX
	JLE   next
	MOVQ  queue_floor(DI), SI
loop:
	MOVQ  entry_seq(BX), R8
	CMPQ  R8, SI
	JCS   fetch // below the floor: its timer tells
	MOVQ  R8, R9
	SHRQ  $6, R9
	ANDQ  $(const_staleWords-1), R9
	MOVQ  queue_stale(DI)(R9*8), R10
	BTQ   R8, R10
	JCS   skip // stale
fetch:
	MOVQ  entry_t(BX), DX
	PREFETCHT0 (DX)
	PREFETCHT0 (Timer__size-1)(DX)
skip:
	ADDQ  $entry__size, BX
	DECQ  CX
	JNZ   loop
next:
	MOVQ  chunk_next(AX), AX
	TESTQ AX, AX
	JEQ   done
	LINES4((chunk__size+63)/64, four, one, done)
done:
	RET
