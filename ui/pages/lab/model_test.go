package lab

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/ui/components/hosts"
	"github.com/socklab/socklab/ui/engine"
)

func TestPauseBumpsTheTagAndStaleTicksAreDropped(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 0, 80, 24)
	tag := m.clock.Tag
	m = press(t, m, "space") // run
	if m.clock.Paused || m.clock.Tag == tag {
		t.Fatalf("after space: paused %v, tag %d (was %d); want running with a new tag", m.clock.Paused, m.clock.Tag, tag)
	}
	stale := engine.TickMsg{Tag: tag}
	before := m.run.S.Now()
	m = update(t, m, stale)
	if got := m.run.S.Now(); got != before {
		t.Fatalf("a stale tick moved the clock from %v to %v", before, got)
	}
	m = update(t, m, engine.TickMsg{Tag: m.clock.Tag})
	if got, want := m.run.S.Now(), before+engine.Frame; got != want {
		t.Fatalf("a tick at ×1 moved the clock to %v, want %v", got, want)
	}
	live := m.clock.Tag
	m = press(t, m, "space") // pause
	if !m.clock.Paused || m.clock.Tag == live {
		t.Fatalf("after space again: paused %v, tag %d (was %d); want paused with a new tag", m.clock.Paused, m.clock.Tag, live)
	}
	at := m.run.S.Now()
	m = update(t, m, engine.TickMsg{Tag: live})
	if m.run.S.Now() != at {
		t.Fatal("a tick scheduled before the pause moved the clock")
	}
}

func TestSpeedRunsFromSlowMotionToTensOfThousands(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 0, 80, 24)
	for range 40 {
		m = press(t, m, "-")
	}
	if got := m.clock.Factor(); got != 0.1 {
		t.Errorf("slowest: got ×%g, want ×0.1", got)
	}
	for range 40 {
		m = press(t, m, "+")
	}
	if got := m.clock.Factor(); got < 10000 {
		t.Errorf("fastest: got ×%g, want at least ×10000", got)
	}
	m = press(t, m, "space")
	tag := m.clock.Tag
	m = press(t, m, "-")
	if m.clock.Tag == tag {
		t.Error("changing speed kept the tag: ticks at the old speed would survive")
	}
	if !strings.Contains(m.View(), "×50000") {
		t.Errorf("the status line does not show the speed:\n%s", m.View())
	}
}

func TestTickAdvancesSpeedTimesAFrame(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 0, 80, 24)
	m = press(t, m, "+")
	m = press(t, m, "+")
	m = press(t, m, "+") // ×10
	m = press(t, m, "space")
	before := m.run.S.Now()
	m = update(t, m, engine.TickMsg{Tag: m.clock.Tag})
	if got, want := m.run.S.Now()-before, 10*engine.Frame; got != want {
		t.Fatalf("a tick at ×10 advanced %v, want %v", got, want)
	}
}

func TestTypedAheadKeysCountOneByOne(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 0, 80, 24)
	m = update(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("+++")})
	if got := m.clock.Factor(); got != 10 {
		t.Fatalf("+++ in one message: got ×%g, want ×10", got)
	}
}

func TestStepRunsToTheNextEventAndPauses(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 0, 80, 24)
	m = press(t, m, "space")
	events := m.run.Feed.Events
	m = press(t, m, "n")
	if !m.clock.Paused {
		t.Error("n left the lab running")
	}
	if m.run.Feed.Events == events {
		t.Error("n showed no new event")
	}
}

func TestJumpSkipsIdleTimeToTheNextChange(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 31*time.Second, 80, 24)
	m = press(t, m, "j")
	if got, want := m.run.S.Now(), 65*time.Second; got != want {
		t.Fatalf("the first jump stopped at %v, want %v (the timeline's power cut)", got, want)
	}
	if !strings.Contains(m.status.Flash, "client lost power") {
		t.Errorf("got note %q, want it to name the power cut", m.status.Flash)
	}
	m = press(t, m, "j")
	if got, want := m.run.S.Now(), 105030*time.Millisecond; got != want {
		t.Fatalf("the second jump stopped at %v, want %v (the server's detection)", got, want)
	}
	view := m.View()
	for _, want := range []string{":47659 ! server: gone, silent for 45s ≥ heartbeat.expect 45s", "dead: no heartbeat", "detected at 01:45.030: silent for 45s ≥ heartbeat.expect 45s"} {
		if !strings.Contains(view, want) {
			t.Errorf("after the jump the screen does not show %q:\n%s", want, view)
		}
	}
}

func TestFaultMenuAppliesAndRecordsTheAction(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 20*time.Second, 80, 24)
	m = press(t, m, "f")
	if m.modal != modalFaults || !strings.Contains(m.View(), "power off client") {
		t.Fatalf("f did not open the fault menu:\n%s", m.View())
	}
	m = press(t, m, hotkeyOf(t, m, lab.Action{Do: "power_off", Target: "client"}))
	if m.modal != modalNone {
		t.Error("the menu stayed open after a good choice")
	}
	if hosts.FindHost(m.snap, "client").Powered {
		t.Error("the client still has power")
	}
	in := m.Session().Inputs()
	if len(in) != 1 || in[0].At != 20*time.Second {
		t.Fatalf("got inputs %+v, want power_off recorded at 20s", in)
	}
}

func TestFaultMenuAsksForLossAndShowsAnError(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 20*time.Second, 120, 40)
	m = press(t, m, "f")
	m = press(t, m, hotkeyOf(t, m, lab.Action{Do: "loss", Target: "client-server"}))
	if !m.menu.Asking {
		t.Fatal("choosing the loss did not ask for a value")
	}
	m = update(t, m, tea.KeyMsg{Type: tea.KeyCtrlU})
	m = press(t, m, "2")
	m = press(t, m, "enter")
	if m.modal != modalFaults || m.menu.Err == "" {
		t.Fatalf("a loss of 2 was not refused (modal %d, err %q)", m.modal, m.menu.Err)
	}
	if !strings.Contains(m.View(), "not a loss probability") {
		t.Errorf("the error is not on screen:\n%s", m.View())
	}
	m = update(t, m, tea.KeyMsg{Type: tea.KeyCtrlU})
	m = update(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("0.25")})
	m = press(t, m, "enter")
	if m.modal != modalNone {
		t.Fatalf("a loss of 0.25 was refused: %s", m.menu.Err)
	}
	if got := m.snap.Links[0].Loss; got != 0.25 {
		t.Errorf("got loss %g, want 0.25", got)
	}
}

func TestParamEditorValidatesAndApplies(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 20*time.Second, 120, 40)
	m = press(t, m, "e")
	k := ""
	for _, it := range m.menu.Items {
		if it.Action.Target == "apps.client.heartbeat.interval" {
			k = it.Key
		}
	}
	if k == "" {
		t.Fatal("the editor does not offer apps.client.heartbeat.interval")
	}
	m = press(t, m, k)
	m = update(t, m, tea.KeyMsg{Type: tea.KeyCtrlU})
	m = update(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("soon")})
	m = press(t, m, "enter")
	if m.modal != modalParams || !strings.Contains(m.View(), "not a duration") {
		t.Fatalf("a bad duration was not refused on screen:\n%s", m.View())
	}
	m = update(t, m, tea.KeyMsg{Type: tea.KeyCtrlU})
	m = update(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("3s")})
	m = press(t, m, "enter")
	if m.modal != modalNone {
		t.Fatalf("3s was refused: %s", m.menu.Err)
	}
	if got := m.Session().Config().Apps[1].Heartbeat.Interval; got != 3*time.Second {
		t.Errorf("got interval %v, want 3s", got)
	}
	// Typed-ahead keys go back to being keys once the prompt is gone.
	m = update(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("++")})
	if got := m.clock.Factor(); got != 5 {
		t.Errorf("++ after the editor closed: got ×%g, want ×5", got)
	}
}

func TestRestartStartsFromTheScenarioAsWritten(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 20*time.Second, 80, 24)
	if err := m.Session().Apply(lab.Action{Do: "set", Target: "apps.client.heartbeat.interval", Value: "3s"}); err != nil {
		t.Fatal(err)
	}
	m = press(t, m, "r")
	if got := m.run.S.Now(); got != 0 {
		t.Errorf("restart: clock at %v, want 0", got)
	}
	if got := m.Session().Config().Apps[1].Heartbeat.Interval; got != 10*time.Second {
		t.Errorf("restart: interval %v, want the scenario's 10s", got)
	}
	if len(m.Session().Inputs()) != 0 {
		t.Error("restart kept the old run's inputs")
	}
}

func TestMouseWheelScrollsTheWireAndTheLog(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 110*time.Second, 80, 24)
	l := m.lay
	wheel := func(m Model, b tea.MouseButton, y int) Model {
		return update(t, m, tea.MouseMsg{X: 10, Y: y, Button: b, Action: tea.MouseActionPress})
	}
	m = wheel(m, tea.MouseButtonWheelUp, l.wireY+2)
	if m.wire.Offset() != 3 {
		t.Errorf("wheel up over the wire: offset %d, want 3", m.wire.Offset())
	}
	if !strings.Contains(m.View(), "scrolled back 3 rows") {
		t.Errorf("the wire's title does not say it is scrolled back:\n%s", m.View())
	}
	m = wheel(m, tea.MouseButtonWheelDown, l.wireY+2)
	if m.wire.Offset() != 0 {
		t.Errorf("wheel down: offset %d, want 0", m.wire.Offset())
	}
	m = wheel(m, tea.MouseButtonWheelUp, l.logY)
	if m.log.Offset() != 1 {
		t.Errorf("wheel up over the log: offset %d, want 1", m.log.Offset())
	}
	m = wheel(m, tea.MouseButtonWheelUp, l.wireY+2)
	m = press(t, m, "end") // the wire has the focus: it follows again
	if m.wire.Offset() != 0 || m.log.Offset() != 1 {
		t.Errorf("end: offsets %d, %d, want 0, 1", m.wire.Offset(), m.log.Offset())
	}
}

func TestScrolledBackWireStaysPutWhileTheLabRuns(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 50*time.Second, 80, 24)
	m = press(t, m, "pgup")
	top := m.wire.Lines()[1]
	m.run.Advance(60*time.Second, 1<<30)
	m.refresh()
	if got := m.wire.Lines()[1]; got != top {
		t.Errorf("the scrolled-back wire moved:\n got %q\nwant %q", got, top)
	}
}

func TestTooSmallSaysSo(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 0, 30, 6)
	if v := m.View(); !strings.Contains(v, "socklab needs 40×8") {
		t.Errorf("got %q, want a note on the size needed", v)
	}
}
