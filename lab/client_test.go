package lab

import (
	"strings"
	"testing"

	"github.com/socklab/socklab/netsim"
)

// A connect() that fails on the client's own host (every ephemeral port
// taken: EADDRNOTAVAIL) tells nothing about the peer: it is no detection,
// and above all its error text never becomes a detection's cause. The
// client tries again on its backoff schedule.
func TestConnectFailingLocallyIsNoDetection(t *testing.T) {
	r := newRecorder(t, twoHosts(serverApp(nil), clientApp(func(a *AppConfig) { a.Count = 2 })))
	prof := r.s.Sim().Host("client").Profile()
	prof.EphemeralLow, prof.EphemeralHigh = 40000, 40000
	r.s.RunUntil(1500e6)

	for _, d := range r.detects() {
		if _, ok := netsim.ParseCause(d.Cause.String()); !ok {
			t.Errorf("a detection with a cause outside the table: %s", d.Line())
		}
	}
	if n := len(r.detects()); n != 0 {
		t.Errorf("%d detections, want none: the peer was never reached", n)
	}
	var said, scheduled bool
	for _, e := range r.events {
		switch e := e.(type) {
		case *NarrationEvent:
			said = said || strings.Contains(e.Msg.String(), "client#2 (on client): connect() to 10.0.0.1:8080 failed at once with EADDRNOTAVAIL")
		case *ReconnectEvent:
			scheduled = scheduled || (e.App == "client#2" && e.Outcome == ReconnectScheduled && e.Attempt == 2)
		}
	}
	if !said || !scheduled {
		t.Errorf("narrated %v, second attempt scheduled %v; want both", said, scheduled)
	}
}
