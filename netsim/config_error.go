package netsim

import (
	"fmt"
	"strings"
)

// ConfigError is a setting out of its range: which setting (by the name
// scenario files use, "loss", "idle_timeout"), the rule it breaks, and the
// values the rule names. netsim speaks in codes: the layers above word the
// rule for people, in their language (lab maps it to its catalog). Error
// is netsim's own English wording, for logs and tests.
type ConfigError struct {
	Field string
	Rule  Rule
	// Args are the values the rule names, as each Rule's comment lists
	// them.
	Args []any
}

// Rule is what a refused setting breaks.
type Rule uint8

// Rules of a ConfigError, each with its Args.
const (
	RuleNotNegative     Rule = iota + 1 // [] or [value]
	RulePositive                        // [value]
	RuleFraction                        // [value float64]: between 0 and 1
	RuleBetween                         // [value, min, max]
	RuleAtLeast                         // [value, min]
	RuleNotAbove                        // [value, other setting, its value]: value must not exceed it
	RuleOneOf                           // [value, choices []string] or [choices []string]
	RuleNeeded                          // []
	RuleNameTaken                       // [name]
	RuleNotIPv4                         // [address]
	RuleAddressTaken                    // [address, owner]
	RuleNoSuchNode                      // [name]: no host or middlebox is called so
	RuleSameEnds                        // []: a link joins two different ends
	RuleJoinedAlready                   // []: the two ends have a link already
	RuleEmptyRange                      // [low, high]
	RuleOnlyNATAddress                  // []: only a NAT has a public address
	RuleNATNeedsAddress                 // []: a NAT needs an IPv4 public address
	RuleOutsideNeeded                   // []: a middlebox names its outside neighbour
	RuleWheelNeedsTick                  // []: the timer wheel counts in jiffies: it needs a timer_tick
	RuleNotWith                         // [other setting, its value]: the two cannot be set together
)

func invalid(field string, rule Rule, args ...any) error {
	return &ConfigError{Field: field, Rule: rule, Args: args}
}

func (e *ConfigError) Error() string {
	a := e.Args
	var s string
	switch e.Rule {
	case RuleNotNegative:
		s = "must not be negative"
		if len(a) == 1 {
			s += fmt.Sprintf(", not %v", a[0])
		}
	case RulePositive:
		s = fmt.Sprintf("must be positive, not %v", a[0])
	case RuleFraction:
		s = fmt.Sprintf("must be between 0 and 1, not %g", a[0])
	case RuleBetween:
		s = fmt.Sprintf("must be between %v and %v, not %v", a[1], a[2], a[0])
	case RuleAtLeast:
		s = fmt.Sprintf("must be at least %v, not %v", a[1], a[0])
	case RuleNotAbove:
		s = fmt.Sprintf("(%v) must not exceed %v (%v)", a[0], a[1], a[2])
	case RuleOneOf:
		if len(a) == 1 {
			s = "must be " + orList(a[0].([]string))
		} else {
			s = fmt.Sprintf("must be %s, not %q", orList(a[1].([]string)), a[0])
		}
	case RuleNeeded:
		s = "is needed"
	case RuleNameTaken:
		s = fmt.Sprintf("%q is already taken", a[0])
	case RuleNotIPv4:
		s = fmt.Sprintf("%v is not an IPv4 address", a[0])
	case RuleAddressTaken:
		s = fmt.Sprintf("%v already belongs to %v", a[0], a[1])
	case RuleNoSuchNode:
		s = fmt.Sprintf("names no host or middlebox %q", a[0])
	case RuleSameEnds:
		s = "must name two different ends"
	case RuleJoinedAlready:
		s = "names two ends joined already"
	case RuleEmptyRange:
		s = fmt.Sprintf("the range %v-%v is empty", a[0], a[1])
	case RuleOnlyNATAddress:
		s = "only a NAT has a public address"
	case RuleNATNeedsAddress:
		s = "a NAT needs an IPv4 public address"
	case RuleOutsideNeeded:
		s = "names the neighbour on the outside"
	case RuleNotWith:
		s = fmt.Sprintf("cannot be set with %v: %v", a[0], a[1])
	case RuleWheelNeedsTick:
		s = "needs a timer_tick: the timer wheel counts in jiffies (4ms at HZ 250); or set timer_wheel to exact"
	}
	return e.Field + " " + s
}

// orList names choices as a sentence does: "drop, pickup, rst or
// rst-both".
func orList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
