package lab

import (
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"
)

// readmePicture is a screen in README.md: the golden file it shows (the
// marker names it) and the code block after the marker.
var readmePicture = regexp.MustCompile("(?s)<!-- golden: ([^ ]+) -->\n```text\n(.*?)```")

// TestREADMEPicturesAreGolden: the README's screen pictures are golden
// files, byte for byte, so they cannot drift from what the lab draws. With
// -update the README is rewritten from them (after the golden files).
func TestREADMEPicturesAreGolden(t *testing.T) {
	const readme = "../../../README.md"
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	update := flag.Lookup("update").Value.String() == "true" // golden's flag
	found := 0
	text = readmePicture.ReplaceAllStringFunc(text, func(block string) string {
		m := readmePicture.FindStringSubmatch(block)
		found++
		want, err := os.ReadFile("../../../" + m[1])
		if err != nil {
			t.Errorf("README shows %s: %v", m[1], err)
			return block
		}
		if m[2] != string(want) && !update {
			t.Errorf("README's picture of %s is not the golden file (go test ./ui/pages/lab -update rewrites it)", m[1])
		}
		return "<!-- golden: " + m[1] + " -->\n```text\n" + string(want) + "```"
	})
	if found < 2 || !strings.Contains(text, "80x24.golden") || !strings.Contains(text, "200x60.golden") {
		t.Fatalf("README shows %d golden pictures, want one at 80×24 and one at 200×60", found)
	}
	if update {
		if err := os.WriteFile(readme, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
