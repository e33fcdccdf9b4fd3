package script

import (
	"net/netip"

	"github.com/socklab/socklab/lab/i18n"
)

// Error names what is wrong in a script: the step (from 0), the key of
// that step (the call's, "at", "fd", …; "" for the step as a whole), and
// what, as a message of the catalog.
type Error struct {
	Step  int
	Field string
	Msg   i18n.Message
}

func (e *Error) Error() string { return e.Msg.In(i18n.English) }

func stepErr(i int, field string, id i18n.ID, args ...any) error {
	return &Error{Step: i, Field: field, Msg: i18n.M(id, args...)}
}

// Validate checks a script after the scenarios package has read it: each
// step's values (what the reader could check alone it has checked), that
// connect names something that exists (known says whether a host or NAT of
// that name does), and, following the sequence, that each call has a
// socket to act on: a write needs a connection before it, an accept a
// listening socket. Reactions are not followed: they run after some call
// on a socket.
func Validate(steps []Step, known func(name string) bool) error {
	switch {
	case len(steps) == 0:
		return &Error{Step: -1, Msg: i18n.M(i18n.ScriptNoSteps)}
	case len(steps) > MaxSteps:
		return &Error{Step: -1, Msg: i18n.M(i18n.ScriptTooManySteps, "Max", MaxSteps, "Count", len(steps))}
	}
	var cur sockKind // the current socket, as the sequence leaves it
	listening, connects := false, false
	for i, st := range steps {
		if err := st.check(i, known); err != nil {
			return err
		}
		if st.Call == Connect && st.On == "" {
			connects = true
		}
		if st.On != "" || st.FD != 0 {
			continue
		}
		key := st.Call.String()
		switch st.Call {
		case Connect:
			cur = sockConn
		case Listen:
			cur, listening = sockListener, true
		case Accept:
			if !listening {
				return stepErr(i, key, i18n.ScriptAcceptNoListen)
			}
			cur = sockConn
		case Write, Read, Shutdown:
			if cur != sockConn {
				return stepErr(i, key, i18n.ScriptNoConnection, "Call", key)
			}
		case Close:
			if cur == sockNone {
				return stepErr(i, key, i18n.ScriptNothingToClose)
			}
			if cur == sockListener {
				listening = false
			}
			cur = sockNone
		case Setsockopt:
			if cur == sockNone {
				cur = sockFresh
			}
		case Reconnect:
			cur = sockNone
		}
	}
	for i, st := range steps {
		if st.Call == Reconnect && !connects {
			return stepErr(i, "reconnect", i18n.ScriptReconnectNoConnect)
		}
	}
	return nil
}

// sockKind is what the current socket is, as far as the checks follow it.
type sockKind uint8

const (
	sockNone     sockKind = iota
	sockFresh             // made by setsockopt, not yet connected or listening
	sockConn              // connected (or trying to)
	sockListener          // listening
)

// check checks one step alone.
func (st Step) check(i int, known func(string) bool) error {
	switch {
	case st.HasAt && st.After != 0:
		return stepErr(i, "after", i18n.ScriptAtAndAfter)
	case st.At < 0:
		return stepErr(i, "at", i18n.RuleNotNegativeValue, "Value", st.At.String())
	case st.After < 0:
		return stepErr(i, "after", i18n.RuleNotNegativeValue, "Value", st.After.String())
	case st.FD < 0:
		return stepErr(i, "fd", i18n.RuleNotNegativeValue, "Value", st.FD)
	}
	if st.On != "" {
		if err := ParseOn(st.On); err != nil {
			return &Error{Step: i, Field: "on", Msg: err.(*i18n.Error).Message}
		}
	}
	key := st.Call.String()
	switch st.Call {
	case Connect:
		if _, err := netip.ParseAddr(st.Host); err != nil && !known(st.Host) {
			return stepErr(i, key, i18n.ScriptConnectNowhere, "Host", st.Host)
		}
		if st.Port == 0 {
			return stepErr(i, key, i18n.ScriptTargetPort, "Value", "0")
		}
	case Listen:
		switch {
		case st.Port == 0:
			return stepErr(i, key, i18n.ScriptTargetPort, "Value", "0")
		case st.Backlog < 0:
			return stepErr(i, key, i18n.RuleNotNegativeValue, "Value", st.Backlog)
		}
	case Accept:
		if st.Count < 1 || st.Count > MaxAccept {
			return stepErr(i, key, i18n.RuleBetween, "Min", 1, "Max", MaxAccept, "Value", st.Count)
		}
	case Write:
		switch {
		case st.Text != "" && len(st.Text) > MaxText:
			return stepErr(i, key, i18n.ScriptTextTooLong, "Max", MaxText, "Count", len(st.Text))
		case st.Text == "" && (st.Count < 1 || st.Count > MaxWrite):
			return stepErr(i, key, i18n.RuleBetweenBytes, "Min", 1, "Max", MaxWrite, "Value", st.Count)
		}
	case Log:
		if len(st.Text) > MaxText {
			return stepErr(i, key, i18n.ScriptTextTooLong, "Max", MaxText, "Count", len(st.Text))
		}
	case Shutdown:
		if st.How == 0 {
			return stepErr(i, key, i18n.RuleOneOfValue, "Choices", i18n.Or(ShutKeys), "Value", "")
		}
	case Setsockopt:
		if len(st.Opts) == 0 {
			return stepErr(i, key, i18n.ScriptNoOptions, "Known", i18n.List(OptionNames()))
		}
	case Sleep:
		if st.Sleep < 0 {
			return stepErr(i, key, i18n.RuleNotNegativeValue, "Value", st.Sleep.String())
		}
	case Read, Close, Reconnect, Exit:
	default:
		return stepErr(i, "", i18n.ScriptNoCall, "Known", i18n.List(CallNames()))
	}
	return nil
}
