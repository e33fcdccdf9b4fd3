package lab

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cockroachdb/datadriven"
	"github.com/goccy/go-yaml"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// TestInteraction runs the application cases of testdata/*.txt: heartbeats,
// detections and reconnections, each file a narrative (# lines) and
// commands followed by the lines they print, as netsim's interaction tests
// are. go test ./lab -run Interaction -rewrite refreshes them; read the diff.
//
// A lab is two hosts, server (10.0.0.1) and client (10.0.0.2), joined by a
// link, or by a firewall "fw" with the given idle timeout and expiry
// policy; its apps are given as YAML, with the keys of scenario files.
//
//	lab [seed=1] [latency=1ms] [jitter=0] [loss=0] [firewall=IDLE [policy=P]]
//	<apps, YAML: - {name: server, kind: server, host: server, port: 8080}>
//	do VERB [TARGET] [VALUE]      an action, as the timeline and the keys
//	                              take it: do power_off server
//	run DURATION [show=(KIND, …)] run for DURATION and print its events.
//	                              Shown: client states, app messages,
//	                              detections, reconnections, faults,
//	                              parameters, socket errors and TCP states;
//	                              show= adds segment or narration
//	conns                         the connections and what their apps think
//	timers                        the application timers armed
//
// Client states are traced (Session.TraceStates), so every change of a
// client's state is a line.
func TestInteraction(t *testing.T) {
	datadriven.Walk(t, "testdata", func(t *testing.T, path string) {
		var l *ilab
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			if d.Cmd == "lab" {
				l = newILab(t, d)
				return ""
			}
			if l == nil {
				d.Fatalf(t, "the file must start with lab")
			}
			return l.do(t, d)
		})
	})
}

// ilab is the lab of an interaction file and the events it has produced.
type ilab struct {
	s       *Session
	events  []netsim.Event
	printed int
}

func newILab(t *testing.T, d *datadriven.TestData) *ilab {
	cfg := Config{
		Seed: 1,
		Hosts: []HostConfig{
			{Name: "server", IP: netip.MustParseAddr("10.0.0.1")},
			{Name: "client", IP: netip.MustParseAddr("10.0.0.2")},
		},
		Links: []LinkConfig{{A: "client", B: "server", Latency: time.Millisecond}},
	}
	for _, a := range d.CmdArgs {
		var err error
		switch a.Key {
		case "firewall":
			// client - fw - server: a firewall with this idle timeout
			fw := MiddleboxConfig{Name: "fw", Kind: netsim.Firewall.String(), Outside: "server"}
			fw.IdleTimeout, err = time.ParseDuration(a.SingleVal(t))
			cfg.Middleboxes = append(cfg.Middleboxes, fw)
			cfg.Links = append(cfg.Links, LinkConfig{A: "fw", B: "server", Latency: cfg.Links[0].Latency})
			cfg.Links[0].B = "fw"
		case "policy":
			if len(cfg.Middleboxes) == 0 {
				d.Fatalf(t, "policy comes after firewall")
			}
			cfg.Middleboxes[0].OnExpired = a.SingleVal(t)
		case "seed":
			_, err = fmt.Sscan(a.SingleVal(t), &cfg.Seed)
		case "latency":
			cfg.Links[0].Latency, err = time.ParseDuration(a.SingleVal(t))
		case "jitter":
			cfg.Links[0].Jitter, err = time.ParseDuration(a.SingleVal(t))
		case "loss":
			_, err = fmt.Sscan(a.SingleVal(t), &cfg.Links[0].Loss)
		default:
			d.Fatalf(t, "lab takes no %s", a.Key)
		}
		if err != nil {
			d.Fatalf(t, "%s: %v", a.Key, err)
		}
	}
	var apps []struct {
		Name      string `yaml:"name"`
		AppConfig `yaml:",inline"`
	}
	if err := yaml.UnmarshalWithOptions([]byte(d.Input), &apps, yaml.Strict()); err != nil {
		d.Fatalf(t, "apps: %v", err)
	}
	for _, a := range apps {
		a.AppConfig.Name = a.Name
		cfg.Apps = append(cfg.Apps, a.AppConfig)
	}
	s, err := New(cfg)
	if err != nil {
		d.Fatalf(t, "%v", err)
	}
	l := &ilab{s: s}
	s.TraceStates(true)
	s.Observe(func(e netsim.Event) { l.events = append(l.events, e) })
	return l
}

func (l *ilab) do(t *testing.T, d *datadriven.TestData) string {
	switch d.Cmd {
	case "do":
		var args [3]string
		for i := range min(len(d.CmdArgs), 3) {
			args[i] = d.CmdArgs[i].Key
		}
		a := Action{Do: Verb(args[0]), Target: args[1], Value: args[2]}
		if err := l.s.Apply(a); err != nil {
			return "error: " + err.Error() + "\n"
		}
		return ""
	case "run":
		return l.run(t, d)
	case "conns":
		var b strings.Builder
		for _, c := range l.s.Snapshot().Conns {
			fmt.Fprintf(&b, "%s %s %s: %s\n", c.Host, c.Tuple, c.State, c.AppState)
		}
		return b.String()
	case "timers":
		var b strings.Builder
		snap := l.s.Snapshot()
		for _, tv := range snap.Timers {
			if slices.Contains(netsimTimerNames(), tv.Name) {
				continue // a TCP timer
			}
			fmt.Fprintf(&b, "%s %s: %s at %s", tv.Host, tv.App, tv.Label, netsim.FormatTime(tv.Deadline))
			if !tv.Detail.IsZero() {
				b.WriteString(" (" + tv.Detail.String() + ")")
			}
			b.WriteByte('\n')
		}
		return b.String()
	}
	d.Fatalf(t, "unknown command %s", d.Cmd)
	return ""
}

func (l *ilab) run(t *testing.T, d *datadriven.TestData) string {
	if len(d.CmdArgs) == 0 {
		d.Fatalf(t, "run takes a duration")
	}
	dur, err := time.ParseDuration(d.CmdArgs[0].Key)
	if err != nil {
		d.Fatalf(t, "%v", err)
	}
	show := map[string]bool{}
	if a, ok := d.Arg("show"); ok {
		for _, k := range a.Vals {
			show[k] = true
		}
	}
	l.s.RunFor(dur)
	var b strings.Builder
	for _, e := range l.events[l.printed:] {
		switch e.Kind() {
		case "segment", "narration", "timer", "flow":
			if !show[e.Kind()] {
				continue
			}
		}
		b.WriteString(netsim.Format(e))
		b.WriteByte('\n')
	}
	l.printed = len(l.events)
	return b.String()
}

// netsimTimerNames are the names of the TCP timers, as the snapshot
// names them.
func netsimTimerNames() []i18n.ID {
	var out []i18n.ID
	for _, k := range netsim.TimerKinds() {
		out = append(out, i18n.ID("timer."+k.String()))
	}
	return out
}
