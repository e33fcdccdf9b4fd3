// Package engine runs a scenario for the interface: a Run is one life of a
// scenario (its lab.Session and the feed observing it), advanced by a
// Clock's tagged ticks, by steps and jumps, and, in a replay, by seeking
// (re-simulation from the start when going back). It also finds a
// recording's timeline markers and writes recording files.
//
// Nothing here reads the wall clock: a tick's advance is computed from the
// speed (Clock.PerFrame), so a test sending the same messages sees the same
// run.
//
//	TickMsg{Tag}  ─▶ stale tag or paused? drop it.
//	                 else Run.Advance(now + PerFrame, FrameBudget)
//	space, -, +   ─▶ change the clock and Retag: ticks on their way are
//	                 dropped, one new tick chain starts if running
//
// # Files
//
//	clock.go    speeds, tagged ticks, budgets
//	run.go      Run: a session and its feed; Advance, Step, Jump
//	markers.go  FindMarkers: a replay's timeline from one headless run
//	seek.go     SeekJob, SeekMsg: a seek under way, in chunks
//	record.go   WriteNew, RecordingBase: recording files, never overwritten
package engine
