package lab

import (
	"strings"
	"testing"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// Every name of the sets netsim and lab declare is documented by a message
// of the catalog, in both languages (the catalog's own tests hold the
// languages to each other): netsim holds the message's ID as a code.
func TestNamesAreDocumented(t *testing.T) {
	type named interface {
		String() string
		Doc() string
	}
	var all []named
	for _, c := range netsim.Causes() {
		all = append(all, c)
	}
	for _, n := range netsim.Notes() {
		all = append(all, n)
	}
	for _, k := range netsim.TimerKinds() {
		all = append(all, k)
	}
	for _, k := range netsim.MiddleboxKinds() {
		all = append(all, k)
	}
	for _, p := range netsim.ExpiryPolicies() {
		all = append(all, p)
	}
	for _, p := range netsim.PortPolicies() {
		all = append(all, p)
	}
	for _, tr := range netsim.Triggers() {
		all = append(all, tr)
	}
	for _, w := range netsim.DropReasons() {
		all = append(all, w)
	}
	for _, r := range netsim.DropRules() {
		all = append(all, r)
	}
	for _, m := range netsim.TimerModes() {
		all = append(all, m)
	}
	for _, e := range netsim.RTTEstimators() {
		all = append(all, e)
	}
	docs := map[string]string{}
	check := func(name string, id i18n.ID) {
		for _, l := range i18n.Langs {
			text := i18n.M(id).In(l)
			if text == "" || strings.HasPrefix(text, "[") {
				t.Errorf("%s: %q is not a message of the catalog", name, id)
			}
		}
		if other, dup := docs[string(id)]; dup {
			t.Errorf("%s and %s share the message %s", name, other, id)
		}
		docs[string(id)] = name
	}
	for _, n := range all {
		check(n.String(), i18n.ID(n.Doc()))
	}
	for _, s := range ClientStates() {
		check("client state "+s.String(), s.Doc())
	}
	for _, v := range Verbs() {
		check("verb "+string(v.Name), v.Doc)
	}
}
