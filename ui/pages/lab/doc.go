// Package lab is the lab page: the live lab over one scenario's
// lab.Session, or the replay of a recording. It holds the page's state
// (the run, the clock, which menu is open, the replay and its seek) and
// routes messages to the components it lays out:
//
//	 socklab · power-loss-heartbeat · t 00:01:50.000 · ❚❚ paused ×1 · seed 1   statusbar
//	┌ hosts ──────────────────────┬ timers 1 ──────────────────────────┐
//	│ ✖ client 10.0.0.2 power off │ server rto (retry 4)  ▓▓▓▓▓░░  2.1s │    hosts │ timers
//	│ ● server 10.0.0.1 :8080     │                                    │
//	├ connections 1 ──────────────┴────────────────────────────────────┤
//	│ server 10.0.0.1:8080 ⇄ 10.0.0.2:47659 FIN_WT1  — · 50.0s ago     │    conns
//	├ wire ────────────────────────────────────────────────────────────┤
//	│ time      client                                         server  │    ladder
//	│ 01:00.030    │◀────── pong #6 [PSH|ACK] seq=71 ack=85 ───────│    │
//	│ 01:05.000 ✖ client lost power                                    │
//	│ 01:45.030 ! server: 10.0.0.2:47659 is gone: silent for 45s ≥ h…  │
//	├ what is happening ───────────────────────────────────────────────┤
//	│ 01:45.030 server declares 10.0.0.2:47659 dead: no heartbeat, si… │    narration
//	└ space run  n step  j jump  -/+ speed  f fault  e edit  ? help ───┘    statusbar
//
// Panes are sized by layout from the terminal's size and what there is to
// show; below 64 columns hosts and timers share one column, and short
// terminals drop panes (hosts and timers first). Every line is cut or
// padded to the width, so nothing wraps.
//
// # Time
//
// The simulation advances only inside Update (ui/engine has the clock):
//
//	TickMsg{Tag}  ─▶ onTick: stale tag or paused? drop it.
//	                 else run speed × 1/30 s of simulated time (at most
//	                 FrameBudget events), snapshot, schedule the next tick
//	space, -, +   ─▶ change the clock and bump its tag
//	n             ─▶ pause, run to the next event that shows something
//	j             ─▶ pause, run (skipping idle time as the event queue
//	                 does) to the next detection, fault or TCP state change
//	f, e          ─▶ a live lab.Action through Session.Apply (recorded with
//	                 its simulated time); a refused one shows its error
//	w             ─▶ write the run so far as a recording (the scenario, its
//	                 --set flags and seed, the inputs): NAME.recording.json
//
// # Replay
//
// NewReplay opens a recording: the same Model, its session replaying the
// recorded inputs at their steps (lab.Session.Replay), a timeline row under
// the status line, and the replay's keys switched on (keymap.SetReplay):
//
//	, .  < >  g   ─▶ seekTo: forward, the session runs on; back, a fresh
//	                 session from the recording runs to the time asked and
//	                 the feed is rebuilt from its events, so the screen is
//	                 the one playing straight there shows
//	SeekMsg{Job}  ─▶ the next SeekChunk events of a long seek (the timeline
//	                 says "seeking…"); a seek key aims it elsewhere, esc
//	                 stops it, other keys wait; a stale job's message is
//	                 dropped
//	tick          ─▶ as live, but the clock stops at the recording's end
//	f, e, w       ─▶ refused, with why: recorded inputs are not editable
//	b             ─▶ branch: Session.DropReplay, the timeline goes, and the
//	                 Model is a live lab from here (w records the branch)
//
// # Cost of a frame
//
// Sorting and counting the snapshot happens once per Update (refresh), and
// the wire and the log read only the feed's rows on screen, so View's cost
// depends on the terminal's size, not on how long the lab has run:
// BenchmarkView renders 200×60 after 100,000 events of the thundering herd.
//
// # Files
//
//	model.go    Model, New, Init, the Update dispatcher, refresh, resize
//	control.go  keys and ticks: pause, step, jump, speed, restart, menus
//	panes.go    the panes: focus, which is where, scrolling each
//	scroll.go   the keys that move the focus, zoom and scroll; the mouse
//	view.go     View: the frame, the panes, overlays, the help
//	layout.go   sharing rows among panes, the hosts│timers split, zoom
//	faults.go, params.go   the fault menu's and the editor's items
//	record.go   the record key
//	replay.go   NewReplay, the replay's keys, the go-to prompt, branching
//	seek.go     seeking: by re-simulation, in chunks when long
package lab
