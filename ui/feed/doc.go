// Package feed is what the interface keeps of a run: the session's
// observer turns each event into the rows of the wire (a packet, a fault,
// a detection, a reconnect, a middlebox's flow, a parameter set) and the
// entries of "what is happening" (the narrations), in bounded rings, so
// that a frame costs the same after a minute or after a day of simulated
// time.
//
//	f := feed.New(sc.Teaches) // the lesson, in one language or both
//	session.Observe(f.Observe)
//	... session.Step() ...
//	row := f.Wire.FromEnd(0) // the newest row
//
// Rows that differ only in their numbers and come within FoldWindow of the
// first (a thousand clients reconnecting) are folded into it; a row keeps
// the event it was made from (Row.Event), so that what reads the feed —
// the ladder, the timeline's markers, an inspector — can go back to the
// whole event.
//
// The package imports no Bubble Tea and no lipgloss: it is data, tested
// as data.
//
// # Files
//
//	ring.go  Ring, the bounded buffer with sequence numbers
//	feed.go  Feed, Row, Entry: Observe, folding, packets' fates
//	text.go  the words of the rows that are not packets
package feed
