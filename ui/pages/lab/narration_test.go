package lab

import (
	"strings"
	"testing"
	"time"

	"github.com/socklab/socklab/scenarios"
)

// shows says the narration pane holds words in sequence (across its
// lines, whatever the wrapping).
func shows(m Model, words []string) bool {
	var fields []string
	for _, l := range m.log.Lines() {
		fields = append(fields, strings.Fields(strings.TrimSuffix(l, "…"))...)
	}
	return strings.Contains(" "+strings.Join(fields, " ")+" ", " "+strings.Join(words, " ")+" ")
}

// scrollToWords scrolls the narration down with ] line by line until it
// shows words, checking each key moves it one line; it reports whether it
// got there.
func scrollToWords(t *testing.T, m Model, words []string) bool {
	t.Helper()
	m.focus = paneLog
	m = press(t, m, "home")
	for range 200 {
		if shows(m, words) {
			return true
		}
		before := m.log.Lines()
		m = press(t, m, "]")
		after := m.log.Lines()
		if strings.Join(before, "\n") == strings.Join(after, "\n") {
			return false // at the end
		}
		if len(before) > 1 && len(after) > 0 && strings.TrimPrefix(after[0], "…") != strings.TrimPrefix(before[1], "…") &&
			!strings.HasSuffix(strings.TrimSpace(after[0]), strings.TrimSpace(strings.TrimSuffix(before[1], "…"))) {
			t.Fatalf("] moved more than a line:\nbefore %q\nafter  %q", before, after)
		}
	}
	return false
}

// Acceptance 3: at 80×24 the narration scrolls line by line to the last
// words of every built-in lesson's text.
func TestNarrationReachesTheEndOfEveryLesson(t *testing.T) {
	for _, info := range scenarios.Lessons() {
		t.Run(info.Name, func(t *testing.T) {
			m := labAt(t, info.Name, 0, 80, 24)
			sc, _ := scenarios.Load(info.Name)
			words := strings.Fields(sc.Teaches.En)
			last := words[max(0, len(words)-3):]
			if !scrollToWords(t, m, last) {
				t.Errorf("scrolling the narration never shows %q:\n%s", strings.Join(last, " "), m.View())
			}
		})
	}
}

// Acceptance 3: the handshake's accept narration, read to its end at
// 80×24.
func TestNarrationReachesTheEndOfTheAccept(t *testing.T) {
	m := labAt(t, "handshake", 1065*time.Millisecond, 80, 24)
	if !scrollToWords(t, m, strings.Fields("goes on listening for more.")) {
		t.Errorf("the accept narration's end is never shown:\n%s", m.View())
	}
}

// The newest narration, longer than the pane, shows from its beginning,
// and the cut is marked.
func TestNarrationShowsTheNewestFromItsBeginning(t *testing.T) {
	m := labAt(t, "handshake", 1065*time.Millisecond, 80, 24)
	lines := m.log.Lines()
	if !strings.Contains(lines[0], "server accepted") || !strings.HasSuffix(lines[len(lines)-1], "…") {
		t.Errorf("the accept narration is not shown from its beginning with its cut marked:\n%s", strings.Join(lines, "\n"))
	}
}
