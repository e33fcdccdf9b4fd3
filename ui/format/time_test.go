package format

import (
	"testing"
	"time"
)

func TestDur(t *testing.T) {
	cases := []struct {
		d    time.Duration
		want string
	}{
		{-time.Second, "0ms"}, {350 * time.Millisecond, "350ms"}, {4200 * time.Millisecond, "4.2s"},
		{12449 * time.Millisecond, "12.4s"}, {4960 * time.Millisecond, "4.9s"}, {299900 * time.Millisecond, "4m59s"}, {5 * time.Minute, "5m"}, {245 * time.Second, "4m05s"},
		{1845 * time.Second, "30m"}, {2 * time.Hour, "2h"}, {7080 * time.Second, "1h58m"}, {14 * time.Hour, "14h"},
		{50 * time.Hour, "2d02h"}, {5 * 24 * time.Hour, "5d00h"}, {12 * 24 * time.Hour, "12d"},
	}
	for _, c := range cases {
		if got := Dur(c.d); got != c.want {
			t.Errorf("Dur(%v): got %q, want %q", c.d, got, c.want)
		}
	}
}

func TestEllipsis(t *testing.T) {
	for _, c := range []struct {
		line string
		w    int
		want string
	}{
		{"abc", 5, "abc…"},
		{"abcd", 5, "abcd…"},
		{"abcde", 5, "abcd…"},
		{"中文字", 6, "中文…"},
	} {
		if got := Ellipsis(c.line, c.w); got != c.want {
			t.Errorf("Ellipsis(%q, %d) = %q, want %q", c.line, c.w, got, c.want)
		}
	}
}
