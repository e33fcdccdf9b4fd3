package lab

import (
	"slices"
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
	Do Verb
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

// Verb names an action as scenario files, recordings and the interface
// spell it.
type Verb string

// The verbs. Each has one entry in verbs, which says what it takes and
// does, how it is checked and how it is done.
const (
	PowerOff  Verb = "power_off"
	PowerOn   Verb = "power_on"
	Crash     Verb = "crash"
	Restart   Verb = "restart"
	Stop      Verb = "stop"
	Freeze    Verb = "freeze"
	Thaw      Verb = "thaw"
	LinkDown  Verb = "link_down"
	LinkUp    Verb = "link_up"
	Loss      Verb = "loss"
	Latency   Verb = "latency"
	Partition Verb = "partition"
	Heal      Verb = "heal"
	Expire    Verb = "expire"
	Set       Verb = "set"
)

// VerbInfo is a verb with what it takes and does (messages of the
// catalog), for menus, help and documentation.
type VerbInfo struct {
	Name          Verb
	Target, Value i18n.ID // what the target and the value are (Value is "" when it takes none)
	Doc           i18n.ID // what it does
}

// verbSpec is a verb's entry: its documentation, the check of an action
// against the lab, and the action done, reporting whether it changed
// anything. check and act only see actions of their verb; act only checked
// ones.
type verbSpec struct {
	VerbInfo
	check func(s *Session, a Action) error
	act   func(s *Session, a Action) bool
}

// verbs is the one table of the verbs, in the order help lists them.
var verbs = []verbSpec{
	{info(PowerOff, i18n.ArgHost, "", i18n.VerbPowerOff), checkHost, actPower},
	{info(PowerOn, i18n.ArgHost, "", i18n.VerbPowerOn), checkHost, actPower},
	{info(Crash, i18n.ArgApp, "", i18n.VerbCrash), checkApp, actStop},
	{info(Restart, i18n.ArgApp, "", i18n.VerbRestart), checkApp, func(s *Session, a Action) bool { return s.restart(a.Target) }},
	{info(Stop, i18n.ArgApp, "", i18n.VerbStop), checkApp, actStop},
	{info(Freeze, i18n.ArgApp, "", i18n.VerbFreeze), checkApp, actFreeze},
	{info(Thaw, i18n.ArgApp, "", i18n.VerbThaw), checkApp, actFreeze},
	{info(LinkDown, i18n.ArgLink, "", i18n.VerbLinkDown), checkLink, actLinkUp},
	{info(LinkUp, i18n.ArgLink, "", i18n.VerbLinkUp), checkLink, actLinkUp},
	{info(Loss, i18n.ArgLink, i18n.ArgProbability, i18n.VerbLoss), checkLoss, actLoss},
	{info(Latency, i18n.ArgLink, i18n.ArgDuration, i18n.VerbLatency), checkLatency, actLatency},
	{info(Partition, i18n.ArgHostsOne, i18n.ArgHostsOther, i18n.VerbPartition), checkPartition, actPartition},
	{info(Heal, i18n.ArgPartition, "", i18n.VerbHeal), checkHeal, actHeal},
	{info(Expire, i18n.ArgFirewallNAT, "", i18n.VerbExpire), checkExpire, actExpire},
	{info(Set, i18n.ArgParamPath, i18n.ArgValue, i18n.VerbSet), checkSet, actSet},
}

func info(v Verb, target, value, doc i18n.ID) VerbInfo {
	return VerbInfo{Name: v, Target: target, Value: value, Doc: doc}
}

// Verbs lists the verbs, with what each takes and does.
func Verbs() []VerbInfo {
	out := make([]VerbInfo, len(verbs))
	for i, v := range verbs {
		out[i] = v.VerbInfo
	}
	return out
}

// VerbNames lists the verbs' names.
func VerbNames() []string {
	out := make([]string, len(verbs))
	for i, v := range verbs {
		out[i] = string(v.Name)
	}
	return out
}

// spec finds a verb's entry.
func (v Verb) spec() *verbSpec {
	for i := range verbs {
		if verbs[i].Name == v {
			return &verbs[i]
		}
	}
	return nil
}

// CheckAction reports what Apply would refuse a for, without taking it.
func (s *Session) CheckAction(a Action) error { return s.checkAction(a) }

// checkAction validates an action against the lab without doing it.
func (s *Session) checkAction(a Action) error {
	v := a.Do.spec()
	if v == nil {
		return &ActionError{Field: "do", Msg: i18n.M(i18n.ActionUnknown, "Name", a.Do, "Known", i18n.List(VerbNames()))}
	}
	return v.check(s, a)
}

func checkHost(s *Session, a Action) error {
	if s.sim.Host(a.Target) == nil {
		return targetErr(i18n.ActionNoHostFor, "Name", a.Target, "Verb", a.Do)
	}
	return nil
}

func checkApp(s *Session, a Action) error {
	if s.byName[a.Target] == nil {
		return targetErr(i18n.ActionNoAppFor, "Name", a.Target, "Verb", a.Do)
	}
	return nil
}

func checkLink(s *Session, a Action) error {
	if s.link(a.Target) == nil {
		return targetErr(i18n.ActionNoLinkFor, "Name", a.Target, "Verb", a.Do)
	}
	return nil
}

func checkLoss(s *Session, a Action) error {
	if err := checkLink(s, a); err != nil {
		return err
	}
	if p, err := strconv.ParseFloat(a.Value, 64); err != nil || !(p >= 0 && p <= 1) { // NaN too
		return valueErr(i18n.ConfigNotLossProbability, "Value", a.Value)
	}
	return nil
}

func checkLatency(s *Session, a Action) error {
	if err := checkLink(s, a); err != nil {
		return err
	}
	d, err := time.ParseDuration(a.Value)
	if err != nil || d < 0 {
		return valueErr(i18n.ConfigNotLatency, "Value", a.Value)
	}
	if field, msg := linkLimits(netsim.LinkConfig{Latency: d}); field != "" {
		return &ActionError{Field: "value", Msg: msg}
	}
	return nil
}

func checkPartition(s *Session, a Action) error {
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
	for _, h := range splitList(a.Value) {
		if slices.Contains(splitList(a.Target), h) {
			return valueErr(i18n.ActionPartitionSelf, "Name", h)
		}
	}
	return nil
}

func checkExpire(s *Session, a Action) error {
	if m := s.sim.Middlebox(a.Target); m == nil || m.Config().Kind == netsim.Router {
		return targetErr(i18n.ActionNoFirewall, "Name", a.Target)
	}
	return nil
}

func checkSet(s *Session, a Action) error { return s.checkParam(a.Target, a.Value) }

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
	s.noteAction(a)
	if !s.act(a) {
		return
	}
	s.narrate(narrateAction(s, a))
}

// act does the action and reports whether it changed anything.
func (s *Session) act(a Action) bool { return a.Do.spec().act(s, a) }

func actPower(s *Session, a Action) bool {
	h := s.sim.Host(a.Target)
	if h.Powered() == (a.Do == PowerOn) {
		return false
	}
	if a.Do == PowerOff {
		h.PowerOff()
		s.hostDown(a.Target)
	} else {
		h.PowerOn()
		s.hostUp(a.Target)
	}
	return true
}

// actStop ends an app: a crash, or a normal stop.
func actStop(s *Session, a Action) bool {
	if len(s.processes(a.Target)) == 0 {
		return false
	}
	if a.Do == Stop {
		s.emit(&netsim.FaultEvent{At: s.Now(), Action: string(Stop), Target: a.Target})
	}
	s.crash(a.Target, a.Do == Crash)
	return true
}

func actFreeze(s *Session, a Action) bool {
	changed := false
	for _, p := range s.processes(a.Target) {
		if p.Frozen() == (a.Do == Thaw) {
			changed = true
			if a.Do == Freeze {
				p.Freeze()
			} else {
				p.Thaw()
			}
		}
	}
	return changed
}

func actLinkUp(s *Session, a Action) bool {
	l := s.link(a.Target)
	if l.Up() == (a.Do == LinkUp) {
		return false
	}
	l.SetUp(a.Do == LinkUp)
	return true
}

func actLoss(s *Session, a Action) bool {
	p, _ := strconv.ParseFloat(a.Value, 64) // checked
	return s.link(a.Target).SetLoss(p) == nil
}

func actLatency(s *Session, a Action) bool {
	l := s.link(a.Target)
	cfg := l.Config()
	cfg.Latency, _ = time.ParseDuration(a.Value) // checked
	return l.SetConfig(cfg) == nil
}

func actPartition(s *Session, a Action) bool {
	return s.sim.Partition(partitionName(a), splitList(a.Target), splitList(a.Value)) == nil
}

// checkHeal: heal names a partition — one made already, or one the
// timeline makes — or none (all of them).
func checkHeal(s *Session, a Action) error {
	if a.Target == "" {
		return nil
	}
	names := s.sim.Partitions()
	for _, t := range s.cfg.Timeline {
		if t.Action.Do == Partition {
			names = append(names, partitionName(t.Action))
		}
	}
	if !slices.Contains(names, a.Target) {
		return targetErr(i18n.ActionNoPartition, "Name", a.Target, "Known", i18n.List(names))
	}
	return nil
}

// partitionName is the name a partition action gives its partition: its
// target and value, "a,b|c,d".
func partitionName(a Action) string { return a.Target + "|" + a.Value }

func actHeal(s *Session, a Action) bool {
	s.sim.Heal(a.Target)
	return true
}

func actExpire(s *Session, a Action) bool {
	s.sim.Middlebox(a.Target).ExpireAll()
	return true
}

func actSet(s *Session, a Action) bool {
	s.setParam(a.Target, a.Value)
	s.emit(&ParamEvent{At: s.Now(), Path: a.Target, Value: a.Value})
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
	case *scriptGroup:
		out = rt.processes()
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
	case *scriptGroup:
		rt.down()
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
	s.emit(&netsim.FaultEvent{At: s.Now(), Action: string(Restart), Target: app})
	switch rt := rt.(type) {
	case *server:
		rt.start()
	case *clientGroup:
		for _, c := range rt.clients {
			c.boot()
		}
	case *scriptGroup:
		rt.start()
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
		case *scriptGroup:
			rt.down()
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

// appEvent emits an app event for a frame sent or received on the socket
// named conn.
func (s *Session) appEvent(host, app, conn, dir string, f *frame) {
	if s.buildsAppEvents() {
		s.emitAppEvent(host, app, conn, dir, f)
	}
}

// connAppEvent is appEvent for a TCP connection, whose name it reads only
// for an event it builds: the name lies in a part of the connection that a
// segment of the steady state leaves alone (netsim's layout), and a quiet
// run would visit it four times a round trip for events it only counts.
// It is inlined: a quiet run pays an addition. It takes the app's
// settings, not their Host, for the same reason: an argument cfg.Host is
// loaded, and cfg tested for nil, before the test that finds the event
// only counted.
func (s *Session) connAppEvent(cfg *AppConfig, app string, conn *netsim.Conn, dir string, f *frame) {
	if s.appEvents != appBuilt {
		s.events += uint64(s.appEvents) // counted: 1, unobserved: 0
		return
	}
	s.emitConnAppEvent(cfg, app, conn, dir, f)
}

// sentAppEvent is connAppEvent for a frame of type t sent on conn at
// offset in its stream, which it describes only for an event it builds.
func (s *Session) sentAppEvent(cfg *AppConfig, app string, conn *netsim.Conn, t frameType, seq uint32, size int, offset uint64) {
	if s.appEvents != appBuilt {
		s.events += uint64(s.appEvents) // counted: 1, unobserved: 0
		return
	}
	s.emitSentAppEvent(cfg, app, conn, t, seq, size, offset)
}

// emitConnAppEvent and emitSentAppEvent are emitAppEvent for a frame on
// conn, out of line: connAppEvent and sentAppEvent are inlined.
//
//go:noinline
func (s *Session) emitConnAppEvent(cfg *AppConfig, app string, conn *netsim.Conn, dir string, f *frame) {
	s.emitAppEvent(cfg.Host, app, conn.Name(), dir, f)
}

//go:noinline
func (s *Session) emitSentAppEvent(cfg *AppConfig, app string, conn *netsim.Conn, t frameType, seq uint32, size int, offset uint64) {
	s.emitAppEvent(cfg.Host, app, conn.Name(), "send", &frame{typ: t, seq: seq, size: size, offset: offset, stream: true})
}

// appMode is what becomes of an app event: nothing while nobody observes
// the stream; counted, not built, while every observer skips them
// (ObserveKinds); built.
type appMode uint8

const (
	appUnobserved appMode = 0
	appCounted    appMode = 1 // the events it adds to the stream's count
	appBuilt      appMode = 2
)

// buildsAppEvents reports whether an app event is to be built. One that is
// observed and not built is counted.
func (s *Session) buildsAppEvents() bool {
	if s.appEvents == appCounted {
		s.events++ // an event of the stream nobody is handed
	}
	return s.appEvents == appBuilt
}

// emitAppEvent builds the app event and hands it to the stream.
func (s *Session) emitAppEvent(host, app, conn, dir string, f *frame) {
	e := &s.appEv
	if !s.sim.EventsOnLoan() {
		e = new(AppEvent)
	}
	*e = AppEvent{At: s.Now(), Host: host, App: app, Conn: conn, Dir: dir, Msg: f.typ.msgName(), Bytes: f.size,
		Offset: f.offset, Stream: f.stream}
	if f.typ == framePing || f.typ == framePong {
		e.Seq = f.seq // only heartbeats carry a sequence number
	}
	if dir == "recv" && hasEvents(f.typ) { // a frame's events are a response's or a push's only (decoder.short leaves them)
		now := s.Now()
		for _, n := range f.events {
			lat := now - n.at
			e.Items++
			e.Latency += lat
			e.MaxLatency = max(e.MaxLatency, lat)
		}
	}
	s.sim.Emit(e)
}
