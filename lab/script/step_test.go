package script_test

import (
	"errors"
	"testing"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/lab/script"
	"github.com/socklab/socklab/netsim"
)

// A call's line is strace's: the call, its arguments, = and what it
// returned or -1 and the errno's symbol, and <how long it blocked> in
// seconds to the millisecond; the app in brackets when it is not named
// after its host (strace -f's [pid N]).
func TestSyscallLine(t *testing.T) {
	for _, tc := range []struct {
		e    script.SyscallEvent
		want string
	}{
		{script.SyscallEvent{Host: "client", App: "client", Call: "write", FD: 4, Args: "4, 100", Ret: 100},
			"syscall   client   write(4, 100) = 100"},
		{script.SyscallEvent{Host: "server", App: "server", Call: "read", FD: 4, Args: "4", Ret: -1,
			Errno: netsim.ECONNRESET, Blocked: 1010 * time.Millisecond},
			"syscall   server   read(4) = -1 ECONNRESET <1.01 s>"},
		{script.SyscallEvent{Host: "client", App: "clients#3", Call: "connect", FD: 3, Args: "3, 10.0.0.1:8080", Ret: -1,
			Errno: netsim.ETIMEDOUT, Blocked: 19 * time.Second},
			"syscall   client   [clients#3] connect(3, 10.0.0.1:8080) = -1 ETIMEDOUT <19.0 s>"},
		{script.SyscallEvent{Host: "client", App: "client", Call: "read", FD: 3, Args: "3"},
			"syscall   client   read(3) = 0"},
	} {
		if got := tc.e.Line(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
	eof := script.SyscallEvent{Call: "read"}
	if !eof.EOF() || eof.Failed() {
		t.Errorf("read() = 0: EOF %v, failed %v; want an EOF that did not fail", eof.EOF(), eof.Failed())
	}
}

// Seconds is strace -T's figure: to the millisecond, truncated as every
// time shown (netsim.Shown; strace's own microseconds are a timespec's,
// truncated too), trailing zeros dropped but one.
func TestSeconds(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0.0 s"},
		{19 * time.Second, "19.0 s"},
		{500 * time.Millisecond, "0.5 s"},
		{1010 * time.Millisecond, "1.01 s"},
		{133900292748, "133.9 s"},               // the timer wheel's nanoseconds
		{1234567 * time.Microsecond, "1.234 s"}, // cut, not rounded
		{999600 * time.Microsecond, "0.999 s"},
	} {
		if got := script.Seconds(tc.d); got != tc.want {
			t.Errorf("Seconds(%v): got %q, want %q", tc.d, got, tc.want)
		}
	}
}

// errID is the catalog ID of an error from the package, "" for none.
func errID(err error) i18n.ID {
	var se *script.Error
	var ie *i18n.Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &se):
		return se.Msg.ID
	case errors.As(err, &ie):
		return ie.Message.ID
	}
	return "?"
}

// Socket options as a script writes them: the kernel's unit, or a
// duration where the option is a time; each bounded as the kernel bounds
// it.
func TestParseOpt(t *testing.T) {
	for _, tc := range []struct {
		name, value string
		want        script.Opt
		err         i18n.ID
	}{
		{"SO_KEEPALIVE", "true", script.Opt{Name: script.SOKeepalive, Value: 1}, ""},
		{"SO_KEEPALIVE", "0", script.Opt{Name: script.SOKeepalive, Value: 0}, ""},
		{"SO_KEEPALIVE", "yes", script.Opt{}, i18n.ScriptOptValue},
		{"TCP_KEEPIDLE", "5", script.Opt{Name: script.TCPKeepIdle, Value: 5}, ""},
		{"TCP_KEEPIDLE", "2m", script.Opt{Name: script.TCPKeepIdle, Value: 120}, ""},
		{"TCP_KEEPIDLE", "1.5s", script.Opt{}, i18n.ScriptOptValue},  // not whole seconds
		{"TCP_KEEPIDLE", "32768", script.Opt{}, i18n.ScriptOptRange}, // MAX_TCP_KEEPIDLE
		{"TCP_KEEPCNT", "127", script.Opt{Name: script.TCPKeepCnt, Value: 127}, ""},
		{"TCP_KEEPCNT", "128", script.Opt{}, i18n.ScriptOptRange}, // MAX_TCP_KEEPCNT
		{"TCP_USER_TIMEOUT", "30s", script.Opt{Name: script.TCPUserTimeout, Value: 30000}, ""},
		{"TCP_USER_TIMEOUT", "1500", script.Opt{Name: script.TCPUserTimeout, Value: 1500}, ""},
		{"TCP_USER_TIMEOUT", "-1", script.Opt{}, i18n.ScriptOptRange},
		{"TCP_SYNCNT", "0", script.Opt{}, i18n.ScriptOptRange},
		{"SO_LINGER", "0", script.Opt{Name: script.SOLinger, Value: 0}, ""},
		{"SO_LINGER", "5", script.Opt{}, i18n.ScriptLingerPositive}, // a lingering close is not modelled
		{"SO_RCVTIMEO", "5", script.Opt{Name: script.SORcvTimeo, Value: int64(5 * time.Second)}, ""},
		{"SO_RCVTIMEO", "250ms", script.Opt{Name: script.SORcvTimeo, Value: int64(250 * time.Millisecond)}, ""},
		{"SO_SNDBUF", "21000", script.Opt{Name: script.SOSndBuf, Value: 21000}, ""},
		{"SO_RCVBUF", "0", script.Opt{}, i18n.ScriptOptRange},
		{"TCP_MAXSEG", "1000", script.Opt{Name: script.TCPMaxSeg, Value: 1000}, ""},
		{"TCP_MAXSEG", "40", script.Opt{}, i18n.ScriptOptRange}, // below TCP_MIN_MSS
		{"SO_SNDBUFF", "1", script.Opt{}, i18n.ScriptOptUnknown},
	} {
		got, err := script.ParseOpt(tc.name, tc.value)
		if got != tc.want || errID(err) != tc.err {
			t.Errorf("ParseOpt(%s, %s): got %+v, %v; want %+v, %s", tc.name, tc.value, got, err, tc.want, tc.err)
		}
	}
}

// connect's target, shutdown's side and a reaction's event.
func TestTargetShutOn(t *testing.T) {
	for _, tc := range []struct {
		v    string
		host string
		port uint16
		err  i18n.ID
	}{
		{"server:8080", "server", 8080, ""},
		{"10.0.0.1:80", "10.0.0.1", 80, ""},
		{"server", "", 0, i18n.ScriptTargetForm},
		{"server:", "", 0, i18n.ScriptTargetForm},
		{"server:0", "", 0, i18n.ScriptTargetPort},
		{"server:65536", "", 0, i18n.ScriptTargetPort},
		{"::1:80", "", 0, i18n.ScriptTargetIPv4},
	} {
		host, port, err := script.Target(tc.v)
		if host != tc.host || port != tc.port || errID(err) != tc.err {
			t.Errorf("Target(%s): got %s %d %v, want %s %d %s", tc.v, host, port, err, tc.host, tc.port, tc.err)
		}
	}
	for v, want := range map[string]script.Shut{"wr": script.ShutWR, "SHUT_RD": script.ShutRD, "rdwr": script.ShutRDWR, "both": 0} {
		if got, ok := script.ParseShut(v); got != want || ok != (want != 0) {
			t.Errorf("ParseShut(%s): got %v %v, want %v", v, got, ok, want)
		}
	}
	for v, want := range map[string]i18n.ID{"eof": "", "error": "", "EPIPE": "", "ETIMEDOUT": "", "EFOO": i18n.ScriptOnValue, "Eof": i18n.ScriptOnValue} {
		if got := errID(script.ParseOn(v)); got != want {
			t.Errorf("ParseOn(%s): got %q, want %q", v, got, want)
		}
	}
}

// Validate follows the sequence: each call needs a socket of the right
// kind before it; reactions are not followed; the error names the step
// (from 0) and its key.
func TestValidate(t *testing.T) {
	known := func(name string) bool { return name == "server" }
	type where struct {
		step  int
		field string
		id    i18n.ID
	}
	for _, tc := range []struct {
		name  string
		steps []script.Step
		want  where
	}{
		{"a client", []script.Step{connect(8080), write(10), read(), closeFD()}, where{}},
		{"a server", []script.Step{listen(8080, 1), accept(), read(), closeFD()}, where{}},
		{"options before connect", []script.Step{opt(script.TCPNoDelay, 1), connect(8080)}, where{}},
		{"a reaction may act on what the sequence left",
			[]script.Step{connect(8080), on("eof", closeFD()), on("error", script.Step{Call: script.Reconnect})}, where{}},
		{"no steps", nil, where{-1, "", i18n.ScriptNoSteps}},
		{"write before connect", []script.Step{write(1)}, where{0, "write", i18n.ScriptNoConnection}},
		{"accept without listen", []script.Step{connect(8080), accept()}, where{1, "accept", i18n.ScriptAcceptNoListen}},
		{"read on the listening socket", []script.Step{listen(80, 1), read()}, where{1, "read", i18n.ScriptNoConnection}},
		{"close twice", []script.Step{connect(8080), closeFD(), closeFD()}, where{2, "close", i18n.ScriptNothingToClose}},
		{"connect nowhere", []script.Step{{Call: script.Connect, Host: "db", Port: 5432}},
			where{0, "connect", i18n.ScriptConnectNowhere}},
		{"at and after", []script.Step{{Call: script.Connect, Host: "server", Port: 1, HasAt: true, After: time.Second}},
			where{0, "after", i18n.ScriptAtAndAfter}},
		{"reconnect without connect", []script.Step{listen(80, 1), on("error", script.Step{Call: script.Reconnect})},
			where{1, "reconnect", i18n.ScriptReconnectNoConnect}},
		{"write too much", []script.Step{connect(8080), write(script.MaxWrite + 1)}, where{1, "write", i18n.RuleBetweenBytes}},
		{"on what", []script.Step{connect(8080), on("EWHAT", closeFD())}, where{1, "on", i18n.ScriptOnValue}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := script.Validate(tc.steps, known)
			var got where
			var se *script.Error
			if errors.As(err, &se) {
				got = where{se.Step, se.Field, se.Msg.ID}
			} else if err != nil {
				t.Fatalf("not a script.Error: %v", err)
			}
			if got != tc.want {
				t.Errorf("got %+v (%v), want %+v", got, err, tc.want)
			}
		})
	}
}
