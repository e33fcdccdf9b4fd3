package scenarios

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

var updateRecordings = flag.Bool("update-recordings", false, "rewrite testdata/recordings/*.golden")

// liveRun drives power-loss-heartbeat with live faults, as the interface
// would, and returns its recording and event stream.
func liveRun(t *testing.T) (*Recording, []byte) {
	t.Helper()
	sets := []string{"apps.client.heartbeat.interval=7s"}
	sc, err := Load("power-loss-heartbeat", sets...)
	if err != nil {
		t.Fatal(err)
	}
	sess, err := sc.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	sess.Observe(func(e netsim.Event) { out.Write(netsim.AppendJSON(nil, e)); out.WriteByte('\n') })
	sess.RunUntil(20 * time.Second)
	sess.Apply(lab.Action{Do: "loss", Target: "client-server", Value: "0.2"})
	sess.Step()
	sess.Step()
	sess.Apply(lab.Action{Do: "freeze", Target: "server"})
	sess.RunUntil(40 * time.Second)
	sess.Apply(lab.Action{Do: "thaw", Target: "server"})
	sess.RunUntil(2 * time.Minute)
	return NewRecording(sc, sets, sess.Inputs(), 2*time.Minute), out.Bytes()
}

// A recording of a session with live faults replays to a byte-identical
// event stream.
func TestRecordingReplaysExactly(t *testing.T) {
	rec, live := liveRun(t)
	read, err := ReadRecording("test.json", rec.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	_, sess, err := read.Session()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	sess.Observe(func(e netsim.Event) { out.Write(netsim.AppendJSON(nil, e)); out.WriteByte('\n') })
	sess.RunUntil(read.Until())
	if !bytes.Equal(live, out.Bytes()) {
		t.Fatalf("the replay differs from the live run (%d and %d bytes)", len(live), out.Len())
	}
	if len(read.Inputs) != 3 {
		t.Errorf("%d inputs recorded, want 3", len(read.Inputs))
	}
}

// brokenRecordingPrefix is what follows the file's name in a broken
// recording's message: its line and column where the fault has a place.
var brokenRecordingPrefix = regexp.MustCompile(`^(:\d+:\d+)?: `)

// Broken recordings: each gives one clear line naming the file, the line
// and column where the fault is, and what is wrong (golden files under
// testdata/recordings).
func TestBrokenRecordings(t *testing.T) {
	rec, _ := liveRun(t)
	good := string(rec.Marshal())
	cases := map[string]string{
		"empty":          "",
		"not-json":       "name: power-loss-heartbeat\ntitle: a scenario, not a recording\n",
		"truncated":      good[:200],
		"foreign":        `{"format": "pcapng-notes", "version": 1}`,
		"future-version": strings.Replace(good, `"version": 1`, `"version": 9`, 1),
		"unknown-field":  strings.Replace(good, `"seed": 1`, `"seed": 1, "colour": "blue"`, 1),
		"bad-scenario":   strings.Replace(good, `expect: 45s`, `expect: often`, 1),
		"bad-input":      strings.Replace(good, `"do": "freeze"`, `"do": "explode"`, 1),
		"input-late":     strings.Replace(good, `"t_ns": 40000000000`, `"t_ns": 900000000000`, 1),
		"inputs-order":   strings.Replace(good, `"t_ns": 40000000000`, `"t_ns": 1000000000`, 1),
		"seed-negative":  strings.Replace(good, `"seed": 1`, `"seed": -1`, 1),
		"inputs-object":  "{\"format\": \"socklab-recording\", \"version\": 1,\n \"inputs\": {\"t_ns\": 5}}",
		"version-text":   strings.Replace(good, `"version": 1`, `"version": "1"`, 1),
		"key-twice":      strings.Replace(good, `"seed": 1`, `"seed": 1, "seed": 2`, 1),
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ReadRecording(name+".json", []byte(text))
			if err == nil {
				t.Fatal("read without error")
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") || !brokenRecordingPrefix.MatchString(strings.TrimPrefix(msg, name+".json")) {
				t.Errorf("message %q: want one line starting with the file name (and line:col)", msg)
			}
			golden := filepath.Join("testdata", "recordings", name+".golden")
			if *updateRecordings {
				if err := os.WriteFile(golden, []byte(msg+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update-recordings)", err)
			}
			if got := msg + "\n"; got != string(want) {
				t.Errorf("message:\n  got  %s  want %s", got, want)
			}
		})
	}
}

// In Chinese a refused JSON value reads as Chinese typesetting wants: a
// space between a Chinese word and a number or a Latin word, none between
// two Chinese words.
func TestBrokenRecordingTypesInChinese(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{`{"format": "socklab-recording", "version": 1, "seed": -1}`,
			"x.json:1:55：seed 应为介于 0 到 18446744073709551615 之间的整数，而不是数值 -1"},
		{`{"format": "socklab-recording", "version": 1, "scenario": true}`,
			"x.json:1:59：scenario 应为带引号的文本，而不是布尔值"},
		{`{"format": "socklab-recording", "version": 1, "inputs": [{"target": false}]}`,
			"x.json:1:69：inputs.0.target 应为带引号的文本，而不是布尔值"},
	} {
		_, err := ReadRecording("x.json", []byte(c.text))
		var le interface{ In(i18n.Lang) string }
		if !errors.As(err, &le) {
			t.Fatalf("%s: error %v, want one in both languages", c.text, err)
		}
		if got := le.In(i18n.Chinese); got != c.want {
			t.Errorf("%s:\n  got  %s\n  want %s", c.text, got, c.want)
		}
	}
}
