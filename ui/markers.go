package ui

import (
	"fmt"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
)

// markKind is what a timeline marker stands for.
type markKind uint8

const (
	markFault  markKind = iota // a fault or repair: a live input or the scenario's timeline
	markParam                  // a parameter changed live
	markDetect                 // a side concluded its peer is gone
)

// marker is one mark of the timeline: an event, with the events like it
// (the same words but for numbers, of the same kind) that came within
// foldWindow after it folded in, as the wire folds its rows: a thousand
// clients detecting one crash are one marker.
type marker struct {
	at   time.Duration
	kind markKind
	text string
	more int // events folded into it
}

// findMarkers runs a fresh session of sc replaying inputs to span, and
// returns its faults, parameter changes and detections as markers.
func findMarkers(sc *scenarios.Scenario, inputs []lab.Input, span time.Duration) ([]marker, error) {
	s, err := sc.NewSession()
	if err != nil {
		return nil, err
	}
	if err := s.Replay(inputs); err != nil {
		return nil, err
	}
	var mk markers
	s.Observe(mk.observe)
	s.RunUntil(span)
	return mk.marks, nil
}

// markers collects the markers of a run, as its observer.
type markers struct {
	marks []marker
	fold  map[string]int // kind and shape → index of the latest marker like it
}

func (b *markers) observe(e netsim.Event) {
	switch e := e.(type) {
	case *netsim.FaultEvent:
		b.add(markFault, e.At, faultText(e))
	case *lab.ParamEvent:
		b.add(markParam, e.At, e.Path+" = "+e.Value)
	case *lab.DetectEvent:
		b.add(markDetect, e.At, detectText(e))
	}
}

func (b *markers) add(kind markKind, at time.Duration, text string) {
	if b.fold == nil {
		b.fold = map[string]int{}
	}
	key := string(rune('0'+kind)) + shape(text)
	if i, ok := b.fold[key]; ok && at-b.marks[i].at <= foldWindow {
		b.marks[i].more++
		return
	}
	b.fold[key] = len(b.marks)
	b.marks = append(b.marks, marker{at: at, kind: kind, text: text})
}

// glyph is a marker's sign, as the wire marks the same rows.
func (k markKind) glyph() string {
	switch k {
	case markParam:
		return "="
	case markDetect:
		return "!"
	}
	return "✖"
}

// describe words the markers at time at: "01:05.000 ✖ client lost power",
// "(+999 more)" when several came together.
func (r *replay) describe(at time.Duration) string {
	var first *marker
	n := 0
	for i := range r.marks {
		if mk := &r.marks[i]; mk.at == at {
			if first == nil {
				first = mk
			}
			n += 1 + mk.more
		}
	}
	if first == nil {
		return ""
	}
	s := stamp(at, false) + " " + first.kind.glyph() + " " + first.text
	if n > 1 {
		s += fmt.Sprintf(" (+%d more)", n-1)
	}
	return s
}
