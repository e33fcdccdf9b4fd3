package i18n

import (
	"strings"

	"golang.org/x/text/language"
)

// Lang is a language socklab speaks. The zero value is English, the
// language of last resort.
type Lang uint8

const (
	English Lang = iota
	Chinese      // Simplified Chinese (zh-Hans)
)

// Langs lists every language, in the order a switch key cycles through
// them.
var Langs = [...]Lang{English, Chinese}

// String is the language's code as --lang takes it: "en", "zh".
func (l Lang) String() string {
	if l == Chinese {
		return "zh"
	}
	return "en"
}

// Tag is the language's BCP 47 tag.
func (l Lang) Tag() language.Tag {
	if l == Chinese {
		return language.SimplifiedChinese
	}
	return language.English
}

// Next is the language after l in Langs, wrapping round: what the
// interface's switch key shows next.
func (l Lang) Next() Lang { return Langs[(int(l)+1)%len(Langs)] }

// Parse reads a language as --lang takes it: "en" or "zh", in any case,
// with or without a region, script, encoding or modifier ("zh-CN",
// "zh_CN.UTF-8", "zh-Hans", "en_GB@euro"). Every Chinese tag, Traditional
// included, reads as Chinese: the catalog's Chinese is Simplified, which a
// reader of Traditional follows far better than English. Anything else is
// an error (an *Error, so the caller can show it in the reader's language)
// naming the value.
func Parse(s string) (Lang, error) {
	if l, ok := parseLocale(s); ok {
		return l, nil
	}
	return English, NewError(ErrUnknownLang, "Value", s)
}

// parseLocale reads a language code or POSIX locale name; ok is false when it
// names no language socklab speaks.
func parseLocale(s string) (l Lang, ok bool) {
	// A POSIX locale is language[_territory][.codeset][@modifier].
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i]
	}
	tag, err := language.Parse(strings.ReplaceAll(s, "_", "-"))
	if err != nil {
		return English, false
	}
	switch base, _ := tag.Base(); base.String() {
	case "en":
		return English, true
	case "zh":
		return Chinese, true
	}
	return English, false
}

// FromEnv is the language the environment asks for, as POSIX (XBD 8.2,
// "Internationalization Variables") orders it: the first of LC_ALL,
// LC_MESSAGES and LANG that is set and not empty decides; if it names a
// language socklab does not speak ("C", "POSIX", "fr_FR.UTF-8"), or none is
// set, the answer is English. GNU's LANGUAGE list is not consulted.
//
// getenv is os.Getenv or a test's map lookup: the package reads no
// environment itself.
func FromEnv(getenv func(string) string) Lang {
	for _, name := range [...]string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			l, _ := parseLocale(v)
			return l
		}
	}
	return English
}

// Resolve chooses the language of a command: the --lang flag's value when
// it is given (an error if it names no language socklab speaks), else the
// environment's (FromEnv).
func Resolve(flag string, getenv func(string) string) (Lang, error) {
	if flag != "" {
		return Parse(flag)
	}
	return FromEnv(getenv), nil
}
