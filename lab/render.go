package lab

import (
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// An event's Line and JSON fields are in English; events that carry words
// render them in any language through these methods. The trace's notation
// (kinds, hosts, addresses, flags, codes) is the same in every language.

// LineInLang is an event whose line has words: narrations, detections,
// reconnections, verdicts.
type LineInLang interface {
	LineIn(l i18n.Lang) string
}

// FieldsInLang is an event whose JSON holds text for people: a
// narration's "text" (beside its language-neutral "id").
type FieldsInLang interface {
	AppendFieldsIn(f *netsim.Fields, l i18n.Lang)
}

// Line is e's one-line rendering in l (netsim.Event.Line for events
// without words).
func Line(e netsim.Event, l i18n.Lang) string {
	if le, ok := e.(LineInLang); ok {
		return le.LineIn(l)
	}
	return e.Line()
}

// Format is netsim.Format in l: the time stamp, then the line.
func Format(e netsim.Event, l i18n.Lang) string {
	return netsim.FormatTime(e.When()) + "  " + Line(e, l)
}

// AppendJSON is netsim.AppendJSON in l: text for people in l, codes and
// fields unchanged.
func AppendJSON(buf []byte, e netsim.Event, l i18n.Lang) []byte {
	if fe, ok := e.(eventWithFields); ok {
		e = fieldsIn{fe, l}
	}
	return netsim.AppendJSON(buf, e)
}

type eventWithFields interface {
	netsim.Event
	FieldsInLang
}

// fieldsIn is an event whose AppendFields writes in language l.
type fieldsIn struct {
	eventWithFields
	l i18n.Lang
}

func (e fieldsIn) AppendFields(f *netsim.Fields) { e.AppendFieldsIn(f, e.l) }
