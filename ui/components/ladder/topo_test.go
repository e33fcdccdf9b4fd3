package ladder

import (
	"slices"
	"testing"

	"github.com/socklab/socklab/scenarios"
)

func TestNodeOrderPutsClientsLeftAndServersRight(t *testing.T) {
	cases := []struct {
		scenario string
		want     []string
	}{
		{"power-loss-heartbeat", []string{"client", "server"}},
		{"firewall-idle-drop", []string{"client", "fw", "server"}},
		{"thundering-herd", []string{"herd", "server"}},
	}
	for _, c := range cases {
		sc, err := scenarios.Load(c.scenario)
		if err != nil {
			t.Fatal(err)
		}
		if got := NodeOrder(&sc.Config); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.scenario, got, c.want)
		}
	}
}
