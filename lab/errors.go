package lab

import (
	"errors"
	"fmt"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// FieldError names the field of a configuration that is wrong, by its
// path ("apps.client.heartbeat.interval"), and says what is wrong with it
// as a message of the catalog, rendered in the reader's language (In).
type FieldError struct {
	Path string
	Msg  i18n.Message
	// Key says the name itself is wrong (an unknown setting), not its
	// value.
	Key bool
}

func (e *FieldError) Error() string { return e.In(i18n.English) }

// In is "path: what is wrong", the explanation in l.
func (e *FieldError) In(l i18n.Lang) string { return e.Path + ": " + e.Msg.In(l) }

func fieldErr(path string, id i18n.ID, args ...any) error {
	return &FieldError{Path: path, Msg: i18n.M(id, args...)}
}

// subfieldErr turns a netsim validation error (a *netsim.ConfigError,
// naming the setting) into a FieldError on that setting under path.
func subfieldErr(path string, err error) error {
	var ce *netsim.ConfigError
	if errors.As(err, &ce) {
		return &FieldError{Path: path + "." + ce.Field, Msg: ruleMessage(ce)}
	}
	return &FieldError{Path: path, Msg: i18n.M(i18n.ConfigPathErr, "Path", path, "Err", err)}
}

// ruleMessage words a netsim rule (netsim speaks in codes).
func ruleMessage(ce *netsim.ConfigError) i18n.Message {
	a := make([]any, len(ce.Args))
	for i, v := range ce.Args {
		a[i] = asWritten(v)
	}
	switch ce.Rule {
	case netsim.RuleNotNegative:
		if len(a) == 1 {
			return i18n.M(i18n.RuleNotNegativeValue, "Value", a[0])
		}
		return i18n.M(i18n.RuleNotNegative)
	case netsim.RulePositive:
		return i18n.M(i18n.RulePositiveValue, "Value", a[0])
	case netsim.RuleFraction:
		return i18n.M(i18n.RuleFraction, "Value", a[0])
	case netsim.RuleBetween:
		return i18n.M(i18n.RuleBetween, "Value", a[0], "Min", a[1], "Max", a[2])
	case netsim.RuleAtLeast:
		return i18n.M(i18n.RuleAtLeast, "Value", a[0], "Min", a[1])
	case netsim.RuleNotAbove:
		return i18n.M(i18n.RuleNotAbove, "Value", a[0], "Other", a[1], "Limit", a[2])
	case netsim.RuleOneOf:
		if len(a) == 1 {
			return i18n.M(i18n.RuleOneOf, "Choices", i18n.Or(ce.Args[0].([]string)))
		}
		return i18n.M(i18n.RuleOneOfValue, "Choices", i18n.Or(ce.Args[1].([]string)), "Value", a[0])
	case netsim.RuleNeeded:
		return i18n.M(i18n.RuleNeeded)
	case netsim.RuleNameTaken:
		return i18n.M(i18n.RuleNameTaken, "Name", a[0])
	case netsim.RuleNotIPv4:
		return i18n.M(i18n.RuleNotIPv4, "Addr", a[0])
	case netsim.RuleAddressTaken:
		return i18n.M(i18n.RuleAddressTaken, "Addr", a[0], "Owner", a[1])
	case netsim.RuleNoSuchNode:
		return i18n.M(i18n.RuleNamesNoNode, "Name", a[0])
	case netsim.RuleSameEnds:
		return i18n.M(i18n.RuleSameEnds)
	case netsim.RuleJoinedAlready:
		return i18n.M(i18n.RuleJoinedAlready)
	case netsim.RuleEmptyRange:
		return i18n.M(i18n.RuleEmptyRange, "Low", a[0], "High", a[1])
	case netsim.RuleOnlyNATAddress:
		return i18n.M(i18n.RuleOnlyNATAddress)
	case netsim.RuleNATNeedsAddress:
		return i18n.M(i18n.RuleNATNeedsAddress)
	case netsim.RuleOutsideNeeded:
		return i18n.M(i18n.RuleOutsideNeeded)
	case netsim.RuleNotWith:
		return i18n.M(i18n.RuleNotWith, "Other", a[0], "Value", a[1])
	case netsim.RuleWheelNeedsTick:
		return i18n.M(i18n.RuleWheelNeedsTick)
	}
	panic("lab: netsim.ConfigError with an unknown rule: " + ce.Error())
}

// ruleOf words a netsim validation error's rule, without its field; any
// other error is itself.
func ruleOf(err error) any {
	var ce *netsim.ConfigError
	if errors.As(err, &ce) {
		return ruleMessage(ce)
	}
	return err
}

// ruleError words a netsim validation error with its field, as netsim's
// Error does ("loss must be between 0 and 1, not 2"), in the reader's
// language; any other error is itself.
func ruleError(err error) any {
	var ce *netsim.ConfigError
	if errors.As(err, &ce) {
		return i18n.M(i18n.ConfigFieldRule, "Field", ce.Field, "Rule", ruleMessage(ce))
	}
	return err
}

// asWritten shows a value in an error as the scenario file writes it: a
// duration in Go's syntax ("1m0s"), not in words, in every language.
func asWritten(v any) any {
	if d, ok := v.(time.Duration); ok {
		return d.String()
	}
	return v
}

// ActionError says which part of an action is wrong: its verb ("do"), its
// target or its value, and what is wrong with it.
type ActionError struct {
	Field string // do, target, value
	Msg   i18n.Message
}

func (e *ActionError) Error() string { return e.In(i18n.English) }

// In is "field: what is wrong", the explanation in l.
func (e *ActionError) In(l i18n.Lang) string { return e.Field + ": " + e.Msg.In(l) }

func targetErr(id i18n.ID, args ...any) error {
	return &ActionError{Field: "target", Msg: i18n.M(id, args...)}
}

func valueErr(id i18n.ID, args ...any) error {
	return &ActionError{Field: "value", Msg: i18n.M(id, args...)}
}

// timelineErr places the error of the timeline's action i at that entry:
// "timeline[2].target: …" for an ActionError, the entry itself (or the
// setting a netsim error names) for any other.
func timelineErr(i int, err error) error {
	path := fmt.Sprintf("timeline[%d]", i)
	var ae *ActionError
	if errors.As(err, &ae) {
		return &FieldError{Path: path + "." + ae.Field, Msg: ae.Msg}
	}
	return subfieldErr(path, err)
}
