// Package common is what every page and component of the interface shares
// for one terminal: Common (its styles, built from its own
// lipgloss.Renderer, its keys and its language), the Pane a component of
// the lab is, the frame the panes are drawn in (the focused one heavy),
// scrolling, boxes drawn over the screen, and countdown bars.
//
// One Common is made per terminal (NewCommon) and handed down by pointer;
// on a tea.WindowSizeMsg a page calls SetSize on its components. Nothing in
// the interface keeps package-level styles or uses lipgloss's default
// renderer, so one process can serve many terminals (socklab serve), each
// with its own colour profile and background.
//
// # Files
//
//	common.go   Common, NewCommon, SetLang, Actor (the naming rule), Pane
//	frame.go    Frame: titled borders, content lines cut to the width
//	scroll.go   Scroll: a pane's first line; Mark: ↑ ↓ ↕ in its title
//	overlay.go  ModalBox and Overlay: a box over the screen
//	bar.go      Bar: a countdown bar
package common
