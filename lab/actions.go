package lab

import (
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// Action is something done to a running lab: a fault, a repair, a
// parameter change. The same actions fill a scenario's timeline and come
// live from the interface; recordings store them.
type Action struct {
	// Do is the verb: see Verbs.
	Do string
	// Target is a host, app, link ("a-b"), middlebox, partition name, or
	// for "set" a parameter path.
	Target string
	// Value is the verb's argument: a loss probability, a latency, the
	// other side of a partition, a parameter's new value.
	Value string
}

// TimedAction is an action of a scenario's timeline.
type TimedAction struct {
	At     time.Duration
	Action Action
}

// Verb is an action's verb, with what it takes and does (messages of the
// catalog).
type Verb struct {
	Name          string
	Target, Value i18n.ID // what the target and the value are (Value is "" when it takes none)
	Doc           i18n.ID // what it does
	// Does is Doc in English, for the interface until it renders Doc in
	// its own language (issue 14).
	Does string
}

func verb(name string, target, value, doc i18n.ID) Verb {
	return Verb{Name: name, Target: target, Value: value, Doc: doc, Does: i18n.English.T(doc)}
}

// Verbs lists the actions.
var Verbs = []Verb{
	verb("power_off", i18n.ArgHost, "", i18n.VerbPowerOff),
	verb("power_on", i18n.ArgHost, "", i18n.VerbPowerOn),
	verb("crash", i18n.ArgApp, "", i18n.VerbCrash),
	verb("restart", i18n.ArgApp, "", i18n.VerbRestart),
	verb("stop", i18n.ArgApp, "", i18n.VerbStop),
	verb("freeze", i18n.ArgApp, "", i18n.VerbFreeze),
	verb("thaw", i18n.ArgApp, "", i18n.VerbThaw),
	verb("link_down", i18n.ArgLink, "", i18n.VerbLinkDown),
	verb("link_up", i18n.ArgLink, "", i18n.VerbLinkUp),
	verb("loss", i18n.ArgLink, i18n.ArgProbability, i18n.VerbLoss),
	verb("latency", i18n.ArgLink, i18n.ArgDuration, i18n.VerbLatency),
	verb("partition", i18n.ArgHostsOne, i18n.ArgHostsOther, i18n.VerbPartition),
	verb("heal", i18n.ArgPartition, "", i18n.VerbHeal),
	verb("expire", i18n.ArgMiddlebox, "", i18n.VerbExpire),
	verb("set", i18n.ArgParamPath, i18n.ArgValue, i18n.VerbSet),
}

// VerbNames lists the verbs.
func VerbNames() []string {
	var out []string
	for _, v := range Verbs {
		out = append(out, v.Name)
	}
	return out
}

// checkAction validates an action against the lab without doing it.
func (s *Session) checkAction(a Action) error {
	switch a.Do {
	case "power_off", "power_on":
		if s.sim.Host(a.Target) == nil {
			return targetErr(i18n.ActionNoHostFor, "Name", a.Target, "Verb", a.Do)
		}
	case "crash", "restart", "stop", "freeze", "thaw":
		if s.byName[a.Target] == nil {
			return targetErr(i18n.ActionNoAppFor, "Name", a.Target, "Verb", a.Do)
		}
	case "link_down", "link_up", "loss", "latency":
		if s.link(a.Target) == nil {
			return targetErr(i18n.ActionNoLinkFor, "Name", a.Target, "Verb", a.Do)
		}
		if a.Do == "loss" {
			p, err := strconv.ParseFloat(a.Value, 64)
			if err != nil || p < 0 || p > 1 {
				return valueErr(i18n.ConfigNotLossProbability, "Value", a.Value)
			}
		}
		if a.Do == "latency" {
			d, err := time.ParseDuration(a.Value)
			if err != nil || d < 0 {
				return valueErr(i18n.ConfigNotLatency, "Value", a.Value)
			}
		}
	case "partition":
		if len(splitList(a.Target)) == 0 {
			return targetErr(i18n.ActionOneSide)
		}
		if len(splitList(a.Value)) == 0 {
			return valueErr(i18n.ActionOtherSide)
		}
		for _, side := range []struct {
			list string
			err  func(i18n.ID, ...any) error
		}{{a.Target, targetErr}, {a.Value, valueErr}} {
			for _, h := range splitList(side.list) {
				if s.sim.Host(h) == nil && s.sim.Middlebox(h) == nil {
					return side.err(i18n.ConfigNoHost, "Name", h)
				}
			}
		}
	case "heal":
	case "expire":
		if m := s.sim.Middlebox(a.Target); m == nil || m.Config().Kind == netsim.Router {
			return targetErr(i18n.ActionNoFirewall, "Name", a.Target)
		}
	case "set":
		return s.checkParam(a.Target, a.Value)
	default:
		return &ActionError{Field: "do", Msg: i18n.M(i18n.ActionUnknown, "Name", a.Do, "Known", i18n.List(VerbNames()))}
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// link finds a link by "a-b" in either order.
func (s *Session) link(name string) *netsim.Link {
	for _, l := range s.sim.Links() {
		a, b := l.Ends()
		if name == a+"-"+b || name == b+"-"+a {
			return l
		}
	}
	return nil
}

// perform does a checked action, with its narration. An action that
// changes nothing (power off a host that is off, freeze a frozen app)
// passes without a word.
func (s *Session) perform(a Action) {
	if !s.act(a) {
		return
	}
	s.narrate(narrateAction(s, a))
}

// act does the action and reports whether it changed anything.
func (s *Session) act(a Action) bool {
	switch a.Do {
	case "power_off", "power_on":
		h := s.sim.Host(a.Target)
		if h.Powered() == (a.Do == "power_on") {
			return false
		}
		if a.Do == "power_off" {
			h.PowerOff()
			s.hostDown(a.Target)
		} else {
			h.PowerOn()
			s.hostUp(a.Target)
		}
	case "crash", "stop":
		if len(s.processes(a.Target)) == 0 {
			return false
		}
		if a.Do == "stop" {
			s.emit(&netsim.FaultEvent{At: s.Now(), Action: "stop", Target: a.Target})
		}
		s.crash(a.Target, a.Do == "crash")
	case "restart":
		return s.restart(a.Target)
	case "freeze", "thaw":
		changed := false
		for _, p := range s.processes(a.Target) {
			if p.Frozen() == (a.Do == "thaw") {
				changed = true
				if a.Do == "freeze" {
					p.Freeze()
				} else {
					p.Thaw()
				}
			}
		}
		return changed
	case "link_down", "link_up":
		l := s.link(a.Target)
		if l.Up() == (a.Do == "link_up") {
			return false
		}
		l.SetUp(a.Do == "link_up")
	case "loss":
		p, _ := strconv.ParseFloat(a.Value, 64)
		s.link(a.Target).SetLoss(p)
	case "latency":
		l := s.link(a.Target)
		cfg := l.Config()
		cfg.Latency, _ = time.ParseDuration(a.Value)
		l.SetConfig(cfg)
	case "partition":
		name := a.Target + "|" + a.Value
		return s.sim.Partition(name, splitList(a.Target), splitList(a.Value)) == nil
	case "heal":
		s.sim.Heal(a.Target)
	case "expire":
		s.sim.Middlebox(a.Target).ExpireAll()
	case "set":
		s.setParam(a.Target, a.Value)
		s.emit(&ParamEvent{At: s.Now(), Path: a.Target, Value: a.Value})
	}
	return true
}

// processes are the live processes of an app.
func (s *Session) processes(app string) []*netsim.Process {
	var out []*netsim.Process
	switch rt := s.byName[app].(type) {
	case *server:
		if rt.proc != nil && rt.proc.Alive() {
			out = append(out, rt.proc)
		}
	case *clientGroup:
		for _, c := range rt.clients {
			if c.alive() {
				out = append(out, c.proc)
			}
		}
	}
	return out
}

// crash ends an app's processes: abruptly (a crash) or by a normal exit.
// Either way the OS closes their sockets.
func (s *Session) crash(app string, abrupt bool) {
	for _, p := range s.processes(app) {
		if abrupt {
			p.Crash()
		} else {
			p.Exit()
		}
	}
	switch rt := s.byName[app].(type) {
	case *server:
		rt.down()
	case *clientGroup:
		for _, c := range rt.clients {
			c.crashed()
		}
	}
}

// restart starts an app whose processes are gone; it reports whether it
// did.
func (s *Session) restart(app string) bool {
	rt := s.byName[app]
	if len(s.processes(app)) > 0 {
		return false // it runs
	}
	if !s.sim.Host(rt.config().Host).Powered() {
		return false
	}
	s.emit(&netsim.FaultEvent{At: s.Now(), Action: "restart", Target: app})
	switch rt := rt.(type) {
	case *server:
		rt.start()
	case *clientGroup:
		for _, c := range rt.clients {
			c.boot()
		}
	}
	return true
}

// hostDown tells the apps on a host that lost power that they are gone.
func (s *Session) hostDown(host string) {
	for _, a := range s.apps {
		if a.config().Host != host {
			continue
		}
		switch rt := a.(type) {
		case *server:
			rt.down()
		case *clientGroup:
			for _, c := range rt.clients {
				c.crashed()
			}
		}
	}
}

// hostUp starts the apps of a host that booted, as its services would.
func (s *Session) hostUp(host string) {
	for _, a := range s.apps {
		if a.config().Host == host {
			s.restart(a.name())
		}
	}
}

// appEvent emits an app event for a frame sent or received.
func (s *Session) appEvent(host, app, conn, dir string, f frame) {
	if !s.tracing {
		return
	}
	e := &AppEvent{At: s.Now(), Host: host, App: app, Conn: conn, Dir: dir, Msg: f.typ.msgName(), Bytes: f.size}
	if f.typ == framePing || f.typ == framePong {
		e.Seq = f.seq // only heartbeats carry a sequence number
	}
	s.sim.Emit(e)
}
