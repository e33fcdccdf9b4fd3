#include "textflag.h"
#include "go_asm.h"

// The prefetches of prefetch.go, each a PREFETCHT0, which waits for nothing,
// never faults (not even for nil) and changes nothing but the caches. The
// offsets and counts are go_asm.h's, which the compiler writes from the
// package's declarations.

// func prefetch(v any, lines int): lines cache lines from v's data word
// on, which for a pointer-shaped value (a pointer, a func) is the pointer
// itself.
TEXT ·prefetch(SB), NOSPLIT, $0-24
	MOVQ  v_data+8(FP), AX
	MOVQ  lines+16(FP), CX
	TESTQ CX, CX
	JLE   done
loop:
	PREFETCHT0 (AX)
	ADDQ  $64, AX
	DECQ  CX
	JNZ   loop
done:
	RET

// func prefetchConn(c *Conn): c's hot part, connPrefetchLines lines (at
// least 4: four a turn, then the rest one by one); nothing for nil.
TEXT ·prefetchConn(SB), NOSPLIT, $0-8
	MOVQ  c+0(FP), AX
	TESTQ AX, AX
	JEQ   done
	MOVQ  $(const_connPrefetchLines/4), CX
four:
	PREFETCHT0 (AX)
	PREFETCHT0 64(AX)
	PREFETCHT0 128(AX)
	PREFETCHT0 192(AX)
	ADDQ  $256, AX
	DECQ  CX
	JNZ   four
	MOVQ  $(const_connPrefetchLines%4), CX
	TESTQ CX, CX
	JEQ   done
one:
	PREFETCHT0 (AX)
	ADDQ  $64, AX
	DECQ  CX
	JNZ   one
done:
	RET

// func prefetchSide(c *Conn): the first line of what c's hot lines point
// to and a segment visits (its buffers, its segments in flight, its
// application's notice function); nothing for nil. An empty slice's
// pointer is nil or the runtime's zero base: a prefetch of either is
// harmless.
TEXT ·prefetchSide(SB), NOSPLIT, $0-8
	MOVQ  c+0(FP), AX
	TESTQ AX, AX
	JEQ   done
	MOVQ  Conn_sndBuf(AX), BX
	MOVQ  Conn_rcvBuf(AX), CX
	MOVQ  Conn_sent(AX), DX
	MOVQ  Conn_notice(AX), SI
	PREFETCHT0 (BX)
	PREFETCHT0 (CX)
	PREFETCHT0 (DX)
	PREFETCHT0 (SI)
done:
	RET

// func prefetchTimers(k *chunk): the first line of the timer of each of
// k's entries, and the next chunk's lines; nothing for nil.
TEXT ·prefetchTimers(SB), NOSPLIT, $0-8
	MOVQ  k+0(FP), AX
	TESTQ AX, AX
	JEQ   done
	MOVQ  chunk_n(AX), CX
	MOVQ  AX, BX
	TESTQ CX, CX
	JLE   next
loop:
	MOVQ  entry_t(BX), DX
	PREFETCHT0 (DX)
	ADDQ  $entry__size, BX
	DECQ  CX
	JNZ   loop
next:
	MOVQ  chunk_next(AX), AX
	TESTQ AX, AX
	JEQ   done
	MOVQ  $(chunk__size+63)/64, CX
lines:
	PREFETCHT0 (AX)
	ADDQ  $64, AX
	DECQ  CX
	JNZ   lines
done:
	RET
