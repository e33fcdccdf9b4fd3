package common

// Scroll is how far a pane whose content is longer than the pane is
// scrolled: Off is the first line shown. Components that list state (the
// hosts, the timers, the connections) keep one; the log-like panes (the
// wire, the narration) follow their newest line instead.
type Scroll struct{ Off int }

// By moves n lines up (n < 0: down), keeping a full pane of content when
// there is one: total lines of content in a pane h lines high.
func (s *Scroll) By(n, total, h int) { s.Off = s.clamp(s.Off-n, total, h) }

// Top goes back to the first line.
func (s *Scroll) Top() { s.Off = 0 }

// Window is the range of content lines [from, to) a pane h lines high
// shows of total.
func (s Scroll) Window(total, h int) (from, to int) {
	from = s.clamp(s.Off, total, h)
	return from, min(total, from+max(0, h))
}

func (s Scroll) clamp(off, total, h int) int {
	return min(max(off, 0), max(0, total-h))
}

// Mark is the sign a pane's title carries when its content does not all
// show: ↑ more above, ↓ more below, ↕ both; "" when it all shows.
func Mark(from, to, total int) string {
	switch up, down := from > 0, to < total; {
	case up && down:
		return "↕"
	case up:
		return "↑"
	case down:
		return "↓"
	}
	return ""
}

// Titled adds a pane's scroll mark to its title: "connections 6 ↓".
func Titled(title, mark string) string {
	if mark == "" {
		return title
	}
	return title + " " + mark
}
