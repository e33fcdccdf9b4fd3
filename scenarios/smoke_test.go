package scenarios

import (
	"testing"

	"github.com/socklab/socklab/netsim"
)

func TestSmoke(t *testing.T) {
	sc, err := Load("power-loss-heartbeat")
	if err != nil {
		t.Fatal(err)
	}
	res, err := sc.Run(0, func(e netsim.Event) {
		if e.Kind() != "segment" {
			t.Log(netsim.Format(e))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed != 0 {
		t.Errorf("%d failed", res.Failed)
	}
}
