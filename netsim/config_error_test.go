package netsim_test

import (
	"errors"
	"net/netip"
	"testing"
	"time"

	"github.com/socklab/socklab/netsim"
)

// Every setting the simulator refuses is a *ConfigError naming it as
// scenario files do, so that the layers above can point at the field
// without reading the message.
func TestConfigErrorsNameTheSetting(t *testing.T) {
	sim := func() *netsim.Sim {
		s := netsim.New(1)
		must[*netsim.Host](t)(s.AddHost("a", clientIP, netsim.Linux()))
		must[*netsim.Host](t)(s.AddHost("b", serverIP, netsim.Linux()))
		return s
	}
	public := netip.MustParseAddr("203.0.113.1")
	for _, tc := range []struct {
		name, field string
		err         func() error
	}{
		{"keepalive idle", "keepalive.idle", func() error { return netsim.SockOpts{KeepIdle: -time.Second}.Validate() }},
		{"keepalive interval", "keepalive.interval", func() error { return netsim.SockOpts{KeepIntvl: -time.Second}.Validate() }},
		{"keepalive count", "keepalive.count", func() error { return netsim.SockOpts{KeepCnt: -1}.Validate() }},
		{"user timeout", "user_timeout", func() error { return netsim.SockOpts{UserTimeout: -time.Second}.Validate() }},
		{"syn retries", "syn_retries", func() error { return netsim.SockOpts{SynRetries: 128}.Validate() }},
		{"idle timeout set live", "idle_timeout", func() error {
			s := sim()
			m := must[*netsim.Middlebox](t)(s.AddMiddlebox("fw", netsim.MiddleboxConfig{Kind: netsim.Firewall, Outside: "b", IdleTimeout: time.Minute}))
			return m.SetIdleTimeout(0)
		}},
		{"host name taken", "name", func() error {
			_, err := sim().AddHost("a", netip.MustParseAddr("10.0.0.9"), netsim.Linux())
			return err
		}},
		{"host address taken", "ip", func() error { _, err := sim().AddHost("c", clientIP, netsim.Linux()); return err }},
		{"NAT address taken", "public_ip", func() error {
			_, err := sim().AddMiddlebox("nat", netsim.MiddleboxConfig{Kind: netsim.NAT, Outside: "b", IdleTimeout: time.Minute, PublicIP: serverIP})
			return err
		}},
		{"firewall with an address", "public_ip", func() error {
			_, err := sim().AddMiddlebox("fw", netsim.MiddleboxConfig{Kind: netsim.Firewall, Outside: "b", IdleTimeout: time.Minute, PublicIP: public})
			return err
		}},
		{"router with an address", "public_ip", func() error {
			_, err := sim().AddMiddlebox("r", netsim.MiddleboxConfig{Kind: netsim.Router, PublicIP: public})
			return err
		}},
		{"link to nowhere", "between", func() error { _, err := sim().AddLink("a", "z", netsim.LinkConfig{}); return err }},
		{"link twice", "between", func() error {
			s := sim()
			must[*netsim.Link](t)(s.AddLink("a", "b", netsim.LinkConfig{}))
			_, err := s.AddLink("b", "a", netsim.LinkConfig{})
			return err
		}},
		{"negative backlog", "backlog", func() error {
			p := must[*netsim.Process](t)(sim().Host("b").NewProcess("server"))
			_, err := p.Listen(80, -1, netsim.SockOpts{})
			return err
		}},
		{"unknown policy", "on_expired", func() error { _, err := netsim.ParseExpiryPolicy("reject"); return err }},
		{"unknown port policy", "ports", func() error { _, err := netsim.ParsePortPolicy("sequential"); return err }},
		{"unknown kind", "kind", func() error { _, err := netsim.ParseMiddleboxKind("proxy"); return err }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.err()
			var ce *netsim.ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("error %v (%T), want a *netsim.ConfigError", err, err)
			}
			if ce.Field != tc.field {
				t.Errorf("field %q (%v), want %q", ce.Field, err, tc.field)
			}
		})
	}
}

// A policy's error lists every name the setting takes, from the table.
func TestParseSettingListsTheNames(t *testing.T) {
	_, err := netsim.ParseExpiryPolicy("reject")
	if got, want := err.Error(), `on_expired must be drop, pickup, rst or rst-both, not "reject"`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, p := range netsim.ExpiryPolicies() {
		if got, err := netsim.ParseExpiryPolicy(p.String()); err != nil || got != p {
			t.Errorf("ParseExpiryPolicy(%q) = %v, %v; want %v", p.String(), got, err, p)
		}
	}
}
