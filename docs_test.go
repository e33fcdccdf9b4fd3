package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocLinksResolve reads README.md and every Markdown file under docs/
// and checks each link: it names a file or directory of the repository (a
// clone has nothing beside it: no link may leave it, nor point to the
// web), and an #anchor names a heading of the file it points to, as
// GitHub makes anchors from headings.
func TestDocLinksResolve(t *testing.T) {
	files := []string{"README.md"}
	err := filepath.WalkDir("docs", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	root, _ := filepath.Abs(".")
	checked := 0
	for _, file := range files {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, link := range markdownLinks(string(text)) {
			checked++
			if err := checkLink(root, file, link); err != "" {
				t.Errorf("%s: link %q: %s", file, link, err)
			}
		}
	}
	if checked < 20 {
		t.Fatalf("only %d links checked in %d files: is the parser right?", checked, len(files))
	}
}

// linkRE matches an inline Markdown link's target: [text](target).
var linkRE = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// markdownLinks are the targets of the inline links of a Markdown text,
// outside code blocks and code spans.
func markdownLinks(text string) []string {
	var out []string
	fenced := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		line = regexp.MustCompile("`[^`]*`").ReplaceAllString(line, "")
		for _, m := range linkRE.FindAllStringSubmatch(line, -1) {
			out = append(out, m[1])
		}
	}
	return out
}

// checkLink says what is wrong with link in file ("" when nothing is).
func checkLink(root, file, link string) string {
	if strings.Contains(link, "://") || strings.HasPrefix(link, "mailto:") {
		return "points outside the repository"
	}
	path, anchor, _ := strings.Cut(link, "#")
	target := file
	if path != "" {
		target = filepath.Join(filepath.Dir(file), path)
	}
	abs, _ := filepath.Abs(target)
	if abs != root && !strings.HasPrefix(abs, root+string(filepath.Separator)) {
		return "leaves the repository"
	}
	info, err := os.Stat(target)
	if err != nil {
		return "no such file in the repository"
	}
	if anchor == "" || info.IsDir() || !strings.HasSuffix(target, ".md") {
		return ""
	}
	text, err := os.ReadFile(target)
	if err != nil {
		return err.Error()
	}
	for _, line := range strings.Split(string(text), "\n") {
		if h, ok := strings.CutPrefix(line, "#"); ok && slug(strings.TrimLeft(h, "#")) == anchor {
			return ""
		}
	}
	return "no heading " + target + "#" + anchor
}

// slug is GitHub's anchor for a heading: lower case, spaces to dashes,
// punctuation other than dashes and underscores dropped.
func slug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// The checker refuses what a clone cannot follow.
func TestCheckLink(t *testing.T) {
	root, _ := filepath.Abs(".")
	for _, c := range []struct {
		file, link string
		ok         bool
	}{
		{"docs/events.md", "../../shared/CONTRACT.md", false},
		{"README.md", "../shared/CONTRACT.md", false},
		{"README.md", "https://example.org/", false},
		{"README.md", "docs/nothing.md", false},
		{"docs/scenarios.md", "#hosts", true},
		{"docs/scenarios.md", "#no-such-heading", false},
		{"README.md", "docs/events.md#the-contract", true},
		{"docs/cli.md", "../testdata/cli", true},
	} {
		if got := checkLink(root, c.file, c.link) == ""; got != c.ok {
			t.Errorf("%s: %s: ok %v, want %v (%s)", c.file, c.link, got, c.ok, checkLink(root, c.file, c.link))
		}
	}
}
