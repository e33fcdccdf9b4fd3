package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzSeeds are the texts the fuzz tests start from: every built-in
// scenario, the valid bases and every broken file.
func fuzzSeeds(f *testing.F) [][]byte {
	f.Helper()
	var paths []string
	for _, pattern := range []string{"builtin/*.yaml", "testdata/*.yaml", "testdata/broken/*.yaml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		paths = append(paths, m...)
	}
	var out [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, data)
	}
	if len(builtinNames()) == 0 || len(out) < len(builtinNames()) {
		f.Fatalf("found %d seeds for %d built-ins", len(out), len(builtinNames()))
	}
	return out
}

// checkFuzzError: an error is one line that starts with where the problem
// is (the source, or the --set flag).
func checkFuzzError(t *testing.T, err error, prefixes ...string) {
	t.Helper()
	msg := err.Error()
	if strings.ContainsAny(msg, "\r\n") {
		t.Fatalf("the error spans more than one line: %q", msg)
	}
	for _, p := range prefixes {
		if strings.HasPrefix(msg, p) {
			return
		}
	}
	t.Fatalf("the error does not start with %q: %q", prefixes, msg)
}

// FuzzParse feeds Parse arbitrary text: it must never panic, and an error
// must be one line starting with the source's name.
//
//	go test ./scenarios -run XXX -fuzz FuzzParse -fuzztime 60s
func FuzzParse(f *testing.F) {
	for _, data := range fuzzSeeds(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := Parse("fuzz", "fuzz.yaml", data)
		if err != nil {
			checkFuzzError(t, err, "fuzz.yaml")
			return
		}
		if sc.Title.IsZero() || sc.Duration <= 0 {
			t.Fatalf("parsed without a title or a duration: %q, %v", sc.Title, sc.Duration)
		}
	})
}

// FuzzParseSet applies an arbitrary --set flag to a valid scenario: it
// must never panic, and an error must be one line starting with the flag
// (or the file, when the value the flag set fails a check lab makes).
//
//	go test ./scenarios -run XXX -fuzz FuzzParseSet -fuzztime 60s
func FuzzParseSet(f *testing.F) {
	data, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, c := range brokenSets {
		for _, s := range c.sets {
			f.Add(s)
		}
	}
	for _, s := range []string{"apps.client.heartbeat.interval=5s", "links.client-server.latency=50ms",
		"timeline[0].target=server", "expect[0].detect.cause=fin", "hosts.client.sysctl.syn_retries=3", "seed=7"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, set string) {
		if strings.ContainsAny(set, "\r\n") {
			// The error quotes the flag as given: a flag with a line break
			// gives a message with one too.
			t.Skip()
		}
		_, err := Parse("fuzz", "fuzz.yaml", data, set)
		if err != nil {
			checkFuzzError(t, err, "--set ", "fuzz.yaml")
		}
	})
}
