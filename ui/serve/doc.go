// Package serve is socklab serve: the lab over SSH, for a classroom. Every
// student types ssh -p 2222 HOST and gets, in their own terminal, the
// picker of the lessons and then their own lab — nothing installed, on any
// system with an SSH client.
//
// One process serves every session (charmbracelet/wish and its Bubble Tea
// middleware). Each session has its own program, its own Common built from
// its own lipgloss renderer (its colour profile and background; ui/common
// holds no package-level style), its reader's language (from the LANG
// their ssh sends, else English; L switches it), its own size, and its
// own labs: sessions share nothing mutable but the Class, behind its
// lock, which only carries messages between them.
//
// # Fair share
//
// A lab runs in its session's Update, so the sessions' programs are the
// Go scheduler's goroutines, sharing the cores. Three bounds keep one
// student from taking them: each Update runs at most WorkPerUpdate events
// (a frame of a herd at ×100,000 lags behind, and its status line says
// so, instead of running for seconds); each lesson opened has a work
// budget (--budget, lab.Budget), after which its lab stops and says so;
// and the server takes at most --max-sessions students, telling the next
// one politely that it is full. A session no one has typed in for --idle
// ends (one following the teacher does not).
//
// # Only the lab
//
// guard.go refuses everything else SSH offers where it is asked for:
// port forwarding (-L, -R, -D), agent and X11 forwarding (-A, -X),
// commands (ssh HOST CMD), subsystems (sftp, scp), a session without a
// terminal. The lab itself writes no file (its record key is off). The log
// (charmbracelet/log, on standard error) has each connection and
// disconnection — who, from where, teacher or student, language, terminal,
// how long, why it ended — and never a key.
//
// # The teacher
//
// With a teacher key, the session that proved it holds it is the
// teacher's. The teacher presents (ctrl+p) the lab they have open:
// after each of the teacher's Updates that changed the run, the session
// sends the Class what makes the run — the lesson, the inputs applied
// (faults, edits), the simulated time (labpage.Presented). Each student
// who follows (ctrl+t) has a follower lab (labpage.NewFollower) that
// re-simulates it in its own session: the core is deterministic, so it is
// the teacher's run event for event, drawn at the student's size, colours
// and language, read-only; v branches it into the student's own lab from
// that moment (the replay's branch), leaving the teacher's untouched.
//
// Why re-simulate rather than draw the teacher's screen for everyone: a
// screen is drawn for one terminal (its size, its colour profile, its
// language), so forty followers need forty views anyway, and drawing
// them from the teacher's session would mean reading it from forty
// goroutines while it runs. A lesson's simulation at ×100 costs far less
// than its drawing (a few hundred events a second against a frame's
// layout), so the followers' replicas cost little more than their views,
// need no lock on the teacher's lab, and make branching free: the
// follower already holds a session at the teacher's moment.
//
// The teacher also sees the class (ctrl+o: each student, where from,
// the lesson open or "following you") and hands out (ctrl+x) the lesson
// they have open: each student's class line offers it (ctrl+g opens it).
// An Exercise is the hook for the exercises to come: a lesson's next step
// joins its lesson there, and the student's lab opens at it.
//
// # Files
//
//	server.go   Config, its defaults and bounds, New, Listen, Serve
//	guard.go    only the lab: refusals, the session cap, the log
//	program.go  a session's program, its renderer and language; idle
//	session.go  the session's model: the class line and keys over the App
//	class.go    Class: members, the presentation, hand-outs, mailboxes
package serve
