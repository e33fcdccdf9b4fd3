package feed

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/socklab/socklab/lab"
	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
	"github.com/socklab/socklab/scenarios"
	"github.com/socklab/socklab/ui/format"
)

// The wire's rows that are not packets, and the timeline's markers, are
// messages of the catalog (lab/i18n, cat_state.go): the interface renders
// them in its reader's language when it draws them.

// faultWords word a fault's action: "lost power".
var faultWords = map[string]i18n.ID{
	netsim.FaultPowerOff: i18n.WireLostPower, netsim.FaultPowerOn: i18n.WirePoweredOn, netsim.FaultCrash: i18n.WireCrashed,
	string(lab.Restart): i18n.WireRestarted, netsim.FaultFreeze: i18n.WireFrozen, netsim.FaultThaw: i18n.WireThawed,
	netsim.FaultLinkDown: i18n.WireCablePulled, netsim.FaultLinkUp: i18n.WireCablePlug, netsim.FaultPartition: i18n.WirePartitioned,
	netsim.FaultHeal: i18n.WireHealed, netsim.FaultExpireFlows: i18n.WireForgets, string(lab.Stop): i18n.WireStopped,
	netsim.FaultLinkConfig: i18n.WireReconfig, netsim.FaultIdleTimeout: i18n.WireIdleSet, netsim.FaultLoss: i18n.WireLossSet,
}

// FaultText words a fault for the wire: "client lost power", with its
// settings as the event has them ("loss=0.03").
func FaultText(e *netsim.FaultEvent) i18n.Message {
	var what any = e.Action // an action without words shows its code
	if id, ok := faultWords[e.Action]; ok {
		what = i18n.M(id)
	}
	var settings strings.Builder
	for _, st := range e.Settings {
		if k, ok := strings.CutSuffix(st.Key, "_ns"); ok {
			if n, isInt := st.Value.(int64); isInt {
				settings.WriteString(" " + k + "=" + format.Dur(time.Duration(n)))
				continue
			}
		}
		settings.WriteString(" " + st.Key + "=" + settingText(st.Value))
	}
	return i18n.M(i18n.WireFault, "Who", processName(e.Target), "What", what, "Settings", settings.String())
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

// DetectText: "server: 10.0.0.2:50312 is gone: silent for 45s ≥
// heartbeat.expect 45s", "clients#3: cannot connect to 10.0.0.1:8080: connect_timeout"
// (the markers' and the status line's words).
func DetectText(e *lab.DetectEvent) i18n.Message {
	return i18n.M(i18n.UIRowActor, "Who", Who(e.Host, e.App), "What", e.Message())
}

// FlowText: "fw forgot 10.0.0.2:50312 > 10.0.0.1:8080 after 5m idle".
func FlowText(e *netsim.FlowEvent) i18n.Message {
	flow := e.Inside.String() + " > " + e.Outside.String()
	if e.Action == netsim.FlowPickedUp {
		return i18n.M(i18n.WirePickedUp, "Box", e.Box, "Flow", flow)
	}
	return i18n.M(i18n.WireForgot, "Box", e.Box, "Flow", flow, "Idle", netsim.Shown(e.Idle))
}

// ParamText: "apps.client.heartbeat.interval = 5s".
func ParamText(e *lab.ParamEvent) i18n.Message {
	return i18n.M(i18n.WireParam, "Path", e.Path, "Value", e.Value)
}

// StateText: "server ESTABLISHED → CLOSE_WAIT".
func StateText(e *netsim.StateEvent) i18n.Message {
	return i18n.M(i18n.WireState, "Host", e.Host, "From", e.From.String(), "To", e.To.String())
}

// processName names a fault's "host/process" target: "process" when they
// share a name, "process (on host)" when not.
func processName(target string) any {
	host, proc, ok := strings.Cut(target, "/")
	switch {
	case !ok:
		return target
	case proc == host:
		return proc
	}
	return i18n.M(i18n.WireOnHost, "App", proc, "Host", host)
}

// VerdictText is an expectation judged, as `socklab run` prints it in
// lang, without its column: "✔ pass detect server: detected at 1m45.03s
// (heartbeat_timeout)".
func VerdictText(e *scenarios.ExpectEvent, lang i18n.Lang) string {
	return strings.TrimSpace(strings.TrimPrefix(e.LineIn(lang), "expect"))
}

// MessageLabel is what the interface calls the application message a
// packet's payload starts with, in l: "ping #6", "pong #6", "response",
// "poll"; "" for a segment without one.
func MessageLabel(r *Row, l i18n.Lang) string {
	name := r.Msg
	switch r.Msg {
	case "heartbeat":
		name = "ping"
	case "heartbeat_ack":
		name = "pong"
	case "poll_response":
		name = l.T(i18n.UIResponse)
	}
	if name != "" && r.Beat != 0 {
		name += " #" + strconv.FormatUint(uint64(r.Beat), 10)
	}
	return name
}

// whyLabels say a drop's reason in a row's few words.
var whyLabels = map[netsim.Why]i18n.ID{
	netsim.WhyLoss:        i18n.WhyLoss,
	netsim.WhyLinkDown:    i18n.WhyLinkDown,
	netsim.WhyHostDown:    i18n.WhyHostDown,
	netsim.WhyFirewall:    i18n.WhyFirewall,
	netsim.WhyNoRoute:     i18n.WhyNoRoute,
	netsim.WhyBacklogFull: i18n.WhyBacklogFull,
	netsim.WhyPartition:   i18n.WhyPartition,
	netsim.WhyPortClosed:  i18n.WhyPortClosed,
}

// WhyLabel is a drop's reason as the wire's row and the inspector say it
// ("host off"),
// or the event stream's code for a reason the table lacks.
func WhyLabel(w netsim.Why, l i18n.Lang) string {
	if id, ok := whyLabels[w]; ok {
		return l.T(id)
	}
	return w.String()
}
