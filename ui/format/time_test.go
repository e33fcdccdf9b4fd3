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

// TestLeft: a countdown rounds up to the unit it shows, where Dur (an
// age) truncates: a 10 s timer one tick after it was armed still reads
// "10.0s", and "0ms" is reached only when the timer is due.
func TestLeft(t *testing.T) {
	cases := []struct {
		d    time.Duration
		want string
	}{
		{-time.Second, "0ms"}, {0, "0ms"}, {1, "1ms"}, {350 * time.Millisecond, "350ms"},
		{999*time.Millisecond + 1, "1.0s"}, {9990 * time.Millisecond, "10.0s"}, {10 * time.Second, "10.0s"},
		{9900*time.Millisecond + 1, "10.0s"}, {9900 * time.Millisecond, "9.9s"}, {4201 * time.Millisecond, "4.3s"},
		{59950 * time.Millisecond, "1m"}, {60*time.Second + 1, "1m01s"}, {244100 * time.Millisecond, "4m05s"},
		{599500 * time.Millisecond, "10m"}, {1801 * time.Second, "31m"}, {58*time.Minute + 1, "59m"},
		{59*time.Minute + time.Second, "1h"}, {7021 * time.Second, "1h58m"}, {2*time.Hour + time.Second, "2h01m"},
		{9*time.Hour + 59*time.Minute + 1, "10h"}, {13*time.Hour + 1, "14h"}, {49*time.Hour + time.Second, "2d02h"},
		{9*24*time.Hour + 23*time.Hour + 1, "10d"}, {11*24*time.Hour + 1, "12d"},
	}
	for _, c := range cases {
		if got := Left(c.d); got != c.want {
			t.Errorf("Left(%v): got %q, want %q", c.d, got, c.want)
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
