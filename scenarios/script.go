package scenarios

import (
	"reflect"
	"slices"
	"strconv"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/script"
)

// A script's steps have a syntax of their own (docs/scenarios.md, "Socket
// scripts"): each step is a call alone ("- accept") or a mapping of one
// call and its timing ("- {at: 2s, write: 100}"). decodeStep reads one
// into a script.Step; what needs the whole script (a write before any
// connection) is lab's to check.

// stepKeys are the keys a step may have besides its call.
var stepKeys = []string{"at", "after", "on", "fd"}

// fdCalls are the calls that act on an open socket, which fd: may name.
var fdCalls = []script.Call{script.Accept, script.Write, script.Read, script.Shutdown, script.Close, script.Setsockopt}

// decodeStep reads step n at path into v (a script.Step).
func decodeStep(n *node, path string, v reflect.Value) error {
	st := script.Step{}
	switch n.kind {
	case scalarNode:
		if err := stepCall(&st, n.value, nil, n.pos, path); err != nil {
			return err
		}
	case mappingNode:
		var call *entry
		for _, e := range n.entries {
			p := path + "." + e.key
			switch e.key {
			case "at", "after":
				d, err := scalar(e.value, p, i18n.M(i18n.WantDuration), func(s string) (any, error) { return time.ParseDuration(s) })
				if err != nil {
					return err
				}
				if e.key == "at" {
					st.At, st.HasAt = d.(time.Duration), true
				} else {
					st.After = d.(time.Duration)
				}
			case "on":
				on, err := scalar(e.value, p, i18n.M(i18n.WantText), func(s string) (any, error) { return s, nil })
				if err != nil {
					return err
				}
				if err := script.ParseOn(on.(string)); err != nil {
					return &Error{Pos: e.value.pos, Path: p, Msg: err.(*i18n.Error).Message}
				}
				st.On = on.(string)
			case "fd":
				fd, err := scalar(e.value, p, i18n.M(i18n.WantWhole), func(s string) (any, error) { return strconv.Atoi(s) })
				if err != nil {
					return err
				}
				st.FD = fd.(int)
			default:
				if _, ok := script.ParseCall(e.key); !ok {
					return &Error{Pos: e.keyPos, Path: p, Msg: stepKeyMsg(e.key)}
				}
				if call != nil {
					return &Error{Pos: e.keyPos, Path: p, Msg: i18n.M(i18n.ScriptTwoCalls, "First", call.key, "Second", e.key)}
				}
				call = e
			}
		}
		if call == nil {
			return &Error{Pos: n.pos, Path: path, Msg: i18n.M(i18n.ScriptNoCall, "Known", i18n.List(script.CallNames()))}
		}
		if err := stepCall(&st, call.key, call.value, call.keyPos, path+"."+call.key); err != nil {
			return err
		}
		if st.FD != 0 && (st.Call == script.Connect || st.Call == script.Listen) {
			return &Error{Pos: n.get("fd").pos, Path: path + ".fd", Msg: i18n.M(i18n.ScriptFDNotFor, "Call", st.Call.String())}
		}
		if st.FD != 0 && !slices.Contains(fdCalls, st.Call) {
			var names []string
			for _, c := range fdCalls {
				names = append(names, c.String())
			}
			return &Error{Pos: n.get("fd").pos, Path: path + ".fd", Msg: i18n.M(i18n.ScriptKeyOnlyFor, "Key", "fd", "Call", i18n.List(names))}
		}
	default:
		return &Error{Pos: n.pos, Path: path, Msg: i18n.M(i18n.ScriptStepForm, "Got", n.kind.msg())}
	}
	v.Set(reflect.ValueOf(st))
	return nil
}

// stepKeyMsg says a key is no call and no timing, suggesting the closest.
func stepKeyMsg(key string) i18n.Message {
	var fields []field
	for _, name := range append(script.CallNames(), stepKeys...) {
		fields = append(fields, field{name: name})
	}
	if m := unknownKey(key, fields); m.ID == i18n.ScenarioUnknownKeyLike {
		return m
	}
	return i18n.M(i18n.ScriptUnknownKey, "Key", strconv.Quote(key), "Calls", i18n.List(script.CallNames()))
}

// stepCall reads a call and its value (nil or null: none) into st; pos
// and path name the call's key.
func stepCall(st *script.Step, name string, val *node, pos Pos, path string) error {
	c, ok := script.ParseCall(name)
	if !ok {
		return &Error{Pos: pos, Path: path, Msg: stepKeyMsg(name)}
	}
	st.Call = c
	if val == nil || val.kind == nullNode {
		if c.NeedsValue() {
			return &Error{Pos: pos, Path: path, Msg: i18n.M(i18n.ScriptNeedsValue, "Call", name, "Example", examples[c])}
		}
		if c == script.Accept {
			st.Count = 1
		}
		return nil
	}
	vpos := val.pos
	bad := func(id i18n.ID, args ...any) error { return &Error{Pos: vpos, Path: path, Msg: i18n.M(id, args...)} }
	text := func() (string, error) {
		if val.kind != scalarNode {
			return "", &Error{Pos: vpos, Path: path, Msg: i18n.M(i18n.ScenarioMustBeKind, "Want", i18n.M(i18n.WantText), "Got", val.kind.msg())}
		}
		return val.value, nil
	}
	switch c {
	case script.Connect:
		s, err := text()
		if err != nil {
			return err
		}
		if st.Host, st.Port, err = script.Target(s); err != nil {
			return &Error{Pos: vpos, Path: path, Msg: err.(*i18n.Error).Message}
		}
	case script.Listen:
		st.Backlog = script.DefaultBacklog
		if val.kind == mappingNode {
			for _, e := range val.entries {
				switch e.key {
				case "port":
					if err := decode(e.value, path+".port", reflect.ValueOf(&st.Port).Elem()); err != nil {
						return err
					}
				case "backlog":
					if err := decode(e.value, path+".backlog", reflect.ValueOf(&st.Backlog).Elem()); err != nil {
						return err
					}
				default:
					return &Error{Pos: e.keyPos, Path: path + "." + e.key, Msg: i18n.M(i18n.ScriptListenValue)}
				}
			}
			if st.Port == 0 {
				return bad(i18n.ScriptListenValue)
			}
			return nil
		}
		if err := decode(val, path, reflect.ValueOf(&st.Port).Elem()); err != nil {
			return bad(i18n.ScriptListenValue)
		}
	case script.Accept:
		s, err := text()
		if err != nil {
			return err
		}
		n, perr := strconv.Atoi(s)
		if perr != nil || n < 1 || n > script.MaxAccept {
			return bad(i18n.ScriptAcceptValue, "Max", script.MaxAccept, "Value", s)
		}
		st.Count = n
	case script.Write:
		if val.kind != scalarNode {
			return bad(i18n.ScriptWriteValue, "Got", val.kind.msg())
		}
		if n, err := strconv.Atoi(val.value); err == nil && !val.text {
			st.Count = n
		} else {
			st.Text = val.value
		}
	case script.Read:
		s, err := text()
		if err != nil {
			return err
		}
		if s != "until-eof" {
			return bad(i18n.ScriptReadValue, "Value", s)
		}
		st.UntilEOF = true
	case script.Shutdown:
		s, err := text()
		if err != nil {
			return err
		}
		if st.How, ok = script.ParseShut(s); !ok {
			return bad(i18n.RuleOneOfValue, "Choices", i18n.Or(script.ShutKeys), "Value", s)
		}
	case script.Close:
		if val.kind != mappingNode || len(val.entries) != 1 || val.entries[0].key != "linger" {
			return bad(i18n.ScriptCloseValue)
		}
		e := val.entries[0]
		s, err := scalar(e.value, path+".linger", i18n.M(i18n.WantDuration), func(s string) (any, error) { return s, nil })
		if err != nil {
			return err
		}
		o, err := script.ParseOpt("SO_LINGER", s.(string))
		if err != nil {
			return &Error{Pos: e.value.pos, Path: path + ".linger", Msg: err.(*i18n.Error).Message}
		}
		st.Opts = []script.Opt{o}
	case script.Setsockopt:
		if val.kind != mappingNode {
			return &Error{Pos: vpos, Path: path, Msg: i18n.M(i18n.ScenarioMustBeMapping, "Got", val.kind.msg())}
		}
		for _, e := range val.entries {
			p := path + "." + e.key
			s, err := scalar(e.value, p, i18n.M(i18n.WantText), func(s string) (any, error) { return s, nil })
			if err != nil {
				return err
			}
			o, err := script.ParseOpt(e.key, s.(string))
			if err != nil {
				pos := e.value.pos
				if o.Name == 0 && err.(*i18n.Error).ID == i18n.ScriptOptUnknown {
					pos = e.keyPos
				}
				return &Error{Pos: pos, Path: p, Msg: err.(*i18n.Error).Message}
			}
			st.Opts = append(st.Opts, o)
		}
	case script.Sleep:
		d, err := scalar(val, path, i18n.M(i18n.WantDuration), func(s string) (any, error) { return time.ParseDuration(s) })
		if err != nil {
			return err
		}
		st.Sleep = d.(time.Duration)
	case script.Log:
		s, err := text()
		if err != nil {
			return err
		}
		st.Text = s
	case script.Reconnect, script.Exit:
		return bad(i18n.ScriptTakesNoValue, "Call", name)
	}
	return nil
}

// examples show what a call's value looks like, for the error that says
// it needs one.
//
//i18n:ok YAML, the same in every language
var examples = map[script.Call]string{
	script.Connect:    "connect: server:8080",
	script.Listen:     "listen: 8080",
	script.Write:      "write: 100",
	script.Sleep:      "sleep: 1s",
	script.Setsockopt: "setsockopt: {SO_KEEPALIVE: 1}",
	script.Shutdown:   "shutdown: wr",
}
