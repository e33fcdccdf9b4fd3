package lab

import "testing"

func TestLayoutFillsTheTerminal(t *testing.T) {
	for w := minWidth; w <= 220; w += 9 {
		for h := minHeight; h <= 70; h++ {
			for _, need := range [][3]int{{1, 1, 1}, {4, 3, 2}, {40, 3000, 2000}} {
				l := computeLayout(w, h, need[0], need[1], need[2])
				panes := 0
				for _, n := range []int{l.top, l.conns, l.wire, l.log} {
					if n > 0 {
						panes++
					}
				}
				if got := 3 + (panes - 1) + l.top + l.conns + l.wire + l.log; got != h {
					t.Fatalf("%d×%d %v: the panes take %d rows, want %d (%+v)", w, h, need, got, h, l)
				}
				if l.wire < 3 {
					t.Fatalf("%d×%d: the wire has %d rows, want at least 3", w, h, l.wire)
				}
			}
		}
	}
}
