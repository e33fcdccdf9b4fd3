package scenarios

import (
	"errors"
	"fmt"
	"math"
	"net/netip"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/script"
)

// decode fills v from n, strictly: every key must be a field (named by its
// `yaml` tag), every value of the field's type. A tag option "keyed" turns a
// mapping into a slice of structs whose Name field takes the key (hosts,
// apps), keeping the file's order. Errors name the position and the path.
func decode(n *node, path string, v reflect.Value) error {
	if v.Type() == reflect.TypeFor[i18n.Text]() {
		return decodeText(n, path, v)
	}
	if n == nil || n.kind == nullNode {
		t := v.Type()
		if t.Kind() == reflect.Pointer {
			t = t.Elem() // an optional setting: "seed: ~" is as empty as "seed: 0" is not
		}
		switch t.Kind() {
		case reflect.Struct, reflect.Slice, reflect.Map:
			if t != reflect.TypeFor[netip.Addr]() {
				return nil // an empty section is an unset one
			}
		}
		if n == nil {
			return nil
		}
		return &Error{Pos: n.pos, Path: path, Msg: i18n.M(i18n.ScenarioNeedsValue)}
	}
	switch v.Type() {
	case reflect.TypeFor[expectSpec]():
		return decodeExpect(n, path, v.Addr().Interface().(*expectSpec))
	case reflect.TypeFor[script.Step]():
		return decodeStep(n, path, v)
	case reflect.TypeFor[time.Duration]():
		d, err := scalar(n, path, i18n.M(i18n.WantDuration), parseDuration)
		if err == nil {
			v.SetInt(int64(d.(time.Duration)))
		}
		return err
	case reflect.TypeFor[netip.Addr]():
		a, err := scalar(n, path, i18n.M(i18n.WantIPv4), func(s string) (any, error) {
			a, err := netip.ParseAddr(s)
			if err == nil && !a.Is4() {
				err = errNotIPv4
			}
			return a, err
		})
		if err == nil {
			v.Set(reflect.ValueOf(a))
		}
		return err
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return decode(n, path, v.Elem())
	case reflect.Struct:
		return decodeStruct(n, path, v)
	case reflect.Slice:
		if n.kind != sequenceNode {
			return &Error{Pos: n.pos, Path: path, Msg: i18n.M(i18n.ScenarioMustBeList, "Got", n.kind.msg())}
		}
		s := reflect.MakeSlice(v.Type(), len(n.items), len(n.items))
		for i, item := range n.items {
			if err := decode(item, fmt.Sprintf("%s[%d]", path, i), s.Index(i)); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	case reflect.Map:
		if n.kind != mappingNode {
			return &Error{Pos: n.pos, Path: path, Msg: i18n.M(i18n.ScenarioMustBeMapping, "Got", n.kind.msg())}
		}
		m := reflect.MakeMap(v.Type())
		for _, e := range n.entries {
			ev := reflect.New(v.Type().Elem()).Elem()
			if err := decode(e.value, path+"."+e.key, ev); err != nil {
				return err
			}
			m.SetMapIndex(reflect.ValueOf(e.key), ev)
		}
		v.Set(m)
		return nil
	case reflect.String:
		s, err := scalar(n, path, i18n.M(i18n.WantText), func(s string) (any, error) { return s, nil })
		if err == nil {
			v.SetString(s.(string))
		}
		return err
	case reflect.Bool:
		b, err := scalar(n, path, i18n.M(i18n.WantBool), func(s string) (any, error) { return strconv.ParseBool(s) })
		if err == nil {
			v.SetBool(b.(bool))
		}
		return err
	case reflect.Int, reflect.Int64:
		i, err := scalar(n, path, i18n.M(i18n.WantWhole), func(s string) (any, error) {
			i, err := strconv.ParseInt(s, 10, 64)
			if errors.Is(err, strconv.ErrRange) {
				return nil, errTooLarge{i18n.M(i18n.WantWholeRange)}
			}
			return i, err
		})
		if err == nil {
			v.SetInt(i.(int64))
		}
		return err
	case reflect.Uint16, reflect.Uint64:
		bits := v.Type().Bits()
		want := i18n.M(i18n.WantWholeMax, "Max", uint64(1)<<bits-1)
		if strings.HasSuffix(path, ".port") {
			want = i18n.M(i18n.WantPort)
		}
		i, err := scalar(n, path, want, func(s string) (any, error) {
			return strconv.ParseUint(s, 10, bits)
		})
		if err == nil {
			v.SetUint(i.(uint64))
		}
		return err
	case reflect.Float64:
		f, err := scalar(n, path, i18n.M(i18n.WantNumber), func(s string) (any, error) {
			f, err := strconv.ParseFloat(s, 64)
			if err == nil && (math.IsNaN(f) || math.IsInf(f, 0)) {
				err = errNotFinite
			}
			return f, err
		})
		if err == nil {
			v.SetFloat(f.(float64))
		}
		return err
	}
	panic(fmt.Sprintf("scenarios: decode: unsupported field type %s at %s", v.Type(), path))
}

// Reasons a parse fails that scalar replaces with its own message.
var (
	errNotIPv4   = errors.New("not IPv4")   //i18n:ok never shown: scalar says what it wants
	errNotFinite = errors.New("not finite") //i18n:ok never shown: scalar says what it wants
)

// scalar parses a scalar with parse, or says what was expected (or, for a
// number too large for any setting, what the limit is).
func scalar(n *node, path string, want i18n.Message, parse func(string) (any, error)) (any, error) {
	if n.kind != scalarNode {
		return nil, &Error{Pos: n.pos, Path: path, Msg: i18n.M(i18n.ScenarioMustBeKind, "Want", want, "Got", n.kind.msg())}
	}
	v, err := parse(n.value)
	var large errTooLarge
	if errors.As(err, &large) {
		return nil, &Error{Pos: n.pos, Path: path, Msg: i18n.M(i18n.ScenarioTooLarge, "Value", n.value, "Limit", large.limit)}
	}
	if err != nil {
		return nil, &Error{Pos: n.pos, Path: path, Msg: i18n.M(i18n.ScenarioMustBeValue, "Want", want, "Value", n.value)}
	}
	return v, nil
}

// decodeText reads a text for people: one string, or a mapping of
// languages to strings ({en: …, zh: …}). A single string with Chinese
// characters in it is Chinese, any other English; either way it reads the
// same in both languages when the other is missing (i18n.Text.In).
func decodeText(n *node, path string, v reflect.Value) error {
	var t i18n.Text
	switch {
	case n == nil || n.kind == nullNode:
		return &Error{Pos: n.pos, Path: path, Msg: i18n.M(i18n.ScenarioNeedsValue)}
	case n.kind == scalarNode && strings.ContainsFunc(n.value, func(r rune) bool { return unicode.Is(unicode.Han, r) }):
		t.Zh = n.value
	case n.kind == scalarNode:
		t.En = n.value
	case n.kind == mappingNode:
		for _, e := range n.entries {
			p := path + "." + e.key
			into := map[string]*string{"en": &t.En, "zh": &t.Zh}[e.key]
			if into == nil {
				return &Error{Pos: e.keyPos, Path: p, Msg: i18n.M(i18n.ScenarioUnknownKey, "Key", e.key, "Known", i18n.List{"en", "zh"})}
			}
			s, err := scalar(e.value, p, i18n.M(i18n.WantText), func(s string) (any, error) { return s, nil })
			if err != nil {
				return err
			}
			*into = s.(string)
		}
	default:
		return &Error{Pos: n.pos, Path: path, Msg: i18n.M(i18n.ScenarioTextLangs)}
	}
	v.Set(reflect.ValueOf(t))
	return nil
}

// errTooLarge is a number written well but beyond what any setting takes:
// limit says how far a setting of its kind goes.
type errTooLarge struct{ limit i18n.Message }

func (e errTooLarge) Error() string { return e.limit.String() }

// goDuration is Go's duration syntax: numbers with units, optionally signed.
var goDuration = regexp.MustCompile(`^[-+]?([0-9]*(\.[0-9]*)?(ns|us|µs|μs|ms|s|m|h))+$`)

// parseDuration is time.ParseDuration, telling a duration beyond int64
// nanoseconds (about 292 years) from text that is not a duration.
func parseDuration(s string) (any, error) {
	d, err := time.ParseDuration(s)
	if err != nil && DurationOverflows(s) {
		return nil, errTooLarge{i18n.M(i18n.WantDurationRange, "Max", lab.MaxTime.String())}
	}
	return d, err
}

// DurationOverflows reports whether s is written as a duration but is
// one beyond int64 nanoseconds, which time.ParseDuration calls invalid:
// its message must name the limit, not ask for a duration.
func DurationOverflows(s string) bool {
	return s != "" && goDuration.MatchString(s) && strings.ContainsAny(s, "123456789")
}

// field is a struct field a YAML key may set.
type field struct {
	name  string
	index int
	keyed bool
}

func fieldsOf(t reflect.Type) []field {
	var out []field
	for i := range t.NumField() {
		tag, ok := t.Field(i).Tag.Lookup("yaml")
		if !ok || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		out = append(out, field{name: name, index: i, keyed: opts == "keyed"})
	}
	return out
}

func decodeStruct(n *node, path string, v reflect.Value) error {
	if n.kind != mappingNode {
		return &Error{Pos: n.pos, Path: path, Msg: i18n.M(i18n.ScenarioMustBeMapping, "Got", n.kind.msg())}
	}
	fields := fieldsOf(v.Type())
	for _, e := range n.entries {
		i := slices.IndexFunc(fields, func(f field) bool { return f.name == e.key })
		p := join(path, e.key)
		if i < 0 {
			return &Error{Pos: e.keyPos, Path: p, Msg: unknownKey(e.key, fields)}
		}
		f := fields[i]
		fv := v.Field(f.index)
		if f.keyed {
			if err := decodeKeyed(e.value, p, fv); err != nil {
				return err
			}
			continue
		}
		if err := decode(e.value, p, fv); err != nil {
			return err
		}
	}
	return nil
}

// decodeKeyed reads a mapping of name: {...} into a slice of structs
// whose Name field is the name, in file order.
func decodeKeyed(n *node, path string, v reflect.Value) error {
	if n == nil || n.kind == nullNode {
		return nil
	}
	if n.kind != mappingNode {
		return &Error{Pos: n.pos, Path: path, Msg: i18n.M(i18n.ScenarioMustBeNamed, "Got", n.kind.msg())}
	}
	s := reflect.MakeSlice(v.Type(), len(n.entries), len(n.entries))
	for i, e := range n.entries {
		p := path + "." + e.key
		if e.key == "" {
			return &Error{Pos: e.keyPos, Path: p, Msg: i18n.M(i18n.ScenarioNeedsName)}
		}
		el := s.Index(i)
		val := e.value
		if val.kind == nullNode {
			val = &node{kind: mappingNode, pos: val.pos}
		}
		if err := decodeStruct(val, p, el); err != nil {
			return err
		}
		el.FieldByName("Name").SetString(e.key)
		if g := el.FieldByName("Given"); g.IsValid() {
			given := map[string]bool{}
			written(val, "", given)
			g.Set(reflect.ValueOf(given))
		}
	}
	v.Set(s)
	return nil
}

// written adds to set the path of every key of mapping n, below prefix,
// nested mappings' keys too: what a scenario wrote (lab.AppConfig.Given).
func written(n *node, prefix string, set map[string]bool) {
	if n == nil || n.kind != mappingNode {
		return
	}
	for _, e := range n.entries {
		p := join(prefix, e.key)
		set[p] = true
		written(e.value, p, set)
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// unknownKey says a key is not known, suggesting the closest one.
func unknownKey(key string, fields []field) i18n.Message {
	var names []string
	best, bestDist := "", 1<<30
	for _, f := range fields {
		names = append(names, f.name)
		if d := editDistance(key, f.name); d < bestDist {
			best, bestDist = f.name, d
		}
	}
	if bestDist <= max(2, len(key)/3) {
		return i18n.M(i18n.ScenarioUnknownKeyLike, "Key", key, "Like", best)
	}
	return i18n.M(i18n.ScenarioUnknownKey, "Key", key, "Known", i18n.List(names))
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
