package lab

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/script"
)

// The server closes the connection of a client that lost power; its FIN
// is never acknowledged, and the orphan it leaves gives up by
// tcp_orphan_retries. The narration says why then, with the numbers, in
// both languages; the orphan is forgotten once closed.
func TestOrphanGiveUpIsNarrated(t *testing.T) {
	r := newRecorder(t, twoHosts(
		serverApp(func(a *AppConfig) { a.Heartbeat.Expect = 45 * time.Second }),
		clientApp(func(a *AppConfig) { a.Heartbeat.Interval = 10 * time.Second; a.Heartbeat.Timeout = 5 * time.Second }),
	))
	r.s.RunUntil(65 * time.Second)
	r.apply(Action{Do: "power_off", Target: "client"})
	r.s.RunUntil(5 * time.Minute)

	got := map[i18n.Lang][]string{}
	for _, e := range r.events {
		if n, ok := e.(*NarrationEvent); ok && n.Msg.ID == i18n.NarrateOrphanGaveUp {
			for _, l := range i18n.Langs {
				got[l] = append(got[l], Format(e, l))
			}
		}
	}
	want := map[i18n.Lang][]string{
		i18n.English: {"00:03:32.271  narration server's TCP gives up on the socket to 10.0.0.2:47659 that its application closed, and frees it without a word: no RST, and no application left to tell. 8 retransmissions went unanswered. An orphan retries by tcp_orphan_retries = 0, which Linux reads as 8 while the socket is alive: 1m42.2s from the first retransmission, checked when the retransmission timer fires: here 1m46.856s after the first."},
		i18n.Chinese: {"00:03:32.271  narration server 的 TCP 放弃了连向 10.0.0.2:47659、已被应用程序关闭的套接字，并悄悄释放它：不发 RST，也没有应用程序可以通知。8 次重传都没有回应。孤儿套接字按 tcp_orphan_retries = 0 重试，套接字还活着时 Linux 把 0 当作 8：从第一次重传算起 1 分 42.2 秒，在重传定时器触发时检查：这里是第一次重传后 1 分 46.856 秒。"},
	}
	for _, l := range i18n.Langs {
		if diff := cmp.Diff(want[l], got[l]); diff != "" {
			t.Errorf("%v (-want +got):\n%s", l, diff)
		}
	}
	if len(r.s.orphans) != 0 {
		t.Errorf("%d orphans still remembered after they closed", len(r.s.orphans))
	}
}

// Script apps get the same sentences as the built-in ones when the kernel
// gives up on their sockets: the client's program closes after the cable
// is pulled, and its orphan gives up by tcp_orphan_retries; the server's
// program holds a connection whose data goes unacknowledged, and is in no
// call on it when tcp_retries2 runs out: the narration says that the
// program learns it only at its next call. Neither is a detection.
func TestScriptGiveUpsAreNarrated(t *testing.T) {
	server := AppConfig{Name: "server", Kind: KindScript, Host: "server", Steps: []script.Step{
		{Call: script.Listen, Port: 8080},
		{Call: script.Accept, Count: 1},
		{Call: script.Write, Text: "tick\n", At: 4 * time.Second, HasAt: true},
	}}
	client := AppConfig{Name: "client", Kind: KindScript, Host: "client", Steps: []script.Step{
		{Call: script.Connect, Host: "server", Port: 8080},
		{Call: script.Close, At: 5 * time.Second, HasAt: true},
	}}
	r := newRecorder(t, twoHosts(server, client))
	r.s.RunUntil(3 * time.Second)
	r.apply(Action{Do: "link_down", Target: "client-server"})
	r.s.RunUntil(20 * time.Minute)

	var got []string
	for _, e := range r.events {
		if n, ok := e.(*NarrationEvent); ok && (n.Msg.ID == i18n.NarrateOrphanGaveUp || strings.HasPrefix(string(n.Msg.ID), "narrate.detect.")) {
			got = append(got, Format(e, i18n.English))
		}
	}
	want := []string{
		"00:01:51.572  narration client's TCP gives up on the socket to 10.0.0.1:8080 that its application closed, and frees it without a word: no RST, and no application left to tell. 8 retransmissions went unanswered. An orphan retries by tcp_orphan_retries = 0, which Linux reads as 8 while the socket is alive: 1m42.2s from the first retransmission, checked when the retransmission timer fires: here 1m46.16s after the first.",
		"00:15:43.407  narration server retransmitted its unacknowledged data until tcp_retries2 ran out, and gave up: ETIMEDOUT, 15m43.404s after the last segment from 10.0.0.2:47659. No RST is sent. tcp_retries2 = 15 is a budget of time, 15m24.6s from the first retransmission, checked only when the retransmission timer fires. By the rule: 15 retransmissions, and the give-up 15m28.488s after the first; with the kernel's timer slack, which fires every timeout a little late and can push one past the budget: 15, and the give-up 15m38.992s after the first. The program is not told: it learns at its next call on the socket, which fails with ETIMEDOUT.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("narrations (-want +got):\n%s", diff)
	}
	if ds := r.detects(); len(ds) != 0 {
		t.Errorf("detections %v, want none: a script detects only by its calls", ds)
	}
}
