package i18n

// Messages every part of socklab shares: the languages themselves.
const (
	LangName       ID = "lang.name"
	ErrUnknownLang ID = "lang.unknown"
)

var commonMessages = map[ID]entry{
	LangName: {
		En: "English",
		Zh: "中文",
	},
	ErrUnknownLang: {
		En: `unknown language "{{.Value}}": socklab speaks en (English) and zh (中文)`,
		Zh: `不支持的语言“{{.Value}}”：socklab 支持 en（English）和 zh（中文）`,
	},
}
