package scenarios

import (
	"unicode"
	"unicode/utf8"

	"github.com/socklab/socklab/lab/i18n"
)

// Limits of a scenario's lists: far above what a lesson needs, they bound
// the work of building a lab (every host, link and app is built before the
// run) and of judging it (every expectation sees every event).
const (
	maxHosts       = 256
	maxMiddleboxes = 64
	maxLinks       = 512
	maxApps        = 256
	maxTimeline    = 1000
	maxExpect      = 100
	// maxTitle bounds a title: one line in a list.
	maxTitle = 200
)

// checkLists refuses a list longer than its limit, at its first entry
// past it.
func checkLists(root *node, f *file) error {
	for _, l := range []struct {
		path string
		n    int
		max  int
	}{
		{"hosts", len(f.Hosts), maxHosts}, {"middleboxes", len(f.Middleboxes), maxMiddleboxes},
		{"links", len(f.Links), maxLinks}, {"apps", len(f.Apps), maxApps},
		{"timeline", len(f.Timeline), maxTimeline}, {"expect", len(f.Expect), maxExpect},
	} {
		if l.n <= l.max {
			continue
		}
		n := root.get(l.path)
		pos := n.pos
		switch {
		case n.kind == sequenceNode:
			pos = n.items[l.max].pos
		case n.kind == mappingNode:
			pos = n.entries[l.max].keyPos
		}
		return &Error{Pos: pos, Path: l.path, Msg: i18n.M(i18n.ScenarioTooMany, "Count", l.n, "Max", l.max)}
	}
	return nil
}

// checkTexts refuses text a person reads that would garble a terminal or
// a list: control characters (a title is one line; a teaching text may
// have line breaks and tabs) and the Unicode controls that reorder text
// (U+202A–U+202E, U+2066–U+2069), which can make a line read other than
// it is written.
func checkTexts(root *node, f *file) error {
	for _, t := range []struct {
		path  string
		text  i18n.Text
		lines bool // line breaks and tabs are allowed
	}{{"name", i18n.Text{En: f.Name}, false}, {"title", f.Title, false}, {"teaches", f.Teaches, true}} {
		for _, l := range []struct {
			lang, text string
		}{{"en", t.text.En}, {"zh", t.text.Zh}} {
			path := t.path
			if root.lookup(path+"."+l.lang) != root.lookup(path) {
				path += "." + l.lang // written as {en: …, zh: …}
			}
			for i, r := range l.text {
				if unprintable(r) && !(t.lines && (r == '\n' || r == '\t' || r == '\r')) {
					return &Error{Pos: root.lookup(path).pos, Path: path, Msg: i18n.M(i18n.ScenarioTextControl,
						"Char", codePoint(r), "Offset", utf8.RuneCountInString(l.text[:i])+1)}
				}
			}
			if n := utf8.RuneCountInString(l.text); t.path == "title" && n > maxTitle {
				return &Error{Pos: root.lookup(path).pos, Path: path, Msg: i18n.M(i18n.ScenarioTitleLong, "Length", n, "Max", maxTitle)}
			}
		}
	}
	return nil
}

// unprintable reports whether r is a control character (C0, DEL, C1), a
// directional formatting character, or not a character at all.
func unprintable(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return r == utf8.RuneError || !unicode.IsPrint(r) && !unicode.IsSpace(r)
}
