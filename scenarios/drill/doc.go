// Package drill runs packetdrill scripts against socklab's simulated Linux
// stack: the Linux kernel's own way of pinning down TCP behaviour, on any
// machine, without root, in simulated time.
//
// A packetdrill script is a list of events, each at a time: system calls
// with their expected results, segments the remote end sends (<) and
// segments the stack must send (>), backtick shell commands (sysctls) and
// %{ … }% blocks asserting tcp_info fields:
//
//	0   socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
//	+0  setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0
//	+0  bind(3, ..., ...) = 0
//	+0  listen(3, 1) = 0
//	+0  < S 0:0(0) win 32792 <mss 1000>
//	+0  > S. 0:0(0) ack 1 <mss 1460>
//	+.1 < . 1:1(0) ack 1 win 257
//	+0  accept(3, ..., ...) = 4
//
// # Files
//
//	lex.go      the tokens, as packetdrill's lexer.l splits a script
//	parse.go    the grammar (packetdrill's parser.y, for what socklab runs)
//	script.go   the parsed script: events, packets, options, syscalls
//	run.go      the runner: the simulated world, times as packetdrill
//	            places them, the result and the first failure
//	packets.go  inbound packets injected, outbound ones held to the script
//	calls.go    the system calls, blocking ones left pending until their
//	            socket answers
//	sockopts.go the socket options setsockopt and getsockopt reach
//	commands.go backtick lines: sysctls and the suites' defaults.sh
//	tcpinfo.go  %{ assert tcpi_… }% blocks
//
// Parse reports every error at its file:line:col (a *scenarios.Error);
// Run refuses, before anything runs, what socklab does not model (UDP,
// ICMP, IPv6 headers, ECN, fast open, MD5, other calls, options, commands)
// as "unsupported: …", never running it halfway; then it runs the script
// against a simulated Linux host (netsim) and a scripted peer
// (netsim.Peer) until the end or the first mismatch, which Failure.In
// reports as packetdrill does:
//
//	res, err := drill.Run(script, drill.Config{})
//	if res.Failure != nil { fmt.Println(res.Failure.In(i18n.English, file)) }
//
// docs/drill.md is the user's guide.
package drill
