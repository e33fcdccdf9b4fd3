package tally

import "time"

// seriesLimit bounds the steps a series keeps: the oldest half goes when
// it is reached (a herd reconnecting in waves for a week uses a few per
// wave).
const seriesLimit = 1 << 16

// Series counts things per AttemptStep of simulated time, keeping only
// the steps where something happened.
type Series struct {
	steps []step
	total uint64
}

type step struct {
	index int64 // the step's start is index × AttemptStep
	n     uint64
}

// Add counts n things at time at (times come in order).
func (s *Series) Add(at time.Duration, n uint64) {
	i := int64(at / AttemptStep)
	s.total += n
	if k := len(s.steps); k > 0 && s.steps[k-1].index == i {
		s.steps[k-1].n += n
		return
	}
	if len(s.steps) >= seriesLimit {
		s.steps = append(s.steps[:0], s.steps[seriesLimit/2:]...)
	}
	s.steps = append(s.steps, step{index: i, n: n})
}

// Total is everything counted.
func (s *Series) Total() uint64 { return s.total }

// Peak is the most counted in one step, and when that step began.
func (s *Series) Peak() (uint64, time.Duration) {
	var best step
	for _, st := range s.steps {
		if st.n > best.n {
			best = st
		}
	}
	return best.n, time.Duration(best.index) * AttemptStep
}

// Window returns the counts of the steps from from (inclusive) to to
// (exclusive), one per AttemptStep, zeros where nothing happened.
func (s *Series) Window(from, to time.Duration) []uint64 {
	lo, hi := int64(from/AttemptStep), int64(to/AttemptStep)
	if hi <= lo {
		return nil
	}
	out := make([]uint64, hi-lo)
	for _, st := range s.steps {
		if st.index >= lo && st.index < hi {
			out[st.index-lo] = st.n
		}
	}
	return out
}

// Span is when the first and the last counted steps began (zeros when
// empty).
func (s *Series) Span() (first, last time.Duration) {
	if len(s.steps) == 0 {
		return 0, 0
	}
	return time.Duration(s.steps[0].index) * AttemptStep, time.Duration(s.steps[len(s.steps)-1].index) * AttemptStep
}
