package netsim_test

import (
	"bytes"
	"fmt"
	"net/netip"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cockroachdb/datadriven"
	"github.com/socklab/socklab/netsim"
)

// TestInteraction runs the TCP behaviour cases of testdata/*.txt, in the
// manner of etcd raft's interaction tests: each file is a narrative (# lines)
// and commands, each command followed by the lines it must print. The run
// command prints the events of the simulated time it covered as the trace
// shows them (netsim.Format). go test ./netsim -run Interaction -rewrite
// refreshes the expected output; read the diff before committing it.
//
// The world is a client host (10.0.0.2) and a server host (10.0.0.1) joined
// by one link, or by a firewall or NAT "fw" (public address 203.0.113.1).
// Connections are named in the order they appear: c1, c2, … for those the
// client side dials, s1, s2, … for those the server accepts.
//
//	world [seed=1] [latency=1ms] [jitter=0] [loss=0] [box=firewall|nat]
//	      [idle=1h] [policy=drop|pickup|rst|rst-both] [ports=preserve|random]
//	      [client-ports=N] [server-ports=N]      a new world; ports fix the
//	      [timers=exact|wheel]                   ephemeral range to one port;
//	                                             timers: the hosts' TCP
//	                                             timers, exact by default
//	                                             (the files document the
//	                                             rules' figures; wheel.txt
//	                                             shows the kernel's slack)
//	listen [port=8080] [backlog=128] [keepalive=(idle, interval, count)]
//	       [nodelay] [APP…]                                the server listens; APP
//	                                             says what its accepted
//	                                             connections do (below)
//	dial [from=client] [to=server] [port=8080] [count=1]
//	     [keepalive=(idle, interval, count)] [nodelay] [APP…]
//	write CONN [bytes=N] [text=T]                N bytes of a pattern that
//	                                             shows any loss or reordering
//	close CONN | shutdown CONN | abort CONN | close-listener
//	run DURATION [all] [quiet]                   run for DURATION: print the
//	                                             segments sent and dropped,
//	                                             states, errors, faults and
//	                                             flows (all: deliveries too;
//	                                             quiet: nothing)
//	power-off HOST | power-on HOST | freeze HOST | thaw HOST
//	link-down | link-up | expire
//	conns                                        connections left, timers armed
//	errors                                       socket errors, by host
//	listener                                     its accept queue
//	received                                     what each connection read
//	rtt CONN                                     its RTT estimate and RTO
//
// APP is any of: noaccept (a listener whose application never accepts),
// noread (never reads), close-at-eof (closes when it reads
// EOF), write=N, close and shutdown (when connected, writes N bytes, then
// closes or shuts its side down),
// answer (answers every read with "answer"), close-after=N (closes after
// its Nth answer), ping=N (writes "q" when connected and after each read,
// N times in all).
func TestInteraction(t *testing.T) {
	notes := map[netsim.Note]bool{}
	ran := 0
	datadriven.Walk(t, "testdata", func(t *testing.T, path string) {
		ran++
		var w *iworld
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			if d.Cmd != "world" && w == nil {
				d.Fatalf(t, "the file must start with world")
			}
			if d.Cmd == "world" {
				w = newIWorld(t, d)
				w.notes = notes
				return ""
			}
			w.t = t
			return w.do(d)
		})
	})
	if m, _ := filepath.Glob("testdata/*.txt"); len(m) != ran || t.Failed() {
		return // not every file ran
	}
	for _, n := range netsim.Notes() {
		if !notes[n] {
			t.Errorf("no case of testdata shows a segment with the note %q: each note has an example", n)
		}
	}
}

// iworld is the world of an interaction file.
type iworld struct {
	t       *testing.T
	sim     *netsim.Sim
	client  *netsim.Host
	server  *netsim.Host
	link    *netsim.Link
	events  []netsim.Event
	printed int // events already shown
	notes   map[netsim.Note]bool

	listener *netsim.Listener
	procs    map[string]*netsim.Process
	ends     []*iend
	dials    int
	accepts  int
}

// iend is one end of a connection and what its application does.
type iend struct {
	name string
	conn *netsim.Conn
	app  iapp
	read bytes.Buffer
	sent bytes.Buffer
	err  error
	eofs int
	// answers and pings count the rounds of answer and ping.
	answers, pings int
}

// iapp is what an application does with its connection.
type iapp struct {
	noread, noaccept, closeAtEOF, closeAfterWrite, shutdown, answer bool
	write, closeAfter, ping                                         int
}

func newIWorld(t *testing.T, d *datadriven.TestData) *iworld {
	seed := uint64(1)
	var latency, jitter, idle time.Duration = time.Millisecond, 0, time.Hour
	var loss float64
	var box, policy, ports string
	var clientPorts, serverPorts int
	timers := netsim.TimersExact
	for _, a := range d.CmdArgs {
		switch a.Key {
		case "seed":
			seed = uint64(atoi(t, d, a.SingleVal(t)))
		case "latency":
			latency = dur(t, d, a.SingleVal(t))
		case "jitter":
			jitter = dur(t, d, a.SingleVal(t))
		case "loss":
			f, err := strconv.ParseFloat(a.SingleVal(t), 64)
			if err != nil {
				d.Fatalf(t, "loss: %v", err)
			}
			loss = f
		case "box":
			box = a.SingleVal(t)
		case "idle":
			idle = dur(t, d, a.SingleVal(t))
		case "policy":
			policy = a.SingleVal(t)
		case "ports":
			ports = a.SingleVal(t)
		case "client-ports":
			clientPorts = atoi(t, d, a.SingleVal(t))
		case "server-ports":
			serverPorts = atoi(t, d, a.SingleVal(t))
		case "timers":
			m, err := netsim.ParseTimerMode(a.SingleVal(t))
			if err != nil {
				d.Fatalf(t, "%v", err)
			}
			timers = m
		default:
			d.Fatalf(t, "world takes no %s", a.Key)
		}
	}
	w := &iworld{t: t, sim: netsim.New(seed), procs: map[string]*netsim.Process{}}
	w.sim.Observe(func(e netsim.Event) { w.events = append(w.events, e) })
	var err error
	check := func() {
		if err != nil {
			d.Fatalf(t, "%v", err)
		}
	}
	w.client, err = w.sim.AddHost("client", clientIP, netsim.Linux())
	check()
	w.server, err = w.sim.AddHost("server", serverIP, netsim.Linux())
	check()
	w.client.Profile().Timers, w.server.Profile().Timers = timers, timers
	cfg := netsim.LinkConfig{Latency: latency, Jitter: jitter, Loss: loss}
	if box == "" {
		w.link, err = w.sim.AddLink("client", "server", cfg)
		check()
	} else {
		mc := netsim.MiddleboxConfig{Outside: "server", IdleTimeout: idle}
		mc.Kind, err = netsim.ParseMiddleboxKind(box)
		check()
		if policy != "" {
			mc.OnExpired, err = netsim.ParseExpiryPolicy(policy)
			check()
		}
		if ports != "" {
			mc.Ports, err = netsim.ParsePortPolicy(ports)
			check()
		}
		if mc.Kind == netsim.NAT {
			mc.PublicIP = netip.MustParseAddr("203.0.113.1")
		}
		_, err = w.sim.AddMiddlebox("fw", mc)
		check()
		w.link, err = w.sim.AddLink("client", "fw", cfg)
		check()
		_, err = w.sim.AddLink("fw", "server", netsim.LinkConfig{Latency: latency})
		check()
	}
	for h, p := range map[*netsim.Host]int{w.client: clientPorts, w.server: serverPorts} {
		if p != 0 {
			h.Profile().EphemeralLow, h.Profile().EphemeralHigh = uint16(p), uint16(p)
		}
	}
	return w
}

func (w *iworld) do(d *datadriven.TestData) string {
	t := w.t
	switch d.Cmd {
	case "listen":
		w.listen(d)
	case "dial":
		w.dial(d)
	case "write":
		e := w.end(d)
		b := []byte(argOr(t, d, "text", ""))
		if n := argOr(t, d, "bytes", ""); n != "" {
			b = pattern(atoi(t, d, n))
		}
		w.sim.Do(func() { w.write(e, b) })
	case "close", "shutdown", "abort":
		e := w.end(d)
		w.sim.Do(map[string]func(){"close": e.conn.Close, "shutdown": e.conn.Shutdown, "abort": e.conn.Abort}[d.Cmd])
	case "close-listener":
		w.sim.Do(w.listener.Close)
	case "run":
		return w.run(d)
	case "power-off", "power-on", "freeze", "thaw":
		h := w.host(d, d.CmdArgs[0].Key)
		switch d.Cmd {
		case "power-off":
			w.sim.Do(h.PowerOff)
		case "power-on":
			w.sim.Do(h.PowerOn)
		case "freeze":
			w.sim.Do(w.procs[h.Name()].Freeze)
		case "thaw":
			w.sim.Do(w.procs[h.Name()].Thaw)
		}
	case "link-down", "link-up":
		w.sim.Do(func() { w.link.SetUp(d.Cmd == "link-up") })
	case "expire":
		w.sim.Do(w.sim.Middlebox("fw").ExpireAll)
	case "conns":
		return w.conns()
	case "errors":
		return w.errors()
	case "listener":
		l := w.listener
		return fmt.Sprintf("backlog %d: %d queued for accept(), %d half-open, %d SYNs dropped\n", l.Backlog(), l.Queued(), l.HalfOpen(), l.Drops())
	case "received":
		return w.received()
	case "rtt":
		e := w.end(d)
		return fmt.Sprintf("%s: srtt %v, rto %v, %d bytes unacknowledged\n", e.name, e.conn.SRTT(), e.conn.RTO(), e.conn.Unacked())
	default:
		d.Fatalf(t, "unknown command %s", d.Cmd)
	}
	return "" // what the command caused prints with the next run
}

func (w *iworld) listen(d *datadriven.TestData) {
	t := w.t
	port := uint16(atoi(t, d, argOr(t, d, "port", "8080")))
	backlog := atoi(t, d, argOr(t, d, "backlog", "128"))
	opts, app := w.sockOpts(d), parseApp(t, d)
	p := w.proc(w.server)
	l, err := p.Listen(port, backlog, opts)
	if err != nil {
		d.Fatalf(t, "listen: %v", err)
	}
	w.listener = l
	if app.noaccept {
		return
	}
	l.OnAcceptable(func() {
		for c := l.Accept(); c != nil; c = l.Accept() {
			w.accepts++
			w.attach(&iend{name: "s" + strconv.Itoa(w.accepts), conn: c, app: app})
		}
	})
}

func (w *iworld) dial(d *datadriven.TestData) {
	t := w.t
	from := w.host(d, argOr(t, d, "from", "client"))
	to := w.host(d, argOr(t, d, "to", "server"))
	port := uint16(atoi(t, d, argOr(t, d, "port", "8080")))
	count := atoi(t, d, argOr(t, d, "count", "1"))
	opts, app := w.sockOpts(d), parseApp(t, d)
	p := w.proc(from)
	w.sim.Do(func() {
		for range count {
			c, err := p.Dial(netip.AddrPortFrom(to.Addr(), port), opts)
			if err != nil {
				d.Fatalf(t, "dial: %v", err)
			}
			w.dials++
			w.attach(&iend{name: "c" + strconv.Itoa(w.dials), conn: c, app: app})
		}
	})
}

// attach gives a connection its application: a dialled one starts when it
// is connected, an accepted one at once.
func (w *iworld) attach(e *iend) {
	w.ends = append(w.ends, e)
	e.conn.OnNotice(func(n netsim.Notice) {
		if n == netsim.Connected {
			w.start(e)
		}
		w.drain(e)
	})
	if e.conn.State() != netsim.SynSent {
		w.start(e)
		w.drain(e)
	}
}

// start runs what the application does first.
func (w *iworld) start(e *iend) {
	if e.app.write > 0 {
		w.write(e, pattern(e.app.write))
	}
	switch {
	case e.app.closeAfterWrite:
		e.conn.Close()
	case e.app.shutdown:
		e.conn.Shutdown()
	}
	if e.app.ping > 0 {
		w.pingOnce(e)
	}
}

func (w *iworld) write(e *iend, b []byte) {
	if e.conn.Write(b, "data") == nil {
		e.sent.Write(b)
	}
}

func (w *iworld) pingOnce(e *iend) {
	if e.pings < e.app.ping {
		e.pings++
		w.write(e, []byte("q"))
	}
}

// drain reads what the connection holds, as the application says.
func (w *iworld) drain(e *iend) {
	if e.app.noread {
		return
	}
	for {
		data, err := e.conn.Read()
		if data == nil && err == nil {
			return
		}
		e.read.Write(data)
		if data != nil {
			if e.app.answer && (e.app.closeAfter == 0 || e.answers < e.app.closeAfter) {
				e.answers++
				w.write(e, []byte("answer"))
				if e.answers == e.app.closeAfter {
					e.conn.Close()
				}
			}
			if e.app.ping > 0 {
				w.pingOnce(e)
			}
		}
		if err != nil {
			e.err = err
			if err == netsim.EOF {
				e.eofs++
			}
			if e.app.closeAtEOF {
				e.conn.Close()
			}
			return
		}
	}
}

func (w *iworld) run(d *datadriven.TestData) string {
	t := w.t
	if len(d.CmdArgs) == 0 {
		d.Fatalf(t, "run takes a duration")
	}
	w.sim.RunFor(dur(t, d, d.CmdArgs[0].Key))
	var all, quiet bool
	for _, a := range d.CmdArgs[1:] {
		switch a.Key {
		case "all":
			all = true
		case "quiet":
			quiet = true
		default:
			d.Fatalf(t, "run takes no %s", a.Key)
		}
	}
	var b strings.Builder
	for _, e := range w.events[w.printed:] {
		if s, ok := e.(*netsim.SegmentEvent); ok {
			w.notes[s.Packet.Note] = true
			if s.Fate == netsim.FateDelivered && !all {
				continue
			}
		}
		if !quiet {
			b.WriteString(netsim.Format(e))
			b.WriteByte('\n')
		}
	}
	w.printed = len(w.events)
	return b.String()
}

// conns lists the connections each host still holds, and the timers armed.
func (w *iworld) conns() string {
	var b strings.Builder
	for _, h := range []*netsim.Host{w.client, w.server} {
		states := map[string]int{}
		var order []string
		for _, c := range h.Conns() {
			st := c.State().String()
			if states[st] == 0 {
				order = append(order, st)
			}
			states[st]++
		}
		fmt.Fprintf(&b, "%s: %d connections", h.Name(), len(h.Conns()))
		for _, st := range order {
			fmt.Fprintf(&b, ", %d %s", states[st], st)
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "timers armed: %d\n", w.sim.Pending())
	return b.String()
}

// errors lists the socket errors each host reported to its applications.
func (w *iworld) errors() string {
	var b strings.Builder
	for _, h := range []string{"client", "server"} {
		var errs []string
		for _, e := range w.events {
			if s, ok := e.(*netsim.SocketErrorEvent); ok && s.Host == h {
				errs = append(errs, netsim.FormatTime(s.At)+" "+s.Err.Name())
			}
		}
		if len(errs) == 0 {
			errs = append(errs, "none")
		}
		fmt.Fprintf(&b, "%s: %s\n", h, strings.Join(errs, ", "))
	}
	return b.String()
}

// received says, for each connection, what its application read: how much
// of what the other end wrote, intact or not, and how the reading ended.
func (w *iworld) received() string {
	var b strings.Builder
	for _, e := range w.ends {
		peer := w.peerOf(e)
		var want []byte
		if peer != nil {
			want = peer.sent.Bytes()
		}
		got := e.read.Bytes()
		fmt.Fprintf(&b, "%s read %d of %d bytes", e.name, len(got), len(want))
		switch {
		case bytes.Equal(got, want):
		case bytes.HasPrefix(want, got):
			b.WriteString(", in order")
		default:
			n := 0
			for n < len(got) && n < len(want) && got[n] == want[n] {
				n++
			}
			fmt.Fprintf(&b, ", CORRUPT from byte %d", n)
		}
		if e.err != nil {
			fmt.Fprintf(&b, ", then %s", e.err.(netsim.Errno).Name())
		}
		if e.eofs > 1 {
			fmt.Fprintf(&b, " (%d EOFs)", e.eofs)
		}
		fmt.Fprintf(&b, "; %s\n", e.conn.State())
	}
	return b.String()
}

// peerOf finds the other end of e's connection.
func (w *iworld) peerOf(e *iend) *iend {
	for _, o := range w.ends {
		if o != e && o.conn.LocalAddr() == e.conn.RemoteAddr() && o.conn.RemoteAddr() == e.conn.LocalAddr() {
			return o
		}
	}
	return nil
}

func (w *iworld) end(d *datadriven.TestData) *iend {
	if len(d.CmdArgs) == 0 {
		d.Fatalf(w.t, "%s names a connection", d.Cmd)
	}
	name := d.CmdArgs[0].Key
	i := slices.IndexFunc(w.ends, func(e *iend) bool { return e.name == name })
	if i < 0 {
		d.Fatalf(w.t, "no connection %s", name)
	}
	return w.ends[i]
}

func (w *iworld) host(d *datadriven.TestData, name string) *netsim.Host {
	h := w.sim.Host(name)
	if h == nil {
		d.Fatalf(w.t, "no host %s", name)
	}
	return h
}

// proc is the host's application process, started on first use.
func (w *iworld) proc(h *netsim.Host) *netsim.Process {
	if p := w.procs[h.Name()]; p != nil && p.Alive() {
		return p
	}
	p, err := h.NewProcess(h.Name())
	if err != nil {
		w.t.Fatal(err)
	}
	w.procs[h.Name()] = p
	return p
}

func (w *iworld) sockOpts(d *datadriven.TestData) netsim.SockOpts {
	var o netsim.SockOpts
	if a, ok := d.Arg("keepalive"); ok {
		if len(a.Vals) != 3 {
			d.Fatalf(w.t, "keepalive=(idle, interval, count)")
		}
		o = netsim.SockOpts{KeepAlive: true, KeepIdle: dur(w.t, d, a.Vals[0]), KeepIntvl: dur(w.t, d, a.Vals[1]),
			KeepCnt: atoi(w.t, d, a.Vals[2])}
	}
	o.NoDelay = d.HasArg("nodelay")
	return o
}

func parseApp(t *testing.T, d *datadriven.TestData) iapp {
	var a iapp
	for _, arg := range d.CmdArgs {
		switch arg.Key {
		case "noread":
			a.noread = true
		case "noaccept":
			a.noaccept = true
		case "close-at-eof":
			a.closeAtEOF = true
		case "close":
			a.closeAfterWrite = true
		case "shutdown":
			a.shutdown = true
		case "answer":
			a.answer = true
		case "write":
			a.write = atoi(t, d, arg.SingleVal(t))
		case "close-after":
			a.closeAfter = atoi(t, d, arg.SingleVal(t))
		case "ping":
			a.ping = atoi(t, d, arg.SingleVal(t))
		}
	}
	return a
}

func argOr(t *testing.T, d *datadriven.TestData, key, def string) string {
	if a, ok := d.Arg(key); ok {
		return a.SingleVal(t)
	}
	return def
}

func atoi(t *testing.T, d *datadriven.TestData, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		d.Fatalf(t, "%q is not a number", s)
	}
	return n
}

func dur(t *testing.T, d *datadriven.TestData, s string) time.Duration {
	v, err := time.ParseDuration(s)
	if err != nil {
		d.Fatalf(t, "%q is not a duration", s)
	}
	return v
}
