package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	labpage "github.com/socklab/socklab/ui/pages/lab"
)

// What socklab serve asks of a terminal's App to run a class: which
// lesson it has open, the run to present, a follower of the teacher's,
// a lesson handed out.

// Lesson is the name of the lesson open in the lab, "" in the picker.
func (a App) Lesson() string {
	if a.lab == nil {
		return ""
	}
	return a.lab.Scenario()
}

// Present is the open lab's run for its followers; ok is false in the
// picker.
func (a App) Present() (p labpage.Presented, ok bool) {
	if a.lab == nil {
		return labpage.Presented{}, false
	}
	return a.lab.Present(), true
}

// Follow opens, in place of whatever is open, a lab on lesson that
// follows a presented run (labpage.NewFollower); the Presented messages
// that follow bring it along. esc leaves it for the picker, as any lab.
func (a App) Follow(lesson string) (App, tea.Cmd) {
	return a.openWith(lesson, labpage.NewFollower)
}

// Following reports whether the open lab follows a presented run.
func (a App) Following() bool { return a.lab != nil && a.lab.Following() }

// Unfollow makes a following lab live where it stands (the presenter
// stopped).
func (a App) Unfollow() App {
	if a.lab != nil {
		m := a.lab.Unfollow()
		a.lab = &m
	}
	return a
}

// Open opens the lab on lesson (handed out by a teacher), in place of
// whatever is open.
func (a App) Open(lesson string) (App, tea.Cmd) {
	a.picker.Select(lesson)
	return a.openWith(lesson, labpage.New)
}
