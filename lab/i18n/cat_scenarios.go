package i18n

// Scenario files, --set flags and recordings: what is wrong with them (the
// text after "file:line:col: path: "), loading and exporting.
const (
	ScenarioYAMLSyntax     ID = "scenario.yaml_syntax"
	ScenarioYAMLIndent     ID = "scenario.yaml_indent"
	ScenarioYAMLOpen       ID = "scenario.yaml_open"
	ScenarioYAMLTab        ID = "scenario.yaml_tab"
	ScenarioKeyTwice       ID = "scenario.key_twice"
	ScenarioEmptyFile      ID = "scenario.empty_file"
	ScenarioTwoDocuments   ID = "scenario.two_documents"
	ScenarioAnchors        ID = "scenario.anchors"
	ScenarioTags           ID = "scenario.tags"
	ScenarioMergeKeys      ID = "scenario.merge_keys"
	ScenarioConstruct      ID = "scenario.construct"
	ScenarioNotMapping     ID = "scenario.not_mapping"
	ScenarioNeedsValue     ID = "scenario.needs_value"
	ScenarioNeedsName      ID = "scenario.needs_name"
	ScenarioMustBeKind     ID = "scenario.must_be_kind"
	ScenarioMustBeValue    ID = "scenario.must_be_value"
	ScenarioMustBeList     ID = "scenario.must_be_list"
	ScenarioMustBeMapping  ID = "scenario.must_be_mapping"
	ScenarioMustBeNamed    ID = "scenario.must_be_named"
	ScenarioUnknownKeyLike ID = "scenario.unknown_key_like"
	ScenarioUnknownKey     ID = "scenario.unknown_key"
	ScenarioNeedsTitle     ID = "scenario.needs_title"
	ScenarioNotAbove       ID = "scenario.not_above"
	ScenarioNeedsHost      ID = "scenario.needs_host"
	ScenarioCaptureNotHost ID = "scenario.capture.not_host"
	ScenarioLinkEnds       ID = "scenario.link_ends"
	ScenarioAfterEnd       ID = "scenario.after_end"
	ScenarioNamesAction    ID = "scenario.names_action"
	ScenarioTextLangs      ID = "scenario.text_langs"

	KindValue   ID = "scenario.kind.value"
	KindMapping ID = "scenario.kind.mapping"
	KindList    ID = "scenario.kind.list"
	KindEmpty   ID = "scenario.kind.empty"

	WantDuration ID = "scenario.want.duration"
	WantIPv4     ID = "scenario.want.ipv4"
	WantText     ID = "scenario.want.text"
	WantBool     ID = "scenario.want.bool"
	WantWhole    ID = "scenario.want.whole"
	WantWholeMax ID = "scenario.want.whole_max"
	WantPort     ID = "scenario.want.port"
	WantNumber   ID = "scenario.want.number"

	SetMalformed   ID = "set.malformed"
	SetNoSuch      ID = "set.no_such"
	SetIndexRange  ID = "set.index_range"
	SetNotIndex    ID = "set.not_index"
	SetThroughLeaf ID = "set.through_value"
	SetSection     ID = "set.section"

	LoadNoScenario ID = "load.no_scenario"
	ExportNoHost   ID = "export.no_host"

	RecordingEmpty        ID = "recording.empty"
	RecordingNotJSON      ID = "recording.not_json"
	RecordingCorrupt      ID = "recording.corrupt"
	RecordingAt           ID = "recording.at"
	RecordingWhole        ID = "recording.whole"
	RecordingCutShort     ID = "recording.cut_short"
	RecordingSyntax       ID = "recording.syntax"
	RecordingFieldType    ID = "recording.field_type"
	RecordingUnknownField ID = "recording.unknown_field"
	RecordingFormat       ID = "recording.format"
	RecordingNewer        ID = "recording.newer"
	RecordingVersion      ID = "recording.version"
	RecordingTrailing     ID = "recording.trailing"
	RecordingNoScenario   ID = "recording.no_scenario"
	RecordingUntil        ID = "recording.until"
	RecordingInputTime    ID = "recording.input_time"

	JSONWantText     ID = "json.want_text"
	JSONWantList     ID = "json.want_list"
	JSONWantObject   ID = "json.want_object"
	JSONWantBool     ID = "json.want_bool"
	JSONWantInteger  ID = "json.want_integer"
	JSONWantNumber   ID = "json.want_number"
	JSONGotText      ID = "json.got_text"
	JSONGotList      ID = "json.got_list"
	JSONGotObject    ID = "json.got_object"
	JSONGotBool      ID = "json.got_bool"
	JSONGotNumber    ID = "json.got_number"
	JSONGotAnyNumber ID = "json.got_any_number"
	JSONGotOther     ID = "json.got_other"
)

var scenarioMessages = map[ID]entry{
	ScenarioYAMLSyntax: {
		En: "YAML syntax: {{.Detail}}",
		Zh: "YAML 语法错误：{{.Detail}}",
	},
	ScenarioYAMLIndent: {
		En: "YAML syntax: {{.Detail}} (check this line's indentation)",
		Zh: "YAML 语法错误：{{.Detail}}（请检查这一行的缩进）",
	},
	ScenarioYAMLOpen: {
		En: "YAML syntax: {{.Detail}} (is a { or [ above left open?)",
		Zh: "YAML 语法错误：{{.Detail}}（上面是否有没闭合的 { 或 [？）",
	},
	ScenarioYAMLTab: {
		En: "YAML syntax: a tab character; YAML indents with spaces only",
		Zh: "YAML 语法错误：这里有制表符；YAML 只能用空格缩进",
	},
	ScenarioKeyTwice: {
		En: "the key {{.Key}} appears twice (first at line {{.Line}})",
		Zh: "键 {{.Key}} 出现了两次（第一次在第 {{.Line}} 行）",
	},
	ScenarioEmptyFile: {
		En: "the file is empty: a scenario is a YAML mapping (name, hosts, apps, ...)",
		Zh: "文件是空的：场景是一个 YAML 映射（name、hosts、apps……）",
	},
	ScenarioTwoDocuments: {
		En: "more than one YAML document (---): a scenario file holds one",
		Zh: "有不止一个 YAML 文档（---）：一个场景文件只能有一个",
	},
	ScenarioAnchors: {
		En: "anchors and aliases (& and *) are not supported in scenarios: write the value out",
		Zh: "场景不支持锚点和别名（& 和 *）：请把值直接写出来",
	},
	ScenarioTags: {
		En: "YAML tags (!!type) are not supported in scenarios",
		Zh: "场景不支持 YAML 标签（!!type）",
	},
	ScenarioMergeKeys: {
		En: "merge keys (<<) are not supported in scenarios",
		Zh: "场景不支持合并键（<<）",
	},
	ScenarioConstruct: {
		En: "unsupported YAML construct ({{.Type}})",
		Zh: "不支持的 YAML 结构（{{.Type}}）",
	},
	ScenarioNotMapping: {
		En: "a scenario is a YAML mapping (name, hosts, apps, ...), not {{.Got}}",
		Zh: "场景是一个 YAML 映射（name、hosts、apps……），而这里是{{.Got}}",
	},
	ScenarioNeedsValue: {
		En: "needs a value",
		Zh: "需要一个值",
	},
	ScenarioNeedsName: {
		En: "needs a name",
		Zh: "需要一个名字",
	},
	ScenarioMustBeKind: {
		En: "must be {{.Want}}, not {{.Got}}",
		Zh: "必须是{{.Want}}，而这里是{{.Got}}",
	},
	ScenarioMustBeValue: {
		En: `must be {{.Want}}, not {{printf "%q" .Value}}`,
		Zh: `必须是{{.Want}}，给出的是 {{printf "%q" .Value}}`,
	},
	ScenarioMustBeList: {
		En: "must be a list, not {{.Got}}",
		Zh: "必须是列表，而这里是{{.Got}}",
	},
	ScenarioMustBeMapping: {
		En: "must be a mapping (key: value lines), not {{.Got}}",
		Zh: "必须是映射（key: value 的行），而这里是{{.Got}}",
	},
	ScenarioMustBeNamed: {
		En: "must be a mapping of names to settings, not {{.Got}}",
		Zh: "必须是从名字到设置的映射，而这里是{{.Got}}",
	},
	ScenarioUnknownKeyLike: {
		En: `unknown key {{printf "%q" .Key}} (did you mean {{printf "%q" .Like}}?)`,
		Zh: `未知的键 {{printf "%q" .Key}}（是不是想写 {{printf "%q" .Like}}？）`,
	},
	ScenarioUnknownKey: {
		En: `unknown key {{printf "%q" .Key}} (known: {{.Known}})`,
		Zh: `未知的键 {{printf "%q" .Key}}（可用：{{.Known}}）`,
	},
	ScenarioNeedsTitle: {
		En: "a scenario needs a title (one line)",
		Zh: "场景需要一个标题（一行）",
	},
	ScenarioNotAbove: {
		En: "must not exceed {{.Max}}",
		Zh: "不能超过 {{.Max}}",
	},
	ScenarioCaptureNotHost: {
		En: `names the host to capture at, and there is no host "{{.Host}}" (hosts: {{.Hosts}})`,
		Zh: `应写要抓包的主机名，但没有名为“{{.Host}}”的主机（现有主机：{{.Hosts}}）`,
	},
	ScenarioNeedsHost: {
		En: "a scenario needs at least one host",
		Zh: "场景至少需要一台主机",
	},
	ScenarioLinkEnds: {
		En: "names the two ends of the link: between: [a, b]",
		Zh: "要写出链路的两端：between: [a, b]",
	},
	ScenarioAfterEnd: {
		En: "{{.At}} is after the end of the scenario (duration {{.Duration}})",
		Zh: "{{.At}} 在场景结束之后（场景时长 {{.Duration}}）",
	},
	ScenarioNamesAction: {
		En: "names the action: {{.Known}}",
		Zh: "要写出动作：{{.Known}}",
	},
	ScenarioTextLangs: {
		En: "must be text, or a mapping of languages to text: {en: …, zh: …}",
		Zh: "必须是文本，或从语言到文本的映射：{en: …, zh: …}",
	},

	KindValue:   {En: "a value", Zh: "一个值"},
	KindMapping: {En: "a mapping (key: value lines)", Zh: "一个映射（key: value 的行）"},
	KindList:    {En: "a list", Zh: "一个列表"},
	KindEmpty:   {En: "empty", Zh: "空的"},

	WantDuration: {En: "a duration (like 10s, 1m30s, 2h)", Zh: "时长（例如 10s、1m30s、2h）"},
	WantIPv4:     {En: "an IPv4 address (like 10.0.0.1)", Zh: "一个 IPv4 地址（例如 10.0.0.1）"},
	WantText:     {En: "text", Zh: "文本"},
	WantBool:     {En: "true or false", Zh: "布尔值 true 或 false"},
	WantWhole:    {En: "a whole number", Zh: "整数"},
	WantWholeMax: {En: "a whole number from 0 to {{.Max}}", Zh: "介于 0 到 {{.Max}} 之间的整数"},
	WantPort:     {En: "a port number from 1 to 65535", Zh: "介于 1 到 65535 之间的端口号"},
	WantNumber:   {En: "a number", Zh: "数字"},

	SetMalformed: {
		En: "must be PATH=VALUE, like apps.client.heartbeat.interval=10s",
		Zh: "格式应为 PATH=VALUE，例如 apps.client.heartbeat.interval=10s",
	},
	SetNoSuch: {
		En: `no {{.Kind}} is called {{printf "%q" .Name}} ({{.Section}}: {{.Known}})`,
		Zh: `没有名为 {{printf "%q" .Name}} 的{{.Kind}}（{{.Section}}：{{.Known}}）`,
	},
	SetIndexRange: {
		En: "index {{.Index}} is out of range (the list has {{.Len}})",
		Zh: "下标 {{.Index}} 超出范围（列表只有 {{.Len}} 项）",
	},
	SetNotIndex: {
		En: `{{printf "%q" .Seg}} is neither an index nor a link a-b of the list`,
		Zh: `{{printf "%q" .Seg}} 既不是下标，也不是列表中的链路 a-b`,
	},
	SetThroughLeaf: {
		En: "{{.Path}} is a value, not a section",
		Zh: "{{.Path}} 是一个值，不是一个段",
	},
	SetSection: {
		En: "names a section, not a value",
		Zh: "指向的是一个段，不是一个值",
	},

	LoadNoScenario: {
		En: "{{.Name}}: no such built-in scenario (see socklab list) and no such file",
		Zh: "{{.Name}}：没有这个内置场景（见 socklab list），也没有这个文件",
	},
	ExportNoHost: {
		En: `--at: no host is called {{printf "%q" .Name}}`,
		Zh: `--at：没有名为 {{printf "%q" .Name}} 的主机`,
	},

	RecordingEmpty: {
		En: "{{.Source}}: empty file: not a socklab recording",
		Zh: "{{.Source}}：空文件，不是 socklab 录制文件",
	},
	RecordingNotJSON: {
		En: "{{.Source}}: not a socklab recording (it is not a JSON object; a recording comes from socklab run --record or the interface)",
		Zh: "{{.Source}}：不是 socklab 录制文件（它不是 JSON 对象；录制文件来自 socklab run --record 或交互界面）",
	},
	RecordingCorrupt: {
		En: "{{.Source}}: corrupt recording: {{.Err}}",
		Zh: "{{.Source}}：录制文件已损坏：{{.Err}}",
	},
	RecordingAt: {
		En: "{{.Source}}:{{.Line}}:{{.Col}}: {{.Err}}",
		Zh: "{{.Source}}:{{.Line}}:{{.Col}}：{{.Err}}",
	},
	RecordingWhole: {
		En: "{{.Source}}: {{.Err}}",
		Zh: "{{.Source}}：{{.Err}}",
	},
	RecordingCutShort: {
		En: "the recording stops here, unfinished: the file was cut short",
		Zh: "录制内容在这里中断，没有写完：文件被截断了",
	},
	RecordingSyntax: {
		En: "not valid JSON here ({{.Err}})",
		Zh: "这里不是有效的 JSON（{{.Err}}）",
	},
	RecordingFieldType: {
		En: "{{.Field}} must be {{.Want}}, not {{.Got}}",
		Zh: "{{.Field}} 应为{{.Want}}，而不是{{.Got}}",
	},
	RecordingUnknownField: {
		En: "unknown field {{.Field}} (the fields here: {{.Known}})",
		Zh: "未知字段 {{.Field}}（这里可用的字段：{{.Known}}）",
	},
	RecordingFormat: {
		En: `not a socklab recording (format {{printf "%q" .Format}}, want {{printf "%q" .Want}})`,
		Zh: `不是 socklab 录制文件（格式为 {{printf "%q" .Format}}，应为 {{printf "%q" .Want}}）`,
	},
	RecordingNewer: {
		En: "written by a newer socklab (recording version {{.Version}}; this socklab {{.This}} reads version {{.Reads}})",
		Zh: "由更新版本的 socklab 写成（录制版本 {{.Version}}；本 socklab {{.This}} 只能读版本 {{.Reads}}）",
	},
	RecordingVersion: {
		En: "recording version {{.Version}} is not valid",
		Zh: "录制版本 {{.Version}} 无效",
	},
	RecordingTrailing: {
		En: "data after the recording",
		Zh: "录制内容之后还有数据",
	},
	RecordingNoScenario: {
		En: "the recording holds no scenario text",
		Zh: "录制文件里没有场景文本",
	},
	RecordingUntil: {
		En: "until_ns {{.Until}} is out of range: from 0 to {{.Max}} (a week)",
		Zh: "until_ns {{.Until}} 超出范围：应在 0 到 {{.Max}}（一周）之间",
	},
	RecordingInputTime: {
		En: "input {{.Index}}: t_ns {{.T}} is outside the run (0 to {{.Until}})",
		Zh: "第 {{.Index}} 个输入：t_ns {{.T}} 超出了运行范围（0 到 {{.Until}}）",
	},
	// The JSON types a recording's field wants and got, for
	// RecordingFieldType. In Chinese each begins with a Chinese word, which
	// the template joins without a space ("应为介于 0 到 … 之间的整数", "而不是
	// 数值 -1"): Chinese typesetting puts a space between a Chinese word and
	// a Latin word or a number, never between two Chinese words, and so
	// the phrases themselves carry it, after their first word.
	JSONWantText:     {En: "a text in quotes", Zh: "带引号的文本"},
	JSONWantList:     {En: "a list [ … ]", Zh: "列表 [ … ]"},
	JSONWantObject:   {En: "an object { … }", Zh: "对象 { … }"},
	JSONWantBool:     {En: "true or false", Zh: "布尔值 true 或 false"},
	JSONWantInteger:  {En: "a whole number from {{.Min}} to {{.Max}}", Zh: "介于 {{.Min}} 到 {{.Max}} 之间的整数"},
	JSONWantNumber:   {En: "a number", Zh: "数字"},
	JSONGotText:      {En: "a text", Zh: "文本"},
	JSONGotList:      {En: "a list", Zh: "列表"},
	JSONGotObject:    {En: "an object", Zh: "对象"},
	JSONGotBool:      {En: "true or false", Zh: "布尔值"},
	JSONGotNumber:    {En: "{{.Number}}", Zh: "数值 {{.Number}}"},
	JSONGotAnyNumber: {En: "a number", Zh: "数字"},
	JSONGotOther:     {En: "{{.Value}}", Zh: "值 {{.Value}}"},
}
