package common

import (
	"math"
	"strings"

	"github.com/socklab/socklab/ui/styles"
)

// Bar draws a countdown bar w cells wide: ▓ for the part of the time left,
// ░ for the part gone. left is the fraction left, 0 to 1. A bar with less
// than a fifth left turns to the warning colour; the glyphs alone still
// show it under NO_COLOR.
func Bar(st styles.Styles, left float64, w int) string {
	if w <= 0 {
		return ""
	}
	left = math.Max(0, math.Min(1, left))
	full := int(math.Ceil(left * float64(w)))
	style := st.P.BarLeft
	if left < 0.2 {
		style = st.P.BarSoon
	}
	s := ""
	if full > 0 {
		s = style.Paint(strings.Repeat("▓", full))
	}
	if full < w {
		s += st.P.BarGone.Paint(strings.Repeat("░", w-full))
	}
	return s
}
