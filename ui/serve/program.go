package serve

import (
	"context"
	"io"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish/bubbletea"

	"github.com/socklab/socklab/ui"
	"github.com/socklab/socklab/ui/common"
	labpage "github.com/socklab/socklab/ui/pages/lab"
)

// program builds a session's Bubble Tea program: a Common from the
// session's own renderer (its colour profile, its background) and its
// reader's language, an App whose labs have the server's work budget and
// write no file, and the class line over it. Wish's middleware runs it,
// with the terminal's size and its changes.
func (s *Server) program(sess ssh.Session) *tea.Program {
	mb, _ := sess.Context().Value(memberKey{}).(*member)
	if mb == nil {
		return nil
	}
	c := common.NewCommon(bubbletea.MakeRenderer(sess), langOf(sess))
	app := ui.NewApp(c, ui.WithBudget(s.cfg.Budget),
		ui.WithLabOptions(labpage.WithoutFiles(), labpage.WithWorkPerUpdate(WorkPerUpdate)))
	typed := make(chan struct{}, 1)
	m := newSession(c, s.class, mb, app)
	m.pace.report = s.cfg.Frames
	p := tea.NewProgram(m,
		tea.WithInput(keysIn{sess, typed}),
		tea.WithOutput(sess),
		tea.WithAltScreen(),
		tea.WithMouseCellMotion(),
		tea.WithoutSignalHandler(), // the server's signals are the server's
	)
	s.class.attach(mb, p)
	go s.watchIdle(sess.Context(), mb, p, typed)
	return p
}

// keysIn is a session's input, which says when something was typed.
type keysIn struct {
	r     io.Reader
	typed chan<- struct{}
}

func (k keysIn) Read(b []byte) (int, error) {
	n, err := k.r.Read(b)
	if n > 0 {
		select {
		case k.typed <- struct{}{}:
		default:
		}
	}
	return n, err
}

// watchIdle ends the session when nothing has been typed for the idle
// time, unless it follows the teacher (a class watching a presentation
// types nothing). admit then says why on the terminal.
func (s *Server) watchIdle(ctx context.Context, mb *member, p *tea.Program, typed <-chan struct{}) {
	t := time.NewTimer(s.cfg.Idle)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-typed:
			t.Reset(s.cfg.Idle)
		case <-t.C:
			if s.class.follows(mb) {
				t.Reset(s.cfg.Idle)
				continue
			}
			mb.end("idle")
			p.Quit()
			return
		}
	}
}
