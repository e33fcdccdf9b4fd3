#include "textflag.h"

// Each function loads its value's address into AX and the count of lines
// into CX, and goes on to prefetchLines.

// func prefetchConn(c *Conn, lines int)
TEXT ·prefetchConn(SB), NOSPLIT, $0-16
	MOVQ c+0(FP), AX
	MOVQ lines+8(FP), CX
	JMP  prefetchLines<>(SB)

// func prefetchPacket(p *Packet, lines int)
TEXT ·prefetchPacket(SB), NOSPLIT, $0-16
	MOVQ p+0(FP), AX
	MOVQ lines+8(FP), CX
	JMP  prefetchLines<>(SB)

// func prefetchFlight(f *inFlight, lines int)
TEXT ·prefetchFlight(SB), NOSPLIT, $0-16
	MOVQ f+0(FP), AX
	MOVQ lines+8(FP), CX
	JMP  prefetchLines<>(SB)

// func prefetchWord(p *uint32, lines int)
TEXT ·prefetchWord(SB), NOSPLIT, $0-16
	MOVQ p+0(FP), AX
	MOVQ lines+8(FP), CX
	JMP  prefetchLines<>(SB)

// func prefetchFunc(fn func(), lines int): fn is a pointer to its closure.
TEXT ·prefetchFunc(SB), NOSPLIT, $0-16
	MOVQ fn+0(FP), AX
	MOVQ lines+8(FP), CX
	JMP  prefetchLines<>(SB)

// func prefetchNotice(fn func(Notice), lines int)
TEXT ·prefetchNotice(SB), NOSPLIT, $0-16
	MOVQ fn+0(FP), AX
	MOVQ lines+8(FP), CX
	JMP  prefetchLines<>(SB)

// func prefetchBytes(b []byte, lines int): the slice's array.
TEXT ·prefetchBytes(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), AX
	MOVQ lines+24(FP), CX
	JMP  prefetchLines<>(SB)

// func prefetchSent(s []sentSeg, lines int)
TEXT ·prefetchSent(SB), NOSPLIT, $0-32
	MOVQ s_base+0(FP), AX
	MOVQ lines+24(FP), CX
	JMP  prefetchLines<>(SB)

// func prefetchTimer(t *Timer, lines int)
TEXT ·prefetchTimer(SB), NOSPLIT, $0-16
	MOVQ t+0(FP), AX
	MOVQ lines+8(FP), CX
	JMP  prefetchLines<>(SB)

// func prefetchChunk(k *chunk, lines int)
TEXT ·prefetchChunk(SB), NOSPLIT, $0-16
	MOVQ k+0(FP), AX
	MOVQ lines+8(FP), CX
	JMP  prefetchLines<>(SB)

// prefetchLines: PREFETCHT0 of CX lines from AX on.
TEXT prefetchLines<>(SB), NOSPLIT|NOFRAME, $0
	TESTQ CX, CX
	JLE   done
loop:
	PREFETCHT0 (AX)
	ADDQ  $64, AX
	DECQ  CX
	JNZ   loop
done:
	RET
