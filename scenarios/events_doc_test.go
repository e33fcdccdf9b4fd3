package scenarios

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/socklab/socklab/netsim"
)

// eventsDoc reads docs/events.md: for each kind, the fields it documents
// (in the tables of added fields and added kinds, and the segment's
// field-by-field table with each field's JSON type).
type eventsDoc struct {
	fields  map[string]map[string]bool // kind → field
	segment map[string]string          // segment field → JSON type
	text    string
}

var backticked = regexp.MustCompile("`([a-z0-9_]+)`")

func readEventsDoc(t *testing.T) eventsDoc {
	t.Helper()
	b, err := os.ReadFile("../docs/events.md")
	if err != nil {
		t.Fatal(err)
	}
	d := eventsDoc{fields: map[string]map[string]bool{}, segment: map[string]string{}, text: string(b)}
	section := ""
	for _, line := range strings.Split(d.text, "\n") {
		if strings.HasPrefix(line, "#") {
			section = line
			continue
		}
		cells := strings.Split(line, " | ")
		if !strings.HasPrefix(line, "| `") || len(cells) < 2 {
			continue
		}
		switch {
		case strings.Contains(section, "field by field"):
			if len(cells) < 4 {
				t.Fatalf("docs/events.md: a segment field row without its type: %s", line)
			}
			for _, m := range backticked.FindAllStringSubmatch(cells[0], -1) {
				d.segment[m[1]] = cells[2]
			}
		case strings.Contains(section, "Fields added") || strings.Contains(section, "Kinds added"):
			kind := backticked.FindStringSubmatch(cells[0])[1]
			if d.fields[kind] == nil {
				d.fields[kind] = map[string]bool{}
			}
			for _, m := range backticked.FindAllStringSubmatch(strings.Join(cells[1:], " | "), -1) {
				d.fields[kind][m[1]] = true
			}
		}
	}
	return d
}

// check fails t unless every field of one JSON object of the stream is
// documented: by the contract (the fields contract_test.go checks) or in
// docs/events.md, with the type it has. It notes the segment fields seen.
func (d *eventsDoc) check(t *testing.T, obj map[string]any, seen map[string]bool) {
	t.Helper()
	kind := obj["kind"].(string)
	for f, v := range obj {
		if f == "t_ns" || f == "kind" || contract[kind][f] != "" {
			continue
		}
		if kind == "segment" {
			seen[f] = true
			if typ, ok := d.segment[f]; !ok {
				t.Errorf("segment field %q is not in docs/events.md's table", f)
			} else if jsonType(v) != typ {
				t.Errorf("segment field %q is a %s, documented as %s", f, jsonType(v), typ)
			}
			continue
		}
		if !d.fields[kind][f] {
			t.Errorf("%s field %q is not documented in docs/events.md", kind, f)
		}
	}
}

// complete fails t if docs/events.md lists a segment field no run
// produced, or misses a trigger.
func (d *eventsDoc) complete(t *testing.T, seen map[string]bool) {
	t.Helper()
	for f := range d.segment {
		if !seen[f] && contract["segment"][f] == "" && !slices.Contains([]string{"flags", "seq", "ack", "why"}, f) {
			t.Errorf("docs/events.md documents segment field %q, which no built-in produces", f)
		}
	}
	for _, tr := range netsim.Triggers() {
		if !strings.Contains(d.text, "| `"+tr.String()+"` |") {
			t.Errorf("trigger %q is missing from docs/events.md", tr)
		}
	}
}
