// Package common is what every page and component of the interface shares
// for one terminal: Common (its styles, built from its own
// lipgloss.Renderer, and its keys), the frame the lab's panes are drawn in,
// boxes drawn over the screen, and countdown bars.
//
// One Common is made per terminal (NewCommon) and handed down by pointer;
// on a tea.WindowSizeMsg a page calls SetSize on its components. Nothing in
// the interface keeps package-level styles or uses lipgloss's default
// renderer, so one process can serve many terminals (socklab serve), each
// with its own colour profile and background.
//
// # Files
//
//	common.go   Common, NewCommon, Component
//	frame.go    Frame: titled borders, content lines cut to the width
//	overlay.go  ModalBox and Overlay: a box over the screen
//	bar.go      Bar: a countdown bar
package common
