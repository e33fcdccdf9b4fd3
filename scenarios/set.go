package scenarios

import (
	"fmt"
	"strconv"
	"strings"
)

// keyedSection reports whether a top-level section maps names to things:
// --set can change them, not invent new ones.
func keyedSection(key string) bool {
	return key == "hosts" || key == "apps" || key == "middleboxes"
}

// applySet applies one --set PATH=VALUE to the tree before it is decoded,
// so the value is checked like any other: a path reaches any parameter by
// its place in the file ("apps.client.heartbeat.interval",
// "links.client-server.loss", "timeline[0].at"). A missing last key is
// created; a missing section on the way is too, if its parent is a mapping.
func applySet(root *node, flag string) error {
	origin := Pos{Set: "--set " + flag}
	path, value, ok := strings.Cut(flag, "=")
	path = strings.TrimSpace(path)
	if !ok || path == "" {
		return &Error{Pos: origin, Msg: "must be PATH=VALUE, like apps.client.heartbeat.interval=10s"}
	}
	segs := splitPath(path)
	cur := root
	for i, seg := range segs {
		last := i == len(segs)-1
		var next *node
		switch cur.kind {
		case mappingNode:
			next = cur.get(seg)
			if next == nil && i == 1 && keyedSection(segs[0]) {
				var names []string
				for _, e := range cur.entries {
					names = append(names, e.key)
				}
				return &Error{Pos: origin, Path: path, Msg: fmt.Sprintf("no %s is called %q (%s: %s)",
					strings.TrimSuffix(strings.TrimSuffix(segs[0], "es"), "s"), seg, segs[0], strings.Join(names, ", "))}
			}
			if next == nil {
				next = &node{kind: mappingNode, pos: origin}
				if last {
					next.kind = scalarNode
				}
				cur.entries = append(cur.entries, &entry{key: seg, keyPos: origin, value: next})
			}
		case sequenceNode:
			if n, err := strconv.Atoi(seg); err == nil {
				if n < 0 || n >= len(cur.items) {
					return &Error{Pos: origin, Path: path, Msg: fmt.Sprintf("index %d is out of range (the list has %d)", n, len(cur.items))}
				}
				next = cur.items[n]
			} else if next = cur.findLink(seg); next == nil {
				return &Error{Pos: origin, Path: path, Msg: fmt.Sprintf("%q is neither an index nor a link a-b of the list", seg)}
			}
		default:
			return &Error{Pos: origin, Path: path, Msg: fmt.Sprintf("%s is a value, not a section", strings.Join(segs[:i], "."))}
		}
		cur = next
	}
	if cur.kind == mappingNode || cur.kind == sequenceNode {
		return &Error{Pos: origin, Path: path, Msg: "names a section, not a value"}
	}
	cur.kind, cur.value, cur.pos = scalarNode, strings.TrimSpace(value), origin
	return nil
}
