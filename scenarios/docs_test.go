package scenarios

import (
	"flag"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite the generated tables of docs/*.md")

// docTables are the documentation's tables of names, each made from the
// one table in the code that declares the names: the docs cannot drift
// from the code, nor list a name twice.
var docTables = map[string]func() string{
	"verbs": func() string {
		b := table("`do`", "`target`", "`value`", "does")
		for _, v := range lab.Verbs() {
			b.row("`"+string(v.Name)+"`", en(v.Target), en(v.Value), en(v.Doc))
		}
		return b.String()
	},
	"expectation-kinds": func() string {
		b := table("kind", "settings", "what must happen")
		for _, k := range expectKinds {
			var keys []string
			for _, f := range fieldsOf(reflect.TypeOf(k.new()).Elem()) {
				keys = append(keys, "`"+f.name+"`")
			}
			b.row("`"+k.key+"`", strings.Join(keys, ", "), en(k.doc))
		}
		return b.String()
	},
	"causes": func() string { return namesTable("cause", "what was concluded, and how", netsim.Causes()) },
	"on-expired": func() string {
		return namesTable("policy", "the next packet of a forgotten flow", netsim.ExpiryPolicies())
	},
	"notes":  func() string { return namesTable("note", "what the segment is for", netsim.Notes()) },
	"timers": func() string { return namesTable("timer", "what it does", netsim.TimerKinds()) },
	"triggers": func() string {
		b := table("trigger", "note", "what sent it")
		for _, t := range netsim.Triggers() {
			note := ""
			if n := t.Note(); n != 0 {
				note = "`" + n.String() + "`"
			}
			b.row("`"+t.String()+"`", note, en(i18n.ID(t.Doc())))
		}
		return b.String()
	},
	"drop-reasons": func() string { return namesTable("why", "the packet was dropped because", netsim.DropReasons()) },
	"drop-rules":   func() string { return namesTable("rule", "why the middlebox dropped the packet", netsim.DropRules()) },
	"timer-modes":  func() string { return namesTable("mode", "how the TCP timers fire", netsim.TimerModes()) },
	"client-states": func() string {
		b := table("state", "the client is")
		for _, s := range lab.ClientStates() {
			b.row("`"+s.String()+"`", en(s.Doc()))
		}
		return b.String()
	},
}

// TestDocsTables compares every generated table of docs/*.md with the
// code's (go test ./scenarios -run TestDocsTables -update-docs rewrites
// them). A table sits between the lines <!-- generated: NAME --> and
// <!-- end: NAME -->; each of docTables stands in the docs once.
func TestDocsTables(t *testing.T) {
	region := regexp.MustCompile(`(?s)(<!-- generated: ([a-z-]+) -->\n)(.*?)(<!-- end: ([a-z-]+) -->)`)
	seen := map[string]int{}
	for _, path := range []string{"../docs/scenarios.md", "../docs/events.md"} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		out := region.ReplaceAllStringFunc(text, func(m string) string {
			g := region.FindStringSubmatch(m)
			name := g[2]
			seen[name]++
			gen := docTables[name]
			switch {
			case g[5] != name:
				t.Errorf("%s: the table %s ends as %s", path, name, g[5])
				return m
			case gen == nil:
				t.Errorf("%s: no code makes a table %q", path, name)
				return m
			}
			want := gen()
			if g[3] != want && !*updateDocs {
				t.Errorf("%s: the table %s differs from the code's (-update-docs rewrites it):\n got:\n%s\nwant:\n%s", path, name, g[3], want)
			}
			return g[1] + want + g[4]
		})
		if *updateDocs && out != text {
			if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for name := range docTables {
		if seen[name] != 1 {
			t.Errorf("the table %s stands %d times in docs/*.md, want once", name, seen[name])
		}
	}
}

// namesTable is the table of one of netsim's sets of names: each name and
// what it means.
func namesTable[T interface {
	String() string
	Doc() string
}](name, means string, values []T) string {
	b := table(name, means)
	for _, v := range values {
		b.row("`"+v.String()+"`", en(i18n.ID(v.Doc())))
	}
	return b.String()
}

// mdTable builds a Markdown table.
type mdTable struct{ strings.Builder }

func table(heads ...string) *mdTable {
	b := &mdTable{}
	b.row(heads...)
	b.WriteString("|" + strings.Repeat(" --- |", len(heads)) + "\n")
	return b
}

func (b *mdTable) row(cells ...string) {
	for i, c := range cells {
		cells[i] = strings.ReplaceAll(c, "|", `\|`)
	}
	b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
}

// en renders a message of the catalog in English ("" for no message): the
// documentation's language.
func en(id i18n.ID) string {
	if id == "" {
		return ""
	}
	return i18n.English.T(id)
}
