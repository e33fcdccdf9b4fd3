package scenarios

import (
	"fmt"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// ExpectEvent reports an expectation judged (kind "expect"). Its name and
// detail are messages, rendered in the reader's language; Index, its place
// in the scenario's expect list, identifies it in every language.
type ExpectEvent struct {
	At     time.Duration
	Index  int
	Name   i18n.Message
	OK     bool
	Detail i18n.Message
}

func (e *ExpectEvent) When() time.Duration           { return e.At }
func (e *ExpectEvent) Kind() string                  { return "expect" }
func (e *ExpectEvent) Line() string                  { return e.LineIn(i18n.English) }
func (e *ExpectEvent) AppendFields(f *netsim.Fields) { e.AppendFieldsIn(f, i18n.English) }

// LineIn is the line in l.
func (e *ExpectEvent) LineIn(l i18n.Lang) string {
	mark := i18n.VerdictPass
	if !e.OK {
		mark = i18n.VerdictFail
	}
	return fmt.Sprintf("%-9s %s", "expect", l.T(i18n.VerdictLine, "Mark", i18n.M(mark), "Name", e.Name, "Detail", e.Detail))
}

// AppendFieldsIn writes the name and detail in l.
func (e *ExpectEvent) AppendFieldsIn(f *netsim.Fields, l i18n.Lang) {
	f.Str("name", e.Name.In(l))
	f.Bool("ok", e.OK)
	f.Str("detail", e.Detail.In(l))
	f.Int("index", int64(e.Index))
}

// SummaryEvent ends a run (kind "summary"): the contract's fields, then
// the run's totals.
type SummaryEvent struct {
	At     time.Duration
	Events uint64
	Passed int
	Failed int
	Totals Totals
}

// Totals sum up what happened in a run.
type Totals struct {
	Detections    int
	Reconnects    int // reconnect attempts scheduled
	ReconnectPeak int // the most reconnect attempts in any 100 ms window
	BacklogDrops  int // SYNs and handshake ACKs dropped for a full accept queue
	Segments      uint64
}

// totals accumulates Totals from the events.
type totals struct {
	Totals
	attempts []time.Duration
}

// observe counts what e adds. The segments sent are counted by the
// simulator (finish), which need not build them.
func (t *totals) observe(e netsim.Event) {
	switch e := e.(type) {
	case *netsim.SegmentEvent:
		if e.Why == netsim.WhyBacklogFull {
			t.BacklogDrops++
		}
	case *lab.DetectEvent:
		t.Detections++
	case *lab.ReconnectEvent:
		if e.Outcome == lab.ReconnectScheduled {
			t.Reconnects++
			t.attempts = append(t.attempts, e.At+e.Delay)
		}
	}
}

// totalKinds are the kinds of netsim's events the totals look at (the
// drops for a full backlog); they count the segments sent without them.
const totalKinds = netsim.KindSegmentDropped

// finish computes the peak of attempts in any 100 ms window; sent is the
// segments sent during the run.
func (t *totals) finish(sent uint64) Totals {
	t.ReconnectPeak = peakIn(t.attempts, 100*time.Millisecond)
	t.Segments = sent
	return t.Totals
}

func (e *SummaryEvent) When() time.Duration { return e.At }
func (e *SummaryEvent) Kind() string        { return "summary" }
func (e *SummaryEvent) Line() string        { return e.LineIn(i18n.English) }

// LineIn is the line in l.
func (e *SummaryEvent) LineIn(l i18n.Lang) string {
	t := e.Totals
	return fmt.Sprintf("%-9s %s", "summary", l.T(i18n.RunSummary, "Sim", e.At,
		"Events", i18n.M(i18n.RunEvents, "Count", e.Events), "Passed", i18n.M(i18n.RunPassed, "Count", e.Passed),
		"Failed", e.Failed, "Segments", i18n.M(i18n.RunSegments, "Count", t.Segments),
		"Detections", i18n.M(i18n.RunDetections, "Count", t.Detections),
		"Reconnects", i18n.M(i18n.RunReconnects, "Count", t.Reconnects),
		"Peak", t.ReconnectPeak, "Drops", t.BacklogDrops))
}
func (e *SummaryEvent) AppendFields(f *netsim.Fields) {
	f.Int("sim_ns", int64(e.At))
	f.Uint("events", e.Events)
	f.Int("expectations_passed", int64(e.Passed))
	f.Int("expectations_failed", int64(e.Failed))
	f.Uint("segments", e.Totals.Segments)
	f.Int("detections", int64(e.Totals.Detections))
	f.Int("reconnect_attempts", int64(e.Totals.Reconnects))
	f.Int("reconnect_peak_100ms", int64(e.Totals.ReconnectPeak))
	f.Int("backlog_drops", int64(e.Totals.BacklogDrops))
}

// Result is the outcome of a run.
type Result struct {
	Session  *lab.Session
	Events   uint64
	Verdicts []ExpectEvent
	Passed   int
	Failed   int
	Totals   Totals
	Summary  *SummaryEvent // the run's last event
}

// Run runs the scenario headless to until (its Duration when 0), handing
// every event to out, in order: first the scenario's teaching text as a
// narration, then the run, each expectation as it is judged, and a summary.
// Expectations due after until fail: the run stopped before them.
//
// A run its estimate puts beyond the scenario's budget is refused before
// it starts (a *lab.BudgetError, and no Result). A run that stops on the
// way (its budget, or a watcher of the session: Ctrl-C) ends with the
// expectations judged so far and a summary at the time it stopped; the
// Result comes with the session's error.
//
// out is lent each event: it is valid only until out returns (see netsim's
// Sim.ObserveTransient), so that a headless run allocates nothing for the
// events it only prints, encodes or counts. An out that keeps events copies
// them. A nil out is handed nothing (the summary is the Result's): the
// run then builds only the events its expectations and totals look at, and
// counts the others (lab.Session.ObserveKinds).
func (sc *Scenario) Run(until time.Duration, out func(netsim.Event)) (*Result, error) {
	if err := sc.CheckBudget(until); err != nil {
		return nil, err
	}
	sess, err := sc.NewSession()
	if err != nil {
		return nil, err
	}
	return sc.runSession(sess, until, out)
}

// RunSession is Run on a session the caller built (one replaying a
// recording's inputs, say); it checks the budget too, and gives the
// session the scenario's. out is lent each event, as with Run.
func (sc *Scenario) RunSession(sess *lab.Session, until time.Duration, out func(netsim.Event)) (*Result, error) {
	if err := sc.CheckBudget(until); err != nil {
		return nil, err
	}
	sess.SetBudget(sc.Budget)
	return sc.runSession(sess, until, out)
}

// runUntil runs a session to a time: BenchmarkRunPingpong replaces it to
// time a window of the run.
var runUntil = (*lab.Session).RunUntil

func (sc *Scenario) runSession(sess *lab.Session, until time.Duration, out func(netsim.Event)) (*Result, error) {
	ref := sc.NewReferee(until)
	res := &Result{Session: sess}
	var sum totals
	observe := func(e netsim.Event) {
		sum.observe(e)
		ref.Observe(e)
		if out != nil {
			out(e)
		}
	}
	if out == nil {
		sess.ObserveKinds(ref.Kinds()|totalKinds, ref.WatchesApp(), observe)
	} else {
		sess.ObserveTransient(observe)
	}
	// The run's events are the session's (those it only counted
	// included) and the run's own: the narration and the verdicts.
	from, own := sess.Progress().Events, uint64(0)
	sent := sess.Sim().Counted(netsim.KindSegmentSent)
	emit := func(e netsim.Event) {
		own++
		observe(e)
	}
	if !sc.Teaches.IsZero() {
		emit(lab.Narration(0, lab.Lesson(sc.Teaches)))
	}
	end := ref.Until()
	for _, t := range ref.Times() {
		runUntil(sess, t)
		if sess.Err() != nil {
			end = sess.Now()
			break
		}
		for _, v := range ref.Judge(t, sess.Snapshot) {
			res.Verdicts = append(res.Verdicts, v)
			if v.OK {
				res.Passed++
			} else {
				res.Failed++
			}
			emit(&v)
		}
	}
	res.Events = sess.Progress().Events - from + own
	res.Totals = sum.finish(sess.Sim().Counted(netsim.KindSegmentSent) - sent)
	res.Summary = &SummaryEvent{At: end, Events: res.Events, Passed: res.Passed, Failed: res.Failed, Totals: res.Totals}
	if out != nil {
		out(res.Summary)
	}
	return res, sess.Err()
}
