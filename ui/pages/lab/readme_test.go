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

// TestREADMEPicturesAreGolden: the screen pictures of README.md (80×24 and
// 200×60) and README.zh.md are golden files, byte for byte, so they cannot
// drift from what the lab draws. With -update the READMEs are rewritten
// from them (after the golden files).
func TestREADMEPicturesAreGolden(t *testing.T) {
	readmePictures(t, "../../../README.md", "80x24.golden", "200x60.golden", "TestExploreGolden/inspector.golden",
		"TestExploreGolden/step-back.golden", "TestExploreGolden/filter.golden",
		"TestCostViewGolden/polling-vs-push/80x24.golden", "TestCostViewGolden/thundering-herd/80x24.golden")
	readmePictures(t, "../../../README.zh.md", "TestViewGoldenChinese/power-loss-heartbeat/80x24.golden")
}

// readmePictures checks (or, with -update, rewrites) the pictures of
// readme, which must show the golden files named by each of want.
func readmePictures(t *testing.T, readme string, want ...string) {
	t.Helper()
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
			t.Errorf("%s's picture of %s is not the golden file (go test ./ui/pages/lab -update rewrites it)", readme, m[1])
		}
		return "<!-- golden: " + m[1] + " -->\n```text\n" + string(want) + "```"
	})
	for _, w := range want {
		if !strings.Contains(text, w+" -->") {
			t.Errorf("%s shows no golden picture %s (%d in all)", readme, w, found)
		}
	}
	if update {
		if err := os.WriteFile(readme, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
