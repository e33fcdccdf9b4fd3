package lab

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// A timeline's action whose check fails with an error other than an
// ActionError is still reported at its entry, not a panic of an unchecked
// type assertion (issue 19, defect 3).
func TestTimelineErrorOfAnyType(t *testing.T) {
	i := -1
	for j, v := range verbs {
		if v.Name == Expire {
			i = j
		}
	}
	saved := verbs[i].check
	defer func() { verbs[i].check = saved }()
	verbs[i].check = func(*Session, Action) error { return errors.New("the firewall is on fire") }

	cfg := twoHosts(serverApp(nil), clientApp(nil))
	cfg.Timeline = []TimedAction{
		{At: time.Second, Action: Action{Do: PowerOff, Target: "server"}},
		{At: 2 * time.Second, Action: Action{Do: Expire, Target: "fw"}},
	}
	_, err := New(cfg)
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Path != "timeline[1]" || !strings.Contains(err.Error(), "the firewall is on fire") {
		t.Errorf("got %v, want a FieldError at timeline[1] that keeps the error's words", err)
	}
}

// A live change of socket options the stack refuses is a bug of the
// configuration's validation, and it says so (issue 19, defect 6: the
// error of SetOptions was dropped).
func TestRefusedSocketOptionsPanic(t *testing.T) {
	r := newRecorder(t, twoHosts(serverApp(nil), clientApp(nil)))
	r.s.RunUntil(time.Second)
	c := r.s.byName["client"].(*clientGroup).clients[0]
	if c.conn == nil {
		t.Fatal("the client is not connected after 1 s")
	}
	bad := *c.cfg
	bad.Keepalive.Idle = -time.Second
	defer func() {
		msg, _ := recover().(string)
		if !strings.Contains(msg, "keepalive.idle must not be negative") {
			t.Errorf("panic %q, want the refusal of keepalive.idle", msg)
		}
	}()
	setOptions(c.conn, &bad)
}
