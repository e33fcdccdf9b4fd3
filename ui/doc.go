// Package ui is socklab's live lab: a Bubble Tea program that runs a
// scenario's lab.Session and shows, as it happens, every segment on the
// wire, every TCP state, every timer counting down, the moment a dead peer
// is detected and each reconnect, with keys to cut a cable or a client's
// power right now.
//
// main.go calls Play (the lab on one scenario), Pick (a filterable list of
// the built-in scenarios, then the lab) or Replay (a recording, with a
// timeline to seek). Tests build a Model with NewModel or NewReplay and
// drive it with messages; nothing in the package reads the wall clock.
//
// # The screen
//
//	 socklab · power-loss-heartbeat · t 00:01:50.000 · ❚❚ paused ×1 · seed 1
//	┌ hosts ──────────────────────┬ timers 1 ──────────────────────────┐
//	│ ✖ client 10.0.0.2 power off │ server rto (retry 4)  ▓▓▓▓▓░░  2.1s │
//	│ ● server 10.0.0.1 :8080     │                                    │
//	├ connections 1 ──────────────┴────────────────────────────────────┤
//	│ server 10.0.0.1:8080 ⇄ 10.0.0.2:47659 FIN_WT1  — · 50.0s ago     │
//	├ wire ────────────────────────────────────────────────────────────┤
//	│ time      client                                         server  │
//	│ 01:00.030    │◀────── pong #6 [PSH|ACK] seq=71 ack=85 ───────│    │
//	│ 01:05.000 ✖ client lost power                                    │
//	│ 01:45.030 ! server: 10.0.0.2:47659 is gone (heartbeat timeout…)  │
//	│ 01:45.030    ✗──── [FIN|ACK] seq=85 ack=85 ✗ host-down ──────│    │
//	├ what is happening ───────────────────────────────────────────────┤
//	│ 01:45.030 server heard no heartbeat from 10.0.0.2:47659 for 45s… │
//	└ space run  n step  j jump  -/+ speed  f fault  e edit  ? help ───┘
//
// Panes are sized by layout from the terminal's size and what there is to
// show; below 64 columns hosts and timers share one column, and short
// terminals drop panes (hosts and timers first). Every line is cut or
// padded to the width, so nothing wraps. Colours are lipgloss adaptive
// pairs for light and dark terminals; under NO_COLOR every state is still
// named and every bar still drawn in glyphs.
//
// # Time
//
// The simulation advances only inside Update:
//
//	tickMsg{tag}  ─▶ onTick: stale tag or paused? drop it.
//	                 else run speed × 1/30 s of simulated time (at most
//	                 frameBudget events), snapshot, schedule the next tick
//	space, -, +   ─▶ change the clock and bump its tag: ticks on their way
//	                 are dropped, one new tick chain starts if running
//	n             ─▶ pause, run to the next event that shows something
//	j             ─▶ pause, run (skipping idle time as the event queue
//	                 does) to the next detection, fault or TCP state change
//	f, e          ─▶ a live lab.Action through Session.Apply (recorded with
//	                 its simulated time); a refused one shows its error
//	w             ─▶ write the run so far as a recording (the scenario, its
//	                 --set flags and seed, the inputs): NAME.recording.json
//
// A tick's advance is computed from the speed, never measured, so a test
// sending the same messages sees the same run.
//
// # Replay
//
// NewReplay opens a recording: the same Model, its session replaying the
// recorded inputs at their steps (lab.Session.Replay), a timeline row under
// the status line, and these keys in place of the live ones:
//
//	, .  < >  g   ─▶ seekTo: forward, the session runs on; back, a fresh
//	                 session from the recording runs to the time asked and
//	                 the feed is rebuilt from its events, so the screen is
//	                 the one playing straight there shows
//	seekMsg{job}  ─▶ the next seekChunk events of a long seek (the timeline
//	                 says "seeking…"); a seek key aims it elsewhere, esc
//	                 stops it, other keys wait; a stale job's message is
//	                 dropped
//	tick          ─▶ as live, but the clock stops at the recording's end
//	f, e, w       ─▶ refused, with why: recorded inputs are not editable
//	b             ─▶ branch: Session.DropReplay, the timeline goes, and the
//	                 Model is a live lab from here (w records the branch)
//
// The timeline's markers (faults, parameter changes, detections) come from
// one headless run of the whole recording when it opens. BenchmarkSeekBack
// re-simulates the thundering herd from its end back to its middle
// (117,000 events, two chunks) in about a tenth of a second.
//
// # Cost of a frame
//
// The session's events go to a feed (the session's observer) that keeps
// bounded rings of wire rows and narrations; similar rows and narrations
// that come together (a thousand clients reconnecting) are folded into one.
// Sorting and counting the snapshot happens once per Update (derive), so
// View reads only what is on screen: BenchmarkView renders 200×60 after
// 100,000 events of the thundering herd in one to two milliseconds.
//
// # Files
//
//	model.go    Model, NewModel, Init, the Update dispatcher
//	control.go  keys and ticks: pause, step, jump, speed, restart, menus
//	scroll.go   wire and log scrolling, the mouse wheel
//	clock.go    speeds, tagged ticks, budgets
//	run.go      one life of a scenario: its session and feed
//	feed.go     the observer: wire rows, narrations, folding
//	ring.go     the bounded buffer the feed keeps them in
//	derived.go  what is sorted and counted once per snapshot
//	view.go     View: status line, panes, overlays
//	overlay.go  a box drawn over the screen
//	layout.go   sharing rows among panes
//	frame.go    the frame's borders and lines
//	hosts.go, timers.go, conns.go, wire.go, logpane.go   the panes
//	bar.go, format.go   countdown bars; times, durations, fitting text
//	lanes.go, topo.go   the ladder's lanes, node order, packet paths
//	menu.go, faults.go, params.go   the fault menu and parameter editor
//	record.go   the record key: a recording file, never overwritten
//	replay.go   NewReplay, the replay's keys, branching
//	markers.go  the timeline's markers, from one headless run
//	seek.go     seeking: by re-simulation, in chunks when long
//	goto.go     the "go to" prompt and the times it reads
//	timeline.go the timeline row
//	keys.go, styles.go   the KeyMap (help is generated from it), Styles
//	picker.go, entry.go  the scenario picker, Play, Pick and Replay
package ui
