package lab

import (
	"math"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/socklab/socklab/ui/common/screentest"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/format"
)

// goldenCases are the scenarios whose screens are golden files, each at a
// simulated time where its lesson is on screen.
var goldenCases = []struct {
	scenario string
	at       time.Duration
}{
	{"power-loss-heartbeat", 110 * time.Second},            // the server has just detected the silent client
	{"handshake", 5070 * time.Millisecond},                 // three clients accepted, three 5-tuples
	{"heartbeat-reconnect", 34 * time.Second},              // ping #6 unanswered; reconnecting to a dead link
	{"firewall-idle-drop", 10*time.Minute + 3*time.Second}, // the flow is forgotten, the client's data dies at the firewall
	{"thundering-herd", 76 * time.Second},                  // the herd is back, the backlog overflowed
	{"write-after-close", 3500 * time.Millisecond},         // a socket script: write = 100, the RST, then EPIPE
}

// goldenSizes are the sizes a class uses: a small projector, a laptop, a
// large screen.
var goldenSizes = [][2]int{{80, 24}, {120, 40}, {200, 60}}

// TestViewGolden compares the screen with testdata/TestViewGolden/*.golden
// at 80×24, 120×40 and 200×60. Refresh them with go test ./ui/pages/lab
// -update.
func TestViewGolden(t *testing.T) {
	for _, c := range goldenCases {
		for _, size := range goldenSizes {
			name := c.scenario + "/" + format.Itoa(size[0]) + "x" + format.Itoa(size[1])
			t.Run(name, func(t *testing.T) {
				m := labAt(t, c.scenario, c.at, size[0], size[1])
				view := m.View()
				checkScreen(t, view, size[0], size[1])
				golden.RequireEqual(t, []byte(view+"\n"))
			})
		}
	}
}

// TestViewGoldenChinese compares the same screens in Chinese with
// testdata/TestViewGoldenChinese/*.golden, at 80×24 and 200×60: every
// label, title and narration in Chinese, every line still exactly the
// terminal's width in display cells (a Chinese character takes two), no
// border broken.
func TestViewGoldenChinese(t *testing.T) {
	for _, c := range goldenCases {
		for _, size := range [][2]int{{80, 24}, {200, 60}} {
			name := c.scenario + "/" + format.Itoa(size[0]) + "x" + format.Itoa(size[1])
			t.Run(name, func(t *testing.T) {
				m := labAtIn(t, c.scenario, c.at, size[0], size[1], i18n.Chinese)
				view := m.View()
				checkScreen(t, view, size[0], size[1])
				checkBorders(t, view)
				golden.RequireEqual(t, []byte(view+"\n"))
			})
		}
	}
}

// checkBorders fails when a frame's right border is not in the last
// column of a line that starts with one: a wide character pushed it.
func checkBorders(t *testing.T, view string) {
	t.Helper()
	for i, l := range strings.Split(view, "\n") {
		first, _ := utf8.DecodeRuneInString(l)
		last, _ := utf8.DecodeLastRuneInString(l)
		if strings.ContainsRune("│├┌└", first) && !strings.ContainsRune("│┤┐┘", last) {
			t.Errorf("line %d opens a frame but does not close it: %q", i, l)
		}
	}
}

// checkScreen fails unless view is exactly h lines of exactly w cells:
// nothing wraps, nothing is missing.
func checkScreen(t *testing.T, view string, w, h int) { screentest.Check(t, view, w, h) }

// TestViewFitsEverySize draws every kind of screen at sizes from tiny to
// large, with each overlay open: every frame must fill the terminal exactly.
func TestViewFitsEverySize(t *testing.T) {
	sizes := [][2]int{{20, 5}, {39, 7}, {40, 8}, {50, 10}, {60, 20}, {63, 24}, {64, 24}, {80, 24}, {100, 30}, {120, 40}, {160, 48}, {200, 60}, {250, 70}}
	for _, c := range goldenCases {
		for _, l := range i18n.Langs {
			m := labAtIn(t, c.scenario, c.at, 80, 24, l)
			for _, size := range sizes {
				for _, open := range []string{"", "f", "e", "?", "c", "enter", "/"} {
					mm := update(t, m, resize(size[0], size[1]))
					if open != "" {
						mm = press(t, mm, open)
					}
					view := mm.View()
					if size[0] < minWidth || size[1] < minHeight {
						for _, l := range strings.Split(view, "\n") {
							if ansi.StringWidth(l) > size[0] {
								t.Fatalf("%s %dx%d: a line is wider than the terminal: %q", c.scenario, size[0], size[1], l)
							}
						}
						continue
					}
					t.Run("", func(t *testing.T) { checkScreen(t, view, size[0], size[1]); checkBorders(t, view) })
				}
			}
		}
	}
}

// TestLanguageSwitchesLive: L shows everything in the other language at
// once, the narrations already on screen included, and back again.
func TestLanguageSwitchesLive(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 110*time.Second, 200, 60)
	en := m.View()
	m = press(t, m, "L")
	zh := m.View()
	for _, want := range []string{"语言：中文", "正在发生什么", "断电了", "已断线：没有心跳", "主机", "定时器", "连接 1", "线路", "L English"} {
		if !strings.Contains(zh, want) {
			t.Errorf("after L, the screen does not show %q:\n%s", want, zh)
		}
	}
	for _, gone := range []string{"what is happening", "lost power", "declares it dead"} {
		if strings.Contains(zh, gone) {
			t.Errorf("after L, the screen still shows %q:\n%s", gone, zh)
		}
	}
	checkScreen(t, zh, 200, 60)
	m = press(t, m, "L")
	back := m.View()
	if !strings.Contains(back, "language: English") {
		t.Errorf("after L again, no note of the language:\n%s", back)
	}
	if strings.Replace(back, "language: English", "", 1) == en || !strings.Contains(back, "what is happening") || strings.Contains(back, "正在发生什么") {
		t.Errorf("after L again, the screen is not back in English:\n%s", back)
	}
}

// TestViewIsPlainUnderAscii: with no colour (NO_COLOR), the screen has no
// escape sequence at all, and still says what state each connection is in.
func TestViewIsPlainUnderAscii(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 30*time.Second, 120, 40)
	view := m.View()
	if strings.Contains(view, "\x1b") {
		t.Fatalf("escape sequences under the Ascii profile:\n%q", view)
	}
	for _, want := range []string{"ESTABLISHED", "ping #", "pong #", "next ping", "heartbeat timeout", "what is happening"} {
		if !strings.Contains(view, want) {
			t.Errorf("the screen does not show %q:\n%s", want, view)
		}
	}
}

// TestViewShowsTheLessonFirst: before anything runs, "what is happening"
// holds the scenario's teaching text.
func TestViewShowsTheLessonFirst(t *testing.T) {
	m := labAt(t, "power-loss-heartbeat", 0, 120, 40)
	view := m.View()
	for _, want := range []string{"A power cut sends nothing", "❚❚ paused", "t 00:00.000 / 03:00", "seed 1", ":8080", "SYN_SENT"} {
		if !strings.Contains(view, want) {
			t.Errorf("the first screen does not show %q:\n%s", want, view)
		}
	}
}

// TestChineseNamesFit: a scenario written by a Chinese teacher names its
// hosts and apps in Chinese; lanes, columns and borders still line up, in
// both languages and at every size.
func TestChineseNamesFit(t *testing.T) {
	text := `title: {en: Power loss, zh: 断电}
teaches: {zh: 断电时客户端无法发送 FIN。}
duration: 3m
hosts:
  服务器: {ip: 10.0.0.1}
  客户端: {ip: 10.0.0.2}
links:
  - {between: [客户端, 服务器], latency: 10ms}
apps:
  服务: {kind: server, host: 服务器, port: 8080, heartbeat: {expect: 45s}}
  手机: {kind: client, host: 客户端, connect: 服务器, port: 8080, heartbeat: {interval: 10s, timeout: 5s}}
timeline:
  - {at: 65s, do: power_off, target: 客户端}
`
	sc, err := scenarios.Parse("chinese", "chinese.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range i18n.Langs {
		m, err := New(testCommonIn(l), sc)
		if err != nil {
			t.Fatal(err)
		}
		m = update(t, m, resize(80, 24))
		m.run.Advance(110*time.Second, math.MaxInt)
		m.refresh()
		for _, size := range [][2]int{{64, 24}, {80, 24}, {120, 40}, {200, 60}} {
			for _, open := range []string{"", "f", "e", "?", "c", "enter", "/"} {
				mm := update(t, m, resize(size[0], size[1]))
				if open != "" {
					mm = press(t, mm, open)
				}
				view := mm.View()
				checkScreen(t, view, size[0], size[1])
				checkBorders(t, view)
				if open == "" && !strings.Contains(view, "客户端") {
					t.Errorf("%v %dx%d: the host's name is not on screen:\n%s", l, size[0], size[1], view)
				}
			}
		}
	}
}

// shortLabel is a segment written in its short form: "[S] 0", "[P.] 71:85
// ack 71", "[R.]".
var shortLabel = regexp.MustCompile(`\[[SFRPU.]{1,4}\]`)

// quoted is what an application says, in quotes (a notice to its user):
// its own "…" is not a cut.
var quoted = regexp.MustCompile(`“[^”]*”`)

// Acceptance 1 of issue 9: at 200×60 the golden scenarios write every wire
// label in full, and the ladder's outer lanes are at least 70 % of the
// wire's width apart.
func TestWideLadderWritesEveryLabelInFull(t *testing.T) {
	for _, c := range goldenCases {
		m := labAt(t, c.scenario, c.at, 200, 60)
		lines := m.wire.Lines()
		first, last := 200, 0
		for _, l := range lines[1:] {
			if shortLabel.MatchString(l) || strings.Contains(quoted.ReplaceAllString(l, ""), "…") {
				t.Errorf("%s: a wire label is abbreviated at 200×60:\n%s", c.scenario, l)
			}
			cells := []rune(l)
			for i, r := range cells {
				if strings.ContainsRune("│├┤", r) {
					first, last = min(first, i), max(last, i)
				}
			}
		}
		if span := last - first; span < 196*7/10 {
			t.Errorf("%s: the ladder's lanes span %d cells of 196, want at least 70%%", c.scenario, span)
		}
	}
}
