package format

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/google/go-cmp/cmp"
)

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		text string
		w    int
		want []string
	}{
		{"the server knows at once", 10, []string{"the server", "knows at", "once"}},
		{"a supercalifragilistic word", 8, []string{"a", "supercal", "ifragili", "stic", "word"}},
		// Chinese breaks between characters, by display cells (two each).
		{"服务端立刻就知道了", 8, []string{"服务端立", "刻就知道", "了"}},
		// Never a closing mark at a line's start, nor an opening one at its end.
		{"断电了，没有FIN", 6, []string{"断电", "了，没", "有FIN"}},
		{"连接（五元组）", 6, []string{"连接", "（五元", "组）"}},
		// Latin words inside Chinese stay whole, at spaces.
		{"连接仍是 ESTABLISHED，直到超时", 16, []string{"连接仍是", "ESTABLISHED，直", "到超时"}},
		// A number keeps its unit: never "在 2" / "分 45.4 秒".
		{"在 2 分 45.4 秒发现", 10, []string{"在 2 分", "45.4 秒发", "现"}},
		{"已连续 3 个心跳", 8, []string{"已连续", "3 个心跳"}},
		{"", 10, nil},
	} {
		got := Wrap(tc.text, tc.w)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Wrap(%q, %d) (-want +got):\n%s", tc.text, tc.w, diff)
		}
		for _, l := range got {
			if ansi.StringWidth(l) > tc.w {
				t.Errorf("Wrap(%q, %d): %q is %d cells", tc.text, tc.w, l, ansi.StringWidth(l))
			}
		}
		if strings.Join(got, "") != strings.ReplaceAll(strings.Join(strings.Fields(tc.text), ""), " ", "") && !strings.Contains(tc.text, " ") {
			t.Errorf("Wrap(%q, %d) lost text: %q", tc.text, tc.w, got)
		}
	}
}

func TestList(t *testing.T) {
	items := []string{"902 next ping", "885 time-wait", "773 syn-ack"}
	for _, c := range []struct {
		w    int
		want string
	}{
		{80, "9 timers: 902 next ping · 885 time-wait · 773 syn-ack"},
		{53, "9 timers: 902 next ping · 885 time-wait · 773 syn-ack"},
		{52, "9 timers: 902 next ping · 885 time-wait · …"},
		{42, "9 timers: 902 next ping · …"},
		{27, "9 timers: 902 next ping · …"},
		{20, "9 timers: 902 next …"},
	} {
		got := List("9 timers: ", items, " · ", c.w)
		if got != c.want {
			t.Errorf("List(…, %d) = %q, want %q", c.w, got, c.want)
		}
		if Width(got) > c.w {
			t.Errorf("List(…, %d) = %q: %d cells", c.w, got, Width(got))
		}
	}
}
