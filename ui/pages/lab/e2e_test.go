package lab

import (
	"bytes"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/components/menu"
)

// TestPowerCutEndToEnd runs the lab as a program: open
// power-loss-heartbeat, jump to the established connection, cut the
// client's power from the fault menu, jump to what happens next, and find
// the server's detection and its narration on screen. The simulation moves
// only on keys (n, j), never on the wall clock; WaitFor's timeout is the
// only real time involved.
func TestPowerCutEndToEnd(t *testing.T) {
	sc, err := scenarios.Load("power-loss-heartbeat")
	if err != nil {
		t.Fatal(err)
	}
	m, err := New(testCommon(), sc)
	if err != nil {
		t.Fatal(err)
	}
	powerOff := hotkeyOf(t, m, lab.Action{Do: "power_off", Target: "client"})

	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "power-loss-heartbeat")
	tm.Type("jjjj") // SYN_SENT, SYN_RECEIVED, then both ends ESTABLISHED
	waitFor(t, tm, "ESTABLISHED", "alive · heard")
	tm.Type("f")
	waitFor(t, tm, "power off client")
	tm.Type(powerOff)
	waitFor(t, tm, "client lost power")
	tm.Type("j") // the next change: the server gives up on the silent client
	waitFor(t, tm, "is gone: silent for 45s ≥ heartbeat.expect 45s", "dead: no heartbeat")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	final := tm.FinalModel(t).(Model)
	if got := final.run.Feed.Detects; got != 1 {
		t.Errorf("got %d detections, want 1", got)
	}
	in := final.Session().Inputs()
	if len(in) != 1 || in[0].Action.Do != "power_off" || in[0].Action.Target != "client" {
		t.Fatalf("got inputs %+v, want the one power_off of client", in)
	}
	if in[0].At <= 0 || in[0].At >= 45*time.Second {
		t.Errorf("the power cut is recorded at %v, want the simulated time of the key press", in[0].At)
	}
}

// hotkeyOf finds the key that chooses action in m's fault menu.
func hotkeyOf(t *testing.T, m Model, action lab.Action) string {
	t.Helper()
	mn := menu.New(m.c, "", faultItems(i18n.English, m.run.S, m.snap, m.nodes), m.keys.Faults)
	for _, it := range mn.Items {
		if it.Action == action {
			return it.Key
		}
	}
	t.Fatalf("no item of the fault menu does %+v", action)
	return ""
}

// waitFor waits until the program has drawn every one of texts. Output read
// while waiting is consumed: a later wait sees only what comes after.
func waitFor(t *testing.T, tm *teatest.TestModel, texts ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, text := range texts {
			if !bytes.Contains(b, []byte(text)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}
