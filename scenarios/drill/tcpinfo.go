package drill

import (
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
)

// A %{ … }% block is Python that packetdrill runs with the socket's
// tcp_info fields as variables. socklab runs no Python: it reads the
// block's assert lines, each a comparison of a tcpi_ field with a number
// or a constant, and refuses anything else.

// tcpiFields are the tcp_info fields the model can answer, in tcp_info's
// units (tcpi_rto in microseconds).
var tcpiFields = map[string]func(in netsim.TCPInfo) int64{
	"tcpi_state":          func(in netsim.TCPInfo) int64 { return tcpState[in.State] },
	"tcpi_rto":            func(in netsim.TCPInfo) int64 { return int64(in.RTO / time.Microsecond) },
	"tcpi_backoff":        func(in netsim.TCPInfo) int64 { return int64(in.Backoff) },
	"tcpi_retransmits":    func(in netsim.TCPInfo) int64 { return int64(in.Retransmits) },
	"tcpi_probes":         func(in netsim.TCPInfo) int64 { return int64(in.Probes) },
	"tcpi_unacked":        func(in netsim.TCPInfo) int64 { return int64(in.Unacked) },
	"tcpi_snd_cwnd":       func(in netsim.TCPInfo) int64 { return int64(in.SndCwnd) },
	"tcpi_snd_mss":        func(in netsim.TCPInfo) int64 { return int64(in.SndMSS) },
	"tcpi_total_retrans":  func(in netsim.TCPInfo) int64 { return int64(in.TotalRetrans) },
	"tcpi_bytes_received": func(in netsim.TCPInfo) int64 { return int64(in.BytesReceived) },
}

// tcpState numbers the states as include/net/tcp_states.h does.
var tcpState = map[netsim.State]int64{
	netsim.Established: 1, netsim.SynSent: 2, netsim.SynReceived: 3, netsim.FinWait1: 4,
	netsim.FinWait2: 5, netsim.TimeWait: 6, netsim.Closed: 7, netsim.CloseWait: 8,
	netsim.LastAck: 9, netsim.Listen: 10, netsim.Closing: 11,
}

// tcpConstants are the names scripts compare tcpi_state with.
var tcpConstants = map[string]int64{
	"TCP_ESTABLISHED": 1, "TCP_SYN_SENT": 2, "TCP_SYN_RECV": 3, "TCP_FIN_WAIT1": 4,
	"TCP_FIN_WAIT2": 5, "TCP_TIME_WAIT": 6, "TCP_CLOSE": 7, "TCP_CLOSE_WAIT": 8,
	"TCP_LAST_ACK": 9, "TCP_LISTEN": 10, "TCP_CLOSING": 11,
}

// assertion is one "assert LEFT OP RIGHT" line.
type assertion struct {
	text        string
	left, right string
	op          string
}

var compareOps = []string{"==", "!=", "<=", ">=", "<", ">"}

// parseAsserts reads a block's assert statements, one a line or several
// separated by semicolons; any other Python is refused.
func parseAsserts(code string, pos scenarios.Pos) ([]assertion, error) {
	var out []assertion
	for _, line := range strings.FieldsFunc(code, func(r rune) bool { return r == '\n' || r == ';' }) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		unsupported := &scenarios.Error{Pos: pos, Msg: i18n.M(i18n.DrillUnsupported, "What", "%{ "+line+" }%")}
		rest, isAssert := strings.CutPrefix(line, "assert ")
		if !isAssert {
			return nil, unsupported
		}
		rest, _, _ = strings.Cut(rest, ",") // the message after the comma
		a := assertion{text: strings.TrimSpace(rest)}
		for _, op := range compareOps {
			if l, r, found := strings.Cut(rest, op); found {
				a.left, a.op, a.right = strings.TrimSpace(l), op, strings.TrimSpace(r)
				break
			}
		}
		if a.op == "" || !knownOperand(a.left) || !knownOperand(a.right) {
			return nil, unsupported
		}
		out = append(out, a)
	}
	return out, nil
}

func knownOperand(s string) bool {
	if _, isField := tcpiFields[s]; isField {
		return true
	}
	if _, isConst := tcpConstants[s]; isConst {
		return true
	}
	_, err := strconv.ParseInt(s, 0, 64)
	return err == nil
}

func operand(s string, in netsim.TCPInfo) int64 {
	if f, isField := tcpiFields[s]; isField {
		return f(in)
	}
	if v, isConst := tcpConstants[s]; isConst {
		return v
	}
	v, _ := strconv.ParseInt(s, 0, 64)
	return v
}

func holds(a assertion, in netsim.TCPInfo) bool {
	l, r := operand(a.left, in), operand(a.right, in)
	switch a.op {
	case "==":
		return l == r
	case "!=":
		return l != r
	case "<":
		return l < r
	case "<=":
		return l <= r
	case ">":
		return l > r
	}
	return l >= r
}

// code judges a block against the tcp_info of the socket the script used
// last (packetdrill reads the socket under test).
func (r *runner) code(ev *Event) *Failure {
	asserts, _ := parseAsserts(ev.Code, ev.CodePos)
	s := r.fds[r.lastFd]
	var in netsim.TCPInfo
	switch {
	case s != nil && s.conn != nil:
		in = s.conn.Info()
	case s != nil && s.listener != nil:
		in = netsim.TCPInfo{State: netsim.Listen}
	default:
		in = netsim.TCPInfo{State: netsim.Closed}
	}
	for _, a := range asserts {
		if !holds(a, in) {
			field := a.left
			if _, isField := tcpiFields[field]; !isField {
				field = a.right
			}
			return &Failure{Msg: i18n.M(i18n.DrillAssert, "Expr", a.text, "Field", field, "Got", operand(field, in))}
		}
	}
	return nil
}
