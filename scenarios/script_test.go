package scenarios

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cockroachdb/datadriven"
	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/netsim"
)

// TestScripts runs the socket-script cases of testdata/scripts/*.txt: each
// file a narrative (# lines) and commands with the lines they print. go
// test ./scenarios -run Scripts -rewrite refreshes them; read the diff.
//
// A lab is two hosts, server (10.0.0.1) and client (10.0.0.2), joined by
// one link; its apps (and timeline) are given as a scenario file gives
// them:
//
//	lab [latency=10ms] [duration=10m]
//	<apps: … and timeline: …, YAML>
//	run DURATION [show=(segment, narration, state, error, script)] [tail=N]
//	                              run for DURATION and print its calls
//	                              (syscall events) and faults; show= adds
//	                              TCP states, segments sent or dropped,
//	                              narrations, socket errors, script
//	                              states; tail= prints how many lines
//	                              there were, and the last N
//	do VERB [TARGET] [VALUE]      an action, as the timeline takes it
//	snapshot                      what the interface shows of the apps
//	error                         the error loading the lab gave (a lab
//	                              command whose file is wrong prints it)
func TestScripts(t *testing.T) {
	datadriven.Walk(t, "testdata/scripts", func(t *testing.T, path string) {
		var l *slab
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			if d.Cmd == "lab" {
				var out string
				l, out = newSLab(t, d)
				return out
			}
			if l == nil {
				d.Fatalf(t, "the file must start with lab")
			}
			return l.do(t, d)
		})
	})
}

// slab is the lab of a script case and the events it has produced.
type slab struct {
	s       *lab.Session
	events  []netsim.Event
	printed int
}

func newSLab(t *testing.T, d *datadriven.TestData) (*slab, string) {
	latency, duration := "10ms", "10m"
	for _, a := range d.CmdArgs {
		switch a.Key {
		case "latency":
			latency = a.SingleVal(t)
		case "duration":
			duration = a.SingleVal(t)
		default:
			d.Fatalf(t, "lab takes no %s", a.Key)
		}
	}
	text := fmt.Sprintf(`title: a case of testdata/scripts
duration: %s
hosts:
  server: {ip: 10.0.0.1}
  client: {ip: 10.0.0.2}
links:
  - {between: [client, server], latency: %s}
%s`, duration, latency, d.Input)
	sc, err := Parse("case", d.Pos, []byte(text))
	if err != nil {
		return nil, "error: " + err.Error() + "\n"
	}
	s, err := sc.NewSession()
	if err != nil {
		return nil, "error: " + err.Error() + "\n"
	}
	l := &slab{s: s}
	s.TraceStates(true)
	s.Observe(func(e netsim.Event) { l.events = append(l.events, e) })
	return l, ""
}

func (l *slab) do(t *testing.T, d *datadriven.TestData) string {
	switch d.Cmd {
	case "do":
		var args [3]string
		for i := range min(len(d.CmdArgs), 3) {
			args[i] = d.CmdArgs[i].Key
		}
		a := lab.Action{Do: lab.Verb(args[0]), Target: args[1], Value: args[2]}
		if err := l.s.Apply(a); err != nil {
			return "error: " + err.Error() + "\n"
		}
		return ""
	case "run":
		return l.run(t, d)
	case "snapshot":
		var b strings.Builder
		snap := l.s.Snapshot()
		for _, a := range snap.Apps {
			fmt.Fprintf(&b, "%s: %s\n", a.Name, a.Summary)
		}
		for _, c := range snap.Conns {
			if c.App != "" {
				fmt.Fprintf(&b, "%s %s %s: %s\n", c.Host, c.Tuple, c.State, c.AppState)
			}
		}
		for _, tv := range snap.Timers {
			if tv.App != "" && tv.Conn == "" {
				fmt.Fprintf(&b, "%s %s: %s at %s\n", tv.Host, tv.App, tv.Label, netsim.FormatTime(tv.Deadline))
			}
		}
		return b.String()
	}
	d.Fatalf(t, "unknown command %s", d.Cmd)
	return ""
}

func (l *slab) run(t *testing.T, d *datadriven.TestData) string {
	if len(d.CmdArgs) == 0 {
		d.Fatalf(t, "run takes a duration")
	}
	dur, err := time.ParseDuration(d.CmdArgs[0].Key)
	if err != nil {
		d.Fatalf(t, "%v", err)
	}
	show := map[string]bool{"syscall": true, "fault": true}
	if a, ok := d.Arg("show"); ok {
		kinds := map[string]string{"segment": "segment", "narration": "narration", "state": "tcp_state",
			"error": "socket_error", "script": "script_state"}
		for _, k := range a.Vals {
			if kinds[k] == "" {
				d.Fatalf(t, "show takes segment, narration, state, error or script, not %s", k)
			}
			show[kinds[k]] = true
		}
	}
	l.s.RunFor(dur)
	var lines []string
	for _, e := range l.events[l.printed:] {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Fate == netsim.FateDelivered {
			continue
		}
		if show[e.Kind()] {
			lines = append(lines, netsim.Format(e)+"\n")
		}
	}
	l.printed = len(l.events)
	if a, ok := d.Arg("tail"); ok {
		n := 0
		a.Scan(t, 0, &n)
		head := fmt.Sprintf("%d lines; the last %d:\n", len(lines), n)
		lines = append([]string{head}, lines[max(0, len(lines)-n):]...)
	}
	return strings.Join(lines, "")
}
