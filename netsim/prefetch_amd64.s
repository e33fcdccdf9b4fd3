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

// A connection's hot part is asked for in two halves, two steps apart:
// CONNFIRST, its first connFirstLines (4) lines, which hold every pointer
// the step after reads, and CONNREST, the others (3; of a bare ACK's
// lines, 2). Seven lines at once, with a second connection's seven in the
// same call at times, were more misses outstanding at once than the
// processor keeps track of: at 100,000 connections the halves ran the
// benchmark 3 to 8 % faster (docs/performance.md).

// CONNFIRST(r) asks for the first connFirstLines (4) lines of the
// connection at r.
#define CONNFIRST(r) \
	PREFETCHT0 (r) \
	PREFETCHT0 64(r) \
	PREFETCHT0 128(r) \
	PREFETCHT0 192(r)

// CONNREST(r) asks for the rest of the connPrefetchLines (7) lines of the
// connection at r, its hot part.
#define CONNREST(r) \
	PREFETCHT0 256(r) \
	PREFETCHT0 320(r) \
	PREFETCHT0 384(r)

// ENTRY(off, skip) loads into BX the timer of es[at+off], or jumps to
// skip when at+off is outside es (below 0 as well: the compare is
// unsigned). es's base is in DI, its length in R12, at in R13.
#define ENTRY(off, skip) \
	LEAQ off(R13), R11 \
	CMPQ R11, R12 \
	JCC  skip \
	IMUL3Q $entry__size, R11, R11 \
	MOVQ entry_t(DI)(R11*1), BX

// func ownerType(o timerOwner) uintptr: o's type word, which tells what
// holds the timer (ownerTypes).
TEXT ·ownerType(SB), NOSPLIT, $0-24
	MOVQ o_itable+0(FP), AX
	MOVQ AX, ret+16(FP)
	RET

// func prefetchSteps(es []entry, at int): the five steps of prefetch.go,
// each for its entry: es[at+5d]'s step 0, es[at+4d]'s step 1, es[at+3d]'s
// step 2, es[at+2d]'s step 3 and es[at+d]'s step 4 (d is
// prefetchDistance), an index outside es skipped. A timer's owner is told
// by its interface's type word against ownerTypes: a *Conn (R8), an
// *inFlight (R9), a funcTimer (R10); any other (a Firer's) asks for
// nothing here, its state being its hint's. Every load is of a pointer
// that an earlier step asked for.
TEXT ·prefetchSteps(SB), NOSPLIT, $0-32
	MOVQ es_base+0(FP), DI
	MOVQ es_len+8(FP), R12
	MOVQ at+24(FP), R13
	MOVQ ·ownerTypes+0(SB), R8
	MOVQ ·ownerTypes+8(SB), R9
	MOVQ ·ownerTypes+16(SB), R10

	// Step 0, the timer itself: its first and last bytes (a timer that is
	// a field of a larger object may straddle two lines), which step 1
	// reads.
	ENTRY(5*const_prefetchDistance, step1)
	PREFETCHT0 (BX)
	PREFETCHT0 (Timer__size-1)(BX)

step1:
	// Step 1, what the timer belongs to: the connection it visits
	// (Timer.Visits) and its owner — a connection's hot part (its first
	// half: CONNFIRST), an inFlight's two lines, a function's closure. Of
	// a visited connection, while some process is frozen or dead, the line
	// of its proc as well (a field of its cold part), which step 2 reads.
	ENTRY(4*const_prefetchDistance, step2)
	MOVQ  Timer_visits(BX), AX
	TESTQ AX, AX
	JEQ   owner1
	CONNFIRST(AX)
	MOVQ  Timer_sim(BX), DX
	CMPQ  Sim_notRunning(DX), $0
	JEQ   owner1
	PREFETCHT0 Conn_proc(AX)
owner1:
	MOVQ Timer_owner(BX), CX
	MOVQ (Timer_owner+8)(BX), AX
	CMPQ CX, R8
	JNE  flight1
	CONNFIRST(AX)
	JMP  step2
flight1:
	CMPQ CX, R9
	JNE  func1
	PREFETCHT0 (AX)
	PREFETCHT0 64(AX)
	JMP  step2
func1:
	CMPQ CX, R10
	JNE  step2
	PREFETCHT0 (AX)

step2:
	// Step 2, the rest of a connection's hot part (CONNREST) and what
	// step 1's lines point to: of a visited connection, the first
	// lines of its send queue and segments in flight, its hint's lines
	// and, while some process is frozen or dead (Sim.notRunning), its
	// process's state; of a connection that owns the timer, the first
	// lines of its buffers, its segments in flight and its notice's
	// state (the interface's data word); of an inFlight, its packet's
	// packetPrefetchLines (3) lines. An empty slice's pointer, and a
	// notice's data word when there is none, is nil or the runtime's
	// zero base: a prefetch of either is harmless.
	ENTRY(3*const_prefetchDistance, step3)
	MOVQ  Timer_visits(BX), AX
	TESTQ AX, AX
	JEQ   owner2
	CONNREST(AX)
	MOVQ  Conn_sndBuf(AX), DX
	MOVQ  Conn_sent(AX), SI
	PREFETCHT0 (DX)
	PREFETCHT0 (SI)
	MOVQ  Timer_sim(BX), DX
	CMPQ  Sim_notRunning(DX), $0
	JEQ   hint2
	MOVQ  Conn_proc(AX), DX
	PREFETCHT0 Process_state(DX)
hint2:
	// The hint: the first line's address in its low 48 bits, the count
	// of lines in its top byte.
	MOVBQZX (Conn_hint+7)(AX), CX
	TESTQ CX, CX
	JEQ   owner2
	MOVQ  Conn_hint(AX), DX
	SHLQ  $16, DX
	SHRQ  $16, DX
lines2:
	PREFETCHT0 (DX)
	ADDQ  $64, DX
	DECQ  CX
	JNZ   lines2
owner2:
	MOVQ Timer_owner(BX), CX
	MOVQ (Timer_owner+8)(BX), AX
	CMPQ CX, R8
	JNE  flight2
	CONNREST(AX)
	MOVQ Conn_sndBuf(AX), DX
	MOVQ Conn_rcvBuf(AX), CX
	MOVQ Conn_sent(AX), SI
	MOVQ (Conn_notice+8)(AX), AX
	PREFETCHT0 (DX)
	PREFETCHT0 (CX)
	PREFETCHT0 (SI)
	PREFETCHT0 (AX)
	JMP  step3
flight2:
	CMPQ  CX, R9
	JNE   step3
	MOVQ  inFlight_p(AX), AX
	TESTQ AX, AX
	JEQ   step3
	PREFETCHT0 (AX)
	PREFETCHT0 64(AX)
	PREFETCHT0 128(AX)

step3:
	// Step 3, an arriving packet's: the connection it is for (Packet.to)
	// — the first half of its hot part (CONNFIRST; the rest is step 4's)
	// — and, if it carries data, the first line of its payload (a slice
	// of the sender's send queue, which the receiver copies), the line of
	// its sender's count of packets alive (dataOut, which the packet's
	// release lowers) and, while some process is frozen or dead, the line
	// of the connection's proc (a field of its cold part), which step 4
	// reads.
	ENTRY(2*const_prefetchDistance, step4)
	CMPQ  Timer_owner(BX), R9
	JNE   step4
	MOVQ  (Timer_owner+8)(BX), AX
	MOVQ  inFlight_p(AX), DX
	TESTQ DX, DX
	JEQ   step4
	MOVQ  Packet_to(DX), AX
	MOVQ  Packet_Payload+8(DX), CX
	TESTQ CX, CX
	JEQ   ack3
	MOVQ  Packet_Payload(DX), CX
	PREFETCHT0 (CX)
	MOVQ  Packet_from(DX), SI
	TESTQ SI, SI
	JEQ   to3
	PREFETCHT0 Conn_dataOut(SI)
to3:
	TESTQ AX, AX
	JEQ   step4
	CONNFIRST(AX)
	MOVQ  Timer_sim(BX), DX
	CMPQ  Sim_notRunning(DX), $0
	JEQ   step4
	PREFETCHT0 Conn_proc(AX)
	JMP   step4
ack3:
	TESTQ AX, AX
	JEQ   step4
	CONNFIRST(AX)

step4:
	// Step 4, the rest of that connection's hot part (CONNREST: of a bare
	// ACK's, the connAckLines (6) lines its arrival touches, 2 more) and
	// what it points to as the packet visits it: its segments in flight
	// (which an ACK of new data reads, and a reply's segment joins) and,
	// if the packet carries data, the first line of its receive queue
	// (the data is copied there), its notice's state, the lines of its
	// hint that the notice reads (Hint.Notice, the byte below the top
	// one) and, while some process is frozen or dead, its process's
	// state. Not its send queue's first line: in the 10k ping-pong asking
	// for it fetched 0.94 lines a ping more and no step missed one fewer.
	// A bare ACK reads neither queue's bytes nor raises a notice.
	ENTRY(const_prefetchDistance, done)
	CMPQ  Timer_owner(BX), R9
	JNE   done
	MOVQ  (Timer_owner+8)(BX), AX
	MOVQ  inFlight_p(AX), DX
	TESTQ DX, DX
	JEQ   done
	MOVQ  Packet_to(DX), AX
	TESTQ AX, AX
	JEQ   done
	MOVQ  Conn_sent(AX), SI
	PREFETCHT0 (SI)
	PREFETCHT0 256(AX)
	PREFETCHT0 320(AX)
	MOVQ  Packet_Payload+8(DX), CX
	TESTQ CX, CX
	JEQ   done
	PREFETCHT0 384(AX)
	MOVQ  Conn_rcvBuf(AX), SI
	MOVQ  (Conn_notice+8)(AX), CX
	PREFETCHT0 (SI)
	PREFETCHT0 (CX)
	MOVQ  Timer_sim(BX), SI
	CMPQ  Sim_notRunning(SI), $0
	JEQ   hint4
	MOVQ  Conn_proc(AX), SI
	PREFETCHT0 Process_state(SI)
hint4:
	MOVBQZX (Conn_hint+6)(AX), CX
	TESTQ CX, CX
	JEQ   done
	MOVQ  Conn_hint(AX), SI
	SHLQ  $16, SI
	SHRQ  $16, SI
lines4:
	PREFETCHT0 (SI)
	ADDQ  $64, SI
	DECQ  CX
	JNZ   lines4
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

// func prefetchTimers(k *chunk, q *queue): the timer of each of k's
// entries that q's stale marks do not tell stale (its first and last
// bytes: a timer that is a field of a larger object may straddle two
// lines, and step 1 reads its owner and visits; an entry whose number is
// below the window's floor has its timer read by takeLive), and the next
// chunk's lines; nothing for a nil k. liveIn's test, in stale.go.
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
