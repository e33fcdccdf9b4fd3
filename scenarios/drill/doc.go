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
//	lex.go     the tokens, as packetdrill's lexer.l splits a script
//	parse.go   the grammar (packetdrill's parser.y, for what socklab runs)
//	script.go  the parsed script: events, packets, options, syscalls
//
// Parse reports every error at its file:line:col (a *scenarios.Error);
// constructs the language has and socklab does not model (UDP, ICMP, IPv6
// headers, ECN, fast open, MD5) are refused as "unsupported: …", never
// run halfway. docs/drill.md is the user's guide.
package drill
