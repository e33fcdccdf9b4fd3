package main

import (
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/muesli/roff"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/socklab/socklab/lab/i18n"
)

// newManCmd builds `socklab man`: the manual page, in roff, made from the
// same commands, summaries, flags and examples as the help.
func newManCmd(lang i18n.Lang) *cobra.Command {
	return &cobra.Command{
		Use:     "man",
		Short:   lang.T(i18n.CLIManShort),
		Long:    lang.T(i18n.CLIManLong),
		Example: lang.T(i18n.CLIManExample),
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return i18n.NewError(i18n.CLITakesNoArguments, "Command", "man")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			info, _ := debug.ReadBuildInfo()
			if _, err := fmt.Fprint(cmd.OutOrStdout(), manPage(cmd.Root(), buildDate(info), lang)); err != nil {
				return fmt.Errorf("man: %w", err)
			}
			return nil
		},
	}
}

// manPage renders root's tree as a man page of section 1, dated date
// (YYYY-MM-DD, or empty).
func manPage(root *cobra.Command, date string, lang i18n.Lang) string {
	doc := roff.NewDocument()
	var examples []string
	name := root.Name()
	doc.Section(lang.T(i18n.CLIManName))
	doc.Text(name + " - " + root.Short)

	doc.Section(lang.T(i18n.CLIManSynopsis))
	for i, c := range manCommands(root) {
		if i > 0 {
			doc.Paragraph()
		}
		doc.TextBold(c.CommandPath())
		if use := strings.TrimPrefix(c.UseLine(), c.CommandPath()); use != "" {
			doc.Text(use)
		}
	}

	doc.Section(lang.T(i18n.CLIManDesc))
	doc.Text(longText(root))

	doc.Section(lang.T(i18n.CLIManCommands))
	for _, c := range manCommands(root)[1:] {
		doc.TaggedParagraph(-1)
		doc.TextBold(c.UseLine())
		doc.EndSection()
		doc.Text(lang.T(i18n.CLIManSentence, "Text", c.Short))
		doc.Indent(-1)
		if long := longText(c); long != "" {
			doc.Paragraph()
			doc.Text(long)
		}
		manFlags(doc, c.LocalNonPersistentFlags(), "help")
		manExamples(doc, &examples, c.Example)
		doc.IndentEnd()
	}

	doc.Section(lang.T(i18n.CLIManOptionsSec))
	doc.Text(lang.T(i18n.CLIManOptions))
	manFlags(doc, root.Flags())

	doc.Section(lang.T(i18n.CLIManEnv))
	doc.TaggedParagraph(-1)
	doc.TextBold("LC_ALL, LC_MESSAGES, LANG")
	doc.EndSection()
	doc.Text(lang.T(i18n.CLIManEnvLang))
	doc.TaggedParagraph(-1)
	doc.TextBold("NO_COLOR")
	doc.EndSection()
	doc.Text(lang.T(i18n.CLIManEnvNoColor))
	doc.TaggedParagraph(-1)
	doc.TextBold("GOGC")
	doc.EndSection()
	doc.Text(lang.T(i18n.CLIManEnvGOGC))

	doc.Section(lang.T(i18n.CLIManExamples))
	manExamples(doc, &examples, root.Example)

	doc.Section(lang.T(i18n.CLIManSeeAlsoSec))
	doc.Text(lang.T(i18n.CLIManSeeAlso))

	return fmt.Sprintf(".TH %s 1 %q %q %q\n", strings.ToUpper(name), date, name, lang.T(i18n.CLIManTitle, "Name", name)) + examplesIn(doc.String(), examples)
}

// manCommands lists root and the commands under it that a person uses,
// depth first, in the tree's order.
func manCommands(root *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, c := range allCommands(root) {
		if c == root || c.IsAvailableCommand() && c.Name() != "help" {
			out = append(out, c)
		}
	}
	return out
}

// manFlags lists flags, each with its usage, but for those named in skip.
func manFlags(doc *roff.Document, flags *pflag.FlagSet, skip ...string) {
	flags.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || slices.Contains(skip, f.Name) {
			return
		}
		name := "--" + f.Name
		if t := f.Value.Type(); t != "bool" {
			name += " " + t // N, DURATION, FILE…
		}
		doc.TaggedParagraph(-1)
		doc.TextBold(name)
		doc.EndSection()
		doc.Text(f.Usage)
	})
}

// manExamples writes a command's examples, its "# " lines as they are.
// They are set unfilled, line for line (.nf): filled, roff would make each
// line a paragraph, and a command continued over lines ("… \", then
// "  --vary …") would reach the reader cut by blank lines, or hyphenated.
// roff.Document writes no requests of its own, so the block goes in as a
// placeholder that examplesIn replaces.
func manExamples(doc *roff.Document, blocks *[]string, example string) {
	example = strings.TrimSpace(example)
	if example == "" {
		return
	}
	var b strings.Builder
	b.WriteString(".nf\n")
	for line := range strings.Lines(example) {
		b.WriteString(`\&` + strings.ReplaceAll(strings.TrimRight(line, "\n"), `\`, `\e`) + "\n")
	}
	b.WriteString(".fi")
	doc.Paragraph()
	doc.Indent(4)
	doc.Text(examplePlaceholder(len(*blocks)))
	doc.IndentEnd()
	*blocks = append(*blocks, b.String())
}

// examplePlaceholder is the text standing for the i-th example block.
func examplePlaceholder(i int) string { return fmt.Sprintf("SOCKLAB-EXAMPLES-%d", i) }

// examplesIn puts the example blocks in page, each on its placeholder's line.
func examplesIn(page string, blocks []string) string {
	for i, b := range blocks {
		page = strings.Replace(page, examplePlaceholder(i)+"\n", b+"\n", 1)
	}
	return page
}

// buildDate is the day of the revision socklab was built from, or empty.
func buildDate(info *debug.BuildInfo) string {
	if info == nil {
		return ""
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.time" && len(s.Value) >= len("2006-01-02") {
			return s.Value[:len("2006-01-02")]
		}
	}
	return ""
}
