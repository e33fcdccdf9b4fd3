package netsim

import "testing"

// TestHintSpan: a hint names the cache lines from the start of its first
// part to the end of its last, wherever in a line they lie, at most
// MaxHintLines of them, and nothing for nil or a span that ends before it
// starts.
func TestHintSpan(t *testing.T) {
	block := new([16][64]byte) // 1024 bytes: a size class whose objects start on a line
	for _, c := range []struct {
		name string
		h    Hint
		want int
	}{
		{"a whole line", HintOf(&block[3]), 1},
		{"four lines", HintSpan(&block[2], &block[5]), 4},
		{"a byte", HintOf(&block[1][63]), 1},
		{"two bytes across a line", HintSpan(&block[1][63], &block[2][0]), 2},
		{"the last byte of a line to the first of the line after next", HintSpan(&block[1][63], &block[3][0]), 3},
		{"the whole block", HintOf(block), MaxHintLines},
		{"backwards", HintSpan(&block[5], &block[2]), 0},
		{"nil", HintOf[int](nil), 0},
	} {
		if got := c.h.Lines(); got != c.want {
			t.Errorf("%s: %d lines, want %d", c.name, got, c.want)
		}
		if got := c.h.NoticeLines(); got != c.want {
			t.Errorf("%s: a notice asks for %d lines, want all %d", c.name, got, c.want)
		}
	}
	if h, base := HintSpan(&block[1][63], &block[2][0]), HintOf(&block[1]); h.at&(1<<48-1) != base.at&(1<<48-1) {
		t.Errorf("a hint from the middle of a line starts at %#x, not at its line %#x", h.at&(1<<48-1), base.at&(1<<48-1))
	}
}

// TestHintNotice: Notice narrows what a notice asks for to the first n
// lines, never more than the hint names, and leaves the address and the
// count a timer asks for alone.
func TestHintNotice(t *testing.T) {
	block := new([16][64]byte)
	h := HintSpan(&block[2], &block[5])
	for _, c := range []struct{ n, want int }{{2, 2}, {0, 0}, {4, 4}, {9, 4}, {-1, 0}} {
		n := h.Notice(c.n)
		if got := n.NoticeLines(); got != c.want {
			t.Errorf("Notice(%d): a notice asks for %d lines, want %d", c.n, got, c.want)
		}
		if n.Lines() != 4 || n.at&(1<<48-1) != h.at&(1<<48-1) {
			t.Errorf("Notice(%d) changed the hint's lines (%d) or address (%#x, was %#x)", c.n, n.Lines(), n.at&(1<<48-1), h.at&(1<<48-1))
		}
	}
}
