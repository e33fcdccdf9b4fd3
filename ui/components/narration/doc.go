// Package narration is "what is happening": the scenario's lesson first,
// then the narration of the latest events (the feed's log), each stamped
// with its simulated time and wrapped with a hanging indent.
package narration
