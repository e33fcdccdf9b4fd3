package serve

import (
	"slices"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	labpage "github.com/socklab/socklab/ui/pages/lab"
)

// Class is who is connected and what the teacher shows them: the one
// thing the sessions share, behind its lock. A session never reaches
// another's model: the class hands it messages (a change of the class, a
// presented run), through the member's mailbox, which keeps only the
// newest of each so that a slow student never holds the teacher up.
type Class struct {
	mu      sync.Mutex
	members []*member
	next    int // the next member's number
	// presenting is the teacher's run as last presented, nil when the
	// teacher is not presenting.
	presenting *labpage.Presented
	// handout is the exercise the teacher handed out last.
	handout Exercise
}

// Exercise is what a teacher hands out: for now a lesson, which the
// student opens with a key. It is the hook for the exercises to come (a
// lesson's next step): they add their step here, and the student's lab
// opens at it.
type Exercise struct {
	Lesson string
}

// member is one session in the class.
type member struct {
	id      int
	user    string
	addr    string
	teacher bool
	since   time.Time

	// Guarded by the class's lock.
	lesson    string // the lesson open, "" in the picker
	following bool

	box *mailbox

	// What ended the session, for the log.
	endMu sync.Mutex
	ended string
}

func (mb *member) role() string {
	if mb.teacher {
		return "teacher"
	}
	return "student"
}

// end says why the session ends ("idle"), the first reason given.
func (mb *member) end(why string) {
	mb.endMu.Lock()
	defer mb.endMu.Unlock()
	if mb.ended == "" {
		mb.ended = why
	}
}

func (mb *member) endReason() string {
	mb.endMu.Lock()
	defer mb.endMu.Unlock()
	if mb.ended == "" {
		return "quit"
	}
	return mb.ended
}

func (mb *member) idled() bool { return mb.endReason() == "idle" }

func newClass() *Class { return &Class{} }

// join adds a session to the class, unless max students are in it
// already (the teacher always comes in).
func (c *Class) join(user, addr string, teacher bool, max int) (*member, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !teacher && c.students() >= max {
		return nil, false
	}
	c.next++
	mb := &member{id: c.next, user: user, addr: addr, teacher: teacher, since: time.Now(), box: newMailbox()}
	c.members = append(c.members, mb)
	c.changed()
	return mb, true
}

// leave takes a session out of the class.
func (c *Class) leave(mb *member) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.members = slices.DeleteFunc(c.members, func(m *member) bool { return m == mb })
	mb.box.close()
	c.changed()
}

// students counts the members who are not the teacher (c.mu held).
func (c *Class) students() int {
	n := 0
	for _, m := range c.members {
		if !m.teacher {
			n++
		}
	}
	return n
}

// changed tells every member the class changed (c.mu held).
func (c *Class) changed() {
	for _, m := range c.members {
		m.box.post(true, nil)
	}
}

// attach starts delivering mb's mail to p, until the session ends.
func (c *Class) attach(mb *member, p *tea.Program) { go mb.box.deliver(p) }

// View is what a member's screen says of the class.
type View struct {
	Teacher    bool
	Students   int
	Presenting string // the lesson the teacher presents, "" when not
	Followers  int
	Handout    Exercise
	Roll       []Seat // the class list, for the teacher
}

// Seat is one student in the class list.
type Seat struct {
	User, Addr string
	Lesson     string // "" in the picker
	Following  bool
	Since      time.Time
}

// view is the class as mb's screen shows it.
func (c *Class) view(mb *member) View {
	c.mu.Lock()
	defer c.mu.Unlock()
	v := View{Teacher: mb.teacher, Students: c.students(), Handout: c.handout}
	if c.presenting != nil {
		v.Presenting = c.presenting.Lesson
	}
	for _, m := range c.members {
		if m.teacher {
			continue
		}
		if m.following {
			v.Followers++
		}
		if mb.teacher {
			v.Roll = append(v.Roll, Seat{User: m.user, Addr: m.addr, Lesson: m.lesson, Following: m.following, Since: m.since})
		}
	}
	slices.SortFunc(v.Roll, func(a, b Seat) int { return strings.Compare(a.User+a.Addr, b.User+b.Addr) })
	return v
}

// report notes the lesson mb has open and whether it follows the
// teacher; the teacher hears of a change.
func (c *Class) report(mb *member, lesson string, following bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if mb.lesson == lesson && mb.following == following {
		return
	}
	was := mb.following
	mb.lesson, mb.following = lesson, following
	if following && !was && c.presenting != nil {
		mb.box.post(false, c.presenting) // a new follower starts from now
	}
	for _, m := range c.members {
		if m.teacher {
			m.box.post(true, nil)
		}
	}
}

// follows is whether mb follows the teacher.
func (c *Class) follows(mb *member) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return mb.following
}

// present sends the teacher's run to its followers; the first one starts
// the presentation.
func (c *Class) present(p labpage.Presented) {
	c.mu.Lock()
	defer c.mu.Unlock()
	started := c.presenting == nil
	c.presenting = &p
	if started {
		c.changed()
	}
	for _, m := range c.members {
		if m.following {
			m.box.post(false, c.presenting)
		}
	}
}

// stopPresenting ends the presentation: the followers keep their lab, now
// their own.
func (c *Class) stopPresenting() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.presenting == nil {
		return
	}
	c.presenting = nil
	c.changed()
}

// presented is the run the teacher presents now, if any.
func (c *Class) presented() (labpage.Presented, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.presenting == nil {
		return labpage.Presented{}, false
	}
	return *c.presenting, true
}

// handOut gives every student e; it returns how many there are.
func (c *Class) handOut(e Exercise) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.handout = e
	c.changed()
	return c.students()
}

// classMsg tells a session the class changed: it reads the class's View
// again.
type classMsg struct{}

// mailbox is what is waiting for one session: that the class changed,
// and the newest presented run. Posting never blocks; a goroutine per
// session delivers to its program, which may be busy.
type mailbox struct {
	mu        sync.Mutex
	changed   bool
	presented *labpage.Presented
	wake      chan struct{}
	done      chan struct{}
	closeOnce sync.Once
}

func newMailbox() *mailbox {
	return &mailbox{wake: make(chan struct{}, 1), done: make(chan struct{})}
}

// post leaves word that the class changed, and/or a presented run.
func (b *mailbox) post(changed bool, p *labpage.Presented) {
	b.mu.Lock()
	if changed {
		b.changed = true
	}
	if p != nil {
		b.presented = p
	}
	b.mu.Unlock()
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

// deliver hands what is posted to p until the box is closed.
func (b *mailbox) deliver(p *tea.Program) {
	for {
		select {
		case <-b.done:
			return
		case <-b.wake:
		}
		b.mu.Lock()
		changed, presented := b.changed, b.presented
		b.changed, b.presented = false, nil
		b.mu.Unlock()
		if changed {
			p.Send(classMsg{})
		}
		if presented != nil {
			p.Send(*presented)
		}
	}
}

func (b *mailbox) close() { b.closeOnce.Do(func() { close(b.done) }) }
