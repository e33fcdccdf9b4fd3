// Package lab models the applications of the article socklab grew from,
// on netsim's sockets: servers that accept many clients, clients that
// connect, send heartbeats, detect a dead peer and reconnect with a backoff
// policy, protocol presets (MQTT, Socket.IO, gRPC, WebSocket, SSH, Netty,
// TCP keepalive), and pollers that compare short polling, long polling and
// push.
//
// A Session is the one façade the interface, the headless runner and the
// tests drive:
//
//	s, err := lab.New(cfg)          // defaults applied, validated
//	s.Observe(func(e netsim.Event) { ... })
//	s.RunUntil(10 * time.Minute)    // or Step, RunFor, NextAt
//	s.Apply(lab.Action{Do: "power_off", Target: "client"})
//	snap := s.Snapshot()            // hosts, connections, timers, counters
//
// Like netsim, lab is deterministic: its models run on virtual time, draw
// from the run's one random generator, and start no goroutine (netsim's
// TestCoreIsPure checks this package too). Every model's timer belongs to
// its application's process, so freezing an application freezes its
// heartbeat while its kernel goes on answering.
//
// # Events
//
// To netsim's events lab adds the contract's app (a message sent or
// received), detect (the moment a side concludes its peer is gone, and
// why), reconnect (scheduled, connected, failed) and narration (what just
// happened, in plain words), and param (a live parameter change), log and
// notice: the heartbeat recipe ends in "reconnect, log, notify the user",
// so a client that loses its peer writes a log line and tells its user,
// and a server's handler logs (notify.go).
//
// Observe and ObserveTransient hand an observer every event. ObserveKinds
// names the kinds of netsim's events an observer needs as values, and
// whether it needs the app events; it is handed those and the lab's own,
// and an event nobody needs is counted (Progress, the budget) but never
// built: the headless runner with nothing to print has the drops its
// judges look at built, and counts the segments sent and delivered
// (observe.go).
//
// # Belief and truth
//
// The snapshot gives each connection end what its socket believes (its TCP
// state, its app's view, how long since it heard anything) beside the
// truth the simulator knows of the peer (Truth: powered off, crashed,
// frozen, a middlebox forgot the flow, a cable is pulled, the peer's socket
// is gone, alive), marks a half-open connection until its end detects the
// loss, and then shows the detection (truth.go).
//
// # The ledger
//
// The sub-package sockcall holds the rules of socket calls (errnos, when
// a blocked call returns) that socket scripts (sub-package script) and
// drill share.
//
// The sub-package tally counts what a run costs from its event stream:
// segments and bytes by class per connection end and per app, keep-alive
// bytes per connection-minute against detection time, pollers' latency,
// a group's connection attempts per 100 ms.
//
// # A client's life
//
// A client's state (ClientState) changes only through one method that
// checks the change against a table and, when the session traces states
// (TraceStates), records it as a client_state event:
//
//	        boot          connect           SYN-ACK
//	down ─────────▶ idle ─────────▶ connecting ─────────▶ connected
//	                  │              │      ▲                  │
//	       connect()  │    refused,  │      │ backoff          │ FIN, RST, ETIMEDOUT,
//	   fails at once  │    timed out │      │ timer            │ heartbeat dead
//	                  ▼              ▼      │                  │
//	                  └──────────▶ waiting ◀───────────────────┘
//
// Where the policy allows no more attempts (reconnect none,
// max_attempts), the arrows into waiting lead to gave_up instead; a crash
// or power cut takes any state to down. Over UDP there is no connection:
// the client is connected while its pings are answered, and waiting while
// they are not.
package lab
