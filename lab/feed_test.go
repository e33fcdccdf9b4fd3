package lab

import (
	"testing"
	"time"
)

// A feed with an event every 10 s on average, read three ways for an hour:
// short polling every 5 s, long polling and push. Push is fastest and
// cheapest; short polling's mean latency is near half its interval.
func TestPollingVersusPush(t *testing.T) {
	poller := func(name, mode string) AppConfig {
		return clientApp(func(a *AppConfig) {
			a.Name, a.Kind = name, KindPoller
			a.Poll = PollConfig{Mode: mode, Interval: 5 * time.Second}
		})
	}
	cfg := twoHosts(
		serverApp(func(a *AppConfig) { a.Kind = KindFeed; a.Feed.MeanInterval = 10 * time.Second }),
		poller("short", PollShort), poller("long", PollLong), poller("push", PollPush),
	)
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.RunUntil(time.Hour)
	stats := map[string]PollStats{}
	for _, a := range s.Snapshot().Apps {
		if a.Poll != nil {
			stats[a.Name] = *a.Poll
		}
	}
	short, long, push := stats["short"], stats["long"], stats["push"]
	for _, name := range []string{"short", "long", "push"} {
		st := stats[name]
		t.Logf("%-5s %3d events, mean latency %-10v max %-10v %4d requests, %6d B sent, %6d B received",
			name, st.Events, st.MeanLatency(), st.MaxLatency, st.Requests, st.BytesSent, st.BytesRecv)
	}
	if short.Events < 300 || short.Events != long.Events || long.Events != push.Events {
		t.Fatalf("events delivered: short %d, long %d, push %d; want the same few hundred", short.Events, long.Events, push.Events)
	}
	if !(push.MeanLatency() <= long.MeanLatency() && long.MeanLatency() < short.MeanLatency()) {
		t.Errorf("mean latency push %v, long %v, short %v: want push ≤ long < short",
			push.MeanLatency(), long.MeanLatency(), short.MeanLatency())
	}
	bytes := func(p PollStats) uint64 { return p.BytesSent + p.BytesRecv }
	if !(bytes(push) < bytes(long) && bytes(long) < bytes(short)) {
		t.Errorf("bytes push %d, long %d, short %d: want push < long < short", bytes(push), bytes(long), bytes(short))
	}
	if m := short.MeanLatency(); m < 2*time.Second || m > 3*time.Second {
		t.Errorf("short polling's mean latency %v, want near 2.5 s (half its 5 s interval)", m)
	}
	if push.Requests != 1 || short.Requests < 700 {
		t.Errorf("requests: push %d (want 1), short %d (want about 720)", push.Requests, short.Requests)
	}
}
