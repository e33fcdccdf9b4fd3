// Package menu is the lab's fault menu and parameter editor: a list of
// lab actions chosen with the arrows and enter or with each item's hotkey,
// and, for an item that needs a value, a one-line prompt. A refused action
// keeps the menu open with the error, so the value can be corrected.
package menu
