package scenarios

import (
	"strings"
	"testing"

	"github.com/socklab/socklab/lab/i18n"
)

// A scenario's title and teaching text may be one string or both
// languages; a single string with Chinese in it is Chinese, and each
// reads the same in both languages when the other is missing.
func TestTitleInOneLanguageOrBoth(t *testing.T) {
	base, err := builtin.ReadFile("builtin/graceful-close.yaml")
	if err != nil {
		t.Fatal(err)
	}
	body := string(base[strings.Index(string(base), "\nseed:"):])
	for _, tc := range []struct {
		name, head     string
		title, teaches i18n.Text
	}{
		{"one English string", "title: A close\nteaches: FIN, then EOF.\n",
			i18n.Text{En: "A close"}, i18n.Text{En: "FIN, then EOF."}},
		{"one Chinese string", "title: 正常关闭\nteaches: |\n  先 FIN，\n  再 EOF。\n",
			i18n.Text{Zh: "正常关闭"}, i18n.Text{Zh: "先 FIN，\n再 EOF。"}},
		{"both languages", "title: {en: A close, zh: 正常关闭}\nteaches:\n  en: FIN, then EOF.\n  zh: 先 FIN，再 EOF。\n",
			i18n.Text{En: "A close", Zh: "正常关闭"}, i18n.Text{En: "FIN, then EOF.", Zh: "先 FIN，再 EOF。"}},
		{"Chinese only, as a mapping", "title: {zh: 正常关闭}\n",
			i18n.Text{Zh: "正常关闭"}, i18n.Text{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := Parse("t", "t.yaml", []byte(tc.head+body))
			if err != nil {
				t.Fatal(err)
			}
			if sc.Title != tc.title || sc.Teaches != tc.teaches {
				t.Errorf("got %+v, %+v; want %+v, %+v", sc.Title, sc.Teaches, tc.title, tc.teaches)
			}
			for _, l := range i18n.Langs {
				if sc.Title.In(l) == "" {
					t.Errorf("no title in %v", l)
				}
			}
		})
	}
}
