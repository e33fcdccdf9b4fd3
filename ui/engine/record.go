package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/socklab/socklab/lab/i18n"
)

// WriteNew writes data to a new file dir/BASE+ext, or BASE-2+ext,
// BASE-3+ext… when that exists: it never overwrites a file. It returns the
// path written.
func WriteNew(dir, base, ext string, data []byte) (string, error) {
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
	return "", i18n.NewError(i18n.UIRecordingFull, "Path", filepath.Join(dir, base)+ext)
}

// RecordingBase is a file name made from a scenario's name: its path
// separators and spaces become dashes.
func RecordingBase(name string) string {
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
