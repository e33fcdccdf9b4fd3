package netsim

import "testing"

// TestMsgIDNumbersNames: the run's table gives each message name one
// number, from 1 in the order the names come, and 0 to the empty name,
// whether msgID finds a name among the last two it found or in the table;
// a packet's number gives its name back.
func TestMsgIDNumbersNames(t *testing.T) {
	s := New(1)
	want := map[string]uint16{"": 0}
	for _, name := range []string{"", "heartbeat", "heartbeat_ack", "heartbeat", "data", "heartbeat_ack", "heartbeat", "", "data", "data", "x"} {
		id := s.msgID(name)
		if w, ok := want[name]; ok && id != w {
			t.Fatalf("msgID(%q) = %d, before %d", name, id, w)
		}
		if _, ok := want[name]; !ok {
			if int(id) != len(want) {
				t.Fatalf("msgID(%q) = %d for a new name, want %d", name, id, len(want))
			}
			want[name] = id
		}
		if got := s.msgName(&Packet{msg: id}); got != name {
			t.Fatalf("msgName of %d = %q, want %q", id, got, name)
		}
	}
}
