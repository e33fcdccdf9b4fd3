package lab

import (
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/engine"
	"github.com/socklab/socklab/ui/format"
)

// record writes the run so far as a recording (docs/recordings.md): the
// scenario with its --set flags and seed, every live input with its time
// and step, and how long it ran. socklab replay plays it back. The file is
// named after the scenario in the current directory (or WithOutputDir's),
// and the status line shows where it went.
func (m Model) record() Model {
	s := m.run.S
	in := s.Inputs()
	rec := scenarios.NewRecording(m.sc, m.sets, in, s.Now())
	path, err := engine.WriteNew(m.outDir, engine.RecordingBase(m.sc.Name), ".recording.json", rec.Marshal())
	if err != nil {
		m.status.SetFlash(m.c.T(i18n.UIRecordErr, "Err", err), true)
		return m
	}
	m.status.SetFlash(m.c.T(i18n.UIRecorded, "Path", path, "D", format.Dur(s.Now()), "Count", len(in)), false)
	return m
}
