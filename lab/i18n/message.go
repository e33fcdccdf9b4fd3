package i18n

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ID is a message's one identity: a constant of this package (NarratePowerOff),
// whose value ("narrate.power_off") is stable and is what the JSON event
// stream carries as "id".
type ID string

// Message is a message not yet rendered: its ID and its arguments. Events,
// models and errors carry Messages, and whoever shows one renders it in its
// reader's language (In), so an interface can switch language and show its
// history again in the new one.
//
// A Message is immutable; the zero Message renders as "".
type Message struct {
	ID   ID
	args []any // name, value, name, value, …
}

// M makes a message from its ID and its arguments as name, value pairs:
//
//	i18n.M(i18n.NarratePowerOff, "Host", "client")
//
// Names are the message's placeholders ({{.Host}}); the check over the
// sources (see the package doc) compares them with the catalog. A value is
// rendered in the reader's language when the message is:
//
//   - string: as it is (host names, addresses, technical tokens)
//   - Localized (a Message, a Text, an *Error): in the same language
//   - time.Duration: Lang.Duration ("2m5s", "2 分 5 秒")
//   - Percent: "5 %", "5%"
//   - integers and floats: plain decimal digits, never grouped (port 8080)
//   - error: ErrorText; fmt.Stringer: String()
//
// The argument named "Count" (an integer) also chooses the plural form in
// languages that have one ("1 attempt", "2 attempts").
//
// An odd number of arguments, or a name that is not a string, is a bug in
// the caller, and M panics.
func M(id ID, args ...any) Message {
	if len(args)%2 != 0 {
		panic(fmt.Sprintf("i18n.M(%s): odd number of arguments", id))
	}
	for i := 0; i < len(args); i += 2 {
		if _, ok := args[i].(string); !ok {
			panic(fmt.Sprintf("i18n.M(%s): argument %d is a %T, want a name", id, i, args[i]))
		}
	}
	return Message{ID: id, args: args}
}

// T renders a message in l at once: l.T(id, args…) is M(id, args…).In(l),
// for text that is shown and then thrown away (a label, a help line).
func (l Lang) T(id ID, args ...any) string { return M(id, args...).In(l) }

// IsZero reports whether m is the zero Message.
func (m Message) IsZero() bool { return m.ID == "" }

// Arg is the value of the argument named name, for tests and for callers
// that inspect a message without rendering it.
func (m Message) Arg(name string) (any, bool) {
	for i := 0; i+1 < len(m.args); i += 2 {
		if m.args[i] == name {
			return m.args[i+1], true
		}
	}
	return nil, false
}

// String renders m in English, so %v and test failures read well.
func (m Message) String() string { return m.In(English) }

// In renders m in l. An ID missing from the catalog renders as "[id]" (the
// catalog test makes sure none is).
func (m Message) In(l Lang) string { return std.render(m, l) }

// arg renders one argument's value in l, messages from book b.
func (b *book) arg(v any, l Lang) string {
	switch v := v.(type) {
	case string:
		return v
	case Message:
		return b.render(v, l)
	case *Error:
		return b.render(v.Message, l)
	case Localized:
		return v.In(l)
	case time.Duration:
		return l.Duration(v)
	case Percent:
		return l.Percent(float64(v))
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case int32:
		return strconv.FormatInt(int64(v), 10)
	case uint64:
		return strconv.FormatUint(v, 10)
	case uint32:
		return strconv.FormatUint(uint64(v), 10)
	case uint16:
		return strconv.FormatUint(uint64(v), 10)
	case uint8:
		return strconv.FormatUint(uint64(v), 10)
	case uint:
		return strconv.FormatUint(uint64(v), 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case error:
		return ErrorText(v, l)
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(v)
}

// Localized is anything that renders itself in a language: a Message, a
// Text, an *Error, and the types of other packages that hold them (an
// event, a scenario's error).
type Localized interface {
	In(l Lang) string
}

// Text is a text written by a person rather than taken from the catalog:
// a scenario's title or teaching text, given in one language or both. In
// falls back to the other language when the one asked for is missing, so a
// scenario written in English alone reads the same in Chinese.
type Text struct {
	En, Zh string
}

// In is t in l, or in the other language if t has none in l.
func (t Text) In(l Lang) string {
	if l == Chinese && t.Zh != "" || t.En == "" {
		return t.Zh
	}
	return t.En
}

// IsZero reports whether t has no text in either language.
func (t Text) IsZero() bool { return t.En == "" && t.Zh == "" }

// Has reports whether t is written in l itself (not by fallback).
func (t Text) Has(l Lang) bool {
	if l == Chinese {
		return t.Zh != ""
	}
	return t.En != ""
}

// Error is an error whose text is a Message: bad input, a refused action.
// Error() is the English text (for logs and wrapping); whoever shows the
// error to a person renders it with ErrorText in that person's language.
type Error struct {
	Message
}

// NewError makes an error from a message ID and its arguments, as M does.
func NewError(id ID, args ...any) *Error { return &Error{M(id, args...)} }

func (e *Error) Error() string { return e.In(English) }

// ErrorText renders err in l: the first error in its chain that renders
// itself (a Localized error) does so in l, and the text that errors
// wrapping it add around it ("export: %w") is kept; an error with none is
// its Error() text.
func ErrorText(err error, l Lang) string {
	if err == nil {
		return ""
	}
	var loc interface {
		error
		Localized
	}
	if errors.As(err, &loc) {
		return strings.Replace(err.Error(), loc.Error(), loc.In(l), 1)
	}
	return err.Error()
}
