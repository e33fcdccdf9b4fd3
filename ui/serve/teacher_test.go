package serve

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/socklab/socklab/lab"
)

// Class keys, as a terminal sends them.
const (
	ctrlP = "\x10" // the teacher presents
	ctrlO = "\x0f" // the class
	ctrlX = "\x18" // hand out
	ctrlT = "\x14" // a student follows
	ctrlG = "\x07" // a student opens what was handed out
)

// Acceptance 2: the teacher presents; a following student sees the
// teacher's simulated time and fault rows, read-only; the student
// branches and pulls a cable; the teacher's lab is unchanged.
func TestTeacherPresentsStudentFollowsAndBranches(t *testing.T) {
	key, pub := newKey(t)
	srv := startServer(t, Config{TeacherKey: pub})
	bob := openTerm(t, "bob", srv.dial(t, "bob", nil), 80, 24)
	bob.expect("socklab · lessons")
	prof := openTerm(t, "prof", srv.dial(t, "prof", key), 100, 30, "LANG=zh_CN.UTF-8")
	prof.expect("教师 · 1 名学生")
	prof.send("L") // in English, for this test's words
	prof.expect("socklab · lessons")
	prof.openLesson("power-loss-heartbeat")

	prof.send(ctrlP)
	prof.expect("presenting power-loss-heartbeat · 0 following")
	bob.expect("the teacher presents power-loss-heartbeat · ctrl+t follow")
	bob.send(ctrlT)
	bob.expect("following the teacher · read-only")
	bob.expect("power-loss-heartbeat · t 00:00.000")
	bob.expect("following 00:00") // the timeline row: the teacher's run, not a replay
	prof.expect("presenting power-loss-heartbeat · 1 following")

	prof.send("jj") // the handshake's second change: the SYN arrives
	prof.expect("power-loss-heartbeat · t 00:00.010")
	prof.send("f")
	prof.expect("power off client")
	prof.send("1")
	prof.expect("client lost power")
	bob.expect("power-loss-heartbeat · t 00:00.010")   // the teacher's time
	bob.expect("00:00.010        ✖ client lost power") // the teacher's fault, on bob's wire

	bob.send("f") // read-only
	bob.expect("this is the teacher's lab, read-only: v branches into your own copy")

	prof.send(ctrlO)
	prof.expect("the class · 1 student")
	prof.expect("following you")
	prof.send(ctrlO)

	if strings.Contains(bob.out.all(), "seek") {
		t.Errorf("the follower's help offers seeking, which it refuses")
	}
	bob.send("v")
	bob.expect("your own copy of the teacher's lab")
	bob.send("w") // the record key is off on a server, branched or not
	bob.send("f")
	bob.send(bob.hotkey("pull the cable client-server"))
	bob.expect("The cable client-server is pulled")
	prof.expect("presenting power-loss-heartbeat · 0 following")

	p, ok := srv.Class().presented()
	want := []lab.Input{{At: 10_000_000, Step: p.Inputs[0].Step, Action: lab.Action{Do: lab.PowerOff, Target: "client"}}}
	if !ok || len(p.Inputs) != 1 || p.Inputs[0] != want[0] {
		t.Errorf("the teacher's lab has the inputs %+v, want only %+v", p.Inputs, want)
	}
	if strings.Contains(prof.out.all(), "The cable client-server is pulled") {
		t.Errorf("the teacher's screen shows the student's cable")
	}
	if files, _ := filepath.Glob("*.recording.json"); len(files) > 0 {
		t.Errorf("a served lab wrote %v", files)
	}
}

// The teacher hands out the lesson open; a student opens it from the
// class line.
func TestHandOut(t *testing.T) {
	key, pub := newKey(t)
	srv := startServer(t, Config{TeacherKey: pub})
	ann := openTerm(t, "ann", srv.dial(t, "ann", nil), 80, 24)
	ann.expect("socklab · lessons")
	prof := openTerm(t, "prof", srv.dial(t, "prof", key), 80, 24)
	prof.expect("teacher · 1 student")
	prof.send(ctrlX)
	prof.expect("open a lesson first")
	prof.openLesson("half-close")
	prof.send(ctrlX)
	prof.expect("half-close handed out to 1 student")
	ann.expect("the teacher hands out half-close · ctrl+g open it")
	ann.send(ctrlG)
	ann.expect("half-close · t 00:00.000")
}
