package lab

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/ui/engine"
	"github.com/socklab/socklab/ui/feed"
	"github.com/socklab/socklab/ui/format"
)

// The defects of issue 9, each as it was reproduced: every test here failed
// on the interface before the issue.

// wireText is the wire pane's lines, joined.
func wireText(m Model) string { return strings.Join(m.wire.Lines(), "\n") }

// Defect 1: a parameter changed twice shows the value that holds now, not
// the first one folded with "+1 like it", on the wire and in the
// narration. (The 0s is refused while a timeout is set: 7s then
// 3s.)
func TestDefect1ParamRowShowsTheLatestValue(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 20*time.Second, 120, 40)
	for _, v := range []string{"7s", "3s"} {
		m = press(t, m, "e")
		m = press(t, m, hotkeyOfParam(t, m, "apps.client.heartbeat.interval"))
		m = update(t, m, tea.KeyMsg{Type: tea.KeyCtrlU})
		m = update(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(v)})
		m = press(t, m, "enter")
	}
	w := wireText(m)
	if !strings.Contains(w, "= apps.client.heartbeat.interval = 3s") || strings.Contains(w, "like it") {
		t.Errorf("the wire does not show the interval that holds now (3s) on its own row:\n%s", w)
	}
	if n := m.run.Feed.Log.FromEnd(0); !strings.Contains(n.Msg.String(), "interval is now 3s") || n.More != 0 {
		t.Errorf("the newest narration is %q (+%d like it), want the interval that holds now, 3s", n.Msg.String(), n.More)
	}
}

// Defect 2: a socket that never heard from its peer says so, rather than
// the time since 0.
func TestDefect2NeverHeard(t *testing.T) {
	for _, w := range []int{80, 120} {
		m := labAt(t, "heartbeat-reconnect", 34*time.Second, w, 40)
		conns := strings.Join(m.conns.Lines(), "\n")
		if !strings.Contains(conns, "SYN_SENT") || strings.Contains(conns, "34.0s ago") || !strings.Contains(conns, "heard nothing") {
			t.Errorf("at %d columns the connecting socket does not say it heard nothing:\n%s", w, conns)
		}
	}
}

// Defect 3: a RST answering a SYN reads relative numbers on both sides:
// ack 1, not the client's ISN + 1.
func TestDefect3RSTAnsweringASYNIsRelative(t *testing.T) {
	m := labAt(t, "connect-fail", 2*time.Second, 120, 40)
	var rst *feed.Row
	for seq := m.run.Feed.Wire.First(); seq < m.run.Feed.Wire.Total(); seq++ {
		if r := m.run.Feed.Wire.At(seq); r.Kind == feed.RowSegment && r.Flags&netsim.RST != 0 {
			rst = r
			break
		}
	}
	if rst == nil {
		t.Fatal("no RST on the wire of connect-fail by 2s")
	}
	if rst.Seq != 0 || rst.Ack != 1 {
		t.Errorf("the RST reads seq %d ack %d, want 0 and 1 (relative to each side's ISN)", rst.Seq, rst.Ack)
	}
	if w := wireText(m); !strings.Contains(w, "[RST|ACK] seq=0 ack=1") {
		t.Errorf("the wire does not show the RST as [RST|ACK] seq=0 ack=1:\n%s", w)
	}
}

// Defect 5: at 80×24 every end of the handshake's six can be scrolled to,
// and heartbeat-reconnect lists the client's side (the side that knows)
// first.
func TestDefect5ConnectionsScroll(t *testing.T) {
	m := labAt(t, "handshake", 6*time.Second, 80, 24)
	m.focus = paneConns
	seen := map[string]bool{}
	for range 10 {
		for _, l := range m.conns.Lines() {
			if p := regexp.MustCompile(`10\.0\.0\.\d+:\d+ ⇄ 10\.0\.0\.\d+:\d+`).FindString(l); p != "" {
				seen[p] = true
			}
		}
		m = press(t, m, "down")
	}
	if len(seen) != 6 {
		t.Errorf("scrolling the connections at 80×24 showed %d ends, want 6: %v", len(seen), seen)
	}
	m = labAt(t, "heartbeat-reconnect", 20*time.Second, 80, 24)
	if first := m.conns.Lines()[0]; !strings.HasPrefix(first, "client ") {
		t.Errorf("the first connection end is %q, want the client's", first)
	}
}

// Defect 6: from 100 columns the ladder spreads over the width it has and
// writes its labels in full.
func TestDefect6LadderUsesTheWidth(t *testing.T) {
	for _, w := range []int{120, 200} {
		m := labAt(t, "power-loss-heartbeat", 61*time.Second, w, 40)
		lines := m.wire.Lines()
		row := ""
		for _, l := range lines {
			if strings.Contains(l, "ping #6") {
				row = l
			}
		}
		if !strings.Contains(row, "ping #6 [PSH|ACK] seq=71 ack=71 len=14") {
			t.Errorf("at %d columns the ping is not labelled in full:\n%s", w, strings.Join(lines, "\n"))
		}
		first, last := strings.IndexRune(row, '│'), strings.LastIndex(row, "▶")
		span := len([]rune(row[first:last]))
		if span < (w-4)*7/10 {
			t.Errorf("at %d columns the arrow spans %d cells, want at least 70%% of %d", w, span, w-4)
		}
	}
}

// Defect 7: at 80×24 the timers' names are whole.
func TestDefect7TimerNamesAreWhole(t *testing.T) {
	m := labAt(t, "heartbeat-reconnect", 20*time.Second, 80, 24)
	timers := strings.Join(m.timers.Lines(), "\n")
	if !strings.Contains(timers, "server: heartbeat timeout ") {
		t.Errorf("the server's heartbeat timeout is not named in full:\n%s", timers)
	}
}

// Defect 8: menus use the width they have, and a setting with a fixed set
// of values is picked from a list.
func TestDefect8MenusUseTheWidthAndChoices(t *testing.T) {
	for _, w := range []int{80, 120} {
		m := labAt(t, "heartbeat-reconnect", 10*time.Second, w, 40)
		m = press(t, m, "f")
		view := m.View()
		for _, v := range lab.Verbs() {
			if does := i18n.English.T(v.Doc); v.Name == lab.PowerOff && !strings.Contains(view, does) && w >= 120 {
				t.Errorf("at %d columns the fault menu cuts %q:\n%s", w, does, view)
			}
		}
	}
	m := labAt(t, "heartbeat-reconnect", 10*time.Second, 120, 40)
	m = press(t, m, "e")
	m = press(t, m, hotkeyOfParam(t, m, "apps.client.reconnect.policy"))
	view := m.View()
	for _, p := range lab.BackoffPolicies {
		if !strings.Contains(view, " "+p+" ") && !strings.Contains(view, " "+p+"\n") && !strings.Contains(view, "▸ "+p) {
			t.Errorf("the policy list does not offer %q:\n%s", p, view)
		}
	}
	m = press(t, m, "down") // from exponential to the next
	m = press(t, m, "enter")
	if got := m.Session().Config().Apps[1].Reconnect.Policy; got != lab.BackoffFullJitter {
		t.Errorf("picked policy %q, want %q", got, lab.BackoffFullJitter)
	}
}

// Defect 10: at the scenario's end the lab pauses and shows the verdict;
// space runs on past the end; the status line shows the duration.
func TestDefect10VerdictAtTheEnd(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 170*time.Second, 120, 40)
	if !strings.Contains(m.View(), "t 02:50.000 / 03:00") {
		t.Errorf("the status line does not show the duration:\n%s", m.View())
	}
	m = press(t, m, "+")
	m = press(t, m, "+")
	m = press(t, m, "+")
	m = press(t, m, "+") // ×20
	m = press(t, m, "space")
	for range 100 {
		m = update(t, m, tickMsgOf(m))
		if m.modal == modalVerdict {
			break
		}
	}
	if m.modal != modalVerdict || !m.clock.Paused || m.run.S.Now() != 3*time.Minute {
		t.Fatalf("at the end: modal %v, paused %v, at %v; want the verdict, paused at 3:00", m.modal, m.clock.Paused, m.run.S.Now())
	}
	view := m.View()
	for _, want := range []string{"The end: power-loss-heartbeat at 03:00", "✔ pass", "expectations hold"} {
		if !strings.Contains(view, want) {
			t.Errorf("the verdict does not show %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "✘") {
		t.Errorf("an expectation of the unchanged lesson failed:\n%s", view)
	}
	m = press(t, m, "space")
	m = update(t, m, tickMsgOf(m))
	if m.modal != modalNone || m.clock.Paused || m.run.S.Now() <= 3*time.Minute {
		t.Errorf("space after the verdict: modal %v, paused %v, at %v; want running past the end", m.modal, m.clock.Paused, m.run.S.Now())
	}
}

// Defect 10, after the end: the status line says the lesson ended at
// 03:00 and the lab ran on ("t 03:37.… · ended 03:00"), not a time past
// its length ("t 03:37.… / 03:00"), and it fits at 80 columns in both
// languages.
func TestStatusLineSaysTheLessonEnded(t *testing.T) {
	for _, tc := range []struct {
		lang  i18n.Lang
		ended string
	}{{i18n.English, " · ended 03:00"}, {i18n.Chinese, " · 03:00 已结束"}} {
		m := labAtIn(t, "power-loss-heartbeat", 3*time.Minute, 80, 24, tc.lang)
		if head := strings.Split(m.View(), "\n")[0]; !strings.Contains(head, "t 03:00.000 / 03:00") {
			t.Errorf("%v: at the end the status line reads %q, want t 03:00.000 / 03:00", tc.lang, head)
		}
		m = press(t, m, "j") // the next change: the server's FIN_WAIT_1 socket closing at ~3:37
		now := m.run.S.Now()
		if now <= 3*time.Minute {
			t.Fatalf("%v: j stayed at %v", tc.lang, now)
		}
		head := strings.Split(m.View(), "\n")[0]
		want := "t " + format.Stamp(now, false) + tc.ended
		if !strings.Contains(head, want) || strings.Contains(head, "/ 03:00") {
			t.Errorf("%v: past the end the status line reads\n%q\nwant %q in it", tc.lang, head, want)
		}
	}
}

// Defect 11: every state change `socklab run` prints is a row: the
// server's FIN_WAIT_1 socket closing at ~3:37, after its FIN retries.
func TestDefect11EveryStateChangeIsARow(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 4*time.Minute, 120, 40)
	found := false
	for seq := m.run.Feed.Wire.First(); seq < m.run.Feed.Wire.Total(); seq++ {
		r := m.run.Feed.Wire.At(seq)
		if r.Kind == feed.RowState && r.Src == "server" && r.From == netsim.FinWait1 && r.To == netsim.Closed {
			found = true
		}
	}
	if !found || !strings.Contains(wireText(m), "FIN_WAIT_1 → CLOSED") {
		t.Errorf("the server's FIN_WAIT_1 → CLOSED has no row:\n%s", wireText(m))
	}
}

// Defect 13: a detection says which rule fired, with its numbers, in
// the narration, on the wire's row and in the connections pane alike, in
// both languages: the client's ping #6 unanswered within 2 s (not "silent
// for 6.97s"), the server's 15 s of silence past its heartbeat.expect.
func TestDefect13DetectionsNameTheRuleThatFired(t *testing.T) {
	for _, tc := range []struct {
		lang                i18n.Lang
		client, server      string
		clientNarr, server2 string
	}{
		{i18n.English, "! client: 10.0.0.1:8080 is gone: ping #6 unanswered within 2s",
			"! server: 10.0.0.2:47659 is gone: silent for 15s ≥ heartbeat.expect 15s",
			"client declares 10.0.0.1:8080 dead: ping #6 unanswered within 2s", "! detected at 00:40.045: silent for 15s ≥ heartbeat.expect 15s"},
		{i18n.Chinese, "! client：10.0.0.1:8080 已断开，第 6 个心跳在 2 秒内无应答",
			"! server：10.0.0.2:47659 已断开，已静默 15 秒 ≥ heartbeat.expect 15 秒",
			"client 认定 10.0.0.1:8080 已断线：第 6 个心跳在 2 秒内无应答", "! 于 00:40.045 发现断开：已静默 15 秒 ≥ heartbeat.expect 15 秒"},
	} {
		m := labAtIn(t, "heartbeat-reconnect", 40046*time.Millisecond, 200, 60, tc.lang)
		var narr string
		for i := range m.run.Feed.Log.Len() {
			if e := m.run.Feed.Log.FromEnd(i); e.At == 32030*time.Millisecond {
				narr = e.Msg.In(tc.lang)
			}
		}
		if !strings.Contains(narr, tc.clientNarr) || strings.Contains(narr, "6.97") {
			t.Errorf("%v: the detection at 00:32.030 narrates %q, want %q", tc.lang, narr, tc.clientNarr)
		}
		wire := wireText(m)
		for _, want := range []string{tc.client, tc.server} {
			if !strings.Contains(wire, want) {
				t.Errorf("%v: the wire has no row %q:\n%s", tc.lang, want, wire)
			}
		}
		if conns := strings.Join(m.conns.Lines(), "\n"); !strings.Contains(conns, tc.server2) {
			t.Errorf("%v: the connections pane does not say %q:\n%s", tc.lang, tc.server2, conns)
		}
	}
}

// Defect 14: one naming rule: a detection names the application instance
// that made it (as reconnects do), a connect timeout does not say "is
// gone", a timer's owner and name are told apart, SYN timers carry the
// client's #N.
func TestDefect14OneNamingRule(t *testing.T) {
	m := labAt(t, "thundering-herd", 76*time.Second, 200, 60)
	for seq := m.run.Feed.Wire.First(); seq < m.run.Feed.Wire.Total(); seq++ {
		r := m.run.Feed.Wire.At(seq)
		if (r.Kind == feed.RowDetect || r.Kind == feed.RowReconnect) && r.Who == "herd" {
			t.Fatalf("a row names the host, not the client: %q", r.Text)
		}
	}
	for _, tv := range m.snap.Timers {
		if tv.Name == i18n.TimerSYN && !strings.Contains(tv.App, "#") {
			t.Fatalf("a SYN timer's owner is %q, want a client instance", tv.App)
		}
	}
	m = labAt(t, "heartbeat-reconnect", 42*time.Second, 120, 40)
	if w := wireText(m); strings.Contains(w, "is gone: connect_timeout") || !strings.Contains(w, "cannot connect to 10.0.0.1:8080") {
		t.Errorf("a connect timeout reads as a connection gone:\n%s", w)
	}
	m = labAt(t, "app-freeze", 30*time.Second, 120, 40)
	if timers := strings.Join(m.timers.Lines(), "\n"); strings.Contains(timers, "keepalive keepalive") {
		t.Errorf("the keepalive app's keepalive timer reads \"keepalive keepalive\":\n%s", timers)
	}
}

// Defect 15: the help's legend explains the short labels too.
func TestDefect15LegendExplainsShortLabels(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 0, 120, 50)
	m = press(t, m, "?")
	help := m.View()
	for _, want := range []string{"[P.] 1:9 ack 1", "tcpdump"} {
		if !strings.Contains(help, want) {
			t.Errorf("the legend does not explain %q:\n%s", want, help)
		}
	}
}

// Defect 16: r says it drops the live changes.
func TestDefect16RestartSaysWhatItDrops(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 20*time.Second, 120, 40)
	apply(t, m.Session(), lab.Action{Do: "set", Target: "apps.client.heartbeat.interval", Value: "3s"})
	apply(t, m.Session(), lab.Action{Do: "freeze", Target: "server"})
	m = press(t, m, "r")
	if m.status.Flash != "restarted: 2 live changes dropped" {
		t.Errorf("r said %q", m.status.Flash)
	}
}

// Defect 17: counts agree with their nouns.
func TestDefect17Plurals(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 0, 120, 40)
	m.status.Events = 1
	s := m.statusBar()
	s.Events = 1
	if v := s.View(); !strings.Contains(v, "1 event") || strings.Contains(v, "1 events") {
		t.Errorf("one event reads %q", v)
	}
}

// tickMsgOf is the tick the lab's clock waits for.
func tickMsgOf(m Model) tea.Msg { return engine.TickMsg{Tag: m.clock.Tag} }

// Defect 12: a time the replay's g cannot read is refused in the prompt,
// saying what was wrong.
func TestDefect12GoToSaysWhatWasWrong(t *testing.T) {
	m := replayAt(t, liveRecording(t), 80, 24)
	for _, k := range []string{"g", "a", "b", "c", "enter"} {
		m = press(t, m, k)
	}
	row := strings.Split(m.View(), "\n")[1]
	if !strings.Contains(row, "go to > abc") || !strings.Contains(row, `"abc" is not a time`) {
		t.Errorf("the prompt's row does not say what was wrong:\n%s", row)
	}
	m = press(t, m, "backspace")
	if row := strings.Split(m.View(), "\n")[1]; strings.Contains(row, "is not a time") {
		t.Errorf("the refusal stays after the next key:\n%s", row)
	}
}

// The connections pane draws only the entries it shows (a herd has
// thousands), and what it shows is the list's window, line by line, even
// where the window starts on the second line of an entry (its truth, on a
// line of its own below 120 columns). The thundering herd's 2,000 ends
// at 80 columns sum up under their counts; heartbeat-reconnect's few
// scroll.
func TestConnsPaneShowsItsWindowLineByLine(t *testing.T) {
	for _, tc := range []struct {
		name string
		at   time.Duration
		rows int
	}{{"heartbeat-reconnect", 42 * time.Second, 3}, {"thundering-herd", 76 * time.Second, 9}} {
		m := labAt(t, tc.name, tc.at, 80, 24)
		c := m.conns
		c.SetSize(78, 100000)
		all := c.Lines()
		c.SetSize(78, tc.rows)
		first := c.Lines()
		body := first
		if len(all) > 2*tc.rows { // summed: the counts, then the list
			body = first[1:]
		}
		if len(all) <= len(body) {
			t.Fatalf("%s: %d lines in all, the pane shows %d: nothing to scroll", tc.name, len(all), len(body))
		}
		twoLines := false
		for i, l := range all {
			twoLines = twoLines || i > 0 && strings.HasPrefix(l, "  ")
		}
		if !twoLines {
			t.Fatalf("%s: no entry takes two lines:\n%s", tc.name, strings.Join(all, "\n"))
		}
		for from := 0; from+len(body) <= len(all); from++ { // from the top down, line by line
			got := c.Lines()
			if len(all) > 2*tc.rows {
				got = got[1:]
			}
			want := all[from : from+len(body)]
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("%s: scrolled to lines %d–%d, the pane shows\n%s\nwant\n%s", tc.name, from, from+len(body),
					strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			c.Scroll(-1)
		}
	}
}
