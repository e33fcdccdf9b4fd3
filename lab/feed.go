package lab

import (
	"math"
	"time"

	"github.com/socklab/socklab/netsim"
)

// Poll requests say which way the poller wants its news (the sequence
// number field of a request frame).
const (
	askShort uint32 = 0 // answer now, with whatever is new
	askLong  uint32 = 1 // answer when there is news (or at the hold timeout)
	askPush  uint32 = 2 // subscribe: push every event as it happens
)

// feed is the news of a feed server: events at random times, a Poisson
// process with the configured mean interval, served to pollers by short
// polling, long polling or push.
type feed struct {
	srv    *server
	events []feedRef
	next   *netsim.Timer
	subs   []*subscription
}

// subscription is one poller's place in the feed.
type subscription struct {
	h       *handler
	mode    uint32
	lastID  uint32 // the last event delivered
	holding bool   // a long poll waits for news
	hold    *netsim.Timer
}

func (fd *feed) start(p *netsim.Process) {
	fd.next = p.NewTimer(fd.happen)
	fd.schedule()
}

func (fd *feed) stop() {
	fd.subs = nil
}

// schedule draws the time to the next event: exponentially distributed
// with the configured mean.
func (fd *feed) schedule() {
	s := fd.srv.s
	mean := float64(fd.srv.cfg.Feed.MeanInterval)
	d := time.Duration(-mean * math.Log(1-s.sim.Rand().Float64()))
	fd.next.Reset(s.Now() + max(d, time.Microsecond))
}

func (fd *feed) happen() {
	if !fd.srv.up {
		return
	}
	e := feedRef{id: uint32(len(fd.events) + 1), at: fd.srv.s.Now()}
	fd.events = append(fd.events, e)
	for _, sub := range fd.subs {
		switch {
		case sub.mode == askPush:
			fd.send(sub, frameEvent)
		case sub.holding:
			fd.send(sub, frameResponse)
		}
	}
	fd.schedule()
}

// since lists the events after id.
func (fd *feed) since(id uint32) []feedRef {
	return fd.events[min(int(id), len(fd.events)):]
}

// request answers a poller's request.
func (fd *feed) request(h *handler, f *frame) {
	if fd == nil {
		return
	}
	sub := h.sub
	if sub == nil {
		sub = &subscription{h: h, lastID: uint32(len(fd.events))}
		sub.hold = h.srv.proc.NewTimer(func() { fd.send(sub, frameResponse) })
		sub.hold.Visits(h.conn)
		h.sub = sub
		fd.subs = append(fd.subs, sub)
	}
	sub.mode = f.seq
	switch {
	case f.seq == askPush:
	case f.seq == askShort || len(fd.since(sub.lastID)) > 0:
		fd.send(sub, frameResponse)
	default:
		sub.holding = true
		sub.hold.Reset(fd.srv.s.Now() + fd.srv.cfg.Feed.HoldTimeout)
	}
}

// send delivers the events a subscription has not seen: a response (HTTP
// headers and the events) or a push (the events alone).
func (fd *feed) send(sub *subscription, t frameType) {
	cfg := fd.srv.cfg
	news := fd.since(sub.lastID)
	sub.lastID = uint32(len(fd.events))
	sub.holding = false
	sub.hold.Stop()
	header := cfg.Feed.HeaderSize
	if t == frameEvent {
		header = 0
	}
	b := encodeEvents(t, news, cfg.Feed.Size, header)
	sub.h.write(b, t, 0)
}

func (fd *feed) unsubscribe(h *handler) {
	for i, sub := range fd.subs {
		if sub.h == h {
			sub.hold.Stop()
			fd.subs = append(fd.subs[:i], fd.subs[i+1:]...)
			return
		}
	}
}

// pollState is a poller's side: how it asks, and what its news cost.
type pollState struct {
	c        *client
	timer    *netsim.Timer
	stats    PollStats
	stopped  bool
	inFlight bool
}

// PollStats measure a poller: how late the news came and what it cost.
type PollStats struct {
	Events       uint64
	TotalLatency time.Duration
	MaxLatency   time.Duration
	Requests     uint64
	BytesSent    uint64 // application bytes, framing included
	BytesRecv    uint64
}

// MeanLatency is the average delay between an event and its delivery.
func (p PollStats) MeanLatency() time.Duration {
	if p.Events == 0 {
		return 0
	}
	return p.TotalLatency / time.Duration(p.Events)
}

func (c *client) startPolling() {
	if c.poll == nil {
		c.poll = &pollState{c: c}
		c.poll.timer = c.proc.NewTimer(c.poll.tick)
	}
	p := c.poll
	p.stopped, p.inFlight = false, false
	p.timer.Visits(c.conn)
	switch c.cfg.Poll.Mode {
	case PollShort:
		p.ask(askShort)
		p.timer.Reset(c.s.Now() + c.cfg.Poll.Interval)
	case PollLong:
		p.ask(askLong)
	case PollPush:
		p.ask(askPush)
	}
}

func (p *pollState) stop() {
	p.stopped = true
	disarm(p.timer)
}

func (p *pollState) tick() {
	if p.stopped {
		return
	}
	p.ask(askShort)
	p.timer.Reset(p.c.s.Now() + p.c.cfg.Poll.Interval)
}

func (p *pollState) ask(mode uint32) {
	b := p.c.s.frame(frameRequest, mode, p.c.s.Now(), p.c.cfg.Poll.RequestSize)
	p.stats.Requests++
	p.stats.BytesSent += uint64(len(b))
	p.inFlight = true
	p.c.write(b, frameRequest, mode)
}

// onFeed takes a response or a pushed event.
func (c *client) onFeed(f *frame) {
	p := c.poll
	if p == nil {
		return
	}
	now := c.s.Now()
	p.stats.BytesRecv += uint64(f.size)
	for _, e := range f.events {
		lat := now - e.at
		p.stats.Events++
		p.stats.TotalLatency += lat
		p.stats.MaxLatency = max(p.stats.MaxLatency, lat)
	}
	if f.typ == frameResponse {
		p.inFlight = false
		if c.cfg.Poll.Mode == PollLong && !p.stopped {
			p.ask(askLong)
		}
	}
}
