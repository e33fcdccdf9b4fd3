package serve

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui"
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/engine"
	"github.com/socklab/socklab/ui/format"
	labpage "github.com/socklab/socklab/ui/pages/lab"
)

// session is one SSH session's program: its own App (the picker, then the
// lab), and over it, when there is something to say, the class line —
// the teacher's keys and how many follow; a student's invitation to
// follow, that they follow, that they branched, an exercise handed out.
// Update stays a dispatcher: the class's keys here, the rest to the App.
type session struct {
	c     *common.Common
	class *Class
	me    *member
	app   ui.App
	w, h  int

	view   View // the class, as last read
	keys   classKeys
	bar    lipgloss.Style
	barOn  bool   // the App was last sized with the class line above it
	note   string // a note in the class line until the next key (the teacher's "handed out")
	roll   bool   // the teacher's class list is open
	opened string // the exercise the student opened (the line stops offering it)

	presenting bool              // the teacher presents
	sent       labpage.Presented // what the teacher presented last
	branched   bool              // the student's lab was the teacher's, and is their own now

	pace *pacer // shared by the model's copies: one program's goroutine
}

// classKeys are the class's keys: ctrl keys, which neither the picker's
// filter nor the lab takes.
type classKeys struct {
	Present, Roll, HandOut key.Binding // the teacher's
	Follow, OpenHandout    key.Binding // a student's
	Close                  key.Binding
}

func newClassKeys() classKeys {
	return classKeys{
		Present:     key.NewBinding(key.WithKeys("ctrl+p")),
		Roll:        key.NewBinding(key.WithKeys("ctrl+o")),
		HandOut:     key.NewBinding(key.WithKeys("ctrl+x")),
		Follow:      key.NewBinding(key.WithKeys("ctrl+t")),
		OpenHandout: key.NewBinding(key.WithKeys("ctrl+g")),
		Close:       key.NewBinding(key.WithKeys("esc", "ctrl+o")),
	}
}

func newSession(c *common.Common, class *Class, me *member, app ui.App) session {
	s := session{c: c, class: class, me: me, app: app, keys: newClassKeys(), pace: &pacer{},
		bar: c.Styles.Renderer.NewStyle().Reverse(true)}
	s.view = class.view(me)
	return s
}

func (s session) Init() tea.Cmd { return s.app.Init() }

// Update routes a message: the class's to their handlers, keys to the
// class's keys first, everything else to the App.
func (s session) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.w, s.h = msg.Width, msg.Height
		return s.sizeApp(true)
	case classMsg:
		s.view = s.class.view(s.me)
		return s.onClass()
	case labpage.Presented:
		return s.onPresented(msg)
	case tea.KeyMsg:
		s.note = ""
		if next, cmd, ok := s.classKey(msg); ok {
			return next, cmd
		}
	case engine.TickMsg:
		if cmd := s.pace.hold(msg); cmd != nil {
			return s, cmd
		}
		s.pace.tick()
	case pacedTick:
		s.pace.tick()
		return s.toApp(msg.TickMsg)
	}
	return s.toApp(msg)
}

// toApp gives msg to the App, then tells the class what the App shows
// now: the lesson open, following or not; and the teacher's run, to its
// followers, when presenting.
func (s session) toApp(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := s.app.Update(msg)
	s.app = next.(ui.App)
	return s.afterApp(cmd)
}

func (s session) afterApp(cmd tea.Cmd) (tea.Model, tea.Cmd) {
	if s.branched && s.app.Lesson() == "" {
		s.branched = false // back in the picker: the copy is gone
	}
	if !s.me.teacher && !s.app.Following() && s.class.follows(s.me) {
		s.branched = s.app.Lesson() != "" // v: the student's own copy now
	}
	s.class.report(s.me, s.app.Lesson(), s.app.Following())
	if s.presenting {
		if p, ok := s.app.Present(); ok && !p.Same(s.sent) {
			s.sent = p
			s.class.present(p)
		}
	}
	s.view = s.class.view(s.me)
	next, size := s.sizeApp(false)
	return next, tea.Batch(cmd, size)
}

// classKey handles the class's keys; ok is false for any other key.
func (s session) classKey(msg tea.KeyMsg) (next tea.Model, cmd tea.Cmd, ok bool) {
	k := s.keys
	switch {
	case s.me.teacher && s.roll && key.Matches(msg, k.Close):
		s.roll = false
		return s, nil, true
	case s.me.teacher && key.Matches(msg, k.Roll):
		s.roll = true
		return s, nil, true
	case s.me.teacher && key.Matches(msg, k.Present):
		return s.togglePresent()
	case s.me.teacher && key.Matches(msg, k.HandOut):
		return s.handOut()
	case !s.me.teacher && key.Matches(msg, k.Follow):
		return s.toggleFollow()
	case !s.me.teacher && key.Matches(msg, k.OpenHandout) && s.offered() != "":
		s.opened = s.offered()
		s.branched = false
		var cmd tea.Cmd
		s.app, cmd = s.app.Open(s.opened)
		next, cmd = s.afterApp(cmd)
		return next, cmd, true
	}
	return s, nil, false
}

// togglePresent starts presenting the teacher's lab, or stops.
func (s session) togglePresent() (tea.Model, tea.Cmd, bool) {
	if s.presenting {
		s.presenting = false
		s.class.stopPresenting()
		s.view = s.class.view(s.me)
		next, cmd := s.sizeApp(false)
		return next, cmd, true
	}
	p, ok := s.app.Present()
	if !ok {
		s.note = s.c.T(i18n.ServeNothingPresent)
		return s, nil, true
	}
	s.presenting, s.sent = true, p
	s.class.present(p)
	s.view = s.class.view(s.me)
	next, cmd := s.sizeApp(false)
	return next, cmd, true
}

// handOut gives every student the lesson the teacher has open.
func (s session) handOut() (tea.Model, tea.Cmd, bool) {
	lesson := s.app.Lesson()
	if lesson == "" {
		s.note = s.c.T(i18n.ServeNothingPresent)
		return s, nil, true
	}
	n := s.class.handOut(Exercise{Lesson: lesson})
	s.note = s.c.T(i18n.ServeHandedOut, "Lesson", lesson, "Count", n)
	return s, nil, true
}

// toggleFollow starts following the teacher's presentation, or stops
// (the lab stays, the student's own).
func (s session) toggleFollow() (tea.Model, tea.Cmd, bool) {
	if s.app.Following() {
		s.app = s.app.Unfollow()
		next, cmd := s.afterApp(nil)
		return next, cmd, true
	}
	p, ok := s.class.presented()
	if !ok {
		s.note = s.c.T(i18n.ServeFollowWaiting)
		return s, nil, true
	}
	var cmd tea.Cmd
	s.app, cmd = s.app.Follow(p.Lesson)
	s.branched = false
	next, cmd := s.afterApp(cmd) // the class sends the presented run to its new follower
	return next, cmd, true
}

// onPresented brings a following lab to the teacher's run: a lab on the
// teacher's lesson first when the teacher opened another.
func (s session) onPresented(p labpage.Presented) (tea.Model, tea.Cmd) {
	if !s.app.Following() {
		return s, nil
	}
	var open tea.Cmd
	if s.app.Lesson() != p.Lesson {
		s.app, open = s.app.Follow(p.Lesson)
	}
	next, cmd := s.app.Update(p)
	s.app = next.(ui.App)
	return s.afterApp(tea.Batch(open, cmd))
}

// onClass follows a change of the class: a presentation that ended
// leaves the followers their lab, their own now.
func (s session) onClass() (tea.Model, tea.Cmd) {
	if !s.me.teacher && s.app.Following() && s.view.Presenting == "" {
		s.app = s.app.Unfollow()
		s.note = s.c.T(i18n.ServeFollowStopped)
	}
	return s.afterApp(nil)
}

// offered is the exercise handed out that the student has not opened.
func (s session) offered() string {
	if l := s.view.Handout.Lesson; l != s.opened {
		return l
	}
	return ""
}

// line is the class line's text, "" when there is nothing to say.
func (s session) line() string {
	v := s.view
	switch {
	case s.note != "":
		return s.note
	case v.Teacher && s.presenting:
		return s.c.T(i18n.ServeBarPresenting, "Lesson", v.Presenting, "Count", v.Followers)
	case v.Teacher:
		return s.c.T(i18n.ServeBarTeacher, "Count", v.Students)
	case s.offered() != "":
		return s.c.T(i18n.ServeBarHandout, "Lesson", s.offered())
	case s.app.Following():
		return s.c.T(i18n.ServeBarFollowing)
	case s.branched:
		return s.c.T(i18n.ServeBarBranched)
	case v.Presenting != "":
		return s.c.T(i18n.ServeBarPresented, "Lesson", v.Presenting)
	}
	return ""
}

// sizeApp gives the App the screen under the class line, when the line
// came or went (or always, on a new size).
func (s session) sizeApp(always bool) (session, tea.Cmd) {
	on := s.line() != ""
	if !always && on == s.barOn {
		return s, nil
	}
	s.barOn = on
	h := s.h
	if on {
		h = max(1, h-1)
	}
	next, cmd := s.app.Update(tea.WindowSizeMsg{Width: s.w, Height: h})
	s.app = next.(ui.App)
	return s, cmd
}

// View is the class line over the App's screen, and the teacher's class
// list over both when open.
func (s session) View() string {
	defer s.pace.drawn()
	screen := s.app.View()
	if s.barOn {
		screen = s.bar.Render(format.Fit(s.line(), s.w)) + "\n" + screen
	}
	if s.roll {
		lines := strings.Split(screen, "\n")
		box := common.ModalBox(s.c.Styles, s.rollLines(), min(s.w, 72))
		screen = strings.Join(common.Overlay(lines, box, max(0, (s.w-format.Width(box[0]))/2), 2), "\n")
	}
	return screen
}

// rollLines are the class list: each student, where from, what they do,
// for how long.
func (s session) rollLines() []string {
	v := s.view
	out := []string{s.c.T(i18n.ServeClassTitle, "Count", v.Students), ""}
	if len(v.Roll) == 0 {
		out = append(out, s.c.T(i18n.ServeClassNone))
	}
	for _, st := range v.Roll {
		what := st.Lesson
		switch {
		case st.Following:
			what = s.c.T(i18n.ServeClassFollowing)
		case what == "":
			what = s.c.T(i18n.ServeClassPicking)
		}
		out = append(out, format.Pad(format.Clip(st.User, 12), 13)+format.Pad(format.Clip(st.Addr, 21), 22)+
			format.Pad(format.Clip(what, 24), 25)+format.Dur(time.Since(st.Since).Round(time.Second)))
	}
	return append(out, "", s.c.T(i18n.ServeClassKeys))
}
