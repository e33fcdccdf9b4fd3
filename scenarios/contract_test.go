package scenarios

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/socklab/socklab/netsim"
)

// The fields CONTRACT.md promises for each kind of the JSON stream, with
// the JSON type each must have.
var contract = map[string]map[string]string{
	"segment":      {"proto": "string", "from": "string", "to": "string", "len": "number", "fate": "string"},
	"tcp_state":    {"host": "string", "conn": "string", "from": "string", "to": "string"},
	"socket_error": {"host": "string", "conn": "string", "error": "string"},
	"app":          {"host": "string", "conn": "string", "dir": "string", "msg": "string", "bytes": "number"},
	"detect":       {"host": "string", "conn": "string", "peer": "string", "cause": "string"},
	"reconnect":    {"host": "string", "attempt": "number", "delay_ns": "number", "outcome": "string"},
	"fault":        {"action": "string", "target": "string"},
	"narration":    {"text": "string"},
	"expect":       {"name": "string", "ok": "bool", "detail": "string"},
	"summary":      {"sim_ns": "number", "events": "number", "expectations_passed": "number", "expectations_failed": "number"},
	"syscall":      {"host": "string", "app": "string", "call": "string", "args": "string", "ret": "number", "blocked_ns": "number"},
	// Kinds socklab adds (CONTRACT.md allows new kinds).
	"flow":   {"box": "string", "action": "string", "proto": "string", "inside": "string", "outside": "string"},
	"param":  {"path": "string", "value": "string"},
	"timer":  {"host": "string", "conn": "string", "timer": "string", "action": "string"},
	"log":    {"host": "string", "app": "string", "level": "string", "text": "string", "id": "string"},
	"notice": {"host": "string", "app": "string", "text": "string", "id": "string"},
}

// The contract's lists, spelled here as CONTRACT.md spells them and not
// taken from the code: the test is there to catch the code drifting from
// them (a failure's error text as a cause, say).
var (
	contractStates = []string{"LISTEN", "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2",
		"CLOSE_WAIT", "CLOSING", "LAST_ACK", "TIME_WAIT", "CLOSED"}
	contractCauses = []string{"fin", "rst", "keepalive", "retransmit_timeout", "user_timeout", "heartbeat_timeout",
		"idle_timeout", "connect_timeout", "refused"}
)

// Values the contract enumerates.
var enums = map[string][]string{
	"segment.proto":      {"tcp", "udp"},
	"segment.fate":       {"sent", "delivered", "dropped"},
	"segment.flags":      {"SYN", "SYN|ACK", "ACK", "PSH|ACK", "FIN|ACK", "RST", "RST|ACK", "FIN|PSH|ACK"},
	"segment.why":        {"loss", "link-down", "host-down", "firewall", "no-route", "backlog-full", "partition", "port-closed"},
	"tcp_state.to":       contractStates,
	"tcp_state.from":     contractStates,
	"socket_error.error": {"ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EOF"},
	"app.dir":            {"send", "recv"},
	"detect.cause":       contractCauses,
	"reconnect.outcome":  {"scheduled", "connected", "failed"},
	"syscall.call":       syscallNames,
	"syscall.errno":      errnoNames(),
}

func jsonType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "bool"
	case []any:
		return "array"
	}
	return fmt.Sprintf("%T", v)
}

// Every line of every built-in's --json run decodes, in time order, with
// the fields CONTRACT.md requires for its kind; the summary comes last.
// Every other field is documented in docs/events.md (eventsDoc), and every
// segment field documented there appears.
func TestJSONStreamFollowsContract(t *testing.T) {
	doc := readEventsDoc(t)
	seen := map[string]bool{}
	defer doc.complete(t, seen)
	for _, info := range List() {
		t.Run(info.Name, func(t *testing.T) {
			sc, err := Load(info.Name)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			var line []byte
			if _, err := sc.Run(0, func(e netsim.Event) {
				line = netsim.AppendJSON(line[:0], e)
				buf.Write(line)
				buf.WriteByte('\n')
			}); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
			var last float64
			for i, l := range lines {
				var obj map[string]any
				if err := json.Unmarshal([]byte(l), &obj); err != nil {
					t.Fatalf("line %d is not JSON: %v\n%s", i+1, err, l)
				}
				kind, _ := obj["kind"].(string)
				tns, ok := obj["t_ns"].(float64)
				if !ok || kind == "" {
					t.Fatalf("line %d lacks t_ns or kind: %s", i+1, l)
				}
				if tns < last {
					t.Fatalf("line %d goes back in time (%v after %v): %s", i+1, tns, last, l)
				}
				last = tns
				fields, known := contract[kind]
				if !known {
					t.Fatalf("line %d has an unknown kind %q", i+1, kind)
				}
				for f, typ := range fields {
					if got := jsonType(obj[f]); got != typ {
						t.Fatalf("line %d (%s): field %q is %s, want %s\n%s", i+1, kind, f, got, typ, l)
					}
				}
				for key, allowed := range enums {
					k, f, _ := strings.Cut(key, ".")
					if k != kind {
						continue
					}
					if v, present := obj[f]; present && !slices.Contains(allowed, v.(string)) {
						t.Fatalf("line %d (%s): %s is %q, not one of %v", i+1, kind, f, v, allowed)
					}
				}
				if kind == "segment" && obj["fate"] == "dropped" && obj["why"] == nil {
					t.Fatalf("line %d: a dropped segment without why: %s", i+1, l)
				}
				if kind == "segment" && obj["proto"] == "tcp" && (obj["flags"] == nil || obj["seq"] == nil || obj["ack"] == nil) {
					t.Fatalf("line %d: a TCP segment without flags, seq or ack: %s", i+1, l)
				}
				doc.check(t, obj, seen)
				if (kind == "summary") != (i == len(lines)-1) {
					t.Fatalf("line %d: the summary must be the last line, and only it", i+1)
				}
			}
		})
	}
}
