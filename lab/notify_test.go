package lab

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/socklab/socklab/lab/i18n"
)

// The heartbeat recipe's last steps, as a client takes them when its
// heartbeat finds the server gone: it closes the connection, writes a log
// line, tells its user, and reconnects; when reconnect.max_attempts runs
// out, it logs an error and tells the user it gave up. Both languages.
func TestClientLogsAndNotifies(t *testing.T) {
	cfg := withTimeline(twoHosts(serverApp(nil), clientApp(func(a *AppConfig) {
		a.Heartbeat.Interval, a.Heartbeat.Timeout = 5*time.Second, 2*time.Second
		a.Reconnect = BackoffConfig{Policy: BackoffFixed, Base: time.Second, MaxAttempts: 2, ConnectTimeout: time.Second}
	})), TimedAction{At: 6 * time.Second, Action: Action{Do: "link_down", Target: "client-server"}})
	r := newRecorder(t, cfg)
	r.s.RunUntil(time.Minute)
	got := map[i18n.Lang][]string{}
	for _, e := range r.events {
		switch e.(type) {
		case *LogEvent, *NoticeEvent:
			for _, l := range i18n.Langs {
				got[l] = append(got[l], Format(e, l))
			}
		case *NarrationEvent:
			if n := e.(*NarrationEvent); n.Msg.ID == i18n.NarrateLogNotify || n.Msg.ID == i18n.NarrateLogGiveUp {
				got[i18n.English] = append(got[i18n.English], Format(e, i18n.English))
			}
		}
	}
	want := map[i18n.Lang][]string{
		i18n.English: {
			"00:00:12.002  log       client   client [warn] connection to 10.0.0.1:8080 lost: ping #2 unanswered within 2s; reconnecting",
			"00:00:12.002  notice    client   client “Connection lost. Reconnecting…”",
			"00:00:12.002  narration client writes it to its log and tells its user: “Connection lost. Reconnecting…” Reconnect, log, notify the user: the last steps of every detection recipe.",
			"00:00:16.002  log       client   client [error] gave up reaching 10.0.0.1:8080 after 2 attempts",
			"00:00:16.002  notice    client   client “Cannot reach the server. Please try again later.”",
			"00:00:16.002  narration client writes an error to its log and tells its user: “Cannot reach the server. Please try again later.”",
		},
		i18n.Chinese: {
			"00:00:12.002  log       client   client [warn] 与 10.0.0.1:8080 的连接已断开：第 2 个心跳在 2 秒内无应答；正在重连",
			"00:00:12.002  notice    client   client “连接已断开，正在重新连接……”",
			"00:00:16.002  log       client   client [error] 尝试 2 次后放弃连接 10.0.0.1:8080",
			"00:00:16.002  notice    client   client “无法连接服务器，请稍后再试。”",
		},
	}
	for _, l := range i18n.Langs {
		if diff := cmp.Diff(want[l], got[l]); diff != "" {
			t.Errorf("%v (-want +got):\n%s", l, diff)
		}
	}
}
