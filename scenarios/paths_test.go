package scenarios

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestPathsOfALesson(t *testing.T) {
	sc, err := Load("power-loss-heartbeat")
	if err != nil {
		t.Fatal(err)
	}
	paths := Paths(sc)
	for _, want := range []string{
		"seed",
		"duration",
		"hosts.client.ip",
		"hosts.server.sysctl.keepalive_idle",
		"links.client-server.loss",
		"links.client-server.burst.loss_bad",
		"apps.client.heartbeat.interval",
		"apps.client.reconnect.policy",
		"apps.server.heartbeat.expect",
		"timeline[0].at",
		"timeline[0].do",
	} {
		if !slices.Contains(paths, want) {
			t.Errorf("Paths lacks %s", want)
		}
	}
	for _, absent := range []string{"title", "teaches", "name", "links.client-server.between", "timeline[1].at", "expect[0].detect.host"} {
		if slices.Contains(paths, absent) {
			t.Errorf("Paths has %s", absent)
		}
	}
	if len(slices.Compact(slices.Clone(paths))) != len(paths) {
		t.Error("Paths repeats a path")
	}
	// File order: hosts before links before apps, client before server
	// as the file has them... server first here.
	if i, j := slices.Index(paths, "apps.server.port"), slices.Index(paths, "apps.client.port"); i > j {
		t.Errorf("apps.server.port at %d after apps.client.port at %d: not the file's order", i, j)
	}
}

// TestPathsAreSettable sets every path of every built-in scenario to "?":
// --set may find the value wrong (saying so names "?"), never the path.
func TestPathsAreSettable(t *testing.T) {
	pathErrors := []string{"unknown key", "is called", "not a section", "names a section", "neither an index nor a link", "out of range"}
	for _, info := range List() {
		sc, err := Load(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range Paths(sc) {
			_, err := Load(info.Name, path+"=?")
			if err == nil || strings.Contains(err.Error(), `"?"`) {
				continue
			}
			for _, bad := range pathErrors {
				if strings.Contains(err.Error(), bad) {
					t.Errorf("%s: --set %s=?: %v", info.Name, path, err)
				}
			}
		}
	}
}

// TestPathsCoverTheFiles: every value a built-in scenario's file sets
// (outside its texts and expectations) is at one of its Paths.
func TestPathsCoverTheFiles(t *testing.T) {
	for _, info := range List() {
		sc, err := Load(info.Name)
		if err != nil {
			t.Fatal(err)
		}
		root, err := parseYAML(sc.Source, sc.Text)
		if err != nil {
			t.Fatal(err)
		}
		paths := Paths(sc)
		for _, leaf := range fileLeaves(root, "") {
			if !slices.Contains(paths, leaf) {
				t.Errorf("%s sets %s; Paths lacks it", info.Name, leaf)
			}
		}
	}
}

// fileLeaves lists the paths of the values a scenario's tree sets, links
// by name, lists of values (between) left out.
func fileLeaves(n *node, path string) []string {
	switch n.kind {
	case mappingNode:
		var out []string
		for _, e := range n.entries {
			switch {
			case path == "" && slices.Contains([]string{"name", "title", "teaches", "expect"}, e.key):
				continue
			case path == "" && e.key == "links":
				for _, l := range e.value.items {
					b := l.get("between")
					name := b.items[0].value + "-" + b.items[1].value
					out = append(out, fileLeaves(l, "links."+name)...)
				}
				continue
			}
			out = append(out, fileLeaves(e.value, join(path, e.key))...)
		}
		return out
	case sequenceNode:
		if strings.HasSuffix(path, "between") {
			return nil
		}
		var out []string
		for i, item := range n.items {
			out = append(out, fileLeaves(item, fmt.Sprintf("%s[%d]", path, i))...)
		}
		return out
	}
	return []string{path}
}
