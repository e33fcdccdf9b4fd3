package serve

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	gossh "golang.org/x/crypto/ssh"

	"github.com/socklab/socklab/lab/i18n"
)

// What a school network needs of the server: only the lab. lockDown
// leaves the SSH server one kind of channel (a session) and one request
// that starts something in it (a shell, which is the lab); everything
// else is refused where SSH asks for it, so the client says so:
//
//	ssh -L, -D (direct-tcpip channels)   no channel handler: rejected
//	ssh -R (tcpip-forward requests)      no request handler: false
//	ssh -A (auth-agent-req)              answered false (withoutAgent)
//	ssh -X (x11-req)                     answered false
//	ssh HOST CMD (exec), sftp, scp       answered false (the session
//	  (subsystem)                        request callback)
//	a session without a terminal         told to use one (terminalOnly)
func lockDown(srv *ssh.Server) {
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": withoutAgent}
	srv.RequestHandlers = map[string]ssh.RequestHandler{}
	srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
	srv.LocalPortForwardingCallback = nil
	srv.ReversePortForwardingCallback = nil
	srv.SessionRequestCallback = func(_ ssh.Session, kind string) bool { return kind == "shell" }
}

// refusedRequests are the session requests answered false before the SSH
// library sees them (it would accept an agent request, and remember it).
var refusedRequests = []string{"auth-agent-req@openssh.com", "x11-req"}

// withoutAgent is the session channel's handler, with the requests of
// refusedRequests refused.
func withoutAgent(srv *ssh.Server, conn *gossh.ServerConn, ch gossh.NewChannel, ctx ssh.Context) {
	ssh.DefaultSessionHandler(srv, conn, refusingChannel{ch}, ctx)
}

// refusingChannel is a new session channel whose requests pass through a
// filter that answers refusedRequests false.
type refusingChannel struct{ gossh.NewChannel }

func (c refusingChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := c.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		for r := range reqs {
			if isRefused(r.Type) {
				_ = r.Reply(false, nil)
				continue
			}
			out <- r
		}
	}()
	return ch, out, nil
}

func isRefused(kind string) bool {
	for _, k := range refusedRequests {
		if k == kind {
			return true
		}
	}
	return false
}

// terminalOnly refuses a session without a terminal (ssh -T): the lab is
// a full-screen program.
func (s *Server) terminalOnly(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, _, ok := sess.Pty(); !ok {
			s.cfg.Log.Info("refuse", "user", sess.User(), "addr", sess.RemoteAddr().String(), "why", "no-terminal")
			wish.Fatalln(sess, langOf(sess).T(i18n.ServeNoTerminal))
			return
		}
		next(sess)
	}
}

// admit lets a session in when there is room (the teacher always comes
// in), registers it in the class, logs its connection and, once it ends,
// its disconnection: who, from where, as what, how long; never a key.
func (s *Server) admit(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		lang := langOf(sess)
		teacher := s.cfg.TeacherKey != nil && sess.PublicKey() != nil && ssh.KeysEqual(sess.PublicKey(), s.cfg.TeacherKey)
		addr := sess.RemoteAddr().String()
		pty, _, _ := sess.Pty()
		mb, ok := s.class.join(sess.User(), addr, teacher, s.cfg.MaxSessions)
		if !ok {
			s.cfg.Log.Warn("refuse", "user", sess.User(), "addr", addr, "why", "full", "sessions", s.cfg.MaxSessions)
			wish.Fatalln(sess, lang.T(i18n.ServeFull, "Count", s.cfg.MaxSessions))
			return
		}
		defer s.class.leave(mb)
		start := time.Now()
		s.cfg.Log.Info("connect", "user", sess.User(), "addr", addr, "role", mb.role(), "lang", lang.String(),
			"term", pty.Term, "size", fmt.Sprintf("%dx%d", pty.Window.Width, pty.Window.Height))
		sess.Context().SetValue(memberKey{}, mb)
		next(sess)
		s.cfg.Log.Info("disconnect", "user", sess.User(), "addr", addr, "role", mb.role(),
			"after", time.Since(start).Round(time.Second).String(), "why", mb.endReason())
		if mb.idled() {
			wish.Println(sess, "\r"+strings.ReplaceAll(lang.T(i18n.ServeIdle, "D", s.cfg.Idle.String()), "\n", "\r\n")+"\r")
		}
	}
}

// memberKey is the session context's key of its member of the class.
type memberKey struct{}

// langOf is the language a session's reader reads: the locale its ssh
// sent (LC_ALL, LC_MESSAGES, LANG: OpenSSH sends LANG and LC_* by
// default), else English.
func langOf(sess ssh.Session) i18n.Lang {
	env := sess.Environ()
	return i18n.FromEnv(func(k string) string {
		for _, kv := range env {
			if v, ok := strings.CutPrefix(kv, k+"="); ok {
				return v
			}
		}
		return ""
	})
}
