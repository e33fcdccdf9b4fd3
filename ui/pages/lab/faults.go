package lab

import (
	"fmt"
	"strings"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/components/hosts"
	"github.com/socklab/socklab/ui/components/menu"
)

// faultItems lists what can be done to the lab now, from its state: power
// a host off (or on), crash or stop (or restart), freeze (or thaw) an application,
// pull (or plug) a cable, set a link's loss, cut a host off from the
// others and heal, make a middlebox forget its flows. Each item's hint is
// lab.Verbs' description of the verb.
func faultItems(l i18n.Lang, s *lab.Session, snap *lab.Snapshot, order []string) []menu.Item {
	does := map[lab.Verb]string{}
	for _, v := range lab.Verbs() {
		does[v.Name] = l.T(v.Doc)
	}
	item := func(label string, do lab.Verb, target string) menu.Item {
		return menu.Item{Label: label, Hint: does[do], Action: lab.Action{Do: do, Target: target}}
	}
	var items []menu.Item
	var names []string
	for _, name := range order {
		hv := hosts.FindHost(snap, name)
		if hv == nil {
			continue
		}
		names = append(names, name)
		if hv.Powered {
			items = append(items, item(l.T(i18n.UIFaultOff, "Name", name), lab.PowerOff, name))
		} else {
			items = append(items, item(l.T(i18n.UIFaultOn, "Name", name), lab.PowerOn, name))
		}
	}
	for _, a := range s.Config().Apps {
		state := appState(snap, a)
		switch state {
		case "dead":
			items = append(items, item(l.T(i18n.UIFaultRestart, "Name", a.Name), lab.Restart, a.Name))
		default:
			items = append(items, item(l.T(i18n.UIFaultCrash, "Name", a.Name), lab.Crash, a.Name))
			if does[lab.Stop] != "" {
				items = append(items, item(l.T(i18n.UIFaultStop, "Name", a.Name), lab.Stop, a.Name))
			}
		}
		switch state {
		case "frozen":
			items = append(items, item(l.T(i18n.UIFaultThaw, "Name", a.Name), lab.Thaw, a.Name))
		case "running":
			items = append(items, item(l.T(i18n.UIFaultFreeze, "Name", a.Name), lab.Freeze, a.Name))
		}
	}
	for _, lk := range snap.Links {
		if lk.Up {
			items = append(items, item(l.T(i18n.UIFaultPull, "Name", lk.Name), lab.LinkDown, lk.Name))
		} else {
			items = append(items, item(l.T(i18n.UIFaultPlug, "Name", lk.Name), lab.LinkUp, lk.Name))
		}
	}
	for _, lk := range snap.Links {
		it := item(l.T(i18n.UIFaultLoss, "Name", lk.Name), lab.Loss, lk.Name)
		it.Prompt = l.T(i18n.UIFaultLossAsk, "Name", lk.Name)
		it.Value = fmt.Sprint(lk.Loss)
		items = append(items, it)
	}
	if len(names) >= 2 {
		for _, h := range names {
			rest := make([]string, 0, len(names)-1)
			for _, o := range names {
				if o != h {
					rest = append(rest, o)
				}
			}
			it := item(l.T(i18n.UIFaultSplit, "Name", h, "Others", i18n.List(rest)), lab.Partition, h)
			it.Action.Value = strings.Join(rest, ",")
			items = append(items, it)
		}
		items = append(items, item(l.T(i18n.UIFaultHeal), lab.Heal, ""))
	}
	for _, b := range snap.Boxes {
		if b.Kind != "router" {
			items = append(items, item(l.T(i18n.UIFaultExpire, "Name", b.Name), lab.Expire, b.Name))
		}
	}
	return items
}

// appState sums up an app's processes: "running" if any runs, else
// "frozen" if any is frozen, else "dead".
func appState(snap *lab.Snapshot, a lab.AppConfig) string {
	hv := hosts.FindHost(snap, a.Host)
	if hv == nil {
		return "dead"
	}
	latest := map[string]string{}
	for _, p := range hv.Processes {
		if p.Name == a.Name || strings.HasPrefix(p.Name, a.Name+"#") {
			latest[p.Name] = p.State
		}
	}
	state := "dead"
	for _, st := range latest {
		switch st {
		case "running":
			return "running"
		case "frozen":
			state = "frozen"
		}
	}
	return state
}
