package lab

import (
	"strings"
	"testing"
	"time"

	"github.com/socklab/socklab/lab/i18n"
)

// At 80 columns a wire row keeps its point whole rather than cut with
// "…": a call leaves out the arguments after its descriptor (the port
// column and the connections pane name the peer), a detection its peer;
// at 200 columns they say everything. The Chinese key line keeps every key
// the English one shows.
func TestNarrowRowsKeepTheirPoint(t *testing.T) {
	for _, c := range []struct {
		scenario string
		at       time.Duration
		w, h     int
		want     string
	}{
		{"listen-backlog", 164 * time.Second, 80, 24, ":50961    ├» [clients#3] connect(3, …) = -1 ETIMEDOUT <133.9 s>"},
		{"listen-backlog", 164 * time.Second, 200, 60, "├» [clients#3] connect(3, 10.0.0.1:8080) = -1 ETIMEDOUT <133.9 s>"},
		{"keepalive-tuned", 3 * time.Minute, 80, 24, ":47659 ! server: gone, silent for 46.06s ≥ keepalive 30s + 3 × 5s"},
		{"keepalive-tuned", 3 * time.Minute, 200, 60, "! server: 10.0.0.2:47659 is gone: silent for 46.06s ≥ keepalive 30s + 3 × 5s"},
	} {
		t.Run(c.scenario, func(t *testing.T) {
			if view := labAt(t, c.scenario, c.at, c.w, c.h).View(); !strings.Contains(view, c.want) {
				t.Errorf("at %d×%d the wire does not show %q:\n%s", c.w, c.h, c.want, view)
			}
		})
	}

	keys := func(l i18n.Lang) int {
		lines := strings.Split(labAtIn(t, "power-loss-heartbeat", 0, 80, 24, l).View(), "\n")
		return len(strings.Fields(lines[len(lines)-1])) // └, key and word pairs, rule and ┘
	}
	if en, zh := keys(i18n.English), keys(i18n.Chinese); en != zh {
		t.Errorf("the Chinese key line has %d fields at 80 columns, the English %d", zh, en)
	}
}

// At 80×24 the narration pane has three lines, and an orphan's give-up
// (preset-ssh, 4:11.672) needs six: its point — the kernel frees the
// socket without a word, no RST, nobody to tell — comes first, so the
// three lines keep it; the numbers follow, a scroll away.
func TestNarrowNarrationKeepsItsPoint(t *testing.T) {
	for _, c := range []struct {
		lang i18n.Lang
		want []string
	}{
		{i18n.English, []string{"04:11.672 laptop's TCP gives up on the socket to 10.0.0.1:22 that its",
			"application closed, and frees it without a word: no RST, and no",
			"application left to tell. 8 retransmissions went unanswered."}},
		{i18n.Chinese, []string{"04:11.672 laptop 的 TCP 放弃了连向 10.0.0.1:22、已被应用程序关闭的套接字，并",
			"悄悄释放它：不发 RST，也没有应用程序可以通知。8 次重传都没有回应。"}},
	} {
		view := labAtIn(t, "preset-ssh", 4*time.Minute+12*time.Second, 80, 24, c.lang).View()
		for _, w := range c.want {
			if !strings.Contains(view, w) {
				t.Errorf("%v: at 80×24 the narration does not show %q:\n%s", c.lang, w, view)
			}
		}
	}
}
