// Package slack tells a kernel's give-up from the bare rule, in words, for
// the narrations of the lab's apps and of socket scripts (lab/script).
//
// On Linux the TCP timers run on the kernel's timer wheel (netsim's
// TimersWheel): each expiry is late by up to one granule of its wheel
// level. A connect() that no SYN-ACK answers ends later than the SYN
// schedule's sum; retransmission, whose tcp_retries2 is a budget of time
// checked when the timer fires, can give up one retransmission earlier
// than the rule. Where the slack moved the outcome, the narration says
// both: "131s by the rule, 2.9s more with the kernel's timer slack".
//
// Both functions return a part of a message (NarrateSynRule,
// NarrateRetriesRule) that the caller's narration takes as its Rule, and
// false when there is nothing to tell: exact timers, or a give-up that
// the rule alone explains to the millisecond.
//
// # Files
//
//	slack.go  Connect and Retries
package slack
