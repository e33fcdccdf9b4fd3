package tally

import "time"

// Count is a number of segments and their bytes on the wire (IPv4 total
// length).
type Count struct {
	Segments, Bytes uint64
}

func (c *Count) add(n Count) {
	c.Segments += n.Segments
	c.Bytes += n.Bytes
}

// Ledger is what an end, or an app, sent and received, by class.
type Ledger [NumClasses]Count

// Total sums the classes.
func (l *Ledger) Total() Count {
	var t Count
	for _, c := range l {
		t.add(c)
	}
	return t
}

// Conn is one connection end's ledger: a host's socket, named by its
// 5-tuple as that host has it, owned by the process Proc.
type Conn struct {
	Host, Tuple, Proc string
	Sent, Recv        Ledger

	app   *App
	since time.Duration // when it was established
	up    bool          // it is established now
}

// count adds a segment to the end's ledger and its app's.
func (c *Conn) count(l *Ledger, class Class, n Count) {
	l[class].add(n)
	if l == &c.Sent {
		c.app.Sent[class].add(n)
	} else {
		c.app.Recv[class].add(n)
	}
}

// App is an app's ledger: its connections' (a group's clients' summed),
// its detections, a poller's news, its connection attempts.
type App struct {
	Name       string
	Sent, Recv Ledger
	// Detections counts the app's conclusions that a peer is gone (not
	// failed connection attempts); Silent sums the silence before each,
	// and LastSilent, MaxSilent are the latest and the longest.
	Detections            int
	Silent                time.Duration
	LastSilent, MaxSilent time.Duration
	// Poll is a poller's news and what it cost; nil for other apps.
	Poll *Poll
	// Attempts counts connect() calls (SYNs, not their retransmissions)
	// per AttemptStep.
	Attempts Series

	established time.Duration // summed over connections no longer established
}

// KeepAlive is what keeping the app's connections alive cost: heartbeats
// and keepalive probes, sent and received, with the ACKs of them.
func (a *App) KeepAlive() Count {
	var c Count
	for _, l := range []*Ledger{&a.Sent, &a.Recv} {
		c.add(l[Heartbeat])
		c.add(l[Keepalive])
	}
	return c
}

// ConnTime is how long the app's connections have been established, summed
// over them, until now.
func (a *App) ConnTime(t *Tally, now time.Duration) time.Duration {
	d := a.established
	for _, c := range t.conns {
		if c.app == a && c.up {
			d += now - c.since
		}
	}
	return d
}

// KeepAlivePerMinute is the keep-alive traffic's bytes per minute of one
// connection (per connection-minute), until now: the cost side of the
// trade-off with detection time. 0 before any connection was established.
func (a *App) KeepAlivePerMinute(t *Tally, now time.Duration) float64 {
	d := a.ConnTime(t, now)
	if d <= 0 {
		return 0
	}
	return float64(a.KeepAlive().Bytes) / d.Minutes()
}

// MeanSilent is the mean time the app took to detect a lost peer: the
// silence before each detection.
func (a *App) MeanSilent() time.Duration {
	if a.Detections == 0 {
		return 0
	}
	return a.Silent / time.Duration(a.Detections)
}

func (a *App) detected(silent time.Duration) {
	a.Detections++
	a.Silent += silent
	a.LastSilent = silent
	a.MaxSilent = max(a.MaxSilent, silent)
}

func (a *App) poll() *Poll {
	if a.Poll == nil {
		a.Poll = &Poll{}
	}
	return a.Poll
}

// Poll is a poller's ledger, the numbers of lab.PollStats computed from
// the app events: requests asked, application bytes (framing included)
// sent and received, news items received and their latency from
// publication to arrival.
type Poll struct {
	Requests             uint64
	BytesSent, BytesRecv uint64
	Items                uint64
	Latency, MaxLatency  time.Duration // Latency sums the items'
}

// MeanLatency is the items' mean latency.
func (p *Poll) MeanLatency() time.Duration {
	if p.Items == 0 {
		return 0
	}
	return p.Latency / time.Duration(p.Items)
}
