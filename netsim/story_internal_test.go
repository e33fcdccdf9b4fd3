package netsim

import "testing"

// TestNumberedTriggersAreNumbered holds Trigger.numbered, the test xmit
// makes before it calls number, to number's own list: a trigger number
// counts must be numbered, and no other.
func TestNumberedTriggersAreNumbered(t *testing.T) {
	for i := range triggerNames {
		tr := Trigger(i)
		if i == 0 {
			continue
		}
		c := &Conn{host: &Host{profile: Linux()}, probes: 1}
		st := Story{Trigger: tr}
		c.number(&st)
		if counted := st.N != 0; counted != tr.numbered() {
			t.Errorf("%s: number counts it %v, numbered says %v", triggerNames[i].Name, counted, tr.numbered())
		}
	}
}
