package lab

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// One server, three clients: three handshakes, three handlers, the server
// still listening, three distinct 5-tuples.
func TestServerAcceptsThreeClients(t *testing.T) {
	r := newRecorder(t, twoHosts(serverApp(nil), clientApp(func(a *AppConfig) { a.Count = 3; a.Stagger = 100 * time.Millisecond })))
	r.s.RunUntil(time.Second)
	snap := r.s.Snapshot()

	var serverSide []ConnView
	tuples := map[string]bool{}
	for _, c := range snap.Conns {
		if c.Host == "server" {
			serverSide = append(serverSide, c)
			tuples[c.Tuple] = true
		}
	}
	if len(serverSide) != 3 || len(tuples) != 3 {
		t.Fatalf("server side: %d connections, %d distinct 5-tuples; want 3 and 3", len(serverSide), len(tuples))
	}
	for _, c := range serverSide {
		if c.State != "ESTABLISHED" || c.AppState.ID != i18n.StateAlive {
			t.Errorf("%s: %s/%s, want ESTABLISHED/alive", c.Tuple, c.State, c.AppState)
		}
	}
	handshakes := 0
	for _, e := range r.events {
		if s, ok := e.(*netsim.StateEvent); ok && s.Host == "server" && s.To == netsim.Established {
			handshakes++
		}
	}
	if handshakes != 3 {
		t.Errorf("%d handshakes completed on the server, want 3", handshakes)
	}
	srv := r.s.byName["server"].(*server)
	if len(srv.handlers) != 3 {
		t.Errorf("%d handlers, want 3", len(srv.handlers))
	}
	if l := snap.Hosts[0].Listening; len(l) != 1 || l[0].Addr.Port() != 8080 {
		t.Errorf("server listening on %v, want :8080 still", l)
	}
}

// A server on three ports and a group of five clients spread over them:
// client i connects to 8080 + i mod 3; the server listens on all three and
// accepts every one.
func TestServerListensOnSeveralPorts(t *testing.T) {
	r := newRecorder(t, twoHosts(serverApp(func(a *AppConfig) { a.Ports = 3 }),
		clientApp(func(a *AppConfig) { a.Count, a.Ports = 5, 3 })))
	r.s.RunUntil(time.Second)
	snap := r.s.Snapshot()
	var ports []uint16
	for _, l := range snap.Hosts[0].Listening {
		ports = append(ports, l.Addr.Port())
	}
	if want := []uint16{8080, 8081, 8082}; !slices.Equal(ports, want) {
		t.Errorf("server listening on %v, want %v", ports, want)
	}
	var got []string
	for _, c := range snap.Conns {
		if c.Host == "client" {
			got = append(got, c.Tuple[strings.LastIndexByte(c.Tuple, ':')+1:])
		}
	}
	if want := []string{"8080", "8081", "8082", "8080", "8081"}; !slices.Equal(got, want) {
		t.Errorf("clients connected to ports %v, want %v", got, want)
	}
	if srv := r.s.byName["server"].(*server); len(srv.handlers) != 5 {
		t.Errorf("%d handlers, want 5", len(srv.handlers))
	}
}
