package scenarios

import (
	"strconv"
	"strings"

	"github.com/socklab/socklab/lab/i18n"
)

// sectionKinds are the top-level sections that map names to things (--set
// can change them, not invent new ones), with what they hold.
var sectionKinds = map[string]i18n.ID{"hosts": i18n.ArgHost, "apps": i18n.ArgApp, "middleboxes": i18n.ArgMiddlebox}

// keyedSection reports whether a top-level section maps names to things.
func keyedSection(key string) bool { return sectionKinds[key] != "" }

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
		return &Error{Pos: origin, Msg: i18n.M(i18n.SetMalformed)}
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
				return &Error{Pos: origin, Path: path, Msg: i18n.M(i18n.SetNoSuch,
					"Kind", i18n.M(sectionKinds[segs[0]]), "Name", seg, "Section", segs[0], "Known", i18n.List(names))}
			}
			if next == nil && !last && isIndex(segs[i+1]) {
				return &Error{Pos: origin, Path: path, Msg: i18n.M(i18n.SetNoList, "List", strings.Join(segs[:i+1], "."))}
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
					return &Error{Pos: origin, Path: path, Msg: i18n.M(i18n.SetIndexRange, "Index", n, "Len", len(cur.items))}
				}
				next = cur.items[n]
			} else if next = cur.findLink(seg); next == nil {
				return &Error{Pos: origin, Path: path, Msg: i18n.M(i18n.SetNotIndex, "Seg", seg)}
			}
		default:
			return &Error{Pos: origin, Path: path, Msg: i18n.M(i18n.SetThroughLeaf, "Path", strings.Join(segs[:i], "."))}
		}
		cur = next
	}
	if cur.kind == mappingNode || cur.kind == sequenceNode {
		return &Error{Pos: origin, Path: path, Msg: i18n.M(i18n.SetSection)}
	}
	cur.kind, cur.value, cur.pos, cur.text = scalarNode, strings.TrimSpace(value), origin, false
	return nil
}

// isIndex reports whether a path segment is a list index.
func isIndex(seg string) bool {
	_, err := strconv.Atoi(seg)
	return err == nil
}
