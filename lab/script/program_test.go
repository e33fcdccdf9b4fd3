package script_test

import (
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/script"
	"github.com/socklab/socklab/netsim"
)

// world is a server (10.0.0.1) and a client (10.0.0.2) joined by one
// 10 ms link, and the programs of a test: what the lab gives a script,
// without the lab. Its log holds the calls (as strace's lines, with the
// time) and the narrations' IDs, in the order they happened.
type world struct {
	t     *testing.T
	sim   *netsim.Sim
	hosts map[string]*netsim.Host
	link  *netsim.Link
	log   []string
	progs map[string]*script.Program
	said  []i18n.Message // the narrations
	trace bool           // record state changes too
}

func newWorld(t *testing.T, timers netsim.TimerMode) *world {
	t.Helper()
	w := &world{t: t, sim: netsim.New(1), hosts: map[string]*netsim.Host{}, progs: map[string]*script.Program{}}
	for _, h := range []struct{ name, ip string }{{"server", "10.0.0.1"}, {"client", "10.0.0.2"}} {
		p := netsim.Linux()
		p.Timers = timers
		host, err := w.sim.AddHost(h.name, netip.MustParseAddr(h.ip), p)
		if err != nil {
			t.Fatal(err)
		}
		w.hosts[h.name] = host
	}
	var err error
	if w.link, err = w.sim.AddLink("client", "server", netsim.LinkConfig{Latency: 10 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	return w
}

// env is what one program sees of the world.
type env struct{ w *world }

func (e env) Now() time.Duration { return e.w.sim.Now() }
func (e env) Emit(ev netsim.Event) {
	e.w.log = append(e.w.log, netsim.Format(ev))
}
func (e env) Narrate(m i18n.Message) {
	e.w.said = append(e.w.said, m)
	e.w.log = append(e.w.log, netsim.FormatTime(e.w.sim.Now())+"  narrate "+string(m.ID))
}
func (e env) TraceStates() bool                  { return e.w.trace }
func (e env) Close(_ string, c *netsim.Conn)     { c.Close() }
func (e env) GaveUp(_, _ string, _ *netsim.Conn) {}
func (e env) Resolve(name string) (netip.Addr, bool) {
	if h := e.w.hosts[name]; h != nil {
		return h.Addr(), true
	}
	a, err := netip.ParseAddr(name)
	return a, err == nil
}

// start runs a program named app on host from now.
func (w *world) start(host, app string, steps ...script.Step) *script.Program {
	w.t.Helper()
	proc, err := w.hosts[host].NewProcess(app)
	if err != nil {
		w.t.Fatal(err)
	}
	p := script.New(env{w}, proc, host, app, steps)
	w.progs[app] = p
	w.sim.Do(func() { p.Start(w.sim.Now()) })
	return p
}

// at runs fn as a step of its own at t (a fault of the test).
func (w *world) at(t time.Duration, fn func()) {
	w.sim.RunUntil(t)
	w.sim.Do(fn)
}

// Steps, as a scenario file writes them.
func connect(port uint16) script.Step {
	return script.Step{Call: script.Connect, Host: "server", Port: port}
}
func listen(port uint16, backlog int) script.Step {
	return script.Step{Call: script.Listen, Port: port, Backlog: backlog}
}
func accept() script.Step     { return script.Step{Call: script.Accept, Count: 1} }
func write(n int) script.Step { return script.Step{Call: script.Write, Count: n} }
func read() script.Step       { return script.Step{Call: script.Read} }
func closeFD() script.Step    { return script.Step{Call: script.Close} }
func lingerZero() script.Step {
	return script.Step{Call: script.Close, Opts: []script.Opt{{Name: script.SOLinger}}}
}
func opt(o script.Option, v int64) script.Step {
	return script.Step{Call: script.Setsockopt, Opts: []script.Opt{{Name: o, Value: v}}}
}
func at(t time.Duration, st script.Step) script.Step { st.At, st.HasAt = t, true; return st }
func on(event string, st script.Step) script.Step    { st.On = event; return st }

// The errors a program sees, as Linux reports them: each error once, to
// the call that finds it; after it every write fails with EPIPE and every
// read returns 0 (end of file), and the narration says so once. A call
// that blocks says how long, strace -T's "<1.01 s>", to the millisecond.
// Exact timers (timer_wheel: exact), so every time is the bare rule's.
func TestErrnoSemantics(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(w *world)
		until time.Duration
		want  []string
	}{{
		name: "refused: ECONNREFUSED once, then EPIPE and 0",
		setup: func(w *world) {
			w.start("client", "client", connect(8080), write(10), read(), write(10))
		},
		until: time.Second,
		want: []string{
			"00:00:00.000  syscall   client   socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3",
			// The SYN goes at 0, the RST|ACK comes back a round trip later.
			"00:00:00.020  syscall   client   connect(3, 10.0.0.1:8080) = -1 ECONNREFUSED <0.02 s>",
			"00:00:00.020  narrate narrate.script.refused",
			"00:00:00.020  syscall   client   write(3, 10) = -1 EPIPE",
			"00:00:00.020  narrate narrate.script.after_error",
			"00:00:00.020  syscall   client   read(3) = 0",
			"00:00:00.020  syscall   client   write(3, 10) = -1 EPIPE",
		},
	}, {
		name: "reset while blocked in read: ECONNRESET with how long it waited, then 0 and EPIPE",
		setup: func(w *world) {
			w.start("server", "server", listen(8080, 128), accept(), at(time.Second, lingerZero()))
			w.start("client", "client", connect(8080), read(), read(), write(5))
		},
		until: 2 * time.Second,
		want: []string{
			"00:00:00.000  syscall   server   socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3",
			"00:00:00.000  syscall   server   bind(3, 0.0.0.0:8080) = 0",
			"00:00:00.000  syscall   server   listen(3, 128) = 0",
			"00:00:00.000  syscall   client   socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3",
			"00:00:00.020  syscall   client   connect(3, 10.0.0.1:8080) = 0 <0.02 s>",
			"00:00:00.020  narrate narrate.script.connected",
			// The server's accept blocked from 0 until the handshake's
			// last ACK, one and a half round trips.
			"00:00:00.030  syscall   server   accept(3, 10.0.0.2:47659) = 4 <0.03 s>",
			"00:00:00.030  narrate narrate.script.accepted",
			"00:00:01.000  syscall   server   setsockopt(4, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=0}) = 0",
			"00:00:01.000  syscall   server   close(4) = 0",
			"00:00:01.000  narrate narrate.script.close_linger",
			// The client's read blocked from 0.02 s until the RST came.
			"00:00:01.010  syscall   client   read(3) = -1 ECONNRESET <0.99 s>",
			"00:00:01.010  narrate narrate.script.reset",
			"00:00:01.010  syscall   client   read(3) = 0",
			"00:00:01.010  narrate narrate.script.after_error",
			"00:00:01.010  syscall   client   write(3, 5) = -1 EPIPE",
		},
	}, {
		name: "write after the peer closed: the first succeeds, the RST makes the next EPIPE",
		setup: func(w *world) {
			w.start("server", "server", listen(8080, 128), accept(), at(time.Second, closeFD()))
			w.start("client", "client", connect(8080), at(2*time.Second, write(100)), at(3*time.Second, write(100)),
				write(100), read())
		},
		until: 4 * time.Second,
		want: []string{
			"00:00:00.000  syscall   server   socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3",
			"00:00:00.000  syscall   server   bind(3, 0.0.0.0:8080) = 0",
			"00:00:00.000  syscall   server   listen(3, 128) = 0",
			"00:00:00.000  syscall   client   socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3",
			"00:00:00.020  syscall   client   connect(3, 10.0.0.1:8080) = 0 <0.02 s>",
			"00:00:00.020  narrate narrate.script.connected",
			"00:00:00.030  syscall   server   accept(3, 10.0.0.2:47659) = 4 <0.03 s>",
			"00:00:00.030  narrate narrate.script.accepted",
			"00:00:01.000  syscall   server   close(4) = 0",
			"00:00:01.000  narrate narrate.script.close",
			"00:00:02.000  syscall   client   write(3, 100) = 100",
			// The RST (without ACK) is back at 2.02 s; the write at 3 s
			// is the first call to find it.
			"00:00:03.000  syscall   client   write(3, 100) = -1 EPIPE",
			"00:00:03.000  narrate narrate.script.epipe_reset",
			"00:00:03.000  syscall   client   write(3, 100) = -1 EPIPE",
			"00:00:03.000  narrate narrate.script.after_error",
			"00:00:03.000  syscall   client   read(3) = 0",
		},
	}, {
		name: "connect() = -1 ETIMEDOUT after 19.0 s: TCP_SYNCNT 3 and tcp_syn_linear_timeouts 4",
		setup: func(w *world) {
			w.link.SetUp(false)
			w.start("client", "client", opt(script.TCPSynCnt, 3), connect(8080), write(1), read())
		},
		until: time.Minute,
		want: []string{
			"00:00:00.000  syscall   client   socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3",
			"00:00:00.000  syscall   client   setsockopt(3, SOL_TCP, TCP_SYNCNT, 3) = 0",
			// SYNs at 0, 1, 2, 3, 4, 5, 7 and 11 s (four linear
			// timeouts of 1 s, then doubling); the give-up 8 s after the
			// last: 1 + 1 + 1 + 1 + 1 + 2 + 4 + 8 = 19 s.
			"00:00:19.000  syscall   client   connect(3, 10.0.0.1:8080) = -1 ETIMEDOUT <19.0 s>",
			"00:00:19.000  narrate narrate.script.connect_timeout",
			"00:00:19.000  syscall   client   write(3, 1) = -1 EPIPE",
			"00:00:19.000  narrate narrate.script.after_error",
			"00:00:19.000  syscall   client   read(3) = 0",
		},
	}, {
		name: "a read deadline: EAGAIN after SO_RCVTIMEO, each time, never reported as the socket's error",
		setup: func(w *world) {
			w.start("server", "server", listen(8080, 128), accept())
			w.start("client", "client", connect(8080), opt(script.SORcvTimeo, int64(2*time.Second)), read(), read(),
				write(3))
		},
		until: 10 * time.Second,
		want: []string{
			"00:00:00.000  syscall   server   socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3",
			"00:00:00.000  syscall   server   bind(3, 0.0.0.0:8080) = 0",
			"00:00:00.000  syscall   server   listen(3, 128) = 0",
			"00:00:00.000  syscall   client   socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3",
			"00:00:00.020  syscall   client   connect(3, 10.0.0.1:8080) = 0 <0.02 s>",
			"00:00:00.020  narrate narrate.script.connected",
			"00:00:00.020  syscall   client   setsockopt(3, SOL_SOCKET, SO_RCVTIMEO, {tv_sec=2, tv_usec=0}) = 0",
			"00:00:00.030  syscall   server   accept(3, 10.0.0.2:47659) = 4 <0.03 s>",
			"00:00:00.030  narrate narrate.script.accepted",
			"00:00:02.020  syscall   client   read(3) = -1 EAGAIN <2.0 s>",
			"00:00:02.020  narrate narrate.script.deadline",
			"00:00:04.020  syscall   client   read(3) = -1 EAGAIN <2.0 s>",
			"00:00:04.020  syscall   client   write(3, 3) = 3",
		},
	}, {
		name: "descriptors: a closed one is EBADF, a listening one cannot be read (ENOTCONN)",
		setup: func(w *world) {
			w.start("server", "server", listen(8080, 128), script.Step{Call: script.Read, FD: 3},
				script.Step{Call: script.Write, FD: 7, Count: 1}, closeFD(), closeFD())
		},
		until: time.Second,
		want: []string{
			"00:00:00.000  syscall   server   socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3",
			"00:00:00.000  syscall   server   bind(3, 0.0.0.0:8080) = 0",
			"00:00:00.000  syscall   server   listen(3, 128) = 0",
			"00:00:00.000  syscall   server   read(3) = -1 ENOTCONN",
			"00:00:00.000  narrate narrate.script.call_failed",
			"00:00:00.000  syscall   server   write(7, 1) = -1 EBADF",
			"00:00:00.000  syscall   server   close(3) = 0",
			"00:00:00.000  syscall   server   close(3) = -1 EBADF",
		},
	}, {
		name: "reactions: the errno named wins over on error, and replaces the rest of the steps",
		setup: func(w *world) {
			w.start("client", "client", connect(8080), write(1),
				on("error", script.Step{Call: script.Log, Text: "any"}),
				on("ECONNREFUSED", script.Step{Call: script.Log, Text: "refused"}),
				on("ECONNREFUSED", script.Step{Call: script.Sleep, Sleep: time.Second}),
				on("ECONNREFUSED", closeFD()))
		},
		until: 5 * time.Second,
		want: []string{
			"00:00:00.000  syscall   client   socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3",
			"00:00:00.020  syscall   client   connect(3, 10.0.0.1:8080) = -1 ECONNREFUSED <0.02 s>",
			"00:00:00.020  narrate narrate.script.refused",
			"00:00:00.020  narrate narrate.script.log",
			"00:00:01.020  syscall   client   close(3) = 0",
		},
	}, {
		name: "a write larger than SO_SNDBUF blocks until the ACKs free the send buffer",
		setup: func(w *world) {
			w.start("server", "server", listen(8080, 128), accept(), at(time.Second, read()))
			w.start("client", "client", opt(script.SOSndBuf, 8000), connect(8080), write(100000), closeFD())
		},
		until: 2 * time.Second,
		want: []string{
			"00:00:00.000  syscall   server   socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3",
			"00:00:00.000  syscall   server   bind(3, 0.0.0.0:8080) = 0",
			"00:00:00.000  syscall   server   listen(3, 128) = 0",
			"00:00:00.000  syscall   client   socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3",
			"00:00:00.000  syscall   client   setsockopt(3, SOL_SOCKET, SO_SNDBUF, 8000) = 0",
			"00:00:00.020  syscall   client   connect(3, 10.0.0.1:8080) = 0 <0.02 s>",
			"00:00:00.020  narrate narrate.script.connected",
			"00:00:00.030  syscall   server   accept(3, 10.0.0.2:47659) = 4 <0.03 s>",
			"00:00:00.030  narrate narrate.script.accepted",
			// The kernel keeps 16000 for 8000; the first buffer of the
			// write (22 segments, half the server's window) already fills
			// it. Each round trip's ACKs free room for the next, the
			// server's receive buffer taking it all; once more than half
			// of that buffer waits unread, the server's ACKs wait for
			// its delayed-ACK timer (the window they would offer has
			// shrunk: __tcp_ack_snd_check), 40 ms more.
			"00:00:00.120  syscall   client   write(3, 100000) = 100000 <0.1 s>",
			"00:00:00.120  syscall   client   close(3) = 0",
			"00:00:00.120  narrate narrate.script.close",
			"00:00:01.000  syscall   server   read(4) = 100000",
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, netsim.TimersExact)
			tc.setup(w)
			w.sim.RunUntil(tc.until)
			if diff := cmp.Diff(tc.want, w.log); diff != "" {
				t.Errorf("calls and narrations (-want +got):\n%s", diff)
			}
		})
	}
}

// A program's state, and what the interface shows of it, as its calls
// block and return: waiting for a step's time, blocked in a call for so
// long (with the read's SO_RCVTIMEO as a timer), past its last step.
func TestProgramStatesAndView(t *testing.T) {
	w := newWorld(t, netsim.TimersExact)
	w.trace = true
	w.start("server", "server", listen(8080, 128), accept(), at(3*time.Second, write(10)))
	p := w.start("client", "client", at(time.Second, connect(8080)),
		opt(script.SORcvTimeo, int64(5*time.Second)), read())
	type look struct {
		at      time.Duration
		summary string
		sockets string
		timers  string
	}
	var got []look
	for _, t := range []time.Duration{0, time.Second + 10*time.Millisecond, 2500 * time.Millisecond, 4 * time.Second} {
		w.sim.RunUntil(t)
		v := p.View()
		l := look{at: t, summary: v.State.String() + ": " + v.Summary.In(i18n.English)}
		for _, s := range v.Sockets {
			l.sockets += strings.TrimSpace(s.Conn) + ";"
		}
		for _, tv := range v.Timers {
			l.timers += string(tv.Name) + " " + netsim.FormatTime(tv.Start) + "-" + netsim.FormatTime(tv.Deadline) + ";"
		}
		got = append(got, l)
	}
	want := []look{
		{0, "waiting: step 1 of 3 due at 1s", "", "script.timer.step 00:00:00.000-00:00:01.000;"},
		{time.Second + 10*time.Millisecond, "blocked: blocked in connect(3) for 10ms", "tcp 10.0.0.2:47659 > 10.0.0.1:8080;", ""},
		{2500 * time.Millisecond, "blocked: blocked in read(3) for 1.48s", "tcp 10.0.0.2:47659 > 10.0.0.1:8080;",
			"script.timer.rcvtimeo 00:00:01.020-00:00:06.020;"},
		{4 * time.Second, "done: past its last step", "tcp 10.0.0.2:47659 > 10.0.0.1:8080;", ""},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(look{})); diff != "" {
		t.Errorf("views (-want +got):\n%s", diff)
	}
	var states []string
	for _, l := range w.log {
		if strings.Contains(l, "script ") {
			states = append(states, l)
		}
	}
	wantStates := []string{
		"00:00:00.000  script    server   server down → blocked (step 2)",
		"00:00:00.000  script    client   client down → waiting (step 1)",
		"00:00:01.000  script    client   client waiting → blocked (step 1)",
		"00:00:01.030  script    server   server blocked → waiting (step 3)",
		"00:00:03.000  script    server   server waiting → done (step 0)",
		"00:00:03.010  script    client   client blocked → done (step 0)",
	}
	if diff := cmp.Diff(wantStates, states); diff != "" {
		t.Errorf("state changes (-want +got):\n%s", diff)
	}
	w.sim.Do(p.Down)
	if p.State() != script.Down {
		t.Errorf("after Down: %v, want down", p.State())
	}
}

// On the kernel's timer wheel a connect() that nothing answers ends later
// than the SYN schedule's 131 s; the narration tells the rule from the
// slack (lab/slack), in both languages.
func TestConnectTimeoutTellsTheSlack(t *testing.T) {
	w := newWorld(t, netsim.TimersWheel)
	w.link.SetUp(false)
	w.start("client", "client", connect(8080))
	w.sim.RunUntil(time.Hour)
	var told i18n.Message
	for _, m := range w.said {
		if m.ID == i18n.NarrateScriptConnectSlack {
			told = m
		}
	}
	if told.IsZero() {
		t.Fatalf("no ETIMEDOUT told with its slack: %q", w.log)
	}
	for _, tc := range []struct {
		lang i18n.Lang
		want []string
	}{
		{i18n.English, []string{"ETIMEDOUT <", "2m11s by the rule", "more with the kernel's timer slack"}},
		{i18n.Chinese, []string{"ETIMEDOUT <", "按规则是 2 分 11 秒", "内核的定时器误差又多出"}},
	} {
		got := told.In(tc.lang)
		for _, part := range tc.want {
			if !strings.Contains(got, part) {
				t.Errorf("%v: %q lacks %q", tc.lang, got, part)
			}
		}
	}
}
