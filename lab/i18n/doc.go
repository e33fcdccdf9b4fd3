// Package i18n is socklab's one message catalog: every text a person reads
// — narrations, lesson texts, labels, menus, help, verdicts, error
// messages — in English and Simplified Chinese. lab, scenarios, ui and the
// commands all take their text from here; netsim speaks only in codes.
//
// # Choosing the language
//
//	lang, err := i18n.Resolve(flagLang, os.Getenv) // --lang, else the locale, else English
//	lang, err := i18n.Parse("zh_CN")              // "en", "zh", "zh-CN", "zh_CN.UTF-8", …
//	lang := i18n.FromEnv(os.Getenv)               // LC_ALL > LC_MESSAGES > LANG, as POSIX orders them
//
// The package reads no environment itself (it takes a getenv function) and
// holds no mutable state: the catalog is built once when the program
// starts and never changes, so one process can serve readers of both
// languages at once (the SSH classroom).
//
// # Messages, rendered late
//
// A Message is a message ID and its arguments, not yet text:
//
//	m := i18n.M(i18n.NarratePowerOff, "Host", "client")
//	m.In(i18n.Chinese)  // "client 断电了……"
//	lang.T(i18n.PaneHosts) // render at once: a label, a help line
//
// Events, models and errors carry Messages and are rendered by whoever
// shows them, in that reader's language: the interface can switch
// language live and show its whole history again in the new one, and the
// JSON event stream carries the stable ID beside the text. Arguments are
// formatted for the language (Lang.Duration: "2m5s" and "2 分 5 秒";
// Percent; integers never grouped, so port 8080 stays 8080); an argument
// named Count chooses the plural form ("1 attempt", "2 attempts"). A Text
// is a text a person wrote in one language or both (a scenario's title); an
// *Error is an error whose text is a Message, and ErrorText renders any
// error in a language.
//
// # The catalog
//
// Each message is declared once: an ID constant and an entry with both
// languages, in the cat_*.go file of the part of the program that shows it
// (cat_common.go, …). The texts are Go templates with named placeholders
// ({{.Host}}), so a translation may put them in any order. Add a file's
// table to catalog in catalog.go.
//
// Conventions of the Chinese: the terms Chinese networking courses use
// (三次握手, 四次挥手, 半开连接, 心跳, 保活, 重传超时, 指数退避, 五元组,
// 长轮询) and the seed article's words where they fit (套接字, 服务端,
// 客户端, 断线重连, 心跳包); technical tokens as they are (SYN,
// ESTABLISHED, ECONNRESET, SO_KEEPALIVE, tcp_retries2, field paths);
// full-width punctuation, and a space between Chinese and Latin letters
// or digits ("2 小时", "保活 SO_KEEPALIVE"). Durations in words ("45 秒"):
// a duration placeholder ends in a Chinese unit, so Chinese text follows
// it without a space ("已有 {{.Silent}}没收到").
//
// # Why go-i18n
//
// The catalog renders through github.com/nicksnyder/go-i18n/v2, chosen
// over golang.org/x/text/message for three reasons: its templates name
// their placeholders, so a translator reorders a sentence without counting
// %[2]s; it chooses CLDR plural forms per language from one count; and it
// leaves numbers alone, where x/text's printer groups every %d by locale
// ("port 8,080", "seq=1,448") and would change the English output. Numbers
// and durations are formatted here, per language, before the template
// runs.
//
// # What the tests guarantee
//
//   - TestEveryMessageInBothLanguages: no message exists in one language
//     only; both use the same placeholders; every one renders.
//   - TestEveryIDIsDeclaredOnce: one ID constant per catalog entry.
//   - TestEveryMessageIsUsed: every ID is named by the code (or made from
//     a name at run time: timer.*, policy.*), so nothing is translated
//     that nobody reads.
//   - TestChineseTypography: the punctuation and spacing above.
//   - TestNoTextOutsideTheCatalog: no user-facing string is built outside
//     the catalog, and every call that makes a message passes exactly its
//     placeholders. Its comment defines what it scans, what reads as prose
//     and how an exception is marked (a comment "//i18n:ok reason").
//
// # Files
//
//	lang.go      Lang, Parse, FromEnv, Resolve
//	message.go   Message, M, T, Text, Error, ErrorText
//	format.go    durations and percentages per language
//	catalog.go   the catalog and its rendering (go-i18n)
//	cat_*.go     the messages, one file per part of the program:
//	  cat_common.go     what every part shares: the languages' names
//	  cat_narrate.go    the lab's narrations: what happened, who knows it
//	  cat_events.go     the words of the event lines (run's timeline)
//	  cat_rule.go       the rule a detection fired by, with its numbers
//	  cat_expect.go     expectations, their verdicts, the run's summary
//	  cat_notify.go     an application's log lines and user notices
//	  cat_state.go      the snapshot: app states, timers, summaries, wire rows
//	  cat_actions.go    the actions: what each does, its target and value
//	  cat_presets.go    the protocol presets and their detection times
//	  cat_names.go      netsim's names in words (expiry policies)
//	  cat_config.go     a bad configuration, action or live change
//	  cat_scenarios.go  scenario files, --set and recordings
//	  cat_limits.go     files, sizes, ranges and budgets refused
//	  cat_screen.go     the interface's panes, labels, menus, help
//	  cat_ui.go         more of the interface: focus, zoom, the verdict
//	  cat_keys.go       what each key does (ui/keymap)
//	  cat_cli.go        the commands' help, flags, errors and manual
//	  cat_sweep.go      socklab sweep: measures, units, errors, its help, its chart
package i18n
