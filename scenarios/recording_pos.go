package scenarios

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// jsonSpan is where one value or key of a JSON text lies: its path from
// the root ("seed", "inputs.2.t_ns"; a key's path ends in the key) and its
// bytes [start, end).
type jsonSpan struct {
	path       string
	start, end int64
	key        bool
}

// jsonMap is every value and key of a JSON text with its place, in the
// order they appear, so that an error the decoder reports by byte offset or
// by field name can name a line and a column. A recording is at most
// MaxRecordingSize, so the map is bounded by it.
type jsonMap struct {
	data  []byte
	spans []jsonSpan
	// twice is the first key given twice in one object (encoding/json
	// would silently keep the last), if any.
	twice *jsonSpan
}

// maxMappedDepth is how deep mapJSON follows nested values. A recording
// nests three deep (the recording, its inputs, an input); deeper values
// are not a recording's, and following thousands of levels would cost
// time in the square of the depth. The decoder reports them.
const maxMappedDepth = 16

// mapJSON walks a JSON text once. On a syntax error, or deeper than
// maxMappedDepth, it stops: what it mapped before stays usable, and the
// decoder reports the error itself.
func mapJSON(data []byte) *jsonMap {
	m := &jsonMap{data: data}
	dec := json.NewDecoder(bytes.NewReader(data))
	var stack []*jsonFrame
	// path is the place of the value being read, or with a key, of that
	// key in the innermost object.
	path := func(key string, isKey bool) string {
		frames := stack
		if isKey {
			frames = stack[:len(stack)-1]
		}
		parts := make([]string, 0, len(stack)+1)
		for _, f := range frames {
			if f.object {
				parts = append(parts, f.key)
			} else {
				parts = append(parts, strconv.Itoa(f.index))
			}
		}
		if isKey {
			parts = append(parts, key)
		}
		return strings.Join(parts, ".")
	}
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return m
		}
		after := dec.InputOffset()
		start := m.skipSeparators(before)
		var top *jsonFrame
		if n := len(stack); n > 0 {
			top = stack[n-1]
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			m.spans[top.span].end = after
			stack = stack[:len(stack)-1]
			valueDone(stack)
			continue
		}
		if top != nil && top.object && top.wantKey {
			k, _ := tok.(string)
			span := jsonSpan{path: path(k, true), start: start, end: after, key: true}
			if top.keys[k] && m.twice == nil {
				m.twice = &span
			}
			top.keys[k] = true
			top.key, top.wantKey = k, false
			m.spans = append(m.spans, span)
			continue
		}
		m.spans = append(m.spans, jsonSpan{path: path("", false), start: start, end: after})
		if d, ok := tok.(json.Delim); ok {
			if len(stack) == maxMappedDepth {
				return m
			}
			stack = append(stack, &jsonFrame{object: d == '{', span: len(m.spans) - 1,
				keys: map[string]bool{}, wantKey: d == '{'})
			continue
		}
		valueDone(stack)
	}
}

// jsonFrame is one open object or array of the walk.
type jsonFrame struct {
	object  bool
	span    int // index of the container's own span
	keys    map[string]bool
	key     string // the key whose value comes next (objects)
	wantKey bool
	index   int // the next element's index (arrays)
}

// valueDone moves the innermost container past the value just read.
func valueDone(stack []*jsonFrame) {
	if n := len(stack); n > 0 {
		if top := stack[n-1]; top.object {
			top.wantKey = true
		} else {
			top.index++
		}
	}
}

// skipSeparators is the offset of the first byte at or after off that is
// not white space, a colon or a comma: where the next token starts.
func (m *jsonMap) skipSeparators(off int64) int64 {
	for off < int64(len(m.data)) {
		switch m.data[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
		default:
			return off
		}
	}
	return off
}

// lineCol is the 1-based line and column (in characters) of byte off.
func (m *jsonMap) lineCol(off int64) (line, col int) {
	off = min(max(off, 0), int64(len(m.data)))
	before := m.data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[lineStart:]) + 1
}

// value is the first value at path.
func (m *jsonMap) value(path string) (jsonSpan, bool) {
	for _, s := range m.spans {
		if !s.key && s.path == path {
			return s, true
		}
	}
	return jsonSpan{}, false
}

// key is the first key whose name is name, anywhere.
func (m *jsonMap) key(name string) (jsonSpan, bool) {
	for _, s := range m.spans {
		if s.key && (s.path == name || strings.HasSuffix(s.path, "."+name)) {
			return s, true
		}
	}
	return jsonSpan{}, false
}

// typed is the value that encoding/json refused as of the wrong type: its
// field is the path without array indexes ("inputs.t_ns"), and off is
// where the decoder stood, at the end of a scalar or just inside a
// container's opening bracket.
func (m *jsonMap) typed(field string, off int64) (jsonSpan, bool) {
	for _, s := range m.spans {
		if !s.key && withoutIndexes(s.path) == field && s.start < off && off <= s.end {
			return s, true
		}
	}
	return jsonSpan{}, false
}

// withoutIndexes drops the array indexes of a path: inputs.2.t_ns is
// inputs.t_ns.
func withoutIndexes(path string) string {
	parts := strings.Split(path, ".")
	kept := parts[:0]
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, ".")
}
