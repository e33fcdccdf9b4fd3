// Package scenarios reads scenario files, holds socklab's built-in lesson
// library, and runs scenarios headless, judging their expectations.
//
// A scenario is a YAML file (docs/scenarios.md): what it teaches, the hosts,
// links and middleboxes, the applications (lab's models, or a protocol
// preset), a timeline of faults and changes, and what must happen. Parsing
// is strict: an unknown key (with a did-you-mean), a value of the wrong
// type, a reference to a host that does not exist, a time outside the
// scenario — each is an Error naming the file, line, column and the field's
// path. --set PATH=VALUE edits the tree before it is checked, so it is held
// to the same rules.
//
//	sc, err := scenarios.Load("power-loss-heartbeat", "apps.client.heartbeat.interval=5s")
//	res, err := sc.Run(0, func(e netsim.Event) { fmt.Println(netsim.Format(e)) })
//
// Run adds the contract's expect and summary events to lab's stream.
package scenarios
