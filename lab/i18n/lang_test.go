package i18n

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Lang
	}{
		{"en", English}, {"EN", English}, {"en-GB", English}, {"en_US.UTF-8", English}, {"en_GB@euro", English},
		{"zh", Chinese}, {"ZH", Chinese}, {"zh-CN", Chinese}, {"zh_CN", Chinese}, {"zh_CN.UTF-8", Chinese},
		{"zh_CN.GB18030", Chinese}, {"zh-Hans", Chinese}, {"zh-Hans-CN", Chinese}, {"zh_TW.UTF-8", Chinese}, {"zh-Hant", Chinese},
	} {
		got, err := Parse(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "fr", "fr_FR.UTF-8", "C", "POSIX", "chinese", "z", "zh--CN", "中文"} {
		_, err := Parse(bad)
		var ie *Error
		if !errors.As(err, &ie) || ie.ID != ErrUnknownLang {
			t.Errorf("Parse(%q): got error %v, want an %s error", bad, err, ErrUnknownLang)
		}
	}
	_, err := Parse("fr")
	for l, want := range map[Lang]string{
		English: `unknown language "fr": socklab speaks en (English) and zh (中文)`,
		Chinese: `不支持的语言“fr”：socklab 支持 en（English）和 zh（中文）`,
	} {
		if got := ErrorText(err, l); got != want {
			t.Errorf("Parse(\"fr\") error in %v: got %q, want %q", l, got, want)
		}
	}
}

func TestFromEnv(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want Lang
	}{
		{"nothing set", nil, English},
		{"LANG", map[string]string{"LANG": "zh_CN.UTF-8"}, Chinese},
		{"LC_MESSAGES over LANG", map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, Chinese},
		{"LC_ALL over all", map[string]string{"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"}, English},
		{"empty LC_ALL is unset", map[string]string{"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, Chinese},
		{"C decides, and is English", map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, English},
		{"a language we do not speak decides, and is English", map[string]string{"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "zh_CN.UTF-8"}, English},
		{"LC_CTYPE is not about messages", map[string]string{"LC_CTYPE": "zh_CN.UTF-8"}, English},
		{"LANGUAGE is GNU's, not POSIX's", map[string]string{"LANGUAGE": "zh_CN:en"}, English},
		{"POSIX", map[string]string{"LANG": "POSIX"}, English},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := FromEnv(func(k string) string { return tc.env[k] }); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	zhEnv := func(k string) string {
		if k == "LANG" {
			return "zh_CN.UTF-8"
		}
		return ""
	}
	if l, err := Resolve("en", zhEnv); l != English || err != nil {
		t.Errorf("the flag wins over the environment: got %v, %v", l, err)
	}
	if l, err := Resolve("", zhEnv); l != Chinese || err != nil {
		t.Errorf("without the flag, the environment: got %v, %v", l, err)
	}
	if _, err := Resolve("klingon", zhEnv); err == nil {
		t.Error("a bad flag is an error, not a silent default")
	}
}

func TestLangNames(t *testing.T) {
	if English.String() != "en" || Chinese.String() != "zh" {
		t.Errorf("codes: got %s, %s", English, Chinese)
	}
	if English.Tag().String() != "en" || Chinese.Tag().String() != "zh-Hans" {
		t.Errorf("tags: got %s, %s", English.Tag(), Chinese.Tag())
	}
	if English.Next() != Chinese || Chinese.Next() != English {
		t.Error("Next does not cycle through both languages")
	}
	for _, l := range Langs {
		if back, err := Parse(l.String()); back != l || err != nil {
			t.Errorf("Parse(%v.String()) = %v, %v", l, back, err)
		}
	}
}
