package lab

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/components/menu"
	"github.com/socklab/socklab/ui/engine"
	"github.com/socklab/socklab/ui/format"
)

// liveRecording is power-loss-heartbeat driven with live faults, as the lab
// would be: at 20 s 20 % loss on the link and, two steps later, the server
// frozen; at 40 s the server thawed; then the scenario's own power cut at
// 65 s and the server's detection at 1:45. It ran to 2 min.
func liveRecording(t testing.TB) *scenarios.Recording {
	t.Helper()
	sc, err := scenarios.Load("power-loss-heartbeat")
	if err != nil {
		t.Fatal(err)
	}
	s, err := sc.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	s.RunUntil(20 * time.Second)
	apply(t, s, lab.Action{Do: "loss", Target: "client-server", Value: "0.2"})
	s.Step()
	s.Step()
	apply(t, s, lab.Action{Do: "freeze", Target: "server"})
	s.RunUntil(40 * time.Second)
	apply(t, s, lab.Action{Do: "thaw", Target: "server"})
	s.RunUntil(2 * time.Minute)
	rec, err := scenarios.ReadRecording("live.json", scenarios.NewRecording(sc, nil, s.Inputs(), s.Now()).Marshal())
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

func apply(t testing.TB, s *lab.Session, a lab.Action) {
	t.Helper()
	if err := s.Apply(a); err != nil {
		t.Fatal(err)
	}
}

// replayAt opens rec's replay screen in a w×h terminal.
func replayAt(t testing.TB, rec *scenarios.Recording, w, h int, opts ...Option) Model {
	t.Helper()
	m, err := NewReplay(testCommon(), rec, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return update(t, m, resize(w, h))
}

// typeTime seeks with the "go to" prompt: g, the time, enter.
func typeTime(t testing.TB, m Model, at time.Duration) Model {
	t.Helper()
	m = press(t, m, "g")
	if m.modal != modalGoto {
		t.Fatal("g did not open the go-to prompt")
	}
	for _, r := range at.String() {
		m = press(t, m, string(r))
	}
	m = press(t, m, "enter")
	if m.modal != modalNone || m.status.FlashErr {
		t.Fatalf("the prompt refused %v: %s", at, m.status.Flash)
	}
	if m.seek != nil {
		t.Fatalf("the seek to %v is still under way", at)
	}
	return m
}

// Seeking back to any time and forward again gives the screen playing
// straight through gives, at three times: after the live faults, after the
// power cut, after the detection.
func TestSeekingShowsWhatPlayingShows(t *testing.T) {
	rec := liveRecording(t)
	const w, h = 120, 40
	// Played straight, by the clock at ×100: the times are whole frames.
	perFrame := func(frames int) time.Duration {
		c := engine.Clock{Speed: 9}
		if c.Factor() != 100 {
			t.Fatalf("speed 9 is ×%g, want ×100", c.Factor())
		}
		return time.Duration(frames) * c.PerFrame()
	}
	times := []time.Duration{perFrame(15), perFrame(27), perFrame(33)} // about 50 s, 90 s and 110 s
	straight := replayAt(t, rec, w, h)
	for range 6 {
		straight = press(t, straight, "+") // ×1 → ×100
	}
	var want []string
	straight = press(t, straight, "space")
	for _, at := range times {
		for straight.run.S.Now() < at {
			straight = update(t, straight, engine.TickMsg{Tag: straight.clock.Tag})
		}
		straight = press(t, straight, "space") // pause
		if got := straight.run.S.Now(); got != at {
			t.Fatalf("played to %v, want %v", got, at)
		}
		want = append(want, straight.View())
		straight = press(t, straight, "space")
	}

	seek := replayAt(t, rec, w, h)
	for range 6 {
		seek = press(t, seek, "+")
	}
	for _, step := range []struct {
		name string
		at   int // index into times
	}{{"forward to T3", 2}, {"back to T1", 0}, {"forward to T2", 1}, {"back to T1 again", 0}, {"forward to T3 again", 2}} {
		seek = typeTime(t, seek, times[step.at])
		if got := seek.run.S.Now(); got != times[step.at] {
			t.Fatalf("%s: at %v, want %v", step.name, got, times[step.at])
		}
		if got := seek.View(); got != want[step.at] {
			t.Errorf("%s: the screen differs from playing straight to %v:\n--- played\n%s\n--- seeked\n%s",
				step.name, times[step.at], want[step.at], got)
		}
	}
}

// TestReplayGolden compares the replay screen of power-loss-heartbeat with
// live faults, just after the server's detection, with
// testdata/TestReplayGolden/*.golden. Refresh with go test ./ui/pages/lab -update.
func TestReplayGolden(t *testing.T) {
	rec := liveRecording(t)
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		t.Run(format.Itoa(size[0])+"x"+format.Itoa(size[1]), func(t *testing.T) {
			m := typeTime(t, replayAt(t, rec, size[0], size[1]), 110*time.Second)
			view := m.View()
			checkScreen(t, view, size[0], size[1])
			golden.RequireEqual(t, []byte(view+"\n"))
		})
	}
}

// The timeline row shows the playhead, the live faults, the power cut and
// the detection where they fall.
func TestTimelineMarksFaultsAndDetections(t *testing.T) {
	m := replayAt(t, liveRecording(t), 82, 24) // a bar of 61 cells: two seconds a cell
	bar := func() []rune {
		line := strings.Split(m.View(), "\n")[1]
		clock := format.Clock(m.run.S.Now(), 2*time.Minute)
		if !strings.HasPrefix(line, " replay "+clock+" ") || !strings.HasSuffix(line, " 02:00 ") {
			t.Fatalf("the timeline does not read replay %s … 02:00:\n%q", clock, line)
		}
		b := []rune(strings.TrimSuffix(strings.TrimPrefix(line, " replay "+clock+" "), " 02:00 "))
		if len(b) != 61 {
			t.Fatalf("the bar is %d cells, want 61:\n%s", len(b), line)
		}
		return b
	}
	b := bar()
	for _, c := range []struct {
		at    int // seconds
		glyph rune
	}{{0, '●'}, {20, '✖'}, {35, '!'}, {40, '✖'}, {65, '✖'}, {102, '!'}} {
		if b[c.at/2] != c.glyph {
			t.Errorf("cell %d is %q, want %q:\n%s", c.at/2, b[c.at/2], c.glyph, string(b))
		}
	}
	m = typeTime(t, m, time.Minute)
	b = bar()
	if b[30] != '●' || b[5] != '━' || b[50] != '─' {
		t.Errorf("at 1:00 want the playhead in cell 30, ━ before and ─ after:\n%s", string(b))
	}
}

// , and . seek by a sixtieth of the recording; < and > go from marker to
// marker and name the marker; r goes back to the start.
func TestSeekKeys(t *testing.T) {
	m := replayAt(t, liveRecording(t), 100, 30)
	now := func() time.Duration { return m.run.S.Now() }
	m = press(t, m, ".")
	if now() != 2*time.Second {
		t.Errorf(". went to %v, want 2s (1/60 of 2 min)", now())
	}
	m = press(t, m, ",")
	m = press(t, m, ",")
	if now() != 0 {
		t.Errorf(", , went to %v, want 0 (not before the start)", now())
	}
	for _, want := range []struct {
		at   time.Duration
		text string
	}{
		{20 * time.Second, "00:20.000 ✖ client-server loss set"},
		{20*time.Second + 30*time.Millisecond, "✖ server frozen"},
		{35*time.Second + 20*time.Millisecond, "! client: 10.0.0.1:8080 is gone: ping #3 unanswered within 5s"},
		{40 * time.Second, "✖ server thawed (+1 more)"}, // and the server's detection of the client's FIN
		{65 * time.Second, "✖ client lost power"},
		// 45 s after the client's last heartbeat, a retransmission its
		// kernel's timer wheel sent at 57.074292748 s.
		{102*time.Second + 74292748*time.Nanosecond, "! server: 10.0.0.2:48292 is gone: silent for 45s ≥ heartbeat.expect 45s"},
	} {
		m = press(t, m, ">")
		if now() != want.at || !strings.Contains(m.status.Flash, want.text) {
			t.Errorf("> went to %v (%q), want %v and %q", now(), m.status.Flash, want.at, want.text)
		}
	}
	m = press(t, m, ">")
	if m.status.Flash != "no marker after this" {
		t.Errorf("> after the last marker: %q", m.status.Flash)
	}
	m = press(t, m, "<")
	m = press(t, m, "<")
	if now() != 40*time.Second {
		t.Errorf("< < went to %v, want 40s", now())
	}
	m = press(t, m, "r")
	if now() != 0 || m.status.Flash != "back to the start" {
		t.Errorf("r went to %v (%q), want the start", now(), m.status.Flash)
	}
	m = press(t, m, "g")
	for _, r := range "soon" {
		m = press(t, m, string(r))
	}
	m = press(t, m, "enter")
	if m.modal != modalGoto || !m.status.FlashErr || !strings.Contains(m.status.Flash, `"soon" is not a time`) {
		t.Errorf("a bad time: modal %v, flash %q; want the prompt open and the error shown", m.modal, m.status.Flash)
	}
	m = press(t, m, "esc")
	m = typeTime(t, m, time.Hour)
	if now() != 2*time.Minute || !strings.Contains(m.status.Flash, "the recording ends at 00:02:00.000") {
		t.Errorf("g 1h went to %v (%q), want the end, said", now(), m.status.Flash)
	}
}

// Played to its end, the replay pauses there and says what next.
func TestReplayPausesAtTheEnd(t *testing.T) {
	m := replayAt(t, liveRecording(t), 100, 30)
	m = typeTime(t, m, 2*time.Minute-time.Second)
	for range 19 {
		m = press(t, m, "+")
	}
	m = press(t, m, "space")
	m = update(t, m, engine.TickMsg{Tag: m.clock.Tag})
	if !m.clock.Paused || m.run.S.Now() != 2*time.Minute || !strings.Contains(m.status.Flash, "recording ends here") {
		t.Errorf("at the end: paused %v at %v (%q); want paused at 2m, said", m.clock.Paused, m.run.S.Now(), m.status.Flash)
	}
}

// The fault menu and the editor are off while replaying, and say why; v
// branches: the recorded inputs not yet replayed are dropped, the session
// stops replaying them, and the lab is live.
func TestBranchDropsTheRemainingInputs(t *testing.T) {
	dir := t.TempDir()
	m := replayAt(t, liveRecording(t), 100, 30, WithOutputDir(dir))
	m = typeTime(t, m, 30*time.Second) // after the loss and the freeze, before the thaw
	for _, k := range []string{"f", "e"} {
		m = press(t, m, k)
		if m.modal != modalNone || !strings.Contains(m.status.Flash, "until v branches") {
			t.Errorf("%s while replaying: modal %v, flash %q; want it refused with why", k, m.modal, m.status.Flash)
		}
	}
	m = press(t, m, "w")
	if !m.status.FlashErr || !strings.Contains(m.status.Flash, "this is a recording already") {
		t.Errorf("w while replaying: %q", m.status.Flash)
	}
	var thawed bool
	m.Session().Observe(func(e netsim.Event) {
		if f, ok := e.(*netsim.FaultEvent); ok && f.Action == netsim.FaultThaw {
			thawed = true
		}
	})
	m = press(t, m, "v")
	if m.replay != nil || !strings.Contains(m.status.Flash, "1 recorded input dropped") {
		t.Fatalf("after v: replaying %v, flash %q; want a live lab and the thaw dropped", m.replay != nil, m.status.Flash)
	}
	if strings.Contains(m.View(), " replay ") {
		t.Error("the timeline is still on screen after the branch")
	}
	m.run.S.RunUntil(2 * time.Minute)
	m.refresh()
	if thawed {
		t.Error("the branch replayed the recorded thaw")
	}
	if in := m.Session().Inputs(); len(in) != 2 {
		t.Errorf("the branch has inputs %+v, want the loss and the freeze replayed before it", in)
	}
	m = press(t, m, "f")
	if m.modal != modalFaults {
		t.Fatal("f does not open the fault menu in the branch")
	}
	m = press(t, m, hotkeyOf(t, m, lab.Action{Do: "thaw", Target: "server"}))
	m = press(t, m, "w")
	data, err := os.ReadFile(filepath.Join(dir, "power-loss-heartbeat.recording.json"))
	if err != nil {
		t.Fatalf("w in the branch: %v (%q)", err, m.status.Flash)
	}
	rec, err := scenarios.ReadRecording("branch.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Inputs) != 3 || rec.Inputs[2].Do != "thaw" || rec.Until() != 2*time.Minute || rec.Source != "builtin:power-loss-heartbeat" {
		t.Errorf("the branch's recording: inputs %+v, until %v, source %q", rec.Inputs, rec.Until(), rec.Source)
	}
}

// The record key writes the run so far to NAME.recording.json (then
// NAME-2…, never overwriting), ReadRecording accepts it, and it replays to
// the live run's event stream, byte for byte.
func TestRecordKeyWritesAReplayableRecording(t *testing.T) {
	dir := t.TempDir()
	sc, err := scenarios.Load("power-loss-heartbeat", "apps.client.heartbeat.interval=7s")
	if err != nil {
		t.Fatal(err)
	}
	sc.Config.Seed = 3
	m, err := New(testCommon(), sc, WithSets([]string{"apps.client.heartbeat.interval=7s"}), WithOutputDir(dir))
	if err != nil {
		t.Fatal(err)
	}
	m = update(t, m, resize(100, 30))
	// New started the applications (the server's LISTEN came then):
	// the live stream begins with what any fresh session's start emits.
	var live bytes.Buffer
	fresh, err := sc.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	fresh.Observe(func(e netsim.Event) { live.Write(netsim.AppendJSON(nil, e)); live.WriteByte('\n') })
	fresh.NextAt()
	if live.Len() == 0 {
		t.Fatal("a session's start emitted nothing: the prefix is not needed, simplify the test")
	}
	m.Session().Observe(func(e netsim.Event) { live.Write(netsim.AppendJSON(nil, e)); live.WriteByte('\n') })
	cable := hotkeyOf(t, m, lab.Action{Do: "link_down", Target: "client-server"})
	for _, k := range []string{"j", "j", "j", "j", "f", cable, "j", "n", "n"} {
		m = press(t, m, k)
	}
	m = press(t, m, "e")
	m = press(t, m, hotkeyOfParam(t, m, "apps.server.heartbeat.expect"))
	m = press(t, m, "backspace")
	m = press(t, m, "backspace")
	m = press(t, m, "backspace")
	m = press(t, m, "20s")
	m = press(t, m, "enter")
	m = press(t, m, "space")
	for range 40 {
		m = update(t, m, engine.TickMsg{Tag: m.clock.Tag})
	}
	m = press(t, m, "space")
	m = press(t, m, "w")
	want := filepath.Join(dir, "power-loss-heartbeat.recording.json")
	if m.status.FlashErr || !strings.Contains(m.status.Flash, "wrote "+want) {
		t.Fatalf("w: %q, want it to name %s", m.status.Flash, want)
	}
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := scenarios.ReadRecording(want, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Inputs) != 2 || rec.Seed != 3 || len(rec.Sets) != 1 || rec.Until() != m.run.S.Now() {
		t.Errorf("recorded inputs %+v, seed %d, sets %q, until %v; want the cable and the edit, seed 3, the --set, %v",
			rec.Inputs, rec.Seed, rec.Sets, rec.Until(), m.run.S.Now())
	}
	_, s, err := rec.Session()
	if err != nil {
		t.Fatal(err)
	}
	var replayed bytes.Buffer
	s.Observe(func(e netsim.Event) { replayed.Write(netsim.AppendJSON(nil, e)); replayed.WriteByte('\n') })
	s.RunUntil(rec.Until())
	if !bytes.Equal(live.Bytes(), replayed.Bytes()) {
		t.Errorf("the recording replays to another event stream (%d bytes live, %d replayed)", live.Len(), replayed.Len())

	}

	m = press(t, m, "w")
	if !strings.Contains(m.status.Flash, "power-loss-heartbeat-2.recording.json") {
		t.Errorf("w again: %q, want a second file", m.status.Flash)
	}
	if again, _ := os.ReadFile(want); !bytes.Equal(again, data) {
		t.Error("the second w overwrote the first recording")
	}
}

// hotkeyOfParam finds the key that chooses the parameter path in m's
// editor.
func hotkeyOfParam(t *testing.T, m Model, path string) string {
	t.Helper()
	mn := menu.New(m.c, "", paramItems(m.run.S, m.snap, m.c.Lang), m.keys.Params)
	for _, it := range mn.Items {
		if it.Action.Target == path {
			return it.Key
		}
	}
	t.Fatalf("the editor has no %s", path)
	return ""
}

// The replay screen fills every size exactly, with each overlay and the
// prompt open.
func TestReplayFitsEverySize(t *testing.T) {
	m := typeTime(t, replayAt(t, liveRecording(t), 80, 24), 110*time.Second)
	for _, size := range [][2]int{{20, 5}, {40, 8}, {40, 9}, {60, 20}, {64, 24}, {100, 30}, {150, 40}, {200, 60}} {
		for _, open := range []string{"", "?", "g"} {
			mm := update(t, m, resize(size[0], size[1]))
			if open != "" {
				mm = press(t, mm, open)
			}
			view := mm.View()
			if size[0] < minWidth || size[1] < minHeight+1 {
				if !strings.Contains(view, "socklab needs") {
					t.Errorf("%dx%d: no note that the terminal is too small", size[0], size[1])
				}
				continue
			}
			t.Run("", func(t *testing.T) { checkScreen(t, view, size[0], size[1]) })
		}
	}
}

// A long seek goes a chunk of events per Update, the timeline showing its
// progress; keys other than seeking, esc and quit wait; a seek under way
// can be aimed elsewhere or stopped; and where it ends, the screen is the
// one a seek in one go shows.
func TestLongSeekGoesInChunks(t *testing.T) {
	sc, err := scenarios.Load("thundering-herd")
	if err != nil {
		t.Fatal(err)
	}
	rec := scenarios.NewRecording(sc, nil, nil, sc.Duration)
	oneGo := typeTime(t, replayAt(t, rec, 120, 40), 80*time.Second)

	m := replayAt(t, rec, 120, 40)
	m.seekChunk = 5_000
	send := func(msg tea.Msg) tea.Cmd {
		next, cmd := m.Update(msg)
		m = next.(Model)
		return cmd
	}
	for _, r := range "g2m30s" {
		send(keyMsg(string(r)))
	}
	cmd := send(keyMsg("enter"))
	if m.seek == nil || cmd == nil {
		t.Fatal("a seek of 117,000 events in chunks of 5,000 finished at once")
	}
	if line := strings.Split(m.View(), "\n")[1]; !strings.Contains(line, "seeking…") {
		t.Errorf("the timeline does not say it is seeking:\n%s", line)
	}
	stale := cmd()
	send(keyMsg("f"))
	if m.modal != modalNone || m.status.Flash != "seeking… (esc stops)" {
		t.Errorf("f during a seek: modal %v, %q", m.modal, m.status.Flash)
	}
	send(keyMsg("esc"))
	// Forward, the seek ran the lab's own session: it stays where it got.
	if at := m.run.S.Now(); m.seek != nil || at <= 0 || at >= 150*time.Second || m.status.Flash != "seek stopped" {
		t.Fatalf("esc: seeking %v, at %v, %q; want stopped on the way", m.seek != nil, at, m.status.Flash)
	}
	if strings.Contains(m.View(), "seeking…") {
		t.Error("the timeline still says seeking")
	}
	if send(stale) != nil || m.seek != nil {
		t.Fatal("a chunk of the stopped seek ran")
	}
	for _, r := range "g2m30s" {
		send(keyMsg(string(r)))
	}
	cmd = send(keyMsg("enter"))
	for range 3 {
		cmd = send(cmd())
	}
	for range 14 { // aimed elsewhere: back to 1:20, going on from where it got
		cmd = send(keyMsg(","))
	}
	if m.seek == nil || m.seek.To != 80*time.Second {
		t.Fatalf("after , ×14: seeking %v, want a seek to 1m20s under way", m.seek != nil)
	}
	chunks := 0
	for cmd != nil {
		cmd = send(cmd())
		chunks++
	}
	if chunks < 1 || m.run.S.Now() != 80*time.Second {
		t.Errorf("the seek ended at %v after %d more chunks, want 1m20s after more chunks", m.run.S.Now(), chunks)
	}
	if got, want := m.View(), oneGo.View(); got != want {
		t.Errorf("the screen after a seek in chunks differs from one in one go:\n--- one go\n%s\n--- chunks\n%s", want, got)
	}
}
