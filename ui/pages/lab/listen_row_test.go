package lab

import (
	"strings"
	"testing"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
)

// TestListenRowsFitAt80: at 80×24, in English and Chinese, a listening
// socket's line in the connections pane is whole — its accept queue and
// its SYN drops in the hosts pane's words when the full sentence does not
// fit ("listening · 2 of 2 waitin…" hid listen-backlog's 11 drops) — in
// every lesson a second in, and in listen-backlog once its third client
// has given up.
func TestListenRowsFitAt80(t *testing.T) {
	type at struct {
		name string
		t    time.Duration
		want map[i18n.Lang]string
	}
	var cases []at
	for _, info := range scenarios.Lessons() {
		cases = append(cases, at{name: info.Name, t: time.Second})
	}
	cases = append(cases, at{"listen-backlog", 2*time.Minute + 14100*time.Millisecond,
		map[i18n.Lang]string{i18n.English: "queue 2/2 · 11 SYN drops", i18n.Chinese: "队列 2/2 · 丢弃 11 个 SYN"}})
	listens := 0
	for _, c := range cases {
		for _, l := range i18n.Langs {
			m := labAtIn(t, c.name, c.t, 80, 24, l)
			for _, line := range strings.Split(m.View(), "\n") {
				if !strings.Contains(line, " LISTEN ") {
					continue
				}
				listens++
				if strings.Contains(line, "…") {
					t.Errorf("%s (%s) at %v: a listening socket's line is cut: %q", c.name, l, c.t, line)
				}
				if want := c.want[l]; want != "" && !strings.Contains(line, want) {
					t.Errorf("%s (%s) at %v: got %q, want it to say %q", c.name, l, c.t, line, want)
				}
			}
		}
	}
	if listens < 40 {
		t.Errorf("read %d listening sockets' lines, want at least 40", listens)
	}
}
