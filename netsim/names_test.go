package netsim_test

import (
	"testing"

	"github.com/socklab/socklab/netsim"
)

// Each table of names gives every value a distinct name and a sentence of
// documentation.
func TestNameTables(t *testing.T) {
	type entry struct{ name, doc string }
	check := func(t *testing.T, entries []entry) {
		seen := map[string]bool{}
		for _, e := range entries {
			switch {
			case e.name == "":
				t.Errorf("a value without a name (doc %q)", e.doc)
			case seen[e.name]:
				t.Errorf("%q names two values", e.name)
			case e.doc == "":
				t.Errorf("%q has no documentation", e.name)
			}
			seen[e.name] = true
		}
	}
	t.Run("notes", func(t *testing.T) {
		var es []entry
		for _, n := range netsim.Notes() {
			es = append(es, entry{n.String(), n.Doc()})
		}
		check(t, es)
	})
	t.Run("timers", func(t *testing.T) {
		var es []entry
		for _, k := range netsim.TimerKinds() {
			es = append(es, entry{k.String(), k.Doc()})
		}
		check(t, es)
	})
	t.Run("causes", func(t *testing.T) {
		var es []entry
		for _, c := range netsim.Causes() {
			es = append(es, entry{c.String(), c.Doc()})
			if got, ok := netsim.ParseCause(c.String()); !ok || got != c {
				t.Errorf("ParseCause(%q) = %v, %v", c, got, ok)
			}
		}
		check(t, es)
	})
	t.Run("triggers", func(t *testing.T) {
		var es []entry
		for _, tr := range netsim.Triggers() {
			es = append(es, entry{tr.String(), tr.Doc()})
			if got, ok := netsim.ParseTrigger(tr.String()); !ok || got != tr {
				t.Errorf("ParseTrigger(%q) = %v, %v", tr, got, ok)
			}
		}
		check(t, es)
	})
	t.Run("expiry policies", func(t *testing.T) {
		var es []entry
		for _, p := range netsim.ExpiryPolicies() {
			es = append(es, entry{p.String(), p.Doc()})
		}
		check(t, es)
	})
	t.Run("drop reasons", func(t *testing.T) {
		var es []entry
		for _, w := range netsim.DropReasons() {
			es = append(es, entry{w.String(), w.Doc()})
		}
		check(t, es)
	})
	t.Run("drop rules", func(t *testing.T) {
		var es []entry
		for _, r := range netsim.DropRules() {
			es = append(es, entry{r.String(), r.Doc()})
		}
		check(t, es)
	})
	t.Run("timer modes", func(t *testing.T) {
		var es []entry
		for _, m := range netsim.TimerModes() {
			es = append(es, entry{m.String(), m.Doc()})
			if got, err := netsim.ParseTimerMode(m.String()); err != nil || got != m {
				t.Errorf("ParseTimerMode(%q) = %v, %v", m, got, err)
			}
		}
		check(t, es)
	})
	t.Run("rtt estimators", func(t *testing.T) {
		var es []entry
		for _, e := range netsim.RTTEstimators() {
			es = append(es, entry{e.String(), e.Doc()})
		}
		check(t, es)
	})
	if netsim.Note(0).String() != "" || netsim.Cause(0).String() != "" {
		t.Error("the zero note and cause must have no name")
	}
}
