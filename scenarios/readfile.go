package scenarios

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/socklab/socklab/lab/i18n"
)

// ReadFile reads a file socklab takes as input (a scenario, a recording),
// refusing what is not a regular file and reading at most limit bytes. A
// FIFO would block the read until a writer came, and /dev/zero would never
// end: the file is opened without blocking and checked before a byte is
// read. The error names the path (escaped for the terminal) and what the
// file is; a missing file's error is fs.ErrNotExist.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, i18n.NewError(i18n.FileUnreadable, "Path", path, "Err", unwrapPath(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, i18n.NewError(i18n.FileUnreadable, "Path", path, "Err", unwrapPath(err))
	}
	if !st.Mode().IsRegular() {
		return nil, i18n.NewError(i18n.FileNotRegular, "Path", path, "What", i18n.M(fileKind(st.Mode())))
	}
	if st.Size() > limit {
		return nil, i18n.NewError(i18n.FileTooLarge, "Path", path, "Size", st.Size(), "Max", limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, i18n.NewError(i18n.FileUnreadable, "Path", path, "Err", unwrapPath(err))
	}
	if int64(len(data)) > limit { // it grew while we read it
		return nil, i18n.NewError(i18n.FileTooLarge, "Path", path, "Size", int64(len(data)), "Max", limit)
	}
	return data, nil
}

// fileKind names what a file that is not a regular one is.
func fileKind(m fs.FileMode) i18n.ID {
	switch {
	case m.IsDir():
		return i18n.FileIsDir
	case m&fs.ModeNamedPipe != 0:
		return i18n.FileIsPipe
	case m&fs.ModeSocket != 0:
		return i18n.FileIsSocket
	case m&fs.ModeCharDevice != 0:
		return i18n.FileIsCharDevice
	case m&fs.ModeDevice != 0:
		return i18n.FileIsDevice
	}
	return i18n.FileIsIrregular
}

// unwrapPath is the reason of an *fs.PathError without its path and
// operation, which the message says itself ("permission denied").
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
