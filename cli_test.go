package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/cockroachdb/datadriven"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/scenarios"
)

// TestMain pins what the command line reads from the environment: the
// language (English), colour (none), the help's width (80 columns). With
// SOCKLAB_AS_MAIN=1 the test binary is socklab itself, for the shell
// completion scripts to call.
func TestMain(m *testing.M) {
	if os.Getenv("SOCKLAB_AS_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "CLICOLOR_FORCE"} {
		os.Unsetenv(key)
	}
	os.Setenv("__FANG_TEST_WIDTH", "80") // fang's width, read once
	os.Exit(m.Run())
}

// TestCLI runs the transcripts of testdata/cli: each case is a command line
// as a person types it, and what socklab answers — the exit code, standard
// output, and standard error (each line of it marked "stderr:"). The files
// read as the documentation of the command line's behaviour;
// `go test . -run CLI -rewrite` regenerates them.
func TestCLI(t *testing.T) {
	datadriven.Walk(t, "testdata/cli", func(t *testing.T, path string) {
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			if d.Cmd != "socklab" {
				d.Fatalf(t, "a case starts with socklab, not %q", d.Cmd)
			}
			var args []string
			for _, a := range d.CmdArgs {
				args = append(args, strings.Trim(a.String(), `"`))
			}
			code, out, errOut := cli(t, args...)
			return transcript(code, out, errOut)
		})
	})
}

// transcript renders what a command did: its exit code, its output, its
// errors.
func transcript(code int, stdout, stderr string) string {
	var b strings.Builder
	b.WriteString("exit " + strconv.Itoa(code) + "\n")
	b.WriteString(stdout)
	if stdout != "" && !strings.HasSuffix(stdout, "\n") {
		b.WriteString("⏎\n") // no newline at the end
	}
	for line := range strings.Lines(stderr) {
		b.WriteString("stderr: " + line)
	}
	return b.String()
}

// TestHelpFits: every command's help fits 80 columns, examples whole (fang
// cuts an example too wide with "…").
func TestHelpFits(t *testing.T) {
	for _, c := range allCommands(newRootCmd(i18n.English)) {
		for _, lang := range []string{"en", "zh"} {
			checkHelpFits(t, c, lang)
		}
	}
}

// TestHelpKeepsFlagsWhole: no command's help, at 80 columns, in either
// language, splits a flag's name across two lines, whichever command's
// flag it is (a description names others': replay's names run's
// --record). fang's wrap broke the Chinese help of list at the hyphen of
// "--all": "加上 --" at a line's end, "all，后面…" on the next.
func TestHelpKeepsFlagsWhole(t *testing.T) {
	root := newRootCmd(i18n.English)
	var flags []string
	add := func(f *pflag.Flag) {
		if !slices.Contains(flags, "--"+f.Name) {
			flags = append(flags, "--"+f.Name)
		}
	}
	for _, c := range allCommands(root) {
		c.Flags().VisitAll(add)
		c.PersistentFlags().VisitAll(add)
	}
	for _, c := range allCommands(root) {
		path := strings.Fields(c.CommandPath())[1:]
		for _, lang := range []string{"en", "zh"} {
			_, out, _ := cli(t, append(path, "--help", "--lang", lang)...)
			lines := strings.Split(out, "\n")
			for i := 0; i+1 < len(lines); i++ {
				end, next := strings.TrimRight(lines[i], " "), strings.TrimLeft(lines[i+1], " ")
				for _, f := range flags {
					for k := 1; k < len(f); k++ {
						if strings.HasSuffix(end, f[:k]) && strings.HasPrefix(next, f[k:]) {
							t.Errorf("%s --help --lang %s splits %s: %q / %q", c.CommandPath(), lang, f, end, next)
						}
					}
				}
			}
		}
	}
}

// checkHelpFits checks one command's help in lang: 80 display cells (a
// Chinese character is two), and in that language.
func checkHelpFits(t *testing.T, c *cobra.Command, lang string) {
	t.Helper()
	path := strings.Fields(c.CommandPath())[1:]
	code, out, errOut := cli(t, append(path, "--help", "--lang", lang)...)
	if lang == "zh" && !strings.ContainsFunc(out, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
		t.Errorf("%s --help --lang zh is not in Chinese:\n%s", c.CommandPath(), out)
	}
	if code != 0 || errOut != "" {
		t.Errorf("%s --help --lang %s: exit %d, %s", c.CommandPath(), lang, code, errOut)
	}
	for line := range strings.Lines(out) {
		if w := ansi.StringWidth(strings.TrimRight(line, " \n")); w > 80 || strings.Contains(line, "…") {
			t.Errorf("%s --help --lang %s: a line of %d columns: %q", c.CommandPath(), lang, w, line)
		}
	}
}

// TestBashCompletion drives the bash script of `socklab completion bash`
// as bash does on a TAB: COMP_WORDS and COMP_CWORD set, the completion
// function called, COMPREPLY read. The script asks this test binary,
// which is socklab when SOCKLAB_AS_MAIN is set.
func TestBashCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash here")
	}
	code, script, errOut := cli(t, "completion", "bash")
	if code != 0 {
		t.Fatalf("completion bash: exit %d: %s", code, errOut)
	}
	path := filepath.Join(t.TempDir(), "socklab.bash")
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	var power []string
	for _, s := range scenarios.List() {
		if strings.HasPrefix(s.Name, "power") {
			power = append(power, s.Name)
		}
	}
	for _, tc := range []struct {
		words []string // the last is the word being completed
		want  []string
	}{
		{[]string{"run", "power"}, power},
		{[]string{"run", "power-loss-heartbeat", "--set", "apps.cl"}, []string{"apps.client."}},
		{[]string{"run", "power-loss-heartbeat", "--set", "apps.client.heartbeat.inter"}, []string{"apps.client.heartbeat.interval="}},
		{[]string{"export", "nat-idle-rst", "--at", "c"}, []string{"client"}},
		{[]string{"play", "handshake", "--lang", "z"}, []string{"zh"}},
		{[]string{"comp"}, []string{"completion"}},
	} {
		t.Run(strings.Join(tc.words, " "), func(t *testing.T) {
			words := append([]string{os.Args[0]}, tc.words...)
			// bash-completion's _get_comp_words_by_ref, reduced to what the
			// script asks of it when the words are already whole.
			drive := `
_get_comp_words_by_ref() { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; }
compopt() { :; }
source "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$(( $# - 1 ))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
__start_socklab
printf '%s\n' "${COMPREPLY[@]}"
`
			cmd := exec.Command(bash, append([]string{"--norc", "-c", drive, "bash", path}, words...)...)
			cmd.Env = append(os.Environ(), "SOCKLAB_AS_MAIN=1")
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("bash: %v", err)
			}
			got := strings.Fields(string(out))
			if !slices.Equal(got, tc.want) {
				t.Errorf("COMPREPLY %q, want %q", got, tc.want)
			}
		})
	}
}

// TestCompletionScripts: every shell gets a script that asks socklab.
func TestCompletionScripts(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		code, out, errOut := cli(t, "completion", shell)
		if code != 0 || errOut != "" || !strings.Contains(out, "__complete") {
			t.Errorf("completion %s: exit %d, stderr %q, %d bytes without __complete", shell, code, errOut, len(out))
		}
	}
}

// TestVersion renders the version of a build made from a git checkout.
func TestVersion(t *testing.T) {
	info, err := debug.ParseBuildInfo(`path	github.com/socklab/socklab
mod	github.com/socklab/socklab	v0.0.0-20260101120000-0bab167c1a2b+dirty
build	GOARCH=amd64
build	GOOS=linux
build	vcs=git
build	vcs.revision=0bab167c1a2b3c4d5e6f708192a3b4c5d6e7f809
build	vcs.time=2026-01-01T12:00:00Z
build	vcs.modified=true
`)
	if err != nil {
		t.Fatal(err)
	}
	info.GoVersion = "go1.26.0"
	want := `socklab v0.0.0-20260101120000-0bab167c1a2b+dirty
revision 0bab167c1a2b3c4d5e6f708192a3b4c5d6e7f809 (2026-01-01T12:00:00Z, modified)
built with go1.26.0 for linux/amd64`
	if got := version(info); got != want {
		t.Errorf("version:\n%s\nwant:\n%s", got, want)
	}
	if got := buildDate(info); got != "2026-01-01" {
		t.Errorf("buildDate %q, want 2026-01-01", got)
	}
	// This test binary: its own build information, on --version and -v.
	self, _ := debug.ReadBuildInfo()
	for _, flag := range []string{"--version", "-v"} {
		code, out, _ := cli(t, flag)
		if code != 0 || out != version(self)+"\n" {
			t.Errorf("%s: exit %d, %q, want %q", flag, code, out, version(self)+"\n")
		}
	}
}

// failingWriter fails every write, as a full disk does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestWriteErrors: output that cannot be written is trouble — exit 2 and
// one line saying so, never a silent exit 0 (or 1, which says an
// expectation failed).
func TestWriteErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "handshake"}, "socklab: run: writing the timeline: no space left on device\n"},
		{[]string{"run", "power-loss-heartbeat", "--until", "1m"}, "socklab: run: writing the timeline: no space left on device\n"},
		{[]string{"list"}, "socklab: list: no space left on device\n"},
		{[]string{"export", "handshake", "--jsonl", os.DevNull}, "socklab: export: no space left on device\n"},
		{[]string{"man"}, "socklab: man: no space left on device\n"},
		{[]string{"completion", "zsh"}, "socklab: completion: no space left on device\n"},
	} {
		var errOut bytes.Buffer
		code := run(tc.args, failingWriter{}, &errOut)
		if code != 2 || errOut.String() != tc.want {
			t.Errorf("%s: exit %d, stderr %q; want exit 2, %q", tc.args, code, errOut.String(), tc.want)
		}
	}
}

// TestExitCodeOf: only a failed expectation is exit 1; anything else that
// goes wrong — the interface failing too — is 2.
func TestExitCodeOf(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want int
	}{
		{nil, 0},
		{errFailed, 1},
		{errors.New("play: could not open a new TTY: open /dev/tty: no such device or address"), 2},
		{fmt.Errorf("run: %w", errFailed), 1},
	} {
		if got := exitCode(tc.err); got != tc.want {
			t.Errorf("exitCode(%v) = %d, want %d", tc.err, got, tc.want)
		}
	}
}

// TestLanguage: --lang wherever it stands among the arguments, else the
// locale (i18n parses both).
func TestLanguage(t *testing.T) {
	env := func(lang string) func(string) string {
		return func(k string) string {
			if k == "LANG" {
				return lang
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name string
		args []string
		lang string // $LANG
		want i18n.Lang
	}{
		{"nothing set", nil, "", i18n.English},
		{"the locale", []string{"list"}, "zh_CN.UTF-8", i18n.Chinese},
		{"--lang wins", []string{"run", "x", "--lang", "zh"}, "en_US.UTF-8", i18n.Chinese},
		{"--lang=", []string{"--lang=zh-CN", "list"}, "", i18n.Chinese},
		{"after other flags", []string{"run", "x", "--seed", "3", "--until", "1m", "--lang", "en"}, "zh_CN", i18n.English},
		{"after flags it does not know", []string{"run", "x", "--colour", "--lang", "zh"}, "", i18n.Chinese},
		{"after --help", []string{"run", "--help", "--lang", "zh"}, "", i18n.Chinese},
		{"a bad --lang: the locale's", []string{"--lang", "fr"}, "zh_CN", i18n.Chinese},
		{"after --, not a flag", []string{"run", "--", "--lang", "zh"}, "", i18n.English},
		{"Go's single dash", []string{"run", "x", "-lang", "zh"}, "", i18n.Chinese},
		{"Go's single dash and =", []string{"run", "x", "-lang=zh"}, "", i18n.Chinese},
	} {
		if got := langOf(tc.args, env(tc.lang)); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestManMatchesHelp: the manual page holds every command's summary,
// description, flags and examples, and the pages of testdata/man.1 is
// it (`go test . -run Man -rewrite` refreshes it).
func TestManMatchesHelp(t *testing.T) {
	root := newRootCmd(i18n.English)
	page := manPage(root, "", i18n.English)
	for _, c := range manCommands(root) {
		for _, text := range []string{c.Short, c.Long} {
			for _, word := range strings.Fields(text) {
				if !strings.Contains(page, roffEscape(word)) {
					t.Errorf("%s: the page lacks %q", c.CommandPath(), word)
				}
			}
		}
		// Examples are set line for line, indents and continuations kept.
		for line := range strings.Lines(strings.TrimSpace(c.Example)) {
			want := `\&` + strings.ReplaceAll(strings.TrimRight(line, "\n"), `\`, `\e`) + "\n"
			if !strings.Contains(page, want) {
				t.Errorf("%s: the page lacks the example line %q", c.CommandPath(), line)
			}
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name != "help" && !strings.Contains(page, roffEscape(f.Usage)) {
				t.Errorf("%s: the page lacks --%s: %q", c.CommandPath(), f.Name, f.Usage)
			}
		})
	}
	if strings.Contains(page, examplePlaceholder(0)[:len("SOCKLAB-EXAMPLES")]) {
		t.Errorf("the page keeps an example's placeholder")
	}
	withExamples := 0
	for _, c := range manCommands(root) {
		if strings.TrimSpace(c.Example) != "" {
			withExamples++
		}
	}
	if n := strings.Count(page, ".nf\n"); n != withExamples || strings.Count(page, ".fi\n") != n {
		t.Errorf("%d unfilled blocks (.nf), %d ends (.fi), for %d commands with examples", n, strings.Count(page, ".fi\n"), withExamples)
	}
	code, out, _ := cli(t, "man")
	if code != 0 || out != manPage(newRootCmd(i18n.English), buildDate(nil), i18n.English) {
		t.Errorf("socklab man: exit %d, %d bytes, not the page", code, len(out))
	}
	if man, err := exec.LookPath("man"); err == nil {
		cmd := exec.Command(man, "-l", "-")
		cmd.Stdin = strings.NewReader(page)
		cmd.Env = append(os.Environ(), "MANWIDTH=80", "MAN_KEEP_FORMATTING=0")
		out, err := cmd.CombinedOutput()
		if err != nil || strings.Contains(string(out), "warning") {
			t.Errorf("man -l: %v\n%s", err, out)
		}
	}
}

// roffEscape is text as the roff package writes it.
func roffEscape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\e`), ".", `\&.`)
}

// TestDocsNameEveryCommandAndFlag: docs/cli.md, the command line's
// contract, names every command and every flag the tree has.
func TestDocsNameEveryCommandAndFlag(t *testing.T) {
	data, err := os.ReadFile("docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	root := newRootCmd(i18n.English)
	for _, c := range allCommands(root) {
		if c.Hidden {
			continue
		}
		if name := "`" + c.CommandPath(); c.Parent() == root && !strings.Contains(doc, name) {
			t.Errorf("docs/cli.md does not name %s`", name)
		}
		if c.Parent() != nil && c.Parent() != root && !strings.Contains(doc, "`"+c.Name()+"`") {
			t.Errorf("docs/cli.md does not name %s", c.CommandPath())
		}
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if !strings.Contains(doc, "`--"+f.Name) {
				t.Errorf("docs/cli.md does not name %s's --%s", c.CommandPath(), f.Name)
			}
		})
	}
}

// TestFlagTextsSurviveTheHelp: fang's help title-cases the first word of a
// flag's text (cases.Title: its first letter up, the rest down), so that
// word may have no other letter that would change — in Chinese, no Latin
// letter at all ("语言：en" was shown "语言：En", "PATH=VALUE" "Path=Value",
// "90s" "90S"). And every flag's text is in the help's language, cobra's
// own --help and --version too.
func TestFlagTextsSurviveTheHelp(t *testing.T) {
	title := cases.Title(language.AmericanEnglish)
	for _, lang := range i18n.Langs {
		for _, c := range allCommands(newRootCmd(lang)) {
			c.Flags().VisitAll(func(f *pflag.Flag) {
				words := strings.Fields(f.Usage)
				if len(words) == 0 {
					t.Errorf("%s %s --%s: no text", lang, c.CommandPath(), f.Name)
					return
				}
				first := []rune(words[0])
				if got, want := title.String(words[0]), strings.ToUpper(string(first[0]))+string(first[1:]); got != want {
					t.Errorf("%s %s --%s: the help shows %q as %q", lang, c.CommandPath(), f.Name, words[0], got)
				}
				if lang == i18n.Chinese && !strings.ContainsFunc(f.Usage, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
					t.Errorf("%s --%s: %q is not in Chinese", c.CommandPath(), f.Name, f.Usage)
				}
			})
		}
	}
}
