package ui

import (
	"cmp"
	"slices"

	"github.com/socklab/socklab/lab"
)

// derived is what the panes need from a snapshot beyond the snapshot
// itself: sorted and counted once when the snapshot is taken (in Update),
// so that View stays cheap with thousands of connections and timers.
type derived struct {
	// timers in display order: by node (wire order), then connection.
	timers []lab.TimerView
	// timerDup counts timers by owner and name, to tell apart those of one
	// owner with one name.
	timerDup map[string]int
}

func derive(snap *lab.Snapshot, nodes []string) derived {
	rank := make(map[string]int, len(nodes))
	for i, n := range nodes {
		rank[n] = i
	}
	type keyed struct {
		rank int
		t    lab.TimerView
	}
	ks := make([]keyed, len(snap.Timers))
	for i, t := range snap.Timers {
		ks[i] = keyed{rank[t.Host], t}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.t.Conn, b.t.Conn))
	})
	d := derived{timers: make([]lab.TimerView, len(ks)), timerDup: map[string]int{}}
	for i, k := range ks {
		d.timers[i] = k.t
		d.timerDup[timerOwner(k.t)+"\x00"+k.t.Name]++
	}
	return d
}

// timerOwner is who a timer belongs to: its application, else its host.
func timerOwner(t lab.TimerView) string {
	if t.App != "" {
		return t.App
	}
	return t.Host
}
