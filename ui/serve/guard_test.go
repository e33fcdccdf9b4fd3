package serve

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// Acceptance 3: nothing but the lab. Port forwarding both ways, agent
// and X11 forwarding, commands and subsystems are refused where SSH asks
// for them; the client hears "no".
func TestOnlyTheLab(t *testing.T) {
	srv := startServer(t, Config{})
	c := srv.dial(t, "mallory", nil)

	// ssh -L (and -D): a direct-tcpip channel.
	local := gossh.Marshal(struct {
		Host       string
		Port       uint32
		OriginHost string
		OriginPort uint32
	}{"127.0.0.1", 22, "127.0.0.1", 4000})
	_, _, err := c.OpenChannel("direct-tcpip", local)
	var open *gossh.OpenChannelError
	if !errors.As(err, &open) || open.Reason != gossh.UnknownChannelType {
		t.Errorf("ssh -L: opening a direct-tcpip channel gave %v, want it rejected", err)
	}
	// ssh -R: a tcpip-forward request.
	ok, _, err := c.SendRequest("tcpip-forward", true, gossh.Marshal(struct {
		Addr string
		Port uint32
	}{"127.0.0.1", 0}))
	if ok || err != nil {
		t.Errorf("ssh -R: tcpip-forward answered %v, %v; want false", ok, err)
	}
	// ssh -A and ssh -X: requests on a session.
	for _, req := range []string{"auth-agent-req@openssh.com", "x11-req"} {
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		ok, err := sess.SendRequest(req, true, nil)
		if ok || err != nil {
			t.Errorf("%s answered %v, %v; want false", req, ok, err)
		}
		sess.Close()
	}
	// ssh HOST CMD, with a terminal or without.
	for _, pty := range []bool{false, true} {
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if pty {
			if err := sess.RequestPty("xterm", 24, 80, nil); err != nil {
				t.Fatal(err)
			}
		}
		if err := sess.Start("cat /etc/passwd"); err == nil || err.Error() != "ssh: command cat /etc/passwd failed" {
			t.Errorf("exec (pty %v) gave %v, want it refused", pty, err)
		}
		sess.Close()
	}
	// sftp, scp's subsystem, any subsystem.
	for _, sub := range []string{"sftp", "scp", "default"} {
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if err := sess.RequestSubsystem(sub); err == nil {
			t.Errorf("subsystem %s was accepted", sub)
		}
		sess.Close()
	}
}

// A shell without a terminal (ssh -T) is told to use one, and ends.
func TestNoTerminal(t *testing.T) {
	srv := startServer(t, Config{})
	sess, err := srv.dial(t, "eve", nil).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	sess.Stderr = &out
	sess.Stdout = io.Discard
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	err = sess.Wait()
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Errorf("a shell without a terminal ended with %v, want exit status 1", err)
	}
	if want := "socklab needs a terminal"; !strings.Contains(out.String(), want) {
		t.Errorf("it was told %q, want %q", out.String(), want)
	}
}

// When the class is full, the next student is told so, politely, in
// their language; the teacher still comes in.
func TestFull(t *testing.T) {
	teacher, teacherKey := newKey(t)
	srv := startServer(t, Config{MaxSessions: 1, TeacherKey: teacherKey})
	first := openTerm(t, "first", srv.dial(t, "first", nil), 80, 24)
	first.expect("socklab · lessons")

	second := openTerm(t, "second", srv.dial(t, "second", nil), 80, 24, "LANG=zh_CN.UTF-8")
	second.expect("抱歉，实验室满了：已有 1 名学生")
	var exit *gossh.ExitError
	if err := second.ended(); !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Errorf("the refused session ended with %v, want exit status 1", err)
	}
	prof := openTerm(t, "teacher", srv.dial(t, "prof", teacher), 80, 24)
	prof.expect("teacher · 1 student ·")
	if logs := srv.log.String(); !strings.Contains(logs, "refuse user=second") || !strings.Contains(logs, "why=full") {
		t.Errorf("the log does not say who was refused, and why:\n%s", logs)
	}
}

// A session in which nothing is typed for the idle time ends, and says
// why.
func TestIdle(t *testing.T) {
	srv := startServer(t, Config{Idle: 300 * time.Millisecond})
	tm := openTerm(t, "sleepy", srv.dial(t, "sleepy", nil), 80, 24)
	tm.expect("socklab · lessons")
	tm.expect("The lab closed after 300ms without a key pressed.")
	if err := tm.ended(); err != nil {
		t.Errorf("the idle session ended with %v", err)
	}
	if logs := srv.log.String(); !strings.Contains(logs, "why=idle") {
		t.Errorf("the log does not say the session idled:\n%s", logs)
	}
}

// impostor offers the teacher's public key, but signs with its own: it
// does not hold the teacher's private key.
type impostor struct {
	gossh.Signer
	teacher gossh.PublicKey
}

func (i impostor) PublicKey() gossh.PublicKey { return i.teacher }

// Offering the teacher's public key without its private half makes no
// one the teacher: the key's signature fails, and the SSH library ends
// the connection there (a key offered but not proved is never the
// session's key, so a method tried after it could not borrow it either).
func TestOnlyTheKeyHolderIsTheTeacher(t *testing.T) {
	_, teacher := newKey(t)
	own, _ := newKey(t)
	srv := startServer(t, Config{TeacherKey: teacher})
	_, err := gossh.Dial("tcp", srv.addr, &gossh.ClientConfig{
		User: "mallory",
		Auth: []gossh.AuthMethod{
			gossh.PublicKeys(impostor{own, teacher}),
			gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil }),
		},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // the test's own server
	})
	if err == nil || !strings.Contains(err.Error(), "handshake failed") {
		t.Errorf("the impostor's connection gave %v, want the handshake refused", err)
	}
	tm := openTerm(t, "mallory", srv.dial(t, "mallory", own), 80, 24) // with a key of her own: a student
	tm.expect("socklab · lessons")
	tm.send(ctrlP, "q") // the teacher's key, from a student: nothing
	if err := tm.ended(); err != nil {
		t.Errorf("the session ended with %v", err)
	}
	if strings.Contains(tm.out.all(), "teacher ·") || strings.Contains(tm.out.all(), "open a lesson first") {
		t.Errorf("mallory was shown the teacher's line")
	}
	if logs := srv.log.String(); !strings.Contains(logs, "role=student") || strings.Contains(logs, "role=teacher") {
		t.Errorf("mallory was not a student:\n%s", logs)
	}
}
