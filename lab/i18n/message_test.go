package i18n

import (
	"errors"
	"fmt"
	"net/netip"
	"sync"
	"testing"
	"time"
)

// testBook holds messages that exercise each kind of argument.
var testBook = newBook(map[ID]entry{
	"t.plain": {En: "no arguments", Zh: "没有参数"},
	"t.gave_up": {
		EnOne: "{{.Who}} gives up after {{.Count}} attempt.",
		En:    "{{.Who}} gives up after {{.Count}} attempts.",
		Zh:    "{{.Who}} 尝试 {{.Count}} 次后放弃。",
	},
	"t.silent": {En: "silent for {{.Silent}}", Zh: "静默 {{.Silent}}"},
	"t.loss":   {En: "loses {{.Loss}} of its packets", Zh: "丢失 {{.Loss}} 的包"},
	"t.nested": {En: "{{.Who}} closes. {{.Then}}", Zh: "{{.Who}} 关闭连接。{{.Then}}"},
	"t.then":   {En: "It will reconnect.", Zh: "它将重连。"},
	"t.port":   {En: "port {{.Port}}, {{.Addr}}, {{.Ratio}}, {{.Err}}", Zh: "端口 {{.Port}}，{{.Addr}}，{{.Ratio}}，{{.Err}}"},
	"t.quote":  {En: `unknown field {{printf "%q" .Field}}`, Zh: `未知字段 {{printf "%q" .Field}}`},
})

func TestRender(t *testing.T) {
	for _, tc := range []struct {
		m      Message
		en, zh string
	}{
		{M("t.plain"), "no arguments", "没有参数"},
		{M("t.gave_up", "Who", "client", "Count", 1), "client gives up after 1 attempt.", "client 尝试 1 次后放弃。"},
		{M("t.gave_up", "Who", "client", "Count", 3), "client gives up after 3 attempts.", "client 尝试 3 次后放弃。"},
		{M("t.gave_up", "Who", "client", "Count", uint64(0)), "client gives up after 0 attempts.", "client 尝试 0 次后放弃。"},
		{M("t.silent", "Silent", 2*time.Hour+11*time.Minute+15*time.Second), "silent for 2h11m15s", "静默 2 小时 11 分 15 秒"},
		{M("t.loss", "Loss", Percent(0.05)), "loses 5 % of its packets", "丢失 5% 的包"},
		{M("t.nested", "Who", "client", "Then", M("t.then")), "client closes. It will reconnect.", "client 关闭连接。它将重连。"},
		{M("t.nested", "Who", Text{En: "the app", Zh: "应用"}, "Then", Text{En: "Bye."}), "the app closes. Bye.", "应用 关闭连接。Bye."},
		{M("t.port", "Port", 8080, "Addr", netip.MustParseAddrPort("10.0.0.1:8080"), "Ratio", 1.5, "Err", &Error{M("t.then")}),
			"port 8080, 10.0.0.1:8080, 1.5, It will reconnect.", "端口 8080，10.0.0.1:8080，1.5，它将重连。"},
		{M("t.quote", "Field", "intervall"), `unknown field "intervall"`, `未知字段 "intervall"`},
		{Message{}, "", ""},
		{M("t.nope"), "[t.nope]", "[t.nope]"},
	} {
		for l, want := range map[Lang]string{English: tc.en, Chinese: tc.zh} {
			if got := testBook.render(tc.m, l); got != want {
				t.Errorf("%s in %v: got %q, want %q", tc.m.ID, l, got, want)
			}
		}
	}
}

// TestRenderIsDeferred: a message made once renders in whichever language
// is asked for, as often as asked, and many goroutines may render at once
// (the SSH classroom serves readers of both languages in one process).
func TestRenderIsDeferred(t *testing.T) {
	m := M("t.gave_up", "Who", "client", "Count", 2)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := Langs[i%len(Langs)]
			want := map[Lang]string{English: "client gives up after 2 attempts.", Chinese: "client 尝试 2 次后放弃。"}[l]
			for range 100 {
				if got := testBook.render(m, l); got != want {
					t.Errorf("in %v: got %q, want %q", l, got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestMPanicsOnBadArguments(t *testing.T) {
	for name, args := range map[string][]any{
		"odd count":       {"Host"},
		"name not string": {1, "x"},
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("M did not panic")
				}
			}()
			M("t.plain", args...)
		})
	}
}

func TestArg(t *testing.T) {
	m := M("t.silent", "Silent", time.Second)
	if v, ok := m.Arg("Silent"); !ok || v != time.Second {
		t.Errorf("Arg(Silent) = %v, %v", v, ok)
	}
	if _, ok := m.Arg("Host"); ok {
		t.Error("Arg(Host) found an argument that is not there")
	}
}

func TestDuration(t *testing.T) {
	for _, tc := range []struct {
		d      time.Duration
		en, zh string
	}{
		{0, "0s", "0 秒"},
		{350 * time.Millisecond, "350ms", "350 毫秒"},
		{1500 * time.Millisecond, "1.5s", "1.5 秒"},
		{45 * time.Second, "45s", "45 秒"},
		{2 * time.Minute, "2m", "2 分钟"},
		{2*time.Minute + 5*time.Second, "2m5s", "2 分 5 秒"},
		{2 * time.Hour, "2h", "2 小时"},
		{2*time.Hour + 4*time.Minute, "2h4m", "2 小时 4 分"},
		{2*time.Hour + 5*time.Second, "2h0m5s", "2 小时 5 秒"},
		{2*time.Hour + 11*time.Minute + 15*time.Second, "2h11m15s", "2 小时 11 分 15 秒"},
		{7875 * time.Second, "2h11m15s", "2 小时 11 分 15 秒"},
		{924600 * time.Millisecond, "15m24.6s", "15 分 24.6 秒"},
		{1500 * time.Microsecond, "1.5ms", "1.5 毫秒"},
		{2 * time.Microsecond, "2µs", "2 微秒"},
		{7, "7ns", "7 纳秒"},
		{-90 * time.Second, "-1m30s", "-1 分 30 秒"},
	} {
		if got := English.Duration(tc.d); got != tc.en {
			t.Errorf("English.Duration(%d): got %q, want %q", tc.d, got, tc.en)
		}
		if got := Chinese.Duration(tc.d); got != tc.zh {
			t.Errorf("Chinese.Duration(%d): got %q, want %q", tc.d, got, tc.zh)
		}
	}
}

func TestText(t *testing.T) {
	both := Text{En: "Power loss", Zh: "断电"}
	enOnly := Text{En: "Power loss"}
	zhOnly := Text{Zh: "断电"}
	for _, tc := range []struct {
		t    Text
		l    Lang
		want string
		has  bool
	}{
		{both, English, "Power loss", true}, {both, Chinese, "断电", true},
		{enOnly, English, "Power loss", true}, {enOnly, Chinese, "Power loss", false},
		{zhOnly, English, "断电", false}, {zhOnly, Chinese, "断电", true},
	} {
		if got := tc.t.In(tc.l); got != tc.want {
			t.Errorf("%+v in %v: got %q, want %q", tc.t, tc.l, got, tc.want)
		}
		if got := tc.t.Has(tc.l); got != tc.has {
			t.Errorf("%+v.Has(%v) = %v, want %v", tc.t, tc.l, got, tc.has)
		}
	}
	if !(Text{}).IsZero() || both.IsZero() {
		t.Error("IsZero is wrong")
	}
}

func TestErrorText(t *testing.T) {
	err := NewError(ErrUnknownLang, "Value", "fr")
	wrapped := fmt.Errorf("flag --lang: %w", err)
	if got, want := ErrorText(wrapped, Chinese), "flag --lang: "+err.In(Chinese); got != want {
		t.Errorf("a wrapped *Error renders itself, its wrapper's words kept: got %q, want %q", got, want)
	}
	if got := ErrorText(errors.New("plain"), Chinese); got != "plain" {
		t.Errorf("a plain error is its text: got %q", got)
	}
	if got := ErrorText(nil, English); got != "" {
		t.Errorf("nil: got %q", got)
	}
	if err.Error() != err.In(English) {
		t.Errorf("Error() is the English text: got %q", err.Error())
	}
}

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		f      float64
		en, zh string
	}{{0.05, "5 %", "5%"}, {0, "0 %", "0%"}, {1, "100 %", "100%"}, {0.001, "0.1 %", "0.1%"}} {
		if got := English.Percent(tc.f); got != tc.en {
			t.Errorf("English.Percent(%g) = %q, want %q", tc.f, got, tc.en)
		}
		if got := Chinese.Percent(tc.f); got != tc.zh {
			t.Errorf("Chinese.Percent(%g) = %q, want %q", tc.f, got, tc.zh)
		}
	}
}
