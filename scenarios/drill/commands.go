package drill

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
)

// A script's backtick lines are shell commands run as root. socklab runs
// none: it recognises the sysctls scripts set (sysctl -q name=value, also
// several at once) and the suites' defaults.sh, and refuses any other
// command as unsupported.

// sysctl is a setting of net.ipv4 (or net.core) that scripts change: how
// it applies to the host, or nil for one the model has no use for, and the
// values it accepts (nil: any whole number).
type sysctl struct {
	apply func(r *runner, v int64)
	// only, when set, is the one value accepted: a setting the model does
	// not have, accepted at the value that leaves Linux behaving as the
	// model does (tcp_ecn=0).
	only string
	// any says the value is not read: a setting the model has no use for
	// (congestion control and pacing details, fast open keys).
	any bool
	// triple, when set, takes a value written "min default max"
	// (tcp_rmem, tcp_wmem): the buffer a socket starts with and the most
	// it may grow to.
	triple func(p *netsim.Profile, def, most int)
}

func profileInt(set func(r *runner, v int)) func(*runner, int64) {
	return func(r *runner, v int64) { set(r, int(v)) }
}

func profileSecs(set func(r *runner, d time.Duration)) func(*runner, int64) {
	return func(r *runner, v int64) { set(r, time.Duration(v)*time.Second) }
}

var sysctls = map[string]sysctl{
	"net.ipv4.tcp_syn_retries":         {apply: profileInt(func(r *runner, v int) { r.host.Profile().SynRetries = v })},
	"net.ipv4.tcp_synack_retries":      {apply: profileInt(func(r *runner, v int) { r.host.Profile().SynAckRetries = v })},
	"net.ipv4.tcp_syn_linear_timeouts": {apply: profileInt(func(r *runner, v int) { r.host.Profile().SynLinearTimeouts = v })},
	"net.ipv4.tcp_retries2":            {apply: profileInt(func(r *runner, v int) { r.host.Profile().Retries2 = v })},
	"net.ipv4.tcp_orphan_retries":      {apply: profileInt(func(r *runner, v int) { r.host.Profile().OrphanRetries = v })},
	"net.ipv4.tcp_keepalive_probes":    {apply: profileInt(func(r *runner, v int) { r.host.Profile().KeepCnt = v })},
	"net.ipv4.tcp_keepalive_time":      {apply: profileSecs(func(r *runner, d time.Duration) { r.host.Profile().KeepIdle = d })},
	"net.ipv4.tcp_keepalive_intvl":     {apply: profileSecs(func(r *runner, d time.Duration) { r.host.Profile().KeepIntvl = d })},
	"net.ipv4.tcp_fin_timeout":         {apply: profileSecs(func(r *runner, d time.Duration) { r.host.Profile().FinTimeout = d })},
	"net.core.somaxconn":               {apply: profileInt(func(r *runner, v int) { r.host.Profile().SomaxConn = v })},
	"net.core.rmem_max":                {apply: profileInt(func(r *runner, v int) { r.host.Profile().RmemMax = v })},
	"net.core.wmem_max":                {apply: profileInt(func(r *runner, v int) { r.host.Profile().WmemMax = v })},
	"net.ipv4.tcp_sack":                {apply: func(r *runner, v int64) { r.host.Profile().SACK = v != 0 }},
	"net.ipv4.tcp_timestamps":          {apply: func(r *runner, v int64) { r.host.Profile().Timestamps = v != 0 }},
	"net.ipv4.tcp_window_scaling":      {apply: func(r *runner, v int64) { r.host.Profile().WindowScaling = v != 0 }},
	"net.ipv4.tcp_ecn":                 {only: "0"},
	"net.ipv4.tcp_rmem":                {triple: func(p *netsim.Profile, def, most int) { p.RcvBuf, p.RcvBufMax = def, most }},
	// The send buffer a socket starts with, which getsockopt(SO_SNDBUF)
	// reads; the model bounds a send queue only by SO_SNDBUF.
	"net.ipv4.tcp_wmem":                  {triple: func(p *netsim.Profile, def, most int) { p.SndBuf, p.SndBufMax = def, most }},
	"net.ipv4.tcp_frto":                  {any: true},
	"net.ipv4.tcp_dsack":                 {any: true},
	"net.ipv4.tcp_fack":                  {any: true},
	"net.ipv4.tcp_reordering":            {any: true},
	"net.ipv4.tcp_congestion_control":    {any: true},
	"net.ipv4.tcp_slow_start_after_idle": {any: true},
	"net.ipv4.tcp_early_retrans":         {any: true},
	"net.ipv4.tcp_recovery":              {any: true},
	"net.ipv4.tcp_tso_win_divisor":       {any: true},
	"net.ipv4.tcp_pacing_ss_ratio":       {any: true},
	"net.ipv4.tcp_pacing_ca_ratio":       {any: true},
	"net.ipv4.tcp_notsent_lowat":         {any: true},
	"net.ipv4.tcp_fastopen":              {any: true},
	"net.ipv4.tcp_fastopen_key":          {any: true},
	"net.ipv4.tcp_syncookies":            {any: true},
	"net.ipv4.tcp_min_tso_segs":          {any: true},
	"net.ipv4.tcp_autocorking":           {any: true},
	"net.ipv4.tcp_mtu_probing":           {only: "0"},
}

// defaultsScripts are the suites' defaults.sh, as the scripts call them:
// the Linux selftests' (tools/testing/selftests/net/packetdrill) and
// google/packetdrill's (gtests/net/common). Their sysctls that the model
// has are applied; the rest (tcp_metrics flush, the tun device's qdisc)
// touch nothing it models.
var defaultsScripts = map[string][]string{
	"./defaults.sh":            {"net.ipv4.tcp_rmem=4096 540000 15728640", "net.ipv4.tcp_wmem=4096 262144 4194304", "net.ipv4.tcp_timestamps=1", "net.ipv4.tcp_syn_retries=5", "net.ipv4.tcp_synack_retries=5", "net.ipv4.tcp_sack=1", "net.ipv4.tcp_ecn=0"},
	"../common/defaults.sh":    googleDefaults,
	"../../common/defaults.sh": googleDefaults,
}

// googleDefaults are the settings of google/packetdrill's
// gtests/net/common/defaults.sh that the model has or accepts.
var googleDefaults = []string{"net.ipv4.tcp_rmem=4096 540000 15728640", "net.ipv4.tcp_wmem=4096 262144 4194304",
	"net.ipv4.tcp_timestamps=1", "net.ipv4.tcp_syn_retries=5", "net.ipv4.tcp_synack_retries=5", "net.ipv4.tcp_sack=1",
	"net.ipv4.tcp_ecn=0"}

// IsInitScript says whether socklab knows the shell script name, as
// packetdrill's --init_scripts names it: one of the suites' defaults.sh.
func IsInitScript(name string) bool {
	_, ok := defaultsScripts[name]
	return ok
}

// restoreScript is what set_sysctls.py leaves for the cleanup command.
var restoreScript = regexp.MustCompile(`^/tmp/sysctl_restore_\$\{PPID\}\.sh$`)

// commandSettings turns a command line into name=value settings, or says
// which part it does not recognise.
func commandSettings(cmd string) ([]string, string) {
	var out []string
	for _, part := range splitCommands(cmd) {
		if d, isDefaults := defaultsScripts[part]; isDefaults {
			out = append(out, d...)
			continue
		}
		if restoreScript.MatchString(part) {
			continue // set_sysctls.py's restore script: the run ends with the host anyway
		}
		fields := shellFields(part)
		if len(fields) >= 2 && fields[0] == "./set_sysctls.py" {
			// The selftests' helper: /proc/sys/net/ipv4/NAME=VALUE ...
			for _, f := range fields[1:] {
				name, found := strings.CutPrefix(f, "/proc/sys/")
				if !found || !strings.Contains(name, "=") {
					return nil, part
				}
				k, v, _ := strings.Cut(name, "=")
				out = append(out, strings.ReplaceAll(k, "/", ".")+"="+v)
			}
			continue
		}
		if len(fields) < 2 || fields[0] != "sysctl" {
			return nil, part
		}
		for _, f := range fields[1:] {
			switch {
			case f == "-q" || f == "-w" || f == "-qw":
			case strings.Contains(f, "="):
				out = append(out, f)
			default:
				return nil, part
			}
		}
	}
	return out, ""
}

// splitCommands splits on ; && and new lines.
func splitCommands(cmd string) []string {
	var out []string
	for _, line := range strings.FieldsFunc(cmd, func(r rune) bool { return r == '\n' || r == ';' }) {
		for _, part := range strings.Split(line, "&&") {
			if p := strings.TrimSpace(part); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// shellFields splits a command into words, keeping "quoted strings" whole
// (without their quotes).
func shellFields(s string) []string {
	var out []string
	var cur strings.Builder
	quoted, in := false, false
	for _, c := range s {
		switch {
		case c == '"':
			quoted, in = !quoted, true
		case (c == ' ' || c == '\t') && !quoted:
			if in {
				out = append(out, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(c)
			in = true
		}
	}
	if in {
		out = append(out, cur.String())
	}
	return out
}

// checkSetting refuses a sysctl the model cannot honour.
func checkSetting(kv string) (sysctl, int64, bool) {
	name, v, _ := strings.Cut(kv, "=")
	s, known := sysctls[name]
	if !known {
		return s, 0, false
	}
	if s.any {
		return s, 0, true
	}
	if s.triple != nil {
		_, _, ok := memTriple(v)
		return s, 0, ok
	}
	if s.only != "" {
		return s, 0, v == s.only
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 0, 32)
	return s, n, err == nil && n >= 0
}

// memTriple reads tcp_rmem's or tcp_wmem's "min default max": the buffer
// a socket starts with, and the most it may grow to (for tcp_rmem, which
// decides the window scale).
func memTriple(v string) (def, most int, ok bool) {
	f := strings.Fields(v)
	if len(f) != 3 {
		return 0, 0, false
	}
	var n [3]int
	for i, x := range f {
		v, err := strconv.Atoi(x)
		if err != nil || v <= 0 || v > 1<<30 {
			return 0, 0, false
		}
		n[i] = v
	}
	return n[1], max(n[1], n[2]), n[0] <= n[1]
}

// checkCommand refuses a command, or a setting, socklab cannot honour.
func checkCommand(ev *Event) error {
	settings, bad := commandSettings(ev.Command)
	if bad != "" {
		return &scenarios.Error{Pos: ev.Pos, Msg: i18n.M(i18n.DrillUnsupported, "What", "`"+bad+"`")}
	}
	for _, kv := range settings {
		if _, _, ok := checkSetting(kv); !ok {
			return &scenarios.Error{Pos: ev.Pos, Msg: i18n.M(i18n.DrillUnsupported, "What", "sysctl "+kv)}
		}
	}
	return nil
}

// command applies a checked command's sysctls to the host.
func (r *runner) command(cmd string) {
	settings, _ := commandSettings(cmd)
	for _, kv := range settings {
		s, v, ok := checkSetting(kv)
		switch {
		case ok && s.triple != nil:
			_, value, _ := strings.Cut(kv, "=")
			def, most, _ := memTriple(value)
			s.triple(r.host.Profile(), def, most)
		case ok && s.apply != nil:
			s.apply(r, v)
		}
	}
}
