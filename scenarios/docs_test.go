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
	"causes": func() string {
		b := table("cause", "what was concluded, and how")
		for _, c := range netsim.Causes() {
			b.row("`"+c.String()+"`", en(i18n.ID(c.Doc())))
		}
		return b.String()
	},
	"on-expired": func() string {
		b := table("policy", "the next packet of a forgotten flow")
		for _, p := range netsim.ExpiryPolicies() {
			b.row("`"+p.String()+"`", en(i18n.ID(p.Doc())))
		}
		return b.String()
	},
	"notes": func() string {
		b := table("note", "what the segment is for")
		for _, n := range netsim.Notes() {
			b.row("`"+n.String()+"`", en(i18n.ID(n.Doc())))
		}
		return b.String()
	},
	"timers": func() string {
		b := table("timer", "what it does")
		for _, k := range netsim.TimerKinds() {
			b.row("`"+k.String()+"`", en(i18n.ID(k.Doc())))
		}
		return b.String()
	},
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
	"drop-reasons": func() string {
		b := table("why", "the packet was dropped because")
		for _, w := range netsim.DropReasons() {
			b.row("`"+w.String()+"`", en(i18n.ID(w.Doc())))
		}
		return b.String()
	},
	"drop-rules": func() string {
		b := table("rule", "why the middlebox dropped the packet")
		for _, r := range netsim.DropRules() {
			b.row("`"+r.String()+"`", en(i18n.ID(r.Doc())))
		}
		return b.String()
	},
	"timer-modes": func() string {
		b := table("mode", "how the TCP timers fire")
		for _, m := range netsim.TimerModes() {
			b.row("`"+m.String()+"`", en(i18n.ID(m.Doc())))
		}
		return b.String()
	},
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
