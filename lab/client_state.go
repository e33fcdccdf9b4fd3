package lab

import (
	"fmt"
	"time"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/netsim"
)

// ClientState is where a client is in its life (the diagram of doc.go).
// Every change goes through client.become, which checks it against
// clientTransitions and records it as a ClientStateEvent.
type ClientState uint8

// Client states. The zero state is ClientDown: a client whose process has
// not started yet is as down as one that crashed.
const (
	ClientDown       ClientState = iota // its process does not run: not started, crashed, powered off
	ClientIdle                          // started; its first connect is not due yet
	ClientConnecting                    // a connect attempt is under way
	ClientConnected                     // connected (over UDP: its pings are answered)
	ClientWaiting                       // for its next attempt (over UDP: the server fell silent)
	ClientGaveUp                        // it makes no more attempts (reconnect none, or max_attempts)
)

var clientStateNames = [...]struct {
	name string
	doc  i18n.ID
}{
	ClientDown:       {"down", i18n.DocClientDown},
	ClientIdle:       {"idle", i18n.DocClientIdle},
	ClientConnecting: {"connecting", i18n.DocClientConnecting},
	ClientConnected:  {"connected", i18n.DocClientConnected},
	ClientWaiting:    {"waiting", i18n.DocClientWaiting},
	ClientGaveUp:     {"gave_up", i18n.DocClientGaveUp},
}

// clientStateLabels word the states for the interface.
var clientStateLabels = [...]i18n.ID{
	ClientDown:       i18n.StateDown,
	ClientIdle:       i18n.StateIdle,
	ClientConnecting: i18n.StateConnecting,
	ClientConnected:  i18n.StateConnected,
	ClientWaiting:    i18n.StateWaiting,
	ClientGaveUp:     i18n.StateGaveUp,
}

// String is the state's code, as the client_state event and the
// connections pane show it: "connecting", "gave_up".
func (s ClientState) String() string {
	if int(s) < len(clientStateNames) {
		return clientStateNames[s].name
	}
	return fmt.Sprintf("ClientState(%d)", s)
}

// Doc is what the state means, a message of the catalog.
func (s ClientState) Doc() i18n.ID {
	if int(s) < len(clientStateNames) {
		return clientStateNames[s].doc
	}
	return ""
}

// ClientStates lists the states, in the order the documentation shows
// them.
func ClientStates() []ClientState {
	out := make([]ClientState, len(clientStateNames))
	for i := range out {
		out[i] = ClientState(i)
	}
	return out
}

// clientTransitions lists the changes a client makes, besides going down,
// which any state may. Anything else is a bug in the model, and become
// panics on it, as netsim's setState does for TCP.
var clientTransitions = map[[2]ClientState]bool{
	{ClientDown, ClientIdle}:            true, // boot: the process starts
	{ClientIdle, ClientConnecting}:      true, // the first connect (TCP)
	{ClientIdle, ClientConnected}:       true, // the first "connect" over UDP: a bound socket
	{ClientIdle, ClientWaiting}:         true, // the first connect() failed at once, on this host
	{ClientIdle, ClientGaveUp}:          true, // ... and no retry
	{ClientConnecting, ClientConnected}: true, // SYN-ACK
	{ClientConnecting, ClientWaiting}:   true, // refused, timed out: a retry is scheduled
	{ClientConnecting, ClientGaveUp}:    true, // ... or not
	{ClientConnected, ClientWaiting}:    true, // lost (FIN, RST, timeout, heartbeat): reconnect; over UDP, silence
	{ClientConnected, ClientGaveUp}:     true, // lost, and no reconnect
	{ClientWaiting, ClientConnecting}:   true, // the retry timer fires
	{ClientWaiting, ClientConnected}:    true, // over UDP: an answer again (or a retry's bound socket)
	{ClientWaiting, ClientGaveUp}:       true, // a retry's connect() failed at once, and it was the last
}

// become moves the client to state to: a change of the table, or to down
// from anywhere. The change is an event when the session traces states.
// Staying in the same state is no change (a retry failing at once keeps
// the client waiting).
func (c *client) become(to ClientState) {
	from := c.state
	if from == to {
		return
	}
	if to != ClientDown && !clientTransitions[[2]ClientState{from, to}] {
		panic("lab: invalid transition [" + from.String() + " -> " + to.String() + "] of client " + c.name)
	}
	c.state = to
	if s := c.s; s.traceStates {
		s.emit(&ClientStateEvent{At: s.Now(), Host: c.cfg.Host, App: c.name, From: from, To: to})
	}
}

// TraceStates turns ClientStateEvents on or off: every change of a
// client's state, as an event of kind "client_state". Call it before the
// run starts to see them all.
func (s *Session) TraceStates(on bool) { s.traceStates = on }

// ClientStateEvent records a client's change of state (kind
// "client_state"; only when the session traces states).
type ClientStateEvent struct {
	At       time.Duration
	Host     string
	App      string // the client: "client", or "clients#17" in a group
	From, To ClientState
}

func (e *ClientStateEvent) When() time.Duration { return e.At }
func (e *ClientStateEvent) Kind() string        { return "client_state" }
func (e *ClientStateEvent) Line() string {
	return fmt.Sprintf("%-9s %-8s %s %s → %s", "client", e.Host, e.App, e.From, e.To)
}
func (e *ClientStateEvent) AppendFields(f *netsim.Fields) {
	f.Str("host", e.Host)
	f.Str("app", e.App)
	f.Str("from", e.From.String())
	f.Str("to", e.To.String())
}
