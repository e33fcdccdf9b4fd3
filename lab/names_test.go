package lab

import (
	"strings"
	"testing"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// named is a value of one of netsim's tables of names.
type named interface {
	String() string
	Doc() string
}

func appendNamed[T named](all []named, values []T) []named {
	for _, v := range values {
		all = append(all, v)
	}
	return all
}

// Every name of the sets netsim and lab declare is documented by a message
// of the catalog, in both languages (the catalog's own tests hold the
// languages to each other): netsim holds the message's ID as a code.
func TestNamesAreDocumented(t *testing.T) {
	var all []named
	all = appendNamed(all, netsim.Causes())
	all = appendNamed(all, netsim.Notes())
	all = appendNamed(all, netsim.TimerKinds())
	all = appendNamed(all, netsim.MiddleboxKinds())
	all = appendNamed(all, netsim.ExpiryPolicies())
	all = appendNamed(all, netsim.PortPolicies())
	all = appendNamed(all, netsim.Triggers())
	all = appendNamed(all, netsim.DropReasons())
	all = appendNamed(all, netsim.DropRules())
	all = appendNamed(all, netsim.TimerModes())
	all = appendNamed(all, netsim.RTTEstimators())
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
