package scenarios

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// TestLibrary runs every built-in scenario to its duration and checks that
// it teaches something, has a title, states at least one expectation and
// meets all of them.
func TestLibrary(t *testing.T) {
	list := List()
	if len(list) == 0 {
		t.Fatal("no built-in scenarios")
	}
	for _, info := range list {
		t.Run(info.Name, func(t *testing.T) {
			sc, err := Load(info.Name)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range i18n.Langs {
				if !sc.Title.Has(l) || !info.Title.Has(l) {
					t.Errorf("no title in %v", l)
				}
				if !sc.Teaches.Has(l) {
					t.Errorf("no teaches text in %v", l)
				}
			}
			if len(sc.Expect) == 0 {
				t.Error("no expectations")
			}
			start := time.Now()
			res, err := sc.Run(0, func(netsim.Event) {})
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range res.Verdicts {
				if !v.OK {
					t.Errorf("expectation failed: %s", v.Line())
				}
			}
			if res.Passed != len(sc.Expect) {
				t.Errorf("%d of %d expectations passed", res.Passed, len(sc.Expect))
			}
			t.Logf("%s: simulated %s in %v, %d events, %d expectations",
				info.Name, netsim.FormatDuration(sc.Duration), time.Since(start).Round(time.Millisecond), res.Events, res.Passed)
		})
	}
}

// TestLibraryTrace prints one scenario's run, for writing lessons:
//
//	SOCKLAB_TRACE=handshake go test -run LibraryTrace -v ./scenarios/
//	SOCKLAB_TRACE=/tmp/mine.yaml SOCKLAB_SEGMENTS=0 go test -run LibraryTrace -v ./scenarios/
//
// SOCKLAB_TRACE is a built-in name or a file path; SOCKLAB_SET holds --set
// overrides separated by spaces; SOCKLAB_SEGMENTS=0 leaves out segments.
func TestLibraryTrace(t *testing.T) {
	name := os.Getenv("SOCKLAB_TRACE")
	if name == "" {
		t.Skip("set SOCKLAB_TRACE to a scenario to print its run")
	}
	sc, err := Load(name, strings.Fields(os.Getenv("SOCKLAB_SET"))...)
	if err != nil {
		t.Fatal(err)
	}
	segments := os.Getenv("SOCKLAB_SEGMENTS") != "0"
	res, err := sc.Run(0, func(e netsim.Event) {
		if segments || e.Kind() != "segment" {
			fmt.Println(netsim.Format(e))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed > 0 {
		t.Errorf("%d expectations failed", res.Failed)
	}
}
