package drill

import (
	"math"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
)

// The addresses of packetdrill's local mode, as the Linux selftests pass
// them (ksft_runner.sh): the stack under test is 192.168.0.1, the remote
// end 192.0.2.1 (TEST-NET-1); a connect() goes to, and a bind() takes,
// port 8080 (packetdrill's live_connect_port and live_bind_port).
var (
	LocalAddr  = netip.MustParseAddr("192.168.0.1")
	RemoteAddr = netip.MustParseAddr("192.0.2.1")
)

const (
	scriptPort = 8080
	// remotePort is the remote end's port when it opens a connection to
	// the stack (a passive open); packetdrill takes a free port, any will do.
	remotePort = 40000
	// DefaultTolerance is packetdrill's --tolerance_usecs default.
	DefaultTolerance = 4 * time.Millisecond
	// maxWait is how long past its time an expected outbound packet is
	// waited for before the run says none came: long enough to tell a late
	// packet's time in the report (a keepalive probe two RTO doublings
	// late), short enough that a run never drags on.
	maxWait = 10 * time.Minute
)

// Config is how a script runs.
type Config struct {
	// Tolerance overrides the script's --tolerance_usecs (0: the script's,
	// else DefaultTolerance).
	Tolerance time.Duration
	// Seed draws the stack's initial sequence numbers and ports.
	Seed uint64
	// InitScripts are packetdrill's --init_scripts: shell scripts run
	// before the script, here only the suites' defaults.sh (IsInitScript),
	// whose settings are applied to the host before the script's own.
	// Set, they replace the script's own --init_scripts line, as
	// packetdrill's command line overrides a script's options.
	InitScripts []string
	// Observe, when set, is given every event of the simulated run.
	Observe func(netsim.Event)
	// Starting, when set, is told as each event of the script other than
	// an outbound packet starts (its index in Script.Events), once the
	// simulation has reached its time, and when that is: what Observe saw
	// before belongs before the line (the interface lays the two out in
	// that order), and a blocking call's start is told here, its return
	// in Result.At.
	Starting func(i int, at time.Duration)
}

// Status is how an event of the script fared.
type Status uint8

// Statuses.
const (
	NotRun  Status = iota // the run stopped before it
	Matched               // it happened as the script says
	Failed                // the first mismatch
)

// Result is a run of a script.
type Result struct {
	Script *Script
	// Status and At hold, for each event, how it fared and when it
	// happened in the run (an outbound packet: when the stack sent it).
	Status []Status
	At     []time.Duration
	// Packet is, for each packet line, the ID (netsim.Packet.ID) of the
	// segment it injected or was held against — the failed line's too —,
	// 0 for other lines and lines not run.
	Packet []uint64
	// Failure is the first mismatch; nil when every event matched.
	Failure *Failure
	// Sim is the simulated time at the end of the run.
	Sim time.Duration
}

// Failure is the first line of the script that did not hold.
type Failure struct {
	Event *Event
	Index int
	Msg   i18n.Message
	// Script and Actual are the expected and actual packets, written as
	// packetdrill writes them, when the line is a packet.
	Script, Actual string
}

// In renders the failure as packetdrill reports one: "file:line: what",
// then the script's packet and the actual one.
func (f *Failure) In(l i18n.Lang, file string) string {
	s := scenarios.Printable(file + ":" + strconv.Itoa(f.Event.Pos.Line) + ": " + f.Msg.In(l))
	if f.Script != "" {
		s += "\n" + l.T(i18n.DrillScriptPacket, "Packet", f.Script)
	}
	if f.Actual != "" {
		s += "\n" + l.T(i18n.DrillActualPacket, "Packet", f.Actual)
	}
	return s
}

// Run parses nothing: it runs a parsed script against a simulated Linux
// host, first refusing (a *scenarios.Error, "unsupported: …") anything it
// cannot model, then event by event until the end or the first mismatch.
func Run(sc *Script, cfg Config) (*Result, error) {
	r, err := newRunner(sc, cfg)
	if err != nil {
		return nil, err
	}
	if err := r.check(); err != nil {
		return nil, err
	}
	r.run()
	return r.res, nil
}

// runner is one run: the simulated world, the script's sockets and where
// the run is in the script.
type runner struct {
	sc   *Script
	cfg  Config
	res  *Result
	tol  time.Duration
	sim  *netsim.Sim
	host *netsim.Host
	proc *netsim.Process
	peer *netsim.Peer

	inits   []string // the init scripts: the script's --init_scripts, or the flag's
	fds     map[int64]*socket
	lastFd  int64
	pending []*pendingCall
	zeros   []byte // what writes send: the script names only their length

	// The connection the script's packets belong to, by default: its
	// ports. isn holds the stack's initial sequence number of each
	// connection, by the remote end's port, learned from its SYN or
	// SYN-ACK as packetdrill learns it.
	localPort, peerPort uint16
	isn                 map[uint16]uint32

	out  []captured    // packets the stack sent, not yet matched
	live time.Duration // when the previous event happened
	cur  int           // the event being run
}

// captured is a packet that reached the remote end, and when.
type captured struct {
	p  netsim.Packet
	at time.Duration
}

func newRunner(sc *Script, cfg Config) (*runner, error) {
	r := &runner{
		sc:  sc,
		cfg: cfg,
		res: &Result{Script: sc, Status: make([]Status, len(sc.Events)), At: make([]time.Duration, len(sc.Events)),
			Packet: make([]uint64, len(sc.Events))},
		tol: DefaultTolerance,
		fds: map[int64]*socket{},
		isn: map[uint16]uint32{},
	}
	for _, o := range sc.Options {
		if err := r.option(o); err != nil {
			return nil, err
		}
	}
	if cfg.Tolerance > 0 {
		r.tol = cfg.Tolerance
	}
	for _, f := range cfg.InitScripts {
		if !IsInitScript(f) {
			return nil, i18n.NewError(i18n.CLIDrillInitScript, "Name", f)
		}
	}
	if len(cfg.InitScripts) > 0 {
		// packetdrill's command line overrides the script's options
		// (parse_and_finalize_config).
		r.inits = slices.Clone(cfg.InitScripts)
	}
	r.sim = netsim.New(cfg.Seed)
	if cfg.Observe != nil {
		r.sim.Observe(cfg.Observe)
	}
	var err error
	if r.host, err = r.sim.AddHost("local", LocalAddr, netsim.Linux()); err != nil {
		return nil, err
	}
	if r.peer, err = r.sim.AddPeer("remote", RemoteAddr); err != nil {
		return nil, err
	}
	if _, err = r.sim.AddLink("local", "remote", netsim.LinkConfig{}); err != nil {
		return nil, err
	}
	if r.proc, err = r.host.NewProcess("packetdrill"); err != nil {
		return nil, err
	}
	r.peer.OnReceive(func(p netsim.Packet) { r.out = append(r.out, captured{p, r.sim.Now()}) })
	return r, nil
}

// option applies a --name=value line.
func (r *runner) option(o Option) error {
	switch o.Name {
	case "tolerance_usecs":
		v, err := strconv.ParseInt(o.Value, 10, 64)
		if err != nil || v < 0 || v > 10_000_000 {
			return &scenarios.Error{Pos: o.Pos, Msg: i18n.M(i18n.DrillOutOfRange, "Text", o.Value, "Field", "--tolerance_usecs", "Lo", 0, "Hi", 10_000_000)}
		}
		r.tol = time.Duration(v) * time.Microsecond
	case "init_scripts":
		for _, f := range strings.Split(o.Value, ",") {
			if !IsInitScript(f) {
				return &scenarios.Error{Pos: o.Pos, Msg: i18n.M(i18n.DrillUnsupported, "What", "--init_scripts="+f)}
			}
			r.inits = append(r.inits, f)
		}
	case "mss":
		// packetdrill writes inbound packets to its tun device as GSO
		// packets of segments of this size (netdev.c: virtio gso_size).
		// Linux reads it only to estimate the peer's MSS for a packet
		// longer than it (tcp_measure_rcv_mss); the model's ACK rules take
		// the connection's MSS, so the value is checked and changes
		// nothing else (docs/drill.md).
		v, err := strconv.ParseInt(o.Value, 10, 64)
		if err != nil || v < 1 || v > math.MaxUint16 {
			return &scenarios.Error{Pos: o.Pos, Msg: i18n.M(i18n.DrillOutOfRange, "Text", o.Value, "Field", "--mss", "Lo", 1, "Hi", math.MaxUint16)}
		}
	case "ip_version":
		if o.Value != "ipv4" {
			return &scenarios.Error{Pos: o.Pos, Msg: i18n.M(i18n.DrillUnsupported, "What", "--ip_version="+o.Value)}
		}
	default:
		return &scenarios.Error{Pos: o.Pos, Msg: i18n.M(i18n.DrillUnsupported, "What", "--"+o.Name)}
	}
	return nil
}

// check refuses, before anything runs, what the runner cannot do.
func (r *runner) check() error {
	for _, ev := range []*Event{r.sc.Init, r.sc.Cleanup} {
		if ev == nil {
			continue
		}
		if err := checkCommand(ev); err != nil {
			return err
		}
	}
	for _, ev := range r.sc.Events {
		var err error
		switch {
		case ev.Packet != nil:
			err = checkPacket(ev.Packet)
		case ev.Call != nil:
			err = checkCall(ev.Call)
		case ev.Code != "":
			_, err = parseAsserts(ev.Code, ev.CodePos)
		default:
			err = checkCommand(ev)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (r *runner) run() {
	for _, f := range r.inits {
		r.command(f)
	}
	if r.sc.Init != nil {
		r.command(r.sc.Init.Command)
	}
	for i, ev := range r.sc.Events {
		r.cur = i
		at, end := r.times(i)
		if f := r.event(ev, at, end); f != nil {
			r.fail(i, f)
			return
		}
		if r.res.Failure != nil { // a blocking call failed while this event ran
			return
		}
		r.res.Status[i] = Matched
	}
	// What the script left blocked must return by its time.
	if len(r.pending) > 0 {
		last := r.pending[0]
		r.advance(last.end + r.tol)
		if r.res.Failure == nil && len(r.pending) > 0 {
			c := r.pending[0]
			r.fail(c.index, &Failure{Msg: i18n.M(i18n.DrillNeverReturned, "Call", c.call.Name)})
		}
	}
	r.res.Sim = r.sim.Now()
}

func (r *runner) fail(i int, f *Failure) {
	if r.res.Failure != nil {
		return
	}
	f.Event, f.Index = r.sc.Events[i], i
	r.res.Failure = f
	r.res.Status[i] = Failed
	r.res.Sim = r.sim.Now()
}

// times is when event i is due, and the end of its range or of its
// blocking call, as packetdrill places them (run.c
// adjust_relative_event_times): a relative time counts from when the
// previous event happened, except that an inbound packet after an inbound
// packet counts from the previous one's script time.
func (r *runner) times(i int) (at, end time.Duration) {
	ev := r.sc.Events[i]
	base := r.live
	if i > 0 {
		if prev := r.sc.Events[i-1]; prev.Packet != nil && prev.Packet.Dir == In && ev.Packet != nil && ev.Packet.Dir == In {
			base = r.res.At[i-1]
		}
	}
	end = ev.End
	if ev.Call != nil && ev.Call.Blocking {
		end = ev.Call.End
	}
	switch ev.Kind {
	case Absolute, AbsoluteRange:
		return ev.At, end
	case AnyTime:
		return base, base
	}
	return base + ev.At, base + end
}

// advance runs the simulation to t (never backwards).
func (r *runner) advance(t time.Duration) {
	if t < r.sim.Now() {
		return
	}
	r.sim.RunUntil(t)
}

// event runs one event due at at.
func (r *runner) event(ev *Event, at, end time.Duration) *Failure {
	i := r.cur
	switch {
	case ev.Packet != nil && ev.Packet.Dir == Out:
		return r.expectPacket(ev, at, end)
	case ev.Packet != nil:
		r.start(at)
		r.live, r.res.At[i] = r.sim.Now(), r.sim.Now()
		r.inject(ev.Packet)
		return nil
	case ev.Call != nil:
		r.start(at)
		r.live, r.res.At[i] = r.sim.Now(), r.sim.Now()
		return r.call(ev.Call, end)
	case ev.Code != "":
		r.start(at)
		r.live, r.res.At[i] = r.sim.Now(), r.sim.Now()
		return r.code(ev)
	}
	r.start(at)
	r.live, r.res.At[i] = r.sim.Now(), r.sim.Now()
	r.command(ev.Command)
	return nil
}

// start runs the simulation to at, when the event being run starts, and
// says so (Config.Starting).
func (r *runner) start(at time.Duration) {
	r.advance(at)
	if r.cfg.Starting != nil {
		r.cfg.Starting(r.cur, r.sim.Now())
	}
}

// secs writes a time as packetdrill does: seconds to the microsecond.
func secs(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', 6, 64)
}

// timing checks that something due at at (or in [at, end] for a range)
// happened at got.
func (r *runner) timing(kind TimeKind, what i18n.ID, at, end, got time.Duration) *Failure {
	switch kind {
	case AnyTime:
		return nil
	case AbsoluteRange, RelativeRange:
		if got < at-r.tol || got > end+r.tol {
			return &Failure{Msg: i18n.M(i18n.DrillTimingRange, "What", i18n.M(what),
				"From", secs(at), "To", secs(end), "Got", secs(got))}
		}
		return nil
	}
	if got < at-r.tol || got > at+r.tol {
		return &Failure{Msg: i18n.M(i18n.DrillTiming, "What", i18n.M(what),
			"Want", secs(at), "Got", secs(got), "Tol", secs(r.tol))}
	}
	return nil
}
