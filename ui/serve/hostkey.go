package serve

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
)

// MaxHostKey bounds the host key's file: an OpenSSH private key is under
// 4 kB (an RSA key of 16,384 bits, about 12.6 kB, is the largest
// ssh-keygen makes); a file of 64 kB is no key.
const MaxHostKey = 64 << 10

// checkHostKey makes sure the host key at path can serve before the server
// is built: a file there must be an SSH private key without a passphrase
// (serve cannot ask for one); with no file there, its directory must exist
// for serve to make the key in it. The error names the path and what is
// wrong, in one line (the SSH library's own words, "ssh: no key found",
// name neither).
func checkHostKey(path string) error {
	data, err := scenarios.ReadFile(path, MaxHostKey)
	if errors.Is(err, fs.ErrNotExist) {
		if dir := filepath.Dir(path); !isDir(dir) {
			return i18n.NewError(i18n.ServeHostKeyNoDir, "Path", path, "Dir", dir)
		}
		return nil // serve makes it
	}
	if err != nil {
		return err
	}
	_, err = gossh.ParseRawPrivateKey(data)
	var pass *gossh.PassphraseMissingError
	switch {
	case errors.As(err, &pass):
		return i18n.NewError(i18n.ServeHostKeyPassphrase, "Path", path)
	case err != nil:
		return i18n.NewError(i18n.ServeNoHostKey, "Path", path)
	}
	return nil
}

// isDir reports whether path is a directory.
func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}
