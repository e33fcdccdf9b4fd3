package feed

import (
	"fmt"
	"strings"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/format"
)

// FaultText words a fault for the wire: "client lost power".
func FaultText(e *netsim.FaultEvent) string {
	words := map[string]string{
		"power_off": "lost power", "power_on": "powered on", "crash": "crashed", "restart": "restarted",
		"freeze": "frozen", "thaw": "thawed", "link_down": "cable pulled", "link_up": "cable plugged in",
		"partition": "partitioned", "heal": "healed", "firewall_expire": "forgets its flows", "expire": "forgets its flows",
		"stop": "stopped", "link_config": "reconfigured", "idle_timeout": "idle timeout set", "loss": "loss set",
	}
	what, ok := words[e.Action]
	if !ok {
		what = strings.ReplaceAll(e.Action, "_", " ")
	}
	s := processName(e.Target) + " " + what
	for _, st := range e.Settings {
		if k, ok := strings.CutSuffix(st.Key, "_ns"); ok {
			if n, isInt := st.Value.(int64); isInt {
				s += " " + k + "=" + format.Dur(time.Duration(n))
				continue
			}
		}
		s += " " + st.Key + "=" + settingText(st.Value)
	}
	return s
}

func settingText(v any) string {
	switch v := v.(type) {
	case []string:
		return strings.Join(v, ",")
	case time.Duration:
		return netsim.FormatDuration(v)
	}
	return fmt.Sprint(v)
}

// Who names who acts, by the naming rule (docs/interface.md): the
// application instance when an application acts ("clients#861"), else the
// host.
func Who(host, app string) string {
	if app != "" {
		return app
	}
	return host
}

// DetectText: "server: 10.0.0.2:50312 is gone: heartbeat_timeout (silent
// for 45s)", "clients#3: cannot connect to 10.0.0.1:8080: connect_timeout"
// (in English: the markers' and the status line's words).
func DetectText(e *lab.DetectEvent) string {
	return i18n.English.T(i18n.UIRowActor, "Who", Who(e.Host, e.App), "What", e.Message())
}

// FlowText: "fw forgot 10.0.0.2:50312 > 10.0.0.1:8080 after 5m idle".
func FlowText(e *netsim.FlowEvent) string {
	if e.Action == netsim.FlowPickedUp {
		return e.Box + " picked up " + e.Inside.String() + " > " + e.Outside.String() + " mid-stream"
	}
	return e.Box + " forgot " + e.Inside.String() + " > " + e.Outside.String() + " after " + format.Dur(e.Idle) + " idle"
}

// processName renders a fault's "host/process" target as "process" when
// they share a name, "process (on host)" when not.
func processName(target string) string {
	host, proc, ok := strings.Cut(target, "/")
	switch {
	case !ok:
		return target
	case proc == host:
		return proc
	}
	return proc + " (on " + host + ")"
}

// VerdictText is an expectation judged, as `socklab run` prints it in
// lang, without its column: "✔ pass detect server: detected at 1m45.03s
// (heartbeat_timeout)".
func VerdictText(e *scenarios.ExpectEvent, lang i18n.Lang) string {
	return strings.TrimSpace(strings.TrimPrefix(e.LineIn(lang), "expect"))
}
