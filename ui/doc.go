// Package ui is socklab's interface: a Bubble Tea program that runs a
// scenario's lab.Session and shows, as it happens, every segment on the
// wire, every TCP state, every timer counting down, the moment a dead peer
// is detected and each reconnect, with keys to cut a cable or a client's
// power right now.
//
// main calls Play (the lab on one scenario), Pick (the picker of the
// built-in scenarios, then the lab), Replay (a recording, with a timeline
// to seek), SweepChart (a sweep's chart, socklab sweep) or PlayDrill (a
// packetdrill script's run, socklab play FILE.pkt). Nothing in the interface reads the wall clock: the simulation
// advances on tagged ticks whose advance is computed from the speed.
//
// # Packages
//
// Dependencies point down: pages use components, components use common.
//
//	ui                 Play, Pick, Replay, SweepChart; App (the picker, then
//	                   the lab)
//	ui/pages/picker    the lessons in teaching order, filterable
//	ui/pages/lab       the lab page (live or replaying): keys, layout, focus,
//	                   zoom, seeking
//	ui/pages/verdict   the scenario's end: its expectations judged
//	ui/pages/sweep     a sweep's chart (ntcharts): a cursor along the curve,
//	                   the point's numbers
//	ui/pages/drill     a packetdrill script's run: its lines beside the
//	                   ladder, ✔ each that held, ✘ the mismatch
//	ui/components/…    the panes and rows: ladder (the wire), hosts, timers,
//	                   conns, narration, timeline, menu, statusbar
//	ui/engine          a run (session + feed), the clock, seeks, markers,
//	                   recording files
//	ui/common          Common (one terminal's styles and keys), the frame,
//	                   overlays, bars
//	ui/styles          Styles, built from a terminal's lipgloss.Renderer
//	ui/keymap          KeyMap: keys and the help drawn from them
//	ui/feed            the session's observer: wire rows and narrations in
//	                   bounded rings (no Bubble Tea, no lipgloss)
//	ui/format          times, durations and text fitted to display cells
//
// Colours are lipgloss adaptive pairs for light and dark terminals, built
// per terminal from its renderer (no package-level styles: socklab serve
// draws many terminals from one process); under NO_COLOR every state is
// still named and every bar still drawn in glyphs.
//
// # Files
//
//	entry.go  Play, Pick, Replay, the terminal's Common
//	app.go    App: the picker, then the lab
//	sweep.go  SweepChart: a sweep's chart, and the point chosen
//	drill.go  RunDrill, PlayDrill: a packetdrill script's run, watched
package ui
