package lab

import (
	"strings"
	"testing"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/script"
	"github.com/socklab/socklab/netsim"
)

// A server with keepalive 5 s / 2 s / 3 finds a client that lost power.
// The narration gives the rule's figure, idle + interval × count = 11 s
// after the last segment received, and, when the kernel's timer wheel
// made the detection later, the slack apart: at most the 5 s idle's level
// granule (256 ms) and the 2 s interval's (16 ms, strictly past) three
// times. With exact timers there is no slack to tell.
func TestKeepaliveNarrationTellsTheSlack(t *testing.T) {
	const idle, intvl, count = 5 * time.Second, 2 * time.Second, 3
	rule := idle + count*intvl
	for _, timers := range []string{"wheel", "exact"} {
		t.Run(timers, func(t *testing.T) {
			cfg := twoHosts(
				serverApp(func(a *AppConfig) {
					a.Keepalive = KeepaliveConfig{Enabled: true, Idle: idle, Interval: intvl, Count: count}
				}),
				clientApp(func(a *AppConfig) { a.Reconnect.Policy = BackoffNone }),
			)
			cfg.Hosts[0].Sysctl = map[string]string{"timer_wheel": timers}
			r := newRecorder(t, cfg)
			r.s.RunUntil(time.Second)
			r.apply(Action{Do: "power_off", Target: "client"})
			r.s.RunUntil(time.Minute)

			var said i18n.Message
			for _, e := range r.events {
				if n, ok := e.(*NarrationEvent); ok && (n.Msg.ID == i18n.NarrateDetectKeepalive || n.Msg.ID == i18n.NarrateDetectKASlack) {
					said = n.Msg
				}
			}
			ds := r.detects()
			if len(ds) != 1 || ds[0].Cause != netsim.CauseKeepalive {
				t.Fatalf("detections %v, want one by keepalive", ds)
			}
			silent := ds[0].Silent
			slack := silent - rule
			switch timers {
			case "exact":
				if slack != 0 || said.ID != i18n.NarrateDetectKeepalive {
					t.Errorf("exact: silent %v, narrated %q; want the rule's %v and no slack", silent, said, rule)
				}
			case "wheel":
				if slack <= 0 || slack > (256+3*16)*time.Millisecond {
					t.Errorf("wheel: silent %v, %v past the rule; want (0, 304ms]", silent, slack)
				}
				want := i18n.M(i18n.NarrateDetectKASlack, "Who", "server", "Silent", netsim.Shown(silent), "Peer", "10.0.0.2:47659",
					"Rule", rule, "Slack", netsim.Shown(slack), "Then", i18n.M(i18n.NarrateThenClose))
				for _, l := range i18n.Langs {
					if got := said.In(l); got != want.In(l) {
						t.Errorf("%v:\n got %s\nwant %s", l, got, want.In(l))
					}
				}
			}
		})
	}
}

// A client app's give-ups by the kernel, told from the rule where the
// timer wheel's slack moved them (lab/slack): a connect() to a host that
// is off (the SYN schedule's 131 s, then the slack), and the give-up of
// retransmission to a peer whose cable was pulled (tcp_retries2 = 15, a
// budget of 924.6 s). With exact timers the narration gives the figure
// alone.
func TestClientGiveUpsTellTheSlack(t *testing.T) {
	for _, tc := range []struct {
		name         string
		at           time.Duration // when the fault comes
		fault        Action
		exact, wheel i18n.ID
		rule         string // in the wheel's narration
	}{
		{"connect", 0, Action{Do: "power_off", Target: "server"}, i18n.NarrateConnectTimeout, i18n.NarrateConnectSlack,
			"2m11s by the rule"},
		{"retransmission", 1500 * time.Millisecond, Action{Do: "link_down", Target: "client-server"}, i18n.NarrateDetectRetries,
			i18n.NarrateDetectRetriesSlack, "tcp_retries2 = 15 is a budget of time, 15m24.6s from the first retransmission"},
	} {
		for _, timers := range []string{"exact", "wheel"} {
			t.Run(tc.name+"/"+timers, func(t *testing.T) {
				cfg := twoHosts(serverApp(nil), clientApp(func(a *AppConfig) {
					a.Reconnect.Policy = BackoffNone
					a.Traffic = TrafficConfig{Interval: time.Second, Size: 10}
				}))
				cfg.Hosts[1].Sysctl = map[string]string{"timer_wheel": timers}
				r := newRecorder(t, cfg)
				r.s.RunUntil(tc.at)
				r.apply(tc.fault)
				r.s.RunUntil(time.Hour)
				var said []i18n.Message
				for _, e := range r.events {
					if n, ok := e.(*NarrationEvent); ok && (n.Msg.ID == tc.exact || n.Msg.ID == tc.wheel) {
						said = append(said, n.Msg)
					}
				}
				want := map[string]i18n.ID{"exact": tc.exact, "wheel": tc.wheel}[timers]
				if len(said) != 1 || said[0].ID != want {
					t.Fatalf("narrated %v, want one %s", said, want)
				}
				if got := said[0].In(i18n.English); timers == "wheel" && !strings.Contains(got, tc.rule) {
					t.Errorf("wheel: %q lacks %q", got, tc.rule)
				}
			})
		}
	}
}

// The power-off narration says what is true at that moment of the
// connections other hosts hold to the host: none yet (a server cut
// before its client connects), all ESTABLISHED (the half-open lessons),
// or other states, named.
func TestPowerOffNarrationSaysWhatIsTrueThen(t *testing.T) {
	apps := twoHosts(serverApp(nil), clientApp(func(a *AppConfig) { a.Start = time.Second }))
	halfClosed := twoHosts(
		AppConfig{Name: "server", Kind: KindScript, Host: "server", Steps: []script.Step{
			{Call: script.Listen, Port: 8080}, {Call: script.Accept, Count: 1}, {Call: script.Shutdown, How: script.ShutWR},
		}},
		AppConfig{Name: "client", Kind: KindScript, Host: "client", Steps: []script.Step{
			{Call: script.Connect, Host: "server", Port: 8080}, {Call: script.Sleep, Sleep: time.Minute},
		}},
	)
	for _, tc := range []struct {
		name   string
		cfg    Config
		at     time.Duration
		target string
		want   i18n.Message
	}{
		{"no connection yet", apps, 0, "server", i18n.M(i18n.NarratePowerOffAlone, "Host", "server")},
		{"its peer ESTABLISHED", apps, 5 * time.Second, "client", i18n.M(i18n.NarratePowerOff, "Host", "client")},
		{"its peer half-closed", halfClosed, 5 * time.Second, "client",
			i18n.M(i18n.NarratePowerOffStates, "Host", "client", "States", i18n.List{"FIN_WAIT_2"})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRecorder(t, tc.cfg)
			r.s.RunUntil(tc.at)
			r.apply(Action{Do: "power_off", Target: tc.target})
			var got i18n.Message
			for _, e := range r.events {
				if n, ok := e.(*NarrationEvent); ok && strings.HasPrefix(string(n.Msg.ID), "narrate.power_off") {
					got = n.Msg
				}
			}
			for _, l := range i18n.Langs {
				if got.In(l) != tc.want.In(l) {
					t.Errorf("%v: got %q, want %q", l, got.In(l), tc.want.In(l))
				}
			}
		})
	}
}
