package drill

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzRun holds the runner to the rule of bad input: whatever a script
// says, Parse and Run return an error or a result, never panic or hang.
// The seeds are the scripts of this repository.
func FuzzRun(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/drill/*/*.pkt")
	for _, p := range files {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		sc, err := Parse("f.pkt", src)
		if err != nil {
			return
		}
		Run(sc, Config{})
	})
}
