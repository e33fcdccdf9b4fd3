package lab

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/ui/components/menu"
)

// appParamSuffixes are the application parameters the editor offers, in
// the order shown; those lab.LiveParams does not list are left out, so the
// editor follows what the lab accepts.
var appParamSuffixes = []string{
	"heartbeat.interval", "heartbeat.timeout", "heartbeat.expect", "heartbeat.max_missed",
	"idle_timeout", "keepalive.enabled", "keepalive.idle", "keepalive.interval", "keepalive.count",
	"user_timeout", "reconnect.policy", "reconnect.base", "reconnect.max",
}

// paramItems lists the live parameters of this lab with their current
// values: each app's heartbeat, idle timeout, keepalive and (for clients)
// reconnect policy, each link's loss and latency, each firewall's or NAT's
// idle timeout and expiry policy. Choosing one asks for its new value and
// applies it with the "set" action, which validates it.
func paramItems(s *lab.Session, snap *lab.Snapshot, lang i18n.Lang) []menu.Item {
	live := map[string]bool{}
	for _, p := range lab.LiveParams() {
		live[p] = true
	}
	var items []menu.Item
	// Items read "client heartbeat.interval = 10s"; the prompt names the
	// full path, as scenario files and --set spell it.
	add := func(path, value, hint string) {
		_, rest, _ := strings.Cut(path, ".")
		owner, name, _ := strings.Cut(rest, ".")
		it := menu.Item{Label: owner + " " + name + " = " + value, Hint: hint,
			Action: lab.Action{Do: lab.Set, Target: path}, Prompt: lang.T(i18n.UIParamAsk, "Path", path), Value: value}
		it.Choices, it.Hints = choices(name, lang)
		items = append(items, it)
	}
	for _, a := range s.Config().Apps {
		if a.Kind == lab.KindScript {
			continue // its steps are its settings: none changes live
		}
		client := a.Kind == lab.KindClient || a.Kind == lab.KindPoller
		for _, suf := range appParamSuffixes {
			if !live["apps.<name>."+suf] || (strings.HasPrefix(suf, "reconnect.") && !client) {
				continue
			}
			v, hint := appParamValue(a, suf, lang)
			add("apps."+a.Name+"."+suf, v, hint)
		}
	}
	for _, l := range snap.Links {
		if live["links.<a-b>.loss"] {
			add("links."+l.Name+".loss", fmt.Sprint(l.Loss), lang.T(i18n.UIParamProb))
		}
		if live["links.<a-b>.latency"] {
			add("links."+l.Name+".latency", netsim.FormatDuration(l.Latency), lang.T(i18n.UIParamOneWay))
		}
	}
	for _, b := range snap.Boxes {
		if b.Kind == "router" {
			continue
		}
		if live["middleboxes.<name>.idle_timeout"] {
			add("middleboxes."+b.Name+".idle_timeout", netsim.FormatDuration(b.IdleTimeout), lang.T(i18n.UIParamForget))
		}
		if live["middleboxes.<name>.on_expired"] {
			add("middleboxes."+b.Name+".on_expired", b.Policy, lang.T(i18n.UIHintOnExpired))
		}
		if !b.Tracked {
			continue
		}
		for _, sw := range []struct {
			key  string
			on   bool
			hint i18n.ID
		}{
			{"loose", b.Conntrack.Loose, i18n.UIHintLoose},
			{"new_needs_syn", b.Conntrack.NewNeedsSYN, i18n.UIHintNewNeedsSYN},
			{"drop_invalid", b.Conntrack.DropInvalid, i18n.UIHintDropInvalid},
		} {
			if live["middleboxes.<name>.conntrack."+sw.key] {
				add("middleboxes."+b.Name+".conntrack."+sw.key, strconv.FormatBool(sw.on), lang.T(sw.hint))
			}
		}
	}
	return items
}

// appParamValue reads an app parameter's current value, as "set" accepts
// it back, with a hint on what it means.
func appParamValue(a lab.AppConfig, suffix string, lang i18n.Lang) (value, hint string) {
	off, osDefault := lang.T(i18n.UIParamOff), lang.T(i18n.UIParamOS)
	d := func(v time.Duration, zero string) (string, string) {
		if v == 0 {
			return "0s", zero
		}
		return netsim.FormatDuration(v), ""
	}
	switch suffix {
	case "heartbeat.interval":
		return d(a.Heartbeat.Interval, lang.T(i18n.UIParamNoPing))
	case "heartbeat.timeout":
		return d(a.Heartbeat.Timeout, "")
	case "heartbeat.expect":
		return d(a.Heartbeat.Expect, off)
	case "heartbeat.max_missed":
		return fmt.Sprint(a.Heartbeat.MaxMissed), lang.T(i18n.UIParamMissed)
	case "idle_timeout":
		return d(a.IdleTimeout, off)
	case "keepalive.enabled":
		return fmt.Sprint(a.Keepalive.Enabled), lang.T(i18n.UIParamKA)
	case "keepalive.idle":
		return d(a.Keepalive.Idle, osDefault)
	case "keepalive.interval":
		return d(a.Keepalive.Interval, osDefault)
	case "keepalive.count":
		if a.Keepalive.Count == 0 {
			return "0", osDefault
		}
		return fmt.Sprint(a.Keepalive.Count), ""
	case "user_timeout":
		return d(a.UserTimeout, off)
	case "reconnect.policy":
		return a.Reconnect.Policy, lang.T(i18n.UIHintReconnectPolicy)
	case "reconnect.base":
		return d(a.Reconnect.Base, "")
	case "reconnect.max":
		return d(a.Reconnect.Max, "")
	}
	return "", ""
}

// choices are the values a setting with a fixed set of them may take, to
// pick from a list, and what each means; nil for a setting typed in.
func choices(setting string, lang i18n.Lang) (values, hints []string) {
	switch setting {
	case "reconnect.policy":
		return lab.BackoffPolicies, nil
	case "keepalive.enabled":
		return []string{"true", "false"}, nil
	case "on_expired":
		for _, p := range netsim.ExpiryPolicies() {
			values, hints = append(values, p.String()), append(hints, lang.T(i18n.ID(p.Doc())))
		}
		return values, hints
	}
	return nil, nil
}
