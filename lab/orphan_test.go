package lab

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/socklab/socklab/lab/i18n"
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
		i18n.English: {"00:03:32.271  narration server's TCP gives up on the socket to 10.0.0.2:47659 its application closed: 8 retransmissions went unanswered. An orphan retries by tcp_orphan_retries = 0, which Linux reads as 8 while the socket is alive: 1m42.2s from the first retransmission, checked when the retransmission timer fires: here 1m46.856s after the first. The kernel frees the socket without a word: no RST, and no application left to tell."},
		i18n.Chinese: {"00:03:32.271  narration server 的 TCP 放弃了连向 10.0.0.2:47659、已被应用程序关闭的套接字：8 次重传都没有回应。孤儿套接字按 tcp_orphan_retries = 0 重试，套接字还活着时 Linux 把 0 当作 8：从第一次重传算起 1 分 42.2 秒，在重传定时器触发时检查：这里是第一次重传后 1 分 46.856 秒。内核悄悄释放这个套接字：不发 RST，也没有应用程序可以通知。"},
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
