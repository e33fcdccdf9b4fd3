#include "textflag.h"

// func prefetch(v any, lines int): PREFETCHT0 of lines cache lines from
// v's data word on, which for a pointer-shaped value (a pointer, a func)
// is the pointer itself.
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
