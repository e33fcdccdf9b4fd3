package main

import (
	"strings"
	"testing"

	"github.com/socklab/socklab/lab/i18n"
)

// TestExamplesParse: every example in every command's help, in both
// languages, is a command line a person can paste — read as a shell reads
// it (a line ending in one backslash goes on on the next; "\\" is a
// backslash, not a continuation), it names a command of the tree, flags it
// knows, and as many arguments as the command takes.
func TestExamplesParse(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
		for _, c := range allCommands(newRootCmd(lang)) {
			for _, line := range exampleLines(c.Example) {
				args := strings.Fields(line)
				if len(args) == 0 || args[0] != "socklab" {
					continue // ssh -p 2222 …, echo '… <(socklab completion bash)'
				}
				root := newRootCmd(lang)
				cmd, rest, err := root.Find(args[1:])
				if err != nil {
					t.Errorf("%s (%s): example %q: %v", c.CommandPath(), lang, line, err)
					continue
				}
				if err := cmd.ParseFlags(rest); err != nil {
					t.Errorf("%s (%s): example %q: %v", c.CommandPath(), lang, line, err)
					continue
				}
				if err := cmd.ValidateArgs(cmd.Flags().Args()); err != nil {
					t.Errorf("%s (%s): example %q: %v", c.CommandPath(), lang, line, err)
				}
			}
		}
	}
}

// exampleLines are the command lines of an example text: comments and
// blank lines left out, continued lines joined, each cut before its first
// pipe or redirection.
func exampleLines(example string) []string {
	var out []string
	var cur strings.Builder
	for line := range strings.Lines(example) {
		line = strings.TrimRight(line, " \n")
		if cur.Len() == 0 && (line == "" || strings.HasPrefix(strings.TrimSpace(line), "#")) {
			continue
		}
		trailing := len(line) - len(strings.TrimRight(line, `\`))
		if trailing%2 == 1 {
			cur.WriteString(line[:len(line)-1] + " ")
			continue
		}
		cur.WriteString(line)
		full := cur.String()
		cur.Reset()
		if i := strings.IndexAny(full, "|<>"); i >= 0 {
			full = full[:i]
		}
		out = append(out, full)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String()) // a continuation with nothing after it
	}
	return out
}
