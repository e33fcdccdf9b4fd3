package serve

import (
	"context"
	"errors"
	"io/fs"
	"net"
	"os"
	"sync"
	"time"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
)

// The defaults of Config, and the bounds socklab serve's flags hold them
// to, each with its reason.
const (
	// DefaultMaxSessions is a class and its spare laptops: about 40
	// students fit two cores at ×100 (docs/serve.md has the measure).
	DefaultMaxSessions = 60
	// MaxSessionsLimit bounds --max-sessions: each session costs a few
	// megabytes and its share of the cores; a thousand is far beyond
	// what a machine keeps fluid.
	MaxSessionsLimit = 1000
	// DefaultIdle ends a session no one has typed in for half an hour: a
	// student gone home frees their place.
	DefaultIdle = 30 * time.Minute
	// MinIdle and MaxIdle bound --idle: less than a minute ends a lab
	// while its reader thinks; more than a day keeps a forgotten one
	// forever.
	MinIdle = time.Minute
	MaxIdle = 24 * time.Hour
	// DefaultBudget is each lab's work budget in events: a lesson takes
	// a few thousand to a few million; twenty million is a long
	// experiment with a herd, about ten seconds of one core.
	DefaultBudget = 20_000_000
	// WorkPerUpdate is the most events one Update of a served lab runs
	// (a frame, a seek's chunk): a few milliseconds of a core, so that a
	// lab with 100,000 clients at ×100,000 lags behind (its status line
	// says so) rather than taking the cores from the others.
	WorkPerUpdate = 4_000
	// DefaultHostKey is where the host key is made and kept when
	// --host-key is not given: the same key every time the server runs,
	// so that students' ssh does not warn of a changed host.
	DefaultHostKey = "socklab_host_ed25519"
)

// Config is what socklab serve's flags say.
type Config struct {
	Addr        string        // where to listen, host:port
	HostKey     string        // the host key's file (made when missing)
	TeacherKey  ssh.PublicKey // the teacher's key; nil: no teacher
	MaxSessions int           // the most student sessions at once
	Idle        time.Duration // a session without a key for this long ends
	Budget      uint64        // each lab's work budget in events
	Log         *log.Logger   // where connections and disconnections go
	// Frames, when set, hears of every frame a lab draws: the time its
	// tick took (Update and View), and since the frame before. The load
	// measurement (ui/serve/loadtest) listens; it is called from every
	// session's goroutine.
	Frames func(work, interval time.Duration)
}

// withDefaults fills what c leaves zero.
func (c Config) withDefaults() Config {
	if c.Addr == "" {
		c.Addr = ":2222"
	}
	if c.HostKey == "" {
		c.HostKey = DefaultHostKey
	}
	if c.MaxSessions == 0 {
		c.MaxSessions = DefaultMaxSessions
	}
	if c.Idle == 0 {
		c.Idle = DefaultIdle
	}
	if c.Budget == 0 {
		c.Budget = DefaultBudget
	}
	if c.Log == nil {
		c.Log = log.NewWithOptions(os.Stderr, log.Options{ReportTimestamp: true, Prefix: "socklab"})
	}
	return c
}

// MaxTeacherKey bounds the teacher key's file: an authorized_keys line is
// under a kilobyte (an RSA key of 16,384 bits, about 2.8 kB); a file of
// 64 kB is no key.
const MaxTeacherKey = 64 << 10

// ReadTeacherKey reads the teacher's public key from path, in the format
// of authorized_keys and of ~/.ssh/id_ed25519.pub (the first key of the
// file). A file that is missing, not a regular file, too large or holds
// no key is an error naming it.
func ReadTeacherKey(path string) (ssh.PublicKey, error) {
	data, err := scenarios.ReadFile(path, MaxTeacherKey)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, i18n.NewError(i18n.FileMissing, "Path", path)
	}
	if err != nil {
		return nil, err
	}
	k, _, _, _, err := gossh.ParseAuthorizedKey(data)
	if err != nil {
		return nil, i18n.NewError(i18n.ServeNoTeacherKey, "Path", path)
	}
	return k, nil
}

// Server is socklab serve: an SSH server whose only program is the lab,
// one per session, and the class they make.
type Server struct {
	cfg   Config
	ssh   *ssh.Server
	class *Class

	mu sync.Mutex
	ln net.Listener
}

// New builds the server cfg describes; Serve runs it.
func New(cfg Config) (*Server, error) {
	cfg = cfg.withDefaults()
	if err := checkHostKey(cfg.HostKey); err != nil {
		return nil, i18n.NewError(i18n.ServeHostKeyBad, "Err", err)
	}
	s := &Server{cfg: cfg, class: newClass()}
	srv, err := wish.NewServer(
		wish.WithAddress(cfg.Addr),
		wish.WithHostKeyPath(cfg.HostKey),
		// Everyone comes in: a student with a key or without (no question
		// asked); the teacher is told apart by their key, once the
		// connection has proved it holds it (docs/serve.md).
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		wish.WithKeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }),
		wish.WithMiddleware(
			bubbletea.MiddlewareWithProgramHandler(s.program, termenv.Ascii),
			s.admit,
			s.terminalOnly,
		),
	)
	if err != nil {
		return nil, i18n.NewError(i18n.ServeHostKey, "Path", cfg.HostKey, "Err", err)
	}
	lockDown(srv)
	s.ssh = srv
	return s, nil
}

// Listen opens the server's address; Serve then serves on it.
func (s *Server) Listen() (net.Addr, error) {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return nil, i18n.NewError(i18n.ServeListen, "Addr", s.cfg.Addr, "Err", err)
	}
	s.mu.Lock()
	s.ln = ln
	s.mu.Unlock()
	return ln.Addr(), nil
}

// Serve serves on the address Listen opened until ctx is done, then
// closes every session. It returns nil when ctx ended it.
func (s *Server) Serve(ctx context.Context) error {
	s.mu.Lock()
	ln := s.ln
	s.mu.Unlock()
	done := make(chan error, 1)
	go func() { done <- s.ssh.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		err := s.ssh.Close()
		<-done
		if errors.Is(err, ssh.ErrServerClosed) {
			err = nil
		}
		return err
	}
}

// HostKey is the file of the server's host key.
func (s *Server) HostKey() string { return s.cfg.HostKey }

// Class is the server's class: who is connected, what the teacher
// presents.
func (s *Server) Class() *Class { return s.class }
