package netsim_test

import (
	"testing"

	"github.com/socklab/socklab/netsim"
)

// named is a value of a table of names.
type named interface {
	String() string
	Doc() string
}

// docsOf lists the values of one table of names.
func docsOf[T named](values []T) []named {
	out := make([]named, len(values))
	for i, v := range values {
		out[i] = v
	}
	return out
}

// Each table of names gives every value a distinct name and a sentence of
// documentation, and its parser (where it has one) reads every name back.
func TestNameTables(t *testing.T) {
	for _, tc := range []struct {
		set    string
		values []named
		parse  func(string) (named, bool)
	}{
		{"notes", docsOf(netsim.Notes()), nil},
		{"timers", docsOf(netsim.TimerKinds()), nil},
		{"causes", docsOf(netsim.Causes()), func(s string) (named, bool) { return netsim.ParseCause(s) }},
		{"triggers", docsOf(netsim.Triggers()), func(s string) (named, bool) { return netsim.ParseTrigger(s) }},
		{"expiry policies", docsOf(netsim.ExpiryPolicies()), nil},
		{"drop reasons", docsOf(netsim.DropReasons()), nil},
		{"drop rules", docsOf(netsim.DropRules()), nil},
		{"timer modes", docsOf(netsim.TimerModes()), func(s string) (named, bool) {
			m, err := netsim.ParseTimerMode(s)
			return m, err == nil
		}},
		{"rtt estimators", docsOf(netsim.RTTEstimators()), nil},
	} {
		t.Run(tc.set, func(t *testing.T) {
			seen := map[string]bool{}
			for _, v := range tc.values {
				name := v.String()
				switch {
				case name == "":
					t.Errorf("a value without a name (doc %q)", v.Doc())
				case seen[name]:
					t.Errorf("%q names two values", name)
				case v.Doc() == "":
					t.Errorf("%q has no documentation", name)
				}
				seen[name] = true
				if tc.parse == nil {
					continue
				}
				if got, ok := tc.parse(name); !ok || got != v {
					t.Errorf("parsing %q gives %v, %v", name, got, ok)
				}
			}
		})
	}
	if netsim.Note(0).String() != "" || netsim.Cause(0).String() != "" {
		t.Error("the zero note and cause must have no name")
	}
}
