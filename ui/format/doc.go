// Package format renders what the interface shows as plain text: times and
// durations in a fixed number of cells, speeds, counts, and text cut,
// padded or wrapped to a width in display cells (never bytes or runes: a
// Chinese character takes two cells, an arrow one).
//
// It imports no Bubble Tea and no lipgloss: the feed (ui/feed) words its
// rows with it, and every component draws with it. Functions that take
// styled text (Fit, Clip, PadLeft) measure it with Width, which skips
// escape sequences and counts as ansi.StringWidth does, fast for the
// characters the lab draws.
//
// # Files
//
//	time.go   Dur, Left, Stamp, StampWidth, Clock, Speed
//	cells.go  Width, RuneWidth: display cells, fast
//	width.go  Fit, Clip, Pad, PadLeft, Wrap, Ellipsis
//	words.go  Plural, ShortState, Itoa
package format
