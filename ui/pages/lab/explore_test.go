package lab

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/ui/feed"
	"github.com/socklab/socklab/ui/format"
)

// findRow is the sequence number of the newest wire row that pass keeps.
func findRow(t *testing.T, m Model, pass func(*feed.Row) bool) uint64 {
	t.Helper()
	w := m.wire.Feed().Wire
	for seq := w.Total() - 1; seq >= w.First(); seq-- {
		if r := w.At(seq); r != nil && pass(r) {
			return seq
		}
		if seq == 0 {
			break
		}
	}
	t.Fatal("no such row on the wire")
	return 0
}

// waitForSeek is waitFor for a screen that comes after a re-simulation
// (a filter over the whole run, a step back), which on a loaded machine
// may take longer than waitFor waits.
func waitForSeek(t *testing.T, tm *teatest.TestModel, texts ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, text := range texts {
			if !bytes.Contains(b, []byte(text)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(time.Minute), teatest.WithCheckInterval(10*time.Millisecond))
}

// program runs m as a program in a w×h terminal.
func program(t *testing.T, m Model, w, h int) *teatest.TestModel {
	t.Helper()
	return teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h))
}

// pressKeys sends the keys of s one by one (arrow keys as their names).
func pressKeys(tm *teatest.TestModel, keys ...string) {
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
}

// Acceptance 1: in power-loss-heartbeat, the last ping before the power cut
// opens into its headers — sequence numbers relative and absolute, every
// flag bit, the window — its payload "ping #6" and its story: the
// application's write, delivered. The SYN shows its MSS. A retransmission
// after the cut says which RTO retransmission it is, and that it was
// dropped because the host is down.
func TestInspectAPacket(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 70*time.Second, 120, 40)
	ping := findRow(t, m, func(r *feed.Row) bool { return r.Kind == feed.RowSegment && r.Msg == "heartbeat" && r.Beat == 6 })
	p := m.wire.Feed().Wire.At(ping).Event.(*netsim.SegmentEvent).Packet
	tm := program(t, m, 120, 40)
	n := int(m.wire.Feed().Wire.Total() - 1 - ping + 1)
	for range n {
		pressKeys(tm, "up")
	}
	pressKeys(tm, "enter")
	r := m.wire.Feed().Wire.At(ping)
	waitFor(t, tm, "packet #"+strconv.FormatUint(p.ID, 10)+" · ping #6 · client → server",
		"seq "+strconv.Itoa(int(r.Seq))+" (absolute "+strconv.FormatUint(uint64(p.Seq), 10)+")",
		"ack "+strconv.Itoa(int(r.Ack))+" (absolute "+strconv.FormatUint(uint64(p.Ack), 10)+")",
		"flags 0x018 PSH|ACK: CWR=0 ECE=0 URG=0 ACK=1 PSH=1 RST=0 SYN=0 FIN=0",
		"window "+strconv.Itoa(int(p.Win)), "TTL 64", "payload 14 B: ping #6",
		"sent 00:01:00.020 by client: the application's write()", "delivered to server at 00:01:00.030")
	pressKeys(tm, "esc", "home", "enter") // the first row on the wire: the SYN's state change, then the SYN
	pressKeys(tm, "down")
	waitFor(t, tm, "packet #1 · client → server", "options: mss 1460", "connect(): the SYN that opens the handshake")
	pressKeys(tm, "q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(time.Minute))

	m = labAt(t, "power-loss-heartbeat", 110*time.Second, 120, 40)
	rto := findRow(t, m, func(r *feed.Row) bool {
		e, ok := r.Event.(*netsim.SegmentEvent)
		return ok && e.Packet.Story.Trigger == netsim.TriggerRTO && e.Packet.Story.N == 2
	})
	tm = program(t, m, 120, 40)
	for range int(m.wire.Feed().Wire.Total() - 1 - rto + 1) {
		pressKeys(tm, "up")
	}
	pressKeys(tm, "enter")
	waitFor(t, tm, "RTO retransmission #2: the retransmission timer expired", "dropped: host off, at client")
	pressKeys(tm, "q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(time.Minute))
}

// From a packet the inspector jumps to the segment it acknowledges.
func TestInspectorJumpsToTheAcknowledged(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 20*time.Second, 120, 40)
	pong := findRow(t, m, func(r *feed.Row) bool { return r.Kind == feed.RowSegment && r.Msg == "heartbeat_ack" && r.Beat == 1 })
	for range int(m.wire.Feed().Wire.Total() - 1 - pong + 1) {
		m = press(t, m, "up")
	}
	m = press(t, m, "enter")
	acked := m.insp.Acks()
	m = press(t, m, "a")
	r := m.wire.Selected()
	if r == nil || r.ID != acked || r.Msg != "heartbeat" || r.Beat != 1 {
		t.Fatalf("a went to %+v, want packet #%d, ping #1", r, acked)
	}
	if !strings.Contains(m.View(), "ping #1 · client → server") {
		t.Errorf("the inspector does not show ping #1:\n%s", m.View())
	}
}

// Acceptance 2: twenty events forward, twenty back, and the screen is the
// one at the start, byte for byte. From a detection, B lands on the
// previous change: here the power cut, 40 s before.
func TestStepBack(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 0, 120, 40)
	start := m.View()
	tm := program(t, m, 120, 40)
	tm.Type(strings.Repeat("n", 20))
	tm.Type(strings.Repeat("b", 20))
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(time.Minute))
	final := tm.FinalModel(t).(Model)
	if final.run.Feed.Events == 0 || final.run.S.Now() != 0 {
		t.Fatalf("after 20 steps back the lab stands at %v", final.run.S.Now())
	}
	if got := final.View(); got != start {
		t.Errorf("the screen after 20 steps forward and 20 back differs from the start:\n%s\nwant:\n%s", got, start)
	}

	m = labAt(t, "power-loss-heartbeat", 0, 120, 40)
	for m.run.Feed.Detects == 0 {
		m = press(t, m, "j")
	}
	if now := m.run.S.Now(); now != 105030*time.Millisecond {
		t.Fatalf("j stopped at %v, want the detection at 1m45.03s", now)
	}
	m = press(t, m, "B")
	m = finishSeek(t, m)
	if now := m.run.S.Now(); now != 65*time.Second {
		t.Fatalf("B from the detection went to %v, want the power cut at 1m5s", now)
	}
	view := m.View()
	for _, want := range []string{"back to 01:05.000: client lost power", "t 01:05.000"} {
		if !strings.Contains(view, want) {
			t.Errorf("the screen does not show %q:\n%s", want, view)
		}
	}
	if m.run.Feed.Detects != 0 {
		t.Errorf("the detection is still on the wire after B")
	}
}

// finishSeek runs a seek under way to its end.
func finishSeek(t *testing.T, m Model) Model {
	t.Helper()
	for m.seek != nil {
		next, _ := m.stepSeek(m.seekChunk)
		m = next
	}
	return m
}

// In a live lab gone back, the inputs applied before replay as it runs on;
// a new fault there starts another future, dropping the inputs ahead.
func TestGoingBackKeepsTheLiveInputs(t *testing.T) {
	m := labAt(t, "heartbeat-reconnect", 5*time.Second, 120, 40)
	if err := m.run.Apply(lab.Action{Do: "freeze", Target: "server"}); err != nil {
		t.Fatal(err)
	}
	m.refresh()
	m = update(t, m, keyMsg("n"))
	m = finishSeek(t, press(t, press(t, m, "b"), "b"))
	if m.ahead() != 1 {
		t.Fatalf("%d inputs ahead after going back over the freeze, want 1", m.ahead())
	}
	m.run.Advance(10*time.Second, 1<<30)
	if in := m.run.S.Inputs(); len(in) != 1 || in[0].Action.Do != "freeze" {
		t.Fatalf("running on replays the freeze: inputs %+v", in)
	}
}

// A restart forgets the live lab's past: gone back over a freeze, r
// starts the scenario as written, with no input ahead to re-apply and no
// marker of the old run on the timeline; the note counts the freeze.
func TestRestartForgetsThePast(t *testing.T) {
	m := labAt(t, "heartbeat-reconnect", 5*time.Second, 120, 40)
	if err := m.run.Apply(lab.Action{Do: "freeze", Target: "server"}); err != nil {
		t.Fatal(err)
	}
	m.refresh()
	m = update(t, m, keyMsg("n"))
	m = finishSeek(t, press(t, press(t, m, "b"), "b"))
	m = press(t, m, "r")
	if m.ahead() != 0 || len(m.knownInputs()) != 0 {
		t.Errorf("after r, %d inputs known, %d ahead; want none", len(m.knownInputs()), m.ahead())
	}
	if len(m.marks()) != 0 {
		t.Errorf("after r, the timeline keeps the old run's markers: %+v", m.marks())
	}
	if want := "restarted: 1 live change dropped"; m.status.Flash != want {
		t.Errorf("flash %q, want %q", m.status.Flash, want)
	}
}

// Acceptance 3: in thundering-herd, filtering client#7 leaves on the wire
// only rows of that client — of the whole run, not only of the rows the
// full wire still holds; esc clears it; filtering RST leaves only resets.
func TestFilterTheWire(t *testing.T) {
	m := labAt(t, "thundering-herd", 76*time.Second, 200, 60)
	tm := program(t, m, 200, 60)
	tm.Type("/")
	tm.Type("client#7")
	pressKeys(tm, "enter")
	waitForSeek(t, tm, "filter: client#7 ·")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(time.Minute))
	final := tm.FinalModel(t).(Model)
	w := final.wire.Feed().Wire
	if w.Len() < 10 {
		t.Fatalf("the filtered wire holds %d rows", w.Len())
	}
	ports := map[uint16]bool{}
	for seq := w.First(); seq < w.Total(); seq++ {
		r := w.At(seq)
		if r.Owners[0] != "clients#7" && r.Owners[1] != "clients#7" && r.Who != "clients#7" {
			t.Fatalf("row %+v does not belong to clients#7", *r)
		}
		if r.Port != 0 {
			ports[r.Port] = true
		}
	}
	if first := w.At(w.First()); first.At > time.Second {
		t.Errorf("the filtered wire starts at %v, not with the client's first connection", first.At)
	}
	tag := regexp.MustCompile(`^┃ \d\d:\d\d:\d\d\.\d\d\d.:(\d+)`)
	for _, line := range strings.Split(final.View(), "\n") {
		if mm := tag.FindStringSubmatch(line); mm != nil {
			n, _ := strconv.Atoi(mm[1])
			if !ports[uint16(n)] {
				t.Errorf("a wire line of another connection: %s", line)
			}
		}
	}

	m = press(t, final, "esc")
	if m.filter.Active() || m.wire.Feed() != m.run.Feed {
		t.Fatal("esc did not clear the filter")
	}
	m = press(t, m, "/")
	for _, r := range "RST" {
		m = press(t, m, string(r))
	}
	m = finishSeek(t, press(t, m, "enter"))
	w = m.wire.Feed().Wire
	if w.Len() == 0 {
		t.Fatal("no reset on the filtered wire")
	}
	for seq := w.First(); seq < w.Total(); seq++ {
		if r := w.At(seq); r.Kind != feed.RowSegment || r.Flags&netsim.RST == 0 {
			t.Fatalf("a row that is not a reset: %+v", *r)
		}
	}
}

// Enter on a connection in the connections pane filters the wire on it.
func TestFilterOnAConnection(t *testing.T) {
	m := labAt(t, "handshake", 5070*time.Millisecond, 120, 40)
	m.focus = paneConns
	m = press(t, m, "down")
	m = finishSeek(t, press(t, m, "enter"))
	port, ok := m.conns.SelectedPort()
	if !ok || m.filter.String() != ":"+port {
		t.Fatalf("filter %q, want the selected connection's port %q", m.filter.String(), port)
	}
	if !strings.Contains(m.View(), "wire · filter: :"+port) {
		t.Errorf("the wire's border does not show the filter:\n%s", m.View())
	}
}

// Acceptance 4: after the power cut and before the detection, the server's
// end of the connection is marked half-open, with the cause; after the
// detection, the row shows the detection instead.
func TestHalfOpenMark(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 90*time.Second, 120, 40)
	tm := program(t, m, 120, 40)
	waitFor(t, tm, "⚠ half-open: client powered off at 01:05.000")
	tm.Type("j")
	waitFor(t, tm, "! detected at 01:45.030: silent for 45s ≥ heartbeat.expect 45s")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(time.Minute))
	view := tm.FinalModel(t).(Model).View()
	if strings.Contains(view, "half-open") {
		t.Errorf("the half-open mark stays after the detection:\n%s", view)
	}
}

// Acceptance 5: the cost view, golden, for the lessons about the cost of
// keep-alive (keepalive-tuned), of polling (polling-vs-push: the pollers'
// mean latency is the one the poll_latency expectations judge) and of a
// herd reconnecting (its attempts per 100 ms), at 80×24 and 200×60.
func TestCostViewGolden(t *testing.T) {
	for _, c := range []struct {
		scenario string
		at       time.Duration
	}{
		{"keepalive-tuned", 3 * time.Minute},
		{"polling-vs-push", 30 * time.Minute},
		{"thundering-herd", 5 * time.Minute},
	} {
		for _, size := range [][2]int{{80, 24}, {200, 60}} {
			t.Run(c.scenario+"/"+format.Itoa(size[0])+"x"+format.Itoa(size[1]), func(t *testing.T) {
				m := press(t, labAt(t, c.scenario, c.at, size[0], size[1]), "c")
				view := m.View()
				checkScreen(t, view, size[0], size[1])
				golden.RequireEqual(t, []byte(view+"\n"))
			})
		}
	}
}

// The screens of exploring a run, golden, at 80×24: the README shows them.
// The inspector on ping #6 (the last before the power cut); B from the
// server's detection back to the power cut; the herd's wire filtered on
// client#7.
func TestExploreGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		make func(t *testing.T) Model
	}{
		{"inspector", func(t *testing.T) Model {
			m := labAt(t, "power-loss-heartbeat", 70*time.Second, 80, 24)
			ping := findRow(t, m, func(r *feed.Row) bool { return r.Kind == feed.RowSegment && r.Msg == "heartbeat" && r.Beat == 6 })
			for range int(m.wire.Feed().Wire.Total() - ping) {
				m = press(t, m, "up")
			}
			return press(t, m, "enter")
		}},
		{"step-back", func(t *testing.T) Model {
			m := labAt(t, "power-loss-heartbeat", 0, 80, 24)
			for m.run.Feed.Detects == 0 {
				m = press(t, m, "j")
			}
			return finishSeek(t, press(t, m, "B"))
		}},
		{"filter", func(t *testing.T) Model {
			m := press(t, labAt(t, "thundering-herd", 76*time.Second, 80, 24), "/")
			for _, r := range "client#7" {
				m = press(t, m, string(r))
			}
			return finishSeek(t, press(t, m, "enter"))
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			view := c.make(t).View()
			checkScreen(t, view, 80, 24)
			golden.RequireEqual(t, []byte(view+"\n"))
		})
	}
}

// The inspector says why a packet was dropped in the reader's words, as
// its row on the wire does ("主机断电"; TestInspectAPacket has "host
// off"), never the event stream's code ("host-down"); a middlebox's drop
// adds the rule it dropped by.
func TestInspectorSaysWhyInWords(t *testing.T) {
	for _, c := range []struct {
		scenario string
		at       time.Duration
		why      netsim.Why
		lang     i18n.Lang
		want     []string
		code     string
	}{
		{"power-loss-heartbeat", 110 * time.Second, netsim.WhyHostDown, i18n.Chinese,
			[]string{"被丢弃：主机断电，在 client，"}, "host-down"},
		{"firewall-idle-drop", 603 * time.Second, netsim.WhyFirewall, i18n.English,
			[]string{"dropped: firewall, at fw, ", "by its rule: conntrack took a mid-stream segment"}, "new-without-syn"},
	} {
		t.Run(c.scenario+"/"+c.lang.String(), func(t *testing.T) {
			m := labAtIn(t, c.scenario, c.at, 120, 40, c.lang)
			first := findRow(t, m, func(r *feed.Row) bool { return r.Kind == feed.RowSegment && r.End != nil && r.End.Why == c.why })
			for range int(m.wire.Feed().Wire.Total() - first) {
				m = press(t, m, "up")
			}
			view := press(t, m, "enter").View()
			for _, w := range c.want {
				if !strings.Contains(view, w) {
					t.Errorf("the inspector does not say %q:\n%s", w, view)
				}
			}
			if strings.Contains(view, c.code) {
				t.Errorf("the inspector shows the code %q:\n%s", c.code, view)
			}
		})
	}
}
