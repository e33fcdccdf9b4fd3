package timers

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/common"
)

// TestCountdownRoundsUp: a timer's time left reads as a countdown clock
// does, rounded up to the unit shown. A 10 s ping timer armed at 0.020
// has 9.99 s left at 0.030: it reads "10.0s" (truncated, as an age is, it
// read "9.9s" one tick after it was armed); at 9.9 s left exactly it
// reads "9.9s"; 1 ns before it is due, "1ms".
func TestCountdownRoundsUp(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	c := common.NewCommon(r, i18n.English)
	start := 20 * time.Millisecond
	for _, tc := range []struct {
		now  time.Duration
		want string
	}{
		{30 * time.Millisecond, "10.0s"},
		{120 * time.Millisecond, "9.9s"},
		{10*time.Second + start - 1, "1ms"},
	} {
		m := New(c, []string{"client"})
		m.SetSize(60, 3)
		m.SetSnapshot(&lab.Snapshot{Now: tc.now, Timers: []lab.TimerView{{
			Host: "client", App: "client", Name: i18n.TimerNextPing, Label: i18n.M(i18n.TimerNextPing),
			Start: start, Deadline: start + 10*time.Second,
		}}})
		lines := m.Lines()
		if len(lines) != 1 || !strings.HasSuffix(lines[0], " "+tc.want) {
			t.Errorf("at %v: got %q, want one line ending in %q", tc.now, lines, tc.want)
		}
	}
}
