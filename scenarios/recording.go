package scenarios

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"strconv"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
)

// Version is socklab's version, written into recordings.
const Version = "0.1.0"

// A recording is small because the core is deterministic: the scenario's
// full text, the flags it ran with, the seed, and every live input with its
// simulated time and step. Replaying is re-simulating. The format is
// versioned JSON (docs/recordings.md).
const (
	recordingFormat  = "socklab-recording"
	recordingVersion = 1
)

// Recording is a run that can be replayed.
type Recording struct {
	Format   string          `json:"format"`
	Version  int             `json:"version"`
	Socklab  string          `json:"socklab"`
	Name     string          `json:"name"`
	Source   string          `json:"source"`
	Scenario string          `json:"scenario"`
	Sets     []string        `json:"sets"`
	Seed     uint64          `json:"seed"`
	UntilNs  int64           `json:"until_ns"`
	Inputs   []RecordedInput `json:"inputs"`

	file string // where ReadRecording read it from, for its errors
}

// RecordedInput is a live input: the action, and when it was taken.
type RecordedInput struct {
	TNs    int64    `json:"t_ns"`
	Step   uint64   `json:"step"`
	Do     lab.Verb `json:"do"`
	Target string   `json:"target"`
	Value  string   `json:"value"`
}

// NewRecording records a run of sc (loaded with sets) that took inputs and
// ran to until.
func NewRecording(sc *Scenario, sets []string, inputs []lab.Input, until time.Duration) *Recording {
	r := &Recording{Format: recordingFormat, Version: recordingVersion, Socklab: Version,
		Name: sc.Name, Source: sc.Source, Scenario: string(sc.Text), Sets: append([]string{}, sets...),
		Seed: sc.Config.Seed, UntilNs: int64(until), Inputs: []RecordedInput{}}
	for _, in := range inputs {
		r.Inputs = append(r.Inputs, RecordedInput{TNs: int64(in.At), Step: in.Step,
			Do: in.Action.Do, Target: in.Action.Target, Value: in.Action.Value})
	}
	return r
}

// Marshal renders the recording as indented JSON.
func (r *Recording) Marshal() []byte {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		panic("scenarios: a recording does not marshal: " + err.Error())
	}
	return append(b, '\n')
}

// MaxRecordingSize bounds a recording file: its scenario (at most
// MaxScenarioSize) and its live inputs, about 100 bytes each, so some
// 40,000 of them — hours of a class's clicking.
const MaxRecordingSize = 4 << 20

// OpenRecording reads the recording file at path (ReadFile's checks, at
// most MaxRecordingSize bytes) with ReadRecording.
func OpenRecording(path string) (*Recording, error) {
	data, err := ReadFile(path, MaxRecordingSize)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, i18n.NewError(i18n.FileMissing, "Path", path)
		}
		return nil, err
	}
	return ReadRecording(path, data)
}

// ReadRecording reads a recording; source names it in errors. A file that is
// not a recording, is cut short, comes from a newer socklab, is larger than
// MaxRecordingSize, gives a key twice or holds an invalid scenario or input
// is an error saying which.
func ReadRecording(source string, data []byte) (*Recording, error) {
	if len(data) > MaxRecordingSize {
		return nil, recordingErrors{source: source}.whole(i18n.RecordingTooLarge, "Size", len(data), "Max", MaxRecordingSize)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a UTF-8 byte order mark
	fail := recordingErrors{source: source, where: mapJSON(data)}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, fail.whole(i18n.RecordingEmpty)
	}
	if trimmed[0] != '{' {
		return nil, fail.whole(i18n.RecordingNotJSON)
	}
	if twice := fail.where.twice; twice != nil {
		return nil, fail.atSpan(*twice, i18n.NewError(i18n.RecordingKeyTwice, "Key", twice.path))
	}
	var probe struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, fail.decoding(err)
	}
	switch {
	case probe.Format != recordingFormat:
		return nil, fail.at("format", i18n.RecordingFormat, "Format", probe.Format, "Want", recordingFormat)
	case probe.Version > recordingVersion:
		return nil, fail.at("version", i18n.RecordingNewer, "Version", probe.Version, "This", Version, "Reads", recordingVersion)
	case probe.Version < 1:
		return nil, fail.at("version", i18n.RecordingVersion, "Version", probe.Version)
	}
	var r Recording
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, fail.decoding(err)
	}
	if dec.More() {
		return nil, fail.atOffset(dec.InputOffset(), i18n.NewError(i18n.RecordingTrailing))
	}
	switch {
	case r.Scenario == "":
		return nil, fail.at("scenario", i18n.RecordingNoScenario)
	case r.UntilNs < 0 || time.Duration(r.UntilNs) > MaxDuration:
		return nil, fail.at("until_ns", i18n.RecordingUntil, "Until", r.UntilNs, "Max", int64(MaxDuration))
	}
	for i, in := range r.Inputs {
		if in.TNs < 0 || (r.UntilNs > 0 && in.TNs > r.UntilNs) {
			return nil, fail.at("inputs."+strconv.Itoa(i)+".t_ns", i18n.RecordingInputTime,
				"Index", i+1, "T", in.TNs, "Until", r.UntilNs)
		}
	}
	if _, _, err := r.Session(); err != nil {
		return nil, fail.input(err)
	}
	r.file = source
	return &r, nil
}

// Load parses the recorded scenario with its flags and seed.
func (r *Recording) Load() (*Scenario, error) {
	sc, err := Parse(r.Name, "recorded "+r.Source, []byte(r.Scenario), r.Sets...)
	if err != nil {
		return nil, err
	}
	sc.Config.Seed = r.Seed
	return sc, nil
}

// CheckBudget is sc.CheckBudget for the recorded scenario (sc, from
// Session) run to until, its refusal prefixed with the recording's file
// as its other errors are: "run.json: recorded builtin:NAME:33:3: a run
// of …".
func (r *Recording) CheckBudget(sc *Scenario, until time.Duration) error {
	err := sc.CheckBudget(until)
	if err == nil || r.file == "" {
		return err
	}
	return recordingErrors{source: r.file}.whole(i18n.RecordingWhole, "Err", err)
}

// Until is how long the recorded run went.
func (r *Recording) Until() time.Duration { return time.Duration(r.UntilNs) }

// LabInputs are the recorded live inputs.
func (r *Recording) LabInputs() []lab.Input {
	var out []lab.Input
	for _, in := range r.Inputs {
		out = append(out, lab.Input{At: time.Duration(in.TNs), Step: in.Step,
			Action: lab.Action{Do: in.Do, Target: in.Target, Value: in.Value}})
	}
	return out
}

// Session builds the recorded scenario's session with the inputs queued for
// replay.
func (r *Recording) Session() (*Scenario, *lab.Session, error) {
	sc, err := r.Load()
	if err != nil {
		return nil, nil, err
	}
	sess, err := sc.NewSession()
	if err != nil {
		return nil, nil, err
	}
	if err := sess.Replay(r.LabInputs()); err != nil {
		return nil, nil, err
	}
	return sc, sess, nil
}
