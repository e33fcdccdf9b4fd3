package ladder

import (
	"github.com/socklab/socklab/ui/common"
	"github.com/socklab/socklab/ui/feed"
)

// Rows draws rows that are not the pane's own list — a drill run's, each
// beside the script line it answers (ui/pages/drill) — in w cells over the
// lanes nodes: the lane names, then one line per row, the row sel marked
// ▸ (-1: none). A nil row is an empty line.
func Rows(c *common.Common, w int, nodes []string, via Paths, rows []*feed.Row, sel int) []string {
	v := newWireView(c, w, nodes, via)
	out := make([]string, 0, len(rows)+1)
	out = append(out, v.header())
	for i, r := range rows {
		if r == nil {
			out = append(out, "")
			continue
		}
		out = append(out, v.row(r, i == sel))
	}
	return out
}
