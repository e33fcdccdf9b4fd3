package lab

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// Estimate is what a run of a configuration will cost, worked out from its
// numbers before it runs: the events (and steps) each app's activity takes
// over the run. It errs on the side of more: a heartbeat counts as if
// every ping were answered, a keepalive as if every connection were idle,
// and a client that may lose its server (the timeline does something, a
// link loses packets, or nothing listens where it connects) as if every
// reconnect attempt failed from then on. What it does not count — the
// retransmissions of a lossy link, a crowd of faults set off at once — the
// session's own cap stops (Budget).
type Estimate struct {
	Events float64
	Terms  []Term // the activities, the costliest first
}

// Term is one activity of an app and its cost.
type Term struct {
	App    string
	Events float64
	// Params are the settings that drive it, as the file writes them
	// ("count=100000", "heartbeat.interval=1s").
	Params []string
}

// The events of one unit of each activity, measured on the lessons and
// the benchmark (bench-pingpong: 10.0 events a ping and its answer).
const (
	evConnect  = 15 // a handshake: segments, states, the accept
	evExchange = 10 // a message and its answer: sends, receipts, segments, ACKs
	evMessage  = 6  // a message one way, and the ACK of it
	evSegment  = 3  // each further segment of a long message
	evAttempt  = 15 // a failed connect: SYNs (retries), the RST, detect, reconnect events
	evProbe    = 4  // a keepalive probe and its answer
	evTimer    = 1  // a timer that fires and sends nothing
	evFeed     = 2  // a feed's news item
	evAction   = 40 // a fault or change of the timeline, and what it sets off
)

// Estimate works out the cost of a run of d (the configuration has its
// defaults applied).
func (c *Config) Estimate(d time.Duration) Estimate {
	var e Estimate
	add := func(app string, events float64, params ...string) {
		if events > 0 {
			e.Terms = append(e.Terms, Term{App: app, Events: events, Params: params})
			e.Events += events
		}
	}
	per := func(every time.Duration) float64 { // how many times something every `every` happens in d
		if every <= 0 {
			return 0
		}
		return math.Ceil(float64(d) / float64(every))
	}
	for _, t := range c.Timeline {
		if t.At <= d {
			e.Events += evAction
		}
	}
	// A segment is sent and delivered again at each middlebox on its way:
	// count a path through all of them.
	hops := float64(1 + len(c.Middleboxes))
	disrupted := c.disruption(d)
	for i := range c.Apps {
		a := &c.Apps[i]
		n := float64(c.peers(a))
		count := "count=" + strconv.Itoa(a.Count)
		if a.Kind == KindServer || a.Kind == KindFeed {
			count = "clients=" + strconv.Itoa(c.peers(a))
		}
		hb := a.Heartbeat
		exchange := evExchange * hops
		if hb.NoAnswer {
			exchange = evMessage * hops
		}
		if a.Kind == KindClient || a.Kind == KindPoller {
			add(a.Name, n*evConnect*hops, count)
		}
		add(a.Name, n*per(hb.Interval)*exchange, count, setting("heartbeat.interval", hb.Interval))
		add(a.Name, n*per(hb.Expect)*evTimer, count, setting("heartbeat.expect", hb.Expect))
		add(a.Name, n*per(a.IdleTimeout)*evTimer, count, setting("idle_timeout", a.IdleTimeout))
		if a.Keepalive.Enabled {
			idle := a.Keepalive.Idle
			if idle == 0 {
				idle = c.profile(a.Host).KeepIdle
			}
			add(a.Name, n*per(idle)*evProbe*hops, count, setting("keepalive.idle", idle))
		}
		if t := a.Traffic; t.Interval > 0 {
			segs := math.Ceil(float64(t.Size) / float64(c.profile(a.Host).MSS))
			add(a.Name, n*per(t.Interval)*(evMessage+evSegment*(segs-1))*hops, count,
				setting("traffic.interval", t.Interval), "traffic.size="+strconv.Itoa(t.Size))
		}
		switch {
		case a.Kind == KindPoller && a.Poll.Mode == PollShort:
			add(a.Name, n*per(a.Poll.Interval)*evExchange*hops, count, setting("poll.interval", a.Poll.Interval))
		case a.Kind == KindPoller:
			mean := c.feedInterval()
			add(a.Name, n*(per(mean)+per(c.holdTimeout()))*evExchange*hops, count, "poll.mode="+a.Poll.Mode)
		case a.Kind == KindFeed:
			add(a.Name, per(a.Feed.MeanInterval)*evFeed, setting("feed.mean_interval", a.Feed.MeanInterval))
		}
		if from, ok := disrupted[a.Name]; ok && (a.Kind == KindClient || a.Kind == KindPoller) {
			tries := attempts(a.Reconnect, d-from)
			add(a.Name, n*tries*evAttempt*hops, count, "reconnect.policy="+a.Reconnect.Policy, setting("reconnect.base", a.Reconnect.Base))
		}
	}
	slices.SortStableFunc(e.Terms, func(x, y Term) int { return cmp.Compare(y.Events, x.Events) })
	return e
}

// setting is "path=value" as a file writes it.
func setting(path string, d time.Duration) string { return path + "=" + d.String() }

// peers is how many connections an app keeps: a client app's count, or
// for a server the clients of every client app that may reach it (those
// connecting to its host, or through a middlebox).
func (c *Config) peers(a *AppConfig) int {
	if a.Kind == KindClient || a.Kind == KindPoller {
		return a.Count
	}
	n := 0
	for _, b := range c.Apps {
		if (b.Kind == KindClient || b.Kind == KindPoller) && (b.Connect == a.Host || c.isMiddlebox(b.Connect)) {
			n += b.Count
		}
	}
	return n
}

func (c *Config) isMiddlebox(name string) bool {
	return slices.ContainsFunc(c.Middleboxes, func(m MiddleboxConfig) bool { return m.Name == name })
}

// profile is host's OS profile (Linux's if it has none: the configuration
// is valid).
func (c *Config) profile(host string) netsim.Profile {
	for _, h := range c.Hosts {
		if h.Name == host {
			if p, err := hostProfile(h); err == nil {
				return p
			}
		}
	}
	return netsim.Linux()
}

// feedInterval is the shortest mean interval of the feeds a poller may
// reach; holdTimeout their shortest hold.
func (c *Config) feedInterval() time.Duration {
	return c.feedSetting(func(f *AppConfig) time.Duration { return f.Feed.MeanInterval })
}

func (c *Config) holdTimeout() time.Duration {
	return c.feedSetting(func(f *AppConfig) time.Duration { return f.Feed.HoldTimeout })
}

func (c *Config) feedSetting(get func(*AppConfig) time.Duration) time.Duration {
	var out time.Duration
	for i := range c.Apps {
		if f := &c.Apps[i]; f.Kind == KindFeed && get(f) > 0 && (out == 0 || get(f) < out) {
			out = get(f)
		}
	}
	return out
}

// disruption says, for each client app that may lose its connection, from
// when: the first action of the timeline, the start when a link loses
// packets, a middlebox's idle timeout, or the start when no server listens
// where the app connects.
func (c *Config) disruption(d time.Duration) map[string]time.Duration {
	from := d
	for _, t := range c.Timeline {
		from = min(from, t.At)
	}
	for _, l := range c.Links {
		if l.Loss > 0 || l.Burst != nil {
			from = 0
		}
	}
	for _, m := range c.Middleboxes {
		if m.IdleTimeout > 0 { // a flow it forgets may be reset or cut
			from = min(from, m.IdleTimeout)
		}
	}
	out := map[string]time.Duration{}
	for _, a := range c.Apps {
		if a.Kind != KindClient && a.Kind != KindPoller {
			continue
		}
		at := from
		if !c.listened(a) {
			at = 0
		}
		if at < d {
			out[a.Name] = at
		}
	}
	return out
}

// listened reports whether a server app listens where a client connects
// (or the client connects through a middlebox, which it cannot tell).
func (c *Config) listened(a AppConfig) bool {
	if c.isMiddlebox(a.Connect) {
		return true
	}
	return slices.ContainsFunc(c.Apps, func(s AppConfig) bool {
		return (s.Kind == KindServer || s.Kind == KindFeed) && s.Host == a.Connect && s.Proto == a.Proto &&
			a.Port >= s.Port && int(a.Port) < int(s.Port)+s.Ports
	})
}

// attempts is how many connect attempts a client makes in d if each one
// fails at once: the backoff's delays (their mean, for the jittered
// policies) summed until they fill d.
func attempts(r BackoffConfig, d time.Duration) float64 {
	if r.Policy == BackoffNone {
		return 1
	}
	t, n := 0.0, 0.0
	for t < float64(d) {
		delay := float64(r.Base) * math.Pow(r.Multiplier, n)
		switch r.Policy {
		case BackoffFixed:
			delay = float64(r.Base)
		case BackoffFullJitter:
			delay = min(delay, float64(r.Max)) / 2
		case BackoffEqualJitter:
			delay = min(delay, float64(r.Max)) * 3 / 4
		}
		delay = max(min(delay, float64(r.Max)), float64(MinTimer))
		if delay >= float64(r.Max)/2 || r.Policy == BackoffFixed || n > 1000 {
			n += math.Ceil((float64(d) - t) / delay) // steady from here on
			break
		}
		t += delay
		n++
	}
	if r.MaxAttempts > 0 {
		n = min(n, float64(r.MaxAttempts))
	}
	return n + 1
}

// Check refuses a run of d whose estimate is beyond the budget b, naming
// what drives it.
func (c *Config) Check(d time.Duration, b Budget) error {
	e := c.Estimate(d)
	if b.Events == 0 || e.Events <= float64(b.Events) {
		return nil
	}
	var drivers []string
	covered := 0.0
	for _, t := range e.Terms { // the costliest, until they make nine tenths of it (two at most)
		drivers = append(drivers, "apps."+t.App+" ("+strings.Join(t.Params, ", ")+")")
		if covered += t.Events; covered >= 0.9*e.Events || len(drivers) == 2 {
			break
		}
	}
	be := &BudgetError{Msg: i18n.M(i18n.BudgetEstimate, "Events", uint64(min(e.Events, math.MaxUint64/2)),
		"Budget", b.Events, "Duration", d, "Drivers", strings.Join(drivers, "; "))}
	if len(e.Terms) > 0 {
		be.App, be.Params = e.Terms[0].App, e.Terms[0].Params
	}
	return be
}
