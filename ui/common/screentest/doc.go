// Package screentest is what the tests of the interface's pages share to
// drive a page as a terminal would: a Common whose colour profile is
// pinned to plain text (golden files do not depend on the terminal the
// tests run in), keys by their names, and the check that a view fills its
// terminal exactly — h lines of exactly w cells, nothing wrapped, nothing
// missing.
//
// It is imported by tests only (ui/pages/lab, drill, sweep, picker).
//
// # Files
//
//	screentest.go  Common, Key, Press, Check
package screentest
