// Package picker is the page socklab opens on: the built-in scenarios in a
// filterable list, with what the selected one teaches under it. Enter
// asks for the lab on it (ChosenMsg); the program (ui.Pick) opens it.
package picker
