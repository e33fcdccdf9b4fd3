package timeline

import (
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Duration
		err  bool
	}{
		{"1m30s", 90 * time.Second, false},
		{"90", 90 * time.Second, false},
		{"12.5", 12500 * time.Millisecond, false},
		{"01:30", 90 * time.Second, false},
		{"1:02:03", time.Hour + 2*time.Minute + 3*time.Second, false},
		{"00:01:45.030", 105*time.Second + 30*time.Millisecond, false},
		{"0", 0, false},
		{"", 0, true},
		{"soon", 0, true},
		{"-5s", 0, true},
		{"1:75", 0, true},
		{"1:2:3:4", 0, true},
	} {
		got, err := ParseTime(c.in)
		if (err != nil) != c.err || got != c.want {
			t.Errorf("ParseTime(%q) = %v, %v; want %v (error %v)", c.in, got, err, c.want, c.err)
		}
	}
}
