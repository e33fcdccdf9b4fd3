package scenarios

import (
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
)

// recordingErrors turns what is wrong with a recording into one line that
// names the file, and, where the fault is at a place in it, the line, the
// column and the field: the same form as a scenario file's errors.
type recordingErrors struct {
	source string
	where  *jsonMap
}

// whole is a fault of the file as a whole.
func (r recordingErrors) whole(id i18n.ID, args ...any) error {
	return i18n.NewError(id, append([]any{"Source", r.source}, args...)...)
}

// at is a fault at one place of the file: at the value of path if there is
// one, else the file as a whole.
func (r recordingErrors) at(path string, id i18n.ID, args ...any) error {
	if s, ok := r.where.value(path); ok {
		return r.atSpan(s, i18n.NewError(id, args...))
	}
	return r.whole(i18n.RecordingWhole, "Err", i18n.NewError(id, args...))
}

func (r recordingErrors) atSpan(s jsonSpan, err error) error {
	line, col := r.where.lineCol(s.start)
	return i18n.NewError(i18n.RecordingAt, "Source", r.source, "Line", line, "Col", col, "Err", err)
}

// atOffset is a fault at a byte offset (a JSON syntax error).
func (r recordingErrors) atOffset(off int64, err error) error {
	return r.atSpan(jsonSpan{start: off}, err)
}

// decoding explains an error of encoding/json in the reader's terms.
func (r recordingErrors) decoding(err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax) && syntax.Offset >= int64(len(r.where.data)):
		return r.atOffset(syntax.Offset, i18n.NewError(i18n.RecordingCutShort))
	case errors.As(err, &syntax):
		// The decoder stands just past the byte it refused.
		return r.atOffset(syntax.Offset-1, i18n.NewError(i18n.RecordingSyntax, "Err", syntax.Error()))
	case errors.As(err, &typ):
		s, placed := r.where.typed(typ.Field, typ.Offset)
		field := typ.Field
		if placed {
			field = s.path // with its indexes: inputs.2.t_ns
		}
		refused := i18n.NewError(i18n.RecordingFieldType, "Field", field,
			"Want", wantedJSON(typ.Type), "Got", gotJSON(typ.Value))
		if placed {
			return r.atSpan(s, refused)
		}
		return r.whole(i18n.RecordingWhole, "Err", refused)
	}
	// DisallowUnknownFields reports `json: unknown field "name"` and
	// nothing more: find the key to place it.
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok { //i18n:ok encoding/json's own words, matched
		name, _ = strconv.Unquote(name)
		if s, ok := r.where.key(name); ok {
			return r.atSpan(s, i18n.NewError(i18n.RecordingUnknownField, "Field", s.path,
				"Known", fieldsAt(s.path)))
		}
	}
	return r.whole(i18n.RecordingCorrupt, "Err", err)
}

// input places a refused input at its field: the check of a recorded
// input names its number (from 1) and the field it refused.
func (r recordingErrors) input(err error) error {
	var ie *i18n.Error
	if !errors.As(err, &ie) {
		return r.whole(i18n.RecordingWhole, "Err", err)
	}
	index, ok := ie.Arg("Index")
	if !ok { // the recorded scenario's own error, with its own place
		return r.whole(i18n.RecordingWhole, "Err", err)
	}
	n, _ := index.(int)
	field := "t_ns" // an input out of order is wrong in its time
	var fe *lab.FieldError
	if errors.As(err, &fe) {
		field = fe.Path
	}
	if s, ok := r.where.value("inputs." + strconv.Itoa(n-1) + "." + field); ok {
		return r.atSpan(s, err)
	}
	return r.whole(i18n.RecordingWhole, "Err", err)
}

// fieldsAt lists the fields an object of a recording may have, for the
// object holding the key at path.
func fieldsAt(path string) string {
	t := reflect.TypeFor[Recording]()
	if strings.HasPrefix(path, "inputs.") {
		t = reflect.TypeFor[RecordedInput]()
	}
	var names []string
	for f := range t.Fields() {
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
			names = append(names, name)
		}
	}
	return strings.Join(names, ", ")
}

// wantedJSON says what JSON a Go type takes, in a person's words.
func wantedJSON(t reflect.Type) i18n.Message {
	switch t.Kind() {
	case reflect.String:
		return i18n.M(i18n.JSONWantText)
	case reflect.Slice, reflect.Array:
		return i18n.M(i18n.JSONWantList)
	case reflect.Struct, reflect.Map:
		return i18n.M(i18n.JSONWantObject)
	case reflect.Bool:
		return i18n.M(i18n.JSONWantBool)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		bits := t.Bits()
		return i18n.M(i18n.JSONWantInteger, "Min", strconv.FormatInt(-1<<(bits-1), 10),
			"Max", strconv.FormatInt(1<<(bits-1)-1, 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return i18n.M(i18n.JSONWantInteger, "Min", "0",
			"Max", strconv.FormatUint(1<<t.Bits()-1, 10))
	}
	return i18n.M(i18n.JSONWantNumber)
}

// gotJSON says what JSON value encoding/json met, from its description
// ("object", "array", "string", "bool", "number -1").
func gotJSON(value string) i18n.Message {
	switch kind, literal, _ := strings.Cut(value, " "); kind {
	case "object":
		return i18n.M(i18n.JSONGotObject)
	case "array":
		return i18n.M(i18n.JSONGotList)
	case "string":
		return i18n.M(i18n.JSONGotText)
	case "bool":
		return i18n.M(i18n.JSONGotBool)
	case "number":
		if literal != "" {
			return i18n.M(i18n.JSONGotNumber, "Number", literal)
		}
		return i18n.M(i18n.JSONGotAnyNumber)
	}
	return i18n.M(i18n.JSONGotOther, "Value", value)
}
