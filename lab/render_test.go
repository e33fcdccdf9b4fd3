package lab

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// TestNarrationInBothLanguages: one run, its trace rendered afterwards in
// each language. The narrations and the words of detect lines change;
// codes, hosts and addresses do not, and the JSON keeps the same fields,
// with the message's id beside its text.
func TestNarrationInBothLanguages(t *testing.T) {
	r := newRecorder(t, twoHosts(
		serverApp(func(a *AppConfig) { a.Heartbeat.Expect = 45 * time.Second }),
		clientApp(func(a *AppConfig) { a.Heartbeat.Interval = 10 * time.Second; a.Heartbeat.Timeout = 5 * time.Second }),
	))
	r.s.RunUntil(65 * time.Second)
	if err := r.s.Apply(Action{Do: "power_off", Target: "client"}); err != nil {
		t.Fatal(err)
	}
	r.s.RunUntil(2 * time.Minute)

	var lines = map[i18n.Lang][]string{}
	var json = map[i18n.Lang][]string{}
	for _, e := range r.events {
		switch e.(type) {
		case *NarrationEvent, *DetectEvent, *LogEvent:
			for _, l := range i18n.Langs {
				lines[l] = append(lines[l], Format(e, l))
				json[l] = append(json[l], string(AppendJSON(nil, e, l)))
			}
		}
	}
	want := map[i18n.Lang][]string{
		i18n.English: {
			"00:00:00.003  narration server accepted 10.0.0.2:47659: a new socket with its own 5-tuple (tcp 10.0.0.1:8080 > 10.0.0.2:47659), served by a handler of its own, while the listening socket on port 8080 goes on listening for more.",
			"00:01:05.000  narration client lost power. It sends nothing as it dies: no FIN, no RST. Its peers are not told, and their connections stay ESTABLISHED until something they send, or a timer, finds out.",
			"00:01:45.003  detect    server   10.0.0.2:47659 is gone: silent for 45s ≥ heartbeat.expect 45s",
			"00:01:45.003  narration server declares 10.0.0.2:47659 dead: no heartbeat, silent for 45s ≥ heartbeat.expect 45s. TCP alone would not have told it. It closes the connection.",
			"00:01:45.003  log       server   server [warn] client 10.0.0.2:47659 gone: silent for 45s ≥ heartbeat.expect 45s; connection closed",
		},
		i18n.Chinese: {
			"00:00:00.003  narration server 接受了 10.0.0.2:47659 的连接：这是一个新的套接字，有自己的五元组（tcp 10.0.0.1:8080 > 10.0.0.2:47659），由专门的处理程序服务；端口 8080 上的监听套接字则继续监听，等待更多客户端。",
			"00:01:05.000  narration client 断电了。它倒下时什么也发不出：没有 FIN，也没有 RST。对端得不到任何通知，它们的连接仍是 ESTABLISHED，直到它们自己发出的数据或某个定时器发现问题。",
			"00:01:45.003  detect    server   10.0.0.2:47659 已断开，已静默 45 秒 ≥ heartbeat.expect 45 秒",
			"00:01:45.003  narration server 认定 10.0.0.2:47659 已断线：没有心跳，已静默 45 秒 ≥ heartbeat.expect 45 秒。单靠 TCP，它是发现不了的。它关闭连接。",
			"00:01:45.003  log       server   server [warn] 客户端 10.0.0.2:47659 已断开：已静默 45 秒 ≥ heartbeat.expect 45 秒；连接已关闭",
		},
	}
	for _, l := range i18n.Langs {
		if diff := cmp.Diff(want[l], lines[l]); diff != "" {
			t.Errorf("lines in %v (-want +got):\n%s", l, diff)
		}
	}
	for i := range json[i18n.English] {
		en, zh := json[i18n.English][i], json[i18n.Chinese][i]
		if strings.Contains(en, `"kind":"narration"`) || strings.Contains(en, `"kind":"log"`) {
			id := en[strings.Index(en, `,"id":`):]
			if !strings.HasSuffix(zh, id) || !strings.HasPrefix(id, `,"id":"narrate.`) && !strings.HasPrefix(id, `,"id":"log.`) {
				t.Errorf("the id must be the same in both languages and last: %s / %s", en, zh)
			}
			continue
		}
		if en != zh {
			t.Errorf("a detect event's JSON is language-neutral:\n%s\n%s", en, zh)
		}
	}
	// The plain Line and AppendJSON are the English ones.
	for _, e := range r.events {
		if e.Line() != Line(e, i18n.English) || string(netsim.AppendJSON(nil, e)) != string(AppendJSON(nil, e, i18n.English)) {
			t.Fatalf("%T: the default rendering is not English", e)
		}
	}
}

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"A power cut\n  sends nothing.\n": "A power cut sends nothing.",
		"断电时客户端\n无法发送 fin 包。\n":           "断电时客户端无法发送 fin 包。",
		"心跳包的格式，\n大小。":                    "心跳包的格式，大小。",
		"服务端的 TCP\n无从知道":                  "服务端的 TCP 无从知道",
		"连接仍是\nESTABLISHED。":              "连接仍是 ESTABLISHED。",
		"Go、Java、\nPython 里":              "Go、Java、Python 里",
		"而是两个：\nconntrack":                "而是两个：conntrack",
		"名下。\nnat-b 是":                    "名下。nat-b 是",
		"SO_RCVTIMEO\n（也就是":               "SO_RCVTIMEO（也就是",
		"回应也到了——\n只是太晚了":                  "回应也到了——只是太晚了",
		"它说“\n你好”":                        "它说“你好”",
		"late —\ntoo late":                "late — too late",
	} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEveryTimerHasALabel: the snapshot names a TCP timer by its kind
// ("timer.rto"); each kind must be in the catalog.
func TestEveryTimerHasALabel(t *testing.T) {
	for _, k := range netsim.TimerKinds() {
		if got := i18n.M(i18n.ID("timer." + k.String())).In(i18n.Chinese); strings.HasPrefix(got, "[") {
			t.Errorf("timer %s has no label: %s", k, got)
		}
	}
}

// A detection's row puts its actor before it with a colon ("server: …"),
// so its words add no second colon: the rule it names follows a comma.
// In Chinese two full-width colons (server：已断开：…) read as a stutter,
// in both forms; the English wide form keeps "is gone: rule", the trace's
// words (docs/events.md), where the peer stands between the two.
func TestDetectRowHasOneColon(t *testing.T) {
	for _, cause := range []netsim.Cause{netsim.CauseKeepalive, netsim.CauseConnectTimeout} {
		e := &DetectEvent{Host: "server", Peer: "10.0.0.2:47659", Cause: cause,
			Rule: i18n.M(i18n.RuleRetries, "Silent", 46*time.Second)}
		for _, m := range []i18n.Message{e.ShortMessage(), e.Message()} {
			row := i18n.M(i18n.UIRowActor, "Who", "server", "What", m)
			if got := row.In(i18n.Chinese); strings.Count(got, "：") != 1 {
				t.Errorf("%s: %q has %d full-width colons, want 1", m.ID, got, strings.Count(got, "："))
			}
			if got := row.In(i18n.English); m.ID != e.Message().ID && strings.Count(got, ": ") != 1 {
				t.Errorf("%s: %q has %d colons, want 1", m.ID, got, strings.Count(got, ": "))
			}
		}
	}
}
