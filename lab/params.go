package lab

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// A live parameter is named by its path in the scenario file, and changed
// while the lab runs with the "set" action. The change takes effect from
// the next timer that reads it, and is an event (kind "param").
type param struct {
	suffix string // the path after "apps.<name>."
	set    func(a *AppConfig, v string) error
}

func durParam(suffix string, field func(*AppConfig) *time.Duration) param {
	return param{suffix, func(a *AppConfig, v string) error {
		d, err := parseDuration(v)
		if err != nil {
			return err
		}
		*field(a) = d
		return nil
	}}
}

func intParam(suffix string, min int, field func(*AppConfig) *int) param {
	return param{suffix, func(a *AppConfig, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < min {
			return i18n.NewError(i18n.ConfigNotWholeMin, "Value", v, "Min", min)
		}
		*field(a) = n
		return nil
	}}
}

// parseDuration reads a non-negative Go duration.
func parseDuration(v string) (time.Duration, error) {
	d, err := time.ParseDuration(v)
	if err != nil {
		return 0, i18n.NewError(i18n.ConfigNotDuration, "Value", v)
	}
	if d < 0 {
		return 0, i18n.NewError(i18n.ConfigNegative, "Value", v)
	}
	return d, nil
}

var appParams = []param{
	durParam("heartbeat.interval", func(a *AppConfig) *time.Duration { return &a.Heartbeat.Interval }),
	durParam("heartbeat.timeout", func(a *AppConfig) *time.Duration { return &a.Heartbeat.Timeout }),
	durParam("heartbeat.expect", func(a *AppConfig) *time.Duration { return &a.Heartbeat.Expect }),
	intParam("heartbeat.max_missed", 1, func(a *AppConfig) *int { return &a.Heartbeat.MaxMissed }),
	intParam("heartbeat.size", 2, func(a *AppConfig) *int { return &a.Heartbeat.Size }),
	durParam("idle_timeout", func(a *AppConfig) *time.Duration { return &a.IdleTimeout }),
	durParam("user_timeout", func(a *AppConfig) *time.Duration { return &a.UserTimeout }),
	{"keepalive.enabled", func(a *AppConfig, v string) error {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return i18n.NewError(i18n.ConfigNotBool, "Value", v)
		}
		a.Keepalive.Enabled = b
		return nil
	}},
	durParam("keepalive.idle", func(a *AppConfig) *time.Duration { return &a.Keepalive.Idle }),
	durParam("keepalive.interval", func(a *AppConfig) *time.Duration { return &a.Keepalive.Interval }),
	intParam("keepalive.count", 0, func(a *AppConfig) *int { return &a.Keepalive.Count }),
	{"reconnect.policy", func(a *AppConfig, v string) error {
		if !slices.Contains(BackoffPolicies, v) {
			return i18n.NewError(i18n.ConfigNotPolicy, "Value", v, "Known", i18n.List(BackoffPolicies))
		}
		a.Reconnect.Policy = v
		return nil
	}},
	durParam("reconnect.base", func(a *AppConfig) *time.Duration { return &a.Reconnect.Base }),
	durParam("reconnect.max", func(a *AppConfig) *time.Duration { return &a.Reconnect.Max }),
}

// LiveParams lists the parameter paths "set" accepts, with <name> for the
// app, link or middlebox.
func LiveParams() []string {
	var out []string
	for _, p := range appParams {
		out = append(out, "apps.<name>."+p.suffix)
	}
	return append(out, "links.<a-b>.loss", "links.<a-b>.latency", "links.<a-b>.jitter",
		"middleboxes.<name>.idle_timeout", "middleboxes.<name>.on_expired",
		"middleboxes.<name>.conntrack.loose", "middleboxes.<name>.conntrack.new_needs_syn", "middleboxes.<name>.conntrack.drop_invalid",
		"hosts.<name>.sysctl.<setting>")
}

// checkParam tries a change on a copy of the configuration.
func (s *Session) checkParam(path, value string) error {
	return s.param(path, value, false)
}

// setParam makes a checked change.
func (s *Session) setParam(path, value string) {
	if err := s.param(path, value, true); err != nil {
		panic("lab: a checked parameter failed: " + err.Error())
	}
}

func (s *Session) param(path, value string, apply bool) error {
	parts := strings.SplitN(path, ".", 3)
	if len(parts) < 3 {
		return targetErr(i18n.ActionNotParamPath, "Path", path, "Known", i18n.List(LiveParams()))
	}
	section, name, rest := parts[0], parts[1], parts[2]
	switch section {
	case "apps":
		return s.appParam(name, rest, value, apply)
	case "links":
		return s.linkParam(name, rest, value, apply)
	case "middleboxes":
		return s.boxParam(name, rest, value, apply)
	case "hosts":
		return s.hostParam(name, rest, value, apply)
	}
	return targetErr(i18n.ActionNotParamPath, "Path", path, "Known", i18n.List(LiveParams()))
}

func (s *Session) appParam(name, rest, value string, apply bool) error {
	rt := s.byName[name]
	if rt == nil {
		return targetErr(i18n.ConfigNoApp, "Name", name)
	}
	i := slices.IndexFunc(appParams, func(p param) bool { return p.suffix == rest })
	if i < 0 {
		return targetErr(i18n.ActionNotLive, "Path", "apps."+name+"."+rest, "Known", i18n.List(LiveParams()))
	}
	trial := *rt.config()
	if err := appParams[i].set(&trial, value); err != nil {
		return valueErr(i18n.ConfigPathErr, "Path", "apps."+name+"."+rest, "Err", err)
	}
	if err := trial.validate(s.nodeKinds()); err != nil {
		return &ActionError{Field: "value", Msg: i18n.M(i18n.ConfigAsIs, "Err", err)}
	}
	if apply {
		*rt.config() = trial
		rt.reconfigure()
	}
	return nil
}

func (s *Session) nodeKinds() map[string]string {
	out := map[string]string{}
	for _, h := range s.sim.Hosts() {
		out[h.Name()] = "host"
	}
	for _, m := range s.sim.Middleboxes() {
		out[m.Name()] = "middlebox"
	}
	return out
}

func (s *Session) linkParam(name, rest, value string, apply bool) error {
	l := s.link(name)
	if l == nil {
		return targetErr(i18n.ConfigNoLink, "Name", name)
	}
	cfg := l.Config()
	switch rest {
	case "loss":
		p, err := strconv.ParseFloat(value, 64)
		if err != nil || !(p >= 0 && p <= 1) { // NaN too
			return valueErr(i18n.ConfigPathErr, "Path", "links."+name+".loss", "Err", i18n.M(i18n.ConfigNotProbability, "Value", value))
		}
		cfg.Loss, cfg.Burst = p, nil
	case "latency", "jitter":
		d, err := parseDuration(value)
		if err != nil {
			return valueErr(i18n.ConfigPathErr, "Path", "links."+name+"."+rest, "Err", err)
		}
		if rest == "latency" {
			cfg.Latency = d
		} else {
			cfg.Jitter = d
		}
	default:
		return targetErr(i18n.ActionLinkNotLive, "Path", "links."+name+"."+rest)
	}
	if err := cfg.Validate(); err != nil {
		return valueErr(i18n.ConfigPathErr, "Path", "links."+name+"."+rest, "Err", ruleError(err))
	}
	if field, msg := linkLimits(cfg); field != "" {
		return valueErr(i18n.ConfigPathErr, "Path", "links."+name+"."+rest, "Err", msg)
	}
	if apply {
		return l.SetConfig(cfg)
	}
	return nil
}

func (s *Session) boxParam(name, rest, value string, apply bool) error {
	m := s.sim.Middlebox(name)
	if m == nil {
		return targetErr(i18n.ConfigNoMiddlebox, "Name", name)
	}
	switch rest {
	case "idle_timeout":
		d, err := parseDuration(value)
		if err != nil || d == 0 {
			return valueErr(i18n.ConfigPathErr, "Path", "middleboxes."+name+".idle_timeout", "Err", i18n.M(i18n.ConfigNotPositiveDur, "Value", value))
		}
		if d < MinTimer || d > MaxTime {
			return valueErr(i18n.ConfigPathErr, "Path", "middleboxes."+name+".idle_timeout", "Err",
				i18n.M(i18n.RuleBetween, "Min", MinTimer.String(), "Max", MaxTime.String(), "Value", d.String()))
		}
		if apply {
			return m.SetIdleTimeout(d)
		}
	case "on_expired":
		p, err := netsim.ParseExpiryPolicy(value)
		if err != nil {
			return valueErr(i18n.ConfigFieldRule, "Field", "middleboxes."+name+".on_expired", "Rule", ruleOf(err))
		}
		if apply {
			return m.SetExpiryPolicy(p)
		}
	case "conntrack.loose", "conntrack.new_needs_syn", "conntrack.drop_invalid":
		on, err := strconv.ParseBool(value)
		if err != nil {
			return valueErr(i18n.ConfigPathErr, "Path", "middleboxes."+name+"."+rest, "Err", i18n.M(i18n.ConfigNotBool, "Value", value))
		}
		ct, _ := m.Config().Tracking()
		switch rest {
		case "conntrack.loose":
			ct.Loose = on
		case "conntrack.new_needs_syn":
			ct.NewNeedsSYN = on
		default:
			ct.DropInvalid = on
		}
		cfg := m.Config()
		cfg.Conntrack = &ct
		if err := cfg.Validate(); err != nil {
			return valueErr(i18n.ConfigFieldRule, "Field", "middleboxes."+name+".conntrack", "Rule", ruleOf(err))
		}
		if apply {
			return m.SetConntrack(ct)
		}
	default:
		return targetErr(i18n.ActionBoxNotLive, "Path", "middleboxes."+name+"."+rest)
	}
	return nil
}

func (s *Session) hostParam(name, rest, value string, apply bool) error {
	h := s.sim.Host(name)
	if h == nil {
		return targetErr(i18n.ConfigNoHost, "Name", name)
	}
	key, ok := strings.CutPrefix(rest, "sysctl.")
	if !ok {
		return targetErr(i18n.ActionHostNotLive, "Path", "hosts."+name+"."+rest, "Sysctl", "hosts."+name+".sysctl.<setting>")
	}
	trial := *h.Profile()
	err := setSysctl(&trial, key, value)
	if err == nil {
		err = checkSysctl(key, value)
	}
	if err != nil {
		if unknownSetting(err) {
			return targetErr(i18n.ConfigPathErr, "Path", "hosts."+name+".sysctl."+key, "Err", err)
		}
		return valueErr(i18n.ConfigPathErr, "Path", "hosts."+name+".sysctl."+key, "Err", err)
	}
	if err := trial.Validate(); err != nil {
		return valueErr(i18n.ConfigPathErr, "Path", "hosts."+name+".sysctl."+key, "Err", ruleError(err))
	}
	if apply {
		*h.Profile() = trial
	}
	return nil
}
