package scenarios

import (
	"fmt"
	"net/netip"
	"reflect"
	"slices"

	"github.com/socklab/socklab/lab"
)

// Paths lists the parameters of sc that --set PATH=VALUE can change, by
// the path --set takes, in the file's order: seed, duration and capture;
// every key the schema allows under each host, middlebox, link and app sc has
// (whether the file sets it or not), a host's sysctl settings among them;
// a script's steps (see steps); each timeline entry's keys. Links are
// named "a-b", timeline entries and steps by index:
//
//	apps.client.heartbeat.interval
//	hosts.server.sysctl.keepalive_idle
//	links.client-server.loss
//	timeline[0].at
//	apps.client.steps[2].at
//
// The name, title, teaching text and expectations are left out: --set can
// change them too, but they are not parameters of the lab. Shell
// completion (socklab run SCENARIO --set <TAB>) lists these.
func Paths(sc *Scenario) []string {
	var p pathList
	p.add("seed")
	p.add("duration")
	p.add("capture")
	for _, h := range sc.Config.Hosts {
		p.keys("hosts."+h.Name, reflect.TypeFor[lab.HostConfig]())
	}
	for _, m := range sc.Config.Middleboxes {
		p.keys("middleboxes."+m.Name, reflect.TypeFor[lab.MiddleboxConfig]())
	}
	for _, l := range sc.Config.Links {
		p.keys("links."+l.Name(), reflect.TypeFor[linkSpec]())
	}
	tree, _ := parseYAML(sc.Source, sc.Text) // it parsed when sc was loaded
	for _, a := range sc.Config.Apps {
		p.keys("apps."+a.Name, reflect.TypeFor[lab.AppConfig]())
		if tree != nil {
			p.steps("apps."+a.Name+".steps", tree.get("apps").get(a.Name).get("steps"))
		}
	}
	for i := range sc.Config.Timeline {
		p.keys(fmt.Sprintf("timeline[%d]", i), reflect.TypeFor[stepSpec]())
	}
	return p
}

// steps adds the paths of a script's steps, as the file writes them: a
// step written as a call alone is one value ("steps[1]"); a step written as
// a mapping has its timing keys (set or not) and its call's value, or the
// keys of that value ("steps[0].listen.backlog",
// "steps[2].setsockopt.SO_RCVTIMEO").
func (p *pathList) steps(prefix string, n *node) {
	if n == nil || n.kind != sequenceNode {
		return
	}
	for i, item := range n.items {
		path := fmt.Sprintf("%s[%d]", prefix, i)
		if item.kind != mappingNode {
			p.add(path)
			continue
		}
		for _, k := range stepKeys {
			p.add(path + "." + k)
		}
		for _, e := range item.entries {
			if slices.Contains(stepKeys, e.key) {
				continue
			}
			if e.value.kind != mappingNode {
				p.add(path + "." + e.key)
				continue
			}
			for _, sub := range e.value.entries {
				p.add(path + "." + e.key + "." + sub.key)
			}
		}
	}
}

// pathList collects paths.
type pathList []string

func (p *pathList) add(path string) { *p = append(*p, path) }

// keys adds the path of every value a struct of type t holds under prefix,
// walking into its sections: the keys decode accepts there.
func (p *pathList) keys(prefix string, t reflect.Type) {
	for _, f := range fieldsOf(t) {
		path := prefix + "." + f.name
		ft := t.Field(f.index).Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch {
		case ft == reflect.TypeFor[netip.Addr]():
			p.add(path)
		case ft.Kind() == reflect.Struct:
			p.keys(path, ft)
		case ft.Kind() == reflect.Map:
			// The one mapping of free names in the schema is a host's
			// sysctl section; lab names the settings it accepts.
			if f.name != "sysctl" {
				panic("scenarios: Paths: no list of the names " + path + " takes")
			}
			for _, name := range lab.SysctlNames() {
				p.add(path + "." + name)
			}
		case ft.Kind() == reflect.Slice:
			// A list of values (a link's between) is not one parameter:
			// --set changes values, not lists.
		default:
			p.add(path)
		}
	}
}
