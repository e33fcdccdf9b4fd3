package format

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Width agrees with ansi.StringWidth on every line of every golden screen,
// on Chinese, on colour, and on what it hands to ansi.StringWidth.
func TestWidthAgreesWithAnsi(t *testing.T) {
	lines := []string{
		"", "abc", "\x1b[1;38;5;111msocklab\x1b[0m · t", "中文，宽度（二）", "✔ pass ✘ FAIL ❚❚ ×10 ⇄ ↻ ↺ ▸ ● ◆ ▓░ ━┃ — … ⋯",
		"emoji 😀 here", "e\u0301 combining", "zero\u200bwidth", "tab\there", "família", "①②", "ｱ half-width katakana",
	}
	files, _ := filepath.Glob("../pages/lab/testdata/*/*/*.golden")
	more, _ := filepath.Glob("../pages/lab/testdata/*/*.golden")
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	if len(lines) < 200 {
		t.Fatalf("only %d lines to compare: where are the golden files?", len(lines))
	}
	for _, l := range lines {
		if got, want := Width(l), ansi.StringWidth(l); got != want {
			t.Errorf("Width(%q) = %d, ansi.StringWidth says %d", l, got, want)
		}
	}
}
