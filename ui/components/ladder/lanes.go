package ladder

import (
	"github.com/socklab/socklab/ui/format"
)

// lanes places the nodes across the ladder diagram: one vertical lane per
// node, the nodes in nodeOrder's order, spread over width cells.
type lanes struct {
	names []string
	x     []int // column of each lane, 0 ≤ x < width
	width int
	ok    bool // the lanes are far enough apart to draw arrows between them
}

// minLaneGap is the least distance between two lanes that leaves room for
// an arrow and a word of its label.
const minLaneGap = 10

func placeLanes(names []string, width int) lanes {
	l := lanes{names: names, x: make([]int, len(names)), width: width}
	n := len(names)
	if n == 0 || width < 3 {
		return l
	}
	if n == 1 {
		l.x[0] = width / 2
		return l
	}
	longest := 0
	for _, s := range names {
		longest = max(longest, format.Width(s))
	}
	margin := format.Clamp((longest+1)/2, 1, max(1, width/(2*n)))
	span := width - 1 - 2*margin
	for i := range names {
		l.x[i] = margin + i*span/(n-1)
	}
	l.ok = span/(n-1) >= minLaneGap
	return l
}

// of returns the lane of node name, or -1.
func (l lanes) of(name string) int {
	for i, s := range l.names {
		if s == name {
			return i
		}
	}
	return -1
}

// at returns the column where a packet sent from column from met its fate:
// a node's lane, or on a link "a-b" three quarters of the way from the
// lane it entered the link at to the other (the loss is somewhere on the
// cable; this leaves the arrow room for its whole label). ok is false for
// a place that is not on the diagram.
func (l lanes) at(where string, from int) (int, bool) {
	if i := l.of(where); i >= 0 {
		return l.x[i], true
	}
	for i := range l.names {
		for j := range l.names {
			if i != j && where == l.names[i]+"-"+l.names[j] {
				a, b := l.x[i], l.x[j]
				if abs(b-from) < abs(a-from) {
					a, b = b, a // enter at the lane nearer the sender
				}
				return a + (b-a)*3/4, true
			}
		}
	}
	return 0, false
}

func abs(n int) int { return max(n, -n) }
