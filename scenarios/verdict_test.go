package scenarios

import (
	"testing"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/script"
	"github.com/socklab/socklab/netsim"
)

// A verdict says when something happened to the millisecond, as people
// read times, while it judges the exact time: a connect that failed at
// 2m14.100792748s (a time the timer wheel and the jiffy phase make) reads
// "at 2m14.1s", in run's output, the interface and the JSON's detail
// alike (they all show the same message). The millisecond is truncated,
// not rounded, as the timeline's stamp of the same event (00:02:14.100)
// and the syscall's <133.9 s>: one instant reads the same everywhere.
func TestVerdictTimesToTheMillisecond(t *testing.T) {
	at := 2*time.Minute + 14*time.Second + 100792748*time.Nanosecond
	window := []time.Duration{2*time.Minute + 14*time.Second, 2*time.Minute + 15*time.Second}
	call := &script.SyscallEvent{At: at, Host: "client", App: "client", Call: "connect", FD: 3,
		Args: "3, 10.0.0.1:8080", Ret: -1, Errno: netsim.ETIMEDOUT, Blocked: at - 200*time.Millisecond}
	if got := netsim.FormatTime(at); got != "00:02:14.100" {
		t.Fatalf("the timeline's stamp: got %s, want 00:02:14.100", got)
	}
	for _, tc := range []struct {
		name   string
		rule   expectRule
		judge  judge
		en, zh string
	}{
		{"syscall", &syscallRule{Call: "connect", Nth: 1, Between: window},
			judge{detected: true, detectAt: at, call: call},
			"connect(3, 10.0.0.1:8080) = -1 ETIMEDOUT <133.9 s> at 2m14.1s",
			"2 分 14.1 秒时 connect(3, 10.0.0.1:8080) = -1 ETIMEDOUT <133.9 s>"},
		{"segment", &segmentRule{From: "client", Flags: "SYN", Nth: 1, Between: window},
			judge{detected: true, detectAt: at},
			"sent at 2m14.1s", "于 2 分 14.1 秒发出"},
		{"detect", &detectRule{Host: "client", Between: window},
			judge{detected: true, detectAt: at, cause: "connect_timeout"},
			"detected at 2m14.1s (connect_timeout)", "在 2 分 14.1 秒发现（connect_timeout）"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			j := tc.judge
			j.x.rule = tc.rule
			ok, detail := j.verdict(func() *lab.Snapshot {
				t.Error("a rule that counts events asked for the lab's state")
				return &lab.Snapshot{}
			}, 3*time.Minute)
			if !ok {
				t.Errorf("judged %v at %v, want a pass: the exact time is inside the window", ok, at)
			}
			if got := detail.In(i18n.English); got != tc.en {
				t.Errorf("English: got %q, want %q", got, tc.en)
			}
			if got := detail.In(i18n.Chinese); got != tc.zh {
				t.Errorf("Chinese: got %q, want %q", got, tc.zh)
			}
		})
	}
}
