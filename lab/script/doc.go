// Package script runs socket scripts: applications written as a list of
// socket calls, each made at a time or when something happens, in the
// spirit of packetdrill's syscall lines and of what strace shows of a
// program. A scenario's app of kind script holds one (docs/scenarios.md,
// "Socket scripts"); the lab package runs a Program for it in a process of
// its host.
//
//	steps:
//	  - connect: server:8080          # socket() = 3, connect(3, 10.0.0.1:8080) = 0 <0.02 s>
//	  - {at: 2s, write: 100}          # write(3, 100) = 100
//	  - read                          # read(3) = -1 ECONNRESET <1.01 s>
//	  - {on: error, log: "lost it"}   # a reaction: replaces the rest of the steps
//
// Every call is a SyscallEvent (kind "syscall") when it returns, with how
// long it blocked, and errors are those Linux reports, as netsim's sockets
// report them: once, then EPIPE on write and 0 (EOF) on read. Signals are
// not modelled: where Linux would send SIGPIPE, the narration says so.
//
// # A program's life
//
// A program is single-threaded: it makes one call after the other. Its
// state (State) changes through one method that checks a table and, when
// the lab traces states, records a StateEvent:
//
//	         start            call blocks
//	down ─────────────▶ waiting ──────────▶ blocked
//	                     ▲   │ ◀──────────    │
//	                     │   │  it returns,   │
//	                     │   │  next not due  │
//	                     │   ▼                ▼
//	                     │  done (past its last step: it waits for ever,
//	                     │        its sockets open, as in pause())
//	                     └─ exited (exit: the OS closed its sockets)
//
// From down a program may reach any state at once (its first steps ran
// without waiting); a crash, a stop or a power cut takes any state to
// down.
//
// # Files
//
//	step.go      Step, the calls, shutdown's sides, targets, limits
//	opt.go       the socket options setsockopt takes, their units and bounds
//	validate.go  Validate: a script checked as a whole
//	program.go   Program: the sequence, reactions, timing
//	calls.go     each call, on netsim's sockets (by lab/sockcall's rules,
//	             which drill shares: errnos, when a blocked call returns)
//	narrate.go   what a call's result means, in plain words
//	syscall.go   SyscallEvent and its strace-like line
//	state.go     State, its transitions, StateEvent
//	view.go      View: what the interface shows of a program
package script
