package netsim

import (
	"fmt"
	"time"
)

// LinkConfig is the behaviour of a link, the same in both directions.
type LinkConfig struct {
	// Latency is the one-way propagation delay.
	Latency time.Duration
	// Jitter adds a uniformly drawn extra delay in [0, Jitter] to each
	// packet. A link never reorders: a packet that would overtake the one
	// before it waits for it (as on a real serial link; netem's jitter can
	// reorder, this model chooses not to).
	Jitter time.Duration
	// Loss is the probability that a packet is lost, drawn independently
	// for each packet. Ignored when Burst is set.
	Loss float64
	// Burst, when set, loses packets in bursts (Gilbert–Elliott).
	Burst *GilbertElliott
	// Bandwidth in bits per second serialises packets one after the other
	// (0: unlimited). The queue in front of the link has no limit.
	Bandwidth int64
}

// GilbertElliott is a two-state loss model: a good and a bad state, each
// with its own loss probability, and per-packet transition probabilities
// (the parameters of netem's "loss gemodel p r 1-h 1-k").
type GilbertElliott struct {
	P        float64 // probability of moving from good to bad, per packet
	R        float64 // probability of moving from bad to good, per packet
	LossBad  float64 // loss probability in the bad state (netem's 1-h)
	LossGood float64 // loss probability in the good state (netem's 1-k)
}

// Validate reports the first setting that makes no sense, naming it.
func (c LinkConfig) Validate() error {
	switch {
	case c.Latency < 0:
		return invalid("latency", RuleNotNegative)
	case c.Jitter < 0:
		return invalid("jitter", RuleNotNegative)
	case c.Loss < 0 || c.Loss > 1:
		return invalid("loss", RuleFraction, c.Loss)
	case c.Bandwidth < 0:
		return invalid("bandwidth", RuleNotNegative)
	}
	if g := c.Burst; g != nil {
		for _, x := range []struct {
			name string
			v    float64
		}{{"burst.p", g.P}, {"burst.r", g.R}, {"burst.loss_bad", g.LossBad}, {"burst.loss_good", g.LossGood}} {
			if x.v < 0 || x.v > 1 {
				return invalid(x.name, RuleFraction, x.v)
			}
		}
	}
	return nil
}

// Link joins two nodes. Its settings can change while the run goes on; a
// packet already on the wire keeps the delay it was given, but is lost if
// the link goes down before it arrives.
type Link struct {
	sim   *Sim
	name  string
	ends  [2]node
	cfg   LinkConfig
	up    bool
	draws bool   // cfg has loss or jitter: a packet sent draws from the run's source (setConfig)
	epoch uint64 // counts downs: a packet sent in an older epoch is lost
	dirs  [2]linkDir
}

type linkDir struct {
	bad         bool          // Gilbert–Elliott state
	busyUntil   time.Duration // serialisation: when the wire is free
	lastArrival time.Duration // no overtaking
	packets     uint64
	bytes       uint64
}

// AddLink joins the nodes called a and b. The link's name is "a-b".
func (s *Sim) AddLink(a, b string, cfg LinkConfig) (*Link, error) {
	na, nb := s.byName[a], s.byName[b]
	var err error
	switch {
	case na == nil:
		err = invalid("between", RuleNoSuchNode, a)
	case nb == nil:
		err = invalid("between", RuleNoSuchNode, b)
	case na == nb:
		err = invalid("between", RuleSameEnds)
	case s.Link(a, b) != nil:
		err = invalid("between", RuleJoinedAlready)
	default:
		err = cfg.Validate()
	}
	if err != nil {
		return nil, fmt.Errorf("netsim: link %s-%s: %w", a, b, err)
	}
	l := &Link{sim: s, name: a + "-" + b, ends: [2]node{na, nb}, up: true}
	l.setConfig(cfg)
	na.base().attach(l)
	nb.base().attach(l)
	s.links = append(s.links, l)
	s.topologyChanged()
	return l, nil
}

// Name is "a-b", after the nodes the link joins.
func (l *Link) Name() string { return l.name }

// Ends names the two nodes the link joins.
func (l *Link) Ends() (string, string) { return l.ends[0].Name(), l.ends[1].Name() }

// Config returns the link's current settings.
func (l *Link) Config() LinkConfig { return l.cfg }

// Up reports whether the link carries packets.
func (l *Link) Up() bool { return l.up }

// Counters returns the packets and bytes that entered the link in each
// direction (from the first end, from the second).
func (l *Link) Counters() (packets, bytes [2]uint64) {
	return [2]uint64{l.dirs[0].packets, l.dirs[1].packets}, [2]uint64{l.dirs[0].bytes, l.dirs[1].bytes}
}

// SetConfig changes the link's settings from now on.
func (l *Link) SetConfig(cfg LinkConfig) error {
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("netsim: link %s: %w", l.name, err)
	}
	l.setConfig(cfg)
	l.sim.Emit(&FaultEvent{At: l.sim.now, Action: FaultLinkConfig, Target: l.name, Settings: cfg.settings()})
	return nil
}

// SetLoss changes the random loss probability (and clears a burst model).
func (l *Link) SetLoss(p float64) error {
	cfg := l.cfg
	cfg.Loss, cfg.Burst = p, nil
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("netsim: link %s: %w", l.name, err)
	}
	l.setConfig(cfg)
	l.sim.Emit(&FaultEvent{At: l.sim.now, Action: FaultLoss, Target: l.name, Settings: []Setting{{"loss", p}}})
	return nil
}

// setConfig sets the link's settings, and whether they make a packet sent
// draw from the run's source: a link without loss or jitter (the common
// one) tests one flag a packet, not three settings.
func (l *Link) setConfig(cfg LinkConfig) {
	l.cfg = cfg
	l.draws = cfg.Loss > 0 || cfg.Burst != nil || cfg.Jitter > 0
}

// SetUp pulls the cable (false) or plugs it back (true). Packets on the wire
// when it is pulled are lost.
func (l *Link) SetUp(up bool) {
	if l.up == up {
		return
	}
	l.up = up
	action := FaultLinkUp
	if !up {
		action = FaultLinkDown
		l.epoch++
	}
	l.sim.Emit(&FaultEvent{At: l.sim.now, Action: action, Target: l.name})
}

func (c LinkConfig) settings() []Setting {
	st := []Setting{{"latency_ns", int64(c.Latency)}, {"jitter_ns", int64(c.Jitter)}, {"loss", c.Loss}}
	if g := c.Burst; g != nil {
		st = append(st, Setting{"burst_p", g.P}, Setting{"burst_r", g.R},
			Setting{"burst_loss_bad", g.LossBad}, Setting{"burst_loss_good", g.LossGood})
	}
	if c.Bandwidth > 0 {
		st = append(st, Setting{"bandwidth_bps", c.Bandwidth})
	}
	return st
}

func (l *Link) other(n node) node {
	if l.ends[0] == n {
		return l.ends[1]
	}
	return l.ends[0]
}

// lose draws whether the next packet in direction dir is lost.
func (l *Link) lose(dir int) bool {
	g := l.cfg.Burst
	if g == nil {
		return l.sim.chance(l.cfg.Loss)
	}
	d := &l.dirs[dir]
	if d.bad {
		if l.sim.chance(g.R) {
			d.bad = false
		}
	} else if l.sim.chance(g.P) {
		d.bad = true
	}
	if d.bad {
		return l.sim.chance(g.LossBad)
	}
	return l.sim.chance(g.LossGood)
}

// dirFrom is the direction of a packet sent from node n: 0 from the
// first end, 1 from the second.
func (l *Link) dirFrom(n node) int {
	if l.ends[1] == n {
		return 1
	}
	return 0
}

// send puts p on the wire in direction dir (dirFrom).
func (l *Link) send(p *Packet, dir int) {
	s := l.sim
	if !l.up {
		s.dropped(p, l.name, WhyLinkDown)
		s.release(p)
		return
	}
	d := &l.dirs[dir&1] // (dir is 0 or 1: the mask spares a bounds check)
	size := p.WireSize()
	d.packets++
	d.bytes += uint64(size)
	// The loss, then the jitter, drawn (in this order) only on a link
	// that has them (draws): chance(0) is false without a draw.
	var jitter time.Duration
	if l.draws {
		if (l.cfg.Loss > 0 || l.cfg.Burst != nil) && l.lose(dir) {
			s.dropped(p, l.name, WhyLoss)
			s.release(p)
			return
		}
		if l.cfg.Jitter > 0 {
			jitter = s.uniform(0, l.cfg.Jitter)
		}
	}
	start := s.now
	if l.cfg.Bandwidth > 0 {
		start = max(start, d.busyUntil)
		d.busyUntil = start + time.Duration(int64(size)*8*int64(time.Second)/l.cfg.Bandwidth)
		start = d.busyUntil
	}
	at := start + l.cfg.Latency + jitter
	at = max(at, d.lastArrival)
	d.lastArrival = at
	// On the wire, in a pooled inFlight (taken here rather than in a
	// function of its own: this is every packet's trip).
	var f *inFlight
	if n := len(s.freeFlights); n > 0 {
		f = s.freeFlights[n-1]
		s.freeFlights = s.freeFlights[:n-1]
	} else {
		f = s.newFlight()
	}
	f.p, f.link, f.to, f.epoch = p, l, l.ends[(dir^1)&1], l.epoch
	f.timer.Reset(at)
}

// inFlight is a packet on a wire, pooled so that moving packets does not
// allocate.
type inFlight struct {
	timer Timer
	p     *Packet
	link  *Link
	to    node
	epoch uint64
}

// newFlight makes an inFlight when the pool is empty (Link.send).
func (s *Sim) newFlight() *inFlight {
	f := &inFlight{}
	s.ownTimer(&f.timer, f)
	return f
}

// fire is the packet's arrival (timerOwner).
func (f *inFlight) fire(*Timer) {
	// (f keeps its pointers until its next trip: the packet is pooled
	// too, the link and the node live as long as the run.)
	p, l, to, epoch := f.p, f.link, f.to, f.epoch
	s := l.sim
	s.freeFlights = append(s.freeFlights, f)
	if l.epoch != epoch || !l.up {
		s.dropped(p, l.name, WhyLinkDown)
		s.release(p)
		return
	}
	to.receive(p, l)
}
