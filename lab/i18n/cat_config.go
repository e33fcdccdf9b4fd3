package i18n

// What is wrong with a lab's configuration, an action or a live change:
// the explanation after "path: " in an error about bad input. Values the
// user wrote are shown as written (quoted with printf "%q" where the
// English quotes them), durations in Go's syntax, the syntax of the file.
//
// The Rule* messages word netsim's ConfigError rules (netsim.Rule*).
const (
	RuleNotNegative      ID = "rule.not_negative"
	RuleNotNegativeValue ID = "rule.not_negative_value"
	RulePositiveValue    ID = "rule.positive_value"
	RuleFraction         ID = "rule.fraction"
	RuleBetween          ID = "rule.between"
	RuleBetweenBytes     ID = "rule.between_bytes"
	RuleAtLeast          ID = "rule.at_least"
	RuleAtLeastBytes     ID = "rule.at_least_bytes"
	RuleNotAbove         ID = "rule.not_above"
	RuleOneOf            ID = "rule.one_of"
	RuleOneOfValue       ID = "rule.one_of_value"
	RuleOneOfList        ID = "rule.one_of_list"
	RuleNeeded           ID = "rule.needed"
	RuleNeededOneOf      ID = "rule.needed_one_of"
	RuleNameTaken        ID = "rule.name_taken"
	RuleNotIPv4          ID = "rule.not_ipv4"
	RuleAddressTaken     ID = "rule.address_taken"
	RuleNamesNoNode      ID = "rule.names_no_node"
	RuleSameEnds         ID = "rule.same_ends"
	RuleJoinedAlready    ID = "rule.joined_already"
	RuleEmptyRange       ID = "rule.empty_range"
	RuleOnlyNATAddress   ID = "rule.only_nat_address"
	RuleNATNeedsAddress  ID = "rule.nat_needs_address"
	RuleOutsideNeeded    ID = "rule.outside_needed"
	RuleWheelNeedsTick   ID = "rule.wheel_needs_tick"
	RuleNotWith          ID = "rule.not_with"
	RuleJitter           ID = "rule.jitter"

	ConfigPathErr            ID = "config.path_error"
	ConfigFieldRule          ID = "config.field_rule"
	ConfigAsIs               ID = "config.as_is"
	ConfigHostNeedsName      ID = "config.host_needs_name"
	ConfigNameTwice          ID = "config.name_twice"
	ConfigIPv4Needed         ID = "config.ipv4_needed"
	ConfigAddressOf          ID = "config.address_of"
	ConfigNoNode             ID = "config.no_node"
	ConfigNoHost             ID = "config.no_host"
	ConfigNoApp              ID = "config.no_app"
	ConfigNoLink             ID = "config.no_link"
	ConfigNoMiddlebox        ID = "config.no_middlebox"
	ConfigLinkToItself       ID = "config.link_to_itself"
	ConfigLinkTwice          ID = "config.link_twice"
	ConfigNoAddress          ID = "config.no_address"
	ConfigPortNeeded         ID = "config.port_needed"
	ConfigPortsPast          ID = "config.ports_past"
	ConfigPortsOnlyTCP       ID = "config.ports_only_tcp"
	ConfigMaxBelowBase       ID = "config.max_below_base"
	ConfigNoPreset           ID = "config.no_preset"
	ConfigNoSysctl           ID = "config.no_sysctl"
	ConfigNotDuration        ID = "config.not_duration"
	ConfigNotDurationEx      ID = "config.not_duration_example"
	ConfigNotWhole           ID = "config.not_whole"
	ConfigNotWholeMin        ID = "config.not_whole_min"
	ConfigNotBool            ID = "config.not_bool"
	ConfigNegative           ID = "config.negative"
	ConfigNotPolicy          ID = "config.not_policy"
	ConfigNotProbability     ID = "config.not_probability"
	ConfigNotLossProbability ID = "config.not_loss_probability"
	ConfigNotLatency         ID = "config.not_latency"
	ConfigNotPositiveDur     ID = "config.not_positive_duration"

	ActionNoHostFor     ID = "action.no_host_for"
	ActionNoAppFor      ID = "action.no_app_for"
	ActionNoLinkFor     ID = "action.no_link_for"
	ActionNoFirewall    ID = "action.no_firewall"
	ActionOneSide       ID = "action.one_side"
	ActionOtherSide     ID = "action.other_side"
	ActionUnknown       ID = "action.unknown"
	ActionNotParamPath  ID = "action.not_param_path"
	ActionNotLive       ID = "action.not_live"
	ActionLinkNotLive   ID = "action.link_not_live"
	ActionBoxNotLive    ID = "action.box_not_live"
	ActionHostNotLive   ID = "action.host_not_live"
	ActionInput         ID = "action.input"
	ActionInputTooEarly ID = "action.input_too_early"
)

var configMessages = map[ID]entry{
	RuleNotNegative: {
		En: "must not be negative",
		Zh: "不能为负数",
	},
	RuleNotNegativeValue: {
		En: "must not be negative, not {{.Value}}",
		Zh: "不能为负数，给出的是 {{.Value}}",
	},
	RulePositiveValue: {
		En: "must be positive, not {{.Value}}",
		Zh: "必须大于零，给出的是 {{.Value}}",
	},
	RuleFraction: {
		En: "must be between 0 and 1, not {{.Value}}",
		Zh: "必须在 0 到 1 之间，给出的是 {{.Value}}",
	},
	RuleBetween: {
		En: "must be between {{.Min}} and {{.Max}}, not {{.Value}}",
		Zh: "必须在 {{.Min}} 到 {{.Max}} 之间，给出的是 {{.Value}}",
	},
	RuleBetweenBytes: {
		En: "must be between {{.Min}} and {{.Max}} bytes, not {{.Value}}",
		Zh: "必须在 {{.Min}} 到 {{.Max}} 字节之间，给出的是 {{.Value}}",
	},
	RuleAtLeast: {
		En: "must be at least {{.Min}}, not {{.Value}}",
		Zh: "至少为 {{.Min}}，给出的是 {{.Value}}",
	},
	RuleAtLeastBytes: {
		En: "must be at least {{.Min}} bytes, not {{.Value}}",
		Zh: "至少为 {{.Min}} 字节，给出的是 {{.Value}}",
	},
	RuleNotAbove: {
		En: "({{.Value}}) must not exceed {{.Other}} ({{.Limit}})",
		Zh: "（{{.Value}}）不能超过 {{.Other}}（{{.Limit}}）",
	},
	RuleOneOf: {
		En: "must be {{.Choices}}",
		Zh: "必须是 {{.Choices}}",
	},
	RuleOneOfValue: {
		En: `must be {{.Choices}}, not {{printf "%q" .Value}}`,
		Zh: `必须是 {{.Choices}}，给出的是 {{printf "%q" .Value}}`,
	},
	RuleOneOfList: {
		En: `must be one of {{.Choices}}, not {{printf "%q" .Value}}`,
		Zh: `必须是以下之一：{{.Choices}}，给出的是 {{printf "%q" .Value}}`,
	},
	RuleNeeded: {
		En: "is needed",
		Zh: "不能省略",
	},
	RuleNeededOneOf: {
		En: "is needed: {{.Choices}}",
		Zh: "不能省略，可选 {{.Choices}}",
	},
	RuleNameTaken: {
		En: `{{printf "%q" .Name}} is already taken`,
		Zh: `{{printf "%q" .Name}} 已被占用`,
	},
	RuleNotIPv4: {
		En: "{{.Addr}} is not an IPv4 address",
		Zh: "{{.Addr}} 不是 IPv4 地址",
	},
	RuleAddressTaken: {
		En: "{{.Addr}} already belongs to {{.Owner}}",
		Zh: "{{.Addr}} 已经属于 {{.Owner}}",
	},
	RuleNamesNoNode: {
		En: `names no host or middlebox {{printf "%q" .Name}}`,
		Zh: `指向的主机或中间设备 {{printf "%q" .Name}} 不存在`,
	},
	RuleSameEnds: {
		En: "must name two different ends",
		Zh: "必须是两个不同的端点",
	},
	RuleJoinedAlready: {
		En: "names two ends joined already",
		Zh: "这两端之间已经有链路了",
	},
	RuleEmptyRange: {
		En: "the range {{.Low}}-{{.High}} is empty",
		Zh: "范围 {{.Low}}-{{.High}} 是空的",
	},
	RuleOnlyNATAddress: {
		En: "only a NAT has a public address",
		Zh: "只有 NAT 才有公网地址",
	},
	RuleNATNeedsAddress: {
		En: "a NAT needs an IPv4 public address",
		Zh: "NAT 需要一个 IPv4 公网地址",
	},
	RuleOutsideNeeded: {
		En: "names the neighbour on the outside",
		Zh: "要写明外侧的相邻节点",
	},
	RuleNotWith: {
		En: "cannot be set with {{.Other}}: {{.Value}}",
		Zh: "不能与 {{.Other}}: {{.Value}} 同时设置",
	},
	RuleWheelNeedsTick: {
		En: "needs a timer_tick: the timer wheel counts in jiffies (4ms at HZ 250); or set timer_wheel to exact",
		Zh: "需要 timer_tick：时间轮以 jiffy 计数（HZ 250 时为 4ms）；或者把 timer_wheel 设为 exact",
	},
	RuleJitter: {
		En: "must be in [0, 1), not {{.Value}}",
		Zh: "必须在 [0, 1) 区间内，给出的是 {{.Value}}",
	},

	ConfigPathErr: {
		En: "{{.Path}}: {{.Err}}",
		Zh: "{{.Path}}: {{.Err}}",
	},
	ConfigFieldRule: {
		En: "{{.Field}} {{.Rule}}",
		Zh: "{{.Field}} {{.Rule}}",
	},
	ConfigAsIs: {
		En: "{{.Err}}",
		Zh: "{{.Err}}",
	},
	ConfigHostNeedsName: {
		En: "a host needs a name",
		Zh: "主机需要一个名字",
	},
	ConfigNameTwice: {
		En: `the name {{printf "%q" .Name}} is used twice`,
		Zh: `名字 {{printf "%q" .Name}} 用了两次`,
	},
	ConfigIPv4Needed: {
		En: "an IPv4 address is needed",
		Zh: "需要一个 IPv4 地址",
	},
	ConfigAddressOf: {
		En: "{{.Addr}} is already {{.Owner}}'s address",
		Zh: "{{.Addr}} 已经是 {{.Owner}} 的地址",
	},
	ConfigNoNode: {
		En: `no host or middlebox is called {{printf "%q" .Name}}`,
		Zh: `没有名为 {{printf "%q" .Name}} 的主机或中间设备`,
	},
	ConfigNoHost: {
		En: `no host is called {{printf "%q" .Name}}`,
		Zh: `没有名为 {{printf "%q" .Name}} 的主机`,
	},
	ConfigNoApp: {
		En: `no app is called {{printf "%q" .Name}}`,
		Zh: `没有名为 {{printf "%q" .Name}} 的应用`,
	},
	ConfigNoLink: {
		En: `no link is called {{printf "%q" .Name}}`,
		Zh: `没有名为 {{printf "%q" .Name}} 的链路`,
	},
	ConfigNoMiddlebox: {
		En: `no middlebox is called {{printf "%q" .Name}}`,
		Zh: `没有名为 {{printf "%q" .Name}} 的中间设备`,
	},
	ConfigLinkToItself: {
		En: "a link joins two different ends, not {{.End}} to itself",
		Zh: "链路连接两个不同的端点，不能把 {{.End}} 连到它自己",
	},
	ConfigLinkTwice: {
		En: "{{.A}} and {{.B}} are joined already (links[{{.Index}}])",
		Zh: "{{.A}} 和 {{.B}} 之间已经有链路了（links[{{.Index}}]）",
	},
	ConfigNoAddress: {
		En: "{{.Name}} has no address to connect to: name a host, or a NAT (its public_ip)",
		Zh: "{{.Name}} 没有可连接的地址：请写一台主机，或一个 NAT（连它的 public_ip）",
	},
	ConfigPortNeeded: {
		En: "a port between 1 and 65535 is needed",
		Zh: "需要一个 1 到 65535 之间的端口",
	},
	ConfigPortsPast: {
		En: "{{.Ports}} ports from {{.Port}} go past 65535",
		Zh: "从 {{.Port}} 起的 {{.Ports}} 个端口超出了 65535",
	},
	ConfigPortsOnlyTCP: {
		En: "only a TCP server or client group listens on or connects to several ports",
		Zh: "只有 TCP 服务端或客户端组才能监听或连接多个端口",
	},
	ConfigMaxBelowBase: {
		En: "must not be below reconnect.base ({{.Base}})",
		Zh: "不能小于 reconnect.base（{{.Base}}）",
	},
	ConfigNoPreset: {
		En: `no preset {{printf "%q" .Name}} (known: {{.Known}})`,
		Zh: `没有预设 {{printf "%q" .Name}}（可用：{{.Known}}）`,
	},
	ConfigNoSysctl: {
		En: "no such setting (known: {{.Known}})",
		Zh: "没有这个设置（可用：{{.Known}}）",
	},
	ConfigNotDuration: {
		En: `{{printf "%q" .Value}} is not a duration (like 10s, 1m30s)`,
		Zh: `{{printf "%q" .Value}} 不是时长（例如 10s、1m30s）`,
	},
	ConfigNotDurationEx: {
		En: `{{printf "%q" .Value}} is not a duration (like 75s or 2h)`,
		Zh: `{{printf "%q" .Value}} 不是时长（例如 75s 或 2h）`,
	},
	ConfigNotWhole: {
		En: `{{printf "%q" .Value}} is not a whole number`,
		Zh: `{{printf "%q" .Value}} 不是整数`,
	},
	ConfigNotWholeMin: {
		En: `{{printf "%q" .Value}} is not a whole number of at least {{.Min}}`,
		Zh: `{{printf "%q" .Value}} 不是不小于 {{.Min}} 的整数`,
	},
	ConfigNotBool: {
		En: `{{printf "%q" .Value}} is not true or false`,
		Zh: `{{printf "%q" .Value}} 既不是 true 也不是 false`,
	},
	ConfigNegative: {
		En: `{{printf "%q" .Value}} is negative`,
		Zh: `{{printf "%q" .Value}} 是负数`,
	},
	ConfigNotPolicy: {
		En: `{{printf "%q" .Value}} is not a policy ({{.Known}})`,
		Zh: `{{printf "%q" .Value}} 不是重连策略（{{.Known}}）`,
	},
	ConfigNotProbability: {
		En: `{{printf "%q" .Value}} is not a probability between 0 and 1`,
		Zh: `{{printf "%q" .Value}} 不是 0 到 1 之间的概率`,
	},
	ConfigNotLossProbability: {
		En: `{{printf "%q" .Value}} is not a loss probability between 0 and 1`,
		Zh: `{{printf "%q" .Value}} 不是 0 到 1 之间的丢包概率`,
	},
	ConfigNotLatency: {
		En: `{{printf "%q" .Value}} is not a latency (a duration of 0 or more)`,
		Zh: `{{printf "%q" .Value}} 不是时延（不小于 0 的时长）`,
	},
	ConfigNotPositiveDur: {
		En: `{{printf "%q" .Value}} is not a positive duration`,
		Zh: `{{printf "%q" .Value}} 不是大于零的时长`,
	},

	ActionNoHostFor: {
		En: `no host is called {{printf "%q" .Name}} ({{.Verb}} acts on a host)`,
		Zh: `没有名为 {{printf "%q" .Name}} 的主机（{{.Verb}} 作用于主机）`,
	},
	ActionNoAppFor: {
		En: `no app is called {{printf "%q" .Name}} ({{.Verb}} acts on an app)`,
		Zh: `没有名为 {{printf "%q" .Name}} 的应用（{{.Verb}} 作用于应用）`,
	},
	ActionNoLinkFor: {
		En: `no link is called {{printf "%q" .Name}} ({{.Verb}} acts on a link, named a-b after its ends)`,
		Zh: `没有名为 {{printf "%q" .Name}} 的链路（{{.Verb}} 作用于链路，链路按两端命名为 a-b）`,
	},
	ActionNoFirewall: {
		En: `no firewall or NAT is called {{printf "%q" .Name}}`,
		Zh: `没有名为 {{printf "%q" .Name}} 的防火墙或 NAT`,
	},
	ActionOneSide: {
		En: "name the hosts on one side (a,b)",
		Zh: "写出一侧的主机（a,b）",
	},
	ActionOtherSide: {
		En: "name the hosts on the other side (c,d)",
		Zh: "写出另一侧的主机（c,d）",
	},
	ActionUnknown: {
		En: `unknown action {{printf "%q" .Name}} (known: {{.Known}})`,
		Zh: `未知的动作 {{printf "%q" .Name}}（可用：{{.Known}}）`,
	},
	ActionNotParamPath: {
		En: `{{printf "%q" .Path}} is not a parameter path (live ones: {{.Known}})`,
		Zh: `{{printf "%q" .Path}} 不是参数路径（运行中可改的：{{.Known}}）`,
	},
	ActionNotLive: {
		En: "{{.Path}} cannot change while the lab runs (live ones: {{.Known}})",
		Zh: "{{.Path}} 不能在实验运行时修改（运行中可改的：{{.Known}}）",
	},
	ActionLinkNotLive: {
		En: "{{.Path}} cannot change (loss, latency, jitter can)",
		Zh: "{{.Path}} 不能修改（loss、latency、jitter 可以）",
	},
	ActionBoxNotLive: {
		En: "{{.Path}} cannot change (idle_timeout, on_expired and conntrack.loose, conntrack.new_needs_syn, conntrack.drop_invalid can)",
		Zh: "{{.Path}} 不能修改（idle_timeout、on_expired 以及 conntrack.loose、conntrack.new_needs_syn、conntrack.drop_invalid 可以）",
	},
	ActionHostNotLive: {
		En: "{{.Path}} cannot change ({{.Sysctl}} can)",
		Zh: "{{.Path}} 不能修改（{{.Sysctl}} 可以）",
	},
	ActionInput: {
		En: "input {{.Index}}: {{.Err}}",
		Zh: "第 {{.Index}} 个输入：{{.Err}}",
	},
	ActionInputTooEarly: {
		En: "input {{.Index}}: at {{.At}} (step {{.Step}}) comes before the input ahead of it",
		Zh: "第 {{.Index}} 个输入：时刻 {{.At}}（第 {{.Step}} 步）早于它前面的输入",
	},
}
