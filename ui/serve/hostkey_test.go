package serve

import (
	"crypto/ed25519"
	"encoding/pem"
	"os"
	"path/filepath"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/socklab/socklab/lab/i18n"
)

// A host key that cannot serve is refused before the server is built, in
// one line naming the file and what is wrong with it; a key, or a path
// where serve can make one, passes.
func TestHostKeyIsChecked(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	locked, err := gossh.MarshalPrivateKeyWithPassphrase(priv, "", []byte("secret"))
	if err != nil {
		t.Fatal(err)
	}
	good := write("good", pem.EncodeToMemory(plain))
	text := write("notes.txt", []byte("hello\n"))
	pass := write("locked", pem.EncodeToMemory(locked))
	for _, tc := range []struct {
		name, path, want string
	}{
		{"a key", good, ""},
		{"no file yet", filepath.Join(dir, "new_key"), ""},
		{"not a key", text, "--host-key: " + text + " holds no SSH private key (give one ssh-keygen wrote, or a path with no file yet: serve makes a key there)"},
		{"a passphrase", pass, "--host-key: " + pass + " is protected by a passphrase, which serve cannot ask for: give a key without one"},
		{"a directory", dir, "--host-key: " + dir + ": not a regular file: it is a directory"},
		{"no directory", filepath.Join(dir, "none", "key"), "--host-key: " + filepath.Join(dir, "none", "key") + ` does not exist, and serve cannot make it: there is no directory "` + filepath.Join(dir, "none") + `"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, err := New(Config{HostKey: tc.path, Addr: "127.0.0.1:0"})
			got := ""
			if err != nil {
				got = i18n.ErrorText(err, i18n.English)
			}
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			if err == nil && srv == nil {
				t.Error("no server and no error")
			}
		})
	}
}
