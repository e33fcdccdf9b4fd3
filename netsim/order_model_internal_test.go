package netsim

import (
	"fmt"
	"time"
)

// orderModel is what the queue's order tests (TestQueueOrder,
// TestSlotsJoinInOrder) check every firing against: of the armed timers,
// the one with the smallest deadline, then the smallest arming number,
// fires next — a plain scan, with none of the queue's structure.
type orderModel struct {
	timers []modelTimer
	seq    uint64 // the last arming number
}

// modelTimer is a timer as the model sees it.
type modelTimer struct {
	armed bool
	at    time.Duration
	seq   uint64
}

func newOrderModel(timers int) *orderModel {
	return &orderModel{timers: make([]modelTimer, timers)}
}

// arm notes timer i armed (or re-armed) for at.
func (m *orderModel) arm(i int, at time.Duration) {
	m.seq++
	m.timers[i] = modelTimer{armed: true, at: at, seq: m.seq}
}

// stop notes timer i stopped, and reports whether it was armed.
func (m *orderModel) stop(i int) bool {
	was := m.timers[i].armed
	m.timers[i].armed = false
	return was
}

// armed is the number of timers armed.
func (m *orderModel) armed() int {
	n := 0
	for _, x := range m.timers {
		if x.armed {
			n++
		}
	}
	return n
}

// fire checks that timer i may fire at now, the model's next timer and
// its deadline, and notes it fired; it returns what is wrong, or "".
func (m *orderModel) fire(i int, now time.Duration) string {
	best := -1
	for j, x := range m.timers {
		if x.armed && (best < 0 || x.at < m.timers[best].at || (x.at == m.timers[best].at && x.seq < m.timers[best].seq)) {
			best = j
		}
	}
	if best != i || now != m.timers[i].at {
		return fmt.Sprintf("timer %d fired at %v; want timer %d at %v", i, now, best, m.timers[max(best, 0)].at)
	}
	m.timers[i].armed = false
	return ""
}
