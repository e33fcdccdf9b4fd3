package engine

import "time"

// SeekChunk is how many events a seek runs per Update: about a tenth of a
// second of simulation, after which the interface draws the timeline's
// progress and reads keys before the next chunk.
const SeekChunk = 100_000

// SeekJob is a seek under way to simulated time To (or, when Pos is set,
// to that exact position: going back one event): Run is a fresh run
// re-simulating the recording (seeking back) or the lab's own run going on
// (seeking forward). Until it gets there the screen shows the moment it
// left, and the timeline the job's progress.
type SeekJob struct {
	Run *Run
	To  time.Duration
	Pos *Position
}

// Step runs the seek for at most budget events; it reports whether it got
// there.
func (j *SeekJob) Step(budget int) bool {
	if j.Pos != nil {
		return j.Run.AdvanceTo(*j.Pos, budget)
	}
	return j.Run.Advance(j.To, budget)
}

// SeekMsg asks for the next chunk of Job; a message for a job that is no
// longer the lab's (done, stopped, or aimed elsewhere) is dropped.
type SeekMsg struct{ Job *SeekJob }
