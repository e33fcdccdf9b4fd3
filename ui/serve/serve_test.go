package serve

import (
	"strings"
	"testing"
)

// Keys as a terminal sends them.
const (
	enter = "\r"
	esc   = "\x1b"
)

// openLesson picks lesson name in the picker: filter on its name, take
// the first, open it.
func (tm *term) openLesson(name string) {
	tm.t.Helper()
	tm.send("/") // alone: the list takes "/" typed with more as text
	tm.expect("Filter:")
	tm.send(name)
	tm.expect("Filter: " + name)
	tm.send(enter, enter)
	tm.expect(name + " · t 00:00.000")
}

// Acceptance 1: a student connects with a terminal of 80×24, sees the
// picker, opens a lesson, cuts the client's power, finds the detection
// and quits; another student, at the same time, runs another lesson, and
// neither sees the other's screen.
func TestTwoStudentsEachTheirOwnLab(t *testing.T) {
	srv := startServer(t, Config{})
	alice := openTerm(t, "alice", srv.dial(t, "alice", nil), 80, 24, "LANG=en_GB.UTF-8")
	bob := openTerm(t, "bob", srv.dial(t, "bob", nil), 80, 24)
	alice.expect("socklab · lessons")
	bob.expect("socklab · lessons")

	alice.openLesson("power-loss-heartbeat")
	bob.openLesson("thundering-herd")
	bob.send(" ") // runs, at ×1, while alice works

	alice.send(" ") // runs until the connection is established
	alice.expect("→ ESTABLISHED")
	alice.send("f")
	alice.expect("power off client")
	alice.send("1")
	alice.expect("client lost power")
	alice.send("j") // the next change: the server's heartbeat timer finds it
	alice.expect("dead: no heartbeat")
	alice.send("q")
	if err := alice.ended(); err != nil {
		t.Errorf("alice's session ended with %v", err)
	}

	bob.expect("thundering-herd · t 00:0") // still running, at its own time
	bob.send("q")
	if err := bob.ended(); err != nil {
		t.Errorf("bob's session ended with %v", err)
	}
	if s := alice.out.all(); strings.Contains(s, "thundering-herd ·") {
		t.Errorf("alice saw bob's lab")
	}
	if s := bob.out.all(); strings.Contains(s, "lost power") || strings.Contains(s, "power-loss-heartbeat ·") {
		t.Errorf("bob saw alice's lab")
	}
	logs := srv.log.String()
	for _, want := range []string{"connect user=alice", "connect user=bob", "disconnect user=alice", "role=student", "lang=en"} {
		if !strings.Contains(logs, want) {
			t.Errorf("the log has no %q:\n%s", want, logs)
		}
	}
}
