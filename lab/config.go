package lab

import (
	"fmt"
	"maps"
	"net/netip"
	"slices"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/script"
	"github.com/socklab/socklab/netsim"
)

// Config describes a whole lab: the network and the applications on it. It
// is plain data; the scenarios package fills it from a file, and Validate
// names the first field that is wrong by its path in that file
// ("apps.client.heartbeat.interval").
type Config struct {
	Seed        uint64
	Hosts       []HostConfig
	Middleboxes []MiddleboxConfig
	Links       []LinkConfig
	Apps        []AppConfig
	Timeline    []TimedAction
}

// HostConfig is one machine.
type HostConfig struct {
	Name string     `yaml:"-"`
	IP   netip.Addr `yaml:"ip"`
	OS   string     `yaml:"os"` // a netsim profile: linux (default), windows, macos
	// Sysctl overrides settings of the OS profile, by the names of
	// Profile.Validate ("syn_retries", "keepalive_idle", ...).
	Sysctl map[string]string `yaml:"sysctl"`
}

// LinkConfig is a cable between two nodes.
type LinkConfig struct {
	A, B    string
	Latency time.Duration
	Jitter  time.Duration
	Loss    float64
	Burst   *netsim.GilbertElliott
	// Bandwidth in bits per second; 0 is unlimited.
	Bandwidth int64
}

// Name is "a-b", as netsim names the link.
func (l LinkConfig) Name() string { return l.A + "-" + l.B }

// MiddleboxConfig is a router, firewall or NAT.
type MiddleboxConfig struct {
	Name           string        `yaml:"-"`
	Kind           string        `yaml:"kind"`    // router, firewall, nat
	Outside        string        `yaml:"outside"` // the neighbour on the outside
	IdleTimeout    time.Duration `yaml:"idle_timeout"`
	UDPIdleTimeout time.Duration `yaml:"udp_idle_timeout"`
	OnExpired      string        `yaml:"on_expired"` // drop, pickup, rst, rst-both
	// Conntrack sets a Linux box's connection tracking and ruleset apart,
	// instead of on_expired's shorthands (netsim.Conntrack).
	Conntrack *ConntrackConfig `yaml:"conntrack"`
	PublicIP  netip.Addr       `yaml:"public_ip"`
	Ports     string           `yaml:"ports"` // preserve, random
}

// ConntrackConfig is a firewall's or NAT's conntrack and ruleset; a key
// left out takes a stateful firewall's value (on_expired drop): loose
// pickup on, as Linux's default, new flows only by SYN, INVALID dropped.
type ConntrackConfig struct {
	Loose       *bool `yaml:"loose"`         // net.netfilter.nf_conntrack_tcp_loose
	NewNeedsSYN *bool `yaml:"new_needs_syn"` // the ruleset admits new flows only by a SYN
	DropInvalid *bool `yaml:"drop_invalid"`  // the ruleset drops INVALID packets
}

func (c *ConntrackConfig) netsim() netsim.Conntrack {
	ct := netsim.ConntrackStateful
	for _, f := range []struct {
		set *bool
		to  *bool
	}{{c.Loose, &ct.Loose}, {c.NewNeedsSYN, &ct.NewNeedsSYN}, {c.DropInvalid, &ct.DropInvalid}} {
		if f.set != nil {
			*f.to = *f.set
		}
	}
	return ct
}

// clone is a copy that shares nothing with c.
func (c *ConntrackConfig) clone() *ConntrackConfig {
	if c == nil {
		return nil
	}
	out := &ConntrackConfig{}
	for _, f := range []struct{ from, to **bool }{{&c.Loose, &out.Loose}, {&c.NewNeedsSYN, &out.NewNeedsSYN}, {&c.DropInvalid, &out.DropInvalid}} {
		if *f.from != nil {
			v := **f.from
			*f.to = &v
		}
	}
	return out
}

// App kinds.
const (
	KindServer = "server" // listens, accepts, answers and watches its clients
	KindClient = "client" // connects, heartbeats, detects, reconnects
	KindFeed   = "feed"   // a server of events, reached by polling or push
	KindPoller = "poller" // a feed client: short polling, long polling or push
	KindScript = "script" // a socket script: calls at times or on events (lab/script)
)

// appKinds lists the app kinds, in the order errors name them.
var appKinds = []string{KindServer, KindClient, KindFeed, KindPoller, KindScript}

// AppConfig is an application: a server, a group of clients, a feed or a
// poller.
type AppConfig struct {
	Name string `yaml:"-"`
	Kind string `yaml:"kind"`
	Host string `yaml:"host"`
	// Proto is tcp (default) or udp (heartbeats in datagrams).
	Proto string `yaml:"proto"`
	// Port: the server's listening port, or the port a client connects to.
	Port uint16 `yaml:"port"`
	// Ports widens Port to a range (TCP servers and clients, default 1): a
	// server listens on Port … Port+Ports−1, and client i of a group
	// connects to Port + i mod Ports. One address reaches one server port
	// from at most ip_local_port_range's ports (28,232 on Linux), so a
	// bigger group needs several.
	Ports int `yaml:"ports"`
	// Connect names the host a client connects to.
	Connect string `yaml:"connect"`
	// Count is the number of clients of a client app (default 1), each with
	// its own process and connection.
	Count int `yaml:"count"`
	// Start delays a client's first connect; Stagger spaces the clients of
	// a group (client i starts at Start + i·Stagger).
	Start   time.Duration `yaml:"start"`
	Stagger time.Duration `yaml:"stagger"`
	// Preset fills the fields below with a protocol's documented numbers
	// (see Presets); fields set explicitly win.
	Preset string `yaml:"preset"`

	Heartbeat HeartbeatConfig `yaml:"heartbeat"`
	// IdleTimeout closes a connection on which nothing has been received
	// for this long (Netty's reader idle; cause idle_timeout).
	IdleTimeout time.Duration   `yaml:"idle_timeout"`
	Keepalive   KeepaliveConfig `yaml:"keepalive"`
	// UserTimeout sets TCP_USER_TIMEOUT on the sockets.
	UserTimeout time.Duration `yaml:"user_timeout"`
	Reconnect   BackoffConfig `yaml:"reconnect"`

	// Server only: the listen backlog (default 128) and the time the
	// application takes to accept one connection (default 0).
	Backlog     int           `yaml:"backlog"`
	AcceptDelay time.Duration `yaml:"accept_delay"`

	// Traffic makes a client send data messages besides heartbeats.
	Traffic TrafficConfig `yaml:"traffic"`

	// Feed and poller.
	Feed FeedConfig `yaml:"feed"`
	Poll PollConfig `yaml:"poll"`

	// Given lists the settings a scenario wrote, by their path below the
	// app ("count", "heartbeat", "heartbeat.interval"). A setting written is
	// never replaced by a preset or a default: "count: 0" is a count of 0
	// (and out of range), "heartbeat.interval: 0s" turns pings off even
	// under a preset that pings, "keepalive.count: 0" is refused rather
	// than read as the OS's default. A configuration built in Go may leave
	// it empty: then a zero setting is an unset one.
	Given map[string]bool `yaml:"-"`

	// Steps are a script's calls (kind script): see lab/script. A script
	// takes only kind, host, count, start, stagger and steps.
	Steps []script.Step `yaml:"steps"`
}

// given reports whether the scenario wrote the setting at path.
func (a *AppConfig) given(path string) bool { return a.Given[path] }

// HeartbeatConfig is an application heartbeat.
type HeartbeatConfig struct {
	// Interval between pings; 0: this side does not ping.
	Interval time.Duration `yaml:"interval"`
	// Schedule says what the interval counts from: "fixed" (a ping every
	// interval, like setInterval), "after-receive" (after the last thing
	// received: SSH's ServerAliveInterval, gRPC keepalive, Socket.IO) or
	// "after-send" (after the last thing sent: MQTT, Netty's writer idle).
	Schedule string `yaml:"schedule"`
	// Timeout is how long a ping waits for an answer (default: Interval).
	Timeout time.Duration `yaml:"timeout"`
	// MaxMissed is how many pings in a row may go unanswered before the
	// peer is declared dead (default 1).
	MaxMissed int `yaml:"max_missed"`
	// Size of a ping (and of its answer) in bytes, framing included.
	Size int `yaml:"size"`
	// Expect declares the peer dead after this long without hearing from
	// it (cause heartbeat_timeout): the side that is pinged.
	Expect time.Duration `yaml:"expect"`
	// NoAnswer: pings are not answered (a writer-idle heartbeat whose
	// receiver only notes that the peer is alive).
	NoAnswer bool `yaml:"no_answer"`
	// MinPingInterval makes a server refuse pings that come more often
	// (gRPC's enforcement policy): after MaxPingStrikes such pings it
	// sends GOAWAY too_many_pings and closes.
	MinPingInterval time.Duration `yaml:"min_ping_interval"`
	MaxPingStrikes  int           `yaml:"max_ping_strikes"`
}

// KeepaliveConfig is SO_KEEPALIVE and its parameters (0: the OS default).
type KeepaliveConfig struct {
	Enabled  bool          `yaml:"enabled"`
	Idle     time.Duration `yaml:"idle"`
	Interval time.Duration `yaml:"interval"`
	Count    int           `yaml:"count"`
}

// maxPorts bounds a server's ports: enough for 100,000 clients from one
// address (4 × 28,232 ephemeral ports), with room to spare.
const maxPorts = 64

// Backoff policies.
const (
	BackoffNone         = "none"
	BackoffFixed        = "fixed"
	BackoffExponential  = "exponential"
	BackoffFullJitter   = "full-jitter"
	BackoffEqualJitter  = "equal-jitter"
	BackoffDecorrelated = "decorrelated-jitter"
	BackoffGRPC         = "grpc"
)

// BackoffPolicies lists the policy names.
var BackoffPolicies = []string{BackoffNone, BackoffFixed, BackoffExponential, BackoffFullJitter, BackoffEqualJitter, BackoffDecorrelated, BackoffGRPC}

// BackoffConfig is a client's reconnect policy.
type BackoffConfig struct {
	Policy     string        `yaml:"policy"`
	Base       time.Duration `yaml:"base"`       // the first delay (gRPC: INITIAL_BACKOFF)
	Max        time.Duration `yaml:"max"`        // the cap
	Multiplier float64       `yaml:"multiplier"` // growth per attempt (exponential: 2, gRPC: 1.6)
	Jitter     float64       `yaml:"jitter"`     // gRPC's ± fraction (0.2)
	// ConnectTimeout abandons a connect attempt after this long (gRPC:
	// MIN_CONNECT_TIMEOUT, 20 s); 0 leaves it to TCP's SYN retries.
	ConnectTimeout time.Duration `yaml:"connect_timeout"`
	// MaxAttempts stops reconnecting after this many attempts (0: never).
	MaxAttempts int `yaml:"max_attempts"`
}

// TrafficConfig is periodic application data.
type TrafficConfig struct {
	Interval time.Duration `yaml:"interval"`
	Size     int           `yaml:"size"`
}

// FeedConfig is a feed server's events: they happen at random, on
// average every MeanInterval (a Poisson process), each of Size bytes.
type FeedConfig struct {
	MeanInterval time.Duration `yaml:"mean_interval"`
	Size         int           `yaml:"size"`
	// HoldTimeout is how long a long poll is held before an empty answer.
	HoldTimeout time.Duration `yaml:"hold_timeout"`
	// HeaderSize is the size of an HTTP response's headers.
	HeaderSize int `yaml:"header_size"`
}

// Poll modes of a poller.
const (
	PollShort = "short" // ask every interval
	PollLong  = "long"  // ask, and the server answers when it has news
	PollPush  = "push"  // one persistent socket the server writes on
)

// PollConfig is a poller's strategy.
type PollConfig struct {
	Mode        string        `yaml:"mode"`
	Interval    time.Duration `yaml:"interval"`     // short polling's period
	RequestSize int           `yaml:"request_size"` // an HTTP request's size
}

// Clone returns a deep copy: a session owns its configuration, and live
// changes to it do not reach the caller's.
func (c Config) Clone() Config {
	out := c
	out.Hosts = slices.Clone(c.Hosts)
	for i, h := range out.Hosts {
		if h.Sysctl != nil {
			out.Hosts[i].Sysctl = maps.Clone(h.Sysctl)
		}
	}
	out.Middleboxes = slices.Clone(c.Middleboxes)
	for i, m := range out.Middleboxes {
		out.Middleboxes[i].Conntrack = m.Conntrack.clone()
	}
	out.Links = slices.Clone(c.Links)
	for i, l := range out.Links {
		if l.Burst != nil {
			b := *l.Burst
			out.Links[i].Burst = &b
		}
	}
	out.Apps = slices.Clone(c.Apps)
	for i, a := range out.Apps {
		out.Apps[i].Steps = slices.Clone(a.Steps)
	}
	out.Timeline = slices.Clone(c.Timeline)
	return out
}

// Validate checks the configuration after presets and defaults are
// applied, and names the first field that is wrong.
func (c *Config) Validate() error {
	nodes := map[string]string{} // name → kind
	ips := map[netip.Addr]string{}
	for i, h := range c.Hosts {
		p := fmt.Sprintf("hosts.%s", h.Name)
		if h.Name == "" {
			return fieldErr(fmt.Sprintf("hosts[%d].name", i), i18n.ConfigHostNeedsName)
		}
		if _, dup := nodes[h.Name]; dup {
			return fieldErr(p, i18n.ConfigNameTwice, "Name", h.Name)
		}
		if err := checkName(p, h.Name); err != nil {
			return err
		}
		nodes[h.Name] = "host"
		if !h.IP.Is4() {
			return fieldErr(p+".ip", i18n.ConfigIPv4Needed)
		}
		if other, dup := ips[h.IP]; dup {
			return fieldErr(p+".ip", i18n.ConfigAddressOf, "Addr", h.IP, "Owner", other)
		}
		ips[h.IP] = h.Name
		if _, err := hostProfile(h); err != nil {
			return err
		}
	}
	for _, m := range c.Middleboxes {
		p := "middleboxes." + m.Name
		if _, dup := nodes[m.Name]; dup {
			return fieldErr(p, i18n.ConfigNameTwice, "Name", m.Name)
		}
		if err := checkName(p, m.Name); err != nil {
			return err
		}
		nodes[m.Name] = "middlebox"
		for _, d := range []struct {
			key string
			v   time.Duration
		}{{"idle_timeout", m.IdleTimeout}, {"udp_idle_timeout", m.UDPIdleTimeout}} {
			if d.v != 0 && d.v < MinTimer || d.v > MaxTime { // 0: netsim says what it means for the kind
				return fieldErr(p+"."+d.key, i18n.RuleBetween, "Min", MinTimer.String(), "Max", MaxTime.String(), "Value", d.v.String())
			}
		}
		mc, err := m.netsim()
		if err != nil {
			return err
		}
		if mc.Kind != netsim.NAT {
			continue // it has no address (netsim refuses a public_ip)
		}
		if other, dup := ips[m.PublicIP]; dup {
			return fieldErr(p+".public_ip", i18n.ConfigAddressOf, "Addr", m.PublicIP, "Owner", other)
		}
		ips[m.PublicIP] = m.Name
	}
	for _, m := range c.Middleboxes {
		if m.Outside != "" && nodes[m.Outside] == "" {
			return fieldErr("middleboxes."+m.Name+".outside", i18n.ConfigNoNode, "Name", m.Outside)
		}
	}
	joined := map[[2]string]int{}
	for i, l := range c.Links {
		p := fmt.Sprintf("links[%d]", i)
		for _, end := range []string{l.A, l.B} {
			if nodes[end] == "" {
				return fieldErr(p+".between", i18n.ConfigNoNode, "Name", end)
			}
		}
		if l.A == l.B {
			return fieldErr(p+".between", i18n.ConfigLinkToItself, "End", l.A)
		}
		ends := [2]string{min(l.A, l.B), max(l.A, l.B)}
		if j, dup := joined[ends]; dup {
			return fieldErr(p+".between", i18n.ConfigLinkTwice, "A", l.A, "B", l.B, "Index", j)
		}
		joined[ends] = i
		if err := l.netsim().Validate(); err != nil {
			return subfieldErr(p, err)
		}
		if field, msg := linkLimits(l.netsim()); field != "" {
			return &FieldError{Path: p + "." + field, Msg: msg}
		}
	}
	names := map[string]bool{}
	for _, a := range c.Apps {
		if names[a.Name] {
			return fieldErr("apps."+a.Name, i18n.ConfigNameTwice, "Name", a.Name)
		}
		names[a.Name] = true
		if err := checkName("apps."+a.Name, a.Name); err != nil {
			return err
		}
		if err := a.validate(nodes); err != nil {
			return err
		}
		if a.Kind == KindScript {
			if err := a.validateSteps(c.addressable(nodes)); err != nil {
				return err
			}
		}
		if nodes[a.Connect] == "middlebox" && !slices.ContainsFunc(c.Middleboxes, func(m MiddleboxConfig) bool {
			return m.Name == a.Connect && m.Kind == netsim.NAT.String()
		}) {
			return fieldErr("apps."+a.Name+".connect", i18n.ConfigNoAddress, "Name", a.Connect)
		}
	}
	return c.validateListeners()
}

// validateListeners refuses two servers listening on one host's port (of
// one protocol): the second's listen() would fail with EADDRINUSE. And a
// client that connects to a feed, or a poller to a server: they would
// speak different protocols. (A client may connect where nobody listens:
// that is a lesson, connection refused.)
func (c *Config) validateListeners() error {
	type socket struct {
		host, proto string
		port        int
	}
	owner := map[socket]*AppConfig{}
	for i := range c.Apps {
		a := &c.Apps[i]
		if a.Kind != KindServer && a.Kind != KindFeed {
			continue
		}
		for i := range a.Ports {
			s := socket{a.Host, a.Proto, int(a.Port) + i}
			if other, taken := owner[s]; taken {
				return fieldErr("apps."+a.Name+".port", i18n.ConfigPortTaken, "Other", other.Name, "Host", a.Host, "Port", s.port, "Proto", a.Proto)
			}
			owner[s] = a
		}
	}
	for _, a := range c.Apps {
		want := map[string]string{KindClient: KindServer, KindPoller: KindFeed}[a.Kind]
		if want == "" {
			continue
		}
		if other := owner[socket{a.Connect, a.Proto, int(a.Port)}]; other != nil && other.Kind != want {
			return fieldErr("apps."+a.Name+".connect", i18n.ConfigConnectKind, "Host", a.Connect, "Port", a.Port,
				"Other", other.Name, "Kind", a.Kind, "Want", want, "OtherKind", other.Kind)
		}
	}
	return nil
}

func (a *AppConfig) validate(nodes map[string]string) error {
	p := "apps." + a.Name
	switch a.Kind {
	case KindServer, KindClient, KindFeed, KindPoller, KindScript:
	case "":
		return fieldErr(p+".kind", i18n.RuleNeededOneOf, "Choices", i18n.Or(appKinds))
	default:
		return fieldErr(p+".kind", i18n.RuleOneOfList, "Choices", i18n.List(appKinds), "Value", a.Kind)
	}
	for _, key := range sortedKeys(a.Given) {
		if kinds := kindsOf(key); kinds != nil && !slices.Contains(kinds, a.Kind) {
			return &FieldError{Path: p + "." + key, Key: true, Msg: i18n.M(i18n.ConfigNotForKind, "Kind", a.Kind, "Kinds", i18n.Or(kinds))}
		}
	}
	if nodes[a.Host] != "host" {
		return fieldErr(p+".host", i18n.ConfigNoHost, "Name", a.Host)
	}
	if a.Kind == KindScript {
		return a.validateScript()
	}
	if a.Proto != "tcp" && a.Proto != "udp" {
		return fieldErr(p+".proto", i18n.RuleOneOfValue, "Choices", i18n.Or{"tcp", "udp"}, "Value", a.Proto)
	}
	if a.Port == 0 {
		return fieldErr(p+".port", i18n.ConfigPortNeeded)
	}
	switch {
	case a.Ports < 1 || a.Ports > maxPorts:
		return fieldErr(p+".ports", i18n.RuleBetween, "Min", 1, "Max", maxPorts, "Value", a.Ports)
	case int(a.Port)+a.Ports-1 > 65535:
		return fieldErr(p+".ports", i18n.ConfigPortsPast, "Ports", a.Ports, "Port", a.Port)
	case a.Ports > 1 && (a.Proto != "tcp" || (a.Kind != KindServer && a.Kind != KindClient)):
		return fieldErr(p+".ports", i18n.ConfigPortsOnlyTCP)
	}
	if a.Kind == KindClient || a.Kind == KindPoller {
		if nodes[a.Connect] == "" {
			return fieldErr(p+".connect", i18n.ConfigNoNode, "Name", a.Connect)
		}
		if a.Count < 1 || a.Count > 100000 {
			return fieldErr(p+".count", i18n.RuleBetween, "Min", 1, "Max", 100000, "Value", a.Count)
		}
	}
	nonNeg := []struct {
		path string
		d    time.Duration
	}{
		{".start", a.Start}, {".stagger", a.Stagger},
		{".heartbeat.interval", a.Heartbeat.Interval}, {".heartbeat.timeout", a.Heartbeat.Timeout},
		{".heartbeat.expect", a.Heartbeat.Expect}, {".idle_timeout", a.IdleTimeout},
		{".keepalive.idle", a.Keepalive.Idle}, {".keepalive.interval", a.Keepalive.Interval},
		{".user_timeout", a.UserTimeout}, {".accept_delay", a.AcceptDelay},
		{".reconnect.base", a.Reconnect.Base}, {".reconnect.max", a.Reconnect.Max},
		{".reconnect.connect_timeout", a.Reconnect.ConnectTimeout},
		{".traffic.interval", a.Traffic.Interval},
		{".feed.mean_interval", a.Feed.MeanInterval}, {".feed.hold_timeout", a.Feed.HoldTimeout},
		{".poll.interval", a.Poll.Interval},
	}
	for _, f := range nonNeg {
		if f.d < 0 {
			return fieldErr(p+f.path, i18n.RuleNotNegativeValue, "Value", f.d.String())
		}
	}
	for _, l := range appLimits {
		if err := l.check(a); err != nil {
			return err
		}
	}
	if err := a.validateSums(); err != nil {
		return err
	}
	hb := a.Heartbeat
	switch hb.Schedule {
	case "fixed", "after-receive", "after-send":
	default:
		return fieldErr(p+".heartbeat.schedule", i18n.RuleOneOfValue, "Choices", i18n.Or{"fixed", "after-receive", "after-send"}, "Value", hb.Schedule)
	}
	if hb.MaxMissed < 1 {
		return fieldErr(p+".heartbeat.max_missed", i18n.RuleAtLeast, "Min", 1, "Value", hb.MaxMissed)
	}
	if hb.Size < 2 || hb.Size > 65000 {
		return fieldErr(p+".heartbeat.size", i18n.RuleBetweenBytes, "Min", 2, "Max", 65000, "Value", hb.Size)
	}
	if hb.Interval > 0 && hb.Timeout == 0 {
		return a.rangeErr("heartbeat.timeout", 0, int64(MinTimer), int64(MaxTime), true, false)
	}
	if err := a.unused(); err != nil {
		return err
	}
	if a.Keepalive.Count < 0 {
		return fieldErr(p+".keepalive.count", i18n.RuleNotNegativeValue, "Value", a.Keepalive.Count)
	}
	if a.Backlog < 0 {
		return fieldErr(p+".backlog", i18n.RuleNotNegativeValue, "Value", a.Backlog)
	}
	r := a.Reconnect
	if !slices.Contains(BackoffPolicies, r.Policy) {
		return fieldErr(p+".reconnect.policy", i18n.RuleOneOfList, "Choices", i18n.List(BackoffPolicies), "Value", r.Policy)
	}
	if r.Policy != BackoffNone && r.Base < MinTimer || r.Base > MaxTime {
		return a.rangeErr("reconnect.base", int64(r.Base), int64(MinTimer), int64(MaxTime), true, false)
	}
	if r.Max < r.Base {
		return fieldErr(p+".reconnect.max", i18n.ConfigMaxBelowBase, "Base", r.Base.String())
	}
	if r.Max > MaxTime {
		return a.rangeErr("reconnect.max", int64(r.Max), int64(r.Base), int64(MaxTime), true, false)
	}
	if r.Multiplier < 1 {
		return fieldErr(p+".reconnect.multiplier", i18n.RuleAtLeast, "Min", 1, "Value", r.Multiplier)
	}
	if r.Multiplier > maxMultiplier {
		return fieldErr(p+".reconnect.multiplier", i18n.RuleBetween, "Min", 1, "Max", maxMultiplier, "Value", r.Multiplier)
	}
	if r.Jitter < 0 || r.Jitter >= 1 {
		return fieldErr(p+".reconnect.jitter", i18n.RuleJitter, "Value", r.Jitter)
	}
	if r.MaxAttempts < 0 {
		return fieldErr(p+".reconnect.max_attempts", i18n.RuleNotNegativeValue, "Value", r.MaxAttempts)
	}
	if a.Traffic.Size < 0 || (a.Traffic.Interval > 0 && a.Traffic.Size < 3) {
		return fieldErr(p+".traffic.size", i18n.RuleAtLeastBytes, "Min", 3, "Value", a.Traffic.Size)
	}
	if a.Traffic.Size > maxMessage {
		return fieldErr(p+".traffic.size", i18n.RuleBetweenBytes, "Min", 3, "Max", maxMessage, "Value", a.Traffic.Size)
	}
	switch a.Kind {
	case KindFeed:
		f := a.Feed
		switch {
		case f.MeanInterval < MinTimer || f.MeanInterval > MaxTime:
			return a.rangeErr("feed.mean_interval", int64(f.MeanInterval), int64(MinTimer), int64(MaxTime), true, false)
		case f.HoldTimeout < MinTimer || f.HoldTimeout > MaxTime:
			return a.rangeErr("feed.hold_timeout", int64(f.HoldTimeout), int64(MinTimer), int64(MaxTime), true, false)
		case f.Size < 1 || f.Size > maxSmallMessage:
			return fieldErr(p+".feed.size", i18n.RuleBetweenBytes, "Min", 1, "Max", maxSmallMessage, "Value", f.Size)
		case f.HeaderSize < 0 || f.HeaderSize > maxSmallMessage:
			return fieldErr(p+".feed.header_size", i18n.RuleBetweenBytes, "Min", 0, "Max", maxSmallMessage, "Value", f.HeaderSize)
		}
	case KindPoller:
		switch a.Poll.Mode {
		case PollShort:
			if a.Poll.Interval < MinTimer || a.Poll.Interval > MaxTime {
				return a.rangeErr("poll.interval", int64(a.Poll.Interval), int64(MinTimer), int64(MaxTime), true, false)
			}
		case PollLong, PollPush:
			if a.given("poll.interval") {
				return fieldErr(p+".poll.interval", i18n.ConfigPollIntervalUnused, "Mode", a.Poll.Mode)
			}
		default:
			return fieldErr(p+".poll.mode", i18n.RuleOneOfValue, "Choices", i18n.Or{PollShort, PollLong, PollPush}, "Value", a.Poll.Mode)
		}
		if rs := a.Poll.RequestSize; rs < 2 || rs > maxSmallMessage {
			return fieldErr(p+".poll.request_size", i18n.RuleBetweenBytes, "Min", 2, "Max", maxSmallMessage, "Value", rs)
		}
	}
	return nil
}

// validateSums checks what the models compute from several settings: the
// last client of a group starts at start + (count − 1) × stagger, which
// must fall within MaxTime (and so within int64 nanoseconds).
func (a *AppConfig) validateSums() error {
	if a.Kind != KindClient && a.Kind != KindPoller || a.Count <= 1 || a.Stagger == 0 {
		return nil
	}
	room := MaxTime - a.Start
	if a.Stagger > room/time.Duration(a.Count-1) {
		return fieldErr("apps."+a.Name+".stagger", i18n.ConfigStaggerPast, "Count", a.Count,
			"Start", a.Start.String(), "Stagger", a.Stagger.String(), "Max", MaxTime.String())
	}
	return nil
}

// unused refuses settings written where nothing reads them: they would be
// ignored without a word.
// tcpOnly are the settings of an app that only TCP connections have: over
// UDP the lab's apps exchange heartbeats alone.
var tcpOnly = []string{"keepalive", "user_timeout", "idle_timeout", "reconnect", "traffic",
	"backlog", "accept_delay", "heartbeat.min_ping_interval", "heartbeat.max_ping_strikes"}

func (a *AppConfig) unused() error {
	p := "apps." + a.Name + "."
	for _, rule := range []struct {
		paths []string
		idle  bool         // the settings are unused
		why   i18n.Message // why
	}{
		{[]string{"heartbeat.timeout", "heartbeat.max_missed", "heartbeat.schedule"}, a.Heartbeat.Interval == 0, i18n.M(i18n.ConfigUnusedNoPing)},
		{[]string{"keepalive.idle", "keepalive.interval", "keepalive.count"}, !a.Keepalive.Enabled, i18n.M(i18n.ConfigUnusedNoKeepalive)},
		{[]string{"reconnect.base", "reconnect.max", "reconnect.multiplier", "reconnect.jitter", "reconnect.max_attempts"},
			a.Reconnect.Policy == BackoffNone, i18n.M(i18n.ConfigUnusedNoReconnect)},
		{[]string{"reconnect.jitter"}, a.Reconnect.Policy != BackoffGRPC, i18n.M(i18n.ConfigUnusedJitter, "Policy", a.Reconnect.Policy)},
		{[]string{"traffic.size"}, a.Traffic.Interval == 0, i18n.M(i18n.ConfigUnusedNoTraffic)},
		{[]string{"heartbeat.max_ping_strikes"}, a.Heartbeat.MinPingInterval == 0, i18n.M(i18n.ConfigUnusedNoMinPing)},
		{[]string{"heartbeat.timeout", "heartbeat.max_missed"}, a.Heartbeat.NoAnswer, i18n.M(i18n.ConfigUnusedNoAnswer)},
		{tcpOnly, a.Proto == "udp", i18n.M(i18n.ConfigUnusedUDP)},
	} {
		if !rule.idle {
			continue
		}
		for _, path := range rule.paths {
			if a.given(path) {
				return &FieldError{Path: p + path, Key: true, Msg: rule.why}
			}
		}
	}
	return nil
}

// sortedKeys lists a set's members in order.
func sortedKeys(set map[string]bool) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (l LinkConfig) netsim() netsim.LinkConfig {
	return netsim.LinkConfig{Latency: l.Latency, Jitter: l.Jitter, Loss: l.Loss, Burst: l.Burst, Bandwidth: l.Bandwidth}
}

// netsim is the middlebox as netsim takes it, defaults applied and
// validated; an error names the setting.
func (m MiddleboxConfig) netsim() (netsim.MiddleboxConfig, error) {
	p := "middleboxes." + m.Name
	cfg := netsim.MiddleboxConfig{Outside: m.Outside, IdleTimeout: m.IdleTimeout, UDPIdleTimeout: m.UDPIdleTimeout,
		PublicIP: m.PublicIP}
	var err error
	if cfg.Kind, err = netsim.ParseMiddleboxKind(m.Kind); err != nil {
		return cfg, subfieldErr(p, err)
	}
	if m.OnExpired != "" {
		if cfg.OnExpired, err = netsim.ParseExpiryPolicy(m.OnExpired); err != nil {
			return cfg, subfieldErr(p, err)
		}
	}
	if m.Conntrack != nil {
		if m.OnExpired != "" {
			// on_expired is the shorthand of a conntrack: one or the other.
			return cfg, fieldErr(p+".conntrack", i18n.RuleNotWith, "Other", "on_expired", "Value", m.OnExpired)
		}
		ct := m.Conntrack.netsim()
		cfg.Conntrack = &ct
	}
	if m.Ports != "" {
		if cfg.Ports, err = netsim.ParsePortPolicy(m.Ports); err != nil {
			return cfg, subfieldErr(p, err)
		}
	}
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return cfg, subfieldErr(p, err)
	}
	return cfg, nil
}
