package i18n

import (
	"fmt"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// entry is one message in both languages. Each text is a Go text/template
// whose placeholders ({{.Host}}) are the message's arguments, all rendered
// to strings before the template runs (see M). Both languages use the same
// placeholders, and both must be there: TestEveryMessageInBothLanguages.
type entry struct {
	// En is the English text: CLDR's "other" plural form when the message
	// has a Count.
	En string
	// EnOne is English's singular ("1 attempt") for a message whose text
	// depends on its Count argument; empty for every other message.
	EnOne string
	// Zh is the Chinese text. Chinese has no plural forms (CLDR: "other"
	// only).
	Zh string
}

// catalog is every message socklab shows, by ID: the tables of the
// cat_*.go files, one per part of the program. It is built once, when the
// program starts, and never changes.
var catalog = merge(
	commonMessages,
	narrateMessages,
	eventMessages,
	ruleMessages,
	configMessages,
	actionMessages,
	scenarioMessages,
	expectMessages,
	presetMessages,
	uiMessages,
	whyMessages,
	screenMessages,
	keyMessages,
	stateMessages,
	nameMessages,
	cliMessages,
	notifyMessages,
	limitMessages,
	drillMessages,
	sweepMessages,
	exploreMessages,
	scriptMessages,
	serveMessages,
)

// merge joins the tables; an ID in two tables is a bug, and the program
// stops at once.
func merge(tables ...map[ID]entry) map[ID]entry {
	all := map[ID]entry{}
	for _, t := range tables {
		for id, e := range t {
			if _, dup := all[id]; dup {
				panic(fmt.Sprintf("i18n: message %s is defined twice", id))
			}
			all[id] = e
		}
	}
	return all
}

// book is a catalog ready to render: its entries and a localizer per
// language (indexed by Lang). Like the catalog it never changes, and
// go-i18n's localizers are safe to use from many goroutines: one process
// may serve readers of both languages.
type book struct {
	entries    map[ID]entry
	localizers [len(Langs)]*goi18n.Localizer
}

// std is the book of the catalog, the one every Message renders from.
var std = newBook(catalog)

func newBook(entries map[ID]entry) *book {
	bundle := goi18n.NewBundle(English.Tag())
	for id, e := range entries {
		bundle.MustAddMessages(English.Tag(), &goi18n.Message{ID: string(id), One: e.EnOne, Other: e.En})
		bundle.MustAddMessages(Chinese.Tag(), &goi18n.Message{ID: string(id), Other: e.Zh})
	}
	b := &book{entries: entries}
	for _, l := range Langs {
		b.localizers[l] = goi18n.NewLocalizer(bundle, l.Tag().String())
	}
	return b
}

// render renders m in l. An ID missing from the book renders as "[id]"
// (the catalog test makes sure none is).
func (b *book) render(m Message, l Lang) string {
	if m.ID == "" {
		return ""
	}
	e, ok := b.entries[m.ID]
	if !ok {
		return "[" + string(m.ID) + "]"
	}
	lc := &goi18n.LocalizeConfig{MessageID: string(m.ID)}
	if len(m.args) > 0 {
		data := make(map[string]any, len(m.args)/2)
		for i := 0; i+1 < len(m.args); i += 2 {
			name := m.args[i].(string)
			data[name] = b.arg(m.args[i+1], l)
			if name == "Count" && e.EnOne != "" {
				lc.PluralCount = count(m.args[i+1])
			}
		}
		lc.TemplateData = data
	}
	s, err := b.localizers[l].Localize(lc)
	if err != nil {
		return "[" + string(m.ID) + "]"
	}
	return s
}

// count converts a Count argument to a number go-i18n's plural rules take.
func count(v any) any {
	switch n := v.(type) {
	case uint:
		return int64(n)
	case uint8:
		return int64(n)
	case uint16:
		return int64(n)
	case uint32:
		return int64(n)
	case uint64:
		return int64(n)
	}
	return v
}
