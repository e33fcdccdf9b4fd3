package lab

import (
	"net/netip"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// twoHosts is a server and a client host joined by a 1 ms link, with the
// given apps.
func twoHosts(apps ...AppConfig) Config {
	return Config{
		Seed: 1,
		Hosts: []HostConfig{
			{Name: "server", IP: netip.MustParseAddr("10.0.0.1")},
			{Name: "client", IP: netip.MustParseAddr("10.0.0.2")},
		},
		Links: []LinkConfig{{A: "client", B: "server", Latency: time.Millisecond}},
		Apps:  apps,
	}
}

func serverApp(mod func(*AppConfig)) AppConfig {
	a := AppConfig{Name: "server", Kind: KindServer, Host: "server", Port: 8080}
	if mod != nil {
		mod(&a)
	}
	return a
}

func clientApp(mod func(*AppConfig)) AppConfig {
	a := AppConfig{Name: "client", Kind: KindClient, Host: "client", Connect: "server", Port: 8080}
	if mod != nil {
		mod(&a)
	}
	return a
}

// recorder is a session with its events kept.
type recorder struct {
	t      *testing.T
	s      *Session
	events []netsim.Event
}

func newRecorder(t *testing.T, cfg Config) *recorder {
	t.Helper()
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	r := &recorder{t: t, s: s}
	s.Observe(func(e netsim.Event) { r.events = append(r.events, e) })
	return r
}

func (r *recorder) detects() []*DetectEvent {
	var out []*DetectEvent
	for _, e := range r.events {
		if d, ok := e.(*DetectEvent); ok {
			out = append(out, d)
		}
	}
	return out
}

func (r *recorder) apply(a Action) {
	r.t.Helper()
	if err := r.s.Apply(a); err != nil {
		r.t.Fatal(err)
	}
}

// lastFrom is when host last received a segment from peer host (with
// data, if data: an application never sees a bare ACK).
func (r *recorder) lastFrom(host, from string, before time.Duration, data bool) time.Duration {
	var t time.Duration
	for _, e := range r.events {
		if s, ok := e.(*netsim.SegmentEvent); ok && s.Fate == netsim.FateDelivered && s.Where == host &&
			s.SrcHost == from && s.At <= before && (!data || len(s.Packet.Payload) > 0) {
			t = s.At
		}
	}
	return t
}
