// Package sweep is the interactive chart of a finished sweep
// (scenarios/sweep): one measure at a time against the first parameter,
// drawn with ntcharts' line chart, a line per value of the second
// parameter; a cursor that moves along the curve, and beside the chart the
// point's numbers — its parameters and every measure shown. enter chooses
// the point (the command opens its run in the lab), L switches the
// language, q leaves.
//
//	←/→ h/l      the previous and next point of the line
//	↑/↓ k/j      the line above and below (a grid's second parameter)
//	tab, S-tab   the next and previous measure
//	home/end     the first and last point
//	enter        open the point's run in the lab (ChosenMsg)
//	L            English / 中文
//	q, esc       leave
//
// # Files
//
//	model.go  Model, New, Update: the cursor and the keys
//	view.go   View: the title, the chart, the point's numbers, the help
package sweep
