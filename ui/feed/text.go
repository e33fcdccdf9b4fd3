package feed

import (
	"fmt"
	"strings"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/netsim"
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

// DetectText: "server: 10.0.0.2:50312 is gone (heartbeat timeout, silent 45.0s)".
func DetectText(e *lab.DetectEvent) string {
	s := e.Host + ": " + e.Peer + " is gone (" + strings.ReplaceAll(e.Cause.String(), "_", " ")
	if e.Silent > 0 {
		s += ", silent " + format.Dur(e.Silent)
	}
	return s + ")"
}

// ReconnectText: "client will reconnect in 1.0s (attempt 1)".
func ReconnectText(e *lab.ReconnectEvent) string {
	who := e.App
	if who == "" {
		who = e.Host
	}
	switch e.Outcome {
	case lab.ReconnectScheduled:
		return who + " will reconnect in " + format.Dur(e.Delay) + " (attempt " + format.Itoa(e.Attempt) + ")"
	case lab.ReconnectConnected:
		return who + " reconnected (attempt " + format.Itoa(e.Attempt) + ")"
	}
	return who + " reconnect attempt " + format.Itoa(e.Attempt) + " failed: " + e.Error
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
