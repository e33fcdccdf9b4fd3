package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/socklab/socklab/scenarios"
)

// record writes the run so far as a recording (docs/recordings.md): the
// scenario with its --set flags and seed, every live input with its time
// and step, and how long it ran. socklab replay plays it back. The file is
// named after the scenario in the current directory (or WithOutputDir's),
// and the status line shows where it went.
func (m Model) record() Model {
	if m.replay != nil {
		m.flash, m.flashErr = "this is a recording already: b branches, then w records the branch", true
		return m
	}
	s := m.run.s
	in := s.Inputs()
	rec := scenarios.NewRecording(m.sc, m.sets, in, s.Now())
	path, err := writeNew(m.outDir, recordingBase(m.sc.Name), ".recording.json", rec.Marshal())
	if err != nil {
		m.flash, m.flashErr = "record: "+err.Error(), true
		return m
	}
	m.flash = fmt.Sprintf("wrote %s · %s, %s", path, fmtDur(s.Now()), plural(len(in), "live input"))
	return m
}

// writeNew writes data to a new file dir/BASE+ext, or BASE-2+ext,
// BASE-3+ext… when that exists: it never overwrites a file. It returns the
// path written.
func writeNew(dir, base, ext string, data []byte) (string, error) {
	for i := 1; i < 1000; i++ {
		name := base + ext
		if i > 1 {
			name = fmt.Sprintf("%s-%d%s", base, i, ext)
		}
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
			return "", err
		}
		return path, nil
	}
	return "", fmt.Errorf("%s%s and 998 numbered ones exist already", filepath.Join(dir, base), ext)
}

// recordingBase is a file name made from a scenario's name: its path
// separators and spaces become dashes.
func recordingBase(name string) string {
	name = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == filepath.Separator || r == ' ' || r < ' ' {
			return '-'
		}
		return r
	}, name)
	if strings.Trim(name, "-.") == "" {
		return "socklab"
	}
	return name
}

// plural: "1 live input", "3 live inputs".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return itoa(n) + " " + what + "s"
}
