package drill

import (
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"

	"github.com/socklab/socklab/scenarios/drill"
	"github.com/socklab/socklab/ui/feed"
)

// line is one line of the page: a script event beside a wire row, or a
// row no line names.
type line struct {
	ev  int       // the script event, -1: a row no line of the script names
	row *feed.Row // nil: a line not run
}

// merge lays the script's events and the feed's wire rows out in the
// order they happened: a packet line beside its segment's row; before
// each other line, the rows no line names that came before it started;
// the lines not run last.
func merge(res *drill.Result, f *feed.Feed, starts []Start) []line {
	w := f.Wire
	end := w.Total()
	rowOf := make(map[int]uint64)  // event → its segment's row
	named := make(map[uint64]bool) // rows a packet line names
	for i, id := range res.Packet {
		if id == 0 {
			continue
		}
		if seq, ok := f.FindPacket(id); ok {
			rowOf[i], named[seq] = seq, true
		}
	}
	var out []line
	next := w.First()
	add := func(seq uint64) { out = append(out, line{ev: -1, row: w.At(seq)}) }
	// upTo adds the rows no line names before row limit.
	upTo := func(limit uint64) {
		for ; next < limit; next++ {
			if !named[next] {
				add(next)
			}
		}
	}
	for i := range res.Script.Events {
		switch seq, ok := rowOf[i]; {
		case res.Status[i] == drill.NotRun:
			upTo(end)
			out = append(out, line{ev: i})
		case ok:
			upTo(seq)
			out = append(out, line{ev: i, row: w.At(seq)})
			next = max(next, seq+1)
		default:
			upTo(starts[i].Rows)
			out = append(out, line{ev: i, row: callRow(res.Script.Events[i], starts[i].At)})
		}
	}
	upTo(end)
	return out
}

// callRow is the row of a line that is not a packet (a system call, a
// command, an assertion): the line without its time, on the lane of the
// stack under test, at when it started; nil for a packet line whose
// segment never came.
func callRow(ev *drill.Event, at time.Duration) *feed.Row {
	if ev.Packet != nil {
		return nil
	}
	_, text, _ := strings.Cut(strings.TrimSpace(ev.Text), " ")
	return &feed.Row{Kind: feed.RowSyscall, At: at, Src: nodes[0],
		Text: i18n.M(i18n.ScriptRow, "Call", scenarios.Printable(strings.TrimSpace(text)))}
}
