package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
)

// TestDocLinksResolve reads every Markdown file of the repository (the
// READMEs in both languages, docs/, testdata's notes) and checks each link: it names a file or directory of the repository (a
// clone has nothing beside it: no link may leave it, nor point to the
// web), and an #anchor names a heading of the file it points to, as
// GitHub makes anchors from headings.
func TestDocLinksResolve(t *testing.T) {
	var files []string
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && path != "." && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir // .git, .ci
		}
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

// TestReadmesListEveryLesson: both READMEs count the built-in lessons
// right, README.md's table of what they teach names every one, and
// README.zh.md's numbered table is the picker's teaching order with each
// lesson's titles as the catalog has them.
func TestReadmesListEveryLesson(t *testing.T) {
	lessons := scenarios.Lessons()
	en, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	zh, err := os.ReadFile("README.zh.md")
	if err != nil {
		t.Fatal(err)
	}
	n := strconv.Itoa(len(lessons))
	for _, want := range []string{"the " + n + " built-in lessons"} {
		if !strings.Contains(string(en), want) {
			t.Errorf("README.md does not say %q", want)
		}
	}
	for _, want := range []string{n + " 节内置课程", "全部 " + n + " 节课"} {
		if !strings.Contains(string(zh), want) {
			t.Errorf("README.zh.md does not say %q", want)
		}
	}
	_, teaches, _ := strings.Cut(string(en), "\n## What it teaches\n")
	teaches, _, _ = strings.Cut(teaches, "\n## ")
	for _, l := range lessons {
		if !strings.Contains(teaches, "`"+l.Name+"`") {
			t.Errorf("README.md's What it teaches does not name %s", l.Name)
		}
	}
	var rows []string
	for line := range strings.Lines(string(zh)) {
		if regexp.MustCompile("^\\| [0-9]+ \\| `").MatchString(line) {
			rows = append(rows, strings.TrimSpace(line))
		}
	}
	var want []string
	for _, l := range lessons {
		want = append(want, fmt.Sprintf("| %d | `%s` | %s | %s |", l.Lesson, l.Name, l.Title.In(i18n.Chinese), l.Title.In(i18n.English)))
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("README.zh.md's numbered table of the lessons (-want +got):\n%s", diff)
	}
}

// TestCLIDocQuotesTranscripts: every error line about the command line
// that docs/cli.md quotes is one the transcripts of testdata/cli hold (and
// so one socklab prints today), byte for byte.
func TestCLIDocQuotesTranscripts(t *testing.T) {
	doc, err := os.ReadFile("docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/cli/*.txt")
	var transcripts strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		transcripts.Write(b)
	}
	quoted := 0
	fenced := false
	for line := range strings.Lines(string(doc)) {
		line = strings.TrimSuffix(line, "\n")
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		if !fenced || !strings.HasPrefix(line, "socklab: ") || strings.HasPrefix(line, "socklab: lesson.yaml:") {
			continue // a scenario file's error: scenarios' broken tests hold those
		}
		quoted++
		if !strings.Contains(transcripts.String(), "stderr: "+line+"\n") {
			t.Errorf("docs/cli.md quotes a message no transcript holds:\n%s", line)
		}
	}
	if quoted < 5 {
		t.Fatalf("only %d messages found in docs/cli.md: is the reader right?", quoted)
	}
}
