package lab

import (
	"errors"
	"fmt"
	"net/netip"
	"reflect"
	"slices"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/script"
	"github.com/socklab/socklab/netsim"
)

// scriptKeys are the settings a script app takes: its steps say the rest.
var scriptKeys = []string{"kind", "host", "count", "start", "stagger", "steps"}

// scriptDefaults checks that a script app sets nothing but scriptKeys (a
// heartbeat or a preset would be silently ignored otherwise), and gives
// its count the default of 1.
func (a *AppConfig) scriptDefaults() error {
	v := reflect.ValueOf(a).Elem()
	t := v.Type()
	for i := range t.NumField() {
		tag, ok := t.Field(i).Tag.Lookup("yaml")
		if !ok || tag == "-" || slices.Contains(scriptKeys, tag) || (v.Field(i).IsZero() && !a.given(tag)) {
			continue
		}
		return &FieldError{Path: "apps." + a.Name + "." + tag, Key: true,
			Msg: i18n.M(i18n.ScriptAppKey, "Keys", i18n.List(scriptKeys))}
	}
	fill(a, "count", &a.Count, 1)
	return nil
}

// validateScript checks a script app's own settings (its steps are
// checked by validateSteps, which needs the whole lab).
func (a *AppConfig) validateScript() error {
	p := "apps." + a.Name
	switch {
	case a.Count < 1 || a.Count > 100000:
		return fieldErr(p+".count", i18n.RuleBetween, "Min", 1, "Max", 100000, "Value", a.Count)
	case a.Start < 0:
		return fieldErr(p+".start", i18n.RuleNotNegativeValue, "Value", a.Start.String())
	case a.Stagger < 0:
		return fieldErr(p+".stagger", i18n.RuleNotNegativeValue, "Value", a.Stagger.String())
	}
	return nil
}

// validateSteps checks a script's steps; known says whether a connect may
// name a node.
func (a *AppConfig) validateSteps(known func(string) bool) error {
	err := script.Validate(a.Steps, known)
	var se *script.Error
	if errors.As(err, &se) {
		path := "apps." + a.Name + ".steps"
		if se.Step >= 0 {
			path += fmt.Sprintf("[%d]", se.Step)
			if se.Field != "" {
				path += "." + se.Field
			}
		}
		return &FieldError{Path: path, Msg: se.Msg}
	}
	return err
}

// addressable says whether a name is something a connection can go to: a
// host, or a NAT (its public address).
func (c *Config) addressable(nodes map[string]string) func(string) bool {
	return func(name string) bool {
		return nodes[name] == "host" || slices.ContainsFunc(c.Middleboxes, func(m MiddleboxConfig) bool {
			return m.Name == name && m.Kind == netsim.NAT.String()
		})
	}
}

// scriptGroup is a script app: Count programs, each in a process of its
// own, running the same steps.
type scriptGroup struct {
	s     *Session
	cfg   *AppConfig
	progs []*scriptProc
}

// scriptProc is one program of a script app.
type scriptProc struct {
	name  string
	index int
	proc  *netsim.Process
	prog  *script.Program
}

func newScriptGroup(s *Session, cfg *AppConfig) *scriptGroup {
	g := &scriptGroup{s: s, cfg: cfg}
	for i := range cfg.Count {
		name := cfg.Name
		if cfg.Count > 1 {
			name = fmt.Sprintf("%s#%d", cfg.Name, i+1)
		}
		g.progs = append(g.progs, &scriptProc{name: name, index: i})
	}
	return g
}

func (g *scriptGroup) name() string       { return g.cfg.Name }
func (g *scriptGroup) config() *AppConfig { return g.cfg }
func (g *scriptGroup) reconfigure()       {} // a script has no live parameters

// start runs every program from its first step; program i starts at
// start + i·stagger.
func (g *scriptGroup) start() {
	for _, sp := range g.progs {
		p, err := g.s.host(g.cfg.Host).NewProcess(sp.name)
		if err != nil {
			continue // its host is off: it stays down
		}
		sp.proc = p
		sp.prog = script.New(scriptEnv{g.s}, p, g.cfg.Host, sp.name, g.cfg.Steps)
		sp.prog.Start(g.s.Now() + g.cfg.Start + time.Duration(sp.index)*g.cfg.Stagger)
	}
}

// down: the programs' processes are gone.
func (g *scriptGroup) down() {
	for _, sp := range g.progs {
		if sp.prog != nil {
			sp.prog.Down()
		}
	}
}

// processes are the live processes of the group.
func (g *scriptGroup) processes() []*netsim.Process {
	var out []*netsim.Process
	for _, sp := range g.progs {
		if sp.proc != nil && sp.proc.Alive() {
			out = append(out, sp.proc)
		}
	}
	return out
}

// view adds the programs' states, their sockets' descriptors and their
// timers. A group's summary counts its programs by state; one program's
// says where it is ("blocked in read(4) for 2s").
func (g *scriptGroup) view(now time.Duration, snap *Snapshot) {
	av := AppView{Name: g.cfg.Name, Kind: g.cfg.Kind, Host: g.cfg.Host, Total: len(g.progs)}
	var states [script.Exited + 1]int
	for _, sp := range g.progs {
		if sp.prog == nil {
			states[script.Down]++
			av.Summary = i18n.M(i18n.ScriptStateDown)
			continue
		}
		v := sp.prog.View()
		states[v.State]++
		av.Summary = v.Summary
		for _, sock := range v.Sockets {
			if row := snap.conn(g.cfg.Host, sock.Conn); row != nil {
				row.App, row.AppState = sp.name, i18n.M(i18n.ScriptFD, "FD", sock.FD)
				if row.State == netsim.Established.String() || row.State == netsim.CloseWait.String() {
					av.Connected++
				}
			}
		}
		for _, t := range v.Timers {
			snap.Timers = append(snap.Timers, timerView(g.cfg.Host, sp.name, "", t.Name, t.Start, t.Deadline, i18n.Message{}))
		}
	}
	if len(g.progs) > 1 {
		av.Summary = i18n.M(i18n.ScriptSummaryGroup, "Waiting", states[script.Waiting], "Blocked", states[script.Blocked],
			"Done", states[script.Done], "Gone", states[script.Down]+states[script.Exited])
	}
	snap.Apps = append(snap.Apps, av)
}

// scriptEnv is what a program sees of the session.
type scriptEnv struct{ s *Session }

func (e scriptEnv) Now() time.Duration     { return e.s.Now() }
func (e scriptEnv) Emit(ev netsim.Event)   { e.s.emit(ev) }
func (e scriptEnv) Narrate(m i18n.Message) { e.s.narrate(m) }
func (e scriptEnv) TraceStates() bool      { return e.s.traceStates && e.s.tracing }
func (e scriptEnv) Close(host string, c *netsim.Conn) {
	e.s.closeConn(host, c)
}

// GaveUp narrates a connection the kernel gave up on by one of its
// timeouts while the script was in no call on it, as a built-in app's
// detection is narrated (but no detect event: the program has detected
// nothing yet).
func (e scriptEnv) GaveUp(host, app string, c *netsim.Conn) {
	switch cause := c.FailCause(); cause {
	case netsim.CauseRetransmitTimeout, netsim.CauseUserTimeout, netsim.CauseKeepalive:
		sd := side{host: host, app: app, conn: c, script: true}
		e.s.narrate(narrateDetect(sd, c.RemoteAddr().String(), cause, e.s.Now()-c.LastReceived(), i18n.Message{}))
	}
}
func (e scriptEnv) Resolve(name string) (netip.Addr, bool) {
	if a, err := netip.ParseAddr(name); err == nil {
		return a, true
	}
	ap := e.s.addrOf(name, 0)
	return ap.Addr(), ap.Addr().IsValid()
}
