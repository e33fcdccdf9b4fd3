package ladder

import (
	"strings"
	"testing"

	"github.com/socklab/socklab/lab/i18n"
	"github.com/socklab/socklab/ui/common/screentest"
)

// TestHeaderNamesNeverTouch: the lane names are centred on their lanes
// while they stand apart; nat-conntrack's nine nodes at 80 columns ran
// together ("home-ahome-b home-chome-d"), and are listed a space apart
// instead.
func TestHeaderNamesNeverTouch(t *testing.T) {
	c := screentest.Common(i18n.English)
	for _, tc := range []struct {
		nodes []string
		w     int
		want  string
	}{
		{[]string{"client", "server"}, 78, "client                                                server"},
		{[]string{"home-a", "home-b", "home-c", "home-d", "nat-a", "nat-b", "nat-c", "nat-d", "server"}, 78,
			"home-a home-b home-c home-d nat-a nat-b nat-c nat-d server"},
	} {
		got := newWireView(c, tc.w, tc.nodes, Paths{}).header()
		if !strings.Contains(got, tc.want) {
			t.Errorf("%d nodes at %d: got %q, want it to hold %q", len(tc.nodes), tc.w, got, tc.want)
		}
	}
}
