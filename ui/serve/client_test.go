package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// The tests' SSH: a server on a free port of the loopback, clients of
// golang.org/x/crypto/ssh with a terminal of 80×24, and what each
// terminal was sent, its escapes taken out, to look for text in. Nothing
// sleeps: a wait is for text to arrive (or a session to end), bounded by
// the test's deadline, since the network takes what time it takes.

// testServer is a server running for one test.
type testServer struct {
	*Server
	addr string
	log  *syncBuffer
}

// startServer runs a server configured by cfg (its host key in a
// temporary directory, its log kept) until the test ends.
func startServer(t *testing.T, cfg Config) *testServer {
	t.Helper()
	logs := &syncBuffer{}
	cfg.Addr = "127.0.0.1:0"
	cfg.HostKey = filepath.Join(t.TempDir(), "host_ed25519")
	cfg.Log = log.NewWithOptions(logs, log.Options{})
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	addr, err := s.Listen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return &testServer{Server: s, addr: addr.String(), log: logs}
}

// newKey makes an SSH key pair: the signer a client proves it with, and
// the public key a server knows it by.
func newKey(t *testing.T) (gossh.Signer, gossh.PublicKey) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer, signer.PublicKey()
}

// dial connects as user, with key when given (else keyboard-interactive,
// as a student without a key does).
func (s *testServer) dial(t *testing.T, user string, key gossh.Signer) *gossh.Client {
	t.Helper()
	auth := []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })}
	if key != nil {
		auth = []gossh.AuthMethod{gossh.PublicKeys(key)}
	}
	c, err := gossh.Dial("tcp", s.addr, &gossh.ClientConfig{
		User: user, Auth: auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // a test's own server, its key made for it
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// term is a terminal on a session of the lab.
type term struct {
	t    *testing.T
	ctx  context.Context
	name string
	sess *gossh.Session
	in   io.Writer
	out  *screen
	done chan error // the session's end (Wait)
}

// openTerm starts the lab in a session of c, on a terminal of w×h cells,
// after sending env (KEY=VALUE, as ssh's SendEnv does).
func openTerm(t *testing.T, name string, c *gossh.Client, w, h int, env ...string) *term {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		if err := sess.Setenv(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	errs, err := sess.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	tm := &term{t: t, ctx: deadline(t), name: name, sess: sess, in: in, out: newScreen(), done: make(chan error, 1)}
	go tm.read(out)
	go tm.read(errs) // a terminal shows both
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { tm.done <- sess.Wait() }()
	t.Cleanup(func() { sess.Close() })
	return tm
}

// read keeps what the server sends, and answers the renderer's questions
// as a dark terminal does (its background colour, then its attributes),
// so that the session does not wait for a reply that will not come.
func (tm *term) read(r io.Reader) {
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Read(buf)
		if n > 0 && tm.out.add(buf[:n]) {
			io.WriteString(tm.in, "\x1b]11;rgb:0d0d/1111/1717\x07\x1b[?62;22c")
		}
		if err != nil {
			tm.out.close()
			return
		}
	}
}

// send types keys.
func (tm *term) send(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		if _, err := io.WriteString(tm.in, k); err != nil {
			tm.t.Fatalf("%s: typing %q: %v", tm.name, k, err)
		}
	}
}

// expect waits until text is drawn after what the last expect found, and
// moves past it.
func (tm *term) expect(text string) {
	tm.t.Helper()
	if err := tm.out.waitFor(tm.ctx, text); err != nil {
		tm.t.Fatalf("%s: %q never came (%v); the terminal's last text:\n%s", tm.name, text, err, tm.out.tail(3000))
	}
}

// hotkey waits for a menu's item, and returns its hotkey: the key
// before it on its line ("▸ 9  pull the cable client-server").
func (tm *term) hotkey(item string) string {
	tm.t.Helper()
	tm.expect(item)
	text := tm.out.all()
	fields := strings.Fields(text[:strings.LastIndex(text, item)])
	if len(fields) == 0 {
		tm.t.Fatalf("%s: no hotkey before %q", tm.name, item)
	}
	return fields[len(fields)-1]
}

// ended waits for the session to end, and returns the exit status.
func (tm *term) ended() error {
	tm.t.Helper()
	select {
	case err := <-tm.done:
		return err
	case <-tm.ctx.Done():
		tm.t.Fatalf("%s: the session never ended", tm.name)
		return nil
	}
}

// screen is what a terminal was sent, and its text without escapes.
type screen struct {
	mu     sync.Mutex
	raw    []byte
	text   string
	from   int           // where the next expect looks from
	closed int           // how many of the outputs ended
	asked  bool          // the background colour was asked for
	more   chan struct{} // closed and replaced when text arrives
}

func newScreen() *screen { return &screen{more: make(chan struct{})} }

// add keeps b; it reports whether the terminal was just asked its
// background colour.
func (s *screen) add(b []byte) (asked bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.raw = append(s.raw, b...)
	s.text = ansi.Strip(string(s.raw))
	close(s.more)
	s.more = make(chan struct{})
	if !s.asked && bytes.Contains(s.raw, []byte("\x1b]11;?")) {
		s.asked = true
		return true
	}
	return false
}

func (s *screen) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed++
	close(s.more)
	s.more = make(chan struct{})
}

// waitFor waits until text appears past the last find, or ctx ends, or
// the session does.
func (s *screen) waitFor(ctx context.Context, text string) error {
	for {
		s.mu.Lock()
		if i := strings.Index(s.text[s.from:], text); i >= 0 {
			s.from += i + len(text)
			s.mu.Unlock()
			return nil
		}
		more, closed := s.more, s.closed == 2 // stdout and stderr
		s.mu.Unlock()
		if closed {
			return io.EOF
		}
		select {
		case <-more:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// all is everything the terminal was sent, as text.
func (s *screen) all() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.text
}

func (s *screen) tail(n int) string {
	t := s.all()
	return t[max(0, len(t)-n):]
}

// syncBuffer is a log several goroutines write.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// deadline is the test's context, ending a little before the test
// binary's deadline so that a wait that fails says what it waited for.
func deadline(t *testing.T) context.Context {
	ctx := t.Context()
	if d, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, d.Add(-10*time.Second))
		t.Cleanup(cancel)
	}
	return ctx
}
