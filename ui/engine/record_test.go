package engine

import "testing"

func TestRecordingBase(t *testing.T) {
	for in, want := range map[string]string{
		"power-loss-heartbeat": "power-loss-heartbeat",
		"my lesson":            "my-lesson",
		"a/b":                  "a-b",
		"":                     "socklab",
		"..":                   "socklab",
	} {
		if got := RecordingBase(in); got != want {
			t.Errorf("RecordingBase(%q) = %q, want %q", in, got, want)
		}
	}
}
