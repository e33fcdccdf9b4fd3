package feed

import (
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/ui/format"
)

// MarkKind is what a timeline marker stands for.
type MarkKind uint8

const (
	MarkFault  MarkKind = iota // a fault or repair: a live input or the scenario's timeline
	MarkParam                  // a parameter changed live
	MarkDetect                 // a side concluded its peer is gone
)

// Glyph is a marker's sign, as the wire marks the same rows.
func (k MarkKind) Glyph() string {
	switch k {
	case MarkParam:
		return "="
	case MarkDetect:
		return "!"
	}
	return "✖"
}

// Marker is one mark of a replay's timeline: an event, with the events
// like it (the same words but for numbers, of the same kind) that came
// within FoldWindow after it folded in, as the wire folds its rows: a
// thousand clients detecting one crash are one marker.
type Marker struct {
	At   time.Duration
	Kind MarkKind
	Msg  i18n.Message
	More int // events folded into it
}

// Markers collects the markers of a run, as its observer.
type Markers struct {
	Marks []Marker       // in time order
	fold  map[string]int // kind and shape → index of the latest marker like it
}

// Observe takes one event of the run.
func (b *Markers) Observe(e netsim.Event) {
	switch e := e.(type) {
	case *netsim.FaultEvent:
		b.add(MarkFault, e.At, FaultText(e))
	case *lab.ParamEvent:
		b.add(MarkParam, e.At, ParamText(e))
	case *lab.DetectEvent:
		b.add(MarkDetect, e.At, DetectText(e))
	}
}

func (b *Markers) add(kind MarkKind, at time.Duration, msg i18n.Message) {
	if b.fold == nil {
		b.fold = map[string]int{}
	}
	key := string(rune('0'+kind)) + Shape(msg.String())
	if i, ok := b.fold[key]; ok && at-b.Marks[i].At <= FoldWindow {
		b.Marks[i].More++
		return
	}
	b.fold[key] = len(b.Marks)
	b.Marks = append(b.Marks, Marker{At: at, Kind: kind, Msg: msg})
}

// Describe words the markers of marks at time at in language l: "01:05.000
// ✖ client lost power", "(+999 more)" when several came together; ""
// when none is there.
func Describe(marks []Marker, at time.Duration, l i18n.Lang) string {
	var first *Marker
	n := 0
	for i := range marks {
		if mk := &marks[i]; mk.At == at {
			if first == nil {
				first = mk
			}
			n += 1 + mk.More
		}
	}
	if first == nil {
		return ""
	}
	text := first.Msg.In(l)
	if n > 1 {
		text = l.T(i18n.UIPlusMore, "Text", text, "N", n-1)
	}
	return format.Stamp(at, false) + " " + first.Kind.Glyph() + " " + text
}
